package io.github.staticgo.binary;

import io.github.staticgo.platform.ArchVariant;
import java.util.Map;

/** Machine codes of the three formats mapped to human names and GOARCH names. */
final class Architectures {

    static final int EM_386 = 3;
    static final int EM_MIPS = 8;
    static final int EM_PPC64 = 21;
    static final int EM_S390 = 22;
    static final int EM_ARM = 40;
    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;
    static final int EM_RISCV = 243;
    static final int EM_LOONGARCH = 258;

    private static final Map<Integer, String> ELF_MACHINES = Map.ofEntries(
            Map.entry(2, "SPARC"),
            Map.entry(EM_386, "Intel 80386"),
            Map.entry(4, "Motorola 68000"),
            Map.entry(EM_MIPS, "MIPS"),
            Map.entry(10, "MIPS RS3000 LE"),
            Map.entry(15, "PA-RISC"),
            Map.entry(18, "SPARC32PLUS"),
            Map.entry(20, "PowerPC"),
            Map.entry(EM_PPC64, "PowerPC64"),
            Map.entry(EM_S390, "IBM S/390"),
            Map.entry(EM_ARM, "ARM"),
            Map.entry(42, "SuperH"),
            Map.entry(43, "SPARC V9"),
            Map.entry(50, "IA-64"),
            Map.entry(EM_X86_64, "x86-64"),
            Map.entry(94, "Xtensa"),
            Map.entry(EM_AARCH64, "AArch64"),
            Map.entry(243, "RISC-V"),
            Map.entry(247, "BPF"),
            Map.entry(EM_LOONGARCH, "LoongArch"));

    private Architectures() {}

    static String elfMachineName(int machine) {
        return ELF_MACHINES.getOrDefault(machine, String.format("ELF machine 0x%x", machine));
    }

    /** The GOARCH of an ELF machine, or null when Go has no port for that machine, class and byte order. */
    static String elfGoarch(int machine, boolean is64, boolean bigEndian, long flags) {
        return switch (machine) {
            case EM_386 -> !is64 && !bigEndian ? "386" : null;
            case EM_X86_64 -> is64 && !bigEndian ? "amd64" : null; // ELFCLASS32 is x32, not amd64
            case EM_ARM -> !is64 && !bigEndian ? "arm" : null;
            case EM_AARCH64 -> is64 && !bigEndian ? "arm64" : null;
            case EM_RISCV -> is64 && !bigEndian ? "riscv64" : null;
            case EM_PPC64 -> is64 ? (bigEndian ? "ppc64" : "ppc64le") : null;
            case EM_S390 -> is64 && bigEndian ? "s390x" : null;
            case EM_LOONGARCH -> is64 && !bigEndian ? "loong64" : null;
            case EM_MIPS -> {
                if (is64) {
                    yield bigEndian ? "mips64" : "mips64le";
                }
                if ((flags & EF_MIPS_ABI2) != 0) {
                    yield null; // n32: Go has no port
                }
                yield bigEndian ? "mips" : "mipsle";
            }
            default -> null;
        };
    }

    private static final long EF_MIPS_ABI2 = 0x20;

