package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * A Windows binary must opt in to ASLR and DEP, as the PE specification's DllCharacteristics flags say:
 * DYNAMIC_BASE (relocatable at load), HIGH_ENTROPY_VA (64-bit address space randomization, for PE32+)
 * and NX_COMPAT. go's default build mode on windows (pie) sets all three; -buildmode=exe drops ASLR.
 */
final class PeHardeningRule implements BinaryRule {
    private static final int HIGH_ENTROPY_VA = 0x0020;
    private static final int DYNAMIC_BASE = 0x0040;
    private static final int NX_COMPAT = 0x0100;

    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        if (report.format() != Format.PE || report.pe() == null || policy.allowUnhardenedPe()) {
            return;
        }
        int flags = report.pe().dllCharacteristics();
        List<String> missing = new ArrayList<>();
        if ((flags & DYNAMIC_BASE) == 0) {
            missing.add("DYNAMIC_BASE (ASLR)");
        }
        if (report.bits() == 64 && (flags & HIGH_ENTROPY_VA) == 0) {
            missing.add("HIGH_ENTROPY_VA (64-bit ASLR)");
        }
        if ((flags & NX_COMPAT) == 0) {
            missing.add("NX_COMPAT (DEP)");
        }
        if (!missing.isEmpty()) {
            findings.add(new Finding(
                    "lacks the PE hardening flags " + String.join(", ", missing),
                    expected.builtByPlugin()
                            ? "build it with go's default build mode for windows (pie): remove <buildMode>exe</buildMode> "
                                    + "for this target, or set <buildMode>pie</buildMode>; or set "
                                    + "<allowUnhardenedPe>true</allowUnhardenedPe> to accept it"
                            : "get a build of it linked with ASLR and DEP (go: -buildmode=pie; MSVC: /DYNAMICBASE "
                                    + "/HIGHENTROPYVA /NXCOMPAT), or set <allowUnhardenedPe>true</allowUnhardenedPe>"));
        }
    }
}
