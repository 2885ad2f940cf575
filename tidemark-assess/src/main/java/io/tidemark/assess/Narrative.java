package io.tidemark.assess;

import io.tidemark.engine.LogCoverage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The sentences of a verdict: short, factual, each pointing at the finding it rests on. */
final class Narrative {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int STORY_TITLES = 3;

  private Narrative() {}

  static String compromised(List<Finding> proofs) {
    Finding first = proofs.get(0);
    StringBuilder reason = new StringBuilder("Proof of compromise: ")
        .append(first.title())
        .append(at(first.firstSeen()))
        .append(" (").append(first.evidence().isEmpty() ? "no line kept" : first.evidence().get(0))
        .append(')');
    if (proofs.size() > 1) {
      reason.append(", and ").append(proofs.size() - 1).append(" more finding")
          .append(proofs.size() > 2 ? "s" : "").append(" that only a successful attack leaves");
    }
    return reason.append('.').toString();
  }

  static String attempted(List<Finding> serious, List<String> attackerIps) {
    Finding first = serious.get(0);
    long total = serious.stream().mapToLong(Finding::count).sum();
    StringBuilder reason = new StringBuilder("Exploitation was attempted: ")
        .append(first.title())
        .append(at(first.firstSeen()));
    if (serious.size() > 1) {
      reason.append(" and ").append(serious.size() - 1).append(" more kind")
          .append(serious.size() > 2 ? "s" : "").append(" of attempt");
    }
    reason.append(", ").append(total).append(" request").append(total == 1 ? "" : "s");
    if (!attackerIps.isEmpty()) {
      reason.append(" from ").append(list(attackerIps));
    }
    return reason.append("; no evidence shows that any attempt worked.").toString();
  }

  static String suspicious(List<Finding> review) {
    Finding first = review.get(0);
    return review.size() + " finding" + (review.size() == 1 ? "" : "s")
        + " need review, starting with " + first.title() + at(first.firstSeen())
        + "; none is an exploitation attempt or proof of compromise.";
  }

  static String insufficient(List<LogCoverage> coverage) {
    TreeSet<String> seen = new TreeSet<>();
    for (LogCoverage c : coverage) {
      if (c.records() > 0) {
        seen.add(c.logType().id());
      }
    }
    return "No IIS or HttpProxy log with records was found, so attacks on Exchange's web front end"
        + " cannot be ruled out"
        + (seen.isEmpty() ? "; no readable log at all." : "; read only: " + String.join(", ", seen) + ".");
  }

  static String clean(List<LogCoverage> coverage) {
    long records = 0;
    Instant from = null;
    Instant to = null;
    TreeSet<String> types = new TreeSet<>();
    for (LogCoverage c : coverage) {
      records += c.records();
      if (c.records() > 0) {
        types.add(c.logType().id());
      }
      if (c.earliest() != null && (from == null || c.earliest().isBefore(from))) {
        from = c.earliest();
      }
      if (c.latest() != null && (to == null || c.latest().isAfter(to))) {
        to = c.latest();
      }
    }
    return "Nothing at medium or above in " + records + " records (" + String.join(", ", types)
        + ")" + (from == null ? "" : " from " + TIME.format(from) + " to " + TIME.format(to))
        + "; this says nothing about time the logs do not cover.";
  }

  /** One line per stage that has a finding at medium or above, in kill-chain order. */
  static List<StoryLine> story(List<Finding> findings) {
    Map<Stage, List<Finding>> byStage = new EnumMap<>(Stage.class);
    for (Finding f : findings) {
      if (f.level().atLeast(Level.MEDIUM)) {
        byStage.computeIfAbsent(f.stage(), k -> new ArrayList<>()).add(f);
      }
    }
    List<StoryLine> story = new ArrayList<>();
    for (Map.Entry<Stage, List<Finding>> e : byStage.entrySet()) {
      List<Finding> stage = e.getValue();
      List<String> titles = new ArrayList<>();
      for (Finding f : stage) {
        if (titles.size() < STORY_TITLES) {
          titles.add(f.title() + (f.count() > 1 ? " (x" + f.count() + ")" : ""));
        }
      }
      String more = stage.size() > STORY_TITLES ? " and " + (stage.size() - STORY_TITLES) + " more" : "";
      Instant first = stage.get(0).firstSeen();
      for (Finding f : stage) {
        if (f.firstSeen() != null && (first == null || f.firstSeen().isBefore(first))) {
          first = f.firstSeen();
        }
      }
      story.add(new StoryLine(e.getKey(), String.join("; ", titles) + more + at(first), first));
    }
    return story;
  }

  private static String at(@Nullable Instant time) {
    return time == null ? "" : " at " + TIME.format(time);
  }

  private static String list(List<String> values) {
    if (values.size() <= 3) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, 3)) + " and " + (values.size() - 3) + " more";
  }
}
