package io.github.staticgo.verify;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.binary.GoBuildInfo;
import io.github.staticgo.toolchain.GoFlagQuoting;
import java.util.List;

/**
 * With requireStripped, a binary must have no symbol table. And a cgo binary whose build asked for
 * {@code -s} must not keep one: the C compiler that linked it dropped the flag (zig cc does).
 */
final class StrippedRule implements BinaryRule {
    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        // A wasm module's symbols are not something the analyzer reads: unknown, not a failure.
        if (report.format() == Format.UNKNOWN || report.format() == Format.WASM || report.stripped()) {
            return;
        }
        if (policy.requireStripped()) {
            findings.add(new Finding(
                    "is not stripped, and <requireStripped> is true", "keep <strip>true</strip> (link flags -s -w)"));
        } else if (Boolean.TRUE.equals(report.cgoEnabled())
                && (expected.recorded() != null ? expected.recorded().strip() : askedToStrip(report.goBuildInfo()))) {
            findings.add(new Finding(
                    "was linked with -s but keeps its symbol table: the C compiler that linked it "
                            + "ignored -s (zig cc does)",
                    "hand -s to the linker itself: add -extldflags=-Wl,-s to "
                            + "<ldflags> (musl targets get it from the plugin), or set <strip>false</strip>"));
        }
    }

    /**
     * Whether the link flags the build info records hold -s, as go splits them; go records none under
     * -trimpath, so for a binary the plugin built build.json says it instead.
     */
    private static boolean askedToStrip(GoBuildInfo info) {
        String ldflags = info.setting("-ldflags");
        if (ldflags == null) {
            return false;
        }
        try {
            return GoFlagQuoting.split(ldflags, "-ldflags").contains("-s");
        } catch (ConfigurationException unbalanced) {
            return false; // go would not have built with such flags
        }
    }
}
