package io.tidemark.sigma.logsource;

import io.tidemark.event.LogType;
import io.tidemark.sigma.RuleLocation;
import io.tidemark.sigma.SigmaException;
import io.tidemark.sigma.rule.LogSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The logsource → log type table. A rule's logsource matches an entry when its category, product
 * and service (compared case-insensitively) are exactly the entry's.
 */
public final class LogSourceTable {
  /** The resource the built-in table is read from. */
  public static final String RESOURCE = "/io/tidemark/sigma/logsources.yml";

  private final List<Entry> entries;

  private record Key(@Nullable String category, @Nullable String product, @Nullable String service) {
    static Key of(LogSource ls) {
      return new Key(lower(ls.category()), lower(ls.product()), lower(ls.service()));
    }

    private static @Nullable String lower(@Nullable String s) {
      return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
  }

  private record Entry(Key key, Target target) {}

  private LogSourceTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The table shipped with Tidemark. */
  public static LogSourceTable builtIn() {
    try (InputStream in = LogSourceTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new SigmaException("logsource table missing from the classpath", RuleLocation.of(RESOURCE));
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new SigmaException("cannot read the logsource table: " + e.getMessage(), RuleLocation.of(RESOURCE), e);
    }
  }

  /**
   * Parses a table in the format of the built-in one.
   *
   * @throws SigmaException naming the file and the bad entry
   */
  public static LogSourceTable parse(String yaml, String path) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().setLabel(path).build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new SigmaException("logsource table is not valid YAML: " + e.getMessage(), RuleLocation.of(path), e);
    }
    Map<?, ?> top = map(root, "the table", path);
    List<Entry> entries = new ArrayList<>();
    Object services = top.get("windows-services");
    if (services != null) {
      for (Map.Entry<?, ?> e : map(services, "windows-services", path).entrySet()) {
        String service = e.getKey().toString();
        List<String> channels = strings(e.getValue(), "windows-services." + service, path);
        Target target = new Target("windows-event service " + service, LogType.WINDOWS_EVENT,
            channels, List.of(), List.of(), Map.of(), Map.of(), Set.of());
        entries.add(new Entry(new Key(null, "windows", service.toLowerCase(Locale.ROOT)), target));
      }
    }
    Object sources = top.get("sources");
    if (sources != null) {
      if (!(sources instanceof List<?> list)) {
        throw new SigmaException("'sources' must be a list", RuleLocation.of(path));
      }
      for (Object item : list) {
        entries.add(entry(map(item, "a source entry", path), path));
      }
    }
    return new LogSourceTable(entries);
  }

  private static Entry entry(Map<?, ?> e, String path) {
    Map<?, ?> ls = map(e.get("logsource"), "logsource of " + e, path);
    for (Object k : ls.keySet()) {
      if (!Set.of("category", "product", "service").contains(k.toString())) {
        throw new SigmaException("unknown logsource key '" + k + "' in " + e, RuleLocation.of(path));
      }
    }
    Key key = Key.of(LogSource.of(str(ls.get("category")), str(ls.get("product")), str(ls.get("service"))));
    LogType logType;
    try {
      logType = LogType.fromId(String.valueOf(e.get("log-type")));
    } catch (IllegalArgumentException ex) {
      throw new SigmaException(ex.getMessage() + " in " + e, RuleLocation.of(path), ex);
    }
    List<String> channels = e.containsKey("channels") ? strings(e.get("channels"), "channels", path) : List.of();
    List<String> eventIds = e.containsKey("event-ids") ? strings(e.get("event-ids"), "event-ids", path) : List.of();
    List<String> providers = e.containsKey("providers") ? strings(e.get("providers"), "providers", path) : List.of();
    Map<String, String> where = e.containsKey("where") ? stringMap(e.get("where"), "where", path) : Map.of();
    Map<String, String> fields = e.containsKey("fields") ? stringMap(e.get("fields"), "fields", path) : Map.of();
    Set<String> plus = e.containsKey("plus-for-space")
        ? new LinkedHashSet<>(strings(e.get("plus-for-space"), "plus-for-space", path)) : Set.of();
    String name = logType.id() + (channels.isEmpty() ? "" : " " + String.join("|", channels))
        + (eventIds.isEmpty() ? "" : " " + String.join("|", eventIds))
        + (providers.isEmpty() ? "" : " " + String.join("|", providers))
        + (where.isEmpty() ? "" : " " + where);
    return new Entry(key, new Target(name, logType, channels, eventIds, providers, where, fields, plus));
  }

  private static @Nullable String str(@Nullable Object o) {
    return o == null ? null : o.toString();
  }

  private static Map<?, ?> map(@Nullable Object o, String what, String path) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new SigmaException(what + " must be a map, got " + o, RuleLocation.of(path));
  }

  private static List<String> strings(@Nullable Object o, String what, String path) {
    if (o instanceof List<?> list) {
      return list.stream().map(Objects::toString).toList();
    }
    throw new SigmaException(what + " must be a list, got " + o, RuleLocation.of(path));
  }

  private static Map<String, String> stringMap(@Nullable Object o, String what, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    map(o, what, path).forEach((k, v) -> out.put(k.toString(), String.valueOf(v)));
    return out;
  }

  /** The targets a rule's logsource applies to; empty when it applies to no supported log type. */
  public List<Target> targetsFor(LogSource logSource) {
    Key key = Key.of(logSource);
    List<Target> out = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.key().equals(key)) {
        out.add(entry.target());
      }
    }
    return out;
  }

  /** Every log type some entry maps to. */
  public Set<LogType> logTypes() {
    Set<LogType> out = EnumSet.noneOf(LogType.class);
    entries.forEach(e -> out.add(e.target().logType()));
    return out;
  }
}
