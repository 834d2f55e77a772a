package io.github.staticgo.gobuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.ConfigurationException;
import io.github.staticgo.Tools;
import io.github.staticgo.manifest.BuiltBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package's own name and link flags, beside a pattern that matches it too. */
class PackageSettingsTest {
    private static final String MAIN =
            "package main\n\nimport \"fmt\"\n\nvar version = \"dev\"\n\nfunc main() { fmt.Println(version) }\n";

    @TempDir
    Path dir;

    private Path module;

    @BeforeEach
    void twoMains() throws Exception {
        module = Files.createDirectories(dir.resolve("module"));
        Files.writeString(module.resolve("go.mod"), "module example.com/two\n\ngo 1.21\n");
        for (String main : List.of("cmd/server", "cmd/tool")) {
            Files.createDirectories(module.resolve(main));
            Files.writeString(module.resolve(main + "/main.go"), MAIN);
        }
    }

    private List<BuiltBinary> build(List<PackageDeclaration> packages) throws Exception {
        return TestBuilds.run(TestBuilds.withDeclarations(
                        TestBuilds.configuration(
                                dir,
                                module,
                                List.of("linux/amd64"),
                                TestBuilds.settings("-X main.version=global", Duration.ofMinutes(5)),
                                null,
                                null,
                                2,
                                false),
                        packages))
                .binaries();
    }

    @Test
    void aPackagesOwnNameAndLinkFlagsWinOverThePatternThatMatchesItToo() throws Exception {
        List<BuiltBinary> built = build(List.of(
                PackageDeclaration.of("./cmd/..."),
                new PackageDeclaration("./cmd/server", "etcd", "-X main.version=server-only")));
        assertEquals(
                List.of("etcd-linux-amd64 ./cmd/server", "tool-linux-amd64 ./cmd/tool"),
                built.stream().map(b -> b.file() + " " + b.goPackage()).sorted().toList());
        // The binaries say what main.version the linker set: the package's own -X comes after the global one.
        assertEquals(
                "server-only",
                Tools.run(dir, Map.of(), dir.resolve("out/etcd-linux-amd64").toString())
                        .strip());
        assertEquals(
                "global",
                Tools.run(dir, Map.of(), dir.resolve("out/tool-linux-amd64").toString())
                        .strip());
    }

    @Test
    void settingsForAPatternATwiceListedPackageAndANameThatIsNoFileNameAreRefused() {
        ConfigurationException pattern = assertThrows(
                ConfigurationException.class, () -> build(List.of(new PackageDeclaration("./cmd/...", "all", null))));
        assertEquals(
                "<packages><package>: './cmd/...' is a pattern: a <name> or <ldflags> cannot apply to every package"
                        + " it matches. Declare the package it is for on its own.",
                pattern.getMessage());
        ConfigurationException twice = assertThrows(
                ConfigurationException.class,
                () -> build(
                        List.of(PackageDeclaration.of("./cmd/tool"), new PackageDeclaration("./cmd/tool", "t", null))));
        assertEquals(
                "<packages>: './cmd/tool' is listed twice; merge its settings into one <package>.", twice.getMessage());
        ConfigurationException name = assertThrows(
                ConfigurationException.class,
                () -> build(List.of(new PackageDeclaration("./cmd/tool", "../tool", null))));
        assertTrue(
                name.getMessage().startsWith("<packages><package><name>: '../tool' cannot be a file name"),
                name.getMessage());
        ConfigurationException quotes = assertThrows(
                ConfigurationException.class,
                () -> build(List.of(new PackageDeclaration("./cmd/tool", null, "-X 'main.version=unclosed"))));
        assertTrue(quotes.getMessage().startsWith("<packages><package><ldflags>"), quotes.getMessage());
        assertTrue(!Files.exists(dir.resolve("out/tool-linux-amd64")), "nothing built");
    }
}
