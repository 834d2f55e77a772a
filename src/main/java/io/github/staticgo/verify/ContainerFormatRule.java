package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import java.util.List;
import java.util.Map;

/** ELF for linux and the BSDs, PE for windows, Mach-O for darwin and ios. */
final class ContainerFormatRule implements BinaryRule {
    private static final Map<String, Format> FORMAT_BY_GOOS = Map.ofEntries(
            Map.entry("linux", Format.ELF),
            Map.entry("android", Format.ELF),
            Map.entry("freebsd", Format.ELF),
            Map.entry("netbsd", Format.ELF),
            Map.entry("openbsd", Format.ELF),
            Map.entry("dragonfly", Format.ELF),
            Map.entry("solaris", Format.ELF),
            Map.entry("illumos", Format.ELF),
            Map.entry("windows", Format.PE),
            Map.entry("darwin", Format.MACHO),
            Map.entry("ios", Format.MACHO),
            Map.entry("js", Format.WASM),
            Map.entry("wasip1", Format.WASM));

    /** The container a GOOS uses, or null where the analyzer reads no such format (aix, plan9). */
    static Format expectedFormat(String goos) {
        return FORMAT_BY_GOOS.get(goos);
    }

    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        Format format = expectedFormat(expected.goos());
        if (format != null && report.format() != format) {
            findings.add(new Finding(
                    "is " + describe(report.format()) + ", but " + expected.goos() + " runs " + describe(format),
                    "check which file is listed for " + expected.target() + "; it was not built for "
                            + expected.goos()));
        } else if (format == Format.WASM
                && report.goos() != null
                && !report.goos().equals(expected.goos())) {
            // The host interface a module imports (gojs, wasi_snapshot_preview1) is the only GOOS it states.
            findings.add(new Finding(
                    "is a WebAssembly module for " + report.goos() + " (by the host functions it " + "imports), not "
                            + expected.goos(),
                    "check which file is listed for " + expected.target()));
        }
    }

    private static String describe(Format format) {
        return switch (format) {
            case ELF -> "an ELF file";
            case PE -> "a PE file";
            case MACHO -> "a Mach-O file";
            case WASM -> "a WebAssembly module";
            case UNKNOWN -> "of no executable format the analyzer knows";
        };
    }
}
