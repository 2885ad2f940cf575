package io.tidemark.evtx;

import static io.tidemark.evtx.EvtxBuilder.el;
import static io.tidemark.evtx.EvtxBuilder.sub;
import static io.tidemark.evtx.EvtxFixtures.SYSTEM;
import static io.tidemark.evtx.EvtxFixtures.TIME;
import static io.tidemark.evtx.EvtxFixtures.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.evtx.EvtxBuilder.Spec;
import io.tidemark.evtx.EvtxBuilder.TemplateSpec;
import io.tidemark.evtx.EvtxBuilder.Val;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinXmlParserTest {

  /** A chunk holding one record; returns the parser and the record's Binary XML bounds. */
  private static Object[] oneRecord(TemplateSpec template, Val... values) {
    EvtxBuilder.Chunk chunk = new EvtxBuilder.Chunk();
    int at = chunk.record(1, TIME, template, values);
    byte[] bytes = chunk.build();
    int end = at + Bytes.i32(bytes, at + 4) - 4;
    return new Object[] {bytes, at + 24, end};
  }

  private static Doc parse(Object[] record) {
    byte[] bytes = (byte[]) record[0];
    return new BinXmlParser(bytes, bytes.length).parseRecord((int) record[1], (int) record[2]);
  }

  @Test
  void parseRecord_templateInstance_substitutionsCarryTheInstanceValues() {
    Doc doc = parse(oneRecord(EvtxFixtures.PROCESS, Val.string("a.exe"), Val.string("a b"),
        Val.hex64(0x3E7)));

    List<Node> tree = Resolver.resolve(doc);

    assertThat(XmlRenderer.render(tree)).isEqualTo("<EventData>"
        + "<Data Name='NewProcessName'>a.exe</Data><Data Name='CommandLine'>a b</Data>"
        + "<Data Name='SubjectLogonId'>0x3e7</Data></EventData>");
  }

  @Test
  void parseRecord_templateUsedAgain_isReadFromItsEarlierDefinition() {
    EvtxBuilder.Chunk chunk = EvtxFixtures.processChunk(1, 2);
    byte[] bytes = chunk.build();
    int second = 512 + Bytes.i32(bytes, 512 + 4);
    BinXmlParser parser = new BinXmlParser(bytes, bytes.length);

    parser.parseRecord(512 + 24, second - 4);
    Doc doc = parser.parseRecord(second + 24, second + Bytes.i32(bytes, second + 4) - 4);

    assertThat(FieldMapper.map(Resolver.resolve(doc)).fields())
        .containsEntry("CommandLine", "cmd.exe /c whoami #2");
    // The second record's instance points back at the first one's inline definition.
    int definition = Bytes.i32(bytes, second + 24 + 4 + 6);
    assertThat(parser.cachedTemplate(definition)).isNotNull();
  }

  @Test
  void parseRecord_nameWithWrongHash_isRejected() {
    Object[] record = oneRecord(EvtxFixtures.PROCESS, Val.string("a"), Val.string("b"),
        Val.hex64(1));
    byte[] bytes = (byte[]) record[0];
    int name = indexOf(bytes, "EventData".getBytes(StandardCharsets.UTF_16LE)) - 8;
    bytes[name + 4] ^= 1;

    assertThatThrownBy(() -> parse(record)).isInstanceOf(EvtxFormatException.class)
        .hasMessageContaining("hash mismatch");
  }

  @Test
  void parseRecord_elementsNestedTooDeep_isRejected() {
    Spec element = sub(0, 1);
    for (int i = 0; i < BinXmlParser.MAX_ELEMENT_DEPTH + 5; i++) {
      element = el("E", element);
    }
    Object[] record = oneRecord(new TemplateSpec(0x99, (EvtxBuilder.Element) element),
        Val.string("x"));

    assertThatThrownBy(() -> parse(record)).isInstanceOf(EvtxFormatException.class)
        .hasMessageContaining("nested deeper than 64");
  }

  @Test
  void parseRecord_binaryXmlNestedTooDeep_isRejected() {
    TemplateSpec wrapper = new TemplateSpec(0x98, el("Wrap", sub(0, 0x21)));
    Val nested = Val.string("innermost");
    for (int i = 0; i < BinXmlParser.MAX_NESTING + 2; i++) {
      nested = Val.binxml(wrapper, nested);
    }
    Object[] record = oneRecord(wrapper, nested);

    assertThatThrownBy(() -> parse(record)).isInstanceOf(EvtxFormatException.class)
        .hasMessageContaining("nested deeper than 8");
  }

  @Test
  void parseRecord_valueCountBeyondItsData_isRejected() {
    Object[] record = oneRecord(EvtxFixtures.PROCESS, Val.string("a"), Val.string("b"),
        Val.hex64(1));
    byte[] bytes = (byte[]) record[0];
    int count = indexOf(bytes, new byte[] {3, 0, 0, 0, 2, 0, 1, 0});
    EvtxBuilder.putInt(bytes, count, 0x7FFF_FFFF);

    assertThatThrownBy(() -> parse(record)).isInstanceOf(EvtxFormatException.class)
        .hasMessageContaining("claims 2147483647 values");
  }

  @Test
  void parseRecord_nestedUserData_resolvesIntoTheOuterDocument() {
    EvtxBuilder.Chunk chunk = new EvtxBuilder.Chunk();
    TemplateSpec user = new TemplateSpec(0x77, el("UserData", el("Event", el("User",
        sub(0, 0x13)))));
    int at = chunk.record(1, TIME, SYSTEM, system(1, 1102, Val.binxml(user,
        Val.sid("S-1-5-21-1-2-3-500"))));
    byte[] bytes = chunk.build();

    Doc doc = new BinXmlParser(bytes, bytes.length).parseRecord(at + 24,
        at + Bytes.i32(bytes, at + 4) - 4);

    assertThat(XmlRenderer.render(Resolver.resolve(doc)))
        .endsWith("<UserData><Event><User>S-1-5-21-1-2-3-500</User></Event></UserData></Event>");
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
