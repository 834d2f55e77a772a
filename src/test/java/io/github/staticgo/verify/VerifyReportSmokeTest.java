package io.github.staticgo.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.staticgo.smoke.SmokeResult;
import io.github.staticgo.target.CgoMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke results in the report: the JSON fields, the summary column, the failure with the binary's output. */
class VerifyReportSmokeTest {
    private static VerifiedBinary binary(String name) {
        return new VerifiedBinary(new ExpectedBinary(Path.of("/t/" + name), "linux", "arm64", null, CgoMode.OFF), null,
                null, List.of());
    }

    private static final SmokeResult PASSED = new SmokeResult(SmokeResult.Status.PASSED, "unshare",
            "qemu-aarch64-static", "unshare ... /qemu-aarch64-static /a --version", 0, false, 120L,
            List.of("a 1.0 linux/arm64"), null, null);
    private static final SmokeResult FAILED = new SmokeResult(SmokeResult.Status.FAILED, "unshare", null,
            "unshare ... /b --version", 2, false, 8L, List.of("flag provided but not defined: -version", "Usage of /b:"),
            "smoke run (unshare) exited with 2, expected 0", "run it by hand");

    @Test
    void aFailedRunFailsTheBinaryWithItsOutput(@TempDir Path dir) throws Exception {
        VerifyReport report = new VerifyReport(List.of(binary("a"), binary("b"), binary("c")), Arrays.asList(PASSED, FAILED, null));
        assertFalse(report.ok());
        String message = report.failureMessage();
        assertTrue(message.startsWith("1 binary fails verification:"), message);
        assertTrue(message.contains("- smoke run (unshare) exited with 2, expected 0"), message);
        assertTrue(message.contains("        | flag provided but not defined: -version"), message);

        Path json = dir.resolve("report.json");
        report.writeJson(json);
        JsonNode entries = new ObjectMapper().readTree(json.toFile()).get("binaries");
        JsonNode a = entries.get(0).get("smoke");
        assertEquals("passed", a.get("result").asText());
        assertTrue(a.get("ran").asBoolean());
        assertEquals("unshare", a.get("method").asText());
        assertEquals("qemu-aarch64-static", a.get("emulator").asText());
        assertEquals(0, a.get("exitCode").asInt());
        assertEquals(120, a.get("millis").asLong());
        assertEquals("a 1.0 linux/arm64", a.get("output").get(0).asText());
        assertTrue(entries.get(0).get("ok").asBoolean());
        JsonNode b = entries.get(1);
        assertFalse(b.get("ok").asBoolean());
        assertEquals("smoke run (unshare) exited with 2, expected 0", b.get("problems").get(0).asText());
        assertEquals("failed", b.get("smoke").get("result").asText());
        assertTrue(entries.get(2).get("smoke").isNull());

        List<String> table = report.summaryTable();
        assertTrue(table.get(0).matches(".*result +smoke"), table.get(0));
        assertTrue(table.get(1).endsWith("passed 120 ms (unshare, qemu-aarch64-static)"), table.get(1));
        assertTrue(table.get(2).endsWith("FAILED (unshare)"), table.get(2));
    }

    @Test
    void withoutSmokeTheTableAndJsonAreAsBefore() {
        VerifyReport report = new VerifyReport(List.of(binary("a")));
        assertTrue(report.summaryTable().get(0).endsWith("result"));
        assertNull(report.entries().get(0).smoke());
        assertTrue(report.ok());
    }
}
