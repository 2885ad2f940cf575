package io.tidemark.sigma.modifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.sigma.value.CompareOp;
import io.tidemark.sigma.value.RegexFlag;
import io.tidemark.sigma.value.SigmaBool;
import io.tidemark.sigma.value.SigmaCidr;
import io.tidemark.sigma.value.SigmaCompare;
import io.tidemark.sigma.value.SigmaExists;
import io.tidemark.sigma.value.SigmaExpansion;
import io.tidemark.sigma.value.SigmaFieldRef;
import io.tidemark.sigma.value.SigmaNumber;
import io.tidemark.sigma.value.SigmaRegex;
import io.tidemark.sigma.value.SigmaString;
import io.tidemark.sigma.value.SigmaTimestampPart;
import io.tidemark.sigma.value.SigmaValue;
import io.tidemark.sigma.value.TimePart;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Vectors from pySigma's tests/test_modifiers.py (modifier outputs), ported one for one. */
class ModifierChainTest {

  private static SigmaValue apply(SigmaValue value, String... modifiers) {
    return apply("field", value, modifiers);
  }

  private static SigmaValue apply(String field, SigmaValue value, String... modifiers) {
    List<Modifier> chain = Arrays.stream(modifiers).map(Modifier::byName).toList();
    return ModifierChain.apply(field, chain, List.of(value)).values().get(0);
  }

  private static SigmaString s(String text) {
    return SigmaString.parse(text);
  }

  @Test
  void contains_anyWildcardPlacement_endsAsStarTextStar() {
    assertThat(apply(s("foobar"), "contains")).isEqualTo(s("*foobar*"));
    assertThat(apply(s("*foobar"), "contains")).isEqualTo(s("*foobar*"));
    assertThat(apply(s("foobar*"), "contains")).isEqualTo(s("*foobar*"));
    assertThat(apply(s("*foobar*"), "contains")).isEqualTo(s("*foobar*"));
  }

  @Test
  void startswithEndswith_addOneWildcard() {
    assertThat(apply(s("foobar"), "startswith")).isEqualTo(s("foobar*"));
    assertThat(apply(s("foobar*"), "startswith")).isEqualTo(s("foobar*"));
    assertThat(apply(s("foobar"), "endswith")).isEqualTo(s("*foobar"));
    assertThat(apply(s("*foobar"), "endswith")).isEqualTo(s("*foobar"));
  }

  @Test
  void base64_plainString_encodesUtf8() {
    assertThat(apply(s("foobar"), "base64")).isEqualTo(SigmaString.literal("Zm9vYmFy"));
  }

  @Test
  void base64_withWildcard_isRejected() {
    assertThatThrownBy(() -> apply(s("foo*bar"), "base64")).isInstanceOf(ModifierException.class)
        .hasMessageContaining("wildcards is not allowed");
    assertThatThrownBy(() -> apply(s("foo*bar"), "base64offset")).hasMessageContaining("wildcards is not allowed");
  }

  @Test
  void base64offset_foobar_givesPySigmaThreeVariants() {
    assertThat(apply(s("foobar"), "base64offset")).isEqualTo(new SigmaExpansion(List.of(
        SigmaString.literal("Zm9vYmFy"), SigmaString.literal("Zvb2Jhc"), SigmaString.literal("mb29iYX"))));
  }

  @Test
  void base64offset_regex_isIncompatible() {
    assertThatThrownBy(() -> apply(s("foo.*bar"), "re", "base64offset"))
        .hasMessageContaining("incompatible").hasMessageContaining("regex");
  }

  @Test
  void base64offsetContains_wrapsEveryVariant() {
    SigmaExpansion e = (SigmaExpansion) apply(s("IEX"), "base64offset", "contains");
    assertThat(e.alternatives()).containsExactly(s("*SUVY*"), s("*lFW*"), s("*JRV*"));
  }

  @Test
  void wide_keepsWildcardsAndInterleavesZeros() {
    // pySigma test_wide
    SigmaString wide = (SigmaString) apply(s("*foobar*"), "wide");
    assertThat(wide.parts()).containsExactly(SigmaString.Special.ANY_RUN,
        new SigmaString.Literal("f\u0000o\u0000o\u0000b\u0000a\u0000r\u0000"), SigmaString.Special.ANY_RUN);
    assertThat(apply(s("*foobar*"), "utf16le")).isEqualTo(wide);
  }

