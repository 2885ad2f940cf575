package io.tidemark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanSetTest {
  private static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");

  private static Instant h(double hours) {
    return T0.plusSeconds((long) (hours * 3600));
  }

  private static LogCoverage.Span span(double from, double to) {
    return new LogCoverage.Span(h(from), h(to));
  }

  @Test
  void add_overlappingAndTouchingSpans_mergeIntoOne() {
    SpanSet set = new SpanSet(8);
    set.add(h(0), h(2));
    set.add(h(1), h(3));
    set.add(h(3), h(4));

    assertThat(set.spans()).containsExactly(span(0, 4));
  }

  @Test
  void add_outOfOrderFiles_keepsTimeOrderAndHoles() {
    SpanSet set = new SpanSet(8);
    set.add(h(48), h(72));
    set.add(h(0), h(24));
    set.add(h(10), h(11));

    assertThat(set.spans()).containsExactly(span(0, 24), span(48, 72));
    assertThat(set.hiddenHole()).isEqualTo(Duration.ZERO);
  }

  @Test
  void add_spanBridgingSeveral_swallowsThemAll() {
    SpanSet set = new SpanSet(8);
    set.add(h(0), h(1));
    set.add(h(2), h(3));
    set.add(h(4), h(5));
    set.add(h(7), h(8));
    set.add(h(0.5), h(4.5));

    assertThat(set.spans()).containsExactly(span(0, 5), span(7, 8));
  }

  @Test
  void add_reversedSpan_isTakenTheRightWayRound() {
    SpanSet set = new SpanSet(8);
    set.add(h(5), h(2));

    assertThat(set.spans()).containsExactly(span(2, 5));
  }

  @Test
  void add_pastTheLimit_mergesTheNearestNeighboursAndKeepsTheLongestHoles() {
    SpanSet set = new SpanSet(4);
    // hourly files with 10-minute holes, and one 30-hour hole after hour 5
    for (int i = 0; i < 5; i++) {
      set.add(h(i), h(i + 50.0 / 60));
    }
    for (int i = 35; i < 40; i++) {
      set.add(h(i), h(i + 50.0 / 60));
    }

    List<LogCoverage.Span> spans = set.spans();
    assertThat(spans).hasSize(4);
    assertThat(spans).contains(new LogCoverage.Span(h(0), h(4 + 50.0 / 60)));
    assertThat(spans.get(1).from()).isEqualTo(h(35));
    assertThat(set.hiddenHole()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void add_monthOfHourlyFilesInAnyOrder_keepsTheDeletedDaysAsHoles() {
    List<double[]> files = new ArrayList<>();
    for (int day = 0; day < 30; day++) {
      if (day == 12 || day == 20) {
        continue; // two deleted days
      }
      for (int hour = 0; hour < 24; hour++) {
        files.add(new double[] {day * 24 + hour + 0.02, day * 24 + hour + 0.98});
      }
    }
    Collections.shuffle(files, new Random(7));
    SpanSet set = new SpanSet(SpanSet.DEFAULT_LIMIT);
    for (double[] f : files) {
      set.add(h(f[0]), h(f[1]));
    }

    List<Duration> holes = new ArrayList<>();
    List<LogCoverage.Span> spans = set.spans();
    for (int i = 0; i + 1 < spans.size(); i++) {
      holes.add(Duration.between(spans.get(i).to(), spans.get(i + 1).from()));
    }
    assertThat(spans).hasSize(SpanSet.DEFAULT_LIMIT);
    assertThat(holes).filteredOn(d -> d.toHours() >= 6).hasSize(2)
        .containsOnly(Duration.ofSeconds((long) (24.04 * 3600)));
    // Files come in any order, so a hole closed early may be one a later file would have
    // filled; what matters is that no closed hole was as long as the gaps being looked for.
    assertThat(set.hiddenHole()).isLessThan(Duration.ofHours(6));
  }

  @Test
  void addAll_twoTallies_mergeSpansAndKeepTheLongerHiddenHole() {
    SpanSet a = new SpanSet(2);
    a.add(h(0), h(1));
    a.add(h(2), h(3));
    a.add(h(10), h(11));
    SpanSet b = new SpanSet(8);
    b.add(h(20), h(21));

    b.addAll(a);

    assertThat(b.spans()).containsExactly(span(0, 3), span(10, 11), span(20, 21));
    assertThat(b.hiddenHole()).isEqualTo(Duration.ofHours(1));
  }
}
