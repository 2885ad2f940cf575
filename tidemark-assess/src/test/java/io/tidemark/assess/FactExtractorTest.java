package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Event;
import io.tidemark.event.Events;
import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactExtractorTest {
  private static final Instant T = Instant.parse("2021-03-03T10:45:00Z");

  private static List<Fact> extract(LogType type, String path, String protocol,
      Map<String, String> fields) {
    Event e = Events.of(new SourceFile(path, type, protocol, SiteRole.FRONT_END, "EXCH01"), 7, 0,
        T, fields);
    List<Fact> out = new ArrayList<>();
    new FactExtractor().extract(e, "EXCH01", out::add);
    return out;
  }

  @Test
  void extract_outlookAnywhereInHttpProxy_namesTheRpcEndpointByItsPort() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("DateTime", "2021-03-03T10:45:00.000Z");
    f.put("Protocol", "RpcHttp");
    f.put("UrlStem", "/rpc/rpcproxy.dll");
    f.put("UrlQuery", "?7f1e8d3c-2b4a-4c5d-9e6f-0a1b2c3d4e5f@corp.local:6001");
    f.put("Method", "RPC_OUT_DATA");
    f.put("AuthenticatedUser", "CORP\\alice");
    f.put("IsAuthenticated", "true");
    f.put("ClientIpAddress", "203.0.113.9");
    f.put("HttpStatus", "200");

    assertThat(extract(LogType.EXCHANGE_HTTPPROXY, "Logging/HttpProxy/RpcHttp/h.LOG", "RpcHttp",
        f)).singleElement().isInstanceOfSatisfying(Fact.Request.class, r -> {
          assertThat(r.protocol()).isEqualTo("RpcHttp");
          assertThat(r.operation()).isEqualTo("EMSMDB");
          assertThat(r.ip()).isEqualTo("203.0.113.9");
        });
  }

  @Test
  void extract_outlookAnywhereInIis_namesTheRpcEndpointByItsPort() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("cs-method", "RPC_IN_DATA");
    f.put("cs-uri-stem", "/rpc/rpcproxy.dll");
    f.put("cs-uri-query", "7f1e8d3c-2b4a-4c5d-9e6f-0a1b2c3d4e5f@corp.local:6004");
    f.put("cs-username", "CORP\\alice");
    f.put("c-ip", "203.0.113.9");
    f.put("sc-status", "200");

    assertThat(extract(LogType.IIS_W3C, "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log", null, f))
        .singleElement().isInstanceOfSatisfying(Fact.Request.class,
            r -> assertThat(r.operation()).isEqualTo("NSPI"));
  }

  @Test
  void rpcEndpoint_queries_givesTheEndpointOrThePort() {
    assertThat(FactExtractor.rpcEndpoint("exch01.corp.local:6001")).isEqualTo("EMSMDB");
    assertThat(FactExtractor.rpcEndpoint("?x@corp.local:6002")).isEqualTo("RFR");
    assertThat(FactExtractor.rpcEndpoint("x@corp.local:593")).isEqualTo("593");
    assertThat(FactExtractor.rpcEndpoint("")).isEmpty();
  }
}
