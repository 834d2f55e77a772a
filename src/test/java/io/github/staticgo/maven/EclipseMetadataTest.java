package io.github.staticgo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The m2e lifecycle mapping covers every goal exactly once. The goals are read from the plugin descriptor
 * that maven-plugin-plugin generated (target/classes/META-INF/maven/plugin.xml), not from our own list.
 */
class EclipseMetadataTest {
    private static Document parse(InputStream in) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent().strip());
        }
        return texts;
    }

    @Test
    void everyGoalOfThePluginDescriptorHasOneMapping() throws Exception {
        Document descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            descriptor = parse(in);
        }
        List<String> goals = new ArrayList<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            for (org.w3c.dom.Node child = mojos.item(i).getFirstChild();
                    child != null;
                    child = child.getNextSibling()) {
                if ("goal".equals(child.getNodeName())) {
                    goals.add(child.getTextContent().strip());
                }
            }
        }
        goals.sort(null);
        Document mapping;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            assertNotNull(in, "the metadata is on the plugin's class path, where m2e looks");
            mapping = parse(in);
        }
        List<String> mapped = texts(mapping, "goal").stream().sorted().toList();
        assertEquals(goals.stream().filter(g -> !g.equals("help")).toList(), mapped);
    }
}
