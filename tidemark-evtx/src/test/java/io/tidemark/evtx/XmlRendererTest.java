package io.tidemark.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlRendererTest {

  @Test
  void render_markupQuotesLineBreaksAndControls_escapedSoARecordStaysOneLine() {
    Node.Element data = new Node.Element("Data",
        List.of(new Node.Attribute("Name", List.of(new Node.Text("a'b\"c\td")))),
        List.of(new Node.Text("<x> & \"q\" 'a'\r\nnext\u0001\u0000\uFFFF")), false);

    assertThat(XmlRenderer.render(List.of(data))).isEqualTo(
        "<Data Name='a&apos;b&quot;c&#x9;d'>&lt;x&gt; &amp; \"q\" 'a'&#xD;&#xA;next&#x1;&#x0;"
            + "&#xFFFF;</Data>");
  }

  @Test
  void render_emptyAndElidedElements() {
    Node.Element empty = new Node.Element("Correlation", List.of(), List.of(), false);
    Node.Element elided = new Node.Element("Binary", List.of(), List.of(), true, true);
    Node.Element emptyText = new Node.Element("Data", List.of(),
        List.of(new Node.Literal(Value.ofString(ValueType.STRING, ""))), false);

    assertThat(XmlRenderer.render(List.of(empty, elided, emptyText)))
        .isEqualTo("<Correlation/><Data/>");
  }

  @Test
  void render_referencesCdataAndProcessingInstructions_keptAsWritten() {
    Node.Element element = new Node.Element("X", List.of(), List.of(new Node.CharRef(38),
        new Node.EntityRef("lt"), new Node.CData("if (a < b) ]]> done"),
        new Node.Pi("xml-stylesheet", "href='a'")), false);

    assertThat(XmlRenderer.render(List.of(element))).isEqualTo("<X>&#38;&lt;"
        + "<![CDATA[if (a < b) ]]]]><![CDATA[> done]]><?xml-stylesheet href='a'?></X>");
  }
}
