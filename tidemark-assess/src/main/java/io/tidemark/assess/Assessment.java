package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer for a whole run: the worst server's verdict and reason, plus every server's own
 * assessment. {@code assessment.json} is this record, and later stages (damage assessment,
 * reports) extend it rather than replace it.
 */
public record Assessment(Verdict verdict, String reason, List<ServerAssessment> servers) {

  public Assessment {
    requireNonNull(verdict, "verdict");
    requireNonNull(reason, "reason");
    servers = List.copyOf(servers);
  }

  /** Every server's findings, server by server. */
  public List<Finding> findings() {
    List<Finding> all = new ArrayList<>();
    for (ServerAssessment server : servers) {
      all.addAll(server.findings());
    }
    return all;
  }
}
