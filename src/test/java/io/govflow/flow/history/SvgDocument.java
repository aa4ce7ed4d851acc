package io.govflow.flow.history;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A history chart parsed as XML (no DTD, nothing fetched), with the counts of its documented groups: the points
 * of metric m are the child elements of {@code g#series-m}, the pause marks those of {@code g#pauses}.
 */
public final class SvgDocument {

    private final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    public static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(true);
            return new SvgDocument(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not a well-formed XML document", e);
        }
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** The text of every {@code <text>} element, in document order. */
    public List<String> texts() {
        NodeList nodes = document.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The {@code <g>} with this id, or null. */
    public Element group(String id) {
        NodeList groups = document.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (id.equals(group.getAttribute("id"))) {
                return group;
            }
        }
        return null;
    }

    /** Child elements of {@code g#id} (the selector {@code g#id > *}); 0 when there is no such group. */
    public int children(String id) {
        Element group = group(id);
        if (group == null) {
            return 0;
        }
        int count = 0;
        for (Node child = group.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                count++;
            }
        }
        return count;
    }

    /** Elements named {@code tag} anywhere inside {@code g#id}. */
    public int descendants(String id, String tag) {
        Element group = group(id);
        return group == null ? 0 : group.getElementsByTagNameNS("*", tag).getLength();
    }
}
