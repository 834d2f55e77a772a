package io.github.staticgo.platform;

import java.util.Locale;

/**
 * The machine Maven runs on, in Go's names ({@code linux}, {@code amd64}), read from the JVM so that the
 * verify goal needs no Go toolchain.
 *
 * @param goos the operating system as a GOOS name, or the JVM's own name when Go has none for it
 * @param goarch the architecture as a GOARCH name, or the JVM's own name when Go has none for it
 */
public record HostPlatform(String goos, String goarch) {

    public static HostPlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** From the JVM's {@code os.name} and {@code os.arch}. */
    public static HostPlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String goos = os.startsWith("linux")
                ? "linux"
                : os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os.replace(" ", "");
        String arch = osArch.toLowerCase(Locale.ROOT);
        String goarch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "loongarch64" -> "loong64";
            case "mips64el" -> "mips64le";
            case "mipsel" -> "mipsle";
            default -> arch; // arm, ppc64, ppc64le, riscv64, s390x, mips, mips64
        };
        return new HostPlatform(goos, goarch);
    }

    public boolean linux() {
        return "linux".equals(goos);
    }

    /**
     * Whether this host's kernel runs a Linux binary of {@code binaryGoarch} by itself: its own
     * architecture, and 386 on amd64 (the kernel's 32-bit compatibility, on by default in every major
     * distribution; qemu-i386 7.2 crashes Go's 386 runtime, so emulating it would fail good binaries).
     */
    public boolean runsNatively(String binaryGoarch) {
        return goarch.equals(binaryGoarch) || ("amd64".equals(goarch) && "386".equals(binaryGoarch));
    }

    @Override
    public String toString() {
        return new GoPlatform(goos, goarch, null).toString();
    }
}
