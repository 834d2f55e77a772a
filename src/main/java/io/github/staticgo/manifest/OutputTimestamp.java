package io.github.staticgo.manifest;

import io.github.staticgo.ConfigurationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@code project.build.outputTimestamp} the way Maven's archivers do. */
public final class OutputTimestamp {
    private OutputTimestamp() {}

    /** Empty for no value or a single character (Maven's way to switch it off). */
    public static Optional<Instant> parse(String value) throws ConfigurationException {
        if (value == null || value.trim().length() < 2) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
            }
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigurationException(
                    "project.build.outputTimestamp",
                    "'" + text + "' is neither seconds since "
                            + "the epoch nor an ISO-8601 date-time such as 2026-01-01T00:00:00Z.");
        }
    }
}
