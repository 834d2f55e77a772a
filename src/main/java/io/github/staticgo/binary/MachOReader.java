package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Reads thin and fat (universal) Mach-O files. */
final class MachOReader {

    static final int MH_MAGIC = 0xfeedface;
    static final int MH_MAGIC_64 = 0xfeedfacf;
    static final int FAT_MAGIC = 0xcafebabe;
    static final int FAT_MAGIC_64 = 0xcafebabf;

    /**
     * More slices than any universal binary has; Java class files share {@code 0xcafebabe} and
     * carry their major version (45 and up) where a fat file has its count, which tells them apart.
     */
    static final int MAX_FAT_ARCHES = 30;

    private static final long MAX_COMMANDS_SIZE = 16L << 20;
    private static final int MAX_COMMANDS = 65_536;
    private static final int MAX_SECTIONS_PER_SEGMENT = 65_536;

    private static final int LC_SEGMENT = 0x1;
    private static final int LC_SYMTAB = 0x2;
    private static final int LC_DYSYMTAB = 0xb;
    private static final int LC_LOAD_DYLIB = 0xc;
    private static final int LC_LOAD_DYLINKER = 0xe;
    private static final int LC_LOAD_WEAK_DYLIB = 0x80000018;
    private static final int LC_SEGMENT_64 = 0x19;
    private static final int LC_REEXPORT_DYLIB = 0x8000001f;
    private static final int LC_LAZY_LOAD_DYLIB = 0x20;
    private static final int LC_LOAD_UPWARD_DYLIB = 0x80000023;
    private static final int LC_VERSION_MIN_MACOSX = 0x24;
    private static final int LC_VERSION_MIN_IPHONEOS = 0x25;
    private static final int LC_BUILD_VERSION = 0x32;

    private record Segment(
            String name, long vmaddr, long vmsize, long fileoff, long filesize, int maxprot, int initprot) {}

    private record Section(String name, String segment, long addr, long size, long offset) {}

    private MachOReader() {}

    /** Whether the first four bytes (read big-endian) are a fat header worth trying. */
    static boolean isFat(int magic) {
        return magic == FAT_MAGIC || magic == FAT_MAGIC_64;
    }

    static boolean isThin(int magic) {
        return magic == MH_MAGIC
                || magic == MH_MAGIC_64
                || Integer.reverseBytes(magic) == MH_MAGIC
                || Integer.reverseBytes(magic) == MH_MAGIC_64;
    }

