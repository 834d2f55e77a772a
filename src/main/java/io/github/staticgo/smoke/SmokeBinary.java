package io.github.staticgo.smoke;

import java.nio.file.Path;

/**
 * A binary to smoke-run and what is known of it.
 *
 * @param platform the target it was checked against as written ("linux/arm/7"), for the log
 * @param goos the GOOS it is for (the target's, else what the analyzer read), or null when unknown
 * @param goarch the architecture the analyzer read from its header (what it really is), else the target's
 * @param variant the target's variant, else the one its Go build info records, or null
 * @param elf whether it is an ELF file
 * @param interpreter its ELF interpreter, or null: named when it does not start in the empty root
 * @param goPackage the main package build.json records it was built from, or null for one the build did
 *     not make: it chooses the package's own smoke settings
 */
public record SmokeBinary(
        Path file,
        String platform,
        String goos,
        String goarch,
        String variant,
        boolean elf,
        String interpreter,
        String goPackage) {

    public String fileName() {
        return file.getFileName().toString();
    }
}
