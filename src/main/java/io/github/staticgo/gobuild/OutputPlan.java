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
     * @param packages the main packages, patterns already expanded
     * @param binaryName the configured {@code <binaryName>}, or null for the default
     * @param defaultName the name of a single package's binary when none is configured (the artifactId)
     */
    public static List<BinaryOutput> plan(
            List<PackageDeclaration> packages,
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
                PackageDeclaration declared = packages.get(i);
                String name = names.get(i);
                String fileName = name + "-" + target.classifier() + (target.windows() ? ".exe" : "");
                String classifier = several ? name + "-" + target.classifier() : target.classifier();
                String earlier = usedFiles.putIfAbsent(fileName, declared.path());
                if (earlier != null && !earlier.equals(declared.path())) {
                    throw new ConfigurationException(
                            "packages",
                            "'" + earlier + "' and '" + declared.path() + "' would both be written as " + fileName
                                    + ". Give them different last path elements, or one of them a <name>.");
                }
                outputs.add(new BinaryOutput(
                        target,
                        declared.path(),
                        name,
                        outputDirectory.resolve(fileName),
                        classifier,
                        declared.ldflags()));
            }
        }
        return List.copyOf(outputs);
    }

    private static List<String> binaryNames(List<PackageDeclaration> packages, String binaryName, String defaultName)
            throws ConfigurationException {
        if (packages.isEmpty()
                || packages.stream().anyMatch(p -> p.path() == null || p.path().isBlank())) {
            throw new ConfigurationException(
                    "packages",
                    "name at least one main package, e.g. <package>.</package> "
                            + "or <package>./cmd/server</package>; empty entries are not allowed.");
        }
        if (packages.size() == 1 && packages.get(0).name() == null) {
            String name = binaryName != null ? binaryName : defaultName;
            checkName(name, binaryName != null ? "binaryName" : "artifactId");
            return List.of(name);
        }
        if (binaryName != null) {
            throw new ConfigurationException(
                    "binaryName",
                    packages.size() > 1
                            ? "with several <packages> each binary is named after its package's last path element"
                                    + " or its <name>; remove <binaryName>, or give each <package> a <name>."
                            : "the <package> has a <name> of its own; keep one of the two.");
        }
        List<String> names = new ArrayList<>();
        for (PackageDeclaration declared : packages) {
            if (declared.name() != null) {
                checkName(declared.name(), "packages><package><name");
                names.add(declared.name());
            } else {
                String name = lastElement(declared.path(), defaultName);
                checkName(name, "packages");
                names.add(name);
            }
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
