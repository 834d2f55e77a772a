package io.github.staticgo.gotest;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The go test arguments and environment. The environment and the tags come from the target, as the
 * build's do ({@link TargetSpec#goEnvironment}, {@link TargetSpec#buildTags}), so tests are compiled the
 * way the binaries are: CGO_ENABLED from the cgo mode, musl's compiler and tags, the pom's {@code <env>}
 * and {@code <tags>}.
 */
final class GoTestCommand {
    private GoTestCommand() {}

    static List<String> arguments(GoTestRequest request, TargetSpec target, String exec, List<String> selection)
            throws ConfigurationException {
        List<String> arguments = new ArrayList<>(List.of("test", "-json"));
        arguments.addAll(request.compileFlags().arguments());
        String tags = String.join(",", target.buildTags(request.tags()));
        if (!tags.isEmpty()) {
            arguments.add("-tags=" + tags);
        }
        if (request.race()) {
            arguments.add("-race");
        }
        if (request.count() != null) {
            arguments.add("-count=" + request.count());
        }
        if (request.timeout() != null && !request.timeout().isBlank()) {
            arguments.add("-timeout=" + request.timeout().strip());
        }
        if (request.coverageFile() != null) {
            arguments.add("-coverprofile=" + request.coverageFile());
        }
        if (exec != null) {
            arguments.add("-exec=" + exec);
        }
        arguments.addAll(selection);
        arguments.addAll(request.testFlags());
        arguments.addAll(request.packages());
        return arguments;
    }

    static Map<String, String> environment(GoTestRequest request, TargetSpec target) {
        return target.goEnvironment(request.env());
    }
}
