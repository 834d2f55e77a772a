package io.github.staticgo.binary;

import java.util.List;
import java.util.Objects;

/**
 * What the analyzer read from one file. Unknown values are null (or false, or empty lists), never
 * guesses.
 *
 * @param format        the container format
 * @param size          the size in bytes of the file (or of the slice, for one architecture of a
 *                      fat Mach-O file)
 * @param goos          the operating system as a GOOS name, from the container (ELF OS/ABI and OS
 *                      notes, PE, Mach-O platform, the host modules a WebAssembly module imports)
 *                      where it says, else from the Go build info, else null
 * @param goarch        the machine as a GOARCH name; null when Go does not support the machine, or
 *                      when the slices of a fat file disagree
 * @param machine       a human name of the machine, such as {@code x86-64}, {@code AArch64},
 *                      {@code MIPS}
 * @param bits          32 or 64, or 0 when unknown
 * @param endianness    {@code little}, {@code big}, or null when unknown
 * @param abi           ABI details from the header flags, such as {@code EABI5 hard-float},
 *                      {@code ELFv2}, {@code RISC-V double-float}, {@code MIPS o32}, {@code x32};
 *                      null when the header says nothing that matters
 * @param variant       the architecture variant from the Go build settings for {@link #goarch}
 *                      ({@code GOAMD64}, {@code GOARM}, {@code GO386}, ...), such as {@code v3}
 *                      or {@code 7}; null when not recorded
 * @param linkage       how an ELF file is linked; null for other formats, for ELF files that are
 *                      neither executables nor shared objects (relocatable objects, core dumps),
 *                      and for executables and shared objects without program headers, which the
 *                      kernel refuses to load
 * @param interpreter   the program interpreter: ELF {@code PT_INTERP}, Mach-O
 *                      {@code LC_LOAD_DYLINKER}; null when there is none
 * @param needed        the libraries loaded at start: ELF {@code DT_NEEDED}, PE imported DLLs,
 *                      Mach-O {@code LC_LOAD_DYLIB} (and weak, re-exported, upward) names
 * @param importedSymbols the names of the undefined symbols of a dynamically linked ELF file's
 *                      dynamic symbol table ({@code .dynsym}, or without section headers the
 *                      table {@code DT_SYMTAB} points to, counted by {@code DT_HASH}), without
 *                      versions, sorted and deduplicated, at most 4,096; they tell what the
 *                      file takes from its libraries, such as libc's {@code getaddrinfo} or
 *                      {@code getpwuid_r}; empty for other files
 * @param stripped      whether the symbol table is gone (ELF: no {@code .symtab}; PE: no COFF
 *                      symbols; Mach-O: no local symbols)
 * @param upxPacked     whether the file carries the marks of the UPX packer
 * @param glibcNss      whether a statically linked ELF file carries glibc's NSS code, which
 *                      loads {@code libnss_*} shared libraries at run time; judged by the C
 *                      strings glibc's NSS module loader builds their names from
 *                      ({@code libnss_%s.so%s} and {@code _nss_%s_%s}, or {@code libnss_} before
 *                      glibc 2.34), not by {@code /etc/nsswitch.conf}, which Go's own resolver
 *                      reads too; always false for dynamically linked files (their NSS comes
 *                      with libc.so) and for Go binaries built with {@code CGO_ENABLED=0}
 * @param gnuBuildId    the GNU build ID in hex, or null
 * @param goBuildId     the Go build ID, or null
 * @param goBuildInfo   the Go build information, or null when the file is not a Go binary
 * @param architectures the architectures in the file, each as a GOARCH name or, when Go does not
 *                      support it, the machine name: one for thin files, one per slice of a fat
 *                      Mach-O file; empty when unknown
 * @param elf           ELF header details, or null for other formats
 * @param pe            PE header details, or null for other formats
 * @param macho         Mach-O header details (and the slices of a fat file), or null for other formats
 */
