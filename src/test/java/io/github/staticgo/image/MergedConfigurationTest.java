package io.github.staticgo.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.oci.ImageConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A base's config with the image's over it, by Dockerfile semantics (the Dockerfile reference: ENV sets over the
 * base's, EXPOSE and LABEL add, ENTRYPOINT drops the base's CMD, USER and WORKDIR stay unless set).
 */
class MergedConfigurationTest {
    private static final String BASE = """
            {"architecture":"amd64","os":"linux","created":"2020-01-01T00:00:00Z",
             "config":{"Env":["PATH=/usr/bin","SHARED=base"],"Cmd":["/bin/sh"],"User":"1000","WorkingDir":"/srv",
                       "ExposedPorts":{"9000/tcp":{}},"Labels":{"layer":"base","team":"base"},"StopSignal":"SIGTERM"},
             "rootfs":{"type":"layers","diff_ids":["sha256:b1"]},
             "history":[{"created_by":"base"}]}""";

    @Test
    void theImagesSettingsOverTheBasesByDockerfileRules() {
        ImageConfiguration ours = new ImageConfiguration(
                null,
                "amd64",
                "linux",
                null,
                new ImageConfiguration.Config(
                        null,
                        Map.of("8081/tcp", Map.of()),
                        List.of("SHARED=ours", "MINE=1"),
                        List.of("/usr/local/bin/sidecar"),
                        null,
                        null,
                        Map.of("team", "platform")),
                new ImageConfiguration.RootFs("layers", List.of("sha256:o1")),
                List.of(new ImageConfiguration.History(null, "static-go:image", "/usr/local/bin/sidecar")));
        JsonObject merged = JsonParser.parseString(new String(
                        MergedConfiguration.merge(
                                JsonParser.parseString(BASE).getAsJsonObject(), ours, List.of("sha256:b1")),
                        StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject config = merged.getAsJsonObject("config");
        assertEquals(
                "[\"PATH=/usr/bin\",\"SHARED=ours\",\"MINE=1\"]",
                config.get("Env").toString());
        assertEquals("[\"/usr/local/bin/sidecar\"]", config.get("Entrypoint").toString());
        assertFalse(config.has("Cmd"), "an entrypoint drops the base's Cmd");
        assertEquals("1000", config.get("User").getAsString());
        assertEquals("/srv", config.get("WorkingDir").getAsString());
        assertEquals(
                "{\"9000/tcp\":{},\"8081/tcp\":{}}", config.get("ExposedPorts").toString());
        assertEquals(
                "{\"layer\":\"base\",\"team\":\"platform\"}",
                config.get("Labels").toString());
        assertEquals("SIGTERM", config.get("StopSignal").getAsString());
        assertEquals(
                "[\"sha256:b1\",\"sha256:o1\"]",
                merged.getAsJsonObject("rootfs").get("diff_ids").toString());
        assertEquals(2, merged.getAsJsonArray("history").size());
        assertFalse(merged.has("created"), "the base's date is not the image's");
    }
}
