package io.github.staticgo.verify;

import io.github.staticgo.binary.BinaryReport;
import io.github.staticgo.binary.Format;
import io.github.staticgo.binary.Linkage;
import io.github.staticgo.platform.CgoMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An ELF binary must need no interpreter and no shared library; static-pie passes unless refused. */
final class LinkageRule implements BinaryRule {
    @Override
    public void check(ExpectedBinary expected, BinaryReport report, VerifyPolicy policy, List<Finding> findings) {
        if (report.format() != Format.ELF) {
            return;
        }
        Linkage linkage = report.linkage();
        if (linkage == null
                && report.elf() != null
                && report.elf().programHeaders() == 0
                && ("EXEC".equals(report.elf().typeName())
                        || "DYN".equals(report.elf().typeName()))) {
            findings.add(new Finding(
                    "is an ELF executable without program headers (e_phnum 0): the kernel cannot " + "load it",
                    "rebuild it; its header is damaged or it was not linked as an executable"));
        } else if (linkage == null) {
            findings.add(new Finding(
                    "is an ELF file but not an executable (" + elfType(report) + ")",
                    "list an executable for " + expected.target()));
        } else if (linkage == Linkage.DYNAMIC) {
            findings.add(new Finding("is dynamically linked: " + dependencies(report), dynamicHint(expected, report)));
        } else if (linkage == Linkage.SHARED_LIBRARY) {
            findings.add(
                    new Finding("is a shared library, not an executable", "build it with <buildMode>exe</buildMode>"));
        } else if (linkage == Linkage.STATIC_PIE && !policy.allowStaticPie()) {
            findings.add(new Finding(
                    "is static-pie, and <allowStaticPie> is false",
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

    /** libc functions net's cgo resolver calls (net/cgo_unix*.go). */
    private static final Set<String> NET_RESOLVER = Set.of(
            "getaddrinfo",
            "getnameinfo",
            "gai_strerror",
            "res_search",
            "res_nsearch",
            "res_ninit",
            "res_nclose",
            "__res_search",
            "__res_nsearch");
    /** libc functions os/user's cgo lookups call (os/user/cgo_lookup_*.go). */
    private static final Set<String> OS_USER =
            Set.of("getpwuid_r", "getpwnam_r", "getgrgid_r", "getgrnam_r", "getgrouplist");

    /**
     * What runtime/cgo and the C start-up files import from libc on linux (besides pthread_*, sig* and
     * _-prefixed names), as readelf --dyn-syms lists them for Go 1.26: left out of the examples a fix names,
     * so that they point at the program's own calls.
     */
    private static final Set<String> RUNTIME_CGO = Set.of(
            "abort",
            "clearenv",
            "fprintf",
            "fputc",
            "free",
            "freeaddrinfo",
            "fwrite",
            "malloc",
            "mmap",
            "munmap",
            "nanosleep",
            "setegid",
            "setenv",
            "seteuid",
            "setgid",
            "setgroups",
            "setregid",
            "setresgid",
            "setresuid",
            "setreuid",
            "setuid",
            "stderr",
            "strerror",
            "sysconf",
            "unsetenv",
            "vfprintf");

    /**
     * Why a cgo binary needs libc, read from the functions it imports: net's resolver and os/user (which
     * the netgo and osusergo tags replace with pure Go), or C code of the program or a module it uses
     * (when neither is imported, some other package's {@code import "C"} linked libc in).
     */
    private static String cgoHint(List<String> imported) {
        boolean net = imported.stream().anyMatch(NET_RESOLVER::contains);
        boolean user = imported.stream().anyMatch(OS_USER::contains);
        if (imported.isEmpty()) {
            return "cgo is on, so libc is linked in (net and os/user use it, and so does any C code): set "
                    + "<cgo>off</cgo>, or <cgo>musl</cgo> for a static cgo build";
        }
        if (net || user) {
            String packages =
                    net && user ? "net's resolver and os/user call" : net ? "net's resolver calls" : "os/user calls";
            return "cgo is on, and " + packages + " libc ("
                    + String.join(
                            ", ",
                            imported.stream()
                                    .filter(symbol -> NET_RESOLVER.contains(symbol) || OS_USER.contains(symbol))
                                    .limit(3)
                                    .toList())
                    + "): set <cgo>off</cgo>, add the netgo,osusergo <tags>, or use <cgo>musl</cgo> for a static cgo build";
        }
        List<String> examples = imported.stream()
                .filter(symbol -> !RUNTIME_CGO.contains(symbol)
                        && !symbol.startsWith("pthread_")
                        && !symbol.startsWith("sig")
                        && !symbol.startsWith("_"))
                .limit(3)
                .toList();
        return "cgo is on, and C code of the program or of a module it uses (import \"C\") needs libc"
                + (examples.isEmpty() ? "" : " (it calls " + String.join(", ", examples) + ")")
                + ": use <cgo>musl</cgo> to link that C code statically; <cgo>off</cgo> would leave it out";
    }

    private static String dynamicHint(ExpectedBinary expected, BinaryReport report) {
        Boolean cgo = report.cgoEnabled();
        if (expected.cgo() == CgoMode.MUSL) {
            return "the musl link was not static: check that <cc> is a musl compiler and that no <ldflags> "
                    + "replace -extldflags \"-static\"";
        }
        if (Boolean.TRUE.equals(cgo) || expected.cgo() == CgoMode.ON) {
            return cgoHint(report.importedSymbols());
        }
        if (report.goBuildInfo() != null) {
            return "a pure-Go binary linked dynamically: build with <buildMode>exe</buildMode> and no "
                    + "-linkmode external";
        }
        return "not a Go binary: link it with -static, or get a statically linked build of it";
    }
}
