package io.tidemark.sigma.condition;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A parsed detection condition. */
public sealed interface Condition {

  /** All operands must hold. */
  record And(List<Condition> operands) implements Condition {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public String toString() {
      return operands.stream().map(Object::toString).collect(Collectors.joining(" and ", "(", ")"));
    }
  }

  /** Any operand must hold. */
  record Or(List<Condition> operands) implements Condition {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public String toString() {
      return operands.stream().map(Object::toString).collect(Collectors.joining(" or ", "(", ")"));
    }
  }

  /** The operand must not hold. */
  record Not(Condition operand) implements Condition {
    @Override
    public String toString() {
      return "not " + operand;
    }
  }

  /** A search identifier by name. */
  record Identifier(String name) implements Condition {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * {@code 1 of}/{@code any of}/{@code all of} a name pattern ({@code *} wildcards) or, when
   * {@code pattern} is null, {@code them}. Identifiers starting with {@code _} are left out,
   * unless the pattern itself starts with {@code _}.
   */
  record Quantified(boolean all, @Nullable String pattern) implements Condition {

    /** The identifiers this selector stands for, in the given order. */
    public List<String> select(List<String> identifiers) {
      Predicate<String> wanted =
          pattern == null
              ? name -> !name.startsWith("_")
              : name -> (pattern.startsWith("_") || !name.startsWith("_")) && globMatches(pattern, name);
      return identifiers.stream().filter(wanted).collect(Collectors.toList());
    }

    private static boolean globMatches(String pattern, String name) {
      int p = 0;
      int n = 0;
      int star = -1;
      int mark = 0;
      while (n < name.length()) {
        if (p < pattern.length() && pattern.charAt(p) == '*') {
          star = p++;
          mark = n;
        } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
          p++;
          n++;
        } else if (star >= 0) {
          p = star + 1;
          n = ++mark;
        } else {
          return false;
        }
      }
      while (p < pattern.length() && pattern.charAt(p) == '*') {
        p++;
      }
      return p == pattern.length();
    }

    @Override
    public String toString() {
      return (all ? "all of " : "1 of ") + (pattern == null ? "them" : pattern);
    }
  }

  /** Every identifier name mentioned directly (not through patterns). */
  static Set<String> identifiers(Condition condition) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    collect(condition, out);
    return out;
  }

  private static void collect(Condition c, Set<String> out) {
    if (c instanceof Identifier id) {
      out.add(id.name());
    } else if (c instanceof And and) {
      and.operands().forEach(o -> collect(o, out));
    } else if (c instanceof Or or) {
      or.operands().forEach(o -> collect(o, out));
    } else if (c instanceof Not not) {
      collect(not.operand(), out);
    }
  }
}
