package io.github.staticgo;

import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.GoToolchainRequest;
import io.github.staticgo.toolchain.ToolchainException;
import java.nio.file.Path;
import java.util.Map;

/** The real go on PATH and small real Go modules, for tests that must run the real toolchain. */
public final class RealGo {
    private RealGo() {}

    public static GoToolchain toolchain(Path moduleDirectory) throws ToolchainException {
        return GoToolchain.locate(
                new GoToolchainRequest(null, null, false, moduleDirectory, System.getenv()), new ProcessRunner());
    }

    public static Map<String, String> environmentWith(String key, String value) {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.put(key, value);
        return environment;
    }
}
