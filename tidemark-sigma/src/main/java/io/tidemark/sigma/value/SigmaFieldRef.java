package io.tidemark.sigma.value;

import static java.util.Objects.requireNonNull;

/**
 * A reference to another field of the same event ({@code fieldref}): the item's field must equal
 * (or, with {@code startswith}/{@code endswith}/{@code contains}, start with, end with or
 * contain) that field's value.
 */
public record SigmaFieldRef(String field, boolean startsWith, boolean endsWith) implements SigmaValue {

  public SigmaFieldRef {
    requireNonNull(field, "field");
  }

  @Override
  public String describe() {
    return "field reference '" + field + "'";
  }
}
