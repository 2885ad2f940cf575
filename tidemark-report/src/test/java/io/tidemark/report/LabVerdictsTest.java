package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.assess.Assessment;
import io.tidemark.assess.Finding;
import io.tidemark.assess.Level;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation issue's acceptance test: every lab scenario, seeds 1 to 20, gets the verdict its
 * ground truth expects, and benign organisations come out clean without a single detection at
 * high or critical.
 */
class LabVerdictsTest {
  private static final int SEEDS = 20;
  private static RulePack rules;

  @TempDir static Path work;

  @BeforeAll
  static void loadRules() {
    rules = RulePack.builtIn(CompileOptions.defaults());
  }

  @TestFactory
  Stream<DynamicTest> scan_labScenario_getsTheExpectedVerdict() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario scenario : Scenario.values()) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        long s = seed;
        tests.add(DynamicTest.dynamicTest(scenario.id() + " seed " + seed, () -> check(scenario, s)));
      }
    }
    return tests.stream();
  }

  private static void check(Scenario scenario, long seed) throws Exception {
    Path dir = work.resolve(scenario.id() + "-" + seed);
    LabTruth truth = Lab.generate(LabSpec.defaults(seed, scenario), dir);

    ScanRunner.Outcome outcome = ScanRunner.run(new ScanRunner.Request(List.of(dir.resolve(truth.host())),
        rules, null, 2, HuntProgress.none(), DiagnosticSink.ignoring(), List.of("test"), "test"));
    Assessment assessment = outcome.assessment();

    assertThat(assessment.verdict().id())
        .as("verdict for %s seed %d; reason: %s; findings: %s", scenario.id(), seed,
            assessment.reason(), titles(assessment))
        .isEqualTo(truth.expectedVerdict());
    if (scenario == Scenario.BENIGN) {
      assertThat(assessment.findings())
          .as("benign findings at high or critical")
          .noneMatch(f -> f.level().atLeast(Level.HIGH));
    }
    if (!truth.attackerIps().isEmpty() && !truth.expectedVerdict().equals("clean")) {
      assertThat(assessment.servers().get(0).attackerIps())
          .as("attacker addresses found")
          .containsAnyElementsOf(truth.attackerIps());
    }
  }

  private static List<String> titles(Assessment assessment) {
    return assessment.findings().stream().map(f -> f.level().id() + ":" + f.title()).toList();
  }
}
