package io.github.staticgo.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mistakes in {@code <image>}: each one line naming the element, before anything is read or written. */
class ImageConfigurationTest {
    @TempDir
    Path dir;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake(
                        builder -> builder.ports(List.of("http")),
                        "<image.ports>: 'http' is not a port: write 8080, 8080/tcp or 53/udp."),
                mistake(
                        builder -> builder.tags(List.of("1.0 final")),
                        "<image.tags>: '1.0 final' is not a tag: up to 128 letters, digits, _ . -, not starting "
                                + "with . or -."),
                mistake(
                        builder -> builder.name("sidecar"),
                        "<image.name>: 'sidecar' names no registry: write registry-host[:port]/repository, e.g. "
                                + "registry.example.com/team/sidecar or 127.0.0.1:5000/sidecar."),
                mistake(
                        builder -> builder.environment(Map.of("A=B", "c")),
                        "<image.environment>: 'A=B' is not a variable name (no '=', not empty)."),
                mistake(
                        builder -> builder.scratchFiles(new ScratchFiles(Path.of("/nonexistent/ca.pem"), null, null)),
                        "<image.caCertificates>: there is no CA bundle at /nonexistent/ca.pem: name a PEM file, or "
                                + "none to leave them out (Debian's ca-certificates package puts the host's at "
                                + "/etc/ssl/certs/ca-certificates.crt)."),
                mistake(
                        builder -> builder.scratchFiles(new ScratchFiles(null, null, Path.of("/nonexistent/zoneinfo"))),
                        "<image.timeZones>: there is no zoneinfo directory at /nonexistent/zoneinfo: name one, install "
                                + "tzdata, or leave <timeZones> out and build with -tags timetzdata (Go embeds its own "
                                + "time zone data)."),
                mistake(
                        builder -> builder.scratchFiles(
                                new ScratchFiles(null, new ScratchFiles.NonRootUser("nonroot", 0, 0), null)),
                        "<image.uid>: the non-root user needs a uid and gid above 0, not 0:0"));
    }

    private static Arguments mistake(UnaryOperator<ImageRequest.Builder> change, String message) {
        return Arguments.of(change, message);
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsOneLineNamingItsElement(UnaryOperator<ImageRequest.Builder> change, String message) {
        ImageRequest request = change.apply(ImageRequest.builder()
                        .outputDirectory(dir.resolve("static-go"))
                        .verifyReport(dir.resolve("static-go/verify-report.json"))
                        .imageDirectory(dir.resolve("image"))
                        .tags(List.of("1.0")))
                .build();
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> new StaticGoImage(BuildLog.silent()).assemble(request));
        assertEquals(message, e.getMessage());
        assertFalse(Files.exists(dir.resolve("image")), "nothing written");
    }
}
