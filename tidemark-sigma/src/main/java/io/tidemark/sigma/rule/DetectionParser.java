package io.tidemark.sigma.rule;

import io.tidemark.sigma.RuleLocation;
import io.tidemark.sigma.condition.Condition;
import io.tidemark.sigma.condition.ConditionParser;
import io.tidemark.sigma.condition.ConditionSyntaxException;
import io.tidemark.sigma.modifier.ModifiedValues;
import io.tidemark.sigma.modifier.Modifier;
import io.tidemark.sigma.modifier.ModifierChain;
import io.tidemark.sigma.modifier.ModifierException;
import io.tidemark.sigma.value.SigmaNull;
import io.tidemark.sigma.value.SigmaValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Parses a {@code detection} (or filter) section: search identifiers, items and conditions. */
final class DetectionParser {
  private final ParseContext ctx;

  DetectionParser(ParseContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The detection, or null when it had problems.
   *
   * @param reserved keys of the section that are not search identifiers (a filter's {@code rules})
   */
  @Nullable Detection parse(Node section, Set<String> reserved) {
    Map<String, NodeTuple> entries = ctx.mapping(section, "'detection'");
    if (entries == null) {
      return null;
    }
    if (entries.containsKey("timeframe")) {
      ctx.problem(entries.get("timeframe").getKeyNode(),
          "'timeframe' belongs to Sigma v1 aggregations, obsolete since v2; use a correlation rule");
    }
    Map<String, SearchIdentifier> identifiers = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      String name = e.getKey();
      if (name.equals("condition") || name.equals("timeframe") || reserved.contains(name)) {
        continue;
      }
      names.add(name); // even when it fails below, so the condition reports no follow-on errors
      SearchIdentifier identifier = identifier(name, e.getValue());
      if (identifier != null) {
        identifiers.put(name, identifier);
      }
    }
    NodeTuple conditionTuple = entries.get("condition");
    if (conditionTuple == null) {
      ctx.problem(section, "detection has no 'condition'");
      return null;
    }
    List<Condition> conditions = conditions(conditionTuple.getValueNode(), names);
    if (names.isEmpty()) {
      ctx.problem(section, "detection has no search identifiers");
      return null;
    }
    if (conditions == null || !ctx.clean()) {
      return null;
    }
    return new Detection(identifiers, conditions, ctx.at(section));
  }

  private @Nullable SearchIdentifier identifier(String name, NodeTuple tuple) {
    Node node = tuple.getValueNode();
    if (!ctx.visit(node)) {
      return null;
    }
    List<List<DetectionItem>> groups = new ArrayList<>();
    if (node instanceof ScalarNode scalar) {
      if (Tag.NULL.equals(scalar.getTag())) {
        ctx.problem(node, "search identifier '" + name + "' is empty");
        return null;
      }
      DetectionItem keyword = item(null, List.of(), List.of(ParseContext.value(scalar)), node);
      if (keyword != null) {
        groups.add(List.of(keyword));
      }
    } else if (node instanceof SequenceNode seq) {
      List<SigmaValue> keywords = new ArrayList<>();
      for (Node element : seq.getValue()) {
        if (!ctx.visit(element)) {
          return null;
        }
        if (element instanceof ScalarNode scalar) {
          keywords.add(ParseContext.value(scalar));
        } else if (element instanceof SequenceNode) {
          ctx.problem(element, "search identifier '" + name + "' holds a nested list");
        } else {
          List<DetectionItem> group = group(name, element);
          if (group != null) {
            groups.add(group);
          }
        }
      }
      if (!keywords.isEmpty()) {
        DetectionItem keyword = item(null, List.of(), keywords, node);
        if (keyword != null) {
          groups.add(0, List.of(keyword));
        }
      }
      if (seq.getValue().isEmpty()) {
        ctx.problem(node, "search identifier '" + name + "' is an empty list");
      }
    } else {
      List<DetectionItem> group = group(name, node);
      if (group != null) {
        groups.add(group);
      }
    }
    return groups.isEmpty() ? null : new SearchIdentifier(name, groups, ctx.at(tuple.getKeyNode()));
  }

  private @Nullable List<DetectionItem> group(String name, Node node) {
    Map<String, NodeTuple> entries = ctx.mapping(node, "search identifier '" + name + "'");
    if (entries == null) {
      return null;
    }
    if (entries.isEmpty()) {
      ctx.problem(node, "search identifier '" + name + "' is an empty map");
      return null;
    }
    List<DetectionItem> items = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      DetectionItem item = fieldItem(e.getKey(), e.getValue());
      if (item != null) {
        items.add(item);
      }
    }
    return items.size() == entries.size() ? items : null;
  }

