package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

import io.tidemark.sigma.RuleLocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The descriptive fields every Sigma document may carry, plus custom top-level keys kept as data
 * (Tidemark's {@code tidemark:} block, SigmaHQ's {@code regression_tests_path}). In custom data,
 * maps are ordered, numbers are {@code Long} or {@code Double}, and YAML nulls are left out.
 *
 * @param location where the document starts
 */
public record RuleMetadata(
    String title,
    @Nullable String id,
    @Nullable String name,
    List<Related> related,
    @Nullable Status status,
    @Nullable String description,
    List<String> references,
    @Nullable String author,
    @Nullable LocalDate date,
    @Nullable LocalDate modified,
    List<String> tags,
    List<String> fields,
    List<String> falsePositives,
    @Nullable Level level,
    @Nullable String license,
    List<String> scope,
    String taxonomy,
    Map<String, Object> custom,
    RuleLocation location) {

  public RuleMetadata {
    requireNonNull(title, "title");
    related = List.copyOf(related);
    references = List.copyOf(references);
    tags = List.copyOf(tags);
    fields = List.copyOf(fields);
    falsePositives = List.copyOf(falsePositives);
    scope = List.copyOf(scope);
    requireNonNull(taxonomy, "taxonomy");
    custom = Map.copyOf(custom);
    requireNonNull(location, "location");
  }

  /** A minimal metadata block, for tests and generated rules. */
  public static RuleMetadata titled(String title, @Nullable String id, RuleLocation location) {
    return new RuleMetadata(
        title, id, null, List.of(), null, null, List.of(), null, null, null, List.of(), List.of(),
        List.of(), null, null, List.of(), "sigma", Map.of(), location);
  }

  /** The authors: the {@code author} string split on commas, trimmed, empty parts dropped. */
  public List<String> authors() {
    if (author == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : author.split(",")) {
      String trimmed = part.strip();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return List.copyOf(out);
  }

  /** The id if there is one, else the name, else the title: how messages refer to the rule. */
  public String reference() {
    return id != null ? id : name != null ? name : title;
  }
}
