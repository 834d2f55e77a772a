package io.github.staticgo.gotest;

import com.google.gson.annotations.SerializedName;

/**
 * One line of {@code go test -json} (the test2json format, {@code go doc test2json}).
 *
 * @param time when it happened, RFC 3339 with nanoseconds, or null (build events have none)
 * @param action start, run, pause, cont, output, pass, fail, skip, bench; since Go 1.24 also
 *     build-output and build-fail, which carry {@code importPath} instead of {@code pkg}
 * @param test the test, with subtests separated by '/', or null for the package itself
 * @param elapsed seconds, on pass, fail and skip
 * @param importPath the package being built ("pkg [pkg.test]"), on build events
 * @param failedBuild on a package's fail: the import path of the build that failed
 */
record TestEvent(
        @SerializedName("Time") String time,
        @SerializedName("Action") String action,
        @SerializedName("Package") String pkg,
        @SerializedName("Test") String test,
        @SerializedName("Elapsed") Double elapsed,
        @SerializedName("Output") String output,
        @SerializedName("ImportPath") String importPath,
        @SerializedName("FailedBuild") String failedBuild) {

    /** The package a build event belongs to: "example.com/m/p [example.com/m/p.test]" names example.com/m/p. */
    String buildPackage() {
        if (importPath == null) {
            return null;
        }
        int space = importPath.indexOf(' ');
        return space < 0 ? importPath : importPath.substring(0, space);
    }
}
