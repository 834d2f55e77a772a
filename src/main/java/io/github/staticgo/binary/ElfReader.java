package io.github.staticgo.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads an ELF file. Linkage comes from the program headers only (the loader never looks at
 * section headers, so neither do we for that); section headers are used for what only they hold:
 * the symbol table, {@code .go.buildinfo} and {@code .rodata}.
 */
final class ElfReader {

    private static final int ET_REL = 1;
    private static final int ET_EXEC = 2;
    private static final int ET_DYN = 3;
    private static final int ET_CORE = 4;

    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_INTERP = 3;
    private static final int PT_NOTE = 4;
    private static final int PF_X = 1;
    private static final int PF_W = 2;

    private static final int SHT_SYMTAB = 2;
    private static final int SHT_NOTE = 7;
    private static final int SHT_NOBITS = 8;
    private static final int SHT_DYNSYM = 11;
    private static final int SHN_UNDEF = 0;
    private static final int PN_XNUM = 0xffff;
    private static final int SHN_XINDEX = 0xffff;

    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_HASH = 4;
    private static final long DT_STRTAB = 5;
    private static final long DT_SYMTAB = 6;
    private static final long DT_STRSZ = 10;
    private static final long DT_SONAME = 14;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;
    private static final long DT_FLAGS_1 = 0x6ffffffbL;
    private static final long DF_1_PIE = 0x08000000L;

    /** Caps that no real binary comes near; they bound the work a hostile header can ask for. */
    private static final int MAX_USED_SEGMENTS = 65_536;

    private static final int MAX_SECTIONS = 65_536;
    private static final int MAX_DYNAMIC_ENTRIES = 65_536;
    private static final int MAX_NEEDED = 4_096;
    private static final int MAX_INTERPRETER = 4_096;
    private static final int MAX_STRING = 4_096;
    private static final int MAX_SECTION_NAMES = 1 << 20;
    /** The most note bytes read from one file, over all its note segments and sections. */
    private static final int MAX_NOTES = 1 << 20;
    /** The most dynamic symbols read, and the most imported names kept. */
    private static final int MAX_DYNAMIC_SYMBOLS = 65_536;

    static final int MAX_IMPORTED_SYMBOLS = 4_096;
    /** The program header table is read in pieces of about this size, whatever its length. */
    private static final int PROGRAM_HEADER_CHUNK = 64 << 10;

    static final int UPX_WINDOW = 4_096;

    private record Segment(int type, int flags, long offset, long vaddr, long filesz, long memsz, long align) {}

    private record Section(String name, int type, long addr, long offset, long size, long align, long link) {}

    private final FileView file;
    private boolean is64;
    private ByteOrder order;

    private ElfReader(FileView file) {
        this.file = file;
    }

    static BinaryReport read(FileView file) throws IOException, MalformedBinaryException {
        return new ElfReader(file).read();
    }

