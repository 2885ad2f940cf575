package io.tidemark.sigma.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A rough estimate of the share of log lines that contain a literal, so that the compiler picks
 * the rarest of the literals a rule needs as its prefilter atom: {@code serverinfo~} rather than
 * {@code /autodiscover} for {@code ServerInfo~*}{@code /autodiscover*}. The words common in
 * Exchange, IIS and Windows logs are data ({@code common-words.tsv}). Only speed depends on the
 * estimate: any literal a match requires is a correct atom.
 */
final class LiteralShares {
  private static final String WORDS = "common-words.tsv";
  /** How much each character outside the literal's words narrows it down. */
  private static final double PER_CHARACTER = 0.7;
  /** A literal without words: punctuation and short runs, which logs are full of. */
  private static final double NO_WORD = 0.5;
  private static final double FLOOR = 1e-12;

  private LiteralShares() {}

  /**
   * Estimated share of log lines that contain the folded literal: the product of its words'
   * shares (listed, or guessed from their length), narrowed for every other character. Words are
   * runs of three or more letters or digits. Crude, but it ranks {@code /autodiscover} far above
   * {@code serverinfo~} and {@code get} above a list of shell commands.
   */
  static double of(String folded) {
    double share = 1;
    boolean anyWord = false;
    int other = 0;
    int i = 0;
    int n = folded.length();
    while (i < n) {
      int start = i;
      while (i < n && isWordChar(folded.charAt(i))) {
        i++;
      }
      if (i - start >= 3) {
        anyWord = true;
        share *= word(folded, start, i);
      } else {
        other += i - start;
      }
      if (i < n && !isWordChar(folded.charAt(i))) {
        other++;
        i++;
      }
    }
    double base = anyWord ? share : NO_WORD;
    return Math.max(FLOOR, base * Math.pow(PER_CHARACTER, other));
  }

  private static double word(String folded, int start, int end) {
    int length = end - start;
    boolean digits = true;
    for (int k = start; k < end && digits; k++) {
      digits = Character.isDigit(folded.charAt(k));
    }
    if (digits) {
      // Numbers fill logs (ports, sizes, latencies), but a given one of n digits is rarer.
      return Math.min(0.5, Math.pow(10, 2 - length));
    }
    Double listed = Table.SHARES.get(folded.substring(start, end));
    if (listed != null) {
      return listed;
    }
    // Short words the table does not know are still common English or protocol words.
    return length == 3 ? 0.05 : length == 4 ? 0.02 : length == 5 ? 0.01 : length == 6 ? 0.005
        : 0.001;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 128;
  }

  /** The table, read once when the first rule is compiled. */
  private static final class Table {
    static final Map<String, Double> SHARES = load();

    private static Map<String, Double> load() {
      Map<String, Double> shares = new HashMap<>();
      try (InputStream in = LiteralShares.class.getResourceAsStream(WORDS)) {
        if (in == null) {
          throw new IllegalStateException(WORDS + " is missing from the jar");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          int tab = line.indexOf('\t');
          double share = tab < 0 ? -1 : parse(line.substring(tab + 1).trim());
          if (share <= 0 || share > 1) {
            throw new IllegalStateException(WORDS + ":" + number + ": want 'word<TAB>share' with "
                + "a share in (0, 1], got '" + line + "'");
          }
          shares.put(line.substring(0, tab).trim(), share);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + WORDS, e);
      }
      return Map.copyOf(shares);
    }

    private static double parse(String share) {
      try {
        return Double.parseDouble(share);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