    /** ABI details from {@code e_flags} where they decide what the binary can run on. */
    static String elfAbi(int machine, boolean is64, long flags) {
        switch (machine) {
            case EM_ARM: {
                long version = flags >>> 24 & 0xff;
                StringBuilder abi = new StringBuilder(version == 0 ? "GNU EABI" : "EABI" + version);
                if ((flags & 0x400) != 0) {
                    abi.append(" hard-float");
                } else if ((flags & 0x200) != 0) {
                    abi.append(" soft-float");
                }
                return abi.toString();
            }
            case EM_RISCV: {
                String[] floats = {"soft-float", "single-float", "double-float", "quad-float"};
                return "RISC-V " + floats[(int) (flags >>> 1 & 3)];
            }
            case EM_PPC64: {
                int version = (int) (flags & 3);
                return version == 0 ? null : "ELFv" + version;
            }
            case EM_MIPS: {
                if (is64) {
                    return "MIPS n64";
                }
                if ((flags & EF_MIPS_ABI2) != 0) {
                    return "MIPS n32";
                }
                return switch ((int) (flags & 0xf000)) {
                    case 0, 0x1000 -> "MIPS o32";
                    case 0x2000 -> "MIPS o64";
                    case 0x3000 -> "MIPS eabi32";
                    case 0x4000 -> "MIPS eabi64";
                    default -> String.format("MIPS abi 0x%x", flags & 0xf000);
                };
            }
            case EM_LOONGARCH: {
                String[] bases = {null, "lp64s", "lp64f", "lp64d"};
                String base = bases[(int) (flags & 3)];
                return base == null ? null : "LoongArch " + base;
            }
            case EM_X86_64:
                return is64 ? null : "x32";
            case EM_AARCH64:
                return is64 ? null : "ILP32";
            default:
                return null;
        }
    }

    static String peMachineName(int machine) {
        return switch (machine) {
            case 0x14c -> "Intel 80386";
            case 0x8664 -> "x86-64";
            case 0x1c0 -> "ARM";
            case 0x1c4 -> "ARM Thumb-2";
            case 0xaa64 -> "ARM64";
            case 0xa641 -> "ARM64EC";
            case 0x200 -> "IA-64";
            case 0x5032 -> "RISC-V 32";
            case 0x5064 -> "RISC-V 64";
            case 0x6264 -> "LoongArch64";
            case 0 -> "unknown";
            default -> String.format("PE machine 0x%x", machine);
        };
    }

    static String peGoarch(int machine) {
        return switch (machine) {
            case 0x14c -> "386";
            case 0x8664 -> "amd64";
            case 0x1c4 -> "arm"; // Go's windows/arm used ARMNT (Thumb-2), as Windows requires
            case 0xaa64 -> "arm64";
            case 0x5064 -> "riscv64";
            case 0x6264 -> "loong64";
            default -> null;
        };
    }

    static final int CPU_ARCH_ABI64 = 0x01000000;
    static final int CPU_ARCH_ABI64_32 = 0x02000000;

    static String machoMachineName(int cpuType) {
        return switch (cpuType) {
            case 7 -> "i386";
            case 7 | CPU_ARCH_ABI64 -> "x86-64";
            case 12 -> "ARM";
            case 12 | CPU_ARCH_ABI64 -> "ARM64";
            case 12 | CPU_ARCH_ABI64_32 -> "ARM64_32";
            case 18 -> "PowerPC";
            case 18 | CPU_ARCH_ABI64 -> "PowerPC64";
            default -> String.format("Mach-O cputype 0x%x", cpuType);
        };
    }

    static String machoGoarch(int cpuType) {
        return switch (cpuType) {
            case 7 -> "386";
            case 7 | CPU_ARCH_ABI64 -> "amd64";
            case 12 -> "arm";
            case 12 | CPU_ARCH_ABI64 -> "arm64";
            case 18 | CPU_ARCH_ABI64 -> "ppc64";
            default -> null;
        };
    }

    /** The build setting that records the variant of a GOARCH, or null when it has none. */
    static String variantSetting(String goarch) {
        return goarch == null
                ? null
                : ArchVariant.forGoarch(goarch).map(ArchVariant::variable).orElse(null);
    }

    /** The variant recorded in the build info for the given (or else the recorded) GOARCH. */
    static String variant(String goarch, GoBuildInfo info) {
        if (info == null) {
            return null;
        }
        String setting = variantSetting(goarch != null ? goarch : info.setting("GOARCH"));
        return setting == null ? null : info.setting(setting);
    }

    /** An architecture as listed in {@link BinaryReport#architectures()}. */
    static String architecture(String goarch, String machine) {
        return goarch != null ? goarch : machine;
    }
}
