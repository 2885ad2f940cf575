package io.tidemark.sigma.compile;

import io.tidemark.sigma.value.CompareOp;
import io.tidemark.sigma.value.Numbers;
import io.tidemark.sigma.value.SigmaCidr;
import io.tidemark.sigma.value.SigmaNumber;
import io.tidemark.sigma.value.SigmaString;
import io.tidemark.sigma.value.TimePart;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A test of one event value against one compiled rule value. */
sealed interface ValueTest {
  /** Atoms shorter than this are too common to narrow anything down. */
  int MIN_ATOM = 3;

  boolean test(String value);

  /** Relative cost, for evaluating cheap tests first. */
  int cost();

  /**
   * Folded literals one of which every matching value contains, or null when there is no such
   * guarantee.
   */
  @Nullable Set<String> atoms();

  /** The exact text every matching value equals (ignoring case), or null. */
  default @Nullable String exactText() {
    return null;
  }

  /** An atom, if it narrows anything: long enough, or holding a (rare in logs) non-ASCII char. */
  private static @Nullable Set<String> atom(String folded) {
    if (folded.length() >= MIN_ATOM) {
      return Set.of(folded);
    }
    for (int i = 0; i < folded.length(); i++) {
      if (folded.charAt(i) >= 128) {
        return Set.of(folded);
      }
    }
    return null;
  }

  /** The test for a Sigma string: a fast path for common shapes, a glob otherwise. */
  static ValueTest of(SigmaString s) {
    List<SigmaString.Part> parts = s.parts();
    boolean cased = s.isCased();
    if (parts.isEmpty()) {
      return new Equals("", cased);
    }
    if (parts.size() == 1 && parts.get(0) == SigmaString.Special.ANY_RUN) {
      return new AnyValue();
    }
    boolean plain = s.isPlain();
    if (plain) {
      return new Equals(s.plainText(), cased);
    }
    if (parts.size() <= 3) {
      String middle = parts.size() == 3 ? literal(parts.get(1)) : null;
      if (parts.size() == 3 && s.startsWithAnyRun() && s.endsWithAnyRun() && middle != null) {
        return new Contains(middle, cased);
      }
      if (parts.size() == 2 && s.endsWithAnyRun() && literal(parts.get(0)) != null) {
        return new StartsWith(literal(parts.get(0)), cased);
      }
      if (parts.size() == 2 && s.startsWithAnyRun() && literal(parts.get(1)) != null) {
        return new EndsWith(literal(parts.get(1)), cased);
      }
    }
    return new Glob(s);
  }

  private static @Nullable String literal(SigmaString.Part part) {
    return part instanceof SigmaString.Literal lit ? lit.text() : null;
  }

  /** The whole value equals the text. */
  final class Equals implements ValueTest {
    private final String text;
    private final boolean cased;

    Equals(String text, boolean cased) {
      this.text = cased ? text : Fold.fold(text);
      this.cased = cased;
    }

    @Override
    public boolean test(String value) {
      return cased ? value.equals(text) : Fold.equals(value, text);
    }

    @Override
    public int cost() {
      return 1;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return atom(Fold.fold(text));
    }

    @Override
    public @Nullable String exactText() {
      return cased ? null : text;
    }
  }

  /** Any present value, even empty ({@code *}). */
  final class AnyValue implements ValueTest {
    @Override
    public boolean test(String value) {
      return true;
    }

    @Override
    public int cost() {
      return 0;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return null;
    }
  }

  /** The value contains the text. */
  final class Contains implements ValueTest {
    private final String text;
    private final boolean cased;
    private final Fold.Needle needle;

    Contains(String text, boolean cased) {
      this.text = cased ? text : Fold.fold(text);
      this.cased = cased;
      this.needle = new Fold.Needle(this.text);
    }

    @Override
    public boolean test(String value) {
      return cased ? value.contains(text) : Fold.contains(value, needle);
    }

    /** The folded text when the test ignores case, else null. */
    @Nullable String foldedText() {
      return cased ? null : text;
    }

    @Override
    public int cost() {
      return 4;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return atom(Fold.fold(text));
    }
  }

  /**
   * Any of many case-insensitive {@code contains} texts of one field ({@code CommandLine|contains:}
   * with a long list), found in one pass of an Aho-Corasick automaton over the value rather than
   * one search per text. Only matching uses it: atoms and witnesses come from the texts' own
   * tests.
   */
  final class ContainsAny implements ValueTest {
    /** Small automatons keep a dense table; a rule's list should not cost megabytes. */
    private static final long DENSE_LIMIT = 1L << 13;

    private final AhoCorasick automaton;
    private final int size;