    private BinaryReport read() throws IOException, MalformedBinaryException {
        ByteBuffer ident = file.read(0, 16, ByteOrder.LITTLE_ENDIAN, "ELF identification");
        int elfClass = ident.get(4);
        int data = ident.get(5);
        if (elfClass != 1 && elfClass != 2) {
            throw new MalformedBinaryException("ELF class " + elfClass + " is neither 32-bit (1) nor 64-bit (2)");
        }
        if (data != 1 && data != 2) {
            throw new MalformedBinaryException(
                    "ELF data encoding " + data + " is neither little (1) nor big endian (2)");
        }
        is64 = elfClass == 2;
        order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int osAbi = ident.get(7) & 0xff;
        int abiVersion = ident.get(8) & 0xff;

        ByteBuffer h = file.read(0, is64 ? 64 : 52, order, "ELF header");
        int type = u16(h, 16);
        int machine = u16(h, 18);
        long entry = is64 ? h.getLong(24) : u32(h, 24);
        long phoff = is64 ? h.getLong(32) : u32(h, 28);
        long shoff = is64 ? h.getLong(40) : u32(h, 32);
        long flags = u32(h, is64 ? 48 : 36);
        int phentsize = u16(h, is64 ? 54 : 42);
        long phnum = u16(h, is64 ? 56 : 44);
        int shentsize = u16(h, is64 ? 58 : 46);
        long shnum = u16(h, is64 ? 60 : 48);
        long shstrndx = u16(h, is64 ? 62 : 50);

        // Section header 0 carries the real counts when they do not fit the ELF header.
        boolean hasSectionTable = shoff != 0;
        if (hasSectionTable && (phnum == PN_XNUM || shnum == 0 || shstrndx == SHN_XINDEX)) {
            ByteBuffer s0 = sectionHeaderBytes(shoff, shentsize, 0);
            if (phnum == PN_XNUM) {
                phnum = u32(s0, is64 ? 44 : 28);
            }
            if (shnum == 0) {
                shnum = is64 ? s0.getLong(32) : u32(s0, 20);
            }
            if (shstrndx == SHN_XINDEX) {
                shstrndx = u32(s0, is64 ? 40 : 24);
            }
        } else if (phnum == PN_XNUM) {
            throw new MalformedBinaryException("e_phnum is PN_XNUM but there is no section header 0 to hold the count");
        }
        if (!hasSectionTable) {
            shnum = 0;
        }

        List<Segment> segments = programHeaders(phoff, phentsize, phnum);
        List<Section> sections = sectionHeaders(shoff, shentsize, shnum, shstrndx);

        AddressMap memory = new AddressMap();
        for (Segment s : segments) {
            if (s.type == PT_LOAD) {
                file.check(s.offset, s.filesz, "PT_LOAD segment");
                memory.add(s.vaddr, s.offset, s.filesz);
            }
        }

        String interpreter = interpreter(segments);
        Dynamic dynamic = dynamic(segments, memory);
        Notes notes = notes(segments, sections);

        Linkage linkage;
        boolean pie = false;
        boolean hasDynamic = dynamic != null;
        List<String> needed = hasDynamic ? dynamic.needed : List.of();
        // Without program headers there is nothing to load: the kernel refuses such a file.
        if ((type == ET_EXEC || type == ET_DYN) && phnum != 0) {
            boolean flaggedPie = hasDynamic && (dynamic.flags1 & DF_1_PIE) != 0;
            // OpenBSD links static PIEs without DF_1_PIE: a DYN file that needs nothing, names
            // no soname and enters its own code is an executable all the same.
            boolean unflaggedStaticPie = interpreter == null
                    && needed.isEmpty()
                    && (!hasDynamic || dynamic.soname == null)
                    && entryIsExecutable(entry, segments);
            if (type == ET_DYN && !flaggedPie && interpreter == null && !unflaggedStaticPie) {
                linkage = Linkage.SHARED_LIBRARY;
            } else {
                pie = type == ET_DYN;
                if (interpreter != null || !needed.isEmpty()) {
                    linkage = Linkage.DYNAMIC;
                } else if (hasDynamic) {
                    linkage = Linkage.STATIC_PIE;
                } else {
                    linkage = Linkage.STATIC;
                }
            }
        } else {
            linkage = null;
        }

        boolean stripped = sections.stream().noneMatch(s -> s.type == SHT_SYMTAB);
        GoBuildInfo buildInfo = goBuildInfo(sections, segments, memory);

        boolean glibcNss = false;
        if ((linkage == Linkage.STATIC || linkage == Linkage.STATIC_PIE)
                && !(buildInfo != null && Boolean.FALSE.equals(buildInfo.cgoEnabled()))) {
            // A pure-Go binary (CGO_ENABLED=0) cannot contain glibc; only others are searched.
            glibcNss = carriesNss(sections, segments);
        }

        boolean bigEndian = order == ByteOrder.BIG_ENDIAN;
        String goarch = Architectures.elfGoarch(machine, is64, bigEndian, flags);
        String machineName = Architectures.elfMachineName(machine);
        String goos = notes.goos != null ? notes.goos : osAbiGoos(osAbi);
        if (goos == null && buildInfo != null) {
            goos = buildInfo.setting("GOOS");
        }
        boolean upx = sections.isEmpty() && Markers.hasUpxMarker(file);

        BinaryReport.ElfDetails details = new BinaryReport.ElfDetails(
                osAbi,
                osAbiName(osAbi),
                abiVersion,
                type,
                typeName(type),
                machine,
                flags,
                entry,
                pie,
                hasDynamic ? dynamic.soname : null,
                hasDynamic ? dynamic.runpath : null,
                hasSectionTable,
                phnum);
        return new BinaryReport(
                Format.ELF,
                file.size(),
                goos,
                goarch,
                machineName,
                is64 ? 64 : 32,
                bigEndian ? "big" : "little",
                Architectures.elfAbi(machine, is64, flags),
                Architectures.variant(goarch, buildInfo),
                linkage,
                interpreter,
                needed,
                linkage == Linkage.DYNAMIC ? importedSymbols(sections, dynamic, memory) : List.of(),
                stripped,
                upx,
                glibcNss,
                notes.gnuBuildId,
                notes.goBuildId,
                buildInfo,
                List.of(Architectures.architecture(goarch, machineName)),
                details,
                null,
                null);
    }