    /** Reads a fat file, or returns null when the count says it is a Java class file instead. */
    static BinaryReport readFat(FileView file) throws IOException, MalformedBinaryException {
        ByteBuffer header = file.read(0, 8, ByteOrder.BIG_ENDIAN, "fat header");
        boolean fat64 = header.getInt(0) == FAT_MAGIC_64;
        long count = header.getInt(4) & 0xffffffffL;
        if (count > MAX_FAT_ARCHES) {
            return null;
        }
        if (count == 0) {
            throw new MalformedBinaryException("fat Mach-O file without architectures");
        }
        int entrySize = fat64 ? 32 : 20;
        ByteBuffer arches = file.read(8, count * entrySize, ByteOrder.BIG_ENDIAN, "fat architecture table");
        List<BinaryReport> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = i * entrySize;
            int cpuType = arches.getInt(at);
            long offset = fat64 ? arches.getLong(at + 8) : arches.getInt(at + 8) & 0xffffffffL;
            long size = fat64 ? arches.getLong(at + 16) : arches.getInt(at + 12) & 0xffffffffL;
            FileView slice = file.slice(offset, size, "fat architecture " + i);
            if (slice.size() < 4) {
                throw new MalformedBinaryException("fat architecture " + i + " is too small for a Mach-O header");
            }
            int magic = slice.read(0, 4, ByteOrder.BIG_ENDIAN, "Mach-O magic").getInt(0);
            if (!isThin(magic)) {
                throw new MalformedBinaryException(String.format(
                        "fat architecture %d at offset %d does not start with a Mach-O header", i, offset));
            }
            BinaryReport report = readThin(slice);
            if (report.macho().cpuType() != cpuType) {
                throw new MalformedBinaryException(String.format(
                        "fat architecture %d says cputype 0x%x but its Mach-O header says 0x%x",
                        i, cpuType, report.macho().cpuType()));
            }
            slices.add(report);
        }
        return aggregate(file.size(), slices);
    }

    /** A fat file's own report states what all its slices agree on. */
    private static BinaryReport aggregate(long size, List<BinaryReport> slices) {
        List<String> architectures = new ArrayList<>();
        for (BinaryReport s : slices) {
            architectures.addAll(s.architectures());
        }
        BinaryReport.MachODetails details = new BinaryReport.MachODetails(
                true, 0, 0, 0, null, common(slices, s -> s.macho().platform()), slices);
        List<String> needed = common(slices, BinaryReport::needed);
        return new BinaryReport(
                Format.MACHO,
                size,
                common(slices, BinaryReport::goos),
                common(slices, BinaryReport::goarch),
                common(slices, BinaryReport::machine),
                orZero(common(slices, BinaryReport::bits)),
                common(slices, BinaryReport::endianness),
                common(slices, BinaryReport::abi),
                common(slices, BinaryReport::variant),
                null,
                common(slices, BinaryReport::interpreter),
                needed == null ? List.of() : needed,
                List.of(),
                slices.stream().allMatch(BinaryReport::stripped),
                slices.stream().anyMatch(BinaryReport::upxPacked),
                false,
                null,
                common(slices, BinaryReport::goBuildId),
                common(slices, BinaryReport::goBuildInfo),
                architectures,
                null,
                null,
                details);
    }

    private static <T> T common(List<BinaryReport> slices, Function<BinaryReport, T> field) {
        T first = field.apply(slices.get(0));
        for (BinaryReport s : slices) {
            if (!Objects.equals(first, field.apply(s))) {
                return null;
            }
        }
        return first;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    static BinaryReport readThin(FileView file) throws IOException, MalformedBinaryException {
        int raw = file.read(0, 4, ByteOrder.BIG_ENDIAN, "Mach-O magic").getInt(0);
        ByteOrder order = raw == MH_MAGIC || raw == MH_MAGIC_64 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int magic = order == ByteOrder.BIG_ENDIAN ? raw : Integer.reverseBytes(raw);
        boolean is64 = magic == MH_MAGIC_64;
        int headerSize = is64 ? 32 : 28;
        ByteBuffer header = file.read(0, headerSize, order, "Mach-O header");
        int cpuType = header.getInt(4);
        int cpuSubtype = header.getInt(8);
        int fileType = header.getInt(12);
        long ncmds = header.getInt(16) & 0xffffffffL;
        long sizeofcmds = header.getInt(20) & 0xffffffffL;
        if (ncmds > MAX_COMMANDS || sizeofcmds > MAX_COMMANDS_SIZE) {
            throw new MalformedBinaryException("Mach-O header declares " + ncmds + " load commands in " + sizeofcmds
                    + " bytes; refusing more than " + MAX_COMMANDS + " or " + MAX_COMMANDS_SIZE);
        }
        ByteBuffer commands = file.read(headerSize, sizeofcmds, order, "Mach-O load commands");

        List<Segment> segments = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        List<String> dylibs = new ArrayList<>();
        String dylinker = null;
        String platform = null;
        boolean hasSymtab = false;
        long nsyms = 0;
        long nlocalsym = -1;
        int at = 0;
        for (long i = 0; i < ncmds; i++) {
            if (at + 8 > sizeofcmds) {
                throw new MalformedBinaryException("Mach-O load command " + i + " runs past sizeofcmds");
            }
            int cmd = commands.getInt(at);
            long cmdsize = commands.getInt(at + 4) & 0xffffffffL;
            if (cmdsize < 8 || at + cmdsize > sizeofcmds) {
                throw new MalformedBinaryException(
                        "Mach-O load command " + i + " has size " + cmdsize + ", outside the load command area");
            }
            ByteBuffer command = commands.slice(at, (int) cmdsize).order(order);
            switch (cmd) {
                case LC_SEGMENT, LC_SEGMENT_64 -> segment(file, command, cmd == LC_SEGMENT_64, segments, sections);
                case LC_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB, LC_LAZY_LOAD_DYLIB, LC_LOAD_UPWARD_DYLIB ->
                    dylibs.add(commandString(command, "dylib name"));
                case LC_LOAD_DYLINKER -> dylinker = commandString(command, "dylinker name");
                case LC_SYMTAB -> {
                    requireSize(command, 24, "LC_SYMTAB");
                    hasSymtab = true;
                    nsyms = command.getInt(12) & 0xffffffffL;
                }
                case LC_DYSYMTAB -> {
                    requireSize(command, 80, "LC_DYSYMTAB");
                    nlocalsym = command.getInt(12) & 0xffffffffL;
                }
                case LC_BUILD_VERSION -> {
                    requireSize(command, 24, "LC_BUILD_VERSION");
                    if (platform == null) {
                        platform = platformName(command.getInt(8));
                    }
                }
                case LC_VERSION_MIN_MACOSX -> platform = platform == null ? "macos" : platform;
                case LC_VERSION_MIN_IPHONEOS -> platform = platform == null ? "ios" : platform;
                default -> {}
            }
            at += (int) cmdsize;
        }

        AddressMap memory = new AddressMap();
        for (Segment s : segments) {
            if (!s.name.equals("__PAGEZERO")) {
                memory.add(s.vmaddr, s.fileoff, s.filesize);
            }
        }
        GoBuildInfo buildInfo = goBuildInfo(file, memory, segments, sections);
        String goBuildId = goBuildId(file, sections);

        String goarch = Architectures.machoGoarch(cpuType);
        String machine = Architectures.machoMachineName(cpuType);
        String goos = switch (platform == null ? "" : platform) {
            case "macos" -> "darwin";
            case "ios", "ios-simulator" -> "ios";
            default -> buildInfo != null ? buildInfo.setting("GOOS") : null;
        };
        boolean stripped = !hasSymtab || nsyms == 0 || nlocalsym == 0;
        BinaryReport.MachODetails details = new BinaryReport.MachODetails(
                false, cpuType, cpuSubtype, fileType, fileTypeName(fileType), platform, List.of());
        return new BinaryReport(
                Format.MACHO,
                file.size(),
                goos,
                goarch,
                machine,
                is64 ? 64 : 32,
                order == ByteOrder.BIG_ENDIAN ? "big" : "little",
                null,
                Architectures.variant(goarch, buildInfo),
                null,
                dylinker,
                dylibs,
                List.of(),
                stripped,
                Markers.hasUpxMarker(file),
                false,
                null,
                goBuildId,
                buildInfo,
                List.of(Architectures.architecture(goarch, machine)),
                null,
                null,
                details);
    }

    private static void segment(
            FileView file, ByteBuffer command, boolean is64, List<Segment> segments, List<Section> sections)
            throws MalformedBinaryException {
        int headerSize = is64 ? 72 : 56;
        int sectionSize = is64 ? 80 : 68;
        requireSize(command, headerSize, "segment command");
        String name = fixedString(command, 8);
        long vmaddr = is64 ? command.getLong(24) : command.getInt(24) & 0xffffffffL;
        long vmsize = is64 ? command.getLong(32) : command.getInt(28) & 0xffffffffL;
        long fileoff = is64 ? command.getLong(40) : command.getInt(32) & 0xffffffffL;
        long filesize = is64 ? command.getLong(48) : command.getInt(36) & 0xffffffffL;
        int maxprot = command.getInt(is64 ? 56 : 40);
        int initprot = command.getInt(is64 ? 60 : 44);
        long nsects = command.getInt(is64 ? 64 : 48) & 0xffffffffL;
        if (filesize != 0) {
            file.check(fileoff, filesize, "Mach-O segment " + name);
        }
        if (nsects > MAX_SECTIONS_PER_SEGMENT || headerSize + nsects * sectionSize > command.capacity()) {
            throw new MalformedBinaryException(
                    "Mach-O segment " + name + " declares " + nsects + " sections that do not fit its load command");
        }
        segments.add(new Segment(name, vmaddr, vmsize, fileoff, filesize, maxprot, initprot));
        for (int i = 0; i < nsects; i++) {
            int at = headerSize + i * sectionSize;
            sections.add(new Section(
                    fixedString(command, at),
                    fixedString(command, at + 16),
                    is64 ? command.getLong(at + 32) : command.getInt(at + 32) & 0xffffffffL,
                    is64 ? command.getLong(at + 40) : command.getInt(at + 36) & 0xffffffffL,
                    command.getInt(at + (is64 ? 48 : 40)) & 0xffffffffL));
        }
    }

    private static GoBuildInfo goBuildInfo(
            FileView file, AddressMap memory, List<Segment> segments, List<Section> sections)
            throws IOException, MalformedBinaryException {
        GoBuildInfoReader reader = new GoBuildInfoReader(file, memory);
        for (Section s : sections) {
            if (s.name.equals("__go_buildinfo")) {
                return reader.read(s.addr, s.size);
            }
        }
        final int rw = 3;
        for (Segment s : segments) {
            if (s.vmaddr != 0 && s.filesize != 0 && s.initprot == rw && s.maxprot == rw) {
                return reader.read(s.vmaddr, s.vmsize);
            }
        }
        return null;
    }

    /** As Go's own reader: the first 32 KiB, else the start of {@code __text}. */
    private static String goBuildId(FileView file, List<Section> sections)
            throws IOException, MalformedBinaryException {
        String id = Markers.goBuildId(file.readUpTo(0, Markers.GO_BUILD_ID_WINDOW));
        if (id != null) {
            return id;
        }
        for (Section s : sections) {
            if (s.name.equals("__text")) {
                long n = Long.compareUnsigned(s.size, Markers.GO_BUILD_ID_WINDOW) < 0
                        ? s.size
                        : Markers.GO_BUILD_ID_WINDOW;
                if (!file.contains(s.offset, n)) {
                    throw new MalformedBinaryException("Mach-O __text section lies outside the file");
                }
                return Markers.goBuildId(file.bytes(s.offset, n, "__text section"));
            }
        }
        return null;
    }

    private static void requireSize(ByteBuffer command, int size, String what) throws MalformedBinaryException {
        if (command.capacity() < size) {
            throw new MalformedBinaryException(what + " of " + command.capacity() + " bytes is shorter than " + size);
        }
    }

    /** The string a load command holds at the offset in its third word ({@code lc_str}). */
    private static String commandString(ByteBuffer command, String what) throws MalformedBinaryException {
        requireSize(command, 12, what);
        long offset = command.getInt(8) & 0xffffffffL;
        if (offset < 12 || offset >= command.capacity()) {
            throw new MalformedBinaryException(what + " offset " + offset + " lies outside its load command");
        }
        int end = (int) offset;
        while (end < command.capacity() && command.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - (int) offset];
        command.get((int) offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String fixedString(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[16];
        buffer.get(at, bytes);
        int end = 0;
        while (end < 16 && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static String platformName(int platform) {
        return switch (platform) {
            case 1 -> "macos";
            case 2 -> "ios";
            case 3 -> "tvos";
            case 4 -> "watchos";
            case 5 -> "bridgeos";
            case 6 -> "mac-catalyst";
            case 7 -> "ios-simulator";
            case 8 -> "tvos-simulator";
            case 9 -> "watchos-simulator";
            case 10 -> "driverkit";
            case 11 -> "visionos";
            case 12 -> "visionos-simulator";
            default -> "platform-" + platform;
        };
    }

    private static String fileTypeName(int fileType) {
        return switch (fileType) {
            case 1 -> "object";
            case 2 -> "execute";
            case 3 -> "fvmlib";
            case 4 -> "core";
            case 5 -> "preload";
            case 6 -> "dylib";
            case 7 -> "dylinker";
            case 8 -> "bundle";
            case 9 -> "dylib-stub";
            case 10 -> "dsym";
            case 11 -> "kext-bundle";
            case 12 -> "fileset";
            default -> "filetype-" + fileType;
        };
    }
}
