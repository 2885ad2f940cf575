package io.tidemark.sigma.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexLiteralsTest {

  private static String required(String regex) {
    return RegexLiterals.required(regex, 0);
  }

  @Test
  void required_picksLongestTopLevelRun() {
    assertThat(required("\\\\Temp\\\\[a-z]+\\.exe")).isEqualTo("\\Temp\\");
    assertThat(required("powershell.*-enc")).isEqualTo("powershell");
    assertThat(required("(?i)invoke-mimikatz")).isEqualTo("invoke-mimikatz");
  }

  @Test
  void required_optionalCharacters_areDropped() {
    assertThat(required("colou?r")).isEqualTo("colo");
    assertThat(required("abcd*e")).isEqualTo("abc");
    assertThat(required("abcd{0,2}e")).isEqualTo("abc");
    assertThat(required("xab+cdef")).isEqualTo("cdef");
    assertThat(required("xyab+cde")).isEqualTo("xyab");
  }

  @Test
  void required_escapesAndGroupsBreakRuns() {
    assertThat(required("ab\\dcdef")).isEqualTo("cdef");
    assertThat(required("abc(def)+ghij")).isEqualTo("ghij");
    assertThat(required("\\x41BCD")).isEqualTo("BCD");
    assertThat(required("\\u0041xyz")).isEqualTo("xyz");
  }

  @Test
  void required_alternationOrComments_giveNothing() {
    assertThat(required("foo|barbaz")).isNull();
    assertThat(required("(?x) a b c")).isNull();
    assertThat(RegexLiterals.required("abc", Pattern.COMMENTS)).isNull();
    assertThat(required("\\Qa.b\\E")).isNull();
    assertThat(required("(foo|bar)")).isNull();
    assertThat(required("[abc]+")).isNull();
  }

  @Test
  void required_everyMatchContainsIt() {
    String[] regexes = {"a+b?cde", "x.y{1,3}zzz", "(?:ab)?cdef", "q\\.w\\.e", "ab*cd+ef"};
    String[] inputs = {"aaacde", "abcde", "x.yzzz", "xqyyyzzz", "cdef", "ababcdef", "q.w.e", "acdddef", "abbcdef"};
    for (String regex : regexes) {
      String lit = required(regex);
      for (String input : inputs) {
        if (Pattern.compile(regex).matcher(input).find()) {
          assertThat(input).as(regex).contains(lit);
        }
      }
    }
  }

  @Test
  void runs_topLevelSequence_listsEveryRequiredRun() {
    assertThat(RegexLiterals.runs("\\+.*\\+.*\\+", 0)).containsExactly("+", "+", "+");
    assertThat(RegexLiterals.runs("ab(c)de+f?g", 0)).containsExactly("ab", "de", "g");
    assertThat(RegexLiterals.runs("(foo|bar)", 0)).isNull();
    assertThat(RegexLiterals.runs("a|b", 0)).isNull();
  }

  @Test
  void runs_everyMatchHoldsEachRunsCharactersAtDistinctPlaces() {
    String[] regexes = {"\\+.*\\+.*\\+", "a.a.a", "`.*`", "x+y+x", "(?i)a.A"};
    String[] inputs = {"+++", "+ + +", "++", "aXaYa", "aaa", "aa", "``", "`", "xyx", "xxyyx", "aA", "a-a"};
    for (String regex : regexes) {
      java.util.List<String> runs = RegexLiterals.runs(regex, 0);
      String all = String.join("", runs);
      for (String input : inputs) {
        if (Pattern.compile(regex).matcher(input).find()) {
          for (char c : all.toCharArray()) {
            long need = all.chars().filter(x -> Character.toLowerCase(x) == Character.toLowerCase(c)).count();
            long have = input.chars().filter(x -> Character.toLowerCase(x) == Character.toLowerCase(c)).count();
            assertThat(have).as(regex + " on " + input).isGreaterThanOrEqualTo(need);
          }
        }
      }
    }
  }
}
