package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.platform.CgoMode;
import java.util.List;

/** The Go build info must agree with the target's GOOS and cgo mode; a binary the plugin built must have it. */
final class BuildInfoRule implements BinaryRule {
    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        if (report.goBuildInfo() == null) {
            // Go's wasm linker copies only the runtime's data into the module, not the build info.
            if (expected.builtByPlugin() && !report.upxPacked() && report.format() != Format.WASM) {
                findings.add(new Finding("carries no Go build info", "it was not produced by go build; rebuild it"));
            }
            return;
        }
        String goos = report.goBuildInfo().setting("GOOS");
        if (goos != null && !goos.equals(expected.goos())) {
            findings.add(new Finding(
                    "its Go build info says GOOS=" + goos + ", not " + expected.goos(),
                    "rebuild it for " + expected.target()));
        }
        if (expected.cgo() == CgoMode.OFF && Boolean.TRUE.equals(report.cgoEnabled())) {
            findings.add(new Finding(
                    "was built with CGO_ENABLED=1, but the target's cgo is off",
                    "rebuild it with static-go:build; something else replaced the binary"));
        }
    }
}
