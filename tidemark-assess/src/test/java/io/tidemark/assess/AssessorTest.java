package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.engine.LogCoverage;
import io.tidemark.engine.RuleInfo;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessorTest {
  private static final Instant T0 = Instant.parse("2021-03-03T01:12:09Z");
  private static final List<LogCoverage> WEB_LOGS =
      List.of(new LogCoverage("EXCH01", LogType.IIS_W3C, null, 1, 5000, 0, T0, T0.plusSeconds(86400)));

  private final Assessor assessor = Assessor.create();

  @Test
  void assess_successAtHigh_isCompromised() {
    Detection shell = iis(rule("r1", "Web shell answered a POST", "critical", "persistence", "success"), 1, "203.0.113.7");
    Detection probe = iis(rule("r2", "ProxyLogon SSRF attempt", "high", "initial-access", "attempt"), 0, "203.0.113.7");

    Assessment result = assessor.assess(List.of(shell, probe), WEB_LOGS);

    assertThat(result.verdict()).isEqualTo(Verdict.COMPROMISED);
    assertThat(result.reason()).startsWith("Proof of compromise: Web shell answered a POST");
    ServerAssessment server = result.servers().get(0);
    assertThat(server.since()).isEqualTo(T0);
    assertThat(server.attackerIps()).containsExactly("203.0.113.7");
    assertThat(server.story()).extracting(StoryLine::stage)
        .containsExactly(Stage.INITIAL_ACCESS, Stage.PERSISTENCE);
  }

  @Test
  void assess_onlyAttemptsAtHigh_isExploitationAttempted() {
    Detection probe = iis(rule("r2", "ProxyShell probe", "high", "initial-access", "attempt"), 0, "198.51.100.4");

    Assessment result = assessor.assess(List.of(probe), WEB_LOGS);

    assertThat(result.verdict()).isEqualTo(Verdict.EXPLOITATION_ATTEMPTED);
    assertThat(result.reason()).contains("from 198.51.100.4").contains("no evidence shows");
  }

  @Test
  void assess_successAtMediumOnly_isSuspicious() {
    Detection rule = iis(rule("r3", "Inbox rule forwards mail", "medium", "collection", "success"), 0, "10.0.0.5");

    assertThat(assessor.assess(List.of(rule), WEB_LOGS).verdict()).isEqualTo(Verdict.SUSPICIOUS);
  }

  @Test
  void assess_lowOnlyWithWebLogs_isClean() {
    Detection base = iis(rule("r4", "Failed OWA logon", "informational", "credential-access", "attempt"), 0, "10.0.0.5");

    Assessment result = assessor.assess(List.of(base), WEB_LOGS);

    assertThat(result.verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(result.reason()).contains("5000 records");
  }

  @Test
  void assess_noWebLogs_isInsufficientEvidence() {
    List<LogCoverage> eventsOnly =
        List.of(new LogCoverage("EXCH01", LogType.WINDOWS_EVENT, null, 1, 10, 0, T0, T0));

    Assessment result = assessor.assess(List.of(), eventsOnly);

    assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_EVIDENCE);
    assertThat(result.reason()).contains("windows-event");
  }

  @Test
  void assess_sigmaHqRuleWithoutTidemarkBlock_criticalCountsAsSuccess() {
    RuleInfo sigmaHq = new RuleInfo("s1", "Chopper command", "critical", "test", List.of("Florian Roth"),
        List.of("attack.persistence", "attack.t1505.003"), List.of(), "", Map.of(), null);

    Assessment result = assessor.assess(List.of(iis(sigmaHq, 0, "203.0.113.9")), WEB_LOGS);

    assertThat(result.verdict()).isEqualTo(Verdict.COMPROMISED);
    assertThat(result.findings().get(0).stage()).isEqualTo(Stage.PERSISTENCE);
  }

  @Test
  void assess_twoServers_runVerdictIsTheWorst() {
    Detection onB = new Detection(Detection.Kind.RULE, rule("r1", "Web shell", "critical", "persistence", "success"),
        T0, "b.log", 1, "EXCH02", LogType.IIS_W3C, Map.of("c-ip", "203.0.113.7"),
        List.of(new EvidenceRef("b.log", 1, T0)), Map.of());
    List<LogCoverage> coverage = List.of(WEB_LOGS.get(0),
        new LogCoverage("EXCH02", LogType.IIS_W3C, null, 1, 10, 0, T0, T0));

    Assessment result = assessor.assess(List.of(onB), coverage);

    assertThat(result.servers()).extracting(ServerAssessment::host).containsExactly("EXCH01", "EXCH02");
    assertThat(result.servers()).extracting(ServerAssessment::verdict)
        .containsExactly(Verdict.CLEAN, Verdict.COMPROMISED);
    assertThat(result.verdict()).isEqualTo(Verdict.COMPROMISED);
    assertThat(result.reason()).startsWith("EXCH02: ");
  }

  @Test
  void assess_unknownOutcome_throwsNamingTheValue() {
    Detection bad = iis(rule("r9", "x", "high", "initial-access", "maybe"), 0, "1.2.3.4");
    assertThatThrownBy(() -> assessor.assess(List.of(bad), WEB_LOGS))
        .hasMessageContaining("unknown tidemark.outcome 'maybe'");
  }

  @Test
  void assess_backEndRequestFromTheServerItself_isNotAnAttackerAddress() {
    Detection backEnd = new Detection(Detection.Kind.RULE,
        rule("r5", "Reset VirtualDirectory by the machine account", "critical", "persistence", "success"),
        T0, "W3SVC2/u_ex210303.log", 7, "EXCH01", LogType.IIS_W3C,
        Map.of("s-ip", "10.0.0.10", "c-ip", "10.0.0.10", "cs-username", "CORP\\EXCH01$"),
        List.of(new EvidenceRef("W3SVC2/u_ex210303.log", 7, T0)), Map.of());

    ServerAssessment server = assessor.assess(List.of(backEnd), WEB_LOGS).servers().get(0);

    assertThat(server.attackerIps()).isEmpty();
    assertThat(server.accounts()).containsExactly("CORP\\EXCH01$");
  }

  @Test
  void cves_cveTags_becomeCveIds() {
    assertThat(Assessor.cves(List.of("attack.t1190", "cve.2021-26855")))
        .containsExactly("CVE-2021-26855");
  }

  private static RuleInfo rule(String id, String title, String level, String stage, String outcome) {
    return new RuleInfo(id, title, level, "test", List.of("Tidemark contributors"),
        List.of("attack.initial-access"), List.of(), "description of " + id,
        Map.of("tidemark", Map.of("stage", stage, "outcome", outcome)), "rules/" + id + ".yml");
  }

  private static Detection iis(RuleInfo rule, long offsetSeconds, String ip) {
    Instant at = T0.plusSeconds(offsetSeconds);
    return new Detection(Detection.Kind.RULE, rule, at, "W3SVC1/u_ex210303.log", 10 + offsetSeconds, "EXCH01",
        LogType.IIS_W3C, Map.of("c-ip", ip, "cs-username", ""),
        List.of(new EvidenceRef("W3SVC1/u_ex210303.log", 10 + offsetSeconds, at)), Map.of());
  }
}
