package io.github.staticgo.bench;

import io.github.staticgo.BuildLog;
import io.github.staticgo.toolchain.provision.ProvisionRequest;
import io.github.staticgo.toolchain.provision.ToolchainProvisioner;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Provisions one Go toolchain as the build goal would, for bench/provision-speed.sh, which times it
 * against go's own GOTOOLCHAIN download. Arguments: Go version, cache directory, GOPROXY, GOSUMDB.
 */
public final class ProvisionBenchmark {
    private ProvisionBenchmark() {}

    public static void main(String[] args) throws Exception {
        ProvisionRequest request = ProvisionRequest.builder(args[0], Path.of(args[1]))
                .moduleProxy(args[2])
                .checksumDatabase(args[3])
                .build();
        long started = System.nanoTime();
        // -Dbench.log prints the provisioner's log with the time since provision() began, to see its phases.
        BuildLog log = System.getProperty("bench.log") == null
                ? BuildLog.silent()
                : new BuildLog() {
                    @Override
                    public void info(String message) {
                        System.err.printf(Locale.ROOT, "%6.0f ms %s%n", (System.nanoTime() - started) / 1e6, message);
                    }

                    @Override
                    public void warn(String message) {
                        info(message);
                    }

                    @Override
                    public void debug(String message) {
                        info(message);
                    }
                };
        String origin = new ToolchainProvisioner(log).provision(request).origin();
        // What a build pays inside Maven's JVM, without this JVM's start.
        System.err.printf(Locale.ROOT, "provision() took %.1f ms%n", (System.nanoTime() - started) / 1e6);
        System.out.println(origin);
    }
}
