package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a PE/COFF file: machine, subsystem, imported DLLs, COFF symbols, Go build ID and build info. */
final class PeReader {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int PE32 = 0x10b;
    private static final int PE32_PLUS = 0x20b;
    private static final int IMAGE_FILE_DLL = 0x2000;
    private static final int MAX_SECTIONS = 96; // the PE loader's own limit
    private static final int MAX_IMPORTS = 4_096;
    private static final int MAX_NAME = 512;

    private static final long SCN_CNT_INITIALIZED_DATA = 0x40;
    private static final long SCN_ALIGN_32BYTES = 0x600000;
    private static final long SCN_MEM_READ = 0x40000000L;
    private static final long SCN_MEM_WRITE = 0x80000000L;

    private record Section(
            String name, long virtualSize, long virtualAddress, long rawSize, long rawOffset, long characteristics) {}

    private PeReader() {}

    /**
     * Reads the file, or returns null when the MZ header leads to no PE signature (a DOS or other
     * MZ-based program, which is an unknown format rather than a malformed PE file).
     */
    static BinaryReport read(FileView file) throws IOException, MalformedBinaryException {
        ByteBuffer dos = file.read(0, 64, LE, "MZ header");
        long peOffset = dos.getInt(0x3c) & 0xffffffffL;
        ByteBuffer signature = file.read(peOffset, 4, LE, "PE signature");
        if (signature.getInt(0) != 0x00004550) { // "PE\0\0"
            return null;
        }
        ByteBuffer coff = file.read(peOffset + 4, 20, LE, "COFF header");
        int machine = coff.getShort(0) & 0xffff;
        int sectionCount = coff.getShort(2) & 0xffff;
        long symbolTable = coff.getInt(8) & 0xffffffffL;
        long symbolCount = coff.getInt(12) & 0xffffffffL;
        int optionalSize = coff.getShort(16) & 0xffff;
        int characteristics = coff.getShort(18) & 0xffff;
        long optionalOffset = peOffset + 24;
        if (optionalSize < 2) {
            throw new MalformedBinaryException("PE optional header is missing (" + optionalSize + " bytes)");
        }
        ByteBuffer optional = file.read(optionalOffset, optionalSize, LE, "PE optional header");
        int magic = optional.getShort(0) & 0xffff;
        boolean plus;
        if (magic == PE32) {
            plus = false;
        } else if (magic == PE32_PLUS) {
            plus = true;
        } else {
            throw new MalformedBinaryException(
                    String.format("PE optional header magic 0x%x is neither PE32 nor PE32+", magic));
        }
        int directoriesAt = plus ? 112 : 96;
        if (optionalSize < directoriesAt) {
            throw new MalformedBinaryException("PE optional header of " + optionalSize + " bytes is too short");
        }
        long imageBase = plus ? optional.getLong(24) : optional.getInt(28) & 0xffffffffL;
        int subsystem = optional.getShort(68) & 0xffff;
        int dllCharacteristics = optional.getShort(70) & 0xffff;
        long directoryCount = optional.getInt(directoriesAt - 4) & 0xffffffffL;
        long importRva = 0;
        long importSize = 0;
        if (directoryCount > 1 && directoriesAt + 16 <= optionalSize) {
            importRva = optional.getInt(directoriesAt + 8) & 0xffffffffL;
            importSize = optional.getInt(directoriesAt + 12) & 0xffffffffL;
        }

        if (sectionCount > MAX_SECTIONS) {
            throw new MalformedBinaryException(
                    sectionCount + " PE sections; the loader accepts at most " + MAX_SECTIONS);
        }
        long sectionTable = optionalOffset + optionalSize;
        ByteBuffer table = file.read(sectionTable, 40L * sectionCount, LE, "PE section table");
        List<Section> sections = new ArrayList<>(sectionCount);
        AddressMap memory = new AddressMap();
        for (int i = 0; i < sectionCount; i++) {
            int at = 40 * i;
            byte[] rawName = new byte[8];
            table.get(at, rawName);
            int nameLength = 0;
            while (nameLength < 8 && rawName[nameLength] != 0) {
                nameLength++;
            }
            Section s = new Section(
                    new String(rawName, 0, nameLength, StandardCharsets.UTF_8),
                    table.getInt(at + 8) & 0xffffffffL,
                    table.getInt(at + 12) & 0xffffffffL,
                    table.getInt(at + 16) & 0xffffffffL,
                    table.getInt(at + 20) & 0xffffffffL,
                    table.getInt(at + 36) & 0xffffffffL);
            if (s.rawSize != 0) {
                file.check(s.rawOffset, s.rawSize, "PE section " + s.name);
            }
            sections.add(s);
            memory.add(imageBase + s.virtualAddress, s.rawOffset, s.rawSize);
        }

        List<String> imports = imports(file, memory, imageBase, importRva, importSize);

        GoBuildInfo buildInfo = null;
        GoBuildInfoReader reader = new GoBuildInfoReader(file, memory);
        for (Section s : sections) {
            if (s.virtualAddress != 0
                    && s.rawSize != 0
                    && (s.characteristics & ~SCN_ALIGN_32BYTES)
                            == (SCN_CNT_INITIALIZED_DATA | SCN_MEM_READ | SCN_MEM_WRITE)) {
                buildInfo = reader.read(imageBase + s.virtualAddress, s.virtualSize);
                break;
            }
        }

        String goarch = Architectures.peGoarch(machine);
        String machineName = Architectures.peMachineName(machine);
        String subsystemName = subsystemName(subsystem);
        String goos = subsystem >= 10 && subsystem <= 13 ? null : "windows"; // 10-13 are EFI images
        if (goos == null && buildInfo != null) {
            goos = buildInfo.setting("GOOS");
        }
        String goBuildId = Markers.goBuildId(file.readUpTo(0, Markers.GO_BUILD_ID_WINDOW));
        boolean stripped = symbolTable == 0 || symbolCount == 0;
        boolean upx = Markers.hasUpxMarker(file) || sections.stream().anyMatch(s -> s.name.startsWith("UPX"));
        BinaryReport.PeDetails details = new BinaryReport.PeDetails(
                machine,
                subsystem,
                subsystemName,
                (characteristics & IMAGE_FILE_DLL) != 0,
                imageBase,
                characteristics,
                dllCharacteristics);
        return new BinaryReport(
                Format.PE,
                file.size(),
                goos,
                goarch,
                machineName,
                plus ? 64 : 32,
                "little",
                null,
                Architectures.variant(goarch, buildInfo),
                null,
                null,
                imports,
                List.of(),
                stripped,
                upx,
                false,
                null,
                goBuildId,
                buildInfo,
                List.of(Architectures.architecture(goarch, machineName)),
                null,
                details,
                null);
    }