  @Test
  void wideBase64offset_matchesPowershellEncodedCommand() {
    // "cmd" in UTF-16LE is 63 00 6d 00 64 00; base64 of it is YwBtAGQA
    assertThat(apply(s("cmd"), "wide", "base64")).isEqualTo(SigmaString.literal("YwBtAGQA"));
    SigmaExpansion e = (SigmaExpansion) apply(s("cmd"), "wide", "base64offset");
    assertThat(e.alternatives()).contains(SigmaString.literal("YwBtAGQA"));
  }

  @Test
  void utf16beAndUtf16_encodeOrderAndBom() {
    assertThat(apply(s("cmd"), "utf16be", "base64")).isEqualTo(SigmaString.literal("AGMAbQBk"));
    // FF FE 63 00 6D 00 64 00
    assertThat(apply(s("cmd"), "utf16", "base64")).isEqualTo(SigmaString.literal("//5jAG0AZAA="));
  }

  @Test
  void wide_nonAscii_isEncodedNotRejected() {
    // deliberate difference from pySigma test_wide_noascii: "ä" is E4 00 in UTF-16LE
    assertThat(apply(s("ä"), "wide", "base64")).isEqualTo(SigmaString.literal("5AA="));
  }

  @Test
  void windash_thenContains_sameAsContainsThenWindash() {
    assertThat(apply(s("-urlcache"), "windash", "contains")).isEqualTo(apply(s("-urlcache"), "contains", "windash"));
  }

  @Test
  void re_takesTextVerbatim() {
    // pySigma test_re and test_do_not_escape_regular_expressions
    assertThat(apply(s("foo?bar.*"), "re")).isEqualTo(SigmaRegex.of("foo?bar.*"));
    assertThat(apply(s("foo\\\\bar"), "re")).isEqualTo(SigmaRegex.of("foo\\\\bar"));
  }

  @Test
  void re_afterAnotherModifier_isRejected() {
    assertThatThrownBy(() -> apply(s("foobar"), "base64", "re"))
        .hasMessageContaining("only applies to unmodified values");
  }

  @Test
  void re_invalidPattern_namesPattern() {
    assertThatThrownBy(() -> apply(s("(test.*"), "re")).hasMessageContaining("invalid regular expression '(test.*'");
  }

  @Test
  void reFlags_addFlags() {
    assertThat(apply(s("foo.*bar"), "re", "i")).isEqualTo(SigmaRegex.of("foo.*bar").withFlag(RegexFlag.IGNORE_CASE));
    assertThat(((SigmaRegex) apply(s("foo.*bar"), "re", "m", "s")).flags())
        .isEqualTo(Set.of(RegexFlag.MULTILINE, RegexFlag.DOTALL));
    assertThat(apply(s("x"), "re", "ignorecase")).isEqualTo(apply(s("x"), "re", "i"));
  }

  @Test
  void reWithAnchoringModifiers_rewritesLikePySigma() {
    assertThat(pattern(apply(s("foo?bar"), "re", "contains"))).isEqualTo(".*foo?bar.*");
    assertThat(pattern(apply(s("^foo?bar"), "re", "contains"))).isEqualTo("^foo?bar.*");
    assertThat(pattern(apply(s("foo?bar$"), "re", "contains"))).isEqualTo(".*foo?bar$");
    assertThat(pattern(apply(s(".*foo?bar"), "re", "contains"))).isEqualTo(".*foo?bar.*");
    assertThat(pattern(apply(s("foo?bar.*"), "re", "contains"))).isEqualTo(".*foo?bar.*");
    assertThat(pattern(apply(s("foo?bar"), "re", "startswith"))).isEqualTo("foo?bar.*");
    assertThat(pattern(apply(s("foo?bar"), "re", "endswith"))).isEqualTo(".*foo?bar");
    assertThat(pattern(apply(s("^foo?bar"), "re", "endswith"))).isEqualTo("^foo?bar");
    assertThat(pattern(apply(s("foo?bar$"), "re", "startswith"))).isEqualTo("foo?bar$");
    assertThat(pattern(apply(s("a|b"), "re", "contains"))).isEqualTo(".*(?:a|b).*");
  }

  private static String pattern(SigmaValue v) {
    return ((SigmaRegex) v).pattern();
  }

