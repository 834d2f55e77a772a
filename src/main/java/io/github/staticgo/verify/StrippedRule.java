package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import java.util.List;

/** With requireStripped, a binary must have no symbol table. */
final class StrippedRule implements BinaryRule {
    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        // A wasm module's symbols are not something the analyzer reads: unknown, not a failure.
        if (policy.requireStripped() && report.format() != Format.UNKNOWN && report.format() != Format.WASM
                && !report.stripped()) {
            findings.add(new Finding("is not stripped, and <requireStripped> is true",
                    "keep <strip>true</strip> (link flags -s -w)"));
        }
    }
}
