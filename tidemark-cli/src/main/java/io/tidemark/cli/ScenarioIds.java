package io.tidemark.cli;

import io.tidemark.lab.Scenario;
import java.util.ArrayList;

/**
 * The lab's scenario ids, from its registry, for {@code --scenario}'s help
 * ({@code ${COMPLETION-CANDIDATES}}): a scenario added to the lab is listed without touching the
 * CLI.
 */
final class ScenarioIds extends ArrayList<String> {
  private static final long serialVersionUID = 1L;

  ScenarioIds() {
    for (Scenario s : Scenario.values()) {
      add(s.id());
    }
  }
}
