package io.github.staticgo.smoke;

import io.github.staticgo.BuildLog;
import io.github.staticgo.platform.HostPlatform;
import io.github.staticgo.process.CommandLine;
import io.github.staticgo.process.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The smoke run of the verify goal: starts every Linux binary in an empty root, natively or under
 * qemu-user, and checks its exit code and output against the configuration. Windows and darwin binaries
 * are not run (said once in the log); neither are binaries without an emulator on this host, unless
 * {@code requireRun} makes that a failure.
 */
public final class SmokeRun {
    private static final Set<String> NEVER_RUN = Set.of("windows", "darwin", "ios");

    private final SmokeConfiguration configuration;
    private final BuildLog log;
    private final HostPlatform host;
    private final Path workDirectory;
    private final SmokeRunner runner;
    private EmptyRoot emptyRoot;

    /**
     * @param workDirectory where the empty roots are made, one fresh directory per binary (not a noexec mount)
     * @param pathValue the PATH to find bwrap, unshare, chroot, setpriv, prlimit and qemu-user on
     */
    public SmokeRun(
            SmokeConfiguration configuration, BuildLog log, Path workDirectory, String pathValue, HostPlatform host) {
        this.configuration = configuration;
        this.log = log;
        this.host = host;
        this.workDirectory = workDirectory;
        this.runner = new SmokeRunner(host, pathValue, workDirectory, () -> emptyRoot(pathValue));
    }

    /** One result per binary, in order; roots left over by a run that was killed are removed first. */
    public List<SmokeResult> run(List<SmokeBinary> binaries) {
        for (String failure : SmokeRoots.sweepStale(workDirectory)) {
            log.warn("Smoke run: a root left over by an earlier run could not be removed: " + failure);
        }
        List<SmokeResult> results = new ArrayList<>(binaries.size());
        List<String> neverRun = new ArrayList<>();
        for (SmokeBinary binary : binaries) {
            if (binary.goos() != null && NEVER_RUN.contains(binary.goos())) {
                neverRun.add(binary.fileName());
                results.add(SmokeResult.notRun(binary.goos() + " binaries are not run", null));
                continue;
            }
            SmokeSettings settings =
                    configuration.settingsFor(binary.goPackage(), binary.goos(), binary.goarch(), binary.variant());
            SmokeResult result = runner.run(binary, settings);
            logResult(binary, settings, result);
            results.add(result);
        }
        if (!neverRun.isEmpty()) {
            log.info("Smoke run: Windows and darwin binaries are not run: " + String.join(", ", neverRun));
        }
        return results;
    }

    private synchronized EmptyRoot emptyRoot(String pathValue) {
        if (emptyRoot == null) {
            emptyRoot = EmptyRoot.probe(new ProcessRunner(), pathValue, workDirectory, log);
            if (emptyRoot.available() && emptyRoot.weakness() == null) {
                log.info("Smoke run in an empty root: " + emptyRoot.description());
            } else if (emptyRoot.available()) {
                log.warn("Smoke run in an empty root: " + emptyRoot.description() + ". Weaker than bwrap ("
                        + "Debian/Ubuntu: apt-get install bubblewrap): " + emptyRoot.weakness() + ".");
            } else {
                log.warn("Smoke run WITHOUT an empty root: " + emptyRoot.description()
                        + ". Host libraries can still be found, so a dynamically linked binary may pass.");
            }
        }
        return emptyRoot;
    }

    private void logResult(SmokeBinary binary, SmokeSettings settings, SmokeResult result) {
        String what = "Smoke run " + binary.platform() + " " + binary.fileName()
                + (settings.args().isEmpty() ? "" : " " + CommandLine.join(settings.args())) + ": ";
        switch (result.status()) {
            case PASSED ->
                log.info(what + "exit " + result.exitCode() + " in " + duration(result.millis()) + " ("
                        + result.method() + (result.emulator() == null ? "" : ", " + result.emulator()) + ")"
                        + (result.output().isEmpty()
                                ? ""
                                : ": " + result.output().get(0)));
            case FAILED -> log.warn(what + "FAILED: " + result.reason());
            case NOT_RUN ->
                log.warn(what + "not run: " + result.reason() + (result.fix() == null ? "" : "; " + result.fix()));
        }
        if (result.command() != null) {
            log.debug("Smoke run command: " + result.command());
        }
    }

    /** "12 ms", "1.25 s". */
    public static String duration(Long millis) {
        long ms = millis == null ? 0 : millis;
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
