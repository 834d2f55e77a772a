package io.github.staticgo.gotest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one package's results as a Surefire test report, {@code TEST-<package>.xml}, in the shape the
 * Surefire report plugin reads (surefire-test-report-3.0.xsd): a {@code testsuite} with its counts,
 * {@code properties}, then one {@code testcase} per test with at most one of {@code failure},
 * {@code skipped} or {@code error}, then {@code system-out}. The schema has no suite-level output, so
 * everything go printed belongs to a test case. The package's import path is the suite name and
 * every test case's classname; subtests keep go's '/'-joined names.
 */
public final class JUnitReportWriter {
    private static final String SCHEMA =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd";

    private JUnitReportWriter() {}

    /** {@code TEST-example.com.sidecar.server.xml}: the import path with '/' as '.', other unsafe characters as '_'. */
    public static String fileName(String importPath) {
        return "TEST-" + importPath.replace('/', '.').replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
    }

    /**
     * Writes the report into {@code directory} (through a temporary file, so a reader never sees half of it).
     *
     * @param properties written as the suite's properties (go version, GOOS, GOARCH, ...)
     */
    public static Path write(PackageResult result, Map<String, String> properties, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName(result.importPath()));
        Path partial = Files.createTempFile(directory, ".TEST-", ".xml.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                writeSuite(xml, result, properties);
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    private static void writeSuite(XMLStreamWriter xml, PackageResult result, Map<String, String> properties)
            throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", SCHEMA);
        xml.writeAttribute("version", "3.0");
        xml.writeAttribute("name", clean(result.importPath()));
        xml.writeAttribute("time", seconds(result.seconds()));
        xml.writeAttribute("tests", Integer.toString(result.tests()));
        xml.writeAttribute("errors", Integer.toString(result.errors()));
        xml.writeAttribute("skipped", Integer.toString(result.skipped()));
        xml.writeAttribute("failures", Integer.toString(result.failures()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", clean(property.getKey()));
            xml.writeAttribute("value", clean(property.getValue()));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        for (TestCaseResult test : result.testCases()) {
            xml.writeCharacters("\n  ");
            writeCase(xml, result.importPath(), test);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void writeCase(XMLStreamWriter xml, String importPath, TestCaseResult test)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(test.name()));
        xml.writeAttribute("classname", clean(importPath));
        xml.writeAttribute("time", seconds(test.seconds()));
        boolean outputWritten = false;
        switch (test.outcome()) {
            case FAILED -> outputWritten = writeProblem(xml, "failure", test);
            case ERROR -> outputWritten = writeProblem(xml, "error", test);
            case SKIPPED -> {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(test.message()));
            }
            case PASSED -> {}
        }
        if (!outputWritten && !test.output().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(test.output()));
            xml.writeEndElement();
        }
        if (outputWritten || !test.output().isEmpty() || test.outcome() == TestCaseResult.Outcome.SKIPPED) {
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
    }

    /** A failure or error carries the test's output as its text, where Surefire puts the stack trace. */
    private static boolean writeProblem(XMLStreamWriter xml, String element, TestCaseResult test)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(test.message()));
        xml.writeAttribute("type", clean(test.type()));
        xml.writeCharacters(clean(test.output()));
        xml.writeEndElement();
        return true;
    }

    /** Surefire's time format: seconds with at most three decimals, '.' whatever the locale. */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, seconds));
    }

    /**
     * XML 1.0 cannot hold most control characters, which test output may contain (ANSI colours, a stray
     * NUL): they are written as {@code \\uXXXX} text so the report stays well-formed and nothing is lost.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (allowed) {
                    out.appendCodePoint(c);
                } else {
                    out.append(String.format(Locale.ROOT, "\\u%04X", c));
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }
}
