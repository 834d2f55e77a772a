package io.github.staticgo.platform;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.process.Executables;
import io.github.staticgo.toolchain.GoEnvironment;
import io.github.staticgo.toolchain.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the targets written in the pom into {@link TargetSpec}s, checked against what the Go toolchain
 * can build ({@code go tool dist list}) and the C compilers cgo needs, before anything is built. Every
 * problem of every target is collected and reported at once.
 */
public final class TargetResolver {
    private static final String ELEMENT = "targets";

    private final Map<String, Platform> platforms;
    private final String hostPlatform;
    private final String path;

    /**
     * @param platforms what {@code go tool dist list -json} lists, by "goos/goarch"
     * @param hostPlatform "goos/goarch" of the machine that builds
     * @param path the PATH go runs with, where C compilers are looked up
     */
    public TargetResolver(Map<String, Platform> platforms, String hostPlatform, String path) {
        this.platforms = Map.copyOf(platforms);
        this.hostPlatform = hostPlatform;
        this.path = path;
    }

    public List<TargetSpec> resolve(List<TargetDeclaration> declarations, String defaultCgo)
            throws ConfigurationException {
        if (declarations.isEmpty()) {
            throw new ConfigurationException(
                    ELEMENT, "no target is declared. Add at least one, e.g. <target>linux/amd64</target>.");
        }
        CgoMode.parse(defaultCgo == null ? "off" : defaultCgo, "cgo");
        List<String> problems = new ArrayList<>();
        List<TargetSpec> targets = new ArrayList<>();
        Map<String, String> seenClassifiers = new HashMap<>();
        for (TargetDeclaration declaration : declarations) {
            List<String> targetProblems = new ArrayList<>();
            TargetSpec target = resolveOne(declaration, defaultCgo, targetProblems);
            if (target != null && targetProblems.isEmpty()) {
                String earlier = seenClassifiers.putIfAbsent(target.classifier(), declaration.platform());
                if (earlier != null) {
                    targetProblems.add("'" + declaration.platform() + "' is declared twice: both would be written as "
                            + target.classifier() + ". Remove one.");
                }
                targets.add(target);
            }
            problems.addAll(targetProblems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(ELEMENT, String.join(System.lineSeparator() + "  ", problems));
        }
        return List.copyOf(targets);
    }

    private TargetSpec resolveOne(TargetDeclaration declaration, String defaultCgo, List<String> problems) {
        String written =
                declaration.platform() == null ? "" : declaration.platform().trim();
        GoPlatform name = GoPlatform.parse(written).orElse(null);
        if (name == null) {
            problems.add("'" + written + "' is not a target: " + GoPlatform.formHint()
                    + (written.isEmpty() ? " (a long-form <target> needs <platform>)" : "") + ".");
            return null;
        }
        String goos = name.goos();
        String goarch = name.goarch();
        String variant = name.variant();
        Platform platform = platforms.get(name.osArch());
        if (!checkPlatform(written, name, platforms, problems)) {
            return null;
        }
        CgoMode cgo;
        try {
            cgo = CgoMode.parse(
                    declaration.cgo() != null ? declaration.cgo() : defaultCgo,
                    declaration.cgo() != null ? ELEMENT + "><target><cgo" : "cgo");
        } catch (ConfigurationException e) {
            problems.add(written + ": " + e.getMessage());
            return null;
        }
        String cc = declaration.cc() == null || declaration.cc().isBlank()
                ? null
                : declaration.cc().trim();
        checkEnvironment(written, declaration.env(), problems);
        String buildMode =
                declaration.buildMode() == null || declaration.buildMode().isBlank()
                        ? null
                        : declaration.buildMode().trim();
        buildModeProblem(written, buildMode).ifPresent(problems::add);
        TargetSpec target = new TargetSpec(
                goos,
                goarch,
                variant,
                cgo,
                cc,
                declaration.env(),
                declaration.ldflags(),
                declaration.tags(),
                buildMode,
                null);
        checkCgo(written, platform, target, problems);
        return target;
    }

    /**
     * Checks a platform as written against go's platform list (when one is given: null checks only the
     * variant) and its variant against the variants go accepts for its GOARCH.
     *
     * @return whether go knows the platform (the variant may still have added a problem)
     */
    public static boolean checkPlatform(
            String written, GoPlatform name, Map<String, Platform> platforms, List<String> problems) {
        String platform = name.osArch();
        if (platforms != null && !platforms.containsKey(platform)) {
            List<String> near = NearestNames.nearest(platform, platforms.keySet());
            problems.add("unknown target '" + written + "': this Go cannot build it."
                    + (near.isEmpty() ? "" : " Did you mean " + String.join(" or ", near) + "?")
                    + " 'go tool dist list' lists every valid os/arch.");
            return false;
        }
        if (name.variant() != null) {
            checkVariant(written, name.goarch(), name.variant(), problems);
        }
        return true;
    }

    private static void checkVariant(String written, String goarch, String variant, List<String> problems) {
        ArchVariant.forGoarch(goarch)
                .ifPresentOrElse(
                        known -> {
                            if (!known.accepts(variant)) {
                                problems.add(written + ": '" + variant + "' is not a valid " + known.variable()
                                        + " for " + goarch + "; use one of " + known.examples() + ".");
                            }
                        },
                        () -> problems.add(written + ": " + goarch
                                + " has no architecture variant; write the target without '/" + variant + "'."));
    }

    /** The build modes of 'go help buildmode'; go itself says which ones a platform supports. */
    private static final List<String> BUILD_MODES =
            List.of("default", "exe", "pie", "archive", "c-archive", "c-shared", "shared", "plugin");

    /** What is wrong with a build mode, the global one ({@code written} null) or a target's; empty when nothing. */
    public static Optional<String> buildModeProblem(String written, String buildMode) {
        if (buildMode == null || BUILD_MODES.contains(buildMode)) {
            return Optional.empty();
        }
        return Optional.of((written == null ? "" : written + ": <buildMode> ") + "'" + buildMode
                + "' is not a go build mode; use one of " + String.join(", ", BUILD_MODES)
                + ", or leave it unset for go's default (exe, and pie on windows).");
    }

    private static void checkEnvironment(String written, Map<String, String> env, List<String> problems) {
        GoEnvironment.ownedKeyProblems(env).forEach(problem -> problems.add(written + ": <env> " + problem));
    }

    private void checkCgo(String written, Platform platform, TargetSpec target, List<String> problems) {
        if (target.cgo() == CgoMode.OFF) {
            return;
        }
        if (!platform.cgoSupported()) {
            problems.add(written + ": Go does not support cgo on " + platform.name() + ", so <cgo>"
                    + target.cgo().pomName() + "</cgo> cannot work; use <cgo>off</cgo>.");
            return;
        }
        if (target.cgo() == CgoMode.MUSL && !"linux".equals(target.goos())) {
            problems.add(written
                    + ": <cgo>musl</cgo> links against musl libc, which exists only for linux; use <cgo>off</cgo>"
                    + " or <cgo>on</cgo> with a <cc> for " + target.goos() + ".");
            return;
        }
        boolean crossCompiling = !hostPlatform.equals(target.platform());
        if (target.cc() == null && crossCompiling) {
            problems.add(written + ": <cgo>" + target.cgo().pomName() + "</cgo> on a " + hostPlatform
                    + " host needs a C compiler for " + target.platform() + ": set <cc> in this <target>, for example "
                    + "<cc>zig cc -target " + zigTriple(target) + "</cc>.");
            return;
        }
        String compiler = target.cc() != null ? target.cc() : defaultCompiler(target.cgo());
        String program = compiler.split("\\s+")[0];
        if (Executables.find(program, path).isEmpty()) {
            problems.add(written + ": the C compiler '" + program + "' for <cgo>"
                    + target.cgo().pomName() + "</cgo> is not on PATH. " + installHint(program));
        }
    }

    /** The compiler go would use: musl-gcc for musl, otherwise go's own default. */
    static String defaultCompiler(CgoMode cgo) {
        return cgo == CgoMode.MUSL ? "musl-gcc" : "gcc";
    }

    private static String installHint(String program) {
        return switch (program) {
            case "musl-gcc" ->
                "Install musl (Debian/Ubuntu: apt-get install musl-tools; Fedora: dnf install musl-gcc) "
                        + "or set <cc> to a musl compiler.";
            case "gcc", "cc" -> "Install a C compiler (Debian/Ubuntu: apt-get install gcc) or set <cc>.";
            default -> "Install it or correct <cc>.";
        };
    }

    private static String zigTriple(TargetSpec target) {
        String arch = switch (target.goarch()) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            case "386" -> "x86";
            default -> target.goarch();
        };
        return arch + "-" + target.goos() + ("linux".equals(target.goos()) ? "-musl" : "");
    }
}
