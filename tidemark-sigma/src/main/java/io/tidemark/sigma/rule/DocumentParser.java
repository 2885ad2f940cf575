package io.tidemark.sigma.rule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Turns one YAML document into a detection rule, correlation or filter, or into problems. */
final class DocumentParser {
  private static final Set<String> META_KEYS = Set.of(
      "title", "id", "name", "related", "status", "description", "references", "author", "date",
      "modified", "tags", "fields", "falsepositives", "level", "license", "scope", "taxonomy");
  private static final Set<String> BODY_KEYS = Set.of("logsource", "detection", "correlation", "filter");

  private final ParseContext ctx;

  DocumentParser(ParseContext ctx) {
    this.ctx = ctx;
  }

  /** The document, or null when it had problems (all of them reported to the context). */
  @Nullable SigmaDocument parse(Node root) {
    Map<String, NodeTuple> top = ctx.mapping(root, "a rule document");
    if (top == null) {
      return null;
    }
    if (top.containsKey("action")) {
      ctx.problem(top.get("action").getKeyNode(),
          "Sigma v1 rule collections ('action: global' and friends) are obsolete since v2; "
              + "write each rule as a complete document");
      return null;
    }
    RuleMetadata metadata = metadata(root, top);
    boolean hasDetection = top.containsKey("detection");
    boolean hasCorrelation = top.containsKey("correlation");
    boolean hasFilter = top.containsKey("filter");
    int kinds = (hasDetection ? 1 : 0) + (hasCorrelation ? 1 : 0) + (hasFilter ? 1 : 0);
    if (kinds != 1) {
      ctx.problem(root, kinds == 0
          ? "document has none of 'detection', 'correlation' or 'filter'"
          : "document has more than one of 'detection', 'correlation' and 'filter'");
      return null;
    }
    SigmaDocument doc;
    if (hasCorrelation) {
      doc = metadata == null ? null : new CorrelationParser(ctx).parse(metadata, top.get("correlation").getValueNode());
    } else {
      LogSource logSource = logSource(root, top);
      DetectionParser detections = new DetectionParser(ctx);
      if (hasFilter) {
        doc = filter(metadata, logSource, top.get("filter").getValueNode(), detections);
      } else {
        Detection detection = detections.parse(top.get("detection").getValueNode(), Set.of());
        doc = metadata == null || logSource == null || detection == null
            ? null : new SigmaRule(metadata, logSource, detection);
      }
    }
    return ctx.clean() ? doc : null;
  }

