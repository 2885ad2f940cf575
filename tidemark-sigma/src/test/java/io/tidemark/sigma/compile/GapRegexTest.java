package io.tidemark.sigma.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GapRegexTest {

  @Test
  void of_literalsAndGapsOnly_givesTheLinearForm() {
    assertThat(GapRegex.of(Pattern.compile("\\+.*\\+.*\\+"))).isNotNull();
    assertThat(GapRegex.of(Pattern.compile("`.*?`.*`"))).isNotNull();
    assertThat(GapRegex.of(Pattern.compile("ab.*cd", Pattern.DOTALL))).isNotNull();
  }

  @Test
  void of_anythingElse_givesNull() {
    for (String regex : new String[] {"abc", "a.+b", "a.b", "a\\d.*b", "a+.*b", "[ab].*c", "(a).*b", "a.*+b",
        "^a.*b", "a.*b$", "a|b.*c", "\\Qa\\E.*b", "\u00e9.*e"}) {
      assertThat(GapRegex.of(Pattern.compile(regex))).as(regex).isNull();
    }
    assertThat(GapRegex.of(Pattern.compile("a.*b", Pattern.CASE_INSENSITIVE))).isNull();
    assertThat(GapRegex.of(Pattern.compile("a.*b", Pattern.UNIX_LINES))).isNull();
    assertThat(GapRegex.of(Pattern.compile("\\+.*-", Pattern.CASE_INSENSITIVE))).isNotNull();
  }

  @Test
  void find_randomValues_agreesWithJavaRegex() {
    String[] regexes = {"\\+.*\\+.*\\+", "ab.*b.*ab", "`.*?`", "x.*y.*x.*y", "\\{.*\\{.*\\{"};
    String alphabet = "ab+xy`{\n\r\u2028 ";
    Random random = new Random(7);
    for (String regex : regexes) {
      for (int flags : new int[] {0, Pattern.DOTALL}) {
        Pattern pattern = Pattern.compile(regex, flags);
        GapRegex gaps = GapRegex.of(pattern);
        assertThat(gaps).as(regex).isNotNull();
        for (int round = 0; round < 5_000; round++) {
          StringBuilder value = new StringBuilder();
          for (int i = random.nextInt(16); i > 0; i--) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
          String v = value.toString();
          assertThat(gaps.find(v)).as("%s (flags %d) on '%s'", regex, flags, v)
              .isEqualTo(pattern.matcher(v).find());
        }
      }
    }
  }

  @Test
  void find_longValueWithManyPlusses_isLinear() {
    Pattern pattern = Pattern.compile("\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+");
    GapRegex gaps = GapRegex.of(pattern);
    String value = "a+b".repeat(13) + "\n" + "c+".repeat(20_000);
    assertThat(gaps.find(value)).isTrue();
    assertThat(gaps.find("a+b".repeat(13) + "\n" + "c+".repeat(5) + "\n" + "+".repeat(13))).isFalse();
  }
}
