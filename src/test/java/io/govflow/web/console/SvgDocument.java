package io.govflow.web.console;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A chart as the browser received it, read with the chart's documented selectors: the points of metric m are the
 * child elements of {@code g#series-m}; a threshold line is drawn in {@code g#threshold-<name>}.
 */
final class SvgDocument {

    private final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            return new SvgDocument(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("the chart is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The number of elements that are children of {@code g#series-<metric>}. */
    int points(String metric) {
        return children("series-" + metric);
    }

    /** The number of child elements of the group {@code g#<id>} (the pause marks: {@code pauses}). */
    int children(String id) {
        return nodes("//*[local-name()='g' and @id='" + id + "']/*").getLength();
    }

    boolean hasGroup(String id) {
        return nodes("//*[local-name()='g' and @id='" + id + "']").getLength() > 0;
    }

    private NodeList nodes(String xpath) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
