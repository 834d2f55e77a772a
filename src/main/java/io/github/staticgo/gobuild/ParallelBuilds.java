package io.github.staticgo.gobuild;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.manifest.BuiltBinary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the builds of one run several at once; the first failure cancels the rest. */
final class ParallelBuilds {
    private ParallelBuilds() {}

    /**
     * Runs the tasks on {@code threads} threads and returns their results in task order. The first
     * failure cancels the rest (their go processes are killed, their temporary files removed) and is
     * thrown as it is.
     */
    static List<BuiltBinary> runAll(List<Callable<BuiltBinary>> tasks, int threads)
            throws GoBuildException, ConfigurationException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), runnable -> {
            Thread thread = new Thread(runnable, "static-go-build");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<BuiltBinary> completion = new ExecutorCompletionService<>(pool);
            List<Future<BuiltBinary>> futures = new ArrayList<>();
            for (Callable<BuiltBinary> task : tasks) {
                futures.add(completion.submit(task));
            }
            for (int done = 0; done < tasks.size(); done++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
            // Every task has succeeded once the loop ends.
            List<BuiltBinary> results = new ArrayList<>();
            for (Future<BuiltBinary> future : futures) {
                results.add(future.get()); // all done: returns at once
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoBuildException("the build was interrupted", e);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("a finished build failed late", impossible);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Waits until cancelled builds have killed go and removed their temporary files. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws a build's own exception as it is; returns (for the caller to throw) only what no build declares. */
    private static RuntimeException rethrow(Throwable cause)
            throws GoBuildException, ConfigurationException, IOException {
        if (cause instanceof GoBuildException e) {
            throw e;
        }
        if (cause instanceof ConfigurationException e) {
            throw e;
        }
        if (cause instanceof IOException e) {
            throw e;
        }
        if (cause instanceof RuntimeException e) {
            return e;
        }
        return new IllegalStateException(cause);
    }
}
