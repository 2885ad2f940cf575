package io.tidemark.sigma.compile;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A case-folded literal that a rule needs, and the event field it must occur in: the rule cannot
 * match an event whose {@code field} (any field, when null) does not contain it, ignoring case.
 *
 * @param literal the folded text, never empty
 * @param field the event field the literal is bound to, or null for any field (keywords)
 */
public record RequiredLiteral(String literal, @Nullable String field) {

  public RequiredLiteral {
    requireNonNull(literal, "literal");
    if (literal.isEmpty()) {
      throw new IllegalArgumentException("a required literal must not be empty");
    }
  }
}
