package io.github.staticgo.binary;

import java.util.Locale;

/** The container format of a file. */
public enum Format {
    ELF,
    PE,
    MACHO,
    /** A WebAssembly module in the binary format. */
    WASM,
    /** Not a format the analyzer reads; not an error. */
    UNKNOWN;

    /** The name used in reports: {@code elf}, {@code pe}, {@code macho}, {@code wasm} or {@code unknown}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
