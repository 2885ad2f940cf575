package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one log source covered on one server, and where it was silent.
 *
 * @param source the log type id, with the HttpProxy protocol where there is one ({@code
 *     exchange-httpproxy/Ews})
 * @param gaps stretches inside [earliest, latest] without a single record, longer than the
 *     source's usual quiet (bounded)
 */
public record SourceCoverage(
    String host,
    String source,
    long files,
    long records,
    long skipped,
    @Nullable Instant earliest,
    @Nullable Instant latest,
    List<Gap> gaps) {

  public SourceCoverage {
    requireNonNull(host, "host");
    requireNonNull(source, "source");
    gaps = List.copyOf(gaps);
  }

  /** A stretch without records. */
  public record Gap(Instant from, Instant to) {
    public Gap {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("gap end " + to + " must be after its start " + from);
      }
    }
  }
}
