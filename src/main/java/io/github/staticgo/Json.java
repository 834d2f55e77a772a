package io.github.staticgo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonIOException;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one JSON mapping of the plugin: what go prints ({@code -json}) and the files the goals write and
 * read (build.json, verify-report.json, up-to-date records). Nulls are written, so a reader sees every
 * field; text is written as it is (no HTML escaping of {@code <}, {@code =}, ...). Files are written
 * through {@link SafeFiles#replace}, so no reader sees half of one.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .setStrictness(Strictness.STRICT)
            .create();

    private Json() {}

    public static <T> T read(String json, Class<T> type) throws IOException {
        return read(json, (Type) type);
    }

    /** A list of {@code elementType}, e.g. the array {@code go tool dist list -json} prints. */
    public static <T> List<T> readList(String json, Class<T> elementType) throws IOException {
        return read(json, TypeToken.getParameterized(List.class, elementType).getType());
    }

    /** Objects written one after another, as go list -json prints them. */
    public static <T> List<T> readSequence(String json, Class<T> type) throws IOException {
        List<T> values = new ArrayList<>();
        try (JsonReader reader = GSON.newJsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.LENIENT);
            while (reader.peek() != JsonToken.END_DOCUMENT) {
                values.add(GSON.fromJson(reader, type));
            }
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        return values;
    }

    /** An object whose keys are free text and whose values are {@code valueType}. */
    public static <T> Map<String, T> readMap(String json, Class<T> valueType) throws IOException {
        return read(
                json,
                TypeToken.getParameterized(Map.class, String.class, valueType).getType());
    }

    /**
     * Reads a file this plugin wrote.
     *
     * @throws UnreadableFileException when it holds no JSON of that shape (truncated, not UTF-8, edited)
     * @throws IOException when it cannot be read at all
     */
    public static <T> T readFile(Path file, Class<T> type) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(file, "it is not UTF-8 text", e);
        }
        try {
            return read(text, type);
        } catch (IOException e) {
            throw new UnreadableFileException(file, e.getMessage(), e);
        }
    }

    /** Writes a file through a temporary file and a rename; a failure names the file. */
    public static void writeFile(Path file, Object value) throws IOException {
        try {
            SafeFiles.replace(file, temporary -> {
                try (Writer out = Files.newBufferedWriter(
                        temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    GSON.toJson(value, out);
                } catch (JsonIOException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T read(String json, Type type) throws IOException {
        try {
            T value = GSON.fromJson(json, type);
            if (value == null) {
                throw new IOException("no JSON value where one was expected");
            }
            return value;
        } catch (RuntimeException e) {
            // Gson's JsonParseException for malformed text; a plain RuntimeException when a record's
            // constructor refuses what was read (a required field missing).
            throw new IOException(e.getMessage(), e);
        }
    }
}
