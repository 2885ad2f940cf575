package io.tidemark.sigma.rule;

import io.tidemark.sigma.RuleLocation;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.value.SigmaBool;
import io.tidemark.sigma.value.SigmaNull;
import io.tidemark.sigma.value.Numbers;
import io.tidemark.sigma.value.SigmaNumber;
import io.tidemark.sigma.value.SigmaString;
import io.tidemark.sigma.value.SigmaValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Per-document parsing state: the file, the problems found so far, and a budget on visited YAML
 * nodes. Aliases make a small file stand for a huge tree ("billion laughs"), so every visit is
 * counted and nesting is bounded.
 */
final class ParseContext {
  static final int NODE_BUDGET = 200_000;
  static final int MAX_DEPTH = 64;

  final String path;
  private final List<RuleProblem> problems;
  private final int problemsAtStart;
  private int budget = NODE_BUDGET;
  @Nullable String ruleId;
  @Nullable String title;

  ParseContext(String path, List<RuleProblem> problems) {
    this.path = path;
    this.problems = problems;
    this.problemsAtStart = problems.size();
  }

  /** Whether this document has had no problem. */
  boolean clean() {
    return problems.size() == problemsAtStart;
  }

  RuleLocation at(Node node) {
    return node.getStartMark().map(this::at).orElse(RuleLocation.of(path));
  }

  RuleLocation at(Mark mark) {
    return new RuleLocation(path, mark.getLine() + 1, mark.getColumn() + 1);
  }

  void problem(Node node, String reason) {
    problem(at(node), reason);
  }

  void problem(RuleLocation location, String reason) {
    problems.add(new RuleProblem(location, ruleId, title, reason));
  }

  /** Counts a node visit; false (with a problem reported once) when the budget is spent. */
  boolean visit(Node node) {
    if (--budget == 0) {
      problem(node, "document is too large or too deeply aliased (more than " + NODE_BUDGET
          + " YAML nodes after alias expansion)");
    }
    return budget > 0;
  }

  /** The text of a scalar, or null with a problem when the node is not a scalar. */
  @Nullable String text(Node node, String what) {
    if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
      return scalar.getValue();
    }
    problem(node, what + " must be a single value, not " + describe(node));
    return null;
  }

  /** The entries of a mapping in order, or null with a problem; duplicate keys are problems. */
  @Nullable Map<String, NodeTuple> mapping(Node node, String what) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a map, not " + describe(node));
      return null;
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key)) {
        problem(keyNode, "keys of " + what + " must be plain values, not " + describe(keyNode));
        continue;
      }
      if (out.containsKey(key.getValue())) {
        problem(keyNode, "duplicate key '" + key.getValue() + "' in " + what
            + " (YAML would silently keep only the last one)");
        continue;
      }
      out.put(key.getValue(), tuple);
    }
    return out;
  }

  /** A single string or a list of strings; null with a problem otherwise. */
  @Nullable List<String> strings(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      return Tag.NULL.equals(scalar.getTag()) ? List.of() : List.of(scalar.getValue());
    }
    if (!(node instanceof SequenceNode seq)) {
      problem(node, what + " must be a value or a list of values, not " + describe(node));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!visit(item)) {
        return null;
      }
      String text = item instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
      if (text == null) {
        problem(item, "items of " + what + " must be single values, not " + describe(item));
        return null;
      }
      out.add(text);
    }
    return out;
  }

  /** A detection value: YAML null, bool, int and float become typed values, the rest Sigma strings. */
  static SigmaValue value(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (Tag.NULL.equals(tag)) {
      return SigmaNull.INSTANCE;
    }
    if (Tag.BOOL.equals(tag)) {
      return new SigmaBool(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      SigmaNumber number = SigmaNumber.parseOrNull(text);
      if (number != null) {
        return number;
      }
    }
    return SigmaString.parse(text);
  }

  /** Converts custom data to plain Java values; null when the budget or depth is exceeded. */
  @Nullable Object plain(Node node, int depth) {
    if (!visit(node)) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      problem(node, "custom data nests deeper than " + MAX_DEPTH + " levels");
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      return plainScalar(scalar);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        Object value = plain(item, depth + 1);
        if (value != null) {
          out.add(value);
        }
      }
      return Collections.unmodifiableList(out);
    }
    Map<String, NodeTuple> entries = mapping(node, "custom data");
    if (entries == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      Object value = plain(e.getValue().getValueNode(), depth + 1);
      if (value != null) {
        out.put(e.getKey(), value);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static @Nullable Object plainScalar(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      BigDecimal n = Numbers.parse(text);
      if (n != null) {
        if (Tag.INT.equals(tag) && n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
            && n.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
          return n.longValueExact();
        }
        return n.doubleValue();
      }
    }
    return text;
  }

  /** Columns to add to a scalar's start to reach a character of its text. */
  static int quoteShift(ScalarNode scalar) {
    ScalarStyle style = scalar.getScalarStyle();
    return style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED ? 1 : 0;
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return Tag.NULL.equals(s.getTag()) ? "an empty value" : "the value '" + abbreviate(s.getValue()) + "'";
    }
    return node instanceof SequenceNode ? "a list" : "a map";
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
