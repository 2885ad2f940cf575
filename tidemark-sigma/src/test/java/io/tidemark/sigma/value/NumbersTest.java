package io.tidemark.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void parse_decimalHexOctal_giveValues() {
    assertThat(Numbers.parse("4624")).isEqualByComparingTo("4624");
    assertThat(Numbers.parse("0xC000006D")).isEqualByComparingTo(new BigDecimal(3221225581L));
    assertThat(Numbers.parse("0o17")).isEqualByComparingTo("15");
    assertThat(Numbers.parse("-1.5e2")).isEqualByComparingTo("-150");
  }

  @Test
  void parse_hugeExponentOrJunk_isNotANumber() {
    assertThat(Numbers.parse("1e999999999")).isNull();
    assertThat(Numbers.parse("12ab")).isNull();
    assertThat(Numbers.parse("")).isNull();
    assertThat(Numbers.parse("9".repeat(100))).isNull();
  }

  @Test
  void isCanonicalInteger_leadingZeroOrSign_isNot() {
    assertThat(Numbers.isCanonicalInteger("4624")).isTrue();
    assertThat(Numbers.isCanonicalInteger("0")).isTrue();
    assertThat(Numbers.isCanonicalInteger("04624")).isFalse();
    assertThat(Numbers.isCanonicalInteger("+1")).isFalse();
  }
}
