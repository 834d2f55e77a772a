package io.github.staticgo.binary;

import java.util.Locale;

/** The container format of a file. */
public enum Format {
    ELF,
    PE,
    MACHO,
    /** Not a format the analyzer reads; not an error. */
    UNKNOWN;

    /** The name used in reports: {@code elf}, {@code pe}, {@code macho} or {@code unknown}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
