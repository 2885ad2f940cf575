package io.tidemark.sigma.compile;

import static io.tidemark.sigma.Fixtures.columnar;
import static io.tidemark.sigma.Fixtures.compile;
import static io.tidemark.sigma.Fixtures.iis;
import static io.tidemark.sigma.Fixtures.load;
import static io.tidemark.sigma.Fixtures.matches;
import static io.tidemark.sigma.Fixtures.windows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.sigma.RuleProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding rules to log types: routing, gating, renames, filters, and what cannot compile. */
class RuleCompilerTest {
  private static final String PROCESS_CREATION = """
      title: Web shell spawns a shell
      id: 11111111-0000-0000-0000-000000000001
      logsource: {category: process_creation, product: windows}
      detection:
        selection:
          ParentImage|endswith: '\\w3wp.exe'
          Image|endswith: '\\cmd.exe'
        condition: selection
      """;

  @Test
  void processCreation_firesOnSysmon1AndSecurity4688_withRenamedFields() {
    var set = compile(PROCESS_CREATION);
    Event sysmon = windows("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", "1",
        "ParentImage", "C:\\Windows\\System32\\inetsrv\\w3wp.exe", "Image", "C:\\Windows\\System32\\cmd.exe");
    Event security = windows("Channel", "Security", "EventID", "4688",
        "ParentProcessName", "C:\\Windows\\System32\\inetsrv\\w3wp.exe",
        "NewProcessName", "C:\\Windows\\System32\\cmd.exe");
    assertThat(matches(set, sysmon)).containsExactly("Web shell spawns a shell");
    assertThat(matches(set, security)).containsExactly("Web shell spawns a shell");
    assertThat(set.rules().get(0).eventField(security, "Image")).isEqualTo("NewProcessName");
    assertThat(set.rules().get(0).eventField(sysmon, "Image")).isEqualTo("Image");
  }

  @Test
  void processCreation_doesNotFireOnLogonEventWithSameFieldNames() {
    var set = compile(PROCESS_CREATION);
    Event logon = windows("Channel", "Security", "EventID", "4624",
        "ParentImage", "C:\\Windows\\System32\\inetsrv\\w3wp.exe", "Image", "C:\\Windows\\System32\\cmd.exe",
        "ParentProcessName", "C:\\Windows\\System32\\inetsrv\\w3wp.exe",
        "NewProcessName", "C:\\Windows\\System32\\cmd.exe");
    Event otherChannel = windows("Channel", "Application", "EventID", "1",
        "ParentImage", "C:\\Windows\\System32\\inetsrv\\w3wp.exe", "Image", "C:\\Windows\\System32\\cmd.exe");
    assertThat(matches(set, logon)).isEmpty();
    assertThat(matches(set, otherChannel)).isEmpty();
  }

  @Test
  void eventIdOnlyRule_isGatedByItsServiceChannel() {
    var set = compile("""
        title: Audit log cleared
        logsource: {product: windows, service: security}
        detection:
          selection:
            EventID: 1102
          condition: selection
        """);
    assertThat(matches(set, windows("Channel", "Security", "EventID", "1102"))).containsExactly("Audit log cleared");
    assertThat(matches(set, windows("Channel", "Security", "EventID", "01102"))).containsExactly("Audit log cleared");
    assertThat(matches(set, windows("Channel", "Microsoft-Windows-Wcmsvc/Operational", "EventID", "1102")))
        .as("same EventID from another provider").isEmpty();
    assertThat(matches(set, windows("EventID", "1102"))).as("no channel at all").isEmpty();
    assertThat(matches(set, windows("Channel", "security", "EventID", "1102"))).as("channel case").hasSize(1);
  }

  @Test
  void webserverRule_mapsUserAgentAndTurnsSpacesIntoPlus() {
    var set = compile("""
        title: Suspicious user agent
        logsource: {category: webserver}
        detection:
          selection:
            cs-user-agent|contains: 'Mozilla/5.0 (zgrab'
            cs-method: GET
          condition: selection
        """);
    String fields = "date time cs-method cs-uri-stem cs(User-Agent)";
    assertThat(matches(set, iis(fields, "2021-03-03 01:00:00 GET /owa/ Mozilla/5.0+(zgrab/0.x)")))
        .containsExactly("Suspicious user agent");
    assertThat(matches(set, iis(fields, "2021-03-03 01:00:00 GET /owa/ Mozilla/5.0+(Windows+NT+10.0)"))).isEmpty();
  }