  private @Nullable RuleMetadata metadata(Node root, Map<String, NodeTuple> top) {
    NodeTuple titleNode = top.get("title");
    String title = titleNode == null ? null : ctx.text(titleNode.getValueNode(), "title");
    String id = optionalText(top, "id");
    ctx.ruleId = id;
    ctx.title = title;
    if (titleNode == null) {
      ctx.problem(root, "document has no 'title'");
    }
    Status status = parseEnum(top, "status", Status::parse);
    Level level = parseEnum(top, "level", Level::parse);
    String taxonomy = optionalText(top, "taxonomy");
    Map<String, Object> custom = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
      if (!META_KEYS.contains(e.getKey()) && !BODY_KEYS.contains(e.getKey())) {
        Object value = ctx.plain(e.getValue().getValueNode(), 0);
        if (value != null) {
          custom.put(e.getKey(), value);
        }
      }
    }
    if (title == null) {
      return null;
    }
    return new RuleMetadata(
        title, id, optionalText(top, "name"), related(top), status, optionalText(top, "description"),
        list(top, "references"), author(top), date(top, "date"), date(top, "modified"),
        list(top, "tags"), list(top, "fields"), list(top, "falsepositives"), level,
        optionalText(top, "license"), list(top, "scope"), taxonomy == null ? "sigma" : taxonomy,
        custom, ctx.at(root));
  }

  private @Nullable String optionalText(Map<String, NodeTuple> top, String key) {
    NodeTuple tuple = top.get(key);
    if (tuple == null || ParseContext.isNull(tuple.getValueNode())) {
      return null;
    }
    return ctx.text(tuple.getValueNode(), "'" + key + "'");
  }

  private List<String> list(Map<String, NodeTuple> top, String key) {
    NodeTuple tuple = top.get(key);
    if (tuple == null) {
      return List.of();
    }
    List<String> values = ctx.strings(tuple.getValueNode(), "'" + key + "'");
    return values == null ? List.of() : values;
  }

  private @Nullable String author(Map<String, NodeTuple> top) {
    List<String> authors = list(top, "author");
    return authors.isEmpty() ? null : String.join(", ", authors);
  }

  private <T> @Nullable T parseEnum(
      Map<String, NodeTuple> top, String key, Function<String, T> parser) {
    String text = optionalText(top, key);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      ctx.problem(top.get(key).getValueNode(), e.getMessage());
      return null;
    }
  }

  private @Nullable LocalDate date(Map<String, NodeTuple> top, String key) {
    String text = optionalText(top, key);
    if (text == null) {
      return null;
    }
    try {
      // SigmaHQ's older rules write 2019/01/31; the specification asks for ISO 2019-01-31.
      return LocalDate.parse(text.replace('/', '-'));
    } catch (DateTimeParseException e) {
      ctx.problem(top.get(key).getValueNode(), "'" + key + "' must be a date like 2024-01-31, got '"
          + ParseContext.abbreviate(text) + "'");
      return null;
    }
  }

  private List<Related> related(Map<String, NodeTuple> top) {
    NodeTuple tuple = top.get("related");
    if (tuple == null || !(tuple.getValueNode() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode seq)) {
      if (tuple != null) {
        ctx.problem(tuple.getValueNode(), "'related' must be a list of {id, type} maps");
      }
      return List.of();
    }
    List<Related> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      Map<String, NodeTuple> entry = ctx.mapping(item, "a 'related' entry");
      if (entry == null) {
        continue;
      }
      String id = entry.containsKey("id") ? ctx.text(entry.get("id").getValueNode(), "related id") : null;
      String type = entry.containsKey("type") ? ctx.text(entry.get("type").getValueNode(), "related type") : null;
      if (id == null || type == null) {
        ctx.problem(item, "a 'related' entry needs both 'id' and 'type'");
        continue;
      }
      try {
        out.add(new Related(id, Related.Type.parse(type)));
      } catch (IllegalArgumentException e) {
        ctx.problem(entry.get("type").getValueNode(), e.getMessage());
      }
    }
    return out;
  }

  private @Nullable LogSource logSource(Node root, Map<String, NodeTuple> top) {
    NodeTuple tuple = top.get("logsource");
    if (tuple == null) {
      ctx.problem(root, "document has no 'logsource'");
      return null;
    }
    Map<String, NodeTuple> entries = ctx.mapping(tuple.getValueNode(), "'logsource'");
    if (entries == null) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      Node valueNode = e.getValue().getValueNode();
      if (ParseContext.isNull(valueNode)) {
        continue;
      }
      String text = ctx.text(valueNode, "logsource '" + e.getKey() + "'");
      if (text != null) {
        values.put(e.getKey(), text);
      }
    }
    String category = values.remove("category");
    String product = values.remove("product");
    String service = values.remove("service");
    String definition = values.remove("definition");
    return new LogSource(category, product, service, definition, values);
  }

  private @Nullable FilterRule filter(
      @Nullable RuleMetadata metadata, @Nullable LogSource logSource, Node filterNode,
      DetectionParser detections) {
    Map<String, NodeTuple> entries = ctx.mapping(filterNode, "'filter'");
    if (entries == null) {
      return null;
    }
    List<String> rules = null;
    NodeTuple rulesNode = entries.get("rules");
    if (rulesNode == null) {
      ctx.problem(filterNode, "a filter needs 'rules': the ids or names of the rules it filters");
    } else {
      rules = ctx.strings(rulesNode.getValueNode(), "filter 'rules'");
      if (rules != null && rules.isEmpty()) {
        ctx.problem(rulesNode.getValueNode(), "filter 'rules' must name at least one rule");
        rules = null;
      }
    }
    NodeTuple condition = entries.get("condition");
    if (condition != null && !(condition.getValueNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode)) {
      ctx.problem(condition.getValueNode(), "a filter's 'condition' must be a single condition, not a list");
      return null;
    }
    Detection detection = detections.parse(filterNode, Set.of("rules"));
    if (metadata == null || logSource == null || rules == null || detection == null) {
      return null;
    }
    return new FilterRule(metadata, logSource, rules, detection);
  }
}
