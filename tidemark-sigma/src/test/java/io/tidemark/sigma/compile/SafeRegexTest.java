package io.tidemark.sigma.compile;

import static io.tidemark.sigma.Fixtures.compile;
import static io.tidemark.sigma.Fixtures.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SafeRegexTest {

  @Test
  void find_classicCatastrophicPattern_completesWithinBudget() {
    // Java 9+ memoizes greedy loops, so the textbook (a+)+$ stays cheap here...
    SafeRegex regex = new SafeRegex(Pattern.compile("(a+)+$"), 100_000);
    assertThat(regex.find("a".repeat(40) + "!")).isFalse();
    assertThat(new SafeRegex(Pattern.compile("^(a+)+$"), 100_000).find("a".repeat(40) + "!")).isFalse();
  }

  @Test
  void find_catastrophicPattern_givesUpWithinBudget() {
    // ...but a backreference defeats the memo: about 2^40 steps without a budget
    SafeRegex regex = new SafeRegex(Pattern.compile("^(a+)+\\1$"), 100_000);
    String hostile = "a".repeat(40) + "!";
    long start = System.nanoTime();
    assertThatThrownBy(() -> regex.find(hostile)).isInstanceOf(SafeRegex.BudgetExceeded.class);
    assertThat(System.nanoTime() - start).as("bounded, not 2^40 steps").isLessThan(2_000_000_000L);
  }

  @Test
  void find_ordinaryPattern_isUnaffected() {
    SafeRegex regex = new SafeRegex(Pattern.compile("-e(nc|ncodedcommand)\\s"), 1_000);
    assertThat(regex.find("powershell -enc AAAA")).isTrue();
    assertThat(regex.find("powershell -File x.ps1")).isFalse();
  }

  @Test
  void match_budgetExceeded_reportsDiagnosticAndCountsAsNoMatch() {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    var set = compile("""
        title: evil regex
        id: evil-1
        logsource: {product: windows, service: security}
        detection:
          sel:
            CommandLine|re: '^(a+)+\\1$'
          condition: sel
        """, CompileOptions.defaults().withRegexBudget(50_000).withDiagnostics(sink));
    List<String> matched = new ArrayList<>();
    set.match(windows("Channel", "Security", "EventID", "4688", "CommandLine", "a".repeat(64) + "!"),
        r -> matched.add(r.rule().metadata().title()));
    assertThat(matched).isEmpty();
    assertThat(sink.diagnostics()).hasSize(1);
    Diagnostic d = sink.diagnostics().get(0);
    assertThat(d.code()).isEqualTo("regex-budget-exceeded");
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.message()).contains("'evil regex' (evil-1)").contains("counts as not matching");
    assertThat(d.source()).isEqualTo("Security.evtx");
    assertThat(d.line()).isEqualTo(1);
  }

  @Test
  void match_budgetExceededUnderNot_stillCountsAsNoMatch() {
    var set = compile("""
        title: negated evil regex
        logsource: {product: windows, service: security}
        detection:
          sel: {EventID: 4688}
          filter: {CommandLine|re: '^(a+)+\\1$'}
          condition: sel and not filter
        """, CompileOptions.defaults().withRegexBudget(50_000));
    List<String> matched = new ArrayList<>();
    set.match(windows("Channel", "Security", "EventID", "4688", "CommandLine", "a".repeat(64) + "!"),
        r -> matched.add(r.rule().metadata().title()));
    assertThat(matched).isEmpty();
  }

  @Test
  void regexTest_valueLackingRequiredCharacters_isRejectedBeforeTheSearch() {
    ValueTest plusses = new ValueTest.RegexTest(new SafeRegex(Pattern.compile("\\+.*\\+.*\\+"), 1_000));
    assertThat(plusses.test("a+b+c")).isFalse();
    assertThat(plusses.test("a+b+c+")).isTrue();
    ValueTest cased = new ValueTest.RegexTest(new SafeRegex(Pattern.compile("(?i)invoke-\\w+"), 1_000));
    assertThat(cased.test("INVOKE-Expression")).isTrue();
    assertThat(cased.test("Get-Item")).isFalse();
  }

  @Test
  void match_valueWithoutTheRegexsLiteral_neverRunsTheCatastrophicSearch() {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    var set = compile("""
        title: evil regex with a literal
        logsource: {product: windows, service: security}
        detection:
          sel:
            CommandLine|re: '^(a+)+\\1#$'
          condition: sel
        """, CompileOptions.defaults().withRegexBudget(50_000).withDiagnostics(sink));
    set.match(windows("Channel", "Security", "EventID", "4688", "CommandLine", "a".repeat(64) + "!"),
        r -> { });
    assertThat(sink.diagnostics()).isEmpty();
  }

  @Test
  void searchForm_dropsOpenEndsThatCannotChangeASearch() {
    assertThat(MatcherBuilder.searchForm(".*foo.*")).isEqualTo("foo");
    assertThat(MatcherBuilder.searchForm(".*?foo")).isEqualTo(".*?foo");
    assertThat(MatcherBuilder.searchForm(".*+foo")).isEqualTo(".*+foo");
    assertThat(MatcherBuilder.searchForm("foo\\.*")).isEqualTo("foo\\.*");
    assertThat(MatcherBuilder.searchForm("foo\\\\.*")).isEqualTo("foo\\\\");
    assertThat(MatcherBuilder.searchForm("^foo.*")).isEqualTo("^foo");
  }
}
