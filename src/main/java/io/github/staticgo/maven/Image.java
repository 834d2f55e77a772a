package io.github.staticgo.maven;

import io.github.staticgo.image.ScratchFiles;
import java.util.List;
import java.util.Map;

/** The {@code <image>} element of the image and push goals; see {@link ImageMojo#image} for each element. */
public final class Image {
    String name;
    List<String> tags;
    String binary;
    List<String> entrypoint;
    List<String> args;
    Map<String, String> environment;
    String workingDirectory;
    String user;
    List<String> ports;
    Map<String, String> labels;
    Map<String, String> annotations;
    String base;
    /** Default {@code host} from scratch, {@code none} on a base image. */
    String caCertificates;
    /** Default true from scratch, false on a base image (its own users stay). */
    Boolean nonRootUser;

    String userName = "nonroot";
    int uid = ScratchFiles.NonRootUser.DISTROLESS_ID;
    int gid = ScratchFiles.NonRootUser.DISTROLESS_ID;
    String timeZones = "none";
}
