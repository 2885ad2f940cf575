package io.tidemark.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimesTest {

  @Test
  void appendFiletime_randomTicks_agreesWithJavaTime() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      // 1601 to 9999: the range java.time prints without a sign
      long filetime = random.nextLong(2_650_467_743_999_999_999L);
      Instant instant = Times.fromFiletime(filetime);
      StringBuilder text = new StringBuilder();

      Times.appendFiletime(text, filetime, 6);

      String expected = instant.truncatedTo(ChronoUnit.MICROS).toString();
      assertThat(Instant.parse(text)).as(expected).isEqualTo(Instant.parse(expected));
      assertThat(text).hasSize(27);
    }
  }

  @Test
  void fromFiletime_epoch_is1601() {
    assertThat(Times.fromFiletime(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
    assertThat(Times.fromFiletime(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
  }

  @Test
  void appendFraction_truncatesAndPads() {
    StringBuilder text = new StringBuilder();

    Times.appendFraction(text, 3_947_251, 7, 6);
    Times.appendFraction(text, 819, 3, 6);
    Times.appendFraction(text, 5, 7, 0);

    assertThat(text).hasToString(".394725.819000");
  }
}
