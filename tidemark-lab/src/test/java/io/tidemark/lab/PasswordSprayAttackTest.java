package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSprayAttackTest {
  @TempDir static Path dir;
  static Evidence lab;
  static LabTruth truth;

  @BeforeAll
  static void generate() throws Exception {
    truth = Lab.generate(
        LabSpec.defaults(13, Scenario.PASSWORD_SPRAY).withUsers(40).withDays(1), dir);
    lab = new Evidence(dir);
  }

  @Test
  void plan_spray_manyDistinctUsersFailFromOneAddress() {
    List<JsonNode> failures = lab.events("Security.jsonl").stream()
        .filter(e -> Evidence.eventId(e) == 4625).toList();
    Map<String, Set<String>> usersByIp = failures.stream().collect(Collectors.groupingBy(
        e -> Evidence.data(e, "IpAddress"),
        Collectors.mapping(e -> Evidence.data(e, "TargetUserName"), Collectors.toSet())));
    String attacker = truth.attackerIps().get(0);
    assertThat(usersByIp.getOrDefault(attacker, Set.of())).hasSizeGreaterThanOrEqualTo(8);
    assertThat(failures).filteredOn(e -> truth.attackerIps().contains(Evidence.data(e,
        "IpAddress"))).allSatisfy(e -> {
          assertThat(e.path("EventData").path("LogonType").asInt()).isEqualTo(8);
          assertThat(Evidence.data(e, "Status")).isEqualTo("0xc000006d");
          assertThat(Evidence.data(e, "SubStatus")).isIn("0xc000006a", "0xc0000064");
          assertThat(Evidence.data(e, "ProcessName")).endsWith("\\w3wp.exe");
        });
    assertThat(lab.csv(Evidence.V15 + "Logging/HttpProxy/Owa")).anySatisfy(r -> {
      assertThat(r.get("UrlStem")).isEqualTo("/owa/auth.owa");
      assertThat(r.get("ClientIpAddress")).isEqualTo(attacker);
      assertThat(r.get("IsAuthenticated")).isEqualTo("false");
    });
  }

  @Test
  void plan_takeover_successfulLogonThenEwsDownload() {
    LabTruth.Account victim = truth.accountsCompromised().get(0);
    String sam = victim.account().substring("CORP\\".length());
    assertThat(lab.events("Security.jsonl")).anySatisfy(e -> {
      assertThat(Evidence.eventId(e)).isEqualTo(4624);
      assertThat(Evidence.data(e, "TargetUserName")).isEqualTo(sam);
      assertThat(truth.attackerIps()).contains(Evidence.data(e, "IpAddress"));
    });
    List<Map<String, String>> ews = lab.csv(Evidence.V15 + "Logging/Ews").stream()
        .filter(r -> truth.attackerIps().contains(r.get("ClientIpAddress"))).toList();
    assertThat(ews).extracting(r -> r.get("SoapAction"))
        .contains("FindFolder", "FindItem", "GetItem");
    assertThat(ews).allSatisfy(r -> assertThat(r.get("AuthenticatedUser")).isEqualTo(victim.upn()));
    assertThat(ews).anySatisfy(r -> assertThat(Integer.parseInt(r.get("ResponseSize")))
        .isGreaterThan(100_000));
    assertThat(truth.mailboxes()).isNotEmpty();
    assertThat(truth.mailboxes().get(0).mailbox()).isEqualTo(victim.upn());
  }

  @Test
  void plan_seeds_someForwardMailOutsideWithARuleAndTracking() throws Exception {
    boolean found = false;
    for (long seed = 1; seed <= 8 && !found; seed++) {
      Path out = dir.resolve("seed" + seed);
      LabTruth t = Lab.generate(
          LabSpec.defaults(seed, Scenario.PASSWORD_SPRAY).withUsers(20).withDays(1), out);
      if (t.mailboxes().stream().anyMatch(m -> m.scope().equals("sent_out"))) {
        Evidence e = new Evidence(out);
        assertThat(e.csv(Evidence.V15 + "Logging/ECP/Server")).anySatisfy(r -> assertThat(
            r.get("EventData")).contains("S:CMD=New-InboxRule.").contains(".ForwardTo='"));
        assertThat(e.csv(Evidence.V15 + "TransportRoles/Logs/MessageTracking")).anySatisfy(r -> {
          assertThat(r.get("source")).isEqualTo("MAILBOXRULE");
          assertThat(r.get("recipient-address")).endsWith(".example");
        });
        found = true;
      }
    }
    assertThat(found).as("a seed among 1..8 adds an inbox forwarding rule").isTrue();
  }
}
