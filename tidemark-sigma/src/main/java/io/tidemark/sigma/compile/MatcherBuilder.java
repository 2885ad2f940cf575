package io.tidemark.sigma.compile;

import io.tidemark.sigma.RuleLocation;
import io.tidemark.sigma.condition.Condition;
import io.tidemark.sigma.logsource.Target;
import io.tidemark.sigma.modifier.ModifiedValues;
import io.tidemark.sigma.rule.Detection;
import io.tidemark.sigma.rule.DetectionItem;
import io.tidemark.sigma.rule.SearchIdentifier;
import io.tidemark.sigma.value.SigmaBool;
import io.tidemark.sigma.value.SigmaCidr;
import io.tidemark.sigma.value.SigmaCompare;
import io.tidemark.sigma.value.SigmaExists;
import io.tidemark.sigma.value.SigmaExpansion;
import io.tidemark.sigma.value.SigmaFieldRef;
import io.tidemark.sigma.value.SigmaNull;
import io.tidemark.sigma.value.SigmaNumber;
import io.tidemark.sigma.value.SigmaRegex;
import io.tidemark.sigma.value.SigmaString;
import io.tidemark.sigma.value.SigmaTimestampPart;
import io.tidemark.sigma.value.SigmaValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the matcher of one detection for one target: field names are renamed here, once, and
 * values are adapted to the log (placeholders expanded, IIS's {@code +} for spaces).
 */
final class MatcherBuilder {
  private static final int MAX_PLACEHOLDER_VALUES = 4096;

  private final Target target;
  private final CompileOptions options;
  private final Map<String, Matcher> identifiers = new HashMap<>();

  MatcherBuilder(Target target, CompileOptions options) {
    this.target = target;
    this.options = options;
  }

  /** A rule that cannot be compiled for this target; the message names the value. */
  static final class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RuleLocation location;

    CompileException(String message, RuleLocation location) {
      super(message);
      this.location = location;
    }
  }

  /** The event field a rule field reads on this target. */
  String field(String ruleField) {
    String mapped = options.fieldMappings().get(ruleField);
    return mapped != null ? mapped : target.field(ruleField);
  }

  Matcher detection(Detection detection) {
    identifiers.clear();
    List<String> names = List.copyOf(detection.identifiers().keySet());
    for (SearchIdentifier id : detection.identifiers().values()) {
      identifiers.put(id.name(), identifier(id));
    }
    return condition(detection.condition(), names);
  }

  private Matcher condition(Condition c, List<String> names) {
    if (c instanceof Condition.Identifier id) {
      Matcher m = identifiers.get(id.name());
      if (m == null) {
        throw new IllegalStateException("unresolved identifier " + id.name());
      }
      return m;
    }
    if (c instanceof Condition.And and) {
      return new Matcher.And(and.operands().stream().map(o -> condition(o, names)).toList());
    }
    if (c instanceof Condition.Or or) {
      return new Matcher.Or(or.operands().stream().map(o -> condition(o, names)).toList());
    }
    if (c instanceof Condition.Not not) {
      return new Matcher.Not(condition(not.operand(), names));
    }
    Condition.Quantified q = (Condition.Quantified) c;
    List<Matcher> selected = q.select(names).stream().map(identifiers::get).toList();
    if (selected.isEmpty()) {
      return new Matcher.Const(false);
    }
    return q.all() ? new Matcher.And(selected) : new Matcher.Or(selected);
  }

  private Matcher identifier(SearchIdentifier id) {
    List<Matcher> groups = new ArrayList<>();
    for (List<DetectionItem> group : id.groups()) {
      List<Matcher> items = group.stream().map(this::item).toList();
      groups.add(items.size() == 1 ? items.get(0) : new Matcher.And(items));
    }
    return groups.size() == 1 ? groups.get(0) : new Matcher.Or(groups);
  }

  Matcher item(DetectionItem item) {
    ModifiedValues modified = item.modified();
    String field = item.field() == null ? null : field(item.field());
    boolean plus = field != null && target.plusForSpace().contains(field);
    List<ValueTest> tests = new ArrayList<>();
    List<Matcher> specials = new ArrayList<>();
    for (SigmaValue value : modified.values()) {
      if (value instanceof SigmaNull) {
        specials.add(new Matcher.IsNull(requireField(field, item, "null")));
      } else if (value instanceof SigmaExists e) {
        specials.add(new Matcher.Exists(requireField(field, item, "exists"), e.exists()));
      } else if (value instanceof SigmaFieldRef ref) {
        specials.add(new Matcher.FieldRef(requireField(field, item, "fieldref"), field(ref.field()),
            ref.startsWith(), ref.endsWith()));
      } else {
        tests.add(test(field == null ? asKeyword(value) : value, item, plus,
            field == null && !target.plusForSpace().isEmpty()));
      }
    }
    List<Matcher> parts = new ArrayList<>(specials);
    if (!tests.isEmpty()) {
      parts.add(field == null
          ? new Matcher.Keyword(tests, modified.allOf())
          : new Matcher.Field(field, tests, modified.allOf()));
    }
    Matcher m = parts.size() == 1 ? parts.get(0)
        : modified.allOf() ? new Matcher.And(parts) : new Matcher.Or(parts);
    return modified.negated() ? new Matcher.Not(m) : m;
  }

  /**
   * Keywords search the whole event, so a keyword string matches anywhere in a value: it gets
   * {@code *} at both ends, as the {@code contains} modifier would add them.
   */
  private static SigmaValue asKeyword(SigmaValue value) {
    if (value instanceof SigmaNumber || value instanceof SigmaBool) {
      return asKeyword(SigmaString.literal(value.toString()));
    }
    if (value instanceof SigmaString s) {
      return s.prependAnyRun().appendAnyRun();
    }
    if (value instanceof SigmaExpansion e) {
      return new SigmaExpansion(e.alternatives().stream().map(MatcherBuilder::asKeyword).toList());
    }
    return value;
  }

  private static String requireField(@org.jspecify.annotations.Nullable String field, DetectionItem item, String what) {
    if (field == null) {
      throw new CompileException("keywords cannot use " + what + "; it needs a field", item.location());
    }
    return field;
  }

  private ValueTest test(SigmaValue value, DetectionItem item, boolean plusField, boolean plusKeyword) {
    if (value instanceof SigmaExpansion expansion) {
      List<ValueTest> alternatives = new ArrayList<>();
      for (SigmaValue alternative : expansion.alternatives()) {
        alternatives.add(test(alternative, item, plusField, plusKeyword));
      }
      return new ValueTest.AnyOf(alternatives);
    }
    if (value instanceof SigmaString s) {
      List<SigmaString> variants = expandPlaceholders(s, item);
      List<ValueTest> alternatives = new ArrayList<>();
      for (SigmaString v : variants) {
        if (plusField) {
          alternatives.add(ValueTest.of(v.mapLiterals(t -> t.replace(' ', '+'))));
        } else {
          alternatives.add(ValueTest.of(v));
          SigmaString plussed = v.mapLiterals(t -> t.replace(' ', '+'));
          if (plusKeyword && !plussed.equals(v)) {
            alternatives.add(ValueTest.of(plussed));
          }
        }
      }
      return alternatives.size() == 1 ? alternatives.get(0) : new ValueTest.AnyOf(alternatives);
    }
    if (value instanceof SigmaNumber n) {
      return new ValueTest.NumberEquals(n);
    }
    if (value instanceof SigmaBool b) {
      return new ValueTest.BoolEquals(b.value());
    }
    if (value instanceof SigmaRegex r) {
      return new ValueTest.RegexTest(new SafeRegex(compileRegex(r, item), options.regexBudget()));
    }
    if (value instanceof SigmaCidr c) {
      return new ValueTest.CidrTest(c);
    }
    if (value instanceof SigmaCompare c) {
      return new ValueTest.CompareTest(c.op(), c.number().value());
    }
    if (value instanceof SigmaTimestampPart t) {
      return new ValueTest.TimePartTest(t.part(), t.value());
    }
    throw new CompileException("cannot match " + value.describe(), item.location());
  }

  private List<SigmaString> expandPlaceholders(SigmaString s, DetectionItem item) {
    if (!s.hasPlaceholders()) {
      return List.of(s);
    }
    try {
      return s.replacePlaceholders(options.placeholders(), MAX_PLACEHOLDER_VALUES);
    } catch (IllegalArgumentException e) {
      throw new CompileException(e.getMessage(), item.location());
    }
  }

  private Pattern compileRegex(SigmaRegex r, DetectionItem item) {
    SigmaRegex regex = r.expand() ? r.withPattern(expandRegex(r.pattern(), item)) : r;
    try {
      regex.compile(); // report errors against the pattern as written
      return regex.withPattern(searchForm(regex.pattern())).compile();
    } catch (PatternSyntaxException e) {
      throw new CompileException("invalid regular expression '" + regex.pattern() + "': "
          + e.getDescription(), item.location());
    }
  }

  /**
   * The pattern without a leading or trailing {@code .*}: under an unanchored search they can
   * always match the empty string, so dropping them changes no result but saves the quadratic
   * backtracking they cost (pySigma's contains/startswith/endswith add them).
   */
  static String searchForm(String pattern) {
    String p = pattern;
    while (p.startsWith(".*") && (p.length() == 2 || "*+?{".indexOf(p.charAt(2)) < 0)) {
      p = p.substring(2);
    }
    while (p.endsWith(".*") && !escapedAt(p, p.length() - 2)) {
      p = p.substring(0, p.length() - 2);
    }
    return p;
  }

  private static boolean escapedAt(String p, int index) {
    int backslashes = 0;
    for (int i = index - 1; i >= 0 && p.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private String expandRegex(String pattern, DetectionItem item) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int end = c == '%' && (i == 0 || pattern.charAt(i - 1) != '\\') ? pattern.indexOf('%', i + 1) : -1;
      String name = end > i + 1 ? pattern.substring(i + 1, end) : null;
      if (name != null && name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
        List<String> values = options.placeholders().get(name);
        if (values == null || values.isEmpty()) {
          throw new CompileException("placeholder %" + name
              + "% has no values; pass them in the compile options", item.location());
        }
        out.append("(?:");
        for (int v = 0; v < values.size(); v++) {
          out.append(v == 0 ? "" : "|").append(Pattern.quote(values.get(v)));
        }
        out.append(')');
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