  @Test
  void routing_sendsEventsOnlyToRulesOfTheirLogType() {
    var set = compile("""
        title: http
        logsource: {product: exchange, service: httpproxy}
        detection: {sel: {AnchorMailbox|contains: 'ServerInfo~'}, condition: sel}
        ---
        title: iis
        logsource: {category: webserver}
        detection: {sel: {cs-uri-query|contains: 'ServerInfo~'}, condition: sel}
        """);
    Event proxy = columnar(LogType.EXCHANGE_HTTPPROXY, "AnchorMailbox", "ServerInfo~a]@EXCH01:444/ecp/x.ecp?#",
        "cs-uri-query", "ServerInfo~");
    assertThat(matches(set, proxy)).containsExactly("http");
    assertThat(set.logTypes()).containsExactlyInAnyOrder(LogType.EXCHANGE_HTTPPROXY, LogType.IIS_W3C);
  }

  @Test
  void filter_removesWhatItSelects_fromTheRulesItNames() {
    var set = compile(PROCESS_CREATION + """
        ---
        title: Our admin tool
        logsource: {category: process_creation, product: windows}
        filter:
          rules: [11111111-0000-0000-0000-000000000001]
          selection:
            CommandLine|contains: 'healthcheck.cmd'
          condition: selection
        """);
    Event tool = windows("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", "1",
        "ParentImage", "C:\\inetsrv\\w3wp.exe", "Image", "C:\\cmd.exe", "CommandLine", "cmd /c healthcheck.cmd");
    Event attack = windows("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", "1",
        "ParentImage", "C:\\inetsrv\\w3wp.exe", "Image", "C:\\cmd.exe", "CommandLine", "cmd /c whoami");
    assertThat(matches(set, tool)).isEmpty();
    assertThat(matches(set, attack)).containsExactly("Web shell spawns a shell");
  }

  @Test
  void filter_withOtherLogsourceOrUnknownRule_isReportedNotApplied() {
    var set = RuleCompiler.compile(load(PROCESS_CREATION + """
        ---
        title: Wrong filter
        logsource: {product: windows, service: security}
        filter:
          rules: [11111111-0000-0000-0000-000000000001, no-such-rule]
          selection: {CommandLine|contains: x}
          condition: selection
        """), CompileOptions.defaults());
    assertThat(set.rules()).hasSize(1);
    assertThat(set.problems()).extracting(RuleProblem::reason).containsExactly(
        "filter is not applied to rule 'Web shell spawns a shell': its logsource {product: windows, service: security}"
            + " differs from the rule's {category: process_creation, product: windows}",
        "filter names rule 'no-such-rule', which is not among the loaded rules");
  }

  @Test
  void compile_unsupportedLogsourceOrMissingPlaceholder_isReportedNotDropped() {
    var set = RuleCompiler.compile(load("""
        title: linux
        logsource: {product: linux, category: process_creation}
        detection: {sel: {Image|endswith: /bash}, condition: sel}
        ---
        title: admins
        logsource: {product: windows, service: security}
        detection: {sel: {TargetUserName|expand: '%Administrators%'}, condition: sel}
        ---
        title: impossible
        logsource: {category: process_creation, product: windows}
        detection: {sel: {EventID: 4624}, condition: sel}
        """), CompileOptions.defaults());
    assertThat(set.rules()).isEmpty();
    assertThat(set.problems()).extracting(RuleProblem::describe).containsExactly(
        "test.yml:1:1: logsource {category: process_creation, product: linux} applies to no supported log type"
            + " [rule 'linux']",
        "test.yml:7:42: placeholder %Administrators% has no values; pass them in the compile options"
            + " [rule 'admins']",
        "test.yml:9:1: rule can never match: the EventID values it requires are not among those of its logsource"
            + " (windows-event Microsoft-Windows-Sysmon/Operational 1; windows-event Security 4688) [rule 'impossible']");
  }

