package io.tidemark.sigma;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Why a rule (or part of a rule file) was not loaded or not compiled. Loading and compiling
 * collect every problem instead of stopping at the first, so a user can fix a rule pack in one go.
 *
 * @param location where the problem is
 * @param ruleId the rule's {@code id}, when the document got far enough to have one
 * @param title the rule's {@code title}, likewise
 * @param reason what is wrong, naming the offending value and what would be accepted
 */
public record RuleProblem(
    RuleLocation location, @Nullable String ruleId, @Nullable String title, String reason) {

  public RuleProblem {
    requireNonNull(location, "location");
    requireNonNull(reason, "reason");
  }

  /** "path:line:column: reason [title]", the form printed to users. */
  public String describe() {
    String rule = title == null ? "" : " [rule '" + title + "']";
    return location + ": " + reason + rule;
  }

  @Override
  public String toString() {
    return describe();
  }
}
