package io.github.staticgo.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A test double of a Docker credential helper: an executable {@code docker-credential-<name>} shell script in a
 * directory the test puts on the helper's PATH, behaving as the script says. Every double first keeps its
 * arguments and what it read on stdin in {@code <name>.args} and {@code <name>.stdin} beside it, so a test can
 * check what it was asked, as docker-credential-helpers' protocol says it is asked (the action as the one
 * argument, the server address on stdin).
 */
final class CredentialHelperDouble {
    private final Path directory;
    private final String name;

    private CredentialHelperDouble(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /** A helper that answers as {@code body} (sh) says, after reading its input. */
    static CredentialHelperDouble install(Path directory, String name, String body) throws IOException {
        Files.createDirectories(directory);
        Path script = directory.resolve("docker-credential-" + name);
        Files.writeString(
                script,
                "#!/bin/sh\n"
                        + "here=$(dirname \"$0\")\n"
                        + "echo \"$@\" > \"$here/" + name + ".args\"\n"
                        + "cat > \"$here/" + name + ".stdin\"\n"
                        + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new CredentialHelperDouble(directory, name);
    }

    /** A helper that has these credentials for every server, as docker-credential-helpers prints them. */
    static CredentialHelperDouble answering(Path directory, String name, String username, String secret)
            throws IOException {
        return install(
                directory,
                name,
                "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + username + "\",\"Secret\":\"" + secret + "\"}\\n' "
                        + "\"$(cat \"$here/" + name + ".stdin\")\"");
    }

    String stdin() throws IOException {
        return Files.readString(directory.resolve(name + ".stdin"));
    }

    String args() throws IOException {
        return Files.readString(directory.resolve(name + ".args")).strip();
    }

    boolean ran() {
        return Files.exists(directory.resolve(name + ".stdin"));
    }
}
