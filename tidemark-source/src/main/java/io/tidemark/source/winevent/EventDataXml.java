package io.tidemark.source.winevent;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads event data kept as an XML string ({@code <EventData><Data Name="...">..</Data>},
 * {@code <Param>..</Param>}, {@code <UserData>}), as Log Analytics exports hold it. The parser
 * accepts no DTD and resolves no entity: the XML comes from the attacker's side of the fence.
 */
final class EventDataXml {
  private static final int MAX_DEPTH = 16;
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(EventDataXml::hardenedFactory);

  private EventDataXml() {}

  /** Adds named Data as fields, unnamed Data and Param as {@code Data}, UserData leaves by name. */
  static void read(String xml, EventFields out) throws XMLStreamException {
    XMLStreamReader reader = FACTORY.get().createXMLStreamReader(new StringReader(xml));
    try {
      while (reader.hasNext()) {
        if (reader.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String element = reader.getLocalName();
        if (element.equals("Data")) {
          String name = reader.getAttributeValue(null, "Name");
          String text = elementText(reader);
          if (name == null) {
            out.addData(text);
          } else {
            out.put(name, text);
          }
        } else if (element.equals("Param")) {
          out.addData(elementText(reader));
        } else if (element.equals("UserData")) {
          element(reader, element, out, 0);
        }
      }
    } finally {
      reader.close();
    }
  }

  /** Text of the current element including nested elements' text; leaves it at its end tag. */
  private static String elementText(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0 && reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        text.append(reader.getText());
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return text.toString();
  }

  /**
   * Reads the current element to its end tag; when it holds only text, adds a field named after
   * it, else recurses into its children. UserData is flattened this way.
   */
  private static void element(XMLStreamReader reader, String element, EventFields out, int depth)
      throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    boolean hasChildren = false;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        text.append(reader.getText());
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        hasChildren = true;
        if (depth < MAX_DEPTH) {
          element(reader, reader.getLocalName(), out, depth + 1);
        } else {
          elementText(reader);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (!hasChildren && depth > 0) {
          out.put(element, text.toString());
        }
        return;
      }
    }
  }

  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }
}
