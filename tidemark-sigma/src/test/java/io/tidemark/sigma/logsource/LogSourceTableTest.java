package io.tidemark.sigma.logsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.event.LogType;
import io.tidemark.sigma.SigmaException;
import io.tidemark.sigma.rule.LogSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSourceTableTest {
  private static final LogSourceTable TABLE = LogSourceTable.builtIn();

  @Test
  void targetsFor_webserver_isIisWithHeaderRenames() {
    List<Target> targets = TABLE.targetsFor(LogSource.of("webserver", null, null));
    assertThat(targets).hasSize(1);
    Target iis = targets.get(0);
    assertThat(iis.logType()).isEqualTo(LogType.IIS_W3C);
    assertThat(iis.field("cs-user-agent")).isEqualTo("cs(User-Agent)");
    assertThat(iis.field("cs-referer")).isEqualTo("cs(Referer)");
    assertThat(iis.field("cs-uri-query")).isEqualTo("cs-uri-query");
    assertThat(iis.plusForSpace()).contains("cs(User-Agent)");
  }

  @Test
  void targetsFor_processCreation_isSysmonAndSecurity4688() {
    List<Target> targets = TABLE.targetsFor(LogSource.of("process_creation", "windows", null));
    assertThat(targets).extracting(Target::channels)
        .containsExactly(List.of("Microsoft-Windows-Sysmon/Operational"), List.of("Security"));
    assertThat(targets).extracting(Target::eventIds).containsExactly(List.of("1"), List.of("4688"));
    assertThat(targets.get(1).field("Image")).isEqualTo("NewProcessName");
    assertThat(targets.get(1).field("ParentImage")).isEqualTo("ParentProcessName");
    assertThat(targets.get(0).field("Image")).isEqualTo("Image");
  }

  @Test
  void targetsFor_windowsServices_gateByChannel() {
    assertThat(TABLE.targetsFor(LogSource.of(null, "windows", "security")).get(0).channels())
        .containsExactly("Security");
    assertThat(TABLE.targetsFor(LogSource.of(null, "windows", "msexchange-management")).get(0).channels())
        .containsExactly("MSExchange Management");
    assertThat(TABLE.targetsFor(LogSource.of(null, "Windows", "Security"))).as("case-insensitive").hasSize(1);
  }

  @Test
  void targetsFor_exchangeLogs_useTidemarkLogTypes() {
    assertThat(TABLE.targetsFor(LogSource.of(null, "exchange", "httpproxy")).get(0).logType())
        .isEqualTo(LogType.EXCHANGE_HTTPPROXY);
    assertThat(TABLE.targetsFor(LogSource.of(null, "exchange", "cmdlet")).get(0).logType())
        .isEqualTo(LogType.EXCHANGE_CMDLET);
  }

  @Test
  void targetsFor_unsupportedOrOverspecified_isEmpty() {
    assertThat(TABLE.targetsFor(LogSource.of("process_creation", "linux", null))).isEmpty();
    assertThat(TABLE.targetsFor(LogSource.of("webserver", "apache", null))).isEmpty();
    assertThat(TABLE.targetsFor(LogSource.of(null, "windows", null))).isEmpty();
  }

  @Test
  void logTypes_coverEveryLogType() {
    assertThat(TABLE.logTypes()).containsExactlyInAnyOrder(LogType.values());
  }

  @Test
  void parse_customTable_readsEveryKey() {
    LogSourceTable table = LogSourceTable.parse("""
        sources:
          - logsource: {product: exchange, service: transport-agents}
            log-type: windows-event
            channels: [Application]
            event-ids: [1]
            providers: [MSExchange Extensibility]
            where: {Level: '2'}
            fields: {AgentName: Data}
        """, "custom.yml");
    Target t = table.targetsFor(LogSource.of(null, "exchange", "transport-agents")).get(0);
    assertThat(t.providers()).containsExactly("MSExchange Extensibility");
    assertThat(t.where()).containsEntry("Level", "2");
    assertThat(t.field("AgentName")).isEqualTo("Data");
    assertThat(t.name()).isEqualTo("windows-event Application 1 MSExchange Extensibility {Level=2}");
  }

  @Test
  void parse_badEntry_namesFileAndValue() {
    assertThatThrownBy(() -> LogSourceTable.parse("sources:\n  - {logsource: {category: x}, log-type: nope}\n", "t.yml"))
        .isInstanceOf(SigmaException.class)
        .hasMessageContaining("unknown log type 'nope'")
        .hasMessageEndingWith("(t.yml)");
  }
}
