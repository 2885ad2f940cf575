package io.tidemark.sigma.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.value.SigmaNumber;
import io.tidemark.sigma.value.SigmaString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {

  private static LoadResult load(String yaml) {
    return RuleLoader.loadSources(List.of(new RuleSource("rules/x.yml", yaml)));
  }

  private static List<String> problems(String yaml) {
    return load(yaml).problems().stream().map(RuleProblem::describe).toList();
  }

  @Test
  void load_fullRule_keepsEveryField() {
    LoadResult r = load("""
        title: ProxyLogon SSRF
        id: 2e8f1c0a-5f8e-4a37-9a1b-0c7f0e6f2d11
        name: proxylogon_ssrf
        related:
          - id: 1111
            type: derived
        status: test
        description: Detects the SSRF
        references:
          - https://example.org/a
        author: Alice, Bob Smith ,
        date: 2021-03-03
        modified: 2021/03/10
        tags: [attack.initial-access, cve.2021-26855]
        logsource:
          category: webserver
          definition: IIS logs
          custom_key: x
        detection:
          selection:
            cs-uri-query|contains: '/ecp/'
          condition: selection
        fields: [c-ip]
        falsepositives: Unknown
        level: critical
        license: DRL-1.1
        scope: [server]
        regression_tests_path: regression_data/x/info.yml
        tidemark:
          stage: initial-access
          outcome: attempt
          weight: 3
          empty:
        """);
    assertThat(r.problems()).isEmpty();
    SigmaRule rule = r.rules().get(0);
    RuleMetadata m = rule.metadata();
    assertThat(m.title()).isEqualTo("ProxyLogon SSRF");
    assertThat(m.id()).isEqualTo("2e8f1c0a-5f8e-4a37-9a1b-0c7f0e6f2d11");
    assertThat(m.name()).isEqualTo("proxylogon_ssrf");
    assertThat(m.related()).containsExactly(new Related("1111", Related.Type.DERIVED));
    assertThat(m.status()).isEqualTo(Status.TEST);
    assertThat(m.level()).isEqualTo(Level.CRITICAL);
    assertThat(m.author()).isEqualTo("Alice, Bob Smith ,");
    assertThat(m.authors()).containsExactly("Alice", "Bob Smith");
    assertThat(m.date()).isEqualTo(LocalDate.of(2021, 3, 3));
    assertThat(m.modified()).isEqualTo(LocalDate.of(2021, 3, 10));
    assertThat(m.tags()).containsExactly("attack.initial-access", "cve.2021-26855");
    assertThat(m.falsePositives()).containsExactly("Unknown");
    assertThat(m.fields()).containsExactly("c-ip");
    assertThat(m.license()).isEqualTo("DRL-1.1");
    assertThat(m.scope()).containsExactly("server");
    assertThat(m.taxonomy()).isEqualTo("sigma");
    assertThat(m.custom()).containsEntry("regression_tests_path", "regression_data/x/info.yml")
        .containsEntry("tidemark", Map.of("stage", "initial-access", "outcome", "attempt", "weight", 3L));
    assertThat(m.location().toString()).isEqualTo("rules/x.yml:1:1");
    assertThat(rule.logSource().category()).isEqualTo("webserver");
    assertThat(rule.logSource().definition()).isEqualTo("IIS logs");
    assertThat(rule.logSource().custom()).containsEntry("custom_key", "x");
    DetectionItem item = rule.detection().identifiers().get("selection").groups().get(0).get(0);
    assertThat(item.field()).isEqualTo("cs-uri-query");
    assertThat(item.modified().values()).containsExactly(SigmaString.parse("*/ecp/*"));
    assertThat(item.location().toString()).isEqualTo("rules/x.yml:21:28");
  }

  @Test
  void load_badModifier_reportsFileLineColumn() {
    List<String> p = problems("""
        title: t
        logsource: {product: windows, service: security}
        detection:
          sel:
            CommandLine|base64offsett|contains: x
          condition: sel
        """);
    assertThat(p).containsExactly("rules/x.yml:5:17: unknown modifier 'base64offsett' on field 'CommandLine'; "
        + "supported: " + io.tidemark.sigma.modifier.Modifier.allNames() + " [rule 't']");
  }

  @Test
  void load_badEnumsAndTypes_listAllowedValues_andCollectEveryProblem() {
    List<String> p = problems("""
        title: t
        status: production
        level: severe
        date: yesterday
        logsource: {product: windows}
        detection:
          sel:
            EventID|gt: abc
            Image: [a, null]
          condition: sel and missing
        """);
    assertThat(p).hasSize(6);
    assertThat(p.get(0)).contains(":2:9: unknown status 'production'; must be one of: stable, test, experimental, "
        + "deprecated, unsupported");
    assertThat(p.get(1)).contains(":3:8: unknown level 'severe'; must be one of: informational, low, medium, high, "
        + "critical");
    assertThat(p.get(2)).contains(":4:7: 'date' must be a date like 2024-01-31, got 'yesterday'");
    assertThat(String.join("\n", p)).contains("field 'EventID': modifier 'gt' is incompatible with string 'abc'")
        .contains("null must be its own selection")
        .contains("condition refers to 'missing'");
  }

  @Test
  void load_multiDocumentWithOneBadDocument_loadsTheOthers() {
    LoadResult r = load("""
        title: good one
        logsource: {product: windows, service: security}
        detection: {sel: {EventID: 4625}, condition: sel}
        ---
        title: bad one
        logsource: {product: windows, service: security}
        detection: {sel: {EventID: 4625}}
        ---
        title: good two
        logsource: {product: windows, service: security}
        detection: {sel: {EventID: 4624}, condition: sel}
        """);
    assertThat(r.documents()).isEqualTo(3);
    assertThat(r.rules()).extracting(x -> x.metadata().title()).containsExactly("good one", "good two");
    assertThat(r.problems()).extracting(RuleProblem::describe)
        .containsExactly("rules/x.yml:7:12: detection has no 'condition' [rule 'bad one']");
  }

  @Test
  void load_yamlTypes_keepNumberTextAndNullAndQuotedStrings() {
    SigmaRule rule = load("""
        title: t
        logsource: {product: windows, service: security}
        detection:
          sel:
            Status: 0xC000006D
            LogonType: '3'
            IpAddress: null
            Flag: yes
          condition: sel
        """).rules().get(0);
    List<DetectionItem> items = rule.detection().identifiers().get("sel").groups().get(0);
    assertThat(items.get(0).values().get(0)).isEqualTo(SigmaNumber.parseOrNull("0xC000006D"));
    assertThat(items.get(1).values().get(0)).isEqualTo(SigmaString.parse("3"));
    assertThat(items.get(2).values().get(0)).isEqualTo(io.tidemark.sigma.value.SigmaNull.INSTANCE);
    assertThat(items.get(3).values().get(0)).as("YAML 1.2: 'yes' is a string").isEqualTo(SigmaString.parse("yes"));
  }

  @Test
  void load_keywordListsAndListOfMaps_becomeGroups() {
    SigmaRule rule = load("""
        title: t
        logsource: {product: windows, service: msexchange-management}
        detection:
          keywords:
            '|all':
              - 'Set-OabVirtualDirectory'
              - 'ExternalUrl'
          plain: ['a', 'b']
          either:
            - Image|endswith: '\\\\w3wp.exe'
            - ParentImage|endswith: '\\\\w3wp.exe'
          condition: keywords or plain or either
        """).rules().get(0);
    DetectionItem keywords = rule.detection().identifiers().get("keywords").groups().get(0).get(0);
    assertThat(keywords.isKeyword()).isTrue();
    assertThat(keywords.modified().allOf()).isTrue();
    assertThat(rule.detection().identifiers().get("plain").groups()).hasSize(1);
    assertThat(rule.detection().identifiers().get("plain").groups().get(0).get(0).values()).hasSize(2);
    assertThat(rule.detection().identifiers().get("either").groups()).hasSize(2);
  }

  @Test
  void load_duplicateKeysAndDuplicateIds_areProblems() {
    LoadResult r = load("""
        title: a
        id: same
        logsource: {product: windows, service: security}
        detection:
          sel: {EventID: 1}
          sel: {EventID: 2}
          condition: sel
        ---
        title: b
        id: same
        logsource: {product: windows, service: security}
        detection: {sel: {EventID: 1}, condition: sel}
        ---
        title: c
        id: same
        logsource: {product: windows, service: security}
        detection: {sel: {EventID: 1}, condition: sel}
        """);
    assertThat(r.rules()).extracting(x -> x.metadata().title()).containsExactly("b");
    assertThat(r.problems()).extracting(RuleProblem::reason).containsExactly(
        "duplicate key 'sel' in 'detection' (YAML would silently keep only the last one)",
        "duplicate id 'same', first defined at rules/x.yml:9:1; this copy is ignored");
  }

  @Test
  void load_invalidYaml_reportsPosition() {
    List<String> p = problems("title: t\nlogsource: [unclosed\n");
    assertThat(p).hasSize(1);
    assertThat(p.get(0)).startsWith("rules/x.yml:3:1: not valid YAML");
  }

  @Test
  void load_aliasBomb_isBounded() {
    StringBuilder yaml = new StringBuilder("title: t\nlogsource: {product: windows}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    // 45 aliases (YAML's own limit is 50) that expand to 590,490 nodes
    for (int i = 1; i <= 5; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int k = 0; k < 9; k++) {
        yaml.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    yaml.append("detection: {sel: {EventID: 1}, condition: sel}\n");
    assertThat(problems(yaml.toString())).anyMatch(p -> p.contains("too large or too deeply aliased"));
  }

  @Test
  void load_legacyAndObsoleteForms_explainTheWayOut() {
    assertThat(problems("""
        title: t
        logsource: {product: windows, service: security}
        detection:
          sel: {EventID: 4625}
          timeframe: 5m
          condition: sel | count() by IpAddress > 10
        """)).anyMatch(p -> p.contains("'timeframe' belongs to Sigma v1"))
        .anyMatch(p -> p.contains(":6:18: condition 'sel | count() by IpAddress > 10': legacy aggregation"));
    assertThat(problems("action: global\ntitle: t\n")).anyMatch(p -> p.contains("obsolete since v2"));
  }

  @Test
  void load_correlation_parsesEveryPart() {
    CorrelationRule c = load("""
        title: spray then success
        id: c-1
        correlation:
          type: temporal_ordered
          rules: [spray, success]
          group-by: [src]
          aliases:
            src:
              spray: IpAddress
              success: IpAddress
          timespan: 1h
          generate: true
        level: high
        """).correlations().get(0);
    assertThat(c.type()).isEqualTo(CorrelationType.TEMPORAL_ORDERED);
    assertThat(c.rules()).containsExactly("spray", "success");
    assertThat(c.groupBy()).containsExactly("src");
    assertThat(c.aliases().get("src")).containsEntry("spray", "IpAddress");
    assertThat(c.timespan()).isEqualTo(Duration.ofHours(1));
    assertThat(c.generate()).isTrue();
    assertThat(c.condition().toString()).as("temporal default: all rules").isEqualTo("gte 2");
    assertThat(c.metadata().level()).isEqualTo(Level.HIGH);
  }

  @Test
  void load_correlationMistakes_areProblems() {
    assertThat(problems("""
        title: t
        correlation:
          type: value_count
          rules: r
          group-by: IpAddress
          timespan: 10x
          condition: {gte: 10}
          groupby: x
        """)).anyMatch(p -> p.contains("unknown key 'groupby'"))
        .anyMatch(p -> p.contains("timespan '10x' must be"))
        .anyMatch(p -> p.contains("value_count correlation needs 'field'"));
    assertThat(problems("""
        title: t
        correlation: {type: event_counts, rules: r, timespan: 1m, condition: {gte: 1}}
        """)).anyMatch(p -> p.contains("unknown correlation type 'event_counts'; must be one of: event_count, "
            + "value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile"));
    assertThat(problems("""
        title: t
        correlation: {type: value_percentile, rules: r, timespan: 1m, condition: {field: x, gt: 1}}
        """)).anyMatch(p -> p.contains("needs 'percentile'"));
  }

  @Test
  void load_filter_parsesRulesAndDetection() {
    FilterRule f = load("""
        title: Filter admin accounts
        logsource: {category: process_creation, product: windows}
        filter:
          rules: [6f3e2987-db24-4c78-a860-b4f4095a7095, failed_logon]
          selection:
            User|startswith: 'adm_'
          condition: selection
        """).filters().get(0);
    assertThat(f.rules()).containsExactly("6f3e2987-db24-4c78-a860-b4f4095a7095", "failed_logon");
    assertThat(f.detection().identifiers()).containsOnlyKeys("selection");
  }

  @Test
  void load_directory_readsRuleFilesRecursively_inPathOrder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("b/c"));
    String rule = "title: %s\nlogsource: {category: webserver}\ndetection: {sel: {c-ip: 1.2.3.4}, condition: sel}\n";
    Files.writeString(dir.resolve("b/c/two.yaml"), rule.formatted("two"));
    Files.writeString(dir.resolve("a.yml"), rule.formatted("one"));
    Files.writeString(dir.resolve("notes.txt"), "not a rule");
    Files.write(dir.resolve("bad.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    LoadResult r = RuleLoader.load(List.of(dir, dir.resolve("missing")));
    assertThat(r.rules()).extracting(x -> x.metadata().title()).containsExactly("one", "two");
    assertThat(r.problems()).extracting(RuleProblem::reason)
        .containsExactly("file is not valid UTF-8", "no such file or directory");
    assertThat(r.files()).isEqualTo(3);
  }

  @Test
  void load_utf8Bom_isIgnored() {
    String yaml = "\uFEFFtitle: t\nlogsource: {category: webserver}\ndetection: {sel: {c-ip: x}, condition: sel}\n";
    assertThat(RuleLoader.loadSources(List.of(new RuleSource("r.yml",
        new String(yaml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)))).problems()).isEmpty();
  }
}
