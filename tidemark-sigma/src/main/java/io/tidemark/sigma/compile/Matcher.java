package io.tidemark.sigma.compile;

import io.tidemark.event.Event;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled condition over one event. Besides matching, each node answers two questions asked
 * once at compile time: which literal atoms a match needs (for the prefilter) and which exact
 * values a field must have (for routing by EventID).
 */
sealed interface Matcher {

  boolean matches(Event event);

  /** Relative cost, for evaluating cheap branches first. */
  int cost();

  /**
   * Folded literals one of which occurs (in the field it names, if any) in every matching event;
   * null when there is no such guarantee (unconstrained), empty when the matcher can never match.
   */
  @Nullable Set<RequiredLiteral> atoms();

  /** The values a field must have (exactly, ignoring case) for a match, or null if unknown. */
  default @Nullable Set<String> witness(String field) {
    return null;
  }

  /**
   * Picks the atom set that narrows most: the one whose literals together occur in the smallest
   * estimated share of log lines, then the one with fewer atoms, then the one whose shortest
   * literal is longest (a longer literal lets the raw-line scan take longer strides).
   */
  static @Nullable Set<RequiredLiteral> mostSelective(
      @Nullable Set<RequiredLiteral> a, @Nullable Set<RequiredLiteral> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? a : b;
    }
    double sa = share(a);
    double sb = share(b);
    if (sa != sb) {
      return sa < sb ? a : b;
    }
    if (a.size() != b.size()) {
      return a.size() < b.size() ? a : b;
    }
    return shortest(a) >= shortest(b) ? a : b;
  }

  private static double share(Set<RequiredLiteral> atoms) {
    double sum = 0;
    for (RequiredLiteral atom : atoms) {
      sum += LiteralShares.of(atom.literal());
    }
    return Math.min(1, sum);
  }

  private static int shortest(Set<RequiredLiteral> atoms) {
    return atoms.stream().mapToInt(a -> a.literal().length()).min().orElse(0);
  }

  /** All operands match, cheapest first. */
  final class And implements Matcher {
    final Matcher[] operands;

    And(List<Matcher> operands) {
      this.operands = operands.stream().sorted(Comparator.comparingInt(Matcher::cost)).toArray(Matcher[]::new);
    }

    @Override
    public boolean matches(Event event) {
      for (Matcher m : operands) {
        if (!m.matches(event)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int cost() {
      return Arrays.stream(operands).mapToInt(Matcher::cost).sum();
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      Set<RequiredLiteral> best = null;
      for (Matcher m : operands) {
        best = mostSelective(best, m.atoms());
      }
      return best;
    }

    @Override
    public @Nullable Set<String> witness(String field) {
      Set<String> best = null;
      for (Matcher m : operands) {
        Set<String> w = m.witness(field);
        if (w != null && (best == null || w.size() < best.size())) {
          best = w;
        }
      }
      return best;
    }
  }

  /** Any operand matches, cheapest first. */
  final class Or implements Matcher {
    final Matcher[] operands;

    Or(List<Matcher> operands) {
      this.operands = operands.stream().sorted(Comparator.comparingInt(Matcher::cost)).toArray(Matcher[]::new);
    }

    @Override
    public boolean matches(Event event) {
      for (Matcher m : operands) {
        if (m.matches(event)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int cost() {
      return Arrays.stream(operands).mapToInt(Matcher::cost).sum();
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      Set<RequiredLiteral> union = new HashSet<>();
      for (Matcher m : operands) {
        Set<RequiredLiteral> a = m.atoms();
        if (a == null) {
          return null;
        }
        union.addAll(a);
      }
      return union;
    }

    @Override
    public @Nullable Set<String> witness(String field) {
      Set<String> union = new HashSet<>();
      for (Matcher m : operands) {
        Set<String> w = m.witness(field);
        if (w == null) {
          return null;
        }
        union.addAll(w);
      }
      return union;
    }
  }

  /** The operand does not match. */
  final class Not implements Matcher {
    final Matcher operand;

    Not(Matcher operand) {
      this.operand = operand;
    }

    @Override
    public boolean matches(Event event) {
      return !operand.matches(event);
    }

    @Override
    public int cost() {
      return operand.cost();
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      return null;
    }
  }

  /** A field's value (any of its values, for multi-valued fields) passes the tests. */
  final class Field implements Matcher {
    /** From this many case-insensitive contains texts on, one automaton searches for them all. */
    private static final int GROUP_CONTAINS = 4;

    final String field;
    /** The tests as compiled: atoms and witnesses are read from these. */
    private final ValueTest[] declared;
    /** The tests as evaluated: cheapest first, long contains lists merged. */
    private final ValueTest[] tests;
    private final boolean allOf;

    Field(String field, List<ValueTest> tests, boolean allOf) {
      this.field = field;
      this.declared = tests.toArray(ValueTest[]::new);
      this.tests = evaluated(tests, allOf).stream()
          .sorted(Comparator.comparingInt(ValueTest::cost)).toArray(ValueTest[]::new);
      this.allOf = allOf;
    }

    private static List<ValueTest> evaluated(List<ValueTest> tests, boolean allOf) {
      if (allOf) {
        return tests;
      }
      List<String> texts = new java.util.ArrayList<>();
      for (ValueTest t : tests) {
        if (t instanceof ValueTest.Contains c && c.foldedText() != null && !c.foldedText().isEmpty()) {
          texts.add(c.foldedText());
        }
      }
      if (texts.size() < GROUP_CONTAINS) {
        return tests;
      }
      List<ValueTest> out = new java.util.ArrayList<>();
      for (ValueTest t : tests) {
        if (!(t instanceof ValueTest.Contains c && c.foldedText() != null && !c.foldedText().isEmpty())) {
          out.add(t);
        }
      }
      out.add(new ValueTest.ContainsAny(texts));
      return out;
    }

    @Override
    public boolean matches(Event event) {
      List<String> values = event.getAll(field);
      int n = values.size();
      if (n == 0) {
        return false;
      }
      if (n == 1) {
        return matchesOne(values.get(0));
      }
      for (ValueTest t : tests) {
        boolean any = false;
        for (int i = 0; i < n && !any; i++) {
          any = t.test(values.get(i));
        }
        if (any != allOf) {
          return any;
        }
      }
      return allOf;
    }

    private boolean matchesOne(String value) {
      for (ValueTest t : tests) {
        if (t.test(value) != allOf) {
          return !allOf;
        }
      }
      return allOf;
    }

    @Override
    public int cost() {
      int sum = 1;
      for (ValueTest t : tests) {
        sum += t.cost();
      }
      return sum;
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      return combine(declared, allOf, field);
    }

    @Override
    public @Nullable Set<String> witness(String name) {
      if (!field.equals(name) || (allOf && declared.length > 1)) {
        return null;
      }
      Set<String> out = new HashSet<>();
      for (ValueTest t : declared) {
        String exact = t.exactText();
        if (exact == null) {
          return null;
        }
        out.add(exact);
      }
      return out;
    }
  }

  /** A keyword: any value of the event passes the tests (each test, with {@code |all}). */
  final class Keyword implements Matcher {
    private final ValueTest[] tests;
    private final boolean allOf;

    Keyword(List<ValueTest> tests, boolean allOf) {
      this.tests = tests.stream().sorted(Comparator.comparingInt(ValueTest::cost)).toArray(ValueTest[]::new);
      this.allOf = allOf;
    }

    @Override
    public boolean matches(Event event) {
      for (ValueTest t : tests) {
        if (anyValue(event, t) != allOf) {
          return !allOf;
        }
      }
      return allOf;
    }

    private static boolean anyValue(Event event, ValueTest t) {
      for (String name : event.fieldNames()) {
        for (String value : event.getAll(name)) {
          if (t.test(value)) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public int cost() {
      int sum = 0;
      for (ValueTest t : tests) {
        sum += t.cost();
      }
      return 20 * sum;
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      return combine(tests, allOf, null);
    }
  }

  /** The tests' literals, bound to the field they test (null for a keyword's any field). */
  private static @Nullable Set<RequiredLiteral> combine(
      ValueTest[] tests, boolean allOf, @Nullable String field) {
    if (allOf) {
      Set<RequiredLiteral> best = null;
      for (ValueTest t : tests) {
        best = mostSelective(best, bind(t.atoms(), field));
      }
      return best;
    }
    Set<RequiredLiteral> union = new HashSet<>();
    for (ValueTest t : tests) {
      Set<RequiredLiteral> a = bind(t.atoms(), field);
      if (a == null) {
        return null;
      }
      union.addAll(a);
    }
    return union;
  }

  private static @Nullable Set<RequiredLiteral> bind(
      @Nullable Set<String> literals, @Nullable String field) {
    if (literals == null) {
      return null;
    }
    Set<RequiredLiteral> out = new HashSet<>();
    for (String literal : literals) {
      out.add(new RequiredLiteral(literal, field));
    }
    return out;
  }

  /** {@code field: null}: the field is absent or has no value. */
  final class IsNull implements Matcher {
    private final String field;

    IsNull(String field) {
      this.field = field;
    }

    @Override
    public boolean matches(Event event) {
      return event.get(field) == null;
    }

    @Override
    public int cost() {
      return 1;
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      return null;
    }
  }

  /** {@code field|exists}: the field is (or is not) present, whatever its value. */
  final class Exists implements Matcher {
    private final String field;
    private final boolean exists;

    Exists(String field, boolean exists) {
      this.field = field;
      this.exists = exists;
    }

    @Override
    public boolean matches(Event event) {
      return event.has(field) == exists;
    }

    @Override
    public int cost() {
      return 1;
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      return null;
    }
  }

  /** {@code field|fieldref}: the field's value equals (starts with, ...) another field's. */
  final class FieldRef implements Matcher {
    private final String field;
    private final String other;
    private final boolean startsWith;
    private final boolean endsWith;

    FieldRef(String field, String other, boolean startsWith, boolean endsWith) {
      this.field = field;
      this.other = other;
      this.startsWith = startsWith;
      this.endsWith = endsWith;
    }

    @Override
    public boolean matches(Event event) {
      for (String value : event.getAll(field)) {
        for (String ref : event.getAll(other)) {
          String folded = Fold.fold(ref);
          boolean ok = startsWith && endsWith ? Fold.contains(value, folded)
              : startsWith ? Fold.startsWith(value, folded)
              : endsWith ? Fold.endsWith(value, folded)
              : Fold.equals(value, folded);
          if (ok) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public int cost() {
      return 10;
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      return null;
    }
  }

  /** Always the same answer (an empty {@code 1 of} pattern, for instance). */
  final class Const implements Matcher {
    private final boolean value;

    Const(boolean value) {
      this.value = value;
    }

    @Override
    public boolean matches(Event event) {
      return value;
    }

    @Override
    public int cost() {
      return 0;
    }

    @Override
    public @Nullable Set<RequiredLiteral> atoms() {
      return value ? null : Set.of();
    }
  }
}
