package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.binary.Linkage;
import io.github.staticgo.target.CgoMode;
import java.util.ArrayList;
import java.util.List;

/** An ELF binary must need no interpreter and no shared library; static-pie passes unless refused. */
final class LinkageRule implements BinaryRule {
    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        if (report.format() != Format.ELF) {
            return;
        }
        Linkage linkage = report.linkage();
        if (linkage == null && report.elf() != null && report.elf().programHeaders() == 0
                && ("EXEC".equals(report.elf().typeName()) || "DYN".equals(report.elf().typeName()))) {
            findings.add(new Finding("is an ELF executable without program headers (e_phnum 0): the kernel cannot "
                    + "load it", "rebuild it; its header is damaged or it was not linked as an executable"));
        } else if (linkage == null) {
            findings.add(new Finding("is an ELF file but not an executable (" + elfType(report) + ")",
                    "list an executable for " + expected.target()));
        } else if (linkage == Linkage.DYNAMIC) {
            findings.add(new Finding("is dynamically linked: " + dependencies(report), dynamicHint(expected, report)));
        } else if (linkage == Linkage.SHARED_LIBRARY) {
            findings.add(new Finding("is a shared library, not an executable",
                    "build it with <buildMode>exe</buildMode>"));
        } else if (linkage == Linkage.STATIC_PIE && !policy.allowStaticPie()) {
            findings.add(new Finding("is static-pie, and <allowStaticPie> is false",
                    "build with <buildMode>exe</buildMode>, or set <allowStaticPie>true</allowStaticPie>"));
        }
    }

    private static String elfType(BinaryReport report) {
        return report.elf() == null ? "unknown type" : "e_type " + report.elf().typeName();
    }

    static String dependencies(BinaryReport report) {
        List<String> parts = new ArrayList<>();
        if (report.interpreter() != null) {
            parts.add("interpreter " + report.interpreter());
        }
        if (!report.needed().isEmpty()) {
            parts.add("needs " + String.join(", ", report.needed()));
        }
        return String.join("; ", parts);
    }

    private static String dynamicHint(ExpectedBinary expected, BinaryReport report) {
        Boolean cgo = report.cgoEnabled();
        if (expected.cgo() == CgoMode.MUSL) {
            return "the musl link was not static: check that <cc> is a musl compiler and that no <ldflags> "
                    + "replace -extldflags \"-static\"";
        }
        if (Boolean.TRUE.equals(cgo) || expected.cgo() == CgoMode.ON) {
            return "cgo is on, and net and os/user pull in libc: set <cgo>off</cgo>, or <cgo>musl</cgo> for a "
                    + "static cgo build";
        }
        if (report.goBuildInfo() != null) {
            return "a pure-Go binary linked dynamically: build with <buildMode>exe</buildMode> and no "
                    + "-linkmode external";
        }
        return "not a Go binary: link it with -static, or get a statically linked build of it";
    }
}
