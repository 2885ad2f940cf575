package io.tidemark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.LabTruth;
import io.tidemark.lab.Scenario;
import io.tidemark.sigma.compile.CompileOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exchange-online lab's audit log through the real reader and the whole pack: the attacker's
 * records fire the UAL rules, and the organisation's own activity (sign-ins, typos, Sync and Bind
 * from owners' addresses, folder rules, quota changes) fires nothing at medium or above.
 */
class UalLabHuntTest {
  private static final Set<String> LEVELS_TO_EXPLAIN = Set.of("medium", "high", "critical");
  private static RulePack pack;

  @TempDir static Path work;

  @BeforeAll
  static void loadPack() {
    pack = RulePack.builtIn(CompileOptions.defaults());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void hunt_exchangeOnlineLab_onlyTheAttackerFires(long seed) throws Exception {
    Path dir = work.resolve("seed" + seed);
    LabTruth truth = Lab.generate(LabSpec.defaults(seed, Scenario.EXCHANGE_ONLINE), dir);
    List<Detection> detections = new ArrayList<>();

    Hunter.builder().rules(pack).threads(2).build()
        .hunt(List.of(dir.resolve(truth.host()).resolve("M365")), detections::add);

    assertThat(detections).extracting(d -> d.rule().title()).contains(
        "Microsoft 365 Password Spray Followed by a Successful Logon From the Same Address",
        "Mailbox Audit Throttled by Mass Mail Access, Unified Audit Log",
        "Inbox Rule Forwarding Mail to an SMTP Address, Unified Audit Log",
        "Full Access to a Mailbox Granted, Unified Audit Log");
    assertThat(detections).filteredOn(d -> LEVELS_TO_EXPLAIN.contains(d.rule().level()))
        .allSatisfy(d -> assertThat(truth.attackerIps()).as(d.rule().title())
            .contains(d.isCorrelation() ? d.group().get("IpAddress")
                : d.field("Tidemark_ClientIP")));
  }
}
