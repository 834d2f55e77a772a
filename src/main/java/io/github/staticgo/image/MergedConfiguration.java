package io.github.staticgo.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.oci.ImageConfiguration;
import io.github.staticgo.oci.OciJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config of an image on a base image, as a Dockerfile {@code FROM base} with the pom's settings would make
 * it: the base's environment with the image's variables set over it, its exposed ports and labels with the
 * image's added, its user and working directory unless the image names its own, the image's entrypoint, and
 * the image's arguments or none (setting an entrypoint drops the base's Cmd, as Docker does); the base's layers'
 * diff_ids and history first; every other field of the base (volumes, stop signal, ...) as it is.
 */
final class MergedConfiguration {
    private MergedConfiguration() {}

    static byte[] merge(JsonObject base, ImageConfiguration image, List<String> baseDiffIds) {
        JsonObject ours = parse(OciJson.bytes(image));
        JsonObject merged = base.deepCopy();
        for (String field : List.of("architecture", "os", "variant", "created")) {
            if (ours.has(field)) {
                merged.add(field, ours.get(field));
            } else {
                merged.remove(field);
            }
        }
        JsonObject config = merged.has("config") && merged.get("config").isJsonObject()
                ? merged.getAsJsonObject("config")
                : new JsonObject();
        JsonObject ourConfig = ours.getAsJsonObject("config");
        config.add("Env", environment(config.get("Env"), ourConfig.get("Env")));
        config.add("Entrypoint", ourConfig.get("Entrypoint"));
        if (ourConfig.has("Cmd")) {
            config.add("Cmd", ourConfig.get("Cmd"));
        } else {
            config.remove("Cmd");
        }
        for (String field : List.of("User", "WorkingDir")) {
            if (ourConfig.has(field)) {
                config.add(field, ourConfig.get(field));
            }
        }
        for (String field : List.of("ExposedPorts", "Labels")) {
            if (ourConfig.has(field)) {
                JsonObject union = config.has(field) && config.get(field).isJsonObject()
                        ? config.getAsJsonObject(field)
                        : new JsonObject();
                ourConfig
                        .getAsJsonObject(field)
                        .entrySet()
                        .forEach(entry -> union.add(entry.getKey(), entry.getValue()));
                config.add(field, union);
            }
        }
        merged.add("config", config);
        JsonArray diffIds = new JsonArray();
        baseDiffIds.forEach(diffIds::add);
        ours.getAsJsonObject("rootfs").getAsJsonArray("diff_ids").forEach(diffIds::add);
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        rootfs.add("diff_ids", diffIds);
        merged.add("rootfs", rootfs);
        JsonArray history = merged.has("history") && merged.get("history").isJsonArray()
                ? merged.getAsJsonArray("history")
                : new JsonArray();
        ours.getAsJsonArray("history").forEach(history::add);
        merged.add("history", history);
        return merged.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The base's NAME=value list with the image's variables set over it, in the base's order, new ones after. */
    private static JsonElement environment(JsonElement base, JsonElement ours) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonElement list : new JsonElement[] {base, ours}) {
            if (list != null && list.isJsonArray()) {
                for (JsonElement variable : list.getAsJsonArray()) {
                    String text = variable.getAsString();
                    int equals = text.indexOf('=');
                    variables.put(equals < 0 ? text : text.substring(0, equals), text);
                }
            }
        }
        JsonArray merged = new JsonArray();
        variables.values().forEach(merged::add);
        return merged;
    }

    private static JsonObject parse(byte[] json) {
        return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
