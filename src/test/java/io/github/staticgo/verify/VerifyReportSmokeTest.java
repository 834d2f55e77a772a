package io.github.staticgo.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.platform.CgoMode;
import io.github.staticgo.smoke.SmokeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke results in the report: the JSON fields, the summary column, the failure with the binary's output. */
class VerifyReportSmokeTest {
    private static VerifiedBinary binary(String name) {
        return new VerifiedBinary(
                new ExpectedBinary(Path.of("/t/" + name), "linux", "arm64", null, CgoMode.OFF), null, null, List.of());
    }

    private static final SmokeResult PASSED = new SmokeResult(
            SmokeResult.Status.PASSED,
            "unshare",
            "qemu-aarch64-static",
            "unshare ... /qemu-aarch64-static /a --version",
            0,
            false,
            120L,
            List.of("a 1.0 linux/arm64"),
            null,
            null);
    private static final SmokeResult FAILED = new SmokeResult(
            SmokeResult.Status.FAILED,
            "unshare",
            null,
            "unshare ... /b --version",
            2,
            false,
            8L,
            List.of("flag provided but not defined: -version", "Usage of /b:"),
            "smoke run (unshare) exited with 2, expected 0",
            "run it by hand");

    @Test
    void aFailedRunFailsTheBinaryWithItsOutput(@TempDir Path dir) throws Exception {
        VerifyReport report = new VerifyReport(
                List.of(binary("a").withSmoke(PASSED), binary("b").withSmoke(FAILED), binary("c")));
        assertFalse(report.ok());
        String message = report.failureMessage();
        assertTrue(message.startsWith("1 binary fails verification:"), message);
        assertTrue(message.contains("- smoke run (unshare) exited with 2, expected 0"), message);
        assertTrue(message.contains("        | flag provided but not defined: -version"), message);

        Path json = dir.resolve("report.json");
        report.writeJson(json);
        JsonArray entries =
                JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("binaries");
        JsonObject a = entries.get(0).getAsJsonObject().getAsJsonObject("smoke");
        assertEquals("passed", a.get("result").getAsString());
        assertTrue(a.get("ran").getAsBoolean());
        assertEquals("unshare", a.get("method").getAsString());
        assertEquals("qemu-aarch64-static", a.get("emulator").getAsString());
        assertEquals(0, a.get("exitCode").getAsInt());
        assertEquals(120, a.get("millis").getAsLong());
        assertEquals("a 1.0 linux/arm64", a.getAsJsonArray("output").get(0).getAsString());
        assertTrue(entries.get(0).getAsJsonObject().get("ok").getAsBoolean());
        JsonObject b = entries.get(1).getAsJsonObject();
        assertFalse(b.get("ok").getAsBoolean());
        assertEquals(
                "smoke run (unshare) exited with 2, expected 0",
                b.getAsJsonArray("problems").get(0).getAsString());
        assertEquals("failed", b.getAsJsonObject("smoke").get("result").getAsString());
        assertTrue(entries.get(2).getAsJsonObject().get("smoke").isJsonNull());

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
