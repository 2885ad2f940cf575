package io.tidemark.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

  @Test
  void detect_exchangeLogTypesByHeader() {
    assertThat(detect("#Log-type: EWS Logs\n#Fields: DateTime,RequestId\n").logType())
        .isEqualTo(LogType.EXCHANGE_EWS);
    assertThat(detect("#Fields: DateTime,RequestId,AnchorMailbox,ProxyAction\n").logType())
        .isEqualTo(LogType.EXCHANGE_HTTPPROXY);
    assertThat(detect("#Fields: TimeStamp,ServerName,EventId,EventData\n").logType())
        .isEqualTo(LogType.EXCHANGE_ECP_SERVER);
    assertThat(detect("#Log-type: ECP Activity Context Log\n"
        + "#Fields: TimeStamp,ServerName,EventId,EventData\n").logType())
        .isEqualTo(LogType.EXCHANGE_ECP_ACTIVITY);
    assertThat(detect("#Fields: date-time,client-ip,event-id,message-id\n").logType())
        .isEqualTo(LogType.EXCHANGE_MESSAGE_TRACKING);
    assertThat(detect("DateTime,StartTime,Cmdlet,Parameters\n").logType())
        .isEqualTo(LogType.EXCHANGE_CMDLET);
  }

  @Test
  void detect_layoutResolvesAmbiguousAndHeaderlessLogs() {
    Layout.Match activity = Layout.EXCHANGE.match(List.of("V15", "Logging", "ECP", "Activity"));
    Layout.Match oab = Layout.EXCHANGE.match(List.of("Logging", "OABGeneratorLog"));

    assertThat(detect("#Fields: TimeStamp,ServerName,EventId,EventData\n", activity).logType())
        .isEqualTo(LogType.EXCHANGE_ECP_ACTIVITY);
    assertThat(detect("#Fields: Timestamp,Message\n", oab).logType())
        .isEqualTo(LogType.EXCHANGE_OAB_GENERATOR);
    assertThat(detect("2021-03-03T01:00:00.000Z,x\n").format()).isEqualTo(Format.TEXT);
  }

  @Test
  void detect_w3cAndNonWebW3c() {
    assertThat(detect("#Software: Microsoft Internet Information Services 10.0\n").format())
        .isEqualTo(Format.W3C);
    assertThat(detect("#Fields: date time action src-ip dst-ip\n").format()).isEqualTo(Format.TEXT);
    assertThat(detect("2020-10-04 22:00:34 W3SVC2 freca1 10.24.129.162 GET /favicon.ico -\n")
        .logType()).isEqualTo(LogType.IIS_W3C);
  }

  @Test
  void detect_magicAndJson() {
    assertThat(FormatDetector.detect(new byte[] {0x1f, (byte) 0x8b, 8}, 3, Layout.Match.NONE)
        .format()).isEqualTo(Format.GZIP);
    assertThat(detect("ElfFile\0....").format()).isEqualTo(Format.EVTX);
    assertThat(detect("{\"Event\": {\"System\": {\"EventID\": 1}}}\n").format())
        .isEqualTo(Format.WINDOWS_EVENT_JSON);
    assertThat(detect("[{\"name\": \"not an event\"}]").format()).isEqualTo(Format.JSON);
    assertThat(detect("\0\0\0\0").note()).contains("NUL");
    assertThat(FormatDetector.detect(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0}, 4,
        Layout.Match.NONE).note()).contains("UTF-16");
  }

  @Test
  void match_layoutFoldersCaseInsensitive_andHost() {
    Layout.Match proxy = Layout.EXCHANGE.match(
        List.of("ev", "EXCH01", "Program Files", "Microsoft", "Exchange Server", "V15",
            "logging", "httpproxy", "owacalendar"));

    assertThat(proxy.logType()).isEqualTo(LogType.EXCHANGE_HTTPPROXY);
    assertThat(proxy.protocol()).isEqualTo("OwaCalendar");
    assertThat(proxy.role()).isEqualTo(SiteRole.FRONT_END);
    assertThat(Layout.EXCHANGE.match(List.of("Logging", "HttpProxy", "Rest")).protocol())
        .isEqualTo("Rest");
    assertThat(Layout.EXCHANGE.host(List.of("EXCH01", "EventLogs"), "case")).isEqualTo("EXCH01");
    assertThat(Layout.EXCHANGE.host(List.of("inetpub", "logs"), "EXCH02")).isEqualTo("EXCH02");
    assertThat(Layout.EXCHANGE.host(List.of("misc"), "EXCH02")).isNull();
  }

  private static Detection detect(String text) {
    return detect(text, Layout.Match.NONE);
  }

  private static Detection detect(String text, Layout.Match layout) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return FormatDetector.detect(bytes, bytes.length, layout);
  }
}
