package io.tidemark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.LogType;
import io.tidemark.lab.LogWriters;
import io.tidemark.sigma.compile.CompileOptions;
import io.tidemark.sigma.rule.RuleLoader;
import io.tidemark.sigma.rule.RuleSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs every case of {@code rules-tests/} through the real pipeline: the lab's writers render the
 * records in the log's real format, the intake detects and reads them, and the whole built-in pack
 * hunts over them. Each rule must fire on its true positives and stay silent on its benign
 * look-alikes.
 */
class RulePackCasesTest {
  private static final Map<LogType, String> DEFAULT_PATHS = Map.of(
      LogType.IIS_W3C, "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log",
      LogType.EXCHANGE_HTTPPROXY, "Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Owa/HttpProxy_2021030301-1.LOG",
      LogType.EXCHANGE_EWS, "Program Files/Microsoft/Exchange Server/V15/Logging/Ews/Ews_2021030301-1.LOG",
      LogType.EXCHANGE_ECP_SERVER, "Program Files/Microsoft/Exchange Server/V15/Logging/ECP/Server/ECPServer20210303-1.LOG",
      LogType.EXCHANGE_ECP_ACTIVITY, "Program Files/Microsoft/Exchange Server/V15/Logging/ECP/Activity/ECPActivity_20210303-1.LOG",
      LogType.EXCHANGE_OAB_GENERATOR, "Program Files/Microsoft/Exchange Server/V15/Logging/OABGeneratorLog/OABGeneratorLog_20210303-1.LOG",
      LogType.EXCHANGE_MESSAGE_TRACKING, "Program Files/Microsoft/Exchange Server/V15/TransportRoles/Logs/MessageTracking/MSGTRK2021030301-1.LOG",
      LogType.EXCHANGE_CMDLET, "Program Files/Microsoft/Exchange Server/V15/Logging/CmdletInfra/Powershell-Proxy/Cmdlet/Rps_Cmdlet_2021030301-1.LOG",
      LogType.WINDOWS_EVENT, "EventLogs/events.jsonl",
      LogType.M365_UAL, "M365/AuditLog_2024-02-14.csv");

  private static RulePack pack;
  private static Path root;

  @TempDir static Path work;

  @BeforeAll
  static void loadPack() {
    root = Path.of(System.getProperty("tidemark.root", "..")).toAbsolutePath().normalize();
    pack = RulePack.builtIn(CompileOptions.defaults());
  }

  @Test
  void builtIn_everyRuleLoads_withoutProblems() {
    assertThat(pack.problems()).isEmpty();
    assertThat(pack.size()).isGreaterThanOrEqualTo(80);
  }

  @Test
  void builtIn_everyRuleFile_hasATestFileWithMatchAndNoMatchCases() throws IOException {
    for (Path rule : ruleFiles()) {
      Path test = root.resolve("rules-tests").resolve(root.resolve("rules").relativize(rule));
      assertThat(test).as("test file for " + rule).exists();
      List<String> expects = new ArrayList<>();
      for (Map<String, Object> c : cases(test)) {
        expects.add(String.valueOf(c.get("expect")));
      }
      assertThat(expects).as(test.toString()).contains("match", "no-match");
    }
  }

  @TestFactory
  Stream<DynamicTest> hunt_ruleTestCases_fireOnlyOnTruePositives() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    int n = 0;
    for (Path rule : ruleFiles()) {
      Path relative = root.resolve("rules").relativize(rule);
      Path test = root.resolve("rules-tests").resolve(relative);
      if (!Files.exists(test)) {
        continue;
      }
      List<String> ruleIds = ruleIds(rule);
      for (Map<String, Object> c : cases(test)) {
        String ruleId = c.containsKey("rule") ? String.valueOf(c.get("rule")) : ruleIds.get(0);
        String name = relative + ": " + c.get("name");
        Path dir = work.resolve("case-" + (n++)).resolve("EXCH01");
        tests.add(DynamicTest.dynamicTest(name, () -> runCase(c, ruleId, dir)));
      }
    }
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void runCase(Map<String, Object> c, String ruleId, Path dir) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    if (c.containsKey("files")) {
      files.addAll((List<Map<String, Object>>) c.get("files"));
    } else {
      files.add(c);
    }
    int i = 0;
    for (Map<String, Object> f : files) {
      LogType type = LogType.fromId(String.valueOf(f.get("logtype")));
      String path = f.containsKey("path") ? String.valueOf(f.get("path")) : DEFAULT_PATHS.get(type);
      if (files.size() > 1 && !f.containsKey("path")) {
        path = path.replace(".", "-" + (i++) + ".");
      }
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      List<Map<String, Object>> records = (List<Map<String, Object>>) f.get("records");
      Files.writeString(file, LogWriters.render(type, records), StandardCharsets.UTF_8);
    }
    List<Detection> detections = new ArrayList<>();
    Hunter.builder().rules(pack).threads(1).build().hunt(List.of(dir), detections::add);
    List<String> fired = detections.stream().map(d -> d.rule().id()).toList();
    if ("match".equals(c.get("expect"))) {
      assertThat(fired).as("rules that fired").contains(ruleId);
    } else {
      assertThat(fired).as("rules that fired").doesNotContain(ruleId);
    }
  }

  private static List<Path> ruleFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(root.resolve("rules"))) {
      return walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static List<String> ruleIds(Path rule) throws IOException {
    List<String> ids = new ArrayList<>();
    RuleLoader.loadSources(List.of(new RuleSource(rule.toString(), Files.readString(rule))))
        .loaded().forEach(doc -> {
          String id = referenceOf(doc);
          if (id != null) {
            ids.add(id);
          }
        });
    return ids;
  }

  private static String referenceOf(io.tidemark.sigma.rule.SigmaDocument doc) {
    if (doc instanceof io.tidemark.sigma.rule.SigmaRule r) {
      return r.metadata().reference();
    }
    if (doc instanceof io.tidemark.sigma.rule.CorrelationRule r) {
      return r.metadata().reference();
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases(Path test) throws IOException {
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(test));
    Object cases = ((Map<String, Object>) doc).get("cases");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object c : (List<Object>) cases) {
      out.add(new LinkedHashMap<>((Map<String, Object>) c));
    }
    return out;
  }
}
