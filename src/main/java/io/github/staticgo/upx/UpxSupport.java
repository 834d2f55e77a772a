package io.github.staticgo.upx;

import io.github.staticgo.platform.GoPlatform;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of what UPX can pack, by GOOS/GOARCH, and why it refuses the rest. Update it here when
 * UPX grows a format. Sources: UPX's own format list ({@code upx --help}), its release notes and the
 * maintainers' answers in the UPX issue tracker.
 */
public final class UpxSupport {
    /** Targets UPX 4.x and later pack and whose packed Go binaries run. */
    private static final Set<String> PACKABLE = Set.of(
            "linux/386",
            "linux/amd64",
            "linux/arm",
            "linux/arm64",
            "linux/ppc64le",
            "linux/mips",
            "linux/mipsle",
            "windows/386",
            "windows/amd64");

    /** Why a target is not packed, by "os/arch" first and then by "os". */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry(
                    "darwin",
                    "UPX refuses macOS binaries since 4.2 (packed programs do not start on macOS 13 and"
                            + " later); <force>true</force> passes --force-macos at your own risk"),
            Map.entry("ios", "UPX does not pack iOS binaries"),
            Map.entry("windows/arm64", "only the newest UPX releases pack win64/arm64, and not yet reliably"),
            Map.entry("windows/arm", "UPX does not pack Windows on 32-bit ARM"),
            Map.entry("linux/ppc64", "UPX's big-endian powerpc64 support has broken between releases"),
            Map.entry("linux/mips64", "UPX does not pack 64-bit MIPS ELF files"),
            Map.entry("linux/mips64le", "UPX does not pack 64-bit MIPS ELF files"),
            Map.entry("linux/riscv64", "only UPX 5 packs riscv64, and packed Go binaries have been reported to crash"),
            Map.entry("linux/s390x", "UPX does not pack s390x ELF files"),
            Map.entry("linux/loong64", "UPX does not pack loong64 ELF files"),
            Map.entry("freebsd", "UPX packs no 64-bit BSD ELF files, and its 32-bit BSD support fails on Go binaries"),
            Map.entry("netbsd", "UPX packs no 64-bit BSD ELF files, and its 32-bit BSD support fails on Go binaries"),
            Map.entry("openbsd", "UPX cannot run its stub under OpenBSD's system-call origin checks"),
            Map.entry("android", "UPX does not pack Android binaries"));

    private UpxSupport() {}

    /** Empty when UPX packs the target; otherwise the reason it is skipped, for one INFO line. */
    public static Optional<String> unsupportedReason(GoPlatform platform) {
        String osArch = platform.osArch();
        if (PACKABLE.contains(osArch)) {
            return Optional.empty();
        }
        String reason = REASONS.getOrDefault(osArch, REASONS.get(platform.goos()));
        return Optional.of(reason != null ? reason : "UPX has no packer for " + osArch);
    }

    /** For the README and help text: the targets packed by default. */
    public static Set<String> packable() {
        return PACKABLE;
    }
}