    ContainsAny(List<String> folded) {
      List<int[]> payloads = new java.util.ArrayList<>();
      for (int i = 0; i < folded.size(); i++) {
        payloads.add(new int[] {0});
      }
      this.automaton = new AhoCorasick(folded, payloads, DENSE_LIMIT, false);
      this.size = folded.size();
    }

    @Override
    public boolean test(String value) {
      return automaton.occursIn(value);
    }

    @Override
    public int cost() {
      return 4 + size / 8;
    }

    @Override
    public @Nullable Set<String> atoms() {
      throw new UnsupportedOperationException("only the texts' own tests give atoms");
    }
  }

  /** The value starts with the text. */
  final class StartsWith implements ValueTest {
    private final String text;
    private final boolean cased;

    StartsWith(String text, boolean cased) {
      this.text = cased ? text : Fold.fold(text);
      this.cased = cased;
    }

    @Override
    public boolean test(String value) {
      return cased ? value.startsWith(text) : Fold.startsWith(value, text);
    }

    @Override
    public int cost() {
      return 2;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return atom(Fold.fold(text));
    }
  }

  /** The value ends with the text. */
  final class EndsWith implements ValueTest {
    private final String text;
    private final boolean cased;

    EndsWith(String text, boolean cased) {
      this.text = cased ? text : Fold.fold(text);
      this.cased = cased;
    }

    @Override
    public boolean test(String value) {
      return cased ? value.endsWith(text) : Fold.endsWith(value, text);
    }

    @Override
    public int cost() {
      return 2;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return atom(Fold.fold(text));
    }
  }

  /**
   * A general wildcard pattern, matched iteratively (backtracking only to the last {@code *}), so
   * the cost is at most value length × pattern length, never exponential.
   */
  final class Glob implements ValueTest {
    private static final int ANY_RUN = -1;
    private static final int ANY_CHAR = -2;
    private static final int DASH = -3;

    private final int[] tokens;
    private final boolean cased;
    private final @Nullable String atom;

    Glob(SigmaString s) {
      this.cased = s.isCased();
      int n = 0;
      for (SigmaString.Part part : s.parts()) {
        n += part instanceof SigmaString.Literal lit ? lit.text().length() : 1;
      }
      tokens = new int[n];
      int i = 0;
      for (SigmaString.Part part : s.parts()) {
        if (part instanceof SigmaString.Literal lit) {
          for (char c : lit.text().toCharArray()) {
            tokens[i++] = cased ? c : Fold.fold(c);
          }
        } else if (part == SigmaString.Special.ANY_RUN) {
          tokens[i++] = ANY_RUN;
        } else if (part == SigmaString.Special.ANY_CHAR) {
          tokens[i++] = ANY_CHAR;
        } else if (part == SigmaString.Special.WINDOWS_DASH) {
          tokens[i++] = DASH;
        } else {
          throw new IllegalArgumentException("unresolved placeholder in " + s);
        }
      }
      atom = rarestLiteral(s);
    }

    /**
     * Every literal part must occur in a match, so any one of them is a correct atom: the one
     * estimated rarest in logs ({@code serverinfo~} rather than {@code /autodiscover} for
     * {@code ServerInfo~*}{@code /autodiscover*}), the longest among equals.
     */
    private static @Nullable String rarestLiteral(SigmaString s) {
      String best = null;
      double bestShare = 2;
      for (SigmaString.Part part : s.parts()) {
        if (!(part instanceof SigmaString.Literal lit)) {
          continue;
        }
        String folded = Fold.fold(lit.text());
        if (atom(folded) == null) {
          continue;
        }
        double share = LiteralShares.of(folded);
        if (share < bestShare || (share == bestShare && folded.length() > best.length())) {
          best = folded;
          bestShare = share;
        }
      }
      return best;
    }

    private boolean same(int token, char c) {
      if (token >= 0) {
        return token == c || (!cased && token == Fold.fold(c));
      }
      return token == ANY_CHAR || (token == DASH && SigmaString.WINDOWS_DASHES.indexOf(c) >= 0);
    }

    @Override
    public boolean test(String value) {
      int s = 0;
      int p = 0;
      int starP = -1;
      int starS = 0;
      int n = value.length();
      int m = tokens.length;
      while (s < n) {
        if (p < m && tokens[p] != ANY_RUN && same(tokens[p], value.charAt(s))) {
          s++;
          p++;
        } else if (p < m && tokens[p] == ANY_RUN) {
          starP = p++;
          starS = s;
        } else if (starP >= 0) {
          p = starP + 1;
          s = ++starS;
        } else {
          return false;
        }
      }
      while (p < m && tokens[p] == ANY_RUN) {
        p++;
      }
      return p == m;
    }

