package io.tidemark.evtx;

import static io.tidemark.evtx.EvtxBuilder.attr;
import static io.tidemark.evtx.EvtxBuilder.el;
import static io.tidemark.evtx.EvtxBuilder.opt;
import static io.tidemark.evtx.EvtxBuilder.sub;
import static io.tidemark.evtx.EvtxBuilder.text;
import static io.tidemark.evtx.EvtxFixtures.SYSTEM;
import static io.tidemark.evtx.EvtxFixtures.TIME;
import static io.tidemark.evtx.EvtxFixtures.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.evtx.EvtxBuilder.TemplateSpec;
import io.tidemark.evtx.EvtxBuilder.Val;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field names and values as Sigma rules see them, built from real-format Binary XML. */
class FieldMapperTest {

  private static Event decode(TemplateSpec data, Val... values) {
    return decodeWithSystem(system(1, 4688, Val.binxml(data, values)));
  }

  private static Event decodeWithSystem(Val[] systemValues) {
    EvtxBuilder.Chunk chunk = new EvtxBuilder.Chunk();
    chunk.record(1, TIME, SYSTEM, systemValues);
    List<Event> events = EvtxFixtures.read(EvtxBuilder.file(chunk.build()),
        DiagnosticSink.ignoring());
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void map_userData_leavesByElementNameRepeatsSuffixedAttributesSkipped() {
    TemplateSpec userData = new TemplateSpec(0x11, el("UserData", el("EventXML",
        List.of(attr("xmlns", text("LoadPerf"))),
        el("param1", sub(0, 1)), el("param1", sub(1, 1)),
        el("Nested", el("binaryData", sub(2, 0x0E))), el("Empty"),
        el("Error", List.of(attr("Code", text("15007")))))));

    Event event = decode(userData, Val.string("WmiApRpl"), Val.string("second"),
        Val.of(ValueType.BINARY, (byte) 0x44, (byte) 0x41));

    assertThat(event.get("param1")).isEqualTo("WmiApRpl");
    assertThat(event.get("param1_1")).isEqualTo("second");
    assertThat(event.get("binaryData")).isEqualTo("4441");
    assertThat(event.has("Empty")).isTrue();
    assertThat(event.get("Empty")).isNull();
    assertThat(event.has("Error")).isFalse();
    assertThat(event.has("xmlns")).isFalse();
  }

  @Test
  void map_unnamedData_becomesTheMultiValuedDataField() {
    TemplateSpec classic = new TemplateSpec(0x12, el("EventData",
        el("Data", sub(0, 1)), el("Data", sub(1, 1)), el("Data", sub(2, 1))));

    Event event = decode(classic, Val.string("SessionEnv"), Val.string(""),
        Val.string("D9060000"));

    assertThat(event.getAll("Data")).containsExactly("SessionEnv", "", "D9060000");
    assertThat(event.get("Data")).isEqualTo("SessionEnv");
  }

  @Test
  void map_arrayInNamedData_repeatsTheElementAndGivesSeveralValues() {
    TemplateSpec arrays = new TemplateSpec(0x13, el("EventData",
        el("Data", List.of(attr("Name", text("PrivilegeList"))), sub(0, 0x81)),
        el("Data", List.of(attr("Name", text("Ports"))), sub(1, 0x86))));

    Event event = decode(arrays, Val.of(0x81,
        "SeDebugPrivilege\0SeBackupPrivilege\0".getBytes(StandardCharsets.UTF_16LE)),
        Val.of(0x86, (byte) 0xBB, 0x01, (byte) 0x50, 0x00));

    assertThat(event.getAll("PrivilegeList"))
        .containsExactly("SeDebugPrivilege", "SeBackupPrivilege");
    assertThat(event.getAll("Ports")).containsExactly("443", "80");
    assertThat(EvtxXml.render(event)).contains(
        "<Data Name='PrivilegeList'>SeDebugPrivilege</Data>"
            + "<Data Name='PrivilegeList'>SeBackupPrivilege</Data>"
            + "<Data Name='Ports'>443</Data><Data Name='Ports'>80</Data>");
  }

  @Test
  void map_optionalSubstitutionWithoutValue_fieldWithoutValueAndNoXmlElement() {
    TemplateSpec binary = new TemplateSpec(0x14, el("EventData",
        el("Data", sub(0, 1)), el("Binary", opt(1, 0x0E))));

    Event event = decode(binary, Val.string("x"), Val.nul());

    assertThat(event.has("Binary")).isTrue();
    assertThat(event.get("Binary")).isNull();
    assertThat(EvtxXml.render(event)).endsWith("<EventData><Data>x</Data></EventData></Event>");
  }

  @Test
  void map_systemAttributesWithValues_becomeElementUnderscoreAttribute() {
    Val[] values = system(1, 7036, Val.nul());
    values[4] = Val.u16(16384);
    values[7] = Val.guid("8E521E2B-7C26-0001-417F-9C8E267CDB01");
    values[12] = Val.sid("S-1-5-18");

    Event event = decodeWithSystem(values);

    assertThat(event.get("EventID")).isEqualTo("7036");
    assertThat(event.get("EventID_Qualifiers")).isEqualTo("16384");
    assertThat(event.get("Correlation_ActivityID"))
        .isEqualTo("8E521E2B-7C26-0001-417F-9C8E267CDB01");
    assertThat(event.has("Correlation_RelatedActivityID")).isFalse();
    assertThat(event.get("Security_UserID")).isEqualTo("S-1-5-18");
    assertThat(EvtxXml.render(event)).contains("<EventID Qualifiers='16384'>7036</EventID>",
        "<Correlation ActivityID='{8E521E2B-7C26-0001-417F-9C8E267CDB01}'/>");
  }

  @Test
  void map_processingErrorData_flattenedByName() {
    TemplateSpec error = new TemplateSpec(0x15, el("ProcessingErrorData",
        el("ErrorCode", sub(0, 8)), el("DataItemName", sub(1, 1)),
        el("EventPayload", sub(2, 0x0E))));

    Event event = decode(error, Val.u32(15005), Val.string("Value"),
        Val.of(ValueType.BINARY, (byte) 0x80, 0x41));

    assertThat(event.get("ErrorCode")).isEqualTo("15005");
    assertThat(event.get("DataItemName")).isEqualTo("Value");
    assertThat(event.get("EventPayload")).isEqualTo("8041");
  }

  @Test
  void map_referencesAndCdata_expandedInFieldsKeptInXml() {
    TemplateSpec refs = new TemplateSpec(0x16, el("EventData",
        el("Data", List.of(attr("Name", text("Script"))), text("a"),
            new EvtxBuilder.CharRef(38), new EvtxBuilder.EntityRef("lt"), text("b"),
            new EvtxBuilder.CData("<![x]>"))));

    Event event = decode(refs);

    assertThat(event.get("Script")).isEqualTo("a&<b<![x]>");
    assertThat(EvtxXml.render(event)).contains("a&#38;&lt;b<![CDATA[<![x]>]]>");
  }

  @Test
  void map_eventDataNamedLikeASystemField_systemValueWins() {
    TemplateSpec clash = new TemplateSpec(0x17, el("EventData",
        el("Data", List.of(attr("Name", text("EventID"))), sub(0, 1)),
        el("Data", List.of(attr("Name", text("Other"))), sub(1, 1))));

    Event event = decode(clash, Val.string("forged"), Val.string("kept"));

    assertThat(event.get("EventID")).isEqualTo("4688");
    assertThat(event.get("Other")).isEqualTo("kept");
  }
}
