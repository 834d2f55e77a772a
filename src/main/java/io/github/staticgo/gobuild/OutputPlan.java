package io.github.staticgo.gobuild;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.platform.TargetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides the file name and classifier of every binary: {@code <binaryName>-<os>-<arch>[-<variant>][.exe]}
 * inside the output directory, and refuses names that could escape it or collide.
 */
public final class OutputPlan {
    private static final Pattern MAJOR_VERSION_SUFFIX = Pattern.compile("v[0-9]+");
    private static final Pattern UNSAFE = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");

    private OutputPlan() {}

    /**
     * @param binaryName the configured {@code <binaryName>}, or null for the default
     * @param defaultName the name of a single package's binary when none is configured (the artifactId)
     */
    public static List<BinaryOutput> plan(
            List<String> packages,
            String binaryName,
            String defaultName,
            List<TargetSpec> targets,
            Path outputDirectory)
            throws ConfigurationException {
        List<String> names = binaryNames(packages, binaryName, defaultName);
        boolean several = packages.size() > 1;
        List<BinaryOutput> outputs = new ArrayList<>();
        Map<String, String> usedFiles = new HashMap<>();
        for (TargetSpec target : targets) {
            for (int i = 0; i < packages.size(); i++) {
                String name = names.get(i);
                String fileName = name + "-" + target.classifier() + (target.windows() ? ".exe" : "");
                String classifier = several ? name + "-" + target.classifier() : target.classifier();
                String earlier = usedFiles.putIfAbsent(fileName, packages.get(i));
                if (earlier != null && !earlier.equals(packages.get(i))) {
                    throw new ConfigurationException(
                            "packages",
                            "'" + earlier + "' and '" + packages.get(i) + "' would both be written as " + fileName
                                    + ". Give them different last path elements.");
                }
                outputs.add(
                        new BinaryOutput(target, packages.get(i), name, outputDirectory.resolve(fileName), classifier));
            }
        }
        return List.copyOf(outputs);
    }

    private static List<String> binaryNames(List<String> packages, String binaryName, String defaultName)
            throws ConfigurationException {
        if (packages.isEmpty() || packages.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new ConfigurationException(
                    "packages",
                    "name at least one main package, e.g. <package>.</package> "
                            + "or <package>./cmd/server</package>; empty entries are not allowed.");
        }
        if (packages.size() == 1) {
            String name = binaryName != null ? binaryName : defaultName;
            checkName(name, binaryName != null ? "binaryName" : "artifactId");
            return List.of(name);
        }
        if (binaryName != null) {
            throw new ConfigurationException(
                    "binaryName",
                    "with several <packages> each binary is named after its "
                            + "package's last path element; remove <binaryName> or build one package per execution.");
        }
        List<String> names = new ArrayList<>();
        for (String goPackage : packages) {
            String name = lastElement(goPackage, defaultName);
            checkName(name, "packages");
            names.add(name);
        }
        return names;
    }

    /** Like go: the last path element, skipping a major version suffix such as /v2. */
    static String lastElement(String goPackage, String nameForModuleRoot) {
        String[] elements = goPackage.replace('\\', '/').split("/");
        List<String> kept = new ArrayList<>();
        for (String element : elements) {
            if (!element.isEmpty() && !element.equals(".")) {
                kept.add(element);
            }
        }
        if (kept.isEmpty()) {
            return nameForModuleRoot;
        }
        String last = kept.get(kept.size() - 1);
        if (kept.size() > 1 && MAJOR_VERSION_SUFFIX.matcher(last).matches()) {
            return kept.get(kept.size() - 2);
        }
        return last;
    }

    private static void checkName(String name, String element) throws ConfigurationException {
        if (name == null
                || name.isBlank()
                || name.equals(".")
                || name.equals("..")
                || UNSAFE.matcher(name).find()) {
            throw new ConfigurationException(
                    element,
                    "'" + name + "' cannot be a file name: it must not be empty, '.' or '..'"
                            + " and must not contain / \\ : * ? \" < > | or control characters.");
        }
    }
}
