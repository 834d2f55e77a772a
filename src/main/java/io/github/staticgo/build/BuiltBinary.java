package io.github.staticgo.build;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One binary in build.json: what it was built for and its SHA-256, for the goals that come after build.
 *
 * @param file the file name, relative to the directory of build.json
 * @param variant the architecture variant, or null
 * @param cgo off, musl or on
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BuiltBinary(String file, String goPackage, String goos, String goarch, String variant, String cgo,
        String classifier, long size, String sha256) {}
