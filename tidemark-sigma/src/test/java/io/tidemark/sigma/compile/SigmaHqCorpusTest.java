package io.tidemark.sigma.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Event;
import io.tidemark.event.Events;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.sigma.MiniJson;
import io.tidemark.sigma.rule.LoadResult;
import io.tidemark.sigma.rule.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The SigmaHQ corpus: every active rule must load, every rule for a supported log type must
 * compile, and every rule with SigmaHQ regression data must match its events (read from the
 * evtx_dump-style JSON twins, flattened into the architecture's Windows field names) at least
 * {@code match_count} times, with the whole corpus loaded so routing and the prefilter are
 * exercised too.
 */
class SigmaHqCorpusTest {

  private static final List<String> ACTIVE =
      List.of("rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance");
  private static final Path DATASETS = Path.of(System.getProperty("tidemark.datasets", "../shared/datasets"));
  private static @Nullable LoadResult loaded;
  private static @Nullable CompiledRuleSet compiled;

  private static LoadResult loaded() {
    Path root = DATASETS.resolve("sigma-rules");
    Assumptions.assumeTrue(Files.isDirectory(root.resolve("rules")),
        root + " not present; skipping the SigmaHQ corpus checks");
    if (loaded == null) {
      loaded = RuleLoader.load(ACTIVE.stream().map(root::resolve).toList());
      compiled = RuleCompiler.compile(loaded, CompileOptions.defaults());
    }
    return loaded;
  }

  private static CompiledRuleSet compiled() {
    loaded();
    return compiled;
  }

  @Test
  void load_everyActiveSigmaHqRule_loads() {
    LoadResult r = loaded();
    assertThat(r.files()).isGreaterThan(3_700);
    assertThat(r.loaded().size()).as("documents loaded of " + r.documents() + "; problems: " + r.problems())
        .isGreaterThanOrEqualTo((int) Math.ceil(r.documents() * 0.99));
  }

  @Test
  void compile_everyRuleForASupportedLogType_compiles() {
    List<String> unexpected = compiled().problems().stream()
        .map(p -> p.describe())
        .filter(p -> !p.contains("applies to no supported log type") && !p.contains("placeholder %"))
        .toList();
    assertThat(unexpected).isEmpty();
    assertThat(compiled().rules().size()).isGreaterThan(2_900);
  }

  @Test
  void match_sigmaHqRegressionEvents_fireTheirRules() throws IOException {
    Path data = DATASETS.resolve("sigma-regression-data");
    Assumptions.assumeTrue(Files.isRegularFile(data.resolve("manifest.tsv")),
        data + " not present; skipping the SigmaHQ regression cases");
    CompiledRuleSet set = compiled();
    List<String> rows = Files.readAllLines(data.resolve("manifest.tsv"));
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] col = row.split("\t", -1);
      String ruleId = col[0];
      String json = col[9].replaceAll("\\.evtx$", ".json");
      int minimum = col[10].isEmpty() ? 1 : Integer.parseInt(col[10]);
      cases++;
      int count = 0;
      for (Event event : events(data.resolve(json), json)) {
        int[] hits = {0};
        set.match(event, r -> hits[0] += ruleId.equals(r.rule().metadata().id()) ? 1 : 0);
        count += hits[0];
      }
      if (count < minimum) {
        failures.add(ruleId + " " + col[1] + ": " + count + " < " + minimum);
      }
    }
    assertThat(cases).isEqualTo(202);
    assertThat(failures).as("regression cases that did not fire").isEmpty();
  }

  /** The records of an evtx_dump JSON stream as Windows events with Sigma's field names. */
  static List<Event> events(Path file, String name) throws IOException {
    List<Event> out = new ArrayList<>();
    for (Object record : MiniJson.parseStream(Files.readString(file))) {
      Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) record).get("Event");
      Map<String, @Nullable Object> fields = new LinkedHashMap<>();
      Map<?, ?> system = (Map<?, ?>) event.get("System");
      system.forEach((k, v) -> flattenSystem(k.toString(), v, fields));
      Object data = event.get("EventData");
      if (data == null) {
        data = event.get("UserData");
      }
      if (data instanceof Map<?, ?> map) {
        flattenData(map, fields);
      }
      Object created = fields.get("TimeCreated");
      Instant time = created == null ? null : Instant.parse(created.toString());
      long recordId = Long.parseLong(String.valueOf(fields.getOrDefault("EventRecordID", "0")));
      out.add(Events.of(SourceFile.of(name, LogType.WINDOWS_EVENT), recordId, -1, time, fields));
    }
    return out;
  }

  private static void flattenSystem(String key, Object value, Map<String, @Nullable Object> fields) {
    if (value instanceof Map<?, ?> map) {
      Object attrs = map.get("#attributes");
      if (map.containsKey("#text")) {
        fields.put(key, plain(map.get("#text")));
      }
      if (attrs instanceof Map<?, ?> a) {
        a.forEach((ak, av) -> {
          String name = key.equals("TimeCreated") && ak.equals("SystemTime") ? "TimeCreated"
              : key.equals("EventID") ? "EventID_" + ak : key + "_" + ak;
          fields.put(name, plain(av));
        });
      }
    } else {
      fields.put(key, plain(value));
    }
  }

  private static void flattenData(Map<?, ?> data, Map<String, @Nullable Object> fields) {
    data.forEach((k, v) -> {
      if (k.toString().startsWith("#")) {
        if (k.equals("#text")) {
          fields.put("Data", plain(v));
        }
      } else if (v instanceof Map<?, ?> nested && !nested.containsKey("#text")) {
        flattenData(nested, fields);
      } else if (v instanceof Map<?, ?> nested) {
        fields.put(k.toString(), plain(nested.get("#text")));
      } else {
        fields.put(k.toString(), plain(v));
      }
    });
  }

  private static @Nullable Object plain(@Nullable Object v) {
    if (v == null || v == MiniJson.NULL) {
      return null;
    }
    if (v instanceof List<?> list) {
      return list.stream().map(x -> x == MiniJson.NULL ? "" : x.toString()).toList();
    }
    return v.toString();
  }
}
