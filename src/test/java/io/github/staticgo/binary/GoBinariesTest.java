package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.Tools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go binaries built at test time with the real Go toolchain for every Linux GOARCH that
 * {@code go tool dist list} offers, for Windows and for macOS. Every fact is asserted against what
 * the build asked for, or against Go's own tools ({@code go tool buildid}, {@code go version -m}).
 */
class GoBinariesTest {

    /** GOARCH values whose ports are 32-bit or big-endian (Go's port list, not the analyzer). */
    private static final Set<String> BITS_32 = Set.of("386", "arm", "mips", "mipsle");

    private static final Set<String> BIG_ENDIAN = Set.of("mips", "mips64", "ppc64", "s390x");
    /** The ABI the Go linker declares in e_flags (cmd/link/internal/ld/elf.go) as the psABIs name it. */
    private static final Map<String, String> ABI = Map.of(
            "arm",
            "EABI5",
            "ppc64",
            "ELFv1",
            "ppc64le",
            "ELFv2",
            "riscv64",
            "RISC-V double-float",
            "mips",
            "MIPS o32",
            "mipsle",
            "MIPS o32",
            "mips64",
            "MIPS n64",
            "mips64le",
            "MIPS n64",
            "loong64",
            "LoongArch lp64d");

    private static final List<String> WINDOWS_ARCHES = List.of("amd64", "386", "arm64");
    /** IMAGE_DLLCHARACTERISTICS_* bits of the PE/COFF specification. */
    private static final int HIGH_ENTROPY_VA = 0x20;

    private static final int DYNAMIC_BASE = 0x40;
    private static final int NX_COMPAT = 0x100;
    /** Variants requested explicitly, read back from the build settings. */
    private static final Map<String, Map<String, String>> VARIANT_ENV =
            Map.of("arm", Map.of("GOARM", "7"), "amd64", Map.of("GOAMD64", "v3"));

    @TempDir
    static Path dir;

    private static final Map<String, Path> binaries = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> envs = new LinkedHashMap<>();
    private static List<String> linuxArches;
    private static String goVersion;
    private static Path module;

    private final BinaryAnalyzer analyzer = new BinaryAnalyzer();