    /**
     * The segments of the types the analyzer reads ({@code PT_LOAD}, {@code PT_DYNAMIC},
     * {@code PT_INTERP}, {@code PT_NOTE}). The table may hold up to 2^32 - 1 entries under
     * PN_XNUM, so its extent is checked against the file before anything is read, and it is read
     * in pieces of {@link #PROGRAM_HEADER_CHUNK} bytes, keeping only those segments.
     */
    private List<Segment> programHeaders(long phoff, int phentsize, long phnum)
            throws IOException, MalformedBinaryException {
        if (phnum == 0) {
            return List.of();
        }
        int minimum = is64 ? 56 : 32;
        if (phentsize < minimum) {
            throw new MalformedBinaryException(
                    "e_phentsize " + phentsize + " is smaller than a program header (" + minimum + ")");
        }
        file.check(phoff, phnum * phentsize, phnum + " program headers");
        long perChunk = Math.max(1, PROGRAM_HEADER_CHUNK / phentsize);
        List<Segment> segments = new ArrayList<>();
        for (long first = 0; first < phnum; first += perChunk) {
            int count = (int) Math.min(perChunk, phnum - first);
            ByteBuffer table =
                    file.read(phoff + first * phentsize, (long) count * phentsize, order, "program header table");
            for (int i = 0; i < count; i++) {
                int at = i * phentsize;
                int type = table.getInt(at);
                if (type != PT_LOAD && type != PT_DYNAMIC && type != PT_INTERP && type != PT_NOTE) {
                    continue;
                }
                if (segments.size() == MAX_USED_SEGMENTS) {
                    throw new MalformedBinaryException("more than " + MAX_USED_SEGMENTS + " loadable, dynamic, "
                            + "interpreter and note segments");
                }
                if (is64) {
                    segments.add(new Segment(
                            type,
                            table.getInt(at + 4),
                            table.getLong(at + 8),
                            table.getLong(at + 16),
                            table.getLong(at + 32),
                            table.getLong(at + 40),
                            table.getLong(at + 48)));
                } else {
                    segments.add(new Segment(
                            type,
                            table.getInt(at + 24),
                            u32(table, at + 4),
                            u32(table, at + 8),
                            u32(table, at + 16),
                            u32(table, at + 20),
                            u32(table, at + 28)));
                }
            }
        }
        return segments;
    }

    /** Whether {@code entry} lies inside the memory of an executable {@code PT_LOAD} segment. */
    private static boolean entryIsExecutable(long entry, List<Segment> segments) {
        for (Segment s : segments) {
            if (s.type == PT_LOAD
                    && (s.flags & PF_X) != 0
                    && Long.compareUnsigned(entry, s.vaddr) >= 0
                    && Long.compareUnsigned(entry - s.vaddr, s.memsz) < 0) {
                return true;
            }
        }
        return false;
    }

    private ByteBuffer sectionHeaderBytes(long shoff, int shentsize, long index)
            throws IOException, MalformedBinaryException {
        int size = is64 ? 64 : 40;
        if (shentsize < size) {
            throw new MalformedBinaryException(
                    "e_shentsize " + shentsize + " is smaller than a section header (" + size + ")");
        }
        return file.read(shoff + index * shentsize, size, order, "section header " + index);
    }

