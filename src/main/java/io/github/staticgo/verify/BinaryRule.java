package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import java.util.List;

/** One check of a binary against its target; adds what it finds and never stops the others. */
interface BinaryRule {
    void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings);
}
