package io.tidemark.sigma.correlation;

import static io.tidemark.sigma.Fixtures.T0;
import static io.tidemark.sigma.Fixtures.windowsAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Event;
import io.tidemark.sigma.Fixtures;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.compile.CompileOptions;
import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.compile.RuleCompiler;
import io.tidemark.sigma.rule.LoadResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each correlation type, chaining, aliases, generate, windows and state. */
class CorrelationEngineTest {
  private static final String BASE_RULES = """
      title: Failed logon
      id: 00000000-0000-0000-0000-000000004625
      name: failed_logon
      logsource: {product: windows, service: security}
      detection: {sel: {EventID: 4625}, condition: sel}
      ---
      title: Successful logon
      name: successful_logon
      logsource: {product: windows, service: security}
      detection: {sel: {EventID: 4624}, condition: sel}
      ---
      title: Explicit credentials
      name: explicit_credentials
      logsource: {product: windows, service: security}
      detection: {sel: {EventID: 4648}, condition: sel}
      """;

  private final InMemoryCorrelationStore store = new InMemoryCorrelationStore();
  private CompiledRuleSet rules;
  private CorrelationEngine engine;

  private void setUp(String correlations) {
    LoadResult loaded = Fixtures.load(BASE_RULES + "---\n" + correlations);
    rules = RuleCompiler.compile(loaded, CompileOptions.defaults());
    engine = CorrelationEngine.create(loaded.correlations(), rules);
    assertThat(engine.problems()).isEmpty();
  }

  private List<CorrelationMatch> feed(Event event) {
    List<CorrelationMatch> out = new ArrayList<>();
    rules.match(event, rule -> out.addAll(engine.offer(rule, event, store)));
    return out;
  }

