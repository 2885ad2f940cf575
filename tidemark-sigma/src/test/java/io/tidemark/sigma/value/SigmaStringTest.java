package io.tidemark.sigma.value;

import static io.tidemark.sigma.value.SigmaString.Special.ANY_CHAR;
import static io.tidemark.sigma.value.SigmaString.Special.ANY_RUN;
import static io.tidemark.sigma.value.SigmaString.Special.WINDOWS_DASH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.sigma.value.SigmaString.Literal;
import io.tidemark.sigma.value.SigmaString.Placeholder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Escaping and wildcard vectors from pySigma's tests/test_types.py, plus windash and placeholders. */
class SigmaStringTest {

  @Test
  void parse_empty_hasNoParts() {
    assertThat(SigmaString.parse("").parts()).isEmpty();
  }

  @Test
  void parse_plain_isOneLiteral() {
    assertThat(SigmaString.parse("plain").parts()).containsExactly(new Literal("plain"));
  }

  @Test
  void parse_wildcards_becomeTokens() {
    // pySigma test_strings_wildcards
    assertThat(SigmaString.parse("wild*cards?contained").parts())
        .containsExactly(new Literal("wild"), ANY_RUN, new Literal("cards"), ANY_CHAR, new Literal("contained"));
  }

  @Test
  void parse_escapedSpecials_becomeLiterals() {
    // pySigma test_strings_escaping: escaped\*\?\\*?
    assertThat(SigmaString.parse("escaped\\*\\?\\\\*?").parts())
        .containsExactly(new Literal("escaped*?\\"), ANY_RUN, ANY_CHAR);
  }

  @Test
  void parse_backslashBeforePlainCharacter_staysBackslash() {
    // pySigma test_strings_escaping_nonspecial
    assertThat(SigmaString.parse("escaped\\nonspecial").parts()).containsExactly(new Literal("escaped\\nonspecial"));
    assertThat(SigmaString.parse("C:\\Windows\\System32\\cmd.exe").plainText())
        .isEqualTo("C:\\Windows\\System32\\cmd.exe");
  }

  @Test
  void parse_trailingBackslash_isKept() {
    // pySigma test_strings_escaping_end
    assertThat(SigmaString.parse("finalescape\\").parts()).containsExactly(new Literal("finalescape\\"));
  }

  @Test
  void parse_backslashRuns_followSpecification() {
    // \\* is a backslash then a wildcard; \\\* a backslash then a literal star; \\\\ is two
    assertThat(SigmaString.parse("a\\\\*").parts()).containsExactly(new Literal("a\\"), ANY_RUN);
    assertThat(SigmaString.parse("a\\\\\\*").parts()).containsExactly(new Literal("a\\*"));
    assertThat(SigmaString.parse("a\\\\\\\\").parts()).containsExactly(new Literal("a\\\\"));
    assertThat(SigmaString.parse("a\\\\\\b").parts()).containsExactly(new Literal("a\\\\b"));
  }

  @Test
  void toString_withEscapedWildcards_roundTrips() {
    // pySigma test_strings_with_plain_wildcards_to_string
    String text = "value\\*with\\?plain*wild?cards";
    SigmaString s = SigmaString.parse(text);
    assertThat(s.parts()).containsExactly(new Literal("value*with?plain"), ANY_RUN, new Literal("wild"), ANY_CHAR,
        new Literal("cards"));
    assertThat(s.toString()).isEqualTo(text);
    assertThat(SigmaString.parse(s.toString())).isEqualTo(s);
  }

  @Test
  void equals_escapedAndUnescapedWildcard_differ() {
    // pySigma test_strings_not_equal
    assertThat(SigmaString.parse("test\\*string")).isNotEqualTo(SigmaString.parse("test*string"));
    assertThat(SigmaString.parse("test*string")).isEqualTo(SigmaString.parse("test*string"));
  }

  @Test
  void insertPlaceholders_single_splitsText() {
    // pySigma test_string_placeholders_single
    assertThat(SigmaString.parse("test1%var%test2").insertPlaceholders().parts())
        .containsExactly(new Literal("test1"), new Placeholder("var"), new Literal("test2"));
  }

  @Test
  void insertPlaceholders_multiWithWildcards_keepsOrder() {
    // pySigma test_string_placeholders_multi
    assertThat(SigmaString.parse("%start%te*st1%middle%te?st2%end%").insertPlaceholders().parts())
        .containsExactly(new Placeholder("start"), new Literal("te"), ANY_RUN, new Literal("st1"),
            new Placeholder("middle"), new Literal("te"), ANY_CHAR, new Literal("st2"), new Placeholder("end"));
  }

  @Test
  void insertPlaceholders_escapedPercent_isLiteral() {
    // pySigma test_string_placeholders_escape
    assertThat(SigmaString.parse("\\%test1\\%test2\\%%var%\\%test3\\%").insertPlaceholders().parts())
        .containsExactly(new Literal("%test1%test2%"), new Placeholder("var"), new Literal("%test3%"));
  }

  @Test
  void replacePlaceholders_twoPlaceholders_expandsCartesian() {
    // pySigma test_string_placeholders_replace: each placeholder → "A" or "*"
    List<SigmaString> out = SigmaString.parse("test%var1%something%var2%end").insertPlaceholders()
        .replacePlaceholders(Map.of("var1", List.of("A", "*"), "var2", List.of("A", "*")), 100);
    assertThat(out).containsExactly(
        SigmaString.parse("testAsomethingAend"), SigmaString.parse("testAsomething*end"),
        SigmaString.parse("test*somethingAend"), SigmaString.parse("test*something*end"));
  }

  @Test
  void replacePlaceholders_missingValues_namesPlaceholder() {
    assertThatThrownBy(() -> SigmaString.parse("%Admins%").insertPlaceholders().replacePlaceholders(Map.of(), 10))
        .hasMessageContaining("%Admins%");
  }

  @Test
  void windowsDash_onlyParameterStartDashes_becomeDashClass() {
    assertThat(SigmaString.parse("-param-1 -param2").windowsDash().parts())
        .containsExactly(WINDOWS_DASH, new Literal("param-1 "), WINDOWS_DASH, new Literal("param2"));
  }

  @Test
  void dashVariants_twoDashes_areTwentyFiveInPySigmaOrder() {
    // pySigma 1.5 test_windash expands "-param-1 -param2"; with - and / only it is 4 strings
    List<SigmaString> variants = SigmaString.parse("-param-1 -param2").windowsDash().dashVariants(100);
    assertThat(variants).hasSize(25);
    assertThat(variants.subList(0, 2)).containsExactly(
        SigmaString.literal("-param-1 -param2"), SigmaString.literal("-param-1 /param2"));
    assertThat(variants).contains(SigmaString.literal("/param-1 -param2"), SigmaString.literal("/param-1 /param2"),
        SigmaString.literal("\u2013param-1 \u2015param2"));
  }

  @Test
  void dashVariants_overLimit_fails() {
    assertThatThrownBy(() -> SigmaString.parse("-a -b -c -d").windowsDash().dashVariants(100))
        .hasMessageContaining("more than 100");
  }
}
