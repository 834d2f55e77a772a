package io.github.staticgo.verify;

/**
 * What verify tolerates. Start from {@link #DEFAULTS} and change what the pom sets, so that a call site
 * names each choice.
 *
 * @param allowStaticPie a static-pie ELF (self-relocating, no interpreter, no library) passes
 * @param allowGlibcNss a static glibc binary that will dlopen libnss_* at run time passes
 * @param requireStripped a binary that still has its symbol table fails
 * @param allowUnhardenedPe a Windows binary without ASLR (DYNAMIC_BASE, HIGH_ENTROPY_VA on 64-bit) or DEP
 *     (NX_COMPAT) passes
 */
public record VerifyPolicy(
        boolean allowStaticPie, boolean allowGlibcNss, boolean requireStripped, boolean allowUnhardenedPe) {

    /** What verify and inspect tolerate unless told otherwise. */
    public static final VerifyPolicy DEFAULTS = new VerifyPolicy(true, false, false, false);

    public VerifyPolicy withAllowStaticPie(boolean allow) {
        return new VerifyPolicy(allow, allowGlibcNss, requireStripped, allowUnhardenedPe);
    }

    public VerifyPolicy withAllowGlibcNss(boolean allow) {
        return new VerifyPolicy(allowStaticPie, allow, requireStripped, allowUnhardenedPe);
    }

    public VerifyPolicy withRequireStripped(boolean require) {
        return new VerifyPolicy(allowStaticPie, allowGlibcNss, require, allowUnhardenedPe);
    }

    public VerifyPolicy withAllowUnhardenedPe(boolean allow) {
        return new VerifyPolicy(allowStaticPie, allowGlibcNss, requireStripped, allow);
    }
}
