package io.tidemark.assess;

import io.tidemark.event.TidemarkException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The damage analysis's data: thresholds ({@code damage-thresholds.tsv}), what each mailbox
 * operation exposes ({@code exposure-operations.tsv}), which principals are the system rather
 * than a person ({@code service-accounts.tsv}) and which evidence the second read leaves
 * unread ({@code sweep-skip.tsv}).
 */
record DamageConfig(
    int sprayAccounts,
    Duration sprayWindow,
    int bruteFailures,
    Duration bruteWindow,
    Duration successAfterFailures,
    Duration owaFollowUp,
    Duration noveltyHistory,
    Map<String, ExposureScope> operations,
    List<String> servicePatterns,
    List<String> skipAlways,
    List<String> skipObserved,
    Novelty novelty) {

  static final String THRESHOLDS = "damage-thresholds.tsv";
  static final String OPERATIONS = "exposure-operations.tsv";
  static final String SERVICE_ACCOUNTS = "service-accounts.tsv";
  static final String SWEEP_SKIP = "sweep-skip.tsv";

  DamageConfig {
    operations = Map.copyOf(operations);
    servicePatterns = List.copyOf(servicePatterns);
    skipAlways = List.copyOf(skipAlways);
    skipObserved = List.copyOf(skipObserved);
    if (sprayAccounts < 2 || bruteFailures < 2) {
      throw new IllegalArgumentException("spray and brute-force thresholds must be at least 2");
    }
    Objects.requireNonNull(novelty, "novelty");
  }

  /**
   * The novelty and impossible-travel thresholds ({@code novelty.*}, {@code travel.*}).
   *
   * @param baseline how long an account's history must cover before a value counts as new
   * @param values distinct values of one kind kept per account; beyond, that kind is not flagged
   * @param anomalies anomalies kept per account, the earliest
   * @param travelKm the least distance between two uses, after both accuracy radii
   * @param travelKmh the least speed between two uses that no traveller reaches
   */
  record Novelty(Duration baseline, int values, int anomalies, double travelKm,
      double travelKmh) {
    Novelty {
      Objects.requireNonNull(baseline, "baseline");
      if (baseline.isNegative() || values < 1 || anomalies < 1 || travelKm < 0
          || travelKmh <= 0) {
        throw new IllegalArgumentException("novelty thresholds out of range: baseline "
            + baseline + ", values " + values + ", anomalies " + anomalies + ", travel "
            + travelKm + " km at " + travelKmh + " km/h");
      }
    }
  }

  static DamageConfig load() {
    Map<String, String> t = new HashMap<>();
    for (String[] row : rows(THRESHOLDS, 2)) {
      t.put(row[0], row[1]);
    }
    Map<String, ExposureScope> ops = new HashMap<>();
    for (String[] row : rows(OPERATIONS, 3)) {
      ops.put(key(row[0], row[1]), scope(row[2]));
    }
    List<String> services = new ArrayList<>();
    for (String[] row : rows(SERVICE_ACCOUNTS, 1)) {
      services.add(row[0].toLowerCase(Locale.ROOT));
    }
    List<String> always = new ArrayList<>();
    List<String> observed = new ArrayList<>();
    for (String[] row : rows(SWEEP_SKIP, 2)) {
      switch (row[1]) {
        case "always" -> always.add(row[0]);
        case "observed" -> observed.add(row[0]);
        default -> throw new TidemarkException("expected 'always' or 'observed', got '" + row[1]
            + "'", SWEEP_SKIP);
      }
    }
    return new DamageConfig(integer(t, "spray.accounts"), duration(t, "spray.window"),
        integer(t, "brute.failures"), duration(t, "brute.window"),
        duration(t, "success-after-failures.window"), duration(t, "owa.follow-up"),
        duration(t, "novelty.history"), ops, services, always, observed,
        new Novelty(duration(t, "novelty.baseline"), integer(t, "novelty.values"),
            integer(t, "novelty.anomalies"), decimal(t, "travel.distance-km"),
            decimal(t, "travel.speed-kmh")));
  }

  /** The scope an operation of a source ({@code ews}, {@code owa}, {@code eas}, {@code hierarchy}) exposes. */
  @Nullable ExposureScope scopeOf(String source, String operation) {
    return operations.get(key(source, operation));
  }

  /** Whether a (lower-cased) account name is the system, not a person. */
  boolean isService(String lower) {
    for (String p : servicePatterns) {
      boolean head = p.startsWith("*");
      boolean tail = p.endsWith("*") && p.length() > 1;
      String core = p.substring(head ? 1 : 0, p.length() - (tail ? 1 : 0));
      if (head && tail ? lower.contains(core) : head ? lower.endsWith(core)
          : tail ? lower.startsWith(core) : lower.equals(core)) {
        return true;
      }
    }
    return false;
  }

  private static String key(String source, String operation) {
    return source.toLowerCase(Locale.ROOT) + "\t" + operation.toLowerCase(Locale.ROOT);
  }

  private static ExposureScope scope(String id) {
    for (ExposureScope s : ExposureScope.values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new TidemarkException("unknown scope '" + id + "'", OPERATIONS);
  }

  private static int integer(Map<String, String> t, String key) {
    try {
      return Integer.parseInt(required(t, key));
    } catch (NumberFormatException e) {
      throw new TidemarkException("'" + key + "' must be a whole number: '" + t.get(key) + "'",
          THRESHOLDS);
    }
  }

  private static double decimal(Map<String, String> t, String key) {
    try {
      return Double.parseDouble(required(t, key));
    } catch (NumberFormatException e) {
      throw new TidemarkException("'" + key + "' must be a number: '" + t.get(key) + "'",
          THRESHOLDS);
    }
  }

  private static Duration duration(Map<String, String> t, String key) {
    try {
      return Duration.parse(required(t, key));
    } catch (DateTimeParseException e) {
      throw new TidemarkException("'" + key + "' must be an ISO-8601 duration such as PT20M: '"
          + t.get(key) + "'", THRESHOLDS);
    }
  }

  private static String required(Map<String, String> t, String key) {
    String v = t.get(key);
    if (v == null) {
      throw new TidemarkException("threshold '" + key + "' is missing", THRESHOLDS);
    }
    return v;
  }

  static List<String[]> rows(String resource, int cells) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = DamageConfig.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new TidemarkException("resource missing from the jar", resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t");
        if (row.length < cells) {
          throw new TidemarkException("expected at least " + cells + " tab-separated cells, got "
              + row.length, resource + ":" + number);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