    @Override
    public int cost() {
      return 6;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return atom == null ? null : Set.of(atom);
    }
  }

  /** A YAML number: equal as text, or as numbers ({@code 0x10} equals {@code 16}). */
  final class NumberEquals implements ValueTest {
    private final String text;
    private final BigDecimal number;
    private final boolean canonical;

    NumberEquals(SigmaNumber n) {
      this.text = n.text();
      this.number = n.value();
      this.canonical = n.isCanonicalInteger();
    }

    @Override
    public boolean test(String value) {
      if (value.equalsIgnoreCase(text)) {
        return true;
      }
      if (canonical && Numbers.isCanonicalInteger(value)) {
        return false; // both canonical decimals and the texts differ: the numbers differ
      }
      BigDecimal v = Numbers.parse(value);
      return v != null && v.compareTo(number) == 0;
    }

    @Override
    public int cost() {
      return 2;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return null; // "0x10" can equal 16 without containing it
    }

    @Override
    public @Nullable String exactText() {
      return canonical ? text : null;
    }
  }

  /** A YAML boolean compared with the value's text. */
  final class BoolEquals implements ValueTest {
    private final String text;

    BoolEquals(boolean value) {
      this.text = Boolean.toString(value);
    }

    @Override
    public boolean test(String value) {
      return value.equalsIgnoreCase(text);
    }

    @Override
    public int cost() {
      return 1;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return Set.of(text);
    }
  }

  /**
   * A regular expression found anywhere in the value, with a bounded search, after the linear
   * checks of {@link RegexGate}. Patterns of literals and {@code .*} gaps are searched in linear
   * time ({@link GapRegex}) rather than by backtracking.
   */
  final class RegexTest implements ValueTest {
    final SafeRegex regex;
    private final @Nullable String literal;
    private final RegexGate gate;
    private final @Nullable GapRegex gaps;

    RegexTest(SafeRegex regex) {
      this.regex = regex;
      this.literal = RegexLiterals.required(regex.pattern().pattern(), regex.pattern().flags());
      this.gate = new RegexGate(regex.pattern());
      this.gaps = GapRegex.of(regex.pattern());
    }

    @Override
    public boolean test(String value) {
      if (!gate.mayMatch(value)) {
        return false;
      }
      return gaps != null ? gaps.find(value) : regex.find(value);
    }

    @Override
    public int cost() {
      return 30;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return literal == null ? null : atom(Fold.fold(literal));
    }
  }

  /** The value is an IP address inside a network. */
  final class CidrTest implements ValueTest {
    private final SigmaCidr cidr;

    CidrTest(SigmaCidr cidr) {
      this.cidr = cidr;
    }

    @Override
    public boolean test(String value) {
      return cidr.contains(value);
    }

    @Override
    public int cost() {
      return 5;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return null;
    }
  }

  /** The value, read as a number, compares to the rule's number. */
  final class CompareTest implements ValueTest {
    private final CompareOp op;
    private final BigDecimal number;

    CompareTest(CompareOp op, BigDecimal number) {
      this.op = op;
      this.number = number;
    }

    @Override
    public boolean test(String value) {
      BigDecimal v = Numbers.parse(value.strip());
      return v != null && op.test(v.compareTo(number));
    }

    @Override
    public int cost() {
      return 3;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return null;
    }
  }

  /** The value, read as a date-time, has a component equal to the rule's number. */
  final class TimePartTest implements ValueTest {
    private final TimePart part;
    private final int expected;

    TimePartTest(TimePart part, int expected) {
      this.part = part;
      this.expected = expected;
    }

    @Override
    public boolean test(String value) {
      long actual = TimeParts.extract(value, part);
      return actual == expected;
    }

    @Override
    public int cost() {
      return 8;
    }

    @Override
    public @Nullable Set<String> atoms() {
      return null;
    }
  }

  /** Any of several alternatives ({@code base64offset}, expanded placeholders) matches. */
  final class AnyOf implements ValueTest {
    private final ValueTest[] alternatives;

    AnyOf(List<ValueTest> alternatives) {
      this.alternatives = alternatives.toArray(ValueTest[]::new);
    }

    @Override
    public boolean test(String value) {
      for (ValueTest t : alternatives) {
        if (t.test(value)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int cost() {
      int sum = 0;
      for (ValueTest t : alternatives) {
        sum += t.cost();
      }
      return sum;
    }

    @Override
    public @Nullable Set<String> atoms() {
      Set<String> out = new HashSet<>();
      for (ValueTest t : alternatives) {
        Set<String> a = t.atoms();
        if (a == null) {
          return null;
        }
        out.addAll(a);
      }
      return out;
    }
  }
}
