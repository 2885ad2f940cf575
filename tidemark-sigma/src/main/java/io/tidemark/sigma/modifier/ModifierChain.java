package io.tidemark.sigma.modifier;

import io.tidemark.sigma.value.CompareOp;
import io.tidemark.sigma.value.RegexFlag;
import io.tidemark.sigma.value.SigmaBool;
import io.tidemark.sigma.value.SigmaCidr;
import io.tidemark.sigma.value.SigmaCompare;
import io.tidemark.sigma.value.SigmaExists;
import io.tidemark.sigma.value.SigmaExpansion;
import io.tidemark.sigma.value.SigmaFieldRef;
import io.tidemark.sigma.value.SigmaNumber;
import io.tidemark.sigma.value.SigmaRegex;
import io.tidemark.sigma.value.SigmaString;
import io.tidemark.sigma.value.SigmaTimestampPart;
import io.tidemark.sigma.value.SigmaValue;
import io.tidemark.sigma.value.TimePart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Applies a modifier chain to a detection item's values, left to right. Type rules follow
 * pySigma ({@code sigma/modifiers.py}); one deliberate leniency: a YAML number or boolean under
 * a string modifier ({@code CommandLine|contains: 1234}) is taken as its text.
 */
public final class ModifierChain {
  /** Upper bound on values one rule value may expand into ({@code windash} before base64). */
  public static final int MAX_EXPANSION = 256;

  private ModifierChain() {}

  /**
   * Applies {@code modifiers} to every value.
   *
   * @param field the item's field, or null for a keyword item
   * @throws ModifierException naming the modifier and value that do not fit
   */
  public static ModifiedValues apply(
      @Nullable String field, List<Modifier> modifiers, List<SigmaValue> values) {
    boolean allOf = false;
    boolean negated = false;
    for (Modifier m : modifiers) {
      if (m == Modifier.ALL) {
        allOf = true;
      } else if (m == Modifier.NEQ) {
        negated = true;
      }
    }
    List<SigmaValue> out = new ArrayList<>(values.size());
    for (SigmaValue value : values) {
      SigmaValue current = value;
      List<Modifier> applied = new ArrayList<>();
      for (Modifier m : modifiers) {
        if (m.isListModifier()) {
          continue;
        }
        current = applyOne(m, current, applied, field);
        applied.add(m);
      }
      out.add(current);
    }
    return new ModifiedValues(out, allOf, negated);
  }

  private static SigmaValue applyOne(
      Modifier m, SigmaValue value, List<Modifier> applied, @Nullable String field) {
    if (value instanceof SigmaExpansion expansion) {
      List<SigmaValue> alternatives = new ArrayList<>();
      for (SigmaValue alternative : expansion.alternatives()) {
        SigmaValue modified = applyOne(m, alternative, applied, field);
        if (modified instanceof SigmaExpansion inner) {
          alternatives.addAll(inner.alternatives());
        } else {
          alternatives.add(modified);
        }
      }
      return new SigmaExpansion(alternatives);
    }
    return switch (m) {
      case CONTAINS, STARTSWITH, ENDSWITH -> anchor(m, lenientString(value));
      case BASE64, BASE64OFFSET -> Encodings.base64(m, requireString(m, value));
      case UTF16LE, UTF16BE, UTF16 -> Encodings.utf16(m, requireString(m, value));
      case WINDASH -> requireString(m, value).windowsDash();
      case RE -> regex(value, applied);
      case IGNORECASE -> requireRegex(m, value).withFlag(RegexFlag.IGNORE_CASE);
      case MULTILINE -> requireRegex(m, value).withFlag(RegexFlag.MULTILINE);
      case DOTALL -> requireRegex(m, value).withFlag(RegexFlag.DOTALL);
      case CASED -> requireString(m, value).withCased();
      case CIDR -> cidr(value, applied);
      case EXISTS -> exists(value, applied, field);
      case EXPAND -> expand(value);
      case FIELDREF -> fieldRef(requireString(m, value));
      case GT -> compare(m, CompareOp.GT, value);
      case GTE -> compare(m, CompareOp.GTE, value);
      case LT -> compare(m, CompareOp.LT, value);
      case LTE -> compare(m, CompareOp.LTE, value);
      case MINUTE -> timePart(m, TimePart.MINUTE, value);
      case HOUR -> timePart(m, TimePart.HOUR, value);
      case DAY -> timePart(m, TimePart.DAY, value);
      case WEEK -> timePart(m, TimePart.WEEK, value);
      case MONTH -> timePart(m, TimePart.MONTH, value);
      case YEAR -> timePart(m, TimePart.YEAR, value);
      case ALL, NEQ -> throw new IllegalStateException("list modifier applied per value: " + m);
    };
  }

  private static SigmaValue lenientString(SigmaValue value) {
    if (value instanceof SigmaNumber n) {
      return SigmaString.literal(n.text());
    }
    if (value instanceof SigmaBool b) {
      return SigmaString.literal(b.toString());
    }
    return value;
  }