    @BeforeAll
    static void buildFixtures() throws Exception {
        module = Tools.goModule(dir.resolve("src"));
        linuxArches = Tools.linuxGoarches(module);
        goVersion = Tools.run(module, "go", "env", "GOVERSION").trim();
        for (String arch : linuxArches) {
            Map<String, String> env = new LinkedHashMap<>(Map.of("GOOS", "linux", "GOARCH", arch, "CGO_ENABLED", "0"));
            env.putAll(VARIANT_ENV.getOrDefault(arch, Map.of()));
            envs.put("linux-" + arch, env);
        }
        Map<String, String> amd64 = Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "0");
        envs.put("linux-amd64-pie", amd64);
        // Same GOAMD64 as linux-amd64: only the link differs, so a cold build cache compiles std once.
        envs.put("linux-amd64-stripped", envs.get("linux-amd64"));
        for (String arch : WINDOWS_ARCHES) {
            envs.put("windows-" + arch, Map.of("GOOS", "windows", "GOARCH", arch, "CGO_ENABLED", "0"));
        }
        for (String arch : WINDOWS_ARCHES) {
            envs.put("windows-" + arch + "-exe", envs.get("windows-" + arch));
        }
        envs.put("windows-amd64-gui", envs.get("windows-amd64"));
        envs.put("windows-amd64-stripped", envs.get("windows-amd64"));
        for (String arch : List.of("amd64", "arm64")) {
            envs.put("darwin-" + arch, Map.of("GOOS", "darwin", "GOARCH", arch, "CGO_ENABLED", "0"));
        }
        envs.put("darwin-arm64-stripped", envs.get("darwin-arm64"));
        Map<String, List<String>> flags = new LinkedHashMap<>(Map.of(
                // cmd/go leaves -ldflags out of the build info under -trimpath, so they go to different builds.
                "linux-amd64-pie", List.of("-buildmode=pie", "-trimpath"),
                "linux-amd64-stripped", List.of("-tags=netgo,fixture", "-ldflags=-s -w"),
                "windows-amd64-gui", List.of("-ldflags=-H=windowsgui"),
                "windows-amd64-stripped", List.of("-ldflags=-s"),
                "darwin-arm64-stripped", List.of("-ldflags=-s")));
        for (String arch : WINDOWS_ARCHES) {
            flags.put("windows-" + arch + "-exe", List.of("-buildmode=exe"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> target : envs.entrySet()) {
                Path out = dir.resolve("bin").resolve(target.getKey());
                binaries.put(target.getKey(), out);
                List<String> command = new ArrayList<>(List.of("go", "build"));
                command.addAll(flags.getOrDefault(target.getKey(), List.of()));
                command.addAll(List.of("-o", out.toString(), "."));
                builds.add(pool.submit(() -> Tools.run(module, target.getValue(), command.toArray(String[]::new))));
            }
            for (Future<?> build : builds) {
                build.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLinuxArchitectureIsStaticAndReadsBackItsTarget() {
        return linuxArches.stream()
                .map(arch -> DynamicTest.dynamicTest("linux/" + arch, () -> {
                    Path file = binaries.get("linux-" + arch);
                    Map<String, String> env = envs.get("linux-" + arch);
                    BinaryReport report = analyzer.analyze(file);
                    GoBuildInfo info = report.goBuildInfo();
                    assertNotNull(info, "build info");
                    assertAll(
                            () -> assertEquals(Format.ELF, report.format()),
                            () -> assertEquals("elf", report.format().jsonName()),
                            () -> assertEquals(arch, report.goarch()),
                            () -> assertEquals(List.of(arch), report.architectures()),
                            () -> assertEquals("linux", report.goos()),
                            () -> assertEquals(Linkage.STATIC, report.linkage()),
                            () -> assertNull(report.interpreter()),
                            () -> assertEquals(List.of(), report.needed()),
                            () -> assertEquals("EXEC", report.elf().typeName()),
                            () -> assertFalse(report.elf().pie()),
                            () -> assertEquals(BITS_32.contains(arch) ? 32 : 64, report.bits()),
                            () -> assertEquals(BIG_ENDIAN.contains(arch) ? "big" : "little", report.endianness()),
                            () -> assertEquals(ABI.get(arch), report.abi()),
                            () -> assertNotNull(report.machine()),
                            () -> assertFalse(report.stripped()),
                            () -> assertFalse(report.upxPacked()),
                            () -> assertFalse(report.glibcNss()),
                            () -> assertEquals(goVersion, report.goVersion()),
                            () -> assertEquals("linux", info.setting("GOOS")),
                            () -> assertEquals(arch, info.setting("GOARCH")),
                            () -> assertEquals(env.get("CGO_ENABLED"), info.setting("CGO_ENABLED")),
                            () -> assertEquals(Boolean.FALSE, report.cgoEnabled()),
                            () -> assertEquals("example.com/fixture", info.path()),
                            () -> assertEquals(
                                    "example.com/fixture", info.main().path()),
                            () -> assertEquals(goBuildId(file), report.goBuildId()));
                    for (Map.Entry<String, String> variant :
                            VARIANT_ENV.getOrDefault(arch, Map.of()).entrySet()) {
                        assertEquals(variant.getValue(), report.variant(), variant.getKey());
                        assertEquals(variant.getValue(), info.setting(variant.getKey()));
                    }
                }));
    }

    @Test
    void buildSettingsMatchGoVersionMinusMAndWhatTheBuildAskedFor() throws Exception {
        Path file = binaries.get("linux-amd64-stripped");
        BinaryReport report = analyzer.analyze(file);
        GoBuildInfo info = report.goBuildInfo();
        assertTrue(report.stripped(), "-ldflags=-s removes .symtab");
        assertEquals("-s -w", info.setting("-ldflags"));
        assertEquals("netgo,fixture", info.setting("-tags"));
        assertEquals("v3", report.variant());
        // Go's own reader lists the same keys in the same order.
        List<String> keys = new ArrayList<>();
        for (String line :
                Tools.run(module, "go", "version", "-m", file.toString()).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("build\t")) {
                keys.add(trimmed.substring(6, trimmed.indexOf('=')));
            }
        }
        assertEquals(keys, List.copyOf(info.settings().keySet()));
    }

    /**
     * {@code -buildmode=pie} with Go's internal linker: whatever the program headers say decides
     * the expected linkage (readelf as the oracle). On linux/amd64 with Go 1.26 it is a DYN file
     * with an interpreter, so it is dynamic, not static-pie.
     */
    @Test
    void goPieLinkageFollowsItsProgramHeaders() throws Exception {
        Path file = binaries.get("linux-amd64-pie");
        BinaryReport report = analyzer.analyze(file);
        String headers = Tools.run(module, "readelf", "-lW", file.toString());
        String interpreter = null;
        for (String line : headers.split("\n")) {
            int at = line.indexOf("[Requesting program interpreter: ");
            if (at >= 0) {
                interpreter = line.substring(at + 33, line.indexOf(']', at));
            }
        }
        boolean dynamicSegment = headers.lines().anyMatch(l -> l.strip().startsWith("DYNAMIC "));
        Linkage expected = interpreter != null ? Linkage.DYNAMIC : dynamicSegment ? Linkage.STATIC_PIE : Linkage.STATIC;
        assertEquals(expected, report.linkage());
        assertEquals(interpreter, report.interpreter());
        assertEquals("DYN", report.elf().typeName());
        assertTrue(report.elf().pie());
        assertEquals("pie", report.goBuildInfo().setting("-buildmode"));
        assertEquals("true", report.goBuildInfo().setting("-trimpath"));
        assertNotNull(report.gnuBuildId(), "Go writes .note.gnu.build-id for PIE");
    }

    @Test
    void windowsBinariesArePeWithKernel32() throws Exception {
        for (String arch : WINDOWS_ARCHES) {
            Path file = binaries.get("windows-" + arch);
            BinaryReport report = analyzer.analyze(file);
            assertAll(
                    arch,
                    () -> assertEquals(Format.PE, report.format()),
                    () -> assertEquals("pe", report.format().jsonName()),
                    () -> assertEquals(arch, report.goarch()),
                    () -> assertEquals("windows", report.goos()),
                    () -> assertNull(report.linkage()),
                    () -> assertTrue(
                            report.needed().stream().anyMatch(n -> n.equalsIgnoreCase("kernel32.dll")),
                            report.needed().toString()),
                    () -> assertEquals(arch.equals("386") ? 32 : 64, report.bits()),
                    () -> assertEquals(3, report.pe().subsystem()),
                    () -> assertEquals("windows-console", report.pe().subsystemName()),
                    () -> assertFalse(report.pe().dll()),
                    () -> assertFalse(report.stripped()),
                    () -> assertEquals("windows", report.goBuildInfo().setting("GOOS")),
                    () -> assertEquals(arch, report.goBuildInfo().setting("GOARCH")),
                    () -> assertEquals(goVersion, report.goVersion()),
                    () -> assertEquals(goBuildId(file), report.goBuildId()));
        }
        assertTrue(analyzer.analyze(binaries.get("windows-amd64-stripped")).stripped(), "-s drops the COFF symbols");
        BinaryReport gui = analyzer.analyze(binaries.get("windows-amd64-gui"));
        assertEquals(2, gui.pe().subsystem());
        assertEquals("windows-gui", gui.pe().subsystemName());
    }

    /**
     * DllCharacteristics as objdump prints it. binutils here reads pei-x86-64 and pei-i386 but not
     * pei-aarch64 ("file format not recognized"), so windows/arm64 is checked against Go's own
     * debug/pe reader, which reads all three (and is asked about amd64 and 386 as well).
     * Independently of both tools, the bits follow what the build asked for: Go's default
     * buildmode on windows is pie (DYNAMIC_BASE, and HIGH_ENTROPY_VA on 64-bit), -buildmode=exe
     * is not relocatable except on windows/arm64, where cmd/link turns exe into pie
     * (cmd/link/internal/ld/config.go: "everything is PIE"), and all are NX_COMPAT.
     */
    @Test
    void windowsDllCharacteristicsMatchObjdumpAndTheBuildMode() throws Exception {
        List<String> files = new ArrayList<>();
        for (String arch : WINDOWS_ARCHES) {
            files.add(binaries.get("windows-" + arch).toString());
            files.add(binaries.get("windows-" + arch + "-exe").toString());
        }
        Map<String, Integer> goDebugPe = debugPeDllCharacteristics(files);
        for (String arch : WINDOWS_ARCHES) {
            for (boolean exe : new boolean[] {false, true}) {
                Path file = binaries.get("windows-" + arch + (exe ? "-exe" : ""));
                boolean pie = !exe || arch.equals("arm64");
                int value = analyzer.analyze(file).pe().dllCharacteristics();
                String what = file.getFileName().toString();
                assertEquals(goDebugPe.get(file.toString()), value, what + " against debug/pe");
                if (!arch.equals("arm64")) {
                    assertEquals(objdumpDllCharacteristics(file), value, what + " against objdump -p");
                }
                assertEquals(pie, (value & DYNAMIC_BASE) != 0, what + " DYNAMIC_BASE");
                assertEquals(pie && !arch.equals("386"), (value & HIGH_ENTROPY_VA) != 0, what + " HIGH_ENTROPY_VA");
                assertEquals(NX_COMPAT, value & NX_COMPAT, what + " NX_COMPAT");
            }
        }
    }

    private static final String DEBUG_PE_DLL_CHARACTERISTICS = """
            package main

            import (
                "debug/pe"
                "fmt"
                "os"
            )

            func main() {
                for _, name := range os.Args[1:] {
                    f, err := pe.Open(name)
                    if err != nil {
                        panic(err)
                    }
                    switch h := f.OptionalHeader.(type) {
                    case *pe.OptionalHeader32:
                        fmt.Printf("%s\\t%d\\n", name, h.DllCharacteristics)
                    case *pe.OptionalHeader64:
                        fmt.Printf("%s\\t%d\\n", name, h.DllCharacteristics)
                    }
                }
            }
            """;

    /** DllCharacteristics of each of {@code files} as Go's debug/pe reads it, keyed by path. */
    private static Map<String, Integer> debugPeDllCharacteristics(List<String> files) throws IOException {
        Path tool = Tools.goModule(dir.resolve("debug-pe"), DEBUG_PE_DLL_CHARACTERISTICS);
        List<String> command = new ArrayList<>(List.of("go", "run", "."));
        command.addAll(files);
        Map<String, Integer> values = new LinkedHashMap<>();
        for (String line : Tools.run(tool, Map.of("CGO_ENABLED", "0"), command.toArray(String[]::new))
                .split("\n")) {
            String[] fields = line.split("\t");
            values.put(fields[0], Integer.parseInt(fields[1]));
        }
        return values;
    }

    private static int objdumpDllCharacteristics(Path file) {
        for (String line : Tools.run(module, "objdump", "-p", file.toString()).split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[0].equals("DllCharacteristics")) {
                return Integer.parseInt(fields[1], 16);
            }
        }
        throw new AssertionError("objdump -p prints no DllCharacteristics for " + file);
    }

    @Test
    void darwinBinariesAreMachOLinkedAgainstLibSystem() throws Exception {
        for (String arch : List.of("amd64", "arm64")) {
            Path file = binaries.get("darwin-" + arch);
            BinaryReport report = analyzer.analyze(file);
            assertAll(
                    arch,
                    () -> assertEquals(Format.MACHO, report.format()),
                    () -> assertEquals("macho", report.format().jsonName()),
                    () -> assertEquals(arch, report.goarch()),
                    () -> assertEquals("darwin", report.goos()),
                    () -> assertEquals("macos", report.macho().platform()),
                    () -> assertEquals("execute", report.macho().fileTypeName()),
                    () -> assertFalse(report.macho().fat()),
                    () -> assertNull(report.linkage()),
                    () -> assertEquals("/usr/lib/dyld", report.interpreter()),
                    () -> assertTrue(
                            report.needed().contains("/usr/lib/libSystem.B.dylib"),
                            report.needed().toString()),
                    () -> assertEquals(64, report.bits()),
                    () -> assertFalse(report.stripped()),
                    () -> assertEquals("darwin", report.goBuildInfo().setting("GOOS")),
                    () -> assertEquals(arch, report.goBuildInfo().setting("GOARCH")),
                    () -> assertEquals(goBuildId(file), report.goBuildId()));
        }
    }

    @Test
    void strippedDarwinBinaryHasNoLocalSymbols() throws Exception {
        BinaryReport report = analyzer.analyze(binaries.get("darwin-arm64-stripped"));
        assertTrue(report.stripped());
        assertEquals("-s", report.goBuildInfo().setting("-ldflags"));
    }

    @Test
    void fatMachOListsEveryArchitecture() throws Exception {
        for (boolean fat64 : new boolean[] {false, true}) {
            Path fat = dir.resolve(fat64 ? "universal64" : "universal");
            List<Path> thin = List.of(binaries.get("darwin-amd64"), binaries.get("darwin-arm64"));
            writeFat(fat, thin, fat64);
            BinaryReport report = analyzer.analyze(fat);
            assertEquals(Format.MACHO, report.format());
            assertTrue(report.macho().fat());
            assertEquals(List.of("amd64", "arm64"), report.architectures());
            assertEquals(2, report.macho().slices().size());
            assertEquals("amd64", report.macho().slices().get(0).goarch());
            assertEquals("arm64", report.macho().slices().get(1).goarch());
            assertEquals(Files.size(thin.get(0)), report.macho().slices().get(0).size());
            assertEquals(goBuildId(thin.get(1)), report.macho().slices().get(1).goBuildId());
            assertEquals("arm64", report.macho().slices().get(1).goBuildInfo().setting("GOARCH"));
            assertNull(report.goarch(), "the slices disagree, so the file as a whole has no one GOARCH");
            assertEquals("darwin", report.goos());
            assertEquals("/usr/lib/dyld", report.interpreter());
        }
    }

    /** Assembles a universal binary as Apple's {@code <mach-o/fat.h>} lays it out (big-endian). */
    static void writeFat(Path target, List<Path> thin, boolean fat64) throws IOException {
        int align = 14; // 2^14, the page size of arm64 macOS
        int entrySize = fat64 ? 32 : 20;
        ByteBuffer header = ByteBuffer.allocate(8 + entrySize * thin.size()).order(ByteOrder.BIG_ENDIAN);
        header.putInt(fat64 ? 0xcafebabf : 0xcafebabe).putInt(thin.size());
        List<byte[]> contents = new ArrayList<>();
        long offset = 1L << align;
        List<Long> offsets = new ArrayList<>();
        for (Path p : thin) {
            byte[] bytes = Files.readAllBytes(p);
            ByteBuffer mach = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(mach.getInt(4)).putInt(mach.getInt(8));
            if (fat64) {
                header.putLong(offset).putLong(bytes.length).putInt(align).putInt(0);
            } else {
                header.putInt((int) offset).putInt(bytes.length).putInt(align);
            }
            contents.add(bytes);
            offsets.add(offset);
            offset = (offset + bytes.length + (1L << align) - 1) & -(1L << align);
        }
        byte[] out = new byte[(int) offset];
        System.arraycopy(header.array(), 0, out, 0, header.capacity());
        for (int i = 0; i < contents.size(); i++) {
            System.arraycopy(contents.get(i), 0, out, offsets.get(i).intValue(), contents.get(i).length);
        }
        Files.write(target, out);
    }

    private static String goBuildId(Path file) {
        return Tools.run(module, "go", "tool", "buildid", file.toString()).trim();
    }
}
