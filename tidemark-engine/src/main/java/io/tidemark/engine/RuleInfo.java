package io.tidemark.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a detection needs to say about the rule that fired: enough for attribution (the Detection
 * Rule License requires the authors on every message built from a match) and for the assessment
 * (level, tags and the rule's {@code tidemark:} block).
 *
 * @param attributes the rule's custom top-level keys, e.g. {@code tidemark: {stage, outcome}}
 * @param path the rule file, for users who want to read the rule that fired
 */
public record RuleInfo(
    String id,
    String title,
    String level,
    String status,
    List<String> authors,
    List<String> tags,
    List<String> references,
    String description,
    Map<String, Object> attributes,
    @Nullable String path) {

  public RuleInfo {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(level, "level");
    requireNonNull(status, "status");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    references = List.copyOf(references);
    requireNonNull(description, "description");
    attributes = Map.copyOf(attributes);
  }

  /** A value of the rule's {@code tidemark:} block, or null. */
  public @Nullable String tidemark(String key) {
    Object block = attributes.get("tidemark");
    if (block instanceof Map<?, ?> map) {
      Object value = map.get(key);
      return value == null ? null : value.toString();
    }
    return null;
  }
}
