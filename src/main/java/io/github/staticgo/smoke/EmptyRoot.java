package io.github.staticgo.smoke;

import io.github.staticgo.BuildLog;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import io.github.staticgo.process.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a binary is started in a directory that holds nothing but itself, as its root: the first way
 * this process is allowed to use, found once by trying each with the tool's own {@code --version}.
 *
 * <ol>
 * <li>{@code unshare} with new user, mount and network namespaces and {@code --root}: works unprivileged
 *     where user namespaces are allowed; no host file, library or network interface is reachable;</li>
 * <li>the same without a user namespace (root where user namespaces are off);</li>
 * <li>the same through {@code chroot} inside the namespaces (util-linux older than 2.36 has no {@code --root});</li>
 * <li>{@code chroot} in a new network namespace, then {@code chroot} alone (root, or CAP_SYS_CHROOT, in a
 *     container that forbids namespaces): the network is then not isolated, and the description says so;</li>
 * <li>none: the binary runs with an empty environment from a directory holding only itself; host
 *     libraries remain reachable, and the report says the empty root was not available.</li>
 * </ol>
 *
 * No PID namespace: the binary would be its PID 1, which ignores its own fatal signals, and qemu-user
 * then hangs after the guest crashes instead of ending. Without one the binary is a plain child,
 * killed with its children at the timeout.
 */
public final class EmptyRoot {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** The kind of isolation, as the report names it. */
    public enum Method {
        UNSHARE, CHROOT, ENVIRONMENT;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Candidate(Method method, String description, Function<Path, List<String>> prefix, Path probeProgram) {}

    private final Method method;
    private final String description;
    private final Function<Path, List<String>> prefix;

    private EmptyRoot(Method method, String description, Function<Path, List<String>> prefix) {
        this.method = method;
        this.description = description;
        this.prefix = prefix;
    }

    /** No empty root: the binary is run as it is, with an empty environment. */
    public static EmptyRoot unavailable(String why) {
        return new EmptyRoot(Method.ENVIRONMENT, "no empty root (" + why + "): empty environment, run from a "
                + "directory holding only the binary", root -> List.of());
    }

    /** Tries each way in order and keeps the first that works here. */
    public static EmptyRoot probe(ProcessRunner runner, String pathValue, BuildLog log) {
        Optional<Path> unshare = Executables.find("unshare", pathValue);
        Optional<Path> chroot = Executables.find("chroot", pathValue);
        List<Candidate> candidates = new ArrayList<>();
        if (unshare.isPresent()) {
            String u = unshare.get().toString();
            candidates.add(new Candidate(Method.UNSHARE, "unshare: new user, mount and network namespaces",
                    root -> List.of(u, "--user", "--map-root-user", "--mount", "--net", "--root=" + root, "--wd=/", "--"),
                    unshare.get()));
            candidates.add(new Candidate(Method.UNSHARE, "unshare: new mount and network namespaces",
                    root -> List.of(u, "--mount", "--net", "--root=" + root, "--wd=/", "--"), unshare.get()));
            if (chroot.isPresent()) {
                String c = chroot.get().toString();
                candidates.add(new Candidate(Method.UNSHARE, "unshare and chroot: new user, mount and network namespaces",
                        root -> List.of(u, "--user", "--map-root-user", "--mount", "--net", "--", c, root.toString()),
                        chroot.get()));
                candidates.add(new Candidate(Method.CHROOT, "chroot in a new network namespace",
                        root -> List.of(u, "--net", "--", c, root.toString()), chroot.get()));
            }
        }
        chroot.ifPresent(c -> candidates.add(new Candidate(Method.CHROOT, "chroot; the network is NOT isolated",
                root -> List.of(c.toString(), root.toString()), c)));
        List<String> refusals = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<String> command = new ArrayList<>(candidate.prefix().apply(Path.of("/")));
            command.add(candidate.probeProgram().toString());
            command.add("--version");
            try {
                ProcessResult result = runner.run(new ProcessSpec(command, Path.of("/"), Map.of(), PROBE_TIMEOUT), line -> {});
                if (result.succeeded()) {
                    log.debug("Smoke run: " + String.join(" ", command) + " works here");
                    return new EmptyRoot(candidate.method(), candidate.description(), candidate.prefix());
                }
                refusals.add(result.outputTail().isEmpty() ? String.join(" ", command) + ": exit " + result.exitCode()
                        : result.outputTail().get(result.outputTail().size() - 1));
            } catch (ProcessFailedException e) {
                refusals.add(e.getMessage());
            }
            log.debug("Smoke run: " + String.join(" ", command) + " is not allowed here: " + refusals.get(refusals.size() - 1));
        }
        if (candidates.isEmpty()) {
            return unavailable("neither unshare nor chroot is on PATH");
        }
        return unavailable("neither unshare nor chroot is allowed here: " + refusals.get(0));
    }

    public Method method() {
        return method;
    }

    /** What isolates the run, for the log and the report. */
    public String description() {
        return description;
    }

    public boolean available() {
        return method != Method.ENVIRONMENT;
    }

    /** The command that enters {@code root}; the program to run, as a path inside the root, follows it. */
    List<String> enter(Path root) {
        return prefix.apply(root);
    }
}
