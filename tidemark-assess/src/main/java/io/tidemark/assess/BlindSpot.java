package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Something the evidence could not show: a missing log, a gap across the exposure window, an audit
 * setting that makes reads invisible. Reports show these so that "no evidence" is never read as
 * "no access".
 *
 * @param id stable kebab-case, e.g. {@code no-ews-logs}, {@code mailbox-audit-owner-off}
 * @param host the server concerned, or null for the whole run
 * @param description what could not be seen and what it means for the findings
 */
public record BlindSpot(String id, @Nullable String host, String description) {
  public BlindSpot {
    requireNonNull(id, "id");
    requireNonNull(description, "description");
  }
}
