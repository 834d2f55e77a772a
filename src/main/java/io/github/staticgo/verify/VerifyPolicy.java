package io.github.staticgo.verify;

/**
 * What verify tolerates.
 *
 * @param allowStaticPie a static-pie ELF (self-relocating, no interpreter, no library) passes
 * @param allowGlibcNss a static glibc binary that will dlopen libnss_* at run time passes
 * @param requireStripped a binary that still has its symbol table fails
 */
public record VerifyPolicy(boolean allowStaticPie, boolean allowGlibcNss, boolean requireStripped) {}
