package io.tidemark.cli;

import io.tidemark.engine.RulePack;
import io.tidemark.sigma.compile.CompileOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine.Option;

/** Which rules to run and how to adapt them: rule paths, field mappings, placeholder values. */
final class RuleOptions {
  @Option(
      names = {"-r", "--rules"},
      paramLabel = "PATH",
      description = "A Sigma rule file or a folder of them (searched recursively); repeatable."
          + " Default: Tidemark's built-in Exchange rule pack.")
  List<Path> rules = new ArrayList<>();

  @Option(
      names = "--field-map",
      paramLabel = "RULE_FIELD=LOG_FIELD",
      description = "Read a rule field from another log field, e.g. --field-map"
          + " User=TargetUserName; repeatable. Applies before the logsource mappings.")
  List<String> fieldMaps = new ArrayList<>();

  @Option(
      names = "--placeholder",
      paramLabel = "NAME=VALUE[,VALUE...]",
      description = "Values for a %%NAME%% placeholder of rules using |expand, e.g."
          + " --placeholder Administrators=CORP\\admin,CORP\\it-ops; repeatable. Rules whose"
          + " placeholders get no values are skipped and listed.")
  List<String> placeholders = new ArrayList<>();

  @Option(
      names = "--rule-config",
      paramLabel = "FILE",
      description = "YAML with 'field_mappings: {rule field: log field}' and 'placeholders:"
          + " {name: [values]}'; command-line options add to it.")
  @Nullable Path config;

  RulePack load() {
    if (rules.isEmpty() && fieldMaps.isEmpty() && placeholders.isEmpty() && config == null) {
      return BuiltInPack.load();
    }
    CompileOptions options = compileOptions();
    if (rules.isEmpty()) {
      return RulePack.builtIn(options);
    }
    for (Path p : rules) {
      if (!Files.exists(p)) {
        throw new UsageException("--rules " + p + ": no such file or folder");
      }
    }
    return RulePack.fromPaths(rules, options);
  }

  CompileOptions compileOptions() {
    Map<String, String> mappings = new LinkedHashMap<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (config != null) {
      readConfig(config, mappings, values);
    }
    for (String m : fieldMaps) {
      String[] kv = split(m, "--field-map");
      mappings.put(kv[0], kv[1]);
    }
    for (String p : placeholders) {
      String[] kv = split(p, "--placeholder");
      String name = kv[0].replace("%", "");
      List<String> list = new ArrayList<>(values.getOrDefault(name, List.of()));
      for (String v : kv[1].split(",")) {
        if (!v.isBlank()) {
          list.add(v.strip());
        }
      }
      values.put(name, list);
    }
    CompileOptions options = CompileOptions.defaults();
    if (!mappings.isEmpty()) {
      options = options.withFieldMappings(mappings);
    }
    if (!values.isEmpty()) {
      options = options.withPlaceholders(values);
    }
    return options;
  }

  private static String[] split(String text, String option) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new UsageException(option + " '" + text + "': expected NAME=VALUE");
    }
    return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
  }

  @SuppressWarnings("unchecked")
  private static void readConfig(Path file, Map<String, String> mappings, Map<String, List<String>> values) {
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().build())
          .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new UsageException("--rule-config " + file + ": " + e.getMessage(), e);
    }
    if (!(doc instanceof Map<?, ?> root)) {
      throw new UsageException("--rule-config " + file + ": expected a YAML map with field_mappings"
          + " and/or placeholders");
    }
    for (Map.Entry<?, ?> e : root.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals("field_mappings") && e.getValue() instanceof Map<?, ?> m) {
        m.forEach((k, v) -> mappings.put(String.valueOf(k), String.valueOf(v)));
      } else if (key.equals("placeholders") && e.getValue() instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          List<String> list = new ArrayList<>();
          if (v instanceof List<?> l) {
            l.forEach(item -> list.add(String.valueOf(item)));
          } else {
            list.add(String.valueOf(v));
          }
          values.put(String.valueOf(k).replace("%", ""), list);
        });
      } else {
        throw new UsageException("--rule-config " + file + ": unknown or malformed key '" + key
            + "'; allowed: field_mappings (a map), placeholders (a map of lists)");
      }
    }
  }
}