public record BinaryReport(
        Format format,
        long size,
        String goos,
        String goarch,
        String machine,
        int bits,
        String endianness,
        String abi,
        String variant,
        Linkage linkage,
        String interpreter,
        List<String> needed,
        List<String> importedSymbols,
        boolean stripped,
        boolean upxPacked,
        boolean glibcNss,
        String gnuBuildId,
        String goBuildId,
        GoBuildInfo goBuildInfo,
        List<String> architectures,
        ElfDetails elf,
        PeDetails pe,
        MachODetails macho) {

    public BinaryReport {
        Objects.requireNonNull(format, "format");
        needed = List.copyOf(needed);
        importedSymbols = List.copyOf(importedSymbols);
        architectures = List.copyOf(architectures);
    }

    /** The report for a file whose format the analyzer does not read. */
    public static BinaryReport unknown(long size) {
        return new BinaryReport(
                Format.UNKNOWN,
                size,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                false,
                false,
                false,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null);
    }

    /** The Go version that built the file, or null when it is not a Go binary. */
    public String goVersion() {
        return goBuildInfo == null ? null : goBuildInfo.goVersion();
    }

    /** {@code CGO_ENABLED} from the Go build info, or null when not recorded. */
    public Boolean cgoEnabled() {
        return goBuildInfo == null ? null : goBuildInfo.cgoEnabled();
    }

    /**
     * ELF header facts that matter beyond the common fields.
     *
     * @param osAbi         {@code e_ident[EI_OSABI]}
     * @param osAbiName     its name, such as {@code SYSV}, {@code GNU/Linux}, {@code FreeBSD}
     * @param abiVersion    {@code e_ident[EI_ABIVERSION]}
     * @param type          {@code e_type}
     * @param typeName      {@code EXEC}, {@code DYN}, {@code REL}, {@code CORE} or the number in hex
     * @param machineCode   {@code e_machine}
     * @param flags         {@code e_flags}
     * @param entry         {@code e_entry}
     * @param pie           a position-independent executable: {@code ET_DYN} with {@code DF_1_PIE}
     *                      or an interpreter, or (as OpenBSD links static PIEs, without
     *                      {@code DF_1_PIE}) with no interpreter, no {@code DT_NEEDED}, no
     *                      {@code DT_SONAME} and {@code e_entry} inside an executable
     *                      {@code PT_LOAD} segment
     * @param soname        {@code DT_SONAME}, or null
     * @param runpath       {@code DT_RUNPATH} or else {@code DT_RPATH}, or null
     * @param sectionHeaders whether the file has a section header table
     * @param programHeaders the number of program headers read: {@code e_phnum}, or under
     *                      {@code PN_XNUM} the {@code sh_info} of section header 0
     */
    public record ElfDetails(
            int osAbi,
            String osAbiName,
            int abiVersion,
            int type,
            String typeName,
            int machineCode,
            long flags,
            long entry,
            boolean pie,
            String soname,
            String runpath,
            boolean sectionHeaders,
            long programHeaders) {}

    /**
     * PE header facts that matter beyond the common fields.
     *
     * @param machineCode     the COFF {@code Machine}
     * @param subsystem       the optional header {@code Subsystem}
     * @param subsystemName   such as {@code windows-console}, {@code windows-gui}, {@code efi-application}
     * @param dll             whether {@code IMAGE_FILE_DLL} is set
     * @param imageBase       the optional header {@code ImageBase}
     * @param characteristics the COFF {@code Characteristics}
     * @param dllCharacteristics the optional header {@code DllCharacteristics} (offset 70 in PE32
     *                        and PE32+): the hardening the loader applies, such as
     *                        {@code DYNAMIC_BASE} 0x40, {@code HIGH_ENTROPY_VA} 0x20,
     *                        {@code NX_COMPAT} 0x100
     */
    public record PeDetails(
            int machineCode,
            int subsystem,
            String subsystemName,
            boolean dll,
            long imageBase,
            int characteristics,
            int dllCharacteristics) {}

    /**
     * Mach-O header facts that matter beyond the common fields.
     *
     * @param fat          whether the file is a fat (universal) file; then {@link #slices} holds one
     *                     report per architecture and the enclosing report states only what all
     *                     slices agree on
     * @param cpuType      {@code cputype} of a thin file, 0 for a fat file
     * @param cpuSubtype   {@code cpusubtype} of a thin file, 0 for a fat file
     * @param fileType     {@code filetype} of a thin file ({@code MH_EXECUTE} is 2), 0 for a fat file
     * @param fileTypeName such as {@code execute}, {@code dylib}, {@code bundle}; null for a fat file
     * @param platform     from {@code LC_BUILD_VERSION} or {@code LC_VERSION_MIN_*}, such as
     *                     {@code macos}, {@code ios}; null when absent
     * @param slices       the architectures of a fat file, in file order; empty for a thin file
     */
    public record MachODetails(
            boolean fat,
            int cpuType,
            int cpuSubtype,
            int fileType,
            String fileTypeName,
            String platform,
            List<BinaryReport> slices) {

        public MachODetails {
            slices = List.copyOf(slices);
        }
    }
}
