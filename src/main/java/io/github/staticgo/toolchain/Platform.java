package io.github.staticgo.toolchain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code go tool dist list -json}: a GOOS/GOARCH pair the Go toolchain can build for. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Platform(
        @JsonProperty("GOOS") String goos,
        @JsonProperty("GOARCH") String goarch,
        @JsonProperty("CgoSupported") boolean cgoSupported) {

    public String name() {
        return goos + "/" + goarch;
    }
}
