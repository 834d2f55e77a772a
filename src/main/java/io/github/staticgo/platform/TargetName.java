package io.github.staticgo.platform;

import java.util.List;
import java.util.Optional;

/** A target as written: "os/arch" or "os/arch/variant". */
public record TargetName(String goos, String goarch, String variant) {

    /** Empty when the text is not of that form; what it names is not checked here. */
    public static Optional<TargetName> parse(String written) {
        String text = written == null ? "" : written.trim();
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            return Optional.empty();
        }
        return Optional.of(new TargetName(parts[0], parts[1], parts.length == 3 ? parts[2] : null));
    }

    /** What to write instead of text that is not a target. */
    public static String formHint() {
        return "write os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm/7";
    }
}
