package io.github.staticgo.gotest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JUnitReportWriterTest {
    @Test
    void charactersXmlCannotHoldAreWrittenAsEscapes() {
        assertEquals(
                "a\tb\nc \\u001B[31mred \\u0000 \uD83D\uDE00 \\uD800",
                JUnitReportWriter.clean("a\tb\nc \u001b[31mred \u0000 \uD83D\uDE00 \uD800"));
    }

    @Test
    void timesHaveAtMostThreeDecimalsAndADot() {
        assertEquals("0.000", JUnitReportWriter.seconds(0));
        assertEquals("1234.568", JUnitReportWriter.seconds(1234.5678));
    }

    @Test
    void fileNamesKeepTheImportPathReadable() {
        assertEquals(
                "TEST-example.com.sidecar.v2.server.xml", JUnitReportWriter.fileName("example.com/sidecar/v2/server"));
        assertEquals("TEST-example.com.a_b.xml", JUnitReportWriter.fileName("example.com/a b"));
    }
}
