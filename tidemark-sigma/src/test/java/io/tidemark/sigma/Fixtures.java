package io.tidemark.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Event;
import io.tidemark.event.Events;
import io.tidemark.event.FieldSchema;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.sigma.compile.CompileOptions;
import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.compile.RuleCompiler;
import io.tidemark.sigma.rule.LoadResult;
import io.tidemark.sigma.rule.RuleLoader;
import io.tidemark.sigma.rule.RuleSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Inline rules and events for tests. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2021-03-03T01:00:00Z");

  private Fixtures() {}

  /** Loads rule text, failing the test on any problem. */
  public static LoadResult load(String yaml) {
    LoadResult result = RuleLoader.loadSources(List.of(new RuleSource("test.yml", yaml)));
    assertThat(result.problems()).as("load problems").isEmpty();
    return result;
  }

  /** Loads and compiles rule text, failing the test on any problem. */
  public static CompiledRuleSet compile(String yaml) {
    return compile(yaml, CompileOptions.defaults());
  }

  public static CompiledRuleSet compile(String yaml, CompileOptions options) {
    CompiledRuleSet set = RuleCompiler.compile(load(yaml), options);
    assertThat(set.problems()).as("compile problems").isEmpty();
    return set;
  }

  /** The titles of the rules that match, through the routed, prefiltered path. */
  public static List<String> matches(CompiledRuleSet set, Event event) {
    List<String> titles = new ArrayList<>();
    set.match(event, r -> titles.add(r.rule().metadata().title()));
    List<String> direct = new ArrayList<>();
    for (CompiledRule r : set.rules()) {
      if (r.matches(event)) {
        direct.add(r.rule().metadata().title());
      }
    }
    assertThat(titles).as("routed and prefiltered matching agrees with direct matching").isEqualTo(direct);
    return titles;
  }

  /** A Windows event; values may be strings, numbers, lists or null. */
  public static Event windows(Object... keyValues) {
    return windowsAt(T0, keyValues);
  }

  public static Event windowsAt(@Nullable Instant time, Object... keyValues) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Events.of(SourceFile.of("Security.evtx", LogType.WINDOWS_EVENT), 1, -1, time, fields);
  }

  /** An IIS W3C record with its raw line as search text, as the reader produces it. */
  public static Event iis(String fields, String line) {
    String[] names = fields.split(" ");
    String[] raw = line.split(" ", -1);
    @Nullable String[] values = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = raw[i].equals("-") ? "" : raw[i];
    }
    return Events.columnar(SourceFile.of("W3SVC1/u_ex210303.log", LogType.IIS_W3C), 5, 0, T0,
        FieldSchema.of(List.of(names)), values, line);
  }

  /** A record of another columnar log type, fields given as name/value pairs. */
  public static Event columnar(LogType type, String... keyValues) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      names.add(keyValues[i]);
      values.add(keyValues[i + 1]);
    }
    return Events.columnar(SourceFile.of("log", type), 2, 0, T0, FieldSchema.of(names),
        values.toArray(String[]::new), String.join(",", values));
  }
}
