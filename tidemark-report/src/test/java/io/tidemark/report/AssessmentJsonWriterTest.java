package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class AssessmentJsonWriterTest {
  @Test
  void write_accountsWithAnomalies_addKeysAndStayAtSchema2() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AssessmentJsonWriter.write(ReportFixtures.input(false).assessment(), out);

    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.get("schema_version").asInt()).isEqualTo(2);
    JsonNode accounts = json.get("accounts");
    assertThat(accounts.get(1).get("anomalies")).isEmpty();
    JsonNode travel = accounts.get(2).get("anomalies").get(0);
    assertThat(accounts.get(2).get("status").asText()).isEqualTo("unaffected");
    assertThat(travel.get("kind").asText()).isEqualTo("impossible_travel");
    assertThat(travel.get("value").asText()).isEqualTo("81.2.69.160 -> 216.160.83.56");
    assertThat(travel.get("address").asText()).isEqualTo("216.160.83.56");
    assertThat(travel.get("detail").asText()).startsWith("London, GB to Milton, US");
    assertThat(travel.get("first_seen").asText()).isEqualTo("2021-03-03T12:12:09Z");
    assertThat(travel.get("evidence").get(0).get("source").asText()).isNotEmpty();
  }
}