  @Test
  void all_setsAllOf_andKeepsValues() {
    ModifiedValues m = ModifierChain.apply("f", List.of(Modifier.CONTAINS, Modifier.ALL),
        List.of(s("a"), s("b")));
    assertThat(m.allOf()).isTrue();
    assertThat(m.values()).containsExactly(s("*a*"), s("*b*"));
  }

  @Test
  void compare_numbers_becomeComparisons_stringsAreRejected() {
    SigmaNumber n = SigmaNumber.parseOrNull("123");
    assertThat(apply(n, "lt")).isEqualTo(new SigmaCompare(CompareOp.LT, n));
    assertThat(apply(n, "lte")).isEqualTo(new SigmaCompare(CompareOp.LTE, n));
    assertThat(apply(n, "gt")).isEqualTo(new SigmaCompare(CompareOp.GT, n));
    assertThat(apply(n, "gte")).isEqualTo(new SigmaCompare(CompareOp.GTE, n));
    assertThatThrownBy(() -> apply(s("123"), "gte")).hasMessageContaining("expects a number");
  }

  @Test
  void exists_bool_becomesExists_onlyOnFields() {
    assertThat(apply(new SigmaBool(true), "exists")).isEqualTo(new SigmaExists(true));
    assertThatThrownBy(() -> ModifierChain.apply(null, List.of(Modifier.EXISTS), List.of(new SigmaBool(true))))
        .hasMessageContaining("must be applied to a field");
    assertThatThrownBy(() -> apply(new SigmaBool(true), "base64", "exists")).isInstanceOf(ModifierException.class);
  }

  @Test
  void expand_insertsPlaceholders() {
    assertThat(((SigmaString) apply(s("test%var%test"), "expand")).parts()).containsExactly(
        new SigmaString.Literal("test"), new SigmaString.Placeholder("var"), new SigmaString.Literal("test"));
  }

  @Test
  void cidr_valid_parses_modifiedOrInvalid_fails() {
    assertThat(apply(s("192.168.1.0/24"), "cidr")).isEqualTo(SigmaCidr.parse("192.168.1.0/24"));
    assertThatThrownBy(() -> apply(s("192.168.1.0/24"), "base64", "cidr"))
        .hasMessageContaining("only applies to unmodified values");
    assertThatThrownBy(() -> apply(s("192.168.1.1/24"), "cidr")).hasMessageContaining("invalid CIDR expression");
  }

  @Test
  void fieldref_withContains_setsBothEnds() {
    assertThat(apply(s("TargetUser"), "fieldref")).isEqualTo(new SigmaFieldRef("TargetUser", false, false));
    assertThat(apply(s("TargetUser"), "fieldref", "contains")).isEqualTo(new SigmaFieldRef("TargetUser", true, true));
    assertThat(apply(s("TargetUser"), "fieldref", "endswith")).isEqualTo(new SigmaFieldRef("TargetUser", false, true));
    assertThatThrownBy(() -> apply(s("Target*"), "fieldref")).hasMessageContaining("without wildcards");
  }

  @Test
  void neq_negatesTheItem() {
    ModifiedValues m = ModifierChain.apply("f", List.of(Modifier.NEQ), List.of(s("a")));
    assertThat(m.negated()).isTrue();
    assertThat(m.values()).containsExactly(s("a"));
  }

  @Test
  void timeParts_numbers_becomeParts_outOfRange_fails() {
    assertThat(apply(SigmaNumber.parseOrNull("3"), "hour")).isEqualTo(new SigmaTimestampPart(TimePart.HOUR, 3));
    assertThatThrownBy(() -> apply(SigmaNumber.parseOrNull("24"), "hour")).hasMessageContaining("outside 0..23");
    assertThatThrownBy(() -> apply(s("x"), "month")).hasMessageContaining("expects a number");
  }

  @Test
  void cased_marksString() {
    assertThat(((SigmaString) apply(s("Invoke"), "cased", "contains")).isCased()).isTrue();
  }

  @Test
  void stringModifier_onNumber_usesItsText() {
    assertThat(apply(SigmaNumber.parseOrNull("4624"), "contains")).isEqualTo(s("*4624*"));
  }

  @Test
  void byName_unknown_isNull_andNamesAreListed() {
    assertThat(Modifier.byName("base64offsett")).isNull();
    assertThat(Modifier.allNames()).contains("windash", "utf16le", "wide", "neq", "week");
  }
}
