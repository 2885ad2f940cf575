package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.assess.Assessment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StixBundleWriterTest {
  private static final String ID = "[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "identity", List.of("name", "identity_class", "created", "modified"),
      "indicator", List.of("pattern", "pattern_type", "valid_from", "created", "modified"),
      "observed-data", List.of("first_observed", "last_observed", "number_observed", "object_refs",
          "created", "modified"),
      "relationship", List.of("relationship_type", "source_ref", "target_ref", "created", "modified"),
      "intrusion-set", List.of("name", "created", "modified"),
      "ipv4-addr", List.of("value"),
      "ipv6-addr", List.of("value"),
      "file", List.of("name"));

  private static String write(ReportInput input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StixBundleWriter.write(ReportData.of(input), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void assertValidBundle(JsonNode bundle) {
    assertThat(bundle.get("type").asText()).isEqualTo("bundle");
    assertThat(bundle.get("id").asText()).matches("bundle--.*").matches(ID);
    Set<String> ids = new HashSet<>();
    for (JsonNode o : bundle.get("objects")) {
      String type = o.get("type").asText();
      assertThat(o.get("spec_version").asText()).as(type).isEqualTo("2.1");
      assertThat(o.get("id").asText()).as(type).startsWith(type + "--").matches(ID);
      assertThat(ids.add(o.get("id").asText())).as("unique id %s", o.get("id")).isTrue();
      assertThat(REQUIRED).as("known type").containsKey(type);
      for (String field : REQUIRED.get(type)) {
        assertThat(o.has(field)).as("%s.%s", type, field).isTrue();
      }
      for (String field : List.of("created", "modified", "valid_from", "first_observed", "last_observed")) {
        if (o.has(field)) {
          assertThat(o.get(field).asText()).as("%s.%s", type, field).matches(TIME);
        }
      }
    }
    for (JsonNode o : bundle.get("objects")) {
      for (String ref : List.of("source_ref", "target_ref", "created_by_ref")) {
        if (o.has(ref)) {
          assertThat(ids).as("%s of %s", ref, o.get("id")).contains(o.get(ref).asText());
        }
      }
      if (o.has("object_refs")) {
        o.get("object_refs").forEach(r -> assertThat(ids).contains(r.asText()));
      }
    }
  }

  @Test
  void write_populatedAssessment_isAValidStix21Bundle() throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(write(ReportFixtures.input(false)));

    assertValidBundle(bundle);
    Map<String, Integer> types = new HashMap<>();
    Set<String> patterns = new HashSet<>();
    for (JsonNode o : bundle.get("objects")) {
      types.merge(o.get("type").asText(), 1, Integer::sum);
      if (o.has("pattern")) {
        patterns.add(o.get("pattern").asText());
      }
    }
    assertThat(types).containsEntry("identity", 1).containsEntry("intrusion-set", 1)
        .containsEntry("observed-data", 1).containsKeys("ipv4-addr", "ipv6-addr", "file", "relationship");
    assertThat(patterns).contains("[ipv4-addr:value = '198.51.100.5']",
        "[ipv6-addr:value = '2001:db8::66']",
        "[url:value LIKE '%/aspnet_client/system_web/shell.aspx'] OR [file:name = 'shell.aspx']",
        "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'python-requests/2.25']");
  }

  @Test
  void write_sameEvidenceTwice_writesIdenticalBytes() throws Exception {
    ReportInput first = ReportFixtures.input(false);
    ReportInput later = new ReportInput(first.assessment(), first.detections(), "other-version",
        first.rulesFingerprint(), Instant.now());

    assertThat(write(later)).isEqualTo(write(first));
  }

  @Test
  void write_hostileStrings_giveValidPatternsAndNoBadAddresses() throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(write(ReportFixtures.input(true)));

    assertValidBundle(bundle);
    for (JsonNode o : bundle.get("objects")) {
      if (o.has("pattern")) {
        String p = o.get("pattern").asText();
        // Between the quotes, every ' is escaped: the literal cannot end early.
        // Outside escapes, quotes only open and close literals: an even count, none doubled up.
        String unescaped = p.replace("\\\\", "").replace("\\'", "");
        assertThat(unescaped.chars().filter(c -> c == '\'').count() % 2).as(p).isZero();
        assertThat(unescaped).as(p).matches("(\\[[a-z0-9-]+:([a-z_.-]|'[A-Za-z-]+')+ (=|LIKE) '[^']*'\\]( OR )?)+");
      }
      if (o.get("type").asText().endsWith("-addr")) {
        assertThat(o.get("value").asText()).doesNotContain("not-an-ip");
      }
    }
  }

  @Test
  void uuid5_sameObservableValue_givesTheSameVersion5Id() {
    // STIX 2.1 §2.9: ipv4-addr id = UUIDv5(namespace, canonical {"value":...}); same input, same id.
    UUID id = StixBundleWriter.uuid5(StixBundleWriter.SCO_NAMESPACE, "{\"value\":\"198.51.100.3\"}");
    assertThat(id.version()).isEqualTo(5);
    assertThat(id).isEqualTo(StixBundleWriter.uuid5(StixBundleWriter.SCO_NAMESPACE,
        "{\"value\":\"198.51.100.3\"}"));
  }

  @Test
  void uuid5_rfc4122Example_matchesTheKnownValue() {
    // RFC 4122 DNS namespace, name "www.example.com": 2ed6657d-e927-568b-95e1-2665a8aea6a2.
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(StixBundleWriter.uuid5(dns, "www.example.com"))
        .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
  }

  @Test
  void write_noAttacker_givesOnlyTheIdentity() throws Exception {
    ReportInput input = new ReportInput(new Assessment(io.tidemark.assess.Verdict.CLEAN, "ok",
        List.of()), List.of(), "t", "f", Instant.EPOCH);
    JsonNode bundle = new ObjectMapper().readTree(write(input));

    assertValidBundle(bundle);
    assertThat(bundle.get("objects")).hasSize(1);
  }
}
