package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.assess.AccountAssessment;
import io.tidemark.assess.AccountStatus;
import io.tidemark.assess.Damage;
import io.tidemark.assess.Exposure;
import io.tidemark.assess.ExposureScope;
import io.tidemark.engine.HuntProgress;
import io.tidemark.engine.RulePack;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.LabTruth;
import io.tidemark.lab.Scenario;
import io.tidemark.sigma.compile.CompileOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance test for the damage assessment: every lab scenario, seeds 1 to 20 (the
 * system property {@code tidemark.labSeeds} lowers that for a quick run), through the whole
 * {@code scan} pipeline. Every account the truth says the attacker used is reported compromised
 * and no other is; every mailbox the attacker reached is in the ledger at its scope or a wider
 * one (sent_out exactly); organisations the attacker never reached have an empty ledger.
 */
class LabDamageTest {
  private static final int SEEDS = Integer.getInteger("tidemark.labSeeds", 20);
  /** Smaller than the default organisation: every scenario still plays out, in less time. */
  private static final int USERS = 25;
  private static RulePack rules;

  @TempDir static Path work;

  @BeforeAll
  static void loadRules() {
    rules = RulePack.builtIn(CompileOptions.defaults());
  }

  @TestFactory
  Stream<DynamicTest> scan_labScenario_reportsTheTruthsAccountsAndMailboxes() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario scenario : Scenario.values()) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        long s = seed;
        tests.add(DynamicTest.dynamicTest(scenario.id() + " seed " + seed,
            () -> check(scenario, s)));
      }
    }
    return tests.stream();
  }

  private static void check(Scenario scenario, long seed) throws Exception {
    Path dir = work.resolve(scenario.id() + "-" + seed);
    LabTruth truth = Lab.generate(LabSpec.defaults(seed, scenario).withUsers(USERS), dir);
    ScanRunner.Outcome outcome = ScanRunner.run(new ScanRunner.Request(
        List.of(dir.resolve(truth.host())), rules, null, 2, HuntProgress.none(),
        DiagnosticSink.ignoring(), List.of("test"), "test"));
    Damage damage = outcome.assessment().damage();
    String context = scenario.id() + " seed " + seed + "\naccounts: " + damage.accounts().stream()
        .filter(a -> a.status() != AccountStatus.UNAFFECTED)
        .map(a -> a.account() + "=" + a.status() + " (" + a.reason() + ")").toList()
        + "\nexposure: " + damage.exposure().stream()
        .map(e -> e.mailbox() + "@" + e.scope() + " " + e.operations()).toList()
        + "\nattackers: " + damage.attackers().stream().map(g -> g.id() + " " + g.ips()).toList()
        + "\ntruth: " + truth.accountsCompromised() + " " + truth.mailboxes();

    Set<String> compromised = damage.accounts().stream()
        .filter(a -> a.status() == AccountStatus.COMPROMISED)
        .map(AccountAssessment::account).map(LabDamageTest::person).collect(Collectors.toSet());
    Set<String> expected = truth.accountsCompromised().stream()
        .map(a -> person(a.account())).collect(Collectors.toSet());
    assertThat(compromised).as("compromised accounts; %s", context)
        .containsExactlyInAnyOrderElementsOf(expected);

    for (LabTruth.MailboxAccess access : truth.mailboxes()) {
      assertThat(damage.exposure()).as("ledger entry for %s at %s; %s", access.mailbox(),
          access.scope(), context).anyMatch(e -> covers(e, access));
    }
    // Outlook Anywhere names no operation the EWS or OWA logs would show: its whole-mailbox
    // entry must come from the RpcHttp log itself.
    if (truth.steps().stream().anyMatch(step -> step.step().equals("outlook-anywhere"))) {
      assertThat(damage.exposure()).as("Outlook Anywhere in the ledger; %s", context)
          .anyMatch(e -> e.scope() == ExposureScope.MAILBOX
              && e.operations().contains("RpcHttp EMSMDB"));
    }
    if (truth.mailboxes().isEmpty()) {
      assertThat(damage.exposure()).as("ledger of an organisation the attacker never reached; %s",
          context).isEmpty();
    }
    assertThat(damage.blindSpots()).as("blind spots")
        .anyMatch(b -> b.id().equals("mailbox-audit-owner-off"));
    // The lab deletes no log, and its quiet nights stay under the gap thresholds.
    assertThat(damage.coverage()).as("coverage gaps; %s", context)
        .allSatisfy(c -> assertThat(c.gaps()).as(c.source()).isEmpty());
  }

  private static boolean covers(Exposure e, LabTruth.MailboxAccess access) {
    if (!person(e.mailbox()).equals(person(access.mailbox()))) {
      return false;
    }
    ExposureScope wanted = ExposureScope.valueOf(access.scope().toUpperCase(Locale.ROOT));
    if (wanted == ExposureScope.SENT_OUT || e.scope() == ExposureScope.SENT_OUT) {
      return e.scope() == wanted;
    }
    return e.scope().ordinal() >= wanted.ordinal();
  }

  /** {@code CORP\jdoe}, {@code jdoe@corp.local} and {@code corp.local/Users/jdoe} are one person. */
  private static String person(String account) {
    String v = account.toLowerCase(Locale.ROOT);
    v = v.substring(Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\')) + 1);
    int at = v.indexOf('@');
    return at < 0 ? v : v.substring(0, at);
  }
}
