package io.github.staticgo.smoke;

import io.github.staticgo.BuildLog;
import io.github.staticgo.process.Executables;
import io.github.staticgo.process.ProcessFailedException;
import io.github.staticgo.process.ProcessResult;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The sandbox a binary under test runs in: a directory that holds nothing but itself becomes its root,
 * and the program is treated as hostile. The first way this process is allowed to use is found once, by
 * trying each with the tool's own {@code --version}:
 *
 * <ol>
 * <li>{@code bwrap}: pivot_root into the root (nothing of the host stays mounted), new user, mount, PID,
 *     network, IPC and UTS namespaces, no capabilities, no new privileges, no nested user namespaces, and
 *     bwrap's own init as PID 1, which reaps every process and whose end (with the binary's, or Maven's)
 *     takes all of them down;</li>
 * <li>{@code unshare} twice: the outer one makes the namespaces, the inner one, PID 1 there, chroots as an
 *     unprivileged user and waits for the binary; with user namespaces, else (root) without;</li>
 * <li>{@code chroot --userspec}, in a new network namespace or without one: root, or CAP_SYS_CHROOT, in a
 *     container that forbids namespaces;</li>
 * <li>none: the binary runs with an empty environment from a directory holding only itself.</li>
 * </ol>
 *
 * Whatever the way, the binary runs as user 65534 of its namespace, never as root there, so execve leaves
 * it no capability, and a chroot cannot be left without CAP_SYS_CHROOT (the kernel also refuses a new user
 * namespace to a chrooted process, where it would regain one). When Maven runs as root, the sandbox also
 * runs as {@code nobody} on the host, so that even a kernel flaw leaves it an unprivileged user there, and
 * the kernel then counts its processes: {@code RLIMIT_NPROC} does not apply to root, and for any other user
 * it counts all of that user's processes on the host, so it is only set for {@code nobody}. Its writable
 * memory is bounded by {@code RLIMIT_DATA}; {@code RLIMIT_AS} would count the address space qemu-user
 * reserves for a 32-bit guest, and qemu-arm then hangs. Cgroups are not used: they are rarely delegated to a build (here
 * neither the pids nor the memory hierarchy is), and each method works without them.
 */
public final class EmptyRoot {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    /** The user (and group) the sandbox runs as when Maven is root: Debian's, Red Hat's and Alpine's nobody. */
    static final int NOBODY = 65534;
    /** Processes and threads (the kernel counts both) of the sandbox when it runs as {@link #NOBODY}. */
    static final int MAX_PROCESSES = 256;
    /** Writable private memory (heap, thread stacks) of each process in the sandbox. */
    static final long MAX_DATA_BYTES = 1L << 30;

