package io.github.staticgo.toolchain;

import com.google.gson.annotations.SerializedName;

/** One entry of {@code go tool dist list -json}: a GOOS/GOARCH pair the Go toolchain can build for. */
public record Platform(
        @SerializedName("GOOS") String goos,
        @SerializedName("GOARCH") String goarch,
        @SerializedName("CgoSupported") boolean cgoSupported) {

    public String name() {
        return goos + "/" + goarch;
    }
}
