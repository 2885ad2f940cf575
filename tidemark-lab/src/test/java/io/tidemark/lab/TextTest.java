package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTest {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter W3C =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Test
  void appendIso_randomInstants_matchJavaTime() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      long ms = random.nextLong(0, 4_102_444_800_000L);
      Instant instant = Instant.ofEpochMilli(ms);
      assertThat(Text.iso(ms)).isEqualTo(ISO.format(instant));
      StringBuilder w3c = new StringBuilder();
      Text.appendW3c(w3c, ms);
      assertThat(w3c.toString()).isEqualTo(W3C.format(instant));
    }
  }

  @Test
  void fileStamps_knownInstant_compactForms() {
    long ms = Instant.parse("2021-03-03T01:12:09.394Z").toEpochMilli();
    assertThat(Text.yyyymmddhh(ms)).isEqualTo("2021030301");
    assertThat(Text.yyyymmdd(ms)).isEqualTo("20210303");
    assertThat(Text.yymmdd(ms)).isEqualTo("210303");
    StringBuilder evtx = new StringBuilder();
    Text.appendEvtx(evtx, ms, 7);
    assertThat(evtx.toString()).isEqualTo("2021-03-03T01:12:09.394007Z");
  }

  @Test
  void appendW3cField_emptyAndSpaces_dashAndPlus() {
    StringBuilder sb = new StringBuilder();
    Text.appendW3cField(sb, "");
    sb.append('|');
    Text.appendW3cField(sb, "Mozilla/5.0 (Windows NT 10.0)\tx");
    assertThat(sb.toString()).isEqualTo("-|Mozilla/5.0+(Windows+NT+10.0)+x");
  }

  @Test
  void appendJson_controlAndQuoteCharacters_escaped() {
    StringBuilder sb = new StringBuilder();
    Text.appendJson(sb, "a\"b\\c\nd\u0001");
    assertThat(sb.toString()).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }

  @Test
  void exchangeUserAgent_commas_becomeSpaces() {
    assertThat(Text.exchangeUserAgent("(KHTML, like Gecko)")).isEqualTo("(KHTML  like Gecko)");
  }
}
