package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import java.util.List;

/** A static glibc binary that resolves users or hosts still loads libnss_* at run time. */
final class GlibcNssRule implements BinaryRule {
    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        if (report.glibcNss() && !policy.allowGlibcNss()) {
            findings.add(new Finding(
                    "is linked statically against glibc with NSS, so it will dlopen libnss_* " + "at run time",
                    "use <cgo>musl</cgo> (or the netgo,osusergo tags), or set "
                            + "<allowGlibcNss>true</allowGlibcNss> if the image has matching NSS modules"));
        }
    }
}