    /** The kind of isolation, as the report names it. */
    public enum Method {
        BWRAP,
        UNSHARE,
        CHROOT,
        ENVIRONMENT;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One way in.
     *
     * @param weakness what it does not isolate that bwrap does, or null
     * @param switchesUser whether the command itself leaves root for {@link #NOBODY} (chroot --userspec), so
     *     that setpriv must not do it first
     */
    private record Candidate(
            Method method,
            String description,
            String weakness,
            boolean switchesUser,
            Function<Path, List<String>> enter,
            Path probeProgram) {}

    private final Method method;
    private final String description;
    private final String weakness;
    private final Integer owner;
    private final Function<Path, List<String>> prefix;

    private EmptyRoot(
            Method method, String description, String weakness, Integer owner, Function<Path, List<String>> prefix) {
        this.method = method;
        this.description = description;
        this.weakness = weakness;
        this.owner = owner;
        this.prefix = prefix;
    }

    /** No empty root: the binary is run as it is, with an empty environment. */
    public static EmptyRoot unavailable(String why) {
        return new EmptyRoot(
                Method.ENVIRONMENT,
                "no empty root (" + why + "): empty environment, run from a " + "directory holding only the binary",
                "host files, libraries, network and processes",
                null,
                root -> List.of());
    }

    /**
     * Tries each way in order and keeps the first that works here.
     *
     * @param workDirectory where the roots will be made: {@code nobody} must be able to reach it to run there
     */
    public static EmptyRoot probe(ProcessRunner runner, String pathValue, Path workDirectory, BuildLog log) {
        Optional<Path> bwrap = Executables.find("bwrap", pathValue);
        Optional<Path> unshare = Executables.find("unshare", pathValue);
        Optional<Path> chroot = Executables.find("chroot", pathValue);
        Optional<Path> setpriv = Executables.find("setpriv", pathValue);
        Optional<Path> prlimit = Executables.find("prlimit", pathValue);
        boolean root = runsAsRoot();
        boolean nobodyReaches = root && setpriv.isPresent() && reachableByOthers(workDirectory);
        List<Candidate> candidates = new ArrayList<>();
        bwrap.ifPresent(b -> candidates.add(new Candidate(
                Method.BWRAP,
                "bwrap: pivot_root into the root; new user, "
                        + "mount, PID, network, IPC and UTS namespaces; no capabilities, no new privileges",
                null,
                false,
                dir -> List.of(
                        b.toString(),
                        "--unshare-all",
                        "--unshare-user",
                        "--disable-userns",
                        "--die-with-parent",
                        "--new-session",
                        "--cap-drop",
                        "ALL",
                        "--uid",
                        String.valueOf(NOBODY),
                        "--gid",
                        String.valueOf(NOBODY),
                        "--bind",
                        dir.toString(),
                        "/",
                        "--chdir",
                        "/",
                        "--"),
                b)));
        if (unshare.isPresent()) {
            String u = unshare.get().toString();
            String chrootOnly =
                    "chroot, not pivot_root: the host's mounts stay behind the chroot in its mount namespace";
            candidates.add(new Candidate(
                    Method.UNSHARE,
                    "unshare: new user, mount, PID, network, IPC and UTS "
                            + "namespaces; chroot as an unprivileged user",
                    chrootOnly,
                    false,
                    dir -> List.of(
                            u,
                            "--user",
                            "--map-root-user",
                            "--mount",
                            "--net",
                            "--ipc",
                            "--uts",
                            "--pid",
                            "--kill-child",
                            "--",
                            u,
                            "--user",
                            "--map-user=" + NOBODY,
                            "--map-group=" + NOBODY,
                            "--kill-child",
                            "--root=" + dir,
                            "--wd=/",
                            "--"),
                    unshare.get()));
            candidates.add(new Candidate(
                    Method.UNSHARE,
                    "unshare: new mount, PID, network, IPC and UTS namespaces; " + "chroot as nobody",
                    chrootOnly + "; no user namespace",
                    true,
                    dir -> List.of(
                            u,
                            "--mount",
                            "--net",
                            "--ipc",
                            "--uts",
                            "--pid",
                            "--kill-child",
                            "--",
                            u,
                            "--kill-child",
                            "--root=" + dir,
                            "--wd=/",
                            "--setgid=" + NOBODY,
                            "--setuid=" + NOBODY,
                            "--"),
                    unshare.get()));
        }
        if (chroot.isPresent()) {
            String c = chroot.get().toString();
            String userspec = "--userspec=" + NOBODY + ":" + NOBODY;
            String noPidNamespace = "no PID or mount namespace: a process it leaves in the background outlives the run";
            unshare.ifPresent(u -> candidates.add(new Candidate(
                    Method.CHROOT,
                    "chroot as nobody in a new network namespace",
                    noPidNamespace,
                    true,
                    dir -> List.of(u.toString(), "--net", "--", c, userspec, dir.toString()),
                    chroot.get())));
            candidates.add(new Candidate(
                    Method.CHROOT,
                    "chroot as nobody",
                    noPidNamespace + "; the network is NOT isolated",
                    true,
                    dir -> List.of(c, userspec, dir.toString()),
                    chroot.get()));
        }
        List<String> refusals = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean asNobody = candidate.switchesUser() ? root : nobodyReaches;
            List<String> confinement = confinement(setpriv, prlimit, asNobody && !candidate.switchesUser(), asNobody);
            Function<Path, List<String>> prefix = dir -> {
                List<String> command = new ArrayList<>(confinement);
                command.addAll(candidate.enter().apply(dir));
                return command;
            };
            List<String> command = new ArrayList<>(prefix.apply(Path.of("/")));
            command.add(candidate.probeProgram().toString());
            command.add("--version");
            try {
                ProcessResult result =
                        runner.run(new ProcessSpec(command, Path.of("/"), Map.of(), PROBE_TIMEOUT), line -> {});
                if (result.succeeded()) {
                    log.debug("Smoke run: " + String.join(" ", command) + " works here");
                    return new EmptyRoot(
                            candidate.method(),
                            candidate.description() + limits(prlimit, asNobody, root),
                            candidate.weakness(),
                            asNobody ? NOBODY : null,
                            prefix);
                }
                refusals.add(
                        result.outputTail().isEmpty()
                                ? String.join(" ", command) + ": exit " + result.exitCode()
                                : result.outputTail().get(result.outputTail().size() - 1));
            } catch (ProcessFailedException e) {
                refusals.add(e.getMessage());
            }
            log.debug("Smoke run: " + String.join(" ", command) + " is not allowed here: "
                    + refusals.get(refusals.size() - 1));
        }
        if (candidates.isEmpty()) {
            return unavailable("none of bwrap, unshare and chroot is on PATH");
        }
        return unavailable("none of bwrap, unshare and chroot is allowed here: " + refusals.get(0));
    }

