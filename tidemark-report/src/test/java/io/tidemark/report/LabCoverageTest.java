package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.assess.BlindSpot;
import io.tidemark.assess.Damage;
import io.tidemark.assess.SourceCoverage;
import io.tidemark.engine.HuntProgress;
import io.tidemark.engine.RulePack;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.LabTruth;
import io.tidemark.lab.Scenario;
import io.tidemark.sigma.compile.CompileOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's coverage gaps end to end: a benign organisation's logs have none, however quiet its
 * nights and weekends; an attacker's deleted day of IIS logs is a gap and a blind spot, in
 * assessment.json and report.html.
 */
class LabCoverageTest {
  private static final DateTimeFormatter YYMMDD =
      DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
  private static RulePack rules;

  @TempDir static Path work;

  @BeforeAll
  static void loadRules() {
    rules = RulePack.builtIn(CompileOptions.defaults());
  }

  private static ScanRunner.Outcome scan(Path evidence, Path out) throws Exception {
    return ScanRunner.run(new ScanRunner.Request(List.of(evidence), rules, out, 2,
        HuntProgress.none(), DiagnosticSink.ignoring(), List.of("test"), "test"));
  }

  @Test
  void scan_benignWeekWithFewUsers_reportsNoGaps() throws Exception {
    // The sparsest organisation the lab makes, over a weekend: EWS, message tracking and ECP
    // go quiet for most of a day, which their thresholds allow for.
    Path dir = work.resolve("benign");
    LabTruth truth = Lab.generate(
        LabSpec.defaults(3, Scenario.BENIGN).withUsers(10).withDays(7), dir);

    Damage damage = scan(dir.resolve(truth.host()), null).assessment().damage();

    assertThat(damage.coverage()).isNotEmpty();
    assertThat(damage.coverage()).as("benign coverage")
        .allSatisfy(c -> assertThat(c.gaps()).as(c.source()).isEmpty());
    assertThat(damage.blindSpots()).extracting(BlindSpot::id)
        .doesNotContain("log-gap-during-attack", "gaps-not-all-listed");
  }

  @Test
  void scan_attackDaysIisFileDeleted_reportsTheGapAndABlindSpot() throws Exception {
    // A seed whose attack starts on the middle day of three, so that day's file has both
    // neighbours and deleting it leaves a hole rather than a later start.
    Path dir = null;
    LabTruth truth = null;
    for (long seed = 1; seed <= 20 && truth == null; seed++) {
      Path candidate = work.resolve("proxylogon-" + seed);
      LabTruth t = Lab.generate(
          LabSpec.defaults(seed, Scenario.PROXYLOGON).withUsers(25).withDays(3), candidate);
      if (t.firstAttackerActivity().truncatedTo(ChronoUnit.DAYS)
          .equals(t.start().plus(Duration.ofDays(1)))) {
        dir = candidate;
        truth = t;
      }
    }
    assertThat(truth).as("a seed attacking on the middle day").isNotNull();
    Instant day = truth.firstAttackerActivity().truncatedTo(ChronoUnit.DAYS);
    Path deleted = dir.resolve(truth.host()).resolve("inetpub/logs/LogFiles/W3SVC1/u_ex"
        + YYMMDD.format(day) + ".log");
    Files.delete(deleted);

    Path out = work.resolve("out");
    Damage damage = scan(dir.resolve(truth.host()), out).assessment().damage();

    SourceCoverage front = damage.coverage().stream()
        .filter(c -> c.source().equals("iis-w3c/front-end")).findFirst().orElseThrow();
    assertThat(front.gaps()).singleElement().satisfies(g -> {
      assertThat(g.from()).isBefore(day).isAfter(day.minus(Duration.ofMinutes(30)));
      assertThat(g.to()).isAfter(day.plus(Duration.ofDays(1)))
          .isBefore(day.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)));
    });
    assertThat(damage.coverage()).filteredOn(c -> c != front)
        .allSatisfy(c -> assertThat(c.gaps()).as(c.source()).isEmpty());
    assertThat(damage.blindSpots()).filteredOn(b -> b.id().equals("log-gap-during-attack"))
        .singleElement().satisfies(b -> assertThat(b.description())
            .startsWith("iis-w3c/front-end has no records from " + front.gaps().get(0).from()));

    String json = Files.readString(out.resolve("assessment.json"), StandardCharsets.UTF_8);
    assertThat(json).contains("\"from\" : \"" + front.gaps().get(0).from() + "\"",
        "\"to\" : \"" + front.gaps().get(0).to() + "\"", "log-gap-during-attack");
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<rect class=\"gap\"").contains("log-gap-during-attack");
  }
}