  private static Event logon(int eventId, int minute, String ip, String user) {
    return windowsAt(T0.plus(Duration.ofMinutes(minute)), "Channel", "Security", "EventID", String.valueOf(eventId),
        "IpAddress", ip, "TargetUserName", user);
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  @Test
  void eventCount_firesWhenThresholdReachedInsideSlidingWindow() {
    setUp("""
        title: Many failed logons
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 1h
          condition: {gte: 5}
        """);
    // minute 0 slides out of the window ending at minute 100; 50..100 hold five
    List<CorrelationMatch> all = new ArrayList<>();
    for (int minute : new int[] {0, 50, 70, 80, 90}) {
      all.addAll(feed(logon(4625, minute, "10.0.0.5", "u" + minute)));
    }
    assertThat(all).isEmpty();
    List<CorrelationMatch> fired = feed(logon(4625, 100, "10.0.0.5", "u100"));
    assertThat(fired).hasSize(1);
    CorrelationMatch m = fired.get(0);
    assertThat(m.group()).isEqualTo(Map.of("IpAddress", "10.0.0.5"));
    assertThat(m.value()).isEqualTo(5);
    assertThat(m.eventCount()).isEqualTo(5);
    assertThat(m.first()).isEqualTo(at(50));
    assertThat(m.last()).isEqualTo(at(100));
    assertThat(m.events()).hasSize(5).allMatch(r -> r.rule().equals("00000000-0000-0000-0000-000000004625"));
    assertThat(feed(logon(4625, 101, "10.0.0.5", "x"))).as("those events were consumed").isEmpty();
    assertThat(feed(logon(4625, 101, "10.9.9.9", "x"))).as("another group").isEmpty();
  }

  @Test
  void valueCount_countsDistinctValuesCaseInsensitively() {
    setUp("""
        title: Password spray
        correlation:
          type: value_count
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 10m
          condition: {field: TargetUserName, gte: 3}
        """);
    assertThat(feed(logon(4625, 0, "203.0.113.7", "alice"))).isEmpty();
    assertThat(feed(logon(4625, 1, "203.0.113.7", "ALICE"))).isEmpty();
    assertThat(feed(logon(4625, 2, "203.0.113.7", "bob"))).isEmpty();
    assertThat(feed(logon(4625, 3, "198.51.100.1", "carol"))).as("other source").isEmpty();
    List<CorrelationMatch> fired = feed(logon(4625, 4, "203.0.113.7", "carol"));
    assertThat(fired).singleElement().satisfies(m -> {
      assertThat(m.value()).isEqualTo(3);
      assertThat(m.eventCount()).isEqualTo(4);
      assertThat(m.group()).containsEntry("IpAddress", "203.0.113.7");
    });
  }

  @Test
  void temporal_firesWhenAllRulesSeenInAnyOrder() {
    setUp("""
        title: Logon activity burst
        correlation:
          type: temporal
          rules: [successful_logon, failed_logon, explicit_credentials]
          group-by: [TargetUserName]
          timespan: 5m
        """);
    assertThat(feed(logon(4648, 0, "1.1.1.1", "bob"))).isEmpty();
    assertThat(feed(logon(4624, 1, "1.1.1.1", "bob"))).isEmpty();
    assertThat(feed(logon(4625, 7, "1.1.1.1", "bob"))).as("4648 at minute 0 left the window").isEmpty();
    assertThat(feed(logon(4648, 8, "1.1.1.1", "bob"))).as("4624 at 1 is out too").isEmpty();
    assertThat(feed(logon(4624, 9, "1.1.1.1", "bob"))).singleElement()
        .satisfies(m -> assertThat(m.value()).isEqualTo(3));
  }

  @Test
  void temporalOrdered_sprayThenSuccess_chainsCorrelations() {
    setUp("""
        title: Password spray followed by a successful logon
        id: spray-then-success
        correlation:
          type: temporal_ordered
          rules: [password_spray, successful_logon]
          group-by: [IpAddress]
          timespan: 1h
        level: critical
        ---
        title: Password spray
        name: password_spray
        correlation:
          type: value_count
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 10m
          condition: {field: TargetUserName, gte: 3}
        """);
    String ip = "203.0.113.7";
    assertThat(feed(logon(4624, 0, ip, "legit"))).as("a success before the spray is not the pattern").isEmpty();
    assertThat(feed(logon(4625, 1, ip, "a"))).isEmpty();
    assertThat(feed(logon(4625, 2, ip, "b"))).isEmpty();
    assertThat(feed(logon(4625, 3, ip, "c"))).as("the inner correlation reports on its own")
        .singleElement().satisfies(m -> assertThat(m.correlation().metadata().title()).isEqualTo("Password spray"));
    assertThat(feed(logon(4624, 20, "198.51.100.1", "c"))).as("success from elsewhere").isEmpty();
    List<CorrelationMatch> fired = feed(logon(4624, 30, ip, "c"));
    assertThat(fired).singleElement().satisfies(m -> {
      assertThat(m.correlation().metadata().title()).isEqualTo("Password spray followed by a successful logon");
      assertThat(m.group()).isEqualTo(Map.of("IpAddress", ip));
      assertThat(m.first()).isEqualTo(at(3));
      assertThat(m.last()).isEqualTo(at(30));
      assertThat(m.events()).extracting(EventRef::rule).containsExactly(
          "00000000-0000-0000-0000-000000004625", "00000000-0000-0000-0000-000000004625",
          "00000000-0000-0000-0000-000000004625", "successful_logon");
    });
    CompiledRule failed = rules.byReference("failed_logon");
    assertThat(engine.reportsStandalone(failed)).as("generate defaults to false").isFalse();
  }

  @Test
  void temporalOrdered_wrongOrder_doesNotFire() {
    setUp("""
        title: Failure then success
        correlation:
          type: temporal_ordered
          rules: [failed_logon, successful_logon]
          group-by: [TargetUserName]
          timespan: 10m
          generate: true
        """);
    assertThat(feed(logon(4624, 0, "x", "bob"))).isEmpty();
    assertThat(feed(logon(4625, 1, "x", "bob"))).isEmpty();
    assertThat(feed(logon(4625, 2, "x", "bob"))).isEmpty();
    assertThat(feed(logon(4624, 3, "x", "bob"))).hasSize(1);
    assertThat(engine.reportsStandalone(rules.byReference("failed_logon"))).isTrue();
  }

  @Test
  void valueSum_addsNumbersOfTheField() {
    setUp("""
        title: Large transfer
        correlation:
          type: value_sum
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 1h
          condition: {field: Bytes, gt: 1000}
        """);
    Event small = windowsAt(at(0), "Channel", "Security", "EventID", "4625", "IpAddress", "a", "Bytes", "600");
    Event notNumber = windowsAt(at(1), "Channel", "Security", "EventID", "4625", "IpAddress", "a", "Bytes", "n/a");
    Event more = windowsAt(at(2), "Channel", "Security", "EventID", "4625", "IpAddress", "a", "Bytes", "401");
    assertThat(feed(small)).isEmpty();
    assertThat(feed(notNumber)).isEmpty();
    assertThat(feed(more)).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(1001));
  }