    private List<Section> sectionHeaders(long shoff, int shentsize, long shnum, long shstrndx)
            throws IOException, MalformedBinaryException {
        if (shnum == 0) {
            return List.of();
        }
        if (Long.compareUnsigned(shnum, MAX_SECTIONS) > 0) {
            throw new MalformedBinaryException(
                    Long.toUnsignedString(shnum) + " sections; refusing more than " + MAX_SECTIONS);
        }
        int size = is64 ? 64 : 40;
        if (shentsize < size) {
            throw new MalformedBinaryException(
                    "e_shentsize " + shentsize + " is smaller than a section header (" + size + ")");
        }
        ByteBuffer table = file.read(shoff, shnum * shentsize, order, "section header table");
        int count = (int) shnum;
        int[] nameOffsets = new int[count];
        List<Section> raw = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = i * shentsize;
            nameOffsets[i] = table.getInt(at);
            if (is64) {
                raw.add(new Section(
                        null,
                        table.getInt(at + 4),
                        table.getLong(at + 16),
                        table.getLong(at + 24),
                        table.getLong(at + 32),
                        table.getLong(at + 48),
                        u32(table, at + 40)));
            } else {
                raw.add(new Section(
                        null,
                        table.getInt(at + 4),
                        u32(table, at + 12),
                        u32(table, at + 16),
                        u32(table, at + 20),
                        u32(table, at + 32),
                        u32(table, at + 24)));
            }
        }
        byte[] names = new byte[0];
        if (shstrndx != 0) {
            if (Long.compareUnsigned(shstrndx, count) >= 0) {
                throw new MalformedBinaryException("section name table index " + Long.toUnsignedString(shstrndx)
                        + " is not below the section count " + count);
            }
            Section strings = raw.get((int) shstrndx);
            if (Long.compareUnsigned(strings.size, MAX_SECTION_NAMES) > 0) {
                throw new MalformedBinaryException("section name table of " + Long.toUnsignedString(strings.size)
                        + " bytes; refusing more than " + MAX_SECTION_NAMES);
            }
            names = file.bytes(strings.offset, strings.size, "section name table");
        }
        List<Section> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Section s = raw.get(i);
            sections.add(new Section(
                    cString(names, nameOffsets[i] & 0xffffffffL), s.type, s.addr, s.offset, s.size, s.align, s.link));
        }
        return sections;
    }

    private static String cString(byte[] table, long offset) throws MalformedBinaryException {
        if (table.length == 0) {
            return "";
        }
        if (offset >= table.length) {
            throw new MalformedBinaryException(
                    "section name offset " + offset + " lies outside the section name table");
        }
        int end = (int) offset;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
    }

    private String interpreter(List<Segment> segments) throws IOException, MalformedBinaryException {
        for (Segment s : segments) {
            if (s.type == PT_INTERP) {
                file.check(s.offset, s.filesz, "PT_INTERP segment");
                if (s.filesz > MAX_INTERPRETER) {
                    throw new MalformedBinaryException(
                            "PT_INTERP of " + s.filesz + " bytes is longer than a path can be");
                }
                byte[] path = file.bytes(s.offset, s.filesz, "PT_INTERP segment");
                int end = 0;
                while (end < path.length && path[end] != 0) {
                    end++;
                }
                return new String(path, 0, end, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static final class Dynamic {
        final List<String> needed = new ArrayList<>();
        long flags1;
        long symtab = -1;
        long strtab = -1;
        long strsz = -1;
        long hash = -1;
        String soname;
        String runpath;
    }

    private Dynamic dynamic(List<Segment> segments, AddressMap memory) throws IOException, MalformedBinaryException {
        Segment segment = null;
        for (Segment s : segments) {
            if (s.type == PT_DYNAMIC) {
                segment = s;
                break;
            }
        }
        if (segment == null) {
            return null;
        }
        file.check(segment.offset, segment.filesz, "PT_DYNAMIC segment");
        int entrySize = is64 ? 16 : 8;
        long entries = Math.min(segment.filesz / entrySize, MAX_DYNAMIC_ENTRIES);
        ByteBuffer table = file.read(segment.offset, entries * entrySize, order, "dynamic section");
        List<Long> neededOffsets = new ArrayList<>();
        long strtab = -1;
        long strsz = -1;
        long soname = -1;
        long rpath = -1;
        long runpath = -1;
        Dynamic dynamic = new Dynamic();
        for (int i = 0; i < entries; i++) {
            int at = i * entrySize;
            long tag = is64 ? table.getLong(at) : table.getInt(at);
            long value = is64 ? table.getLong(at + 8) : u32(table, at + 4);
            if (tag == DT_NULL) {
                break;
            } else if (tag == DT_NEEDED) {
                if (neededOffsets.size() >= MAX_NEEDED) {
                    throw new MalformedBinaryException("more than " + MAX_NEEDED + " DT_NEEDED entries");
                }
                neededOffsets.add(value);
            } else if (tag == DT_STRTAB) {
                strtab = value;
            } else if (tag == DT_STRSZ) {
                strsz = value;
            } else if (tag == DT_SYMTAB) {
                dynamic.symtab = value;
            } else if (tag == DT_HASH) {
                dynamic.hash = value;
            } else if (tag == DT_FLAGS_1) {
                dynamic.flags1 = value;
            } else if (tag == DT_SONAME) {
                soname = value;
            } else if (tag == DT_RPATH) {
                rpath = value;
            } else if (tag == DT_RUNPATH) {
                runpath = value;
            }
        }
        dynamic.strtab = strtab;
        dynamic.strsz = strsz;
        boolean needsStrings = !neededOffsets.isEmpty() || soname != -1 || rpath != -1 || runpath != -1;
        if (!needsStrings) {
            return dynamic;
        }
        if (strtab == -1) {
            throw new MalformedBinaryException("the dynamic section names libraries but has no DT_STRTAB");
        }
        AddressMap.Location strings = memory.locate(strtab);
        if (strings == null) {
            throw new MalformedBinaryException(
                    "DT_STRTAB address 0x" + Long.toHexString(strtab) + " is not mapped by any PT_LOAD segment");
        }
        for (long offset : neededOffsets) {
            dynamic.needed.add(dynamicString(strings, strsz, offset, "DT_NEEDED"));
        }
        if (soname != -1) {
            dynamic.soname = dynamicString(strings, strsz, soname, "DT_SONAME");
        }
        if (runpath != -1) {
            dynamic.runpath = dynamicString(strings, strsz, runpath, "DT_RUNPATH");
        } else if (rpath != -1) {
            dynamic.runpath = dynamicString(strings, strsz, rpath, "DT_RPATH");
        }
        return dynamic;
    }

    private String dynamicString(AddressMap.Location strings, long strsz, long offset, String what)
            throws IOException, MalformedBinaryException {
        long limit = strings.available();
        if (strsz != -1 && Long.compareUnsigned(strsz, limit) < 0) {
            limit = strsz;
        }
        if (Long.compareUnsigned(offset, limit) >= 0) {
            throw new MalformedBinaryException(what + " string offset " + Long.toUnsignedString(offset)
                    + " lies outside the dynamic string table");
        }
        long n = Math.min(MAX_STRING, limit - offset);
        byte[] bytes = file.bytes(strings.fileOffset() + offset, n, what + " string");
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new String(bytes, 0, i, StandardCharsets.UTF_8);
            }
        }
        throw new MalformedBinaryException(what + " string at offset " + offset + " is not terminated");
    }

    /**
     * The undefined symbols of the dynamic symbol table: {@code .dynsym} and its linked string
     * table when there are section headers; else the table at {@code DT_SYMTAB}, which has as
     * many entries as {@code DT_HASH}'s chain (DT_GNU_HASH alone does not say how many, so then
     * the list is empty, as it is for an interpreter without a dynamic section).
     */
    private List<String> importedSymbols(List<Section> sections, Dynamic dynamic, AddressMap memory)
            throws IOException, MalformedBinaryException {
        int entrySize = is64 ? 24 : 16;
        for (Section s : sections) {
            if (s.type == SHT_DYNSYM) {
                if (Long.compareUnsigned(s.link, sections.size()) >= 0) {
                    throw new MalformedBinaryException(".dynsym links to section " + s.link + ", which does not exist");
                }
                Section strings = sections.get((int) s.link);
                return undefinedSymbols(
                        s.offset, s.size / entrySize, file.bytes(strings.offset, strings.size, "dynamic symbol names"));
            }
        }
        if (dynamic == null || dynamic.symtab == -1 || dynamic.hash == -1 || dynamic.strtab == -1) {
            return List.of();
        }
        AddressMap.Location hash = memory.locate(dynamic.hash);
        AddressMap.Location symbols = memory.locate(dynamic.symtab);
        AddressMap.Location strings = memory.locate(dynamic.strtab);
        if (hash == null || symbols == null || strings == null || Long.compareUnsigned(hash.available(), 8) < 0) {
            throw new MalformedBinaryException("DT_HASH, DT_SYMTAB or DT_STRTAB is not mapped by any PT_LOAD segment");
        }
        long chains = u32(file.read(hash.fileOffset() + 4, 4, order, "DT_HASH nchain"), 0);
        if (Long.compareUnsigned(chains * entrySize, symbols.available()) > 0) {
            throw new MalformedBinaryException(
                    "DT_HASH counts " + chains + " symbols; DT_SYMTAB's segment holds fewer");
        }
        long stringsSize = strings.available();
        if (dynamic.strsz != -1 && Long.compareUnsigned(dynamic.strsz, stringsSize) < 0) {
            stringsSize = dynamic.strsz;
        }
        return undefinedSymbols(
                symbols.fileOffset(), chains, file.bytes(strings.fileOffset(), stringsSize, "dynamic symbol names"));
    }

    private List<String> undefinedSymbols(long offset, long count, byte[] strings)
            throws IOException, MalformedBinaryException {
        if (count > MAX_DYNAMIC_SYMBOLS) {
            throw new MalformedBinaryException(count + " dynamic symbols; refusing more than " + MAX_DYNAMIC_SYMBOLS);
        }
        int entrySize = is64 ? 24 : 16;
        ByteBuffer table = file.read(offset, count * entrySize, order, "dynamic symbol table");
        TreeSet<String> names = new TreeSet<>();
        for (int i = 1; i < count; i++) { // entry 0 is the null symbol
            int at = i * entrySize;
            long name = u32(table, at);
            int sectionIndex = u16(table, at + (is64 ? 6 : 14));
            if (sectionIndex == SHN_UNDEF && name != 0) {
                names.add(symbolName(strings, name));
                if (names.size() > MAX_IMPORTED_SYMBOLS) {
                    names.pollLast();
                }
            }
        }
        return List.copyOf(names);
    }

    /** A NUL-terminated name of at most {@link #MAX_STRING} bytes at {@code offset} of {@code strings}. */
    private static String symbolName(byte[] strings, long offset) throws MalformedBinaryException {
        if (Long.compareUnsigned(offset, strings.length) >= 0) {
            throw new MalformedBinaryException(
                    "dynamic symbol name offset " + Long.toUnsignedString(offset) + " lies outside its string table");
        }
        int start = (int) offset;
        int limit = (int) Math.min(strings.length, start + (long) MAX_STRING);
        for (int end = start; end < limit; end++) {
            if (strings[end] == 0) {
                return new String(strings, start, end - start, StandardCharsets.UTF_8);
            }
        }
        throw new MalformedBinaryException("dynamic symbol name at offset " + offset + " is not terminated");
    }

    private static final class Notes {
        long budget = MAX_NOTES;
        String gnuBuildId;
        String goBuildId;
        String goos;
    }

    /**
     * Reads the notes of every {@code PT_NOTE} segment, then of every {@code SHT_NOTE} section
     * (Go's PIE output, for one, keeps {@code .note.gnu.build-id} outside its {@code PT_NOTE}).
     * A segment or section must lie inside the file; a note whose sizes run past its container
     * ends the reading of that container, as readers of notes do. At most {@link #MAX_NOTES}
     * bytes are read in all, however many note segments the program headers list.
     */
    private Notes notes(List<Segment> segments, List<Section> sections) throws IOException, MalformedBinaryException {
        Notes notes = new Notes();
        for (Segment s : segments) {
            if (s.type == PT_NOTE) {
                readNotes(notes, s.offset, s.filesz, s.align, "PT_NOTE segment");
            }
        }
        for (Section s : sections) {
            if (s.type == SHT_NOTE) {
                readNotes(notes, s.offset, s.size, s.align, "note section " + s.name);
            }
        }
        return notes;
    }

    private void readNotes(Notes notes, long offset, long size, long alignment, String what)
            throws IOException, MalformedBinaryException {
        file.check(offset, size, what);
        int length = (int) Math.min(size, notes.budget);
        notes.budget -= length;
        ByteBuffer data = file.read(offset, length, order, what);
        int align = alignment == 8 ? 8 : 4;
        long at = 0;
        while (at + 12 <= length) {
            long nameSize = u32(data, (int) at);
            long descSize = u32(data, (int) at + 4);
            int noteType = data.getInt((int) at + 8);
            long nameStart = at + 12;
            long descStart = alignUp(nameStart + nameSize, align);
            long descEnd = descStart + descSize;
            if (descEnd > length) {
                break;
            }
            String name = noteName(data, (int) nameStart, (int) nameSize);
            byte[] desc = new byte[(int) descSize];
            data.get((int) descStart, desc);
            note(notes, name, noteType, desc);
            at = alignUp(descEnd, align);
        }
    }

    private void note(Notes notes, String name, int type, byte[] desc) {
        if (name.equals("GNU") && type == 3 && notes.gnuBuildId == null) {
            notes.gnuBuildId = HexFormat.of().formatHex(desc);
        } else if (name.equals("Go") && type == 4 && notes.goBuildId == null) {
            notes.goBuildId = new String(desc, StandardCharsets.UTF_8);
        } else if (type == 1 && notes.goos == null) {
            notes.goos = switch (name) {
                case "GNU" ->
                    desc.length >= 4 && ByteBuffer.wrap(desc).order(order).getInt(0) == 0 ? "linux" : null;
                case "FreeBSD" -> "freebsd";
                case "NetBSD" -> "netbsd";
                case "OpenBSD" -> "openbsd";
                case "DragonFly" -> "dragonfly";
                case "Android" -> "android";
                default -> null;
            };
        }
    }

    private static String noteName(ByteBuffer data, int start, int size) {
        int end = start + size;
        while (end > start && data.get(end - 1) == 0) {
            end--;
        }
        byte[] name = new byte[end - start];
        data.get(start, name);
        return new String(name, StandardCharsets.ISO_8859_1);
    }

    private static long alignUp(long value, int align) {
        return value + align - 1 & -align;
    }

    private GoBuildInfo goBuildInfo(List<Section> sections, List<Segment> segments, AddressMap memory)
            throws IOException, MalformedBinaryException {
        GoBuildInfoReader reader = new GoBuildInfoReader(file, memory);
        for (Section s : sections) {
            if (s.name.equals(".go.buildinfo")) {
                return reader.read(s.addr, s.size);
            }
        }
        for (Segment s : segments) {
            if (s.type == PT_LOAD && (s.flags & (PF_X | PF_W)) == PF_W) {
                return reader.read(s.vaddr, s.memsz);
            }
        }
        return null;
    }

    /**
     * Whether glibc's NSS code is linked in, judged by the strings its module loader cannot work
     * without (see {@link Markers#containsNssLoaderStrings}). Only read-only
     * data is searched ({@code .rodata}, or without section headers the read-only, non-executable
     * {@code PT_LOAD} segments), at most {@link Markers#MAX_NSS_SCAN} bytes.
     */
    private boolean carriesNss(List<Section> sections, List<Segment> segments)
            throws IOException, MalformedBinaryException {
        List<long[]> ranges = new ArrayList<>();
        for (Section s : sections) {
            if (s.name.equals(".rodata") && s.type != SHT_NOBITS) {
                file.check(s.offset, s.size, ".rodata section");
                ranges.add(new long[] {s.offset, s.size});
            }
        }
        if (ranges.isEmpty()) {
            for (Segment s : segments) {
                if (s.type == PT_LOAD && (s.flags & (PF_X | PF_W)) == 0) {
                    ranges.add(new long[] {s.offset, s.filesz});
                }
            }
        }
        return Markers.containsNssLoaderStrings(file, ranges);
    }

    private static String osAbiGoos(int osAbi) {
        return switch (osAbi) {
            case 2 -> "netbsd";
            case 3 -> "linux";
            case 9 -> "freebsd";
            case 12 -> "openbsd";
            default -> null;
        };
    }

    private static String osAbiName(int osAbi) {
        return switch (osAbi) {
            case 0 -> "SYSV";
            case 1 -> "HP-UX";
            case 2 -> "NetBSD";
            case 3 -> "GNU/Linux";
            case 6 -> "Solaris";
            case 7 -> "AIX";
            case 8 -> "IRIX";
            case 9 -> "FreeBSD";
            case 10 -> "Tru64";
            case 12 -> "OpenBSD";
            case 13 -> "OpenVMS";
            case 64 -> "ARM EABI";
            case 97 -> "ARM";
            case 255 -> "Standalone";
            default -> String.format("0x%02x", osAbi);
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case ET_REL -> "REL";
            case ET_EXEC -> "EXEC";
            case ET_DYN -> "DYN";
            case ET_CORE -> "CORE";
            default -> String.format("0x%04x", type);
        };
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }
}
