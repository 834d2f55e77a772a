package io.github.staticgo.platform;

import io.github.staticgo.ConfigurationException;
import java.util.Locale;

/** How a target uses cgo. */
public enum CgoMode {
    /** CGO_ENABLED=0, set explicitly so the caller's environment cannot turn cgo back on. */
    OFF,
    /** CGO_ENABLED=1 with musl-gcc (or the target's cc), linked externally and fully static. */
    MUSL,
    /** CGO_ENABLED=1 with the target's cc or go's default compiler; linkage is the user's affair. */
    ON;

    public static CgoMode parse(String value, String element) throws ConfigurationException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(element, "unknown cgo mode '" + value + "': use off, musl or on.");
        }
    }

    /** The name used in the pom and in build.json. */
    public String pomName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