  @Test
  void valueAvgAndPercentile_areDecidedWhenTheWindowCloses() {
    setUp("""
        title: Slow requests on average
        correlation:
          type: value_avg
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 10m
          condition: {field: TimeTaken, gte: 500}
        ---
        title: Slow 90th percentile
        correlation:
          type: value_percentile
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 10m
          condition: {field: TimeTaken, percentile: 90, gte: 900}
        """);
    int minute = 0;
    for (String ms : List.of("100", "200", "300", "1000", "1000")) {
      assertThat(feed(windowsAt(at(minute++), "Channel", "Security", "EventID", "4625", "IpAddress", "a",
          "TimeTaken", ms))).isEmpty();
    }
    assertThat(engine.expire(at(10), store)).as("the window from minute 0 ends at 10, not before").isEmpty();
    List<CorrelationMatch> decided = engine.expire(at(11), store);
    // avg = 520; 90th percentile of 100,200,300,1000,1000 = 1000
    assertThat(decided).extracting(m -> m.correlation().metadata().title(), CorrelationMatch::value)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Slow requests on average", 520.0),
            org.assertj.core.groups.Tuple.tuple("Slow 90th percentile", 1000.0));
    assertThat(store.size()).isZero();
  }

  @Test
  void upperBound_isDecidedAtExpiry_onEveryClosedWindow() {
    setUp("""
        title: Single failure only
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [TargetUserName]
          timespan: 5m
          condition: {lt: 2}
        """);
    feed(logon(4625, 0, "x", "bob"));
    feed(logon(4625, 1, "x", "bob"));
    feed(logon(4625, 30, "x", "eve"));
    List<CorrelationMatch> decided = engine.expire(Instant.MAX, store);
    assertThat(decided).extracting(m -> m.group().get("TargetUserName")).containsExactly("eve");
  }

  @Test
  void outOfOrderEvents_stillFormTheirWindow() {
    setUp("""
        title: Many failed logons
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 10m
          condition: {gte: 3}
        """);
    assertThat(feed(logon(4625, 50, "a", "u"))).isEmpty();
    assertThat(feed(logon(4625, 5, "a", "u"))).isEmpty();
    assertThat(feed(logon(4625, 12, "a", "u"))).isEmpty();
    assertThat(feed(logon(4625, 9, "a", "u"))).singleElement().satisfies(m -> {
      assertThat(m.first()).isEqualTo(at(5));
      assertThat(m.last()).isEqualTo(at(12));
    });
  }

  @Test
  void aliases_groupDifferentFieldsTogether() {
    setUp("""
        title: Same address as target then source
        correlation:
          type: temporal
          rules: [failed_logon, successful_logon]
          group-by: [address]
          aliases:
            address:
              failed_logon: IpAddress
              successful_logon: WorkstationAddress
          timespan: 10m
        """);
    assertThat(feed(logon(4625, 0, "10.1.1.1", "a"))).isEmpty();
    Event success = windowsAt(at(1), "Channel", "Security", "EventID", "4624", "IpAddress", "other",
        "WorkstationAddress", "10.1.1.1");
    assertThat(feed(success)).singleElement()
        .satisfies(m -> assertThat(m.group()).isEqualTo(Map.of("address", "10.1.1.1")));
  }

  @Test
  void eventsWithoutGroupFieldOrTime_areLeftOut() {
    setUp("""
        title: Two failures
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 10m
          condition: {gte: 2}
        """);
    assertThat(feed(windowsAt(at(0), "Channel", "Security", "EventID", "4625"))).isEmpty();
    assertThat(feed(windowsAt(null, "Channel", "Security", "EventID", "4625", "IpAddress", "a"))).isEmpty();
    assertThat(feed(windowsAt(at(1), "Channel", "Security", "EventID", "4625"))).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void lateEvents_beyondLateness_areDroppedAndCounted() {
    LoadResult loaded = Fixtures.load(BASE_RULES + """
        ---
        title: Two failures
        correlation: {type: event_count, rules: [failed_logon], group-by: [IpAddress], timespan: 10m,
                      condition: {gte: 2}}
        """);
    rules = RuleCompiler.compile(loaded, CompileOptions.defaults());
    engine = CorrelationEngine.create(loaded.correlations(), rules, Duration.ofMinutes(30));
    feed(logon(4625, 100, "a", "u"));
    assertThat(feed(logon(4625, 10, "a", "u"))).isEmpty();
    WindowState state = store.get(store.keys().iterator().next());
    assertThat(state.dropped()).isEqualTo(1);
    assertThat(state.nextDeadline()).isEqualTo(at(110).plusMillis(1));
  }

  @Test
  void windowState_survivesSerialization() throws Exception {
    setUp("""
        title: Three failures
        correlation: {type: event_count, rules: [failed_logon], group-by: [IpAddress], timespan: 10m,
                      condition: {gte: 3}}
        """);
    feed(logon(4625, 0, "a", "u"));
    feed(logon(4625, 1, "a", "u"));
    CorrelationKey key = store.keys().iterator().next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(key);
      out.writeObject(store.get(key));
    }
    InMemoryCorrelationStore restored = new InMemoryCorrelationStore();
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      restored.put((CorrelationKey) in.readObject(), (WindowState) in.readObject());
    }
    Event third = logon(4625, 2, "a", "u");
    List<CorrelationMatch> out = new ArrayList<>();
    rules.match(third, rule -> out.addAll(engine.offer(rule, third, restored)));
    assertThat(out).hasSize(1);
  }

  @Test
  void create_unresolvableOrLooping_reportsProblems() {
    LoadResult loaded = Fixtures.load(BASE_RULES + """
        ---
        title: Unknown reference
        correlation: {type: event_count, rules: [no_such_rule], timespan: 1m, condition: {gte: 1}}
        ---
        title: Loop A
        name: loop_a
        correlation: {type: temporal, rules: [loop_b, failed_logon], timespan: 1m}
        ---
        title: Loop B
        name: loop_b
        correlation: {type: temporal, rules: [loop_a], timespan: 1m}
        """);
    CorrelationEngine e = CorrelationEngine.create(loaded.correlations(),
        RuleCompiler.compile(loaded, CompileOptions.defaults()));
    assertThat(e.correlations()).isEmpty();
    assertThat(e.problems()).extracting(RuleProblem::reason).containsExactly(
        "refers to 'no_such_rule', which is neither a compiled rule nor a correlation (see the rule problems)",
        "correlation chain loops back to itself through 'loop_a'",
        "refers to correlation 'loop_a', which cannot run");
  }

  @Test
  void globalGroup_withoutGroupBy_correlatesEverything() {
    setUp("""
        title: Any three failures
        correlation: {type: event_count, rules: [failed_logon], timespan: 10m, condition: {gte: 3}}
        """);
    feed(logon(4625, 0, "a", "x"));
    feed(logon(4625, 1, "b", "y"));
    assertThat(feed(logon(4625, 2, "c", "z"))).singleElement()
        .satisfies(m -> assertThat(m.group()).isEmpty());
  }
}
