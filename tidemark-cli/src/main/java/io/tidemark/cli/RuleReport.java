package io.tidemark.cli;

import io.tidemark.sigma.RuleProblem;
import java.util.List;

/** Prints which rules did not load, so no rule is ever dropped silently. */
final class RuleReport {
  private static final int MAX_LISTED = 10;

  private RuleReport() {}

  static void printProblems(Console console, List<RuleProblem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    console.err().println(problems.size() + " rule" + (problems.size() == 1 ? "" : "s")
        + " not loaded" + (problems.size() > MAX_LISTED ? " (first " + MAX_LISTED + " shown;"
        + " 'tidemark rules lint' lists all)" : "") + ":");
    for (RuleProblem p : problems.subList(0, Math.min(MAX_LISTED, problems.size()))) {
      console.err().println("  " + p.describe());
    }
  }
}