  private static SigmaString requireString(Modifier m, SigmaValue value) {
    if (lenientString(value) instanceof SigmaString s) {
      return s;
    }
    throw incompatible(m, value, "a string");
  }

  private static SigmaRegex requireRegex(Modifier m, SigmaValue value) {
    if (value instanceof SigmaRegex r) {
      return r;
    }
    throw incompatible(m, value, "a regular expression (put 're' before it)");
  }

  static ModifierException incompatible(Modifier m, SigmaValue value, String expected) {
    return new ModifierException(
        "modifier '" + m.keyword() + "' is incompatible with " + value.describe() + "; it expects "
            + expected);
  }

  private static SigmaValue anchor(Modifier m, SigmaValue value) {
    if (value instanceof SigmaString s) {
      return switch (m) {
        case CONTAINS -> s.prependAnyRun().appendAnyRun();
        case STARTSWITH -> s.appendAnyRun();
        default -> s.prependAnyRun();
      };
    }
    if (value instanceof SigmaRegex r) {
      return r.withPattern(RegexAnchors.apply(m, r.pattern()));
    }
    if (value instanceof SigmaFieldRef ref) {
      return new SigmaFieldRef(
          ref.field(),
          ref.startsWith() || m != Modifier.ENDSWITH,
          ref.endsWith() || m != Modifier.STARTSWITH);
    }
    throw incompatible(m, value, "a string, a regular expression or a field reference");
  }

  private static SigmaRegex regex(SigmaValue value, List<Modifier> applied) {
    if (!applied.isEmpty()) {
      throw new ModifierException(
          "modifier 're' only applies to unmodified values, but follows '"
              + Modifier.join(applied) + "'");
    }
    String pattern;
    if (value instanceof SigmaString s) {
      pattern = s.original();
    } else if (value instanceof SigmaNumber n) {
      pattern = n.text();
    } else {
      throw incompatible(Modifier.RE, value, "a string");
    }
    try {
      return SigmaRegex.of(pattern);
    } catch (PatternSyntaxException e) {
      throw new ModifierException(
          "invalid regular expression '" + pattern + "': " + e.getDescription()
              + " near index " + e.getIndex());
    }
  }

  private static SigmaCidr cidr(SigmaValue value, List<Modifier> applied) {
    if (!applied.isEmpty()) {
      throw new ModifierException(
          "modifier 'cidr' only applies to unmodified values, but follows '"
              + Modifier.join(applied) + "'");
    }
    SigmaString s = requireString(Modifier.CIDR, value);
    if (!s.isPlain()) {
      throw new ModifierException("invalid CIDR expression '" + s + "': wildcards are not allowed");
    }
    try {
      return SigmaCidr.parse(s.plainText());
    } catch (IllegalArgumentException e) {
      throw new ModifierException(e.getMessage());
    }
  }

  private static SigmaExists exists(SigmaValue value, List<Modifier> applied, @Nullable String field) {
    if (field == null) {
      throw new ModifierException("modifier 'exists' must be applied to a field, not to keywords");
    }
    if (!applied.isEmpty()) {
      throw new ModifierException(
          "modifier 'exists' only applies to unmodified boolean values, but follows '"
              + Modifier.join(applied) + "'");
    }
    if (value instanceof SigmaBool b) {
      return new SigmaExists(b.value());
    }
    throw incompatible(Modifier.EXISTS, value, "true or false");
  }

  private static SigmaValue expand(SigmaValue value) {
    if (value instanceof SigmaRegex r) {
      return r.withExpand();
    }
    return requireString(Modifier.EXPAND, value).insertPlaceholders();
  }

  private static SigmaFieldRef fieldRef(SigmaString s) {
    if (!s.isPlain() || s.plainText().isEmpty()) {
      throw new ModifierException(
          "a field reference must be a plain field name without wildcards, got '" + s + "'");
    }
    return new SigmaFieldRef(s.plainText(), false, false);
  }

  private static SigmaCompare compare(Modifier m, CompareOp op, SigmaValue value) {
    if (value instanceof SigmaNumber n) {
      return new SigmaCompare(op, n);
    }
    throw incompatible(m, value, "a number");
  }

  private static SigmaValue timePart(Modifier m, TimePart part, SigmaValue value) {
    if (!(value instanceof SigmaNumber n)) {
      throw incompatible(m, value, "a number");
    }
    int v;
    try {
      v = n.value().intValueExact();
    } catch (ArithmeticException e) {
      throw incompatible(m, value, "a whole number");
    }
    if (!part.isValid(v)) {
      throw new ModifierException(
          "modifier '" + m.keyword() + "' value " + n.text() + " is outside " + part.range()
              + " and could never match");
    }
    return new SigmaTimestampPart(part, v);
  }
}
