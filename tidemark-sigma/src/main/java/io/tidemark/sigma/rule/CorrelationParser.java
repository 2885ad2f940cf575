package io.tidemark.sigma.rule;

import io.tidemark.sigma.value.Numbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Parses a {@code correlation} section. */
final class CorrelationParser {
  private static final Set<String> KEYS =
      Set.of("type", "rules", "group-by", "timespan", "condition", "aliases", "generate");
  private static final Map<Character, Long> UNIT_SECONDS = Map.of(
      's', 1L, 'm', 60L, 'h', 3600L, 'd', 86_400L, 'w', 604_800L,
      'M', 2_629_746L, 'y', 31_556_952L);

  private final ParseContext ctx;

  CorrelationParser(ParseContext ctx) {
    this.ctx = ctx;
  }

  @Nullable CorrelationRule parse(RuleMetadata metadata, Node section) {
    Map<String, NodeTuple> entries = ctx.mapping(section, "'correlation'");
    if (entries == null) {
      return null;
    }
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        ctx.problem(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' in 'correlation'; allowed: "
            + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    CorrelationType type = type(section, entries.get("type"));
    List<String> rules = required(section, entries, "rules");
    List<String> groupBy = entries.containsKey("group-by")
        ? ctx.strings(entries.get("group-by").getValueNode(), "'group-by'") : List.of();
    Duration timespan = timespan(section, entries.get("timespan"));
    Map<String, Map<String, String>> aliases = aliases(entries.get("aliases"));
    boolean generate = generate(entries.get("generate"));
    CorrelationCondition condition = null;
    if (type != null && rules != null) {
      condition = condition(section, type, rules.size(), entries.get("condition"));
    }
    if (type == null || rules == null || groupBy == null || timespan == null || aliases == null
        || condition == null || !ctx.clean()) {
      return null;
    }
    for (String alias : aliases.keySet()) {
      if (!groupBy.contains(alias)) {
        ctx.problem(entries.get("aliases").getValueNode(), "alias '" + alias + "' is not used in 'group-by'");
        return null;
      }
    }
    return new CorrelationRule(metadata, type, rules, groupBy, aliases, timespan, condition, generate);
  }

  private @Nullable CorrelationType type(Node section, @Nullable NodeTuple tuple) {
    if (tuple == null) {
      ctx.problem(section, "correlation has no 'type'");
      return null;
    }
    String text = ctx.text(tuple.getValueNode(), "correlation 'type'");
    if (text == null) {
      return null;
    }
    try {
      return CorrelationType.parse(text);
    } catch (IllegalArgumentException e) {
      ctx.problem(tuple.getValueNode(), e.getMessage());
      return null;
    }
  }

  private @Nullable List<String> required(Node section, Map<String, NodeTuple> entries, String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      ctx.problem(section, "correlation has no '" + key + "'");
      return null;
    }
    List<String> values = ctx.strings(tuple.getValueNode(), "'" + key + "'");
    if (values != null && values.isEmpty()) {
      ctx.problem(tuple.getValueNode(), "'" + key + "' is empty");
      return null;
    }
    return values;
  }

  private @Nullable Duration timespan(Node section, @Nullable NodeTuple tuple) {
    if (tuple == null) {
      ctx.problem(section, "correlation has no 'timespan'");
      return null;
    }
    String text = ctx.text(tuple.getValueNode(), "'timespan'");
    if (text == null) {
      return null;
    }
    Duration parsed = parseTimespan(text);
    if (parsed == null) {
      ctx.problem(tuple.getValueNode(), "timespan '" + ParseContext.abbreviate(text)
          + "' must be a positive whole number and a unit: s, m, h, d, w, M (month) or y, e.g. 15m");
    }
    return parsed;
  }

  static @Nullable Duration parseTimespan(String text) {
    if (text.length() < 2 || text.length() > 8) {
      return null;
    }
    Long unit = UNIT_SECONDS.get(text.charAt(text.length() - 1));
    String count = text.substring(0, text.length() - 1);
    if (unit == null || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    long n = Long.parseLong(count);
    return n <= 0 ? null : Duration.ofSeconds(n * unit);
  }

  private @Nullable Map<String, Map<String, String>> aliases(@Nullable NodeTuple tuple) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    if (tuple == null) {
      return out;
    }
    Map<String, NodeTuple> entries = ctx.mapping(tuple.getValueNode(), "'aliases'");
    if (entries == null) {
      return null;
    }
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      Map<String, NodeTuple> byRule = ctx.mapping(e.getValue().getValueNode(), "alias '" + e.getKey() + "'");
      if (byRule == null) {
        return null;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (Map.Entry<String, NodeTuple> r : byRule.entrySet()) {
        String field = ctx.text(r.getValue().getValueNode(), "alias field");
        if (field == null) {
          return null;
        }
        fields.put(r.getKey(), field);
      }
      out.put(e.getKey(), fields);
    }
    return out;
  }

