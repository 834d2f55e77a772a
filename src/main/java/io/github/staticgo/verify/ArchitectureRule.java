package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import java.util.List;

/** The header's machine and the Go build info's GOARCH and variant must all be the target's. */
final class ArchitectureRule implements BinaryRule {
    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        if (report.format() == Format.UNKNOWN) {
            return;
        }
        boolean headerMatches = expected.goarch().equals(report.goarch())
                || report.architectures().contains(expected.goarch());
        if (!headerMatches) {
            String found = report.goarch() != null
                    ? report.goarch()
                    : report.machine() != null ? report.machine() + " (not a Go architecture)" : "an unknown machine";
            findings.add(new Finding(
                    "its header says " + found + ", not " + expected.goarch(),
                    "rebuild it with GOARCH=" + expected.goarch() + "; a container for " + expected.goarch()
                            + " would not start it"));
        }
        if (report.goBuildInfo() == null) {
            return;
        }
        String recorded = report.goBuildInfo().setting("GOARCH");
        if (recorded != null && !recorded.equals(expected.goarch())) {
            findings.add(new Finding(
                    "its Go build info says GOARCH=" + recorded + ", not " + expected.goarch(),
                    "rebuild it for " + expected.target()));
        }
        String required = expected.requiredVariant();
        if (required != null && !required.equals(report.variant())) {
            String found = report.variant() == null ? "(none)" : report.variant();
            if (expected.variant() != null) {
                findings.add(new Finding(
                        "its Go build info records the variant " + found + ", not " + required,
                        "rebuild it for " + expected.target() + " so it runs on the hardware that target names"));
            } else {
                findings.add(new Finding(
                        "its Go build info records the variant " + found + ", not " + required + ", Go's default for "
                                + expected.target() + " that it was built with",
                        "something other than static-go:build made this file: rebuild it with mvn package, or name the "
                                + "variant in the target (" + expected.target() + "/" + found
                                + ") if that is the one you want"));
            }
        }
    }
}