    /** setpriv and prlimit before the way in: no new privileges, nobody instead of root, the limits. */
    private static List<String> confinement(
            Optional<Path> setpriv, Optional<Path> prlimit, boolean becomeNobody, boolean countProcesses) {
        List<String> command = new ArrayList<>();
        setpriv.ifPresent(s -> {
            command.addAll(List.of(s.toString(), "--no-new-privs"));
            if (becomeNobody) {
                command.addAll(List.of("--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
            }
            command.add("--");
        });
        prlimit.ifPresent(p -> {
            command.addAll(List.of(p.toString(), "--data=" + MAX_DATA_BYTES));
            if (countProcesses) {
                command.add("--nproc=" + MAX_PROCESSES);
            }
            command.add("--");
        });
        return command;
    }

    private static String limits(Optional<Path> prlimit, boolean asNobody, boolean root) {
        if (prlimit.isEmpty()) {
            return "; processes and memory NOT bounded (prlimit is not on PATH)";
        }
        String memory = (MAX_DATA_BYTES >> 20) + " MiB of data per process";
        if (asNobody) {
            return "; as nobody; at most " + MAX_PROCESSES + " processes and threads, " + memory;
        }
        return "; " + memory + "; processes NOT bounded ("
                + (root
                        ? "nobody cannot reach the build directory, and " + "the kernel does not count root's processes"
                        : "the kernel would count every process of this user")
                + ")";
    }

    private static boolean runsAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether every directory above {@code directory} lets other users through, as nobody needs to bind it. */
    private static boolean reachableByOthers(Path directory) {
        try {
            for (Path dir = directory.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                if (Files.exists(dir)
                        && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public Method method() {
        return method;
    }

    /** What isolates the run, for the log and the report. */
    public String description() {
        return description;
    }

    /** What this way does not isolate that bwrap does, or null. */
    public String weakness() {
        return weakness;
    }

    public boolean available() {
        return method != Method.ENVIRONMENT;
    }

    /** The command that enters {@code root}; the program to run, as a path inside the root, follows it. */
    List<String> enter(Path root) {
        return prefix.apply(root);
    }

    /** Gives the root and what was copied into it to the user the sandbox runs as, when that is not this one. */
    void handOver(Path root) throws IOException {
        if (owner == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", owner);
                Files.setAttribute(path, "unix:gid", owner);
            }
        }
    }
}
