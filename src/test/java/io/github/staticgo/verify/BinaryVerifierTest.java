package io.github.staticgo.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.staticgo.FileDigest;
import io.github.staticgo.Tools;
import io.github.staticgo.platform.CgoMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify rules over binaries built here by the real go and gcc, each with a known flaw that the
 * build was asked for.
 */
class BinaryVerifierTest {
    private static final VerifyPolicy DEFAULTS = VerifyPolicy.DEFAULTS;

    @TempDir
    static Path dir;

    private static Path goModule;

    @BeforeAll
    static void module() throws IOException {
        goModule = Tools.goModule(dir.resolve("module"));
    }

    private static Path go(String name, Map<String, String> env, String... flags) {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("go", "build", "-o", out.toString()));
        command.addAll(Arrays.asList(flags));
        command.add(".");
        Tools.run(goModule, env, command.toArray(String[]::new));
        return out;
    }

    private static Path gcc(String name, String source, String... flags) throws IOException {
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("gcc", "-o", out.toString(), c.toString()));
        command.addAll(Arrays.asList(flags));
        Tools.run(dir, command.toArray(String[]::new));
        return out;
    }

    private static Map<String, String> goEnv(String goos, String goarch, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("GOOS", goos, "GOARCH", goarch, "CGO_ENABLED", "0"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static VerifiedBinary verify(ExpectedBinary expected, VerifyPolicy policy) {
        return new BinaryVerifier(false).verify(List.of(expected), policy).get(0);
    }

    private static List<String> problems(VerifiedBinary verified) {
        return verified.findings().stream().map(Finding::problem).toList();
    }

    /** A binary build.json lists for a plain linux/amd64 target, built by go with Go's default GOAMD64=v1. */
    private static ExpectedBinary recordedAmd64(Path binary, String sha256) {
        return new ExpectedBinary(
                binary,
                "linux",
                "amd64",
                null,
                CgoMode.OFF,
                null,
                null,
                new ExpectedBinary.Recorded("v1", sha256, null, true, "."));
    }

    @Test
    void aTargetWithoutVariantExpectsGosDefaultAndFailsAnotherOne() throws Exception {
        Path v1 = go("default-variant", goEnv("linux", "amd64", "GOAMD64", "v1"));
        Path v3 = go("v3-variant", goEnv("linux", "amd64", "GOAMD64", "v3"));
        assertTrue(Tools.run(goModule, "go", "version", "-m", v3.toString()).contains("GOAMD64=v3"));

        assertEquals(List.of(), problems(verify(recordedAmd64(v1, FileDigest.sha256(v1)), DEFAULTS)));
        List<String> problems = problems(verify(recordedAmd64(v3, FileDigest.sha256(v3)), DEFAULTS));
        assertEquals(
                List.of("its Go build info records the variant v3, not v1, Go's default for linux/amd64 that it "
                        + "was built with"),
                problems);
        // A declared binary whose platform names no variant may have any.
        assertEquals(List.of(), problems(verify(new ExpectedBinary(v3, "linux", "amd64", null, null), DEFAULTS)));
    }

    @Test
    void aFileThatIsNotWhatBuildJsonRecordsFails() throws Exception {
        Path binary = go("recorded", goEnv("linux", "amd64", "GOAMD64", "v1"));
        String recorded = FileDigest.sha256(binary);
        assertEquals(List.of(), problems(verify(recordedAmd64(binary, recorded), DEFAULTS)));

        // The same program rebuilt with other link flags: still a good static binary, but not the recorded one.
        Path replaced = go("recorded", goEnv("linux", "amd64", "GOAMD64", "v1"), "-ldflags=-X main.unused=1 -s");
        String now = FileDigest.sha256(replaced);
        List<String> problems = problems(verify(recordedAmd64(replaced, recorded), DEFAULTS));
        assertEquals(List.of("recorded has the SHA-256 " + now + ", but build.json records " + recorded), problems);
    }

    /** The DllCharacteristics flag names binutils prints for a PE file. */
    private static List<String> objdumpPeFlags(Path binary) {
        String headers = Tools.run(dir, "objdump", "-p", binary.toString());
        java.util.regex.Matcher flags = java.util.regex.Pattern.compile(
                        "(?s)DllCharacteristics\\s+\\p{XDigit}+\\n(.*?)\\nSizeOfStackReserve")
                .matcher(headers);
        assertTrue(flags.find(), headers);
        return flags.group(1).lines().map(String::trim).toList();
    }

    @Test
    void aWindowsBinaryWithoutAslrFailsAndGosDefaultBuildModePasses() throws Exception {
        for (String goarch : List.of("amd64", "386")) {
            Path pie = go("windows-" + goarch + "-default.exe", goEnv("windows", goarch));
            Path exe = go("windows-" + goarch + "-exe.exe", goEnv("windows", goarch), "-buildmode=exe");
            List<String> pieFlags = objdumpPeFlags(pie);
            assertTrue(pieFlags.containsAll(List.of("DYNAMIC_BASE", "NX_COMPAT")), pieFlags.toString());
            assertEquals(goarch.equals("amd64"), pieFlags.contains("HIGH_ENTROPY_VA"), pieFlags.toString());
            assertFalse(objdumpPeFlags(exe).contains("DYNAMIC_BASE"), "binutils: -buildmode=exe drops ASLR");

            ExpectedBinary expectPie = new ExpectedBinary(pie, "windows", goarch, null, CgoMode.OFF);
            assertEquals(List.of(), problems(verify(expectPie, DEFAULTS)), "go's default on windows passes");
            ExpectedBinary expectExe = new ExpectedBinary(exe, "windows", goarch, null, CgoMode.OFF);
            assertEquals(
                    List.of("lacks the PE hardening flags DYNAMIC_BASE (ASLR)"
                            + (goarch.equals("amd64") ? ", HIGH_ENTROPY_VA (64-bit ASLR)" : "")),
                    problems(verify(expectExe, DEFAULTS)));
            assertEquals(List.of(), problems(verify(expectExe, DEFAULTS.withAllowUnhardenedPe(true))));
        }
    }

    @Test
    void anExecutableWithoutProgramHeadersFails() throws Exception {
        Path binary = go("no-phdrs", goEnv("linux", "amd64"));
        byte[] bytes = Files.readAllBytes(binary);
        bytes[56] = 0; // e_phnum of an ELF64 header (ELF specification), little endian
        bytes[57] = 0;
        Files.write(binary, bytes);
        // The kernel refuses such a file (NativeBinariesTest runs it); binutils reads the count as 0.
        assertTrue(Tools.run(dir, "readelf", "-h", binary.toString())
                .matches("(?s).*Number of program headers:\\s+0\\n.*"));
        assertEquals(
                List.of("is an ELF executable without program headers (e_phnum 0): the kernel cannot load it"),
                problems(verify(new ExpectedBinary(binary, "linux", "amd64", null, null), DEFAULTS)));
    }

    @Test
    void theFixOfADynamicCgoBinaryNamesWhatPulledLibcIn() throws Exception {
        Path netModule = Tools.goModule(dir.resolve("net-module"), """
                package main

                import (
                	"fmt"
                	"net"
                	"os/user"
                )

                func main() {
                	_, _ = user.Current()
                	_, err := net.LookupHost("localhost")
                	fmt.Println(err)
                }
                """);
        Path ownCModule = Tools.goModule(dir.resolve("c-module"), """
                package main

                /*
                #include <stdio.h>
                static void hello(void) { puts("hello from C"); }
                */
                import "C"

                func main() { C.hello() }
                """);
        Map<String, String> cgo = goEnv("linux", "amd64", "CGO_ENABLED", "1");
        Path net = dir.resolve("net-cgo");
        Tools.run(netModule, cgo, "go", "build", "-o", net.toString(), ".");
        Path ownC = dir.resolve("own-c");
        Tools.run(ownCModule, cgo, "go", "build", "-o", ownC.toString(), ".");
        // binutils: net's resolver imports getaddrinfo; the program's own C code does not, but puts.
        assertTrue(Tools.run(dir, "readelf", "--dyn-syms", "-W", net.toString()).contains("getaddrinfo"));
        String ownCSymbols = Tools.run(dir, "readelf", "--dyn-syms", "-W", ownC.toString());
        assertTrue(ownCSymbols.contains(" puts") && !ownCSymbols.contains("getaddrinfo"), ownCSymbols);

        String netFix = verify(new ExpectedBinary(net, "linux", "amd64", null, CgoMode.ON), DEFAULTS)
                .findings()
                .get(0)
                .hint();
        assertTrue(
                netFix.startsWith("cgo is on, and net's resolver and os/user call libc (")
                        && netFix.contains("getaddrinfo")
                        && netFix.contains("netgo,osusergo"),
                netFix);
        String ownFix = verify(new ExpectedBinary(ownC, "linux", "amd64", null, CgoMode.ON), DEFAULTS)
                .findings()
                .get(0)
                .hint();
        assertTrue(
                ownFix.startsWith(
                                "cgo is on, and C code of the program or of a module it uses (import \"C\") needs libc"
                                        + " (it calls puts)")
                        && !ownFix.contains("netgo"),
                ownFix);
    }

    @Test
    void aStaticGoBinaryForItsTargetPasses() throws Exception {
        Path binary = go("ok-arm64", goEnv("linux", "arm64"), "-ldflags=-s -w");
        VerifiedBinary verified = verify(new ExpectedBinary(binary, "linux", "arm64", null, CgoMode.OFF), DEFAULTS);
        assertEquals(List.of(), problems(verified));
        assertEquals(64, verified.sha256().length());
    }

    @Test
    void aDynamicCBinaryNamesItsInterpreterAndLibc() throws Exception {
        Path binary = gcc("dynamic", Tools.C_HELLO);
        VerifiedBinary verified = verify(new ExpectedBinary(binary, "linux", "amd64", null, null), DEFAULTS);
        assertEquals(
                List.of("is dynamically linked: interpreter /lib64/ld-linux-x86-64.so.2; needs libc.so.6"),
                problems(verified));
        assertTrue(verified.findings().get(0).hint().startsWith("not a Go binary: link it with -static"));
    }

    @Test
    void theWrongArchitectureFailsBothByHeaderAndByBuildInfo() throws Exception {
        Path binary = go("wrong-arch", goEnv("linux", "arm64"));
        List<String> problems =
                problems(verify(new ExpectedBinary(binary, "linux", "amd64", null, CgoMode.OFF), DEFAULTS));
        assertEquals(
                List.of("its header says arm64, not amd64", "its Go build info says GOARCH=arm64, not amd64"),
                problems);
    }

    @Test
    void theWrongVariantFails() throws Exception {
        Path binary = go("armv6", goEnv("linux", "arm", "GOARM", "6"));
        List<String> problems =
                problems(verify(new ExpectedBinary(binary, "linux", "arm", "7", CgoMode.OFF), DEFAULTS));
        assertEquals(List.of("its Go build info records the variant 6, not 7"), problems);
    }

    @Test
    void aWindowsBinaryIsNotALinuxOne() throws Exception {
        Path binary = go("windows.exe", goEnv("windows", "amd64"));
        List<String> problems =
                problems(verify(new ExpectedBinary(binary, "linux", "amd64", null, CgoMode.OFF), DEFAULTS));
        assertEquals(
                List.of("is a PE file, but linux runs an ELF file", "its Go build info says GOOS=windows, not linux"),
                problems);
    }

    @Test
    void staticPiePassesUnlessRefused() throws Exception {
        Path binary = gcc("static-pie", Tools.C_HELLO, "-static-pie");
        ExpectedBinary expected = new ExpectedBinary(binary, "linux", "amd64", null, null);
        assertEquals(List.of(), problems(verify(expected, DEFAULTS)));
        assertEquals(
                List.of("is static-pie, and <allowStaticPie> is false"),
                problems(verify(expected, DEFAULTS.withAllowStaticPie(false))));
    }

    @Test
    void glibcStaticWithNssFailsUnlessAllowed() throws Exception {
        Path binary = gcc("nss", Tools.C_GETPWNAM, "-static");
        ExpectedBinary expected = new ExpectedBinary(binary, "linux", "amd64", null, null);
        assertEquals(
                List.of("is linked statically against glibc with NSS, so it will dlopen libnss_* at run time"),
                problems(verify(expected, DEFAULTS)));
        assertEquals(List.of(), problems(verify(expected, DEFAULTS.withAllowGlibcNss(true))));
    }

    @Test
    void requireStrippedFailsABinaryWithItsSymbolTable() throws Exception {
        Path binary = go("unstripped", goEnv("linux", "amd64"));
        ExpectedBinary expected = new ExpectedBinary(binary, "linux", "amd64", null, CgoMode.OFF);
        assertEquals(List.of(), problems(verify(expected, DEFAULTS)));
        assertEquals(
                List.of("is not stripped, and <requireStripped> is true"),
                problems(verify(expected, DEFAULTS.withRequireStripped(true))));
    }

    @Test
    void missingAndMalformedFilesAreFindingsAndTheOthersAreStillChecked() throws Exception {
        Path good = go("good", goEnv("linux", "amd64"), "-ldflags=-s -w");
        Path truncated = dir.resolve("truncated");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(good), 40));
        List<VerifiedBinary> verified = new BinaryVerifier(false)
                .verify(
                        List.of(
                                new ExpectedBinary(dir.resolve("absent"), "linux", "amd64", null, CgoMode.OFF),
                                new ExpectedBinary(truncated, "linux", "amd64", null, CgoMode.OFF),
                                new ExpectedBinary(good, "linux", "amd64", null, CgoMode.OFF)),
                        DEFAULTS);
        assertEquals(List.of("is missing"), problems(verified.get(0)));
        assertTrue(
                problems(verified.get(1)).get(0).startsWith("is malformed: "),
                problems(verified.get(1)).toString());
        assertTrue(verified.get(2).ok());
    }

    @Test
    void inspectListsFilesOfNoExecutableFormatWithoutFailingThem() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a binary");
        ExpectedBinary expected = new ExpectedBinary(text, "linux", "amd64", null, null);
        assertTrue(new BinaryVerifier(true)
                .verify(List.of(expected), DEFAULTS)
                .get(0)
                .ok());
        assertEquals(
                List.of("is of no executable format the analyzer knows, but linux runs an ELF file"),
                problems(new BinaryVerifier(false)
                        .verify(List.of(expected), DEFAULTS)
                        .get(0)));
    }

    @Test
    void theReportKeepsTheContractFieldsAndNullsForUnknowns() throws Exception {
        Path binary = gcc("dynamic2", Tools.C_HELLO);
        VerifyReport report = new VerifyReport(List.of(
                verify(new ExpectedBinary(binary, "linux", "amd64", null, null), DEFAULTS),
                verify(new ExpectedBinary(dir.resolve("gone"), "linux", "amd64", null, CgoMode.OFF), DEFAULTS)));
        VerifyReport.Entry dynamic = report.entries().get(0);
        assertEquals("elf", dynamic.format());
        assertEquals("dynamic", dynamic.linkage());
        assertEquals("/lib64/ld-linux-x86-64.so.2", dynamic.interpreter());
        assertEquals(List.of("libc.so.6"), dynamic.needed());
        assertEquals(null, dynamic.goVersion());
        assertEquals(null, dynamic.cgo());
        VerifyReport.Entry gone = report.entries().get(1);
        assertEquals(null, gone.format());
        assertEquals(null, gone.stripped());
        assertEquals(false, gone.ok());
        assertTrue(report.failureMessage().startsWith("2 binaries fail verification:"));
    }
}
