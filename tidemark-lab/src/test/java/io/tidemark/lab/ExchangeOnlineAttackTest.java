package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeOnlineAttackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static LabTruth truth;
  /** Every AuditData record of both exports, in file order (JSON first). */
  static List<JsonNode> records;
  static Path jsonFile;
  static Path csvFile;

  @BeforeAll
  static void generate() throws Exception {
    truth = Lab.generate(LabSpec.defaults(7, Scenario.EXCHANGE_ONLINE), dir.resolve("lab"));
    List<Path> files = new Evidence(dir.resolve("lab")).files("EXCH01/M365");
    jsonFile = files.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    csvFile = files.stream().filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    records = new ArrayList<>();
    for (JsonNode envelope : JSON.readTree(jsonFile.toFile())) {
      records.add(JSON.readTree(envelope.path("AuditData").asText()));
    }
    List<String> lines = Files.readAllLines(csvFile);
    assertThat(lines.get(0)).isEqualTo(UalExport.PURVIEW_HEADER);
    for (String line : lines.subList(1, lines.size())) {
      records.add(JSON.readTree(Evidence.splitCsv(line).get(5)));
    }
  }

  @Test
  void generate_exports_areAPowerShellJsonAndAPurviewCsvOfOneWindow() throws IOException {
    JsonNode first = JSON.readTree(jsonFile.toFile()).get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("RecordType", "CreationDate",
        "UserIds", "Operations", "AuditData", "ResultIndex", "ResultCount", "Identity", "IsValid",
        "ObjectState");
    assertThat(records).allSatisfy(r -> {
      Instant time = Instant.parse(r.path("CreationTime").asText() + "Z");
      assertThat(time).isBetween(truth.start(), truth.end());
    });
  }

  @Test
  void generate_spray_tenAccountsFailFromOneAddressWithinHalfAnHour() {
    String ip = truth.attackerIps().get(0);
    List<JsonNode> failures = records.stream()
        .filter(r -> r.path("Operation").asText().equals("UserLoginFailed"))
        .filter(r -> r.path("ClientIP").asText().startsWith(ip)).toList();
    Set<String> users = new HashSet<>();
    Instant start = Instant.parse(failures.get(0).path("CreationTime").asText() + "Z");
    for (JsonNode f : failures) {
      if (Instant.parse(f.path("CreationTime").asText() + "Z").isBefore(start.plusSeconds(1800))) {
        users.add(f.path("UserId").asText());
      }
    }
    assertThat(users).hasSizeGreaterThanOrEqualTo(10);
    assertThat(records).anySatisfy(r -> {
      assertThat(r.path("Operation").asText()).isEqualTo("UserLoggedIn");
      assertThat(r.path("UserId").asText()).isEqualTo(truth.accountsCompromised().get(0).upn());
      assertThat(r.path("ClientIP").asText()).isEqualTo(ip);
    });
  }

  @Test
  void generate_attackerSession_bindsSyncsAndIsThrottled() {
    String victim = truth.accountsCompromised().get(0).upn();
    List<JsonNode> attacker = records.stream()
        .filter(r -> r.path("Operation").asText().equals("MailItemsAccessed"))
        .filter(r -> truth.attackerIps().contains(r.path("ClientIPAddress").asText())).toList();
    assertThat(attacker).extracting(r -> r.path("SessionId").asText()).containsOnly(
        attacker.get(0).path("SessionId").asText());
    assertThat(attacker).extracting(ExchangeOnlineAttackTest::accessType)
        .contains("Bind", "Sync");
    assertThat(attacker).filteredOn(r -> isThrottled(r)).singleElement()
        .satisfies(r -> assertThat(r.path("MailboxOwnerUPN").asText()).isEqualTo(victim));
    assertThat(attacker.size()).isGreaterThan(ExchangeOnlineAttack.THROTTLE_RECORDS);
    assertThat(records).filteredOn(r -> !truth.attackerIps().contains(
        r.path("ClientIPAddress").asText())).noneMatch(ExchangeOnlineAttackTest::isThrottled);
  }

  @Test
  void generate_persistence_forwardingRuleAndFullAccessFromTheAttacker() {
    JsonNode rule = records.stream()
        .filter(r -> r.path("Operation").asText().equals("New-InboxRule"))
        .filter(r -> parameters(r).containsKey("ForwardTo")).findFirst().orElseThrow();
    assertThat(truth.attackerIps()).contains(rule.path("ClientIP").asText().split(":")[0]);
    JsonNode grant = records.stream()
        .filter(r -> r.path("Operation").asText().equals("Add-MailboxPermission")).findFirst()
        .orElseThrow();
    assertThat(parameters(grant)).containsEntry("AccessRights", "FullAccess")
        .containsEntry("User", truth.accountsCompromised().get(0).upn());
    assertThat(grant.path("UserId").asText()).isEqualTo(truth.accountsCompromised().get(1).upn());
  }

  @Test
  void generate_someSeeds_forwardTheExecutivesMailboxWithSetMailbox() throws Exception {
    boolean found = false;
    for (long seed = 1; seed <= 8 && !found; seed++) {
      LabTruth t = Lab.generate(LabSpec.defaults(seed, Scenario.EXCHANGE_ONLINE).withUsers(20)
          .withDays(1), dir.resolve("forward" + seed));
      found = t.steps().stream().anyMatch(s -> s.step().equals("mailbox-forwarding"));
      if (found) {
        assertThat(t.mailboxes()).filteredOn(m -> m.scope().equals("sent_out")).hasSize(2);
      }
    }
    assertThat(found).as("a seed among 1..8 sets mailbox forwarding").isTrue();
  }

  @Test
  void generate_truth_namesEveryScopeAndTheExportFiles() {
    assertThat(truth.expectedVerdict()).isEqualTo("compromised");
    assertThat(truth.accountsCompromised()).hasSize(2);
    assertThat(truth.mailboxes()).extracting(LabTruth.MailboxAccess::scope)
        .contains("item", "folder", "mailbox", "sent_out");
    assertThat(truth.steps()).extracting(LabTruth.Step::step).containsSubsequence(
        "password-spray", "account-takeover", "mailbox-sync", "mail-read", "inbox-rule",
        "mailbox-permission", "delegate-read", "mailbox-throttled");
    assertThat(truth.steps()).allSatisfy(s -> assertThat(s.files()).isNotEmpty()
        .allSatisfy(f -> assertThat(f).startsWith("EXCH01/M365/")));
    assertThat(truth.firstAttackerActivity()).isEqualTo(truth.steps().get(0).time());
  }

  @Test
  void generate_background_onlyOwnersAddressesAndNoForwarding() {
    List<JsonNode> background = records.stream().filter(r -> !truth.attackerIps().contains(
        address(r))).toList();
    assertThat(background).hasSizeGreaterThan(200);
    assertThat(background).noneMatch(r -> parameters(r).containsKey("ForwardTo"));
    assertThat(background).noneMatch(r -> r.path("Operation").asText()
        .equals("Add-MailboxPermission"));
    Map<String, Long> byOperation = background.stream().collect(Collectors.groupingBy(
        r -> r.path("Operation").asText(), TreeMap::new, Collectors.counting()));
    assertThat(byOperation).containsKeys("UserLoggedIn", "MailItemsAccessed");
  }

  @Test
  void generate_sameSeed_sameBytes() throws Exception {
    Path again = dir.resolve("again");
    Lab.generate(LabSpec.defaults(7, Scenario.EXCHANGE_ONLINE), again);
    assertThat(again.resolve(dir.resolve("lab").relativize(jsonFile))).hasSameBinaryContentAs(
        jsonFile);
    assertThat(again.resolve(dir.resolve("lab").relativize(csvFile))).hasSameBinaryContentAs(
        csvFile);
  }

  private static String accessType(JsonNode r) {
    return parameters(r.path("OperationProperties")).getOrDefault("MailAccessType", "");
  }

  private static boolean isThrottled(JsonNode r) {
    return "True".equals(parameters(r.path("OperationProperties")).get("IsThrottled"));
  }

  private static String address(JsonNode r) {
    String ip = r.has("ClientIPAddress") ? r.path("ClientIPAddress").asText()
        : r.path("ClientIP").asText();
    return ip.indexOf(':') == ip.lastIndexOf(':') && ip.indexOf(':') > 0
        ? ip.substring(0, ip.indexOf(':')) : ip;
  }

  private static Map<String, String> parameters(JsonNode r) {
    JsonNode list = r.isArray() ? r : r.path("Parameters");
    Map<String, String> out = new TreeMap<>();
    for (JsonNode p : list) {
      out.put(p.path("Name").asText(), p.path("Value").asText());
    }
    return out;
  }
}