    /** The DLL names of the import directory, in file order. */
    private static List<String> imports(FileView file, AddressMap memory, long imageBase, long rva, long size)
            throws IOException, MalformedBinaryException {
        if (rva == 0 || size == 0) {
            return List.of();
        }
        AddressMap.Location directory = memory.locate(imageBase + rva);
        if (directory == null) {
            throw new MalformedBinaryException(String.format("PE import directory RVA 0x%x lies in no section", rva));
        }
        long max = Math.min(directory.available() / 20, MAX_IMPORTS);
        List<String> names = new ArrayList<>();
        for (long i = 0; i < max; i++) {
            ByteBuffer descriptor = file.read(directory.fileOffset() + 20 * i, 20, LE, "PE import descriptor");
            long nameRva = descriptor.getInt(12) & 0xffffffffL;
            boolean empty = true;
            for (int k = 0; k < 20; k += 4) {
                empty &= descriptor.getInt(k) == 0;
            }
            if (empty) {
                return names;
            }
            AddressMap.Location name = memory.locate(imageBase + nameRva);
            if (name == null) {
                throw new MalformedBinaryException(
                        String.format("PE import name RVA 0x%x lies in no section", nameRva));
            }
            byte[] bytes = file.bytes(name.fileOffset(), Math.min(MAX_NAME, name.available()), "PE import name");
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            if (end == bytes.length) {
                throw new MalformedBinaryException("PE import name is not terminated");
            }
            names.add(new String(bytes, 0, end, StandardCharsets.UTF_8));
        }
        if (max == MAX_IMPORTS) {
            throw new MalformedBinaryException("more than " + MAX_IMPORTS + " PE import descriptors");
        }
        return names; // the directory ran to the end of its section without a terminator
    }

    private static String subsystemName(int subsystem) {
        return switch (subsystem) {
            case 1 -> "native";
            case 2 -> "windows-gui";
            case 3 -> "windows-console";
            case 5 -> "os2-console";
            case 7 -> "posix-console";
            case 9 -> "windows-ce-gui";
            case 10 -> "efi-application";
            case 11 -> "efi-boot-service-driver";
            case 12 -> "efi-runtime-driver";
            case 13 -> "efi-rom";
            case 14 -> "xbox";
            case 16 -> "windows-boot-application";
            default -> "unknown-" + subsystem;
        };
    }
}
