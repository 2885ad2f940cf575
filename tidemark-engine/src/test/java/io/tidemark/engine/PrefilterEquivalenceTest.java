package io.tidemark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.LogType;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw-line prefilter only makes hunting faster: over lab evidence of every scenario, the whole
 * built-in pack gives exactly the same detections (correlations included), coverage, record
 * counts and diagnostics with the prefilter as without it.
 */
class PrefilterEquivalenceTest {
  private static RulePack rules;

  @TempDir static Path work;

  @BeforeAll
  static void loadRules() {
    rules = RulePack.builtIn(CompileOptions.defaults());
  }

  @Test
  void prefilter_builtInPack_coversEveryTextLogTypeTheRulesUse() {
    // A type without a prefilter would be correct but slow: every rule for it must need a literal.
    for (LogType type : rules.rules().logTypes()) {
      if (type != LogType.WINDOWS_EVENT) {
        assertThat(rules.prefilter(type)).as("prefilter for %s", type).isNotNull();
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> hunt_withAndWithoutPrefilter_findsExactlyTheSame() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario scenario : Scenario.values()) {
      for (long seed = 1; seed <= 2; seed++) {
        long s = seed;
        tests.add(DynamicTest.dynamicTest(
            scenario.id() + " seed " + seed, () -> compare(scenario, s)));
      }
    }
    return tests.stream();
  }

  private static void compare(Scenario scenario, long seed) throws Exception {
    Path dir = work.resolve(scenario.id() + "-" + seed);
    LabTruth truth = Lab.generate(LabSpec.defaults(seed, scenario), dir);
    List<Path> evidence = List.of(dir.resolve(truth.host()));

    Run plain = hunt(evidence, false);
    Run filtered = hunt(evidence, true);

    if (scenario != Scenario.BENIGN) {
      assertThat(plain.detections).as("detections without the prefilter").isNotEmpty();
    }
    assertThat(filtered.detections).isEqualTo(plain.detections);
    assertThat(filtered.result.coverage()).isEqualTo(plain.result.coverage());
    assertThat(filtered.result.files()).isEqualTo(plain.result.files());
    assertThat(filtered.result.events()).isEqualTo(plain.result.events());
    assertThat(filtered.diagnostics).containsExactlyInAnyOrderElementsOf(plain.diagnostics);
  }

  private static Run hunt(List<Path> evidence, boolean prefilter) {
    DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();
    List<Detection> detections = new ArrayList<>();
    HuntResult result = Hunter.builder().rules(rules).threads(2).prefilter(prefilter)
        .diagnostics(diagnostics).build().hunt(evidence, detections::add);
    return new Run(detections, result, diagnostics.diagnostics());
  }

  private record Run(List<Detection> detections, HuntResult result, List<Diagnostic> diagnostics) {}
}
