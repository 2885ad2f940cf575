package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command's help teaches with an example; the text is pinned by golden files. */
class HelpTest {
  @ParameterizedTest
  @CsvSource({
    "help-tidemark.txt, --help",
    "help-demo.txt, demo --help",
    "help-scan.txt, scan --help",
    "help-hunt.txt, hunt --help",
    "help-dump.txt, dump --help",
    "help-lab-generate.txt, lab generate --help",
    "help-rules-lint.txt, rules lint --help"
  })
  void help_command_matchesGoldenAndHasAnExample(String golden, String args) throws Exception {
    CliRun run = CliRun.run(args.split(" "));

    assertThat(run.code()).isZero();
    assertThat(run.out()).containsIgnoringCase("example");
    CliRun.assertGolden(golden, run.out());
  }

  @ParameterizedTest
  @CsvSource({"lab generate --help", "demo --help"})
  void help_scenarioOption_listsEveryScenarioOfTheLab(String args) {
    // The list comes from the lab's registry; exchange-online was once missing from a hand-kept one.
    String help = CliRun.run(args.split(" ")).out().replaceAll("\\s+", " ");

    for (io.tidemark.lab.Scenario scenario : io.tidemark.lab.Scenario.values()) {
      assertThat(help).contains(scenario.id());
    }
  }

  @org.junit.jupiter.api.Test
  void main_noCommand_isUsageError() {
    CliRun run = CliRun.run();

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("missing command");
  }
}
