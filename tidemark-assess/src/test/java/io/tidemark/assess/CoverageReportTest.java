package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.engine.LogCoverage;
import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
  private static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");

  private static Instant h(double hours) {
    return T0.plusSeconds((long) (hours * 3600));
  }

  /** IIS front end, daily files; {@code days} lists the days present. */
  private static LogCoverage iis(SiteRole role, int... days) {
    List<LogCoverage.Span> spans = new java.util.ArrayList<>();
    for (int d : days) {
      spans.add(new LogCoverage.Span(h(d * 24 + 0.01), h(d * 24 + 23.99)));
    }
    return new LogCoverage("EXCH01", LogType.IIS_W3C, null, role, days.length, 1000, 0,
        spans.get(0).from(), spans.get(spans.size() - 1).to(), spans, Duration.ZERO);
  }

  private static AttackerGroup attacker(double fromHour, double toHour) {
    return new AttackerGroup("A1", Confidence.HIGH, "203.0.113.7", h(fromHour), h(toHour),
        List.of("203.0.113.7"), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void sources_deletedDailyFile_isAGapOfItsSiteOnly() {
    CoverageReport report = new CoverageReport(
        List.of(iis(SiteRole.FRONT_END, 0, 2), iis(SiteRole.BACK_END, 0, 1, 2)), List.of(),
        List.of());

    List<SourceCoverage> sources = report.sources();

    assertThat(sources).extracting(SourceCoverage::source)
        .containsExactly("iis-w3c/back-end", "iis-w3c/front-end");
    assertThat(sources.get(0).gaps()).isEmpty();
    assertThat(sources.get(1).gaps()).containsExactly(new SourceCoverage.Gap(h(23.99), h(48.01)));
  }

  @Test
  void sources_holesShorterThanTheThreshold_areNoGaps() {
    LogCoverage proxy = new LogCoverage("EXCH01", LogType.EXCHANGE_HTTPPROXY, "Owa",
        SiteRole.FRONT_END, 3, 30, 0, h(0), h(10), List.of(new LogCoverage.Span(h(0), h(1)),
        new LogCoverage.Span(h(2.2), h(3)), new LogCoverage.Span(h(9), h(10))), Duration.ZERO);

    SourceCoverage owa = new CoverageReport(List.of(proxy), List.of(), List.of()).sources().get(0);

    // the default threshold is 6 hours: 1 h 12 min is a quiet night, 6 h is a gap
    assertThat(owa.source()).isEqualTo("exchange-httpproxy/Owa");
    assertThat(owa.gaps()).containsExactly(new SourceCoverage.Gap(h(3), h(9)));
  }

  @Test
  void sources_logOnlyPeopleWrite_takesItsOwnLongerThreshold() {
    LogCoverage ecp = new LogCoverage("EXCH01", LogType.EXCHANGE_ECP_SERVER, "Ecp",
        SiteRole.BACK_END, 2, 20, 0, h(0), h(40), List.of(new LogCoverage.Span(h(0), h(8)),
        new LogCoverage.Span(h(36), h(40))), Duration.ZERO);

    assertThat(new CoverageReport(List.of(ecp), List.of(), List.of()).sources().get(0).gaps())
        .isEmpty();
  }

  @Test
  void blindSpots_gapDuringTheAttackersActivity_isABlindSpotNamingItsStretch() {
    CoverageReport report = new CoverageReport(List.of(iis(SiteRole.FRONT_END, 0, 2)),
        List.of(attacker(20, 30)), List.of());

    assertThat(report.blindSpots()).filteredOn(b -> b.id().equals("log-gap-during-attack"))
        .singleElement().satisfies(b -> {
          assertThat(b.host()).isEqualTo("EXCH01");
          assertThat(b.description()).startsWith("iis-w3c/front-end has no records from "
              + "2021-03-01T23:59:24Z to 2021-03-03T00:00:36Z (24.0 h), while the attacker");
        });
  }

  @Test
  void blindSpots_gapOutsideTheAttackersActivity_isNoBlindSpot() {
    CoverageReport report = new CoverageReport(List.of(iis(SiteRole.FRONT_END, 0, 2)),
        List.of(attacker(49, 55)), List.of());

    assertThat(report.blindSpots()).noneMatch(b -> b.id().equals("log-gap-during-attack"));
    assertThat(report.sources().get(0).gaps()).hasSize(1);
  }

  @Test
  void blindSpots_boundClosedALongHole_saysTheGapsAreNotAllListed() {
    LogCoverage proxy = new LogCoverage("EXCH01", LogType.EXCHANGE_HTTPPROXY, "Mapi",
        SiteRole.FRONT_END, 200, 2000, 0, h(0), h(100), List.of(new LogCoverage.Span(h(0),
        h(100))), Duration.ofHours(7));

    assertThat(new CoverageReport(List.of(proxy), List.of(), List.of()).blindSpots())
        .anyMatch(b -> b.id().equals("gaps-not-all-listed")
            && b.description().startsWith("exchange-httpproxy/Mapi has more stretches"));
  }

  @Test
  void bundled_thresholds_defaultAndPerSource() {
    GapThresholds t = GapThresholds.bundled();

    assertThat(t.of("iis-w3c/front-end", "iis-w3c")).isEqualTo(Duration.ofHours(6));
    assertThat(t.of("exchange-ecp-server/Ecp", "exchange-ecp-server"))
        .isEqualTo(Duration.ofDays(2));
    assertThat(t.of("exchange-messagetracking", "exchange-messagetracking"))
        .isEqualTo(Duration.ofDays(1));
  }
}
