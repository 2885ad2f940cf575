package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExposureLedgerTest {
  private final DamageConfig config = DamageConfig.load();
  private final Identities ids = new Identities(config);

  /** A spray from 203.0.113.9 that breaks into alice, then what the attacker did with her. */
  private static final String SPRAY = """
      08:00:00 proxy 10.20.0.8 CORP\\alice Ews /ews/exchange.asmx - - 200 Outlook/16.0
      10:00:00 fail 203.0.113.9 CORP\\alice
      10:01:00 fail 203.0.113.9 CORP\\bob
      10:02:00 fail 203.0.113.9 CORP\\carol
      10:03:00 fail 203.0.113.9 CORP\\dave
      10:04:00 fail 203.0.113.9 CORP\\erin
      10:30:00 ok 203.0.113.9 CORP\\alice
      """;

  private List<Exposure> ledger(String fixture) {
    return ledger(Facts.parse(fixture));
  }

  private List<Exposure> ledger(List<Fact> facts) {
    Seeds seeds = Seeds.from(List.<Detection>of(), IndicatorFields.load(), ids);
    Attribution attribution = new Attribution(config, ids, seeds,
        new CredentialAnalysis(config, ids).run(facts)).run(facts);
    attribution.groups(facts);
    return new ExposureLedger(config, ids, attribution, seeds, List.of()).build(facts);
  }

  @Test
  void build_ewsItemReadsAnchoredToAnotherMailbox_landInThatMailboxAtItemScope() {
    List<Exposure> ledger = ledger(SPRAY + """
        10:40:00 ews 203.0.113.9 alice@corp.local GetItem python-requests/2.28 600000
        10:40:00 proxy 203.0.113.9 CORP\\alice Ews /ews/exchange.asmx - Smtp~boss@corp.local 200 python-requests/2.28
        """);

    assertThat(ledger).singleElement().satisfies(e -> {
      assertThat(e.mailbox()).isEqualTo("boss@corp.local");
      assertThat(e.scope()).isEqualTo(ExposureScope.ITEM);
      assertThat(e.bytes()).isEqualTo(600000);
      assertThat(e.items()).isEqualTo(1);
      assertThat(e.attackerGroups()).containsExactly("A1");
    });
  }

  @Test
  void build_hierarchyListedThenItemsRead_assumesTheWholeMailbox() {
    List<Exposure> ledger = ledger(SPRAY + """
        10:40:00 ews 203.0.113.9 alice@corp.local FindFolder python-requests/2.28 2000
        10:40:10 ews 203.0.113.9 alice@corp.local FindItem python-requests/2.28 40000
        10:40:20 ews 203.0.113.9 alice@corp.local GetItem python-requests/2.28 600000
        """);

    assertThat(ledger).extracting(Exposure::scope)
        .containsExactly(ExposureScope.ITEM, ExposureScope.FOLDER, ExposureScope.MAILBOX);
    assertThat(ledger).allMatch(e -> e.mailbox().equals("alice@corp.local"));
    assertThat(ledger.get(2).confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void build_ownerReadingHerOwnMailbox_isNoExposure() {
    List<Exposure> ledger = ledger(SPRAY + """
        11:00:00 ews 10.20.0.8 alice@corp.local GetItem Outlook/16.0 9000
        11:00:05 ews 10.20.0.8 alice@corp.local FindFolder Outlook/16.0 9000
        """);

    assertThat(ledger).isEmpty();
  }

  @Test
  void build_outlookOverMapiFromAnAttackerAddress_exposesTheWholeMailbox() {
    List<Exposure> ledger = ledger(SPRAY + """
        10:45:00 proxy 203.0.113.9 CORP\\alice Mapi /mapi/emsmdb/ Execute MailboxGuid~0f3c 200 Outlook/16.0
        """);

    assertThat(ledger).singleElement().satisfies(e -> {
      assertThat(e.mailbox()).isEqualTo("CORP\\alice");
      assertThat(e.scope()).isEqualTo(ExposureScope.MAILBOX);
      assertThat(e.operations()).containsExactly("Mapi Execute");
    });
  }

  @Test
  void build_outlookAnywhereFromAnAttackerAddress_exposesTheWholeMailbox() {
    List<Exposure> ledger = ledger(SPRAY + """
        10:45:00 proxy 203.0.113.9 CORP\\alice RpcHttp /rpc/rpcproxy.dll NSPI MailboxGuid~0f3c 200 MSRPC
        10:45:01 proxy 203.0.113.9 CORP\\alice RpcHttp /rpc/rpcproxy.dll EMSMDB MailboxGuid~0f3c 200 MSRPC
        """);

    assertThat(ledger).singleElement().satisfies(e -> {
      assertThat(e.mailbox()).isEqualTo("CORP\\alice");
      assertThat(e.scope()).isEqualTo(ExposureScope.MAILBOX);
      assertThat(e.operations()).containsExactly("RpcHttp EMSMDB");
      assertThat(e.firstSeen()).isEqualTo("2021-03-03T10:45:01Z");
    });
  }

  @Test
  void build_outlookAnywhereInIisLogsOnly_exposesTheWholeMailbox() {
    List<Fact> facts = new ArrayList<>(Facts.parse(SPRAY.lines()
        .filter(l -> !l.contains(" proxy ")).collect(Collectors.joining("\n"))));
    Instant t = Instant.parse("2021-03-03T10:45:00Z");
    facts.add(new Fact.Request(new EvidenceRef("u_ex210303.log", 9, t), "EXCH01", "203.0.113.9",
        "MSRPC", "CORP\\alice", "iis", "RPC_OUT_DATA", "/rpc/rpcproxy.dll",
        FactExtractor.rpcEndpoint("7f1e8d3c-2b4a-4c5d-9e6f-0a1b2c3d4e5f@corp.local:6001"), "", "",
        true, 200, 0, "7f1e8d3c-2b4a-4c5d-9e6f-0a1b2c3d4e5f@corp.local:6001|0"));

    assertThat(ledger(facts)).singleElement().satisfies(e -> {
      assertThat(e.scope()).isEqualTo(ExposureScope.MAILBOX);
      assertThat(e.operations()).containsExactly("iis EMSMDB");
    });
  }
}
