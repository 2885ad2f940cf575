package io.tidemark.source.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void parseIso_exchangeForm_fastPathMatchesJavaTime() {
    String text = "x2021-03-03T01:12:09.394Zx";
    assertThat(Timestamps.parseIso(text, 1, text.length() - 1))
        .isEqualTo(Instant.parse("2021-03-03T01:12:09.394Z"));
  }

  @Test
  void parseIso_offsetAndNaiveForms_readAsInstants() {
    String offset = "2021-03-03T02:12:09.5+01:00";
    String naive = "2021-03-03 01:12:09";
    assertThat(Timestamps.parseIso(offset, 0, offset.length()))
        .isEqualTo(Instant.parse("2021-03-03T01:12:09.500Z"));
    assertThat(Timestamps.parseIso(naive, 0, naive.length()))
        .isEqualTo(Instant.parse("2021-03-03T01:12:09Z"));
  }

  @Test
  void parseIso_garbageOrHuge_isNull() {
    String garbage = "2021-13-03T01:12:09.394Z";
    String huge = "2021-03-03T01:12:09." + "9".repeat(10_000) + "Z";
    assertThat(Timestamps.parseIso(garbage, 0, garbage.length())).isNull();
    assertThat(Timestamps.parseIso(huge, 0, huge.length())).isNull();
  }

  @Test
  void parseW3c_dateAndTime_isUtc() {
    String line = "2016-01-10 00:07:26";
    assertThat(Timestamps.parseW3c(line, 0, 10, 11, 19))
        .isEqualTo(Instant.parse("2016-01-10T00:07:26Z"));
    assertThat(Timestamps.parseW3c("2016-02-30 00:07:26", 0, 10, 11, 19)).isNull();
  }
}
