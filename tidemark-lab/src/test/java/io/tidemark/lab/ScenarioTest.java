package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioTest {
  @Test
  void fromId_everyId_roundTrips() {
    for (Scenario scenario : Scenario.values()) {
      assertThat(Scenario.fromId(scenario.id())).isSameAs(scenario);
    }
    assertThat(Scenario.fromId(" Password-Spray ")).isSameAs(Scenario.PASSWORD_SPRAY);
  }

  @Test
  void fromId_unknown_listsTheAllowedIds() {
    assertThatThrownBy(() -> Scenario.fromId("proxynotshell"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'proxynotshell'")
        .hasMessageContaining("proxylogon, proxyshell, password-spray, failed-exploit, benign");
  }

  @Test
  void expectedVerdict_perScenario_matchesTheTruthVocabulary() {
    assertThat(Scenario.PROXYLOGON.expectedVerdict()).isEqualTo("compromised");
    assertThat(Scenario.PASSWORD_SPRAY.expectedVerdict()).isEqualTo("compromised");
    assertThat(Scenario.FAILED_EXPLOIT.expectedVerdict()).isEqualTo("exploitation_attempted");
    assertThat(Scenario.BENIGN.expectedVerdict()).isEqualTo("clean");
    assertThat(Scenario.EXCHANGE_ONLINE.expectedVerdict()).isEqualTo("compromised");
  }
}
