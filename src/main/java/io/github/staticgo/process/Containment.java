package io.github.staticgo.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a command's process tree is held together so that it ends as a whole: when the command ends, at
 * its timeout, and when the JVM (Maven) dies, even by {@code kill -9}. Chosen once per JVM as the first
 * of these that this machine allows, each tried by running it:
 *
 * <ol>
 * <li>A PID namespace of its own ({@code unshare --pid --fork --kill-child --mount-proc}), entered
 *     without a user namespace where that is allowed (root): nothing can leave a PID namespace, not a
 *     {@code setsid} or double-forked daemon, and the kernel kills every process in it once its first
 *     process ends. That first process is GNU {@code timeout 0} (no limit), not the command: PID 1
 *     ignores its own fatal signals (a crashing qemu-user hangs, a signal death reads as an exit), while
 *     {@code timeout} only forks the command, waits, and exits with its status (128 + n for signal n, as a
 *     shell and Java report it). {@code --mount-proc} keeps /proc consistent with the PIDs inside.</li>
 * <li>The same inside a new user namespace that maps the user to itself, for users other than root:
 *     such a user has no privilege to lose there. Root is never put in one, where it would lose its
 *     power over files of other users (a CI workspace owned by another uid).</li>
 * <li>No namespace: the command alone, with a parent-death signal.</li>
 * <li>Nothing: util-linux is missing, or this is not Linux.</li>
 * </ol>
 *
 * Every variant with util-linux starts under {@code setpriv --pdeathsig KILL}: the process the JVM
 * started is killed by the kernel when the JVM dies. The parent death signal belongs to the thread
 * that started the process, not to the JVM; {@link ProcessRunner#run} never returns (and so its thread
 * never ends) while the process lives. It is not inherited by the command's children: in variant 3 a
 * compiler that go started finishes its work after {@code kill -9} of Maven, and only what still holds
 * the command's output can be found and killed when it ends.
 *
 * @param prefix the arguments that come before the command
 * @param ownPidNamespace the kernel ends every process of the tree with the command
 */
record Containment(List<String> prefix, boolean ownPidNamespace, String description) {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    Containment {
        prefix = List.copyOf(prefix);
    }

    static Containment none(String why) {
        return new Containment(List.of(), false, "process trees are killed from the JVM only (" + why + ")");
    }

    /** The variant this machine allows, found once per JVM. */
    static Containment ofThisMachine() {
        return Probed.CHOSEN;
    }

    private static final class Probed {
        static final Containment CHOSEN = probe();
    }

    /** Each candidate this machine has the tools for, best first. */
    static List<Containment> candidates() {
        String path = System.getenv("PATH");
        Optional<Path> setpriv = Executables.find("setpriv", path);
        if (!System.getProperty("os.name").startsWith("Linux") || setpriv.isEmpty()) {
            return List.of();
        }
        List<String> pdeathsig = List.of(setpriv.get().toString(), "--pdeathsig", "KILL", "--");
        List<Containment> candidates = new ArrayList<>();
        Optional<Path> unshare = Executables.find("unshare", path);
        // GNU timeout only: busybox's (a link to busybox) execs the command itself, which would be PID 1 again.
        Optional<Path> timeout = Executables.find("timeout", path).filter(Containment::isItself);
        if (unshare.isPresent() && timeout.isPresent()) {
            List<String> namespaces = List.of("--pid", "--fork", "--kill-child", "--mount-proc", "--");
            List<String> init = List.of(timeout.get().toString(), "0");
            candidates.add(new Containment(
                    concat(pdeathsig, List.of(unshare.get().toString()), namespaces, init),
                    true,
                    "each command runs in a PID namespace of its own, killed with it and with the JVM"));
            userIds()
                    .ifPresent(
                            ids -> candidates.add(
                                    new Containment(
                                            concat(
                                                    pdeathsig,
                                                    List.of(
                                                            unshare.get().toString(),
                                                            "--user",
                                                            "--map-user=" + ids[0],
                                                            "--map-group=" + ids[1]),
                                                    namespaces,
                                                    init),
                                            true,
                                            "each command runs in user and PID namespaces of its own, killed with it and with the JVM")));
        }
        candidates.add(
                new Containment(
                        pdeathsig,
                        false,
                        "no PID namespace is allowed here: a command dies with the "
                                + "JVM, its children are killed when it ends only while they are its descendants or hold its output"));
        return candidates;
    }

    private static Containment probe() {
        List<String> refusals = new ArrayList<>();
        for (Containment candidate : candidates()) {
            Optional<String> refusal = candidate.refusal();
            if (refusal.isEmpty()) {
                return refusals.isEmpty()
                        ? candidate
                        : new Containment(
                                candidate.prefix(),
                                candidate.ownPidNamespace(),
                                candidate.description() + " (refused: " + String.join("; ", refusals) + ")");
            }
            refusals.add(refusal.get());
        }
        return none(refusals.isEmpty() ? "setpriv of util-linux is not on PATH" : String.join("; ", refusals));
    }

    /** Why this machine does not allow this containment, found by trying it; empty when it does. */
    Optional<String> refusal() {
        // The probe's command is the first tool of the prefix itself, which is sure to exist.
        List<String> command = concat(prefix, List.of(prefix.get(0), "--version"));
        try {
            ProcessResult result = new ProcessRunner(none("probing"))
                    .run(new ProcessSpec(command, Path.of("/"), Map.of(), PROBE_TIMEOUT), line -> {});
            if (result.succeeded()) {
                return Optional.empty();
            }
            return Optional.of(String.join(" ", prefix) + ": "
                    + (result.outputTail().isEmpty()
                            ? "exit " + result.exitCode()
                            : result.outputTail().get(result.outputTail().size() - 1)));
        } catch (ProcessFailedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The user and group to map to themselves; empty for root, who keeps its powers only outside a user namespace. */
    private static Optional<long[]> userIds() {
        try {
            Path self = Path.of("/proc/self");
            long uid = ((Number) Files.getAttribute(self, "unix:uid")).longValue();
            long gid = ((Number) Files.getAttribute(self, "unix:gid")).longValue();
            return uid == 0 ? Optional.empty() : Optional.of(new long[] {uid, gid});
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The command with this containment's prefix before it. */
    List<String> wrap(List<String> command) {
        return concat(prefix, command);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static boolean isItself(Path tool) {
        try {
            return tool.toRealPath().getFileName().equals(tool.getFileName());
        } catch (IOException e) {
            return false;
        }
    }
}