  @Test
  void compileOptions_placeholdersAndFieldMappings_apply() {
    var options = CompileOptions.defaults()
        .withPlaceholders(Map.of("Administrators", List.of("admin*", "root")))
        .withFieldMappings(Map.of("TargetUserName", "TargetUser"));
    var set = compile("""
        title: admins
        logsource: {product: windows, service: security}
        detection: {sel: {TargetUserName|expand: '%Administrators%'}, condition: sel}
        """, options);
    assertThat(matches(set, windows("Channel", "Security", "EventID", "4624", "TargetUser", "Administrator")))
        .hasSize(1);
    assertThat(matches(set, windows("Channel", "Security", "EventID", "4624", "TargetUser", "bob"))).isEmpty();
    assertThat(matches(set, windows("Channel", "Security", "EventID", "4624", "TargetUserName", "root"))).isEmpty();
  }

  @Test
  void providerAndWherePreconditions_gateTheRule() {
    var table = io.tidemark.sigma.logsource.LogSourceTable.parse("""
        sources:
          - logsource: {product: exchange, service: transport-agents}
            log-type: windows-event
            channels: [Application]
            providers: [MSExchange Extensibility]
            where: {Level: '2'}
        """, "custom.yml");
    var set = compile("""
        title: agent
        logsource: {product: exchange, service: transport-agents}
        detection: {sel: {Data|contains: 'Agent'}, condition: sel}
        """, CompileOptions.defaults().withLogSources(table));
    assertThat(matches(set, windows("Channel", "Application", "EventID", "1", "Provider_Name",
        "MSExchange Extensibility", "Level", "2", "Data", "Agent X"))).hasSize(1);
    assertThat(matches(set, windows("Channel", "Application", "EventID", "1", "Provider_Name", "Other",
        "Level", "2", "Data", "Agent X"))).isEmpty();
    assertThat(matches(set, windows("Channel", "Application", "EventID", "1", "Provider_Name",
        "MSExchange Extensibility", "Level", "4", "Data", "Agent X"))).isEmpty();
  }

  @Test
  void match_reportsEachRuleOnce_inRuleOrder() {
    var set = compile("""
        title: second-by-atom
        logsource: {product: windows, service: security}
        detection: {sel: {CommandLine|contains: 'mimikatz'}, condition: sel}
        ---
        title: unconstrained
        logsource: {product: windows, service: security}
        detection: {sel: {LogonType: 3}, condition: sel}
        ---
        title: both selections
        logsource: {product: windows, service: security}
        detection:
          a: {CommandLine|contains: 'mimikatz'}
          b: {CommandLine|contains: 'sekurlsa'}
          condition: a or b
        """);
    Event e = windows("Channel", "Security", "EventID", "4688", "LogonType", "3",
        "CommandLine", "mimikatz sekurlsa::logonpasswords");
    assertThat(matches(set, e)).containsExactly("second-by-atom", "unconstrained", "both selections");
  }

  @Test
  void match_fromManyThreads_givesTheSameResults() throws Exception {
    var set = compile(PROCESS_CREATION + """
        ---
        title: whoami
        logsource: {category: process_creation, product: windows}
        detection: {sel: {CommandLine|contains: whoami}, condition: sel}
        """);
    List<Event> events = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      events.add(windows("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", "1",
          "ParentImage", i % 3 == 0 ? "C:\\inetsrv\\w3wp.exe" : "C:\\explorer.exe",
          "Image", "C:\\Windows\\cmd.exe", "CommandLine", i % 5 == 0 ? "cmd /c whoami" : "cmd /c dir"));
    }
    java.util.function.Function<List<Event>, Long> count = list -> {
      long[] n = {0};
      list.forEach(e -> set.match(e, r -> n[0] += r.rule().metadata().title().length()));
      return n[0];
    };
    long expected = count.apply(events);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> count.apply(events)));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(expected).isPositive();
  }

  @Test
  void conditions_quantifiersAndConditionLists_evaluate() {
    var set = compile("""
        title: q
        logsource: {product: windows, service: security}
        detection:
          sel_a: {TargetUserName: alice}
          sel_b: {TargetUserName: bob}
          _hidden: {TargetUserName: eve}
          filter: {LogonType: 5}
          condition:
            - 1 of sel_* and not filter
            - all of them
        """);
    assertThat(matches(set, windows("Channel", "Security", "EventID", "4624", "TargetUserName", "bob"))).hasSize(1);
    assertThat(matches(set, windows("Channel", "Security", "EventID", "4624", "TargetUserName", "bob",
        "LogonType", "5"))).isEmpty();
    assertThat(matches(set, windows("Channel", "Security", "EventID", "4624", "TargetUserName", "eve"))).isEmpty();
  }
}
