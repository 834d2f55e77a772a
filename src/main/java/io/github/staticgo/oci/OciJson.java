package io.github.staticgo.oci;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of OCI documents (index, manifest, config): compact, without nulls (an absent {@code variant} is
 * left out, as the spec asks), in the records' field order, so the same image always has the same bytes and
 * digest. Maps given to it are sorted ({@link java.util.TreeMap}) for the same reason.
 */
public final class OciJson {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private OciJson() {}

    public static byte[] bytes(Object document) {
        return GSON.toJson(document).getBytes(StandardCharsets.UTF_8);
    }

    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        try {
            T value = GSON.fromJson(new String(json, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new IOException("no JSON document");
            }
            return value;
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
