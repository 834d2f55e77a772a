package io.github.staticgo.oci;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;

/**
 * An OCI image configuration (the config blob), with the image-spec's field names.
 *
 * @param created RFC 3339, or null
 */
public record ImageConfiguration(
        String created,
        String architecture,
        String os,
        String variant,
        Config config,
        RootFs rootfs,
        List<History> history) {

    /** How a container of the image runs; capitalised as the spec (and Docker before it) names these fields. */
    public record Config(
            @SerializedName("User") String user,
            @SerializedName("ExposedPorts") Map<String, Map<String, String>> exposedPorts,
            @SerializedName("Env") List<String> env,
            @SerializedName("Entrypoint") List<String> entrypoint,
            @SerializedName("Cmd") List<String> cmd,
            @SerializedName("WorkingDir") String workingDir,
            @SerializedName("Labels") Map<String, String> labels) {}

    /** The uncompressed digests of the layers, in order. */
    public record RootFs(
            String type, @SerializedName("diff_ids") List<String> diffIds) {}

    public record History(
            String created, @SerializedName("created_by") String createdBy, String comment) {}
}
