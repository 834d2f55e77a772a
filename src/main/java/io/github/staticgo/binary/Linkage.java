package io.github.staticgo.binary;

import java.util.Locale;

/** How an ELF file gets its code at run time, judged from its program headers. */
public enum Linkage {
    /** No interpreter and no dynamic section: the kernel runs it as it is. */
    STATIC,
    /** No interpreter and no needed library, but a dynamic section: it relocates itself. */
    STATIC_PIE,
    /** An interpreter ({@code PT_INTERP}) or at least one needed library ({@code DT_NEEDED}). */
    DYNAMIC,
    /**
     * A shared object that is not an executable: no {@code DF_1_PIE}, no interpreter, and a
     * needed library, a soname or an entry point outside its executable code.
     */
    SHARED_LIBRARY;

    /** The name used in reports: {@code static}, {@code static-pie}, {@code dynamic}, {@code shared-library}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