  private @Nullable DetectionItem fieldItem(String key, NodeTuple tuple) {
    ScalarNode keyNode = (ScalarNode) tuple.getKeyNode();
    String[] parts = key.split("\\|", -1);
    String field = parts[0].isEmpty() ? null : parts[0];
    List<Modifier> modifiers = new ArrayList<>();
    int offset = ParseContext.quoteShift(keyNode) + parts[0].length() + 1;
    for (int i = 1; i < parts.length; i++) {
      Modifier m = Modifier.byName(parts[i]);
      if (m == null) {
        ctx.problem(ctx.at(keyNode).shift(offset),
            "unknown modifier '" + parts[i] + "' on " + (field == null ? "keywords" : "field '" + field + "'")
                + "; supported: " + Modifier.allNames());
        return null;
      }
      modifiers.add(m);
      offset += parts[i].length() + 1;
    }
    List<SigmaValue> values = values(key, tuple.getValueNode());
    return values == null ? null : item(field, modifiers, values, tuple.getValueNode());
  }

  private @Nullable List<SigmaValue> values(String key, Node node) {
    if (node instanceof ScalarNode scalar) {
      return List.of(ParseContext.value(scalar));
    }
    if (!(node instanceof SequenceNode seq)) {
      ctx.problem(node, "the value of '" + key + "' must be a value or a list of values, not a map");
      return null;
    }
    if (seq.getValue().isEmpty()) {
      ctx.problem(node, "the value list of '" + key + "' is empty");
      return null;
    }
    List<SigmaValue> values = new ArrayList<>();
    for (Node element : seq.getValue()) {
      if (!ctx.visit(element)) {
        return null;
      }
      if (!(element instanceof ScalarNode scalar)) {
        ctx.problem(element, "the values of '" + key + "' must be single values, not "
            + ParseContext.describe(element));
        return null;
      }
      SigmaValue value = ParseContext.value(scalar);
      if (value instanceof SigmaNull && seq.getValue().size() > 1) {
        ctx.problem(element, "null must be its own selection, not part of the value list of '"
            + key + "' (write 'not <selection with null>' for 'not null')");
        return null;
      }
      values.add(value);
    }
    return values;
  }

  private @Nullable DetectionItem item(
      @Nullable String field, List<Modifier> modifiers, List<SigmaValue> values, Node valueNode) {
    RuleLocation location = ctx.at(valueNode);
    try {
      ModifiedValues modified = ModifierChain.apply(field, modifiers, values);
      return new DetectionItem(field, modifiers, values, modified, location);
    } catch (ModifierException e) {
      ctx.problem(location, (field == null ? "keywords" : "field '" + field + "'") + ": " + e.getMessage());
      return null;
    }
  }

  private @Nullable List<Condition> conditions(Node node, Set<String> identifiers) {
    List<ScalarNode> texts = new ArrayList<>();
    if (node instanceof SequenceNode seq) {
      for (Node element : seq.getValue()) {
        if (element instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
          texts.add(s);
        } else {
          ctx.problem(element, "each condition must be a single text, not " + ParseContext.describe(element));
        }
      }
    } else if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
      texts.add(s);
    } else {
      ctx.problem(node, "'condition' must be a text or a list of texts, not " + ParseContext.describe(node));
    }
    if (texts.isEmpty()) {
      if (node instanceof SequenceNode) {
        ctx.problem(node, "'condition' is an empty list");
      }
      return null;
    }
    List<Condition> out = new ArrayList<>();
    for (ScalarNode text : texts) {
      try {
        Condition condition = ConditionParser.parse(text.getValue());
        if (checkReferences(condition, identifiers, text)) {
          out.add(condition);
        }
      } catch (ConditionSyntaxException e) {
        ctx.problem(ctx.at(text).shift(ParseContext.quoteShift(text) + e.offset()),
            "condition '" + ParseContext.abbreviate(text.getValue()) + "': " + e.getMessage());
      }
    }
    return out.size() == texts.size() ? out : null;
  }

  private boolean checkReferences(Condition condition, Set<String> identifiers, ScalarNode text) {
    boolean ok = true;
    for (String name : Condition.identifiers(condition)) {
      if (!identifiers.contains(name)) {
        int at = text.getValue().indexOf(name);
        ctx.problem(ctx.at(text).shift(ParseContext.quoteShift(text) + Math.max(at, 0)),
            "condition refers to '" + name + "', which is not a search identifier of this detection"
                + " (defined: " + String.join(", ", identifiers) + ")");
        ok = false;
      }
    }
    List<String> names = List.copyOf(identifiers);
    for (Condition.Quantified q : quantifiers(condition, new ArrayList<>())) {
      if (q.select(names).isEmpty()) {
        ctx.problem(text, "'" + q + "' matches no search identifier");
        ok = false;
      }
    }
    return ok;
  }

  private static List<Condition.Quantified> quantifiers(Condition c, List<Condition.Quantified> out) {
    if (c instanceof Condition.Quantified q) {
      out.add(q);
    } else if (c instanceof Condition.And and) {
      and.operands().forEach(o -> quantifiers(o, out));
    } else if (c instanceof Condition.Or or) {
      or.operands().forEach(o -> quantifiers(o, out));
    } else if (c instanceof Condition.Not not) {
      quantifiers(not.operand(), out);
    }
    return out;
  }
}
