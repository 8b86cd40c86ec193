package dev.mtbsync.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSOutput;
import org.w3c.dom.ls.LSSerializer;

/**
 * A DOM document written with the JDK's LS serializer, for the XML formats.
 *
 * <p>DESIGN NOTE: DOM rather than StAX: the StAX writer leaves line breaks and tabs in attribute
 * values as they are, and an XML reader turns those into spaces; the LS serializer writes them as
 * {@code &#10;} and {@code &#9;}, so a multi-line marker note survives. It also writes a document
 * type without an external identifier ({@code <!DOCTYPE fcpxml>}), as Final Cut Pro does.
 */
final class XmlDocument {

  private final Document doc;

  private XmlDocument(Document doc) {
    this.doc = doc;
  }

  /** A document whose root element and document type are {@code root}. */
  static XmlDocument create(String root) {
    try {
      DOMImplementation dom =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
      return new XmlDocument(
          dom.createDocument(null, root, dom.createDocumentType(root, null, null)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser is not available", e);
    }
  }

  Element root() {
    return doc.getDocumentElement();
  }

  /**
   * Appends an element with attributes given as name, value pairs (attributes in XML have no order;
   * the serializer writes them alphabetically).
   */
  Element add(Element parent, String name, String... attributes) {
    Element e = doc.createElement(name);
    for (int i = 0; i < attributes.length; i += 2) {
      e.setAttribute(attributes[i], EditorText.xml(attributes[i + 1]));
    }
    parent.appendChild(e);
    return e;
  }

  /** Appends an element holding text. */
  Element text(Element parent, String name, String text) {
    Element e = add(parent, name);
    e.setTextContent(EditorText.xml(text));
    return e;
  }

  /** Appends an element holding a number. */
  Element text(Element parent, String name, long value) {
    return text(parent, name, Long.toString(value));
  }

  /** Writes the document as indented UTF-8. */
  void write(OutputStream out) throws IOException {
    DOMImplementationLS ls = (DOMImplementationLS) doc.getImplementation().getFeature("LS", "3.0");
    LSSerializer serializer = ls.createLSSerializer();
    serializer.getDomConfig().setParameter("format-pretty-print", true);
    // written by hand below, so that the document type starts a line of its own
    serializer.getDomConfig().setParameter("xml-declaration", false);
    serializer.setNewLine("\n");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
    LSOutput output = ls.createLSOutput();
    output.setEncoding("UTF-8");
    output.setByteStream(out);
    if (!serializer.write(doc, output)) {
      throw new IOException("could not write the XML document");
    }
    out.flush();
  }
}
