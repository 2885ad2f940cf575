package io.tidemark.cli;

import io.tidemark.engine.HuntResult;
import io.tidemark.engine.RulePack;
import io.tidemark.event.LogType;
import io.tidemark.sigma.RuleProblem;
import java.util.List;
import java.util.stream.Collectors;

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

  /**
   * The run report: how many rules ran, how many were skipped, and which log types the rules
   * were written for but the evidence did not hold (those rules could not apply to anything).
   */
  static String summary(RulePack rules, HuntResult result) {
    String text = rules.size() + " rules ran (" + rules.description() + ")";
    if (!result.ruleProblems().isEmpty()) {
      text += ", " + result.ruleProblems().size() + " skipped";
    }
    if (!result.idleLogTypes().isEmpty()) {
      text += "; no evidence for rules on: " + result.idleLogTypes().stream()
          .sorted().map(LogType::id).collect(Collectors.joining(", "));
    }
    return text;
  }
}
