package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NoveltyAnalysisTest {
  private static final GeoLookup.Place LONDON =
      new GeoLookup.Place("GB", "London", 51.5142, -0.0931, 100, 2856, "BT");
  private static final GeoLookup.Place BOXFORD =
      new GeoLookup.Place("GB", "Boxford", 51.75, -1.25, 100, 2856, "BT");
  private static final GeoLookup.Place MILTON =
      new GeoLookup.Place("US", "Milton", 47.2513, -122.3149, 22, 209, "CenturyLink");
  private static final GeoLookup.Place LINKOPING =
      new GeoLookup.Place("SE", "Linköping", 58.4167, 15.6167, 76, 29518, "Bredband2");

  /** A database that knows four addresses and remembers what it was asked. */
  private final List<String> asked = new ArrayList<>();
  private final GeoLookup geo = address -> {
    asked.add(address);
    return Map.of("81.2.69.160", LONDON, "2.125.160.216", BOXFORD, "216.160.83.56", MILTON,
        "89.160.20.112", LINKOPING).get(address);
  };
  private final DamageConfig config = DamageConfig.load();
  private final Identities ids = new Identities(config);

  private Map<String, List<Anomaly>> run(String fixture) {
    return new NoveltyAnalysis(config, ids, geo).run(Facts.parse(fixture));
  }

  /** A week of alice's own use from London, the baseline every later use is compared with. */
  private static String week() {
    StringBuilder s = new StringBuilder();
    for (int day = 1; day <= 8; day++) {
      s.append(String.format("2021-03-%02dT09:00:00 proxy 81.2.69.160 CORP\\alice Owa /owa/ "
          + "GetItem - 200 Edge/91%n", day));
    }
    return s.toString();
  }

  private static List<String> kinds(List<Anomaly> anomalies) {
    return anomalies.stream().map(a -> a.kind().id() + " " + a.value()).toList();
  }

  @Test
  void run_newCountryAfterTheBaseline_flagsAddressNetworkAndCountryAtTheirFirstUse() {
    Map<String, List<Anomaly>> result = run(week() + """
        2021-03-09T10:00:00 proxy 89.160.20.112 CORP\\alice Owa /owa/ GetItem - 200 Edge/91
        2021-03-09T10:05:00 proxy 89.160.20.112 CORP\\alice Owa /owa/ GetItem - 200 Edge/91
        """);

    assertThat(result).containsOnlyKeys("alice");
    List<Anomaly> alice = result.get("alice");
    assertThat(kinds(alice)).containsExactly("new_ip 89.160.20.112", "new_asn AS29518",
        "new_country SE");
    Anomaly country = alice.get(2);
    assertThat(country.firstSeen()).hasToString("2021-03-09T10:00:00Z");
    assertThat(country.address()).isEqualTo("89.160.20.112");
    assertThat(country.detail()).isEqualTo("Linköping, SE; AS29518 Bredband2");
    assertThat(country.evidence()).extracting(r -> r.recordId()).containsExactly(9L, 10L);
  }

  @Test
  void run_newValuesWithinTheBaseline_areOnlyLearned() {
    Map<String, List<Anomaly>> result = run("""
        2021-03-01T09:00:00 proxy 81.2.69.160 CORP\\alice Owa /owa/ GetItem - 200 Edge/91
        2021-03-03T09:00:00 proxy 89.160.20.112 CORP\\alice Owa /owa/ GetItem - 200 Firefox/90
        2021-03-09T09:00:00 proxy 89.160.20.112 CORP\\alice Owa /owa/ GetItem - 200 Firefox/90
        """);

    assertThat(result).isEmpty();
  }

  @Test
  void run_londonThenTheUsWithinAnHour_isImpossibleTravelWithBothUses() {
    Map<String, List<Anomaly>> result = run("""
        09:00:00 ok 81.2.69.160 CORP\\alice
        09:40:00 ok 216.160.83.56 CORP\\alice
        """);

    List<Anomaly> alice = result.get("alice");
    assertThat(alice).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(Anomaly.Kind.IMPOSSIBLE_TRAVEL);
      assertThat(a.value()).isEqualTo("81.2.69.160 -> 216.160.83.56");
      assertThat(a.address()).isEqualTo("216.160.83.56");
      // 7,732 km less both accuracy radii (100 and 22 km), over 40 minutes.
      assertThat(a.detail()).isEqualTo("London, GB; AS2856 BT to Milton, US; AS209 CenturyLink: "
          + "at least 7,610 km in 40 min (11,416 km/h)");
      assertThat(a.evidence()).extracting(r -> r.recordId()).containsExactly(1L, 2L);
    });
  }

  @Test
  void run_nearbyPlacesOrSlowJourneys_areNotImpossibleTravel() {
    Map<String, List<Anomaly>> result = run("""
        2021-03-01T09:00:00 ok 81.2.69.160 CORP\\alice
        2021-03-01T09:10:00 ok 2.125.160.216 CORP\\alice
        2021-03-01T09:20:00 ok 89.160.20.112 CORP\\bob
        2021-03-02T09:20:00 ok 216.160.83.56 CORP\\bob
        """);

    assertThat(result).isEmpty();
  }

  @Test
  void run_hopsBackAndForthBetweenTwoAddresses_areOneAnomalyWithMoreEvidence() {
    Map<String, List<Anomaly>> result = run("""
        09:00:00 ok 81.2.69.160 CORP\\alice
        09:10:00 ok 216.160.83.56 CORP\\alice
        09:20:00 ok 81.2.69.160 CORP\\alice
        09:30:00 ok 216.160.83.56 CORP\\alice
        """);

    assertThat(result.get("alice")).singleElement().satisfies(a -> {
      assertThat(a.value()).isEqualTo("81.2.69.160 -> 216.160.83.56");
      assertThat(a.evidence()).extracting(r -> r.recordId()).containsExactly(1L, 2L, 3L, 4L);
    });
  }

  @Test
  void run_newPhoneAndClientAfterTheBaseline_areNewDeviceAndUserAgent() {
    StringBuilder week = new StringBuilder();
    for (int day = 1; day <= 8; day++) {
      week.append(String.format(
          "2021-03-%02dT07:00:00 eas 10.20.0.8 CORP\\alice ApplF17Q1 Apple-iPhone13C2/1905.258%n",
          day));
    }
    Map<String, List<Anomaly>> result = run(week + """
        2021-03-09T03:00:00 eas 10.20.0.8 CORP\\alice SEC1A2B3C4D5E6 Android-SAMSUNG-SM-G991B/101
        """);

    assertThat(kinds(result.get("alice"))).containsExactly(
        "new_user_agent Android-SAMSUNG-SM-G991B/101", "new_device SEC1A2B3C4D5E6");
  }

  @Test
  void run_oneClientInIisAndHttpProxySpellings_isNotNew() {
    List<Fact> facts = new ArrayList<>(Facts.parse(week().replace("proxy 81.2.69.160 CORP\\alice "
        + "Owa /owa/ GetItem - 200 Edge/91", "iis 81.2.69.160 CORP\\alice GET /owa/ - 200 "
        + "Mozilla/5.0+(X11;+Linux)")));
    // HttpProxy writes the same client with spaces.
    facts.add(new Fact.Request(new EvidenceRef("HttpProxy.LOG", 1,
        Instant.parse("2021-03-09T10:00:00Z")), "EXCH01", "81.2.69.160",
        "Mozilla/5.0 (X11; Linux)", "CORP\\alice", "Owa", "GET", "/owa/", "", "", "FBA", true,
        200, 0, ""));

    assertThat(new NoveltyAnalysis(config, ids, geo).run(facts)).isEmpty();
  }

  @Test
  void run_internalAddresses_areNeverNewNorLookedUp() {
    Map<String, List<Anomaly>> result = run(week() + """
        2021-03-09T10:00:00 proxy 10.20.0.9 CORP\\alice Owa /owa/ GetItem - 200 Edge/91
        2021-03-09T10:01:00 proxy 203.0.113.9 CORP\\alice Owa /owa/ GetItem - 200 Edge/91
        """);

    // 203.0.113.0/24 is a documentation range: a new address, but no place to look up.
    assertThat(kinds(result.get("alice"))).containsExactly("new_ip 203.0.113.9");
    assertThat(asked).containsOnly("81.2.69.160");
  }

  @Test
  void run_failedLogons_areNeitherHistoryNorNew() {
    Map<String, List<Anomaly>> result = run(week() + """
        2021-03-09T10:00:00 fail 216.160.83.56 CORP\\alice
        """);

    assertThat(result).isEmpty();
  }

  @Test
  void run_moreValuesThanTheCap_stopsFlaggingThatKindOnly() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < config.novelty().values(); i++) {
      many.append(String.format("2021-03-01T09:%02d:%02d ok 100.%d.%d.1 CORP\\alice%n", i / 60,
          i % 60, 128 + i / 200, i % 200));
    }
    Map<String, List<Anomaly>> result = run(many + """
        2021-03-09T10:00:00 ok 81.2.69.160 CORP\\alice
        """);

    // Roaming over a hundred addresses leaves no baseline of addresses, but one of countries.
    assertThat(kinds(result.get("alice"))).containsExactly("new_asn AS2856", "new_country GB");
  }

  @Test
  void distanceKm_londonToMilton_isTheGreatCircle() {
    assertThat(NoveltyAnalysis.distanceKm(LONDON, MILTON)).isCloseTo(7_700, within(100.0));
    assertThat(NoveltyAnalysis.distanceKm(LONDON, LONDON)).isZero();
  }

  @Test
  void accounts_anomaliesOfAnAccountTheAttackerNeverUsed_makeItWorthALookNotCompromised() {
    List<Fact> facts = Facts.parse("""
        08:00:00 ok 10.20.0.8 CORP\\bob
        09:00:00 ok 81.2.69.160 CORP\\alice
        09:40:00 ok 216.160.83.56 CORP\\alice
        """);
    Map<String, List<Anomaly>> anomalies = new NoveltyAnalysis(config, ids, geo).run(facts);
    Seeds seeds = Seeds.from(List.<Detection>of(), IndicatorFields.load(), ids);
    Attribution attribution = new Attribution(config, ids, seeds,
        new CredentialAnalysis(config, ids).run(facts)).run(facts);

    List<AccountAssessment> accounts = attribution.accounts(facts, anomalies);

    assertThat(accounts).extracting(AccountAssessment::account).containsExactly("CORP\\alice",
        "CORP\\bob");
    AccountAssessment alice = accounts.get(0);
    assertThat(alice.status()).isEqualTo(AccountStatus.UNAFFECTED);
    assertThat(alice.reason()).contains("unusual for its own history (impossible_travel "
        + "81.2.69.160 -> 216.160.83.56), worth a look, though novelty alone is not evidence");
    assertThat(alice.anomalies()).hasSize(1);
    assertThat(accounts.get(1).anomalies()).isEmpty();
  }

  @Test
  void accounts_anomalyAtAnAttackerAddress_supportsTheCompromise() {
    List<Fact> facts = Facts.parse("""
        2021-03-01T08:00:00 ok 81.2.69.160 CORP\\alice
        2021-03-09T10:00:00 fail 89.160.20.112 CORP\\alice
        2021-03-09T10:01:00 fail 89.160.20.112 CORP\\bob
        2021-03-09T10:02:00 fail 89.160.20.112 CORP\\carol
        2021-03-09T10:03:00 fail 89.160.20.112 CORP\\dave
        2021-03-09T10:04:00 fail 89.160.20.112 CORP\\erin
        2021-03-09T10:30:00 ok 89.160.20.112 CORP\\alice
        """);
    Map<String, List<Anomaly>> anomalies = new NoveltyAnalysis(config, ids, geo).run(facts);
    Seeds seeds = Seeds.from(List.<Detection>of(), IndicatorFields.load(), ids);
    Attribution attribution = new Attribution(config, ids, seeds,
        new CredentialAnalysis(config, ids).run(facts)).run(facts);

    AccountAssessment alice = attribution.accounts(facts, anomalies).get(0);

    assertThat(alice.status()).isEqualTo(AccountStatus.COMPROMISED);
    assertThat(alice.reason()).contains("its own history supports this, the attacker's use was "
        + "unusual for it (new_ip 89.160.20.112, new_asn AS29518, new_country SE)");
    assertThat(alice.anomalies().stream().map(a -> a.kind().id()).collect(Collectors.toList()))
        .containsExactly("new_ip", "new_asn", "new_country");
  }
}
