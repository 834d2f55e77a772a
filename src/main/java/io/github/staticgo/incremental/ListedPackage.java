package io.github.staticgo.incremental;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * One package as {@code go list -deps -json} describes it: where it is and which files go compiles or
 * reads to decide what to compile. Field names are go's ({@code go help list}).
 */
record ListedPackage(
        @SerializedName("ImportPath") String importPath,
        @SerializedName("Dir") String dir,
        @SerializedName("Standard") boolean standard,
        @SerializedName("DepOnly") boolean depOnly,
        @SerializedName("Match") List<String> match,
        @SerializedName("Module") Module module,
        @SerializedName("Deps") List<String> deps,
        @SerializedName("GoFiles") List<String> goFiles,
        @SerializedName("CgoFiles") List<String> cgoFiles,
        @SerializedName("CFiles") List<String> cFiles,
        @SerializedName("CXXFiles") List<String> cxxFiles,
        @SerializedName("MFiles") List<String> mFiles,
        @SerializedName("HFiles") List<String> hFiles,
        @SerializedName("FFiles") List<String> fFiles,
        @SerializedName("SFiles") List<String> sFiles,
        @SerializedName("SwigFiles") List<String> swigFiles,
        @SerializedName("SwigCXXFiles") List<String> swigCxxFiles,
        @SerializedName("SysoFiles") List<String> sysoFiles,
        @SerializedName("EmbedFiles") List<String> embedFiles,
        @SerializedName("EmbedPatterns") List<String> embedPatterns,
        @SerializedName("IgnoredGoFiles") List<String> ignoredGoFiles,
        @SerializedName("IgnoredOtherFiles") List<String> ignoredOtherFiles) {

    /** The fields asked for: go prints only these ({@code -json=...}), which keeps its output small. */
    static final String FIELDS = "ImportPath,Dir,Standard,DepOnly,Match,Module,Deps,GoFiles,CgoFiles,CFiles,CXXFiles,"
            + "MFiles,HFiles,FFiles,SFiles,SwigFiles,SwigCXXFiles,SysoFiles,EmbedFiles,EmbedPatterns,IgnoredGoFiles,"
            + "IgnoredOtherFiles";

    /** The module a package belongs to; {@code replace} when a replace directive points elsewhere. */
    record Module(
            @SerializedName("Path") String path,
            @SerializedName("Main") boolean main,
            @SerializedName("Dir") String dir,
            @SerializedName("GoMod") String goMod,
            @SerializedName("Replace") Module replace) {}

    /** The files go compiles into the package (cgo, assembly, embedded and object files included). */
    List<String> compiledFiles() {
        return concat(
                goFiles,
                cgoFiles,
                cFiles,
                cxxFiles,
                mFiles,
                hFiles,
                fFiles,
                sFiles,
                swigFiles,
                swigCxxFiles,
                sysoFiles,
                embedFiles);
    }

    /** Files go read and left out (build constraints): an edit can bring one in. */
    List<String> consultedFiles() {
        return concat(ignoredGoFiles, ignoredOtherFiles);
    }

    boolean embeds() {
        return embedPatterns != null && !embedPatterns.isEmpty();
    }

    List<String> dependencies() {
        return deps == null ? List.of() : deps;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists)
                .filter(java.util.Objects::nonNull)
                .flatMap(List::stream)
                .toList();
    }
}
