package io.github.staticgo.platform;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The architecture variants Go accepts, by GOARCH: which environment variable carries the third part
 * of a target (linux/arm/7, linux/amd64/v3) and which values go accepts for it (see `go help environment`).
 */
public record ArchVariant(String variable, Pattern values, String examples) {
    private static final Map<String, ArchVariant> BY_GOARCH = Map.ofEntries(
            Map.entry("amd64", new ArchVariant("GOAMD64", "v[1-4]", "v1, v2, v3, v4")),
            Map.entry("arm", new ArchVariant("GOARM", "[5-7](,(softfloat|hardfloat))?", "5, 6, 7, 7,softfloat")),
            Map.entry(
                    "arm64",
                    new ArchVariant("GOARM64", "v(8\\.[0-9]|9\\.[0-5])(,(lse|crypto))*", "v8.0, v8.2, v9.0, v8.2,lse")),
            Map.entry("386", new ArchVariant("GO386", "sse2|softfloat", "sse2, softfloat")),
            Map.entry("mips", new ArchVariant("GOMIPS", "hardfloat|softfloat", "hardfloat, softfloat")),
            Map.entry("mipsle", new ArchVariant("GOMIPS", "hardfloat|softfloat", "hardfloat, softfloat")),
            Map.entry("mips64", new ArchVariant("GOMIPS64", "hardfloat|softfloat", "hardfloat, softfloat")),
            Map.entry("mips64le", new ArchVariant("GOMIPS64", "hardfloat|softfloat", "hardfloat, softfloat")),
            Map.entry("ppc64", new ArchVariant("GOPPC64", "power(8|9|10)", "power8, power9, power10")),
            Map.entry("ppc64le", new ArchVariant("GOPPC64", "power(8|9|10)", "power8, power9, power10")),
            Map.entry("riscv64", new ArchVariant("GORISCV64", "rva2[023]u64", "rva20u64, rva22u64, rva23u64")),
            Map.entry("wasm", new ArchVariant("GOWASM", "(satconv|signext)(,(satconv|signext))?", "satconv, signext")));

    private ArchVariant(String variable, String values, String examples) {
        this(variable, Pattern.compile(values), examples);
    }

    public static Optional<ArchVariant> forGoarch(String goarch) {
        return Optional.ofNullable(BY_GOARCH.get(goarch));
    }

    public boolean accepts(String value) {
        return values.matcher(value).matches();
    }
}
