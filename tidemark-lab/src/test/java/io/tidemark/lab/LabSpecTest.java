package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LabSpecTest {
  @Test
  void defaults_scenario_fiftyUsersTwoDaysAndTheScenarioEra() {
    LabSpec spec = LabSpec.defaults(9, Scenario.PROXYSHELL);
    assertThat(spec.users()).isEqualTo(50);
    assertThat(spec.days()).isEqualTo(2);
    assertThat(spec.host()).isEqualTo("EXCH01");
    assertThat(spec.start()).isEqualTo(LocalDate.of(2021, 8, 12));
    assertThat(spec.targetBytes()).isZero();
  }

  @Test
  void withers_changeOneComponent_keepTheRest() {
    LabSpec spec = LabSpec.defaults(9, Scenario.BENIGN).withUsers(12).withDays(3)
        .withHost("MBX02").withTargetBytes(5_000_000).withScenario(Scenario.PROXYLOGON)
        .withStart(LocalDate.of(2022, 1, 3));
    assertThat(spec).isEqualTo(new LabSpec(9, 12, 3, Scenario.PROXYLOGON, "MBX02",
        LocalDate.of(2022, 1, 3), 5_000_000));
  }

  @Test
  void constructor_invalidValues_rejectedWithTheValue() {
    LabSpec spec = LabSpec.defaults(1, Scenario.BENIGN);
    assertThatThrownBy(() -> spec.withUsers(5)).hasMessageContaining("5");
    assertThatThrownBy(() -> spec.withDays(0)).hasMessageContaining("days");
    assertThatThrownBy(() -> spec.withHost("EXCH 01")).hasMessageContaining("'EXCH 01'");
    assertThatThrownBy(() -> spec.withHost("1EXCH")).hasMessageContaining("host");
    assertThatThrownBy(() -> spec.withTargetBytes(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> spec.withStart(LocalDate.of(1999, 1, 1)))
        .hasMessageContaining("1999");
  }
}
