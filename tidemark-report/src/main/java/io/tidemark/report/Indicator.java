package io.tidemark.report;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One attacker indicator, with the records that show it.
 *
 * @param count how many high-or-critical detections carry it (0 when only the damage analysis
 *     names it)
 * @param groups ids of the attacker activity groups it belongs to
 * @param evidence the earliest records (bounded)
 */
record Indicator(
    Kind kind,
    String value,
    @Nullable Instant firstSeen,
    @Nullable Instant lastSeen,
    long count,
    List<String> groups,
    List<EvidenceRef> evidence) {

  static final int MAX_EVIDENCE = 20;

  Indicator {
    requireNonNull(kind, "kind");
    requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an indicator needs a value");
    }
    groups = List.copyOf(groups);
    evidence = List.copyOf(evidence);
  }

  enum Kind {
    IPV4("IPv4 address"),
    IPV6("IPv6 address"),
    USER_AGENT("User agent"),
    URL_PATH("Web-shell path");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    String title() {
      return title;
    }
  }

  static final class Builder {
    private final Kind kind;
    private final String value;
    private @Nullable Instant first;
    private @Nullable Instant last;
    private long count;
    private final Set<String> groups = new LinkedHashSet<>();
    private final List<EvidenceRef> evidence = new ArrayList<>();
    private final Set<String> records = new java.util.HashSet<>();

    Builder(Kind kind, String value) {
      this.kind = kind;
      this.value = value;
    }

    Builder group(String id) {
      groups.add(id);
      return this;
    }

    Builder span(@Nullable Instant from, @Nullable Instant to) {
      time(from);
      time(to);
      return this;
    }

    Builder seen(EvidenceRef ref) {
      count++;
      time(ref.timestamp());
      // Several rules often fire on one record: list each record once.
      if (evidence.size() < MAX_EVIDENCE && records.add(ref.toString())) {
        evidence.add(ref);
      }
      return this;
    }

    private void time(@Nullable Instant t) {
      if (t != null) {
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
      }
    }

    Indicator build() {
      return new Indicator(kind, value, first, last, count, List.copyOf(groups), evidence);
    }
  }
}