  private boolean generate(@Nullable NodeTuple tuple) {
    if (tuple == null) {
      return false;
    }
    Node node = tuple.getValueNode();
    if (node instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
      return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT));
    }
    ctx.problem(node, "'generate' must be true or false, not " + ParseContext.describe(node));
    return false;
  }

  private @Nullable CorrelationCondition condition(
      Node section, CorrelationType type, int ruleCount, @Nullable NodeTuple tuple) {
    if (tuple == null) {
      if (type.isTemporal()) {
        // The specification's default: every referenced rule must have matched.
        return new CorrelationCondition(
            Map.of(CorrelationCondition.Op.GTE, BigDecimal.valueOf(ruleCount)), List.of(), null);
      }
      ctx.problem(section, type.id() + " correlation has no 'condition'");
      return null;
    }
    Node node = tuple.getValueNode();
    if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
      ctx.problem(node, "boolean correlation conditions ('" + ParseContext.abbreviate(s.getValue())
          + "', a Sigma v2.2 proposal) are not supported; use a map such as {gte: 2}");
      return null;
    }
    Map<String, NodeTuple> entries = ctx.mapping(node, "correlation 'condition'");
    if (entries == null) {
      return null;
    }
    Map<CorrelationCondition.Op, BigDecimal> bounds = new EnumMap<>(CorrelationCondition.Op.class);
    List<String> fields = List.of();
    Integer percentile = null;
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      Node value = e.getValue().getValueNode();
      switch (e.getKey()) {
        case "field" -> {
          List<String> f = ctx.strings(value, "condition 'field'");
          fields = f == null ? List.of() : f;
        }
        case "percentile" -> percentile = percentile(value);
        default -> {
          CorrelationCondition.Op op = op(e.getKey());
          BigDecimal number = value instanceof ScalarNode s ? Numbers.parse(s.getValue()) : null;
          if (op == null) {
            ctx.problem(e.getValue().getKeyNode(), "unknown condition key '" + e.getKey()
                + "'; allowed: gt, gte, lt, lte, eq, neq, field, percentile");
          } else if (number == null) {
            ctx.problem(value, "condition '" + e.getKey() + "' needs a number, not " + ParseContext.describe(value));
          } else {
            bounds.put(op, number);
          }
        }
      }
    }
    if (bounds.isEmpty()) {
      ctx.problem(node, "correlation condition needs one of gt, gte, lt, lte, eq, neq");
      return null;
    }
    if (type.needsField() && fields.isEmpty()) {
      ctx.problem(node, type.id() + " correlation needs 'field' in its condition");
      return null;
    }
    if (!type.needsField() && !fields.isEmpty()) {
      ctx.problem(node, "'field' has no meaning for a " + type.id() + " correlation");
      return null;
    }
    if ((type == CorrelationType.VALUE_PERCENTILE) != (percentile != null)) {
      ctx.problem(node, type == CorrelationType.VALUE_PERCENTILE
          ? "value_percentile correlation needs 'percentile' (0-100) in its condition"
          : "'percentile' only applies to value_percentile correlations");
      return null;
    }
    return new CorrelationCondition(bounds, fields, percentile);
  }

  private @Nullable Integer percentile(Node value) {
    BigDecimal n = value instanceof ScalarNode s ? Numbers.parse(s.getValue()) : null;
    if (n == null || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0 || n.stripTrailingZeros().scale() > 0) {
      ctx.problem(value, "'percentile' must be a whole number from 0 to 100, not " + ParseContext.describe(value));
      return null;
    }
    return n.intValueExact();
  }

  private static CorrelationCondition.@Nullable Op op(String key) {
    for (CorrelationCondition.Op op : CorrelationCondition.Op.values()) {
      if (op.id().equals(key)) {
        return op;
      }
    }
    return null;
  }
}
