package io.github.staticgo.gobuild;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.incremental.InputSet;
import io.github.staticgo.incremental.PackageInputs;
import io.github.staticgo.incremental.SourceDigests;
import io.github.staticgo.platform.TargetSpec;
import io.github.staticgo.toolchain.GoToolchain;
import io.github.staticgo.toolchain.ToolchainException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The inputs of one run's binaries, asked of go once per target and only when a binary needs them (it is
 * built, or its package directories changed): the parallel builds of one target share one go list.
 */
final class ListedInputs {
    private final GoToolchain go;
    private final BuildRequest request;
    private final SourceDigests digests;
    private final Map<TargetSpec, FutureTask<Map<String, InputSet>>> byTarget = new ConcurrentHashMap<>();

    ListedInputs(GoToolchain go, BuildRequest request, SourceDigests digests) {
        this.go = go;
        this.request = request;
        this.digests = digests;
    }

    InputSet of(BinaryOutput output) throws ToolchainException, IOException {
        FutureTask<Map<String, InputSet>> listing =
                byTarget.computeIfAbsent(output.target(), target -> new FutureTask<>(() -> list(target)));
        listing.run(); // lists once; a second caller waits in get()
        try {
            return listing.get().get(output.goPackage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while go listed the inputs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ToolchainException failure) {
                throw failure;
            }
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Map<String, InputSet> list(TargetSpec target)
            throws ToolchainException, IOException, ConfigurationException {
        List<BinaryOutput> outputs = request.outputs().stream()
                .filter(output -> output.target().equals(target))
                .toList();
        BinaryOutput first = outputs.get(0);
        return PackageInputs.list(
                go,
                outputs.stream().map(BinaryOutput::goPackage).distinct().toList(),
                GoBuildCommand.environment(target, request.settings()),
                GoBuildCommand.arguments(first, request.settings(), first.file()),
                digests);
    }
}
