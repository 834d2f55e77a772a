package io.github.staticgo.platform;

import java.util.List;
import java.util.Optional;

/**
 * qemu-user for a Linux GOARCH: the programs to look for ({@code qemu-<arch>-static} before
 * {@code qemu-<arch>}) and the CPU to emulate for the target's variant.
 *
 * <p>The CPU is the oldest qemu offers for the variant, so a binary that uses instructions beyond its
 * variant fails here rather than on the board: GOARM=5 on an ARM926, 6 on an ARM1176, 7 on a Cortex-A8;
 * GOAMD64=v2 on a Nehalem; GOPPC64=power8/9/10 on that POWER generation. GOAMD64=v3 uses {@code max}
 * (qemu's named Haswell models ask for features TCG lacks and warn on stderr), and v4 cannot be emulated
 * (TCG has no AVX-512). Everything else runs on qemu's default CPU, which has every feature of the
 * architecture qemu implements.
 */
public final class QemuUser {
    /** Debian and Ubuntu's package with every {@code qemu-<arch>-static}. */
    public static final String DEBIAN_PACKAGE = "qemu-user-static";

    private QemuUser() {}

    /** qemu's name for a GOARCH, or empty when qemu-user has no emulator for it. */
    public static Optional<String> qemuArch(String goarch) {
        return Optional.ofNullable(
                switch (goarch == null ? "" : goarch) {
                    case "amd64" -> "x86_64";
                    case "386" -> "i386";
                    case "arm64" -> "aarch64";
                    case "arm" -> "arm";
                    case "loong64" -> "loongarch64";
                    case "mips" -> "mips";
                    case "mipsle" -> "mipsel";
                    case "mips64" -> "mips64";
                    case "mips64le" -> "mips64el";
                    case "ppc64" -> "ppc64";
                    case "ppc64le" -> "ppc64le";
                    case "riscv64" -> "riscv64";
                    case "s390x" -> "s390x";
                    default -> null;
                });
    }

    /** The program names to look for on PATH, in order. */
    public static List<String> programs(String qemuArch) {
        return List.of("qemu-" + qemuArch + "-static", "qemu-" + qemuArch);
    }

    /**
     * The {@code -cpu} arguments for a variant, none when qemu's default CPU fits.
     *
     * @throws UnsupportedOperationException when qemu-user cannot emulate the variant at all
     */
    public static List<String> cpuArguments(String goarch, String variant) {
        if (variant == null || variant.isBlank()) {
            return List.of();
        }
        String level = variant.split(",", 2)[0];
        String cpu = switch (goarch) {
            case "arm" ->
                switch (level) {
                    case "5" -> "arm926";
                    case "6" -> "arm1176";
                    case "7" -> "cortex-a8";
                    default -> null;
                };
            case "amd64" ->
                switch (level) {
                    case "v2" -> "Nehalem";
                    case "v3" -> "max";
                    case "v4" ->
                        throw new UnsupportedOperationException(
                                "qemu-user cannot emulate AVX-512, which GOAMD64=v4 requires");
                    default -> null;
                };
            case "ppc64", "ppc64le" -> level.matches("power(8|9|10)") ? level : null;
            default -> null;
        };
        return cpu == null ? List.of() : List.of("-cpu", cpu);
    }
}
