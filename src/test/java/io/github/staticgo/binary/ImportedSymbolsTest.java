package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The undefined symbols of the dynamic symbol table, against the UND entries
 * {@code readelf --dyn-syms -W} lists (without their {@code @version}).
 */
class ImportedSymbolsTest {

    @TempDir
    static Path dir;

    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();

    @BeforeAll
    static void buildFixtures() throws Exception {
        Files.writeString(dir.resolve("hello.c"), Tools.C_HELLO);
        Files.writeString(dir.resolve("pw.c"), Tools.C_GETPWNAM);
        Path module = Tools.goModule(dir.resolve("go"), GlibcNssTest.GO_NET_AND_USER);
        Tools.run(
                module,
                Map.of("CGO_ENABLED", "1"),
                "go",
                "build",
                "-o",
                dir.resolve("go-cgo").toString(),
                ".");
        Tools.run(
                module,
                Map.of("CGO_ENABLED", "0"),
                "go",
                "build",
                "-o",
                dir.resolve("go-pure").toString(),
                ".");
        Tools.run(dir, "gcc", "-o", "hello", "hello.c");
        Tools.run(dir, "gcc", "-o", "pw", "pw.c");
        Tools.run(dir, "gcc", "-static", "-o", "pw-static", "pw.c");
        // DT_HASH as well as DT_GNU_HASH, so that the symbol count is there without section headers.
        Tools.run(dir, "gcc", "-Wl,--hash-style=both", "-o", "pw-no-sections", "pw.c");
    }

    /**
     * The UND names readelf lists with {@code options}: {@code --dyn-syms} for {@code .dynsym}, or
     * {@code -D -s} for the table the dynamic section points to (binutils 2.40 prints nothing for
     * {@code -D --dyn-syms}).
     */
    private static List<String> readelfUndefined(Path file, String... options) {
        List<String> command = new ArrayList<>(List.of("readelf", "-W"));
        command.addAll(List.of(options));
        command.add(file.toString());
        TreeSet<String> names = new TreeSet<>();
        for (String line : Tools.run(dir, command.toArray(String[]::new)).split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 8 && fields[0].endsWith(":") && fields[6].equals("UND")) {
                String name = fields[7];
                names.add(name.contains("@") ? name.substring(0, name.indexOf('@')) : name);
            }
        }
        return List.copyOf(names);
    }

    @Test
    void dynamicBinariesListWhatReadelfListsAsUndefined() throws Exception {
        for (String name : List.of("go-cgo", "hello", "pw")) {
            Path file = dir.resolve(name);
            BinaryReport report = analyzer.analyze(file);
            assertEquals(Linkage.DYNAMIC, report.linkage(), name);
            List<String> expected = readelfUndefined(file, "--dyn-syms");
            assertFalse(expected.isEmpty(), name);
            assertEquals(expected, report.importedSymbols(), name);
        }
        // What the verify fix text is to tell apart: net's cgo resolver and os/user's lookups.
        List<String> go = analyzer.analyze(dir.resolve("go-cgo")).importedSymbols();
        assertTrue(go.contains("getaddrinfo") && go.contains("getpwuid_r"), go.toString());
        assertTrue(analyzer.analyze(dir.resolve("pw")).importedSymbols().contains("getpwnam"));
    }

    @Test
    void withoutSectionHeadersTheTableComesFromDtSymtabAndDtHash() throws Exception {
        Path file = dir.resolve("pw-no-sections");
        List<String> expected = readelfUndefined(file, "--dyn-syms");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            // e_shoff, and e_shnum with e_shstrndx, of an ELF64 little-endian header
            channel.write(
                    ByteBuffer.allocate(8)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .putLong(0)
                            .flip(),
                    40);
            channel.write(ByteBuffer.allocate(4).putInt(0).flip(), 60);
        }
        assertEquals(expected, readelfUndefined(file, "-D", "-s"), "readelf reads the same table through DT_SYMTAB");
        BinaryReport report = analyzer.analyze(file);
        assertFalse(report.elf().sectionHeaders());
        assertEquals(expected, report.importedSymbols());
    }

    @Test
    void staticBinariesImportNothing() throws Exception {
        for (String name : List.of("pw-static", "go-pure")) {
            BinaryReport report = analyzer.analyze(dir.resolve(name));
            assertEquals(Linkage.STATIC, report.linkage(), name);
            assertEquals(List.of(), report.importedSymbols(), name);
        }
    }
}
