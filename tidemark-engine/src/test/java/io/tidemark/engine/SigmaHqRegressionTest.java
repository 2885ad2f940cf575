package io.tidemark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.Scenario;
import io.tidemark.sigma.compile.CompileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SigmaHQ's regression suite end to end, the way a user runs it: the whole SigmaHQ rule set
 * loaded, every case's binary {@code .evtx} file and its JSON rendering read by the real
 * intake (EVTX decoder and JSON reader), and each case's rule must fire on each at least
 * {@code match_count} times (once where no count is given). And the other side: the same rule set
 * raises nothing at level high or critical on benign lab evidence.
 */
class SigmaHqRegressionTest {
  private static final Path DATASETS =
      Path.of(System.getProperty("tidemark.datasets", "../shared/datasets"));
  private static final List<String> RULE_FOLDERS = List.of("rules", "rules-emerging-threats",
      "rules-threat-hunting", "rules-placeholder", "rules-compliance");

  private static Path data;
  private static List<String[]> cases;
  /** Detections by "source path|rule id", from one hunt over all of the regression data. */
  private static Map<String, Integer> fired;
  private static RulePack pack;
  private static HuntResult result;
  private static List<Diagnostic> errors;

  @BeforeAll
  static void huntTheWholeSuite() throws IOException {
    data = DATASETS.resolve("sigma-regression-data");
    Path rulesRoot = DATASETS.resolve("sigma-rules");
    Assumptions.assumeTrue(Files.isRegularFile(data.resolve("manifest.tsv"))
            && Files.isDirectory(rulesRoot.resolve("rules")),
        "SigmaHQ rules or regression data not present under " + DATASETS
            + "; skipping the regression suite");
    List<String> rows = Files.readAllLines(data.resolve("manifest.tsv"));
    cases = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      cases.add(row.split("\t", -1));
    }
    pack = RulePack.fromPaths(
        RULE_FOLDERS.stream().map(rulesRoot::resolve).toList(), CompileOptions.defaults());
    fired = new HashMap<>();
    errors = new ArrayList<>();
    result = Hunter.builder().rules(pack).threads(2)
        .diagnostics(d -> {
          if (d.severity() == Diagnostic.Severity.ERROR) {
            synchronized (errors) {
              errors.add(d);
            }
          }
        })
        .build()
        .hunt(List.of(data.resolve("regression_data")),
            d -> fired.merge(d.source() + "|" + d.rule().id(), 1, Integer::sum));
  }

  @Test
  void hunt_everyCaseAsEvtx_firesItsRule() {
    assertThat(failures(".evtx")).as("cases whose rule did not fire on the EVTX file").isEmpty();
  }

  @Test
  void hunt_everyCaseAsJson_firesItsRule() {
    assertThat(failures(".json")).as("cases whose rule did not fire on the JSON rendering")
        .isEmpty();
  }

  @Test
  void hunt_regressionData_decodesEveryFileWithoutErrors() {
    assertThat(cases).hasSize(202);
    assertThat(errors).as("read errors").isEmpty();
    assertThat(result.skippedRecords()).as("records skipped").isZero();
  }

  @Test
  void hunt_benignLabEvidence_raisesNothingHighOrCritical(@TempDir Path lab) throws IOException {
    List<String> loud = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      Path dir = lab.resolve("seed-" + seed);
      Lab.generate(LabSpec.defaults(seed, Scenario.BENIGN), dir);
      Hunter.builder().rules(pack).threads(2).build().hunt(List.of(dir), d -> {
        if (d.rule().level().equals("high") || d.rule().level().equals("critical")) {
          loud.add(d.rule().level() + " " + d.rule().title() + " at " + d.source() + ":"
              + d.recordId());
        }
      });
    }
    assertThat(loud).as("high or critical SigmaHQ detections on benign lab evidence").isEmpty();
  }

  private static List<String> failures(String extension) {
    List<String> failures = new ArrayList<>();
    for (String[] col : cases) {
      String ruleId = col[0];
      // manifest paths start with regression_data/, hunt sources are below that folder
      String file = col[9].substring("regression_data/".length()).replaceAll("\\.evtx$", extension);
      int minimum = col[10].isEmpty() ? 1 : Integer.parseInt(col[10]);
      int count = fired.getOrDefault(file + "|" + ruleId, 0);
      if (count < minimum) {
        failures.add(ruleId + " " + file + ": fired " + count + ", expected at least " + minimum);
      }
    }
    return failures;
  }
}
