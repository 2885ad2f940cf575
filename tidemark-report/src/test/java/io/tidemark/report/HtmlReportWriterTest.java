package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.assess.Assessment;
import io.tidemark.assess.Verdict;
import io.tidemark.engine.Detection;
import io.tidemark.engine.RuleInfo;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  private static String render(boolean hostile) {
    return HtmlReportWriter.render(ReportData.of(ReportFixtures.input(hostile)));
  }

  @Test
  void render_populatedAssessment_showsSectionsInTheIssuesOrder() {
    String html = render(false);

    int previous = -1;
    for (String id : List.of("verdict", "timeline", "attackers", "exposure", "coverage", "findings",
        "evidence")) {
      int at = html.indexOf("<section id=\"" + id + "\">");
      assertThat(at).as("section %s", id).isGreaterThan(previous);
      previous = at;
    }
    assertThat(html).contains("COMPROMISED", "jdoe@corp.example", "A1", "mailbox-audit-owner-off",
        "id=\"timeline-table\"", "class=\"gap\"", "ProxyLogon SSRF (CVE-2021-26855) (proxylogon-ssrf)");
  }

  @Test
  void render_everyInternalLink_pointsAtAnAnchorThatExists() {
    String html = render(false);

    Matcher links = Pattern.compile("href=\"#((ev|f)-\\d+)\"").matcher(html);
    int count = 0;
    int stories = 0;
    while (links.find()) {
      count++;
      stories += links.group(2).equals("f") ? 1 : 0;
      assertThat(html).contains(" id=\"" + links.group(1) + "\"");
    }
    assertThat(count).isGreaterThan(10);
    assertThat(stories).as("story lines linked to their findings").isEqualTo(3);
    // The correlation's contributing record has no detection of its own: listed, and said so
    // (the same note serves the damage analysis's records).
    assertThat(html).contains("u_ex210303.log:5</code>").contains("No rule matched this record on its own");
  }

  @Test
  void render_cspHash_matchesTheInlineScript() {
    String html = render(false);

    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(script.find()).isTrue();
    assertThat(html).contains("script-src '" + HtmlReportWriter.sha256(script.group(1)) + "'")
        .contains("default-src 'none'");
    assertThat(script.find()).as("only one executable script").isFalse();
  }

  @Test
  void script_neverParsesTextAsHtmlOrCode() {
    // Evidence reaches the page only through textContent and attribute values; keep it that way.
    assertThat(HtmlReportWriter.SCRIPT).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
        "document.write", "eval(", "Function(", "setTimeout(", "setInterval(", "createContextualFragment",
        "DOMParser", "href", "src");
  }

  @Test
  void render_hostileStrings_areEscapedEverywhere() {
    String html = render(true);

    String body = html.substring(0, html.indexOf("<script type=\"application/json\""));
    assertThat(body).doesNotContain("<script>window", "<img src=x", "<svg onload", "<iframe",
        "<base href", "<style>@import", "<math>", "onerror=\"window", "\u202e", "\u2028");
    assertThat(body).contains("&lt;script&gt;window.__xss=1");
    String json = html.substring(html.indexOf("<script type=\"application/json\""),
        html.lastIndexOf("<script>"));
    assertThat(json.substring(1).toLowerCase()).doesNotContain("<script", "<!--", "</script>x")
        .doesNotContain("\u2028", "\u2029");
    assertThat(json).contains("\\u003c/script\\u003e");
    // Exactly one closing tag for the data block and one for the code.
    assertThat(html.split("</script>", -1)).hasSize(3);
  }

  @Test
  void render_noDamageAnalysis_saysSoInsteadOfImplyingNoAccess() {
    ReportInput full = ReportFixtures.input(false);
    Assessment bare = new Assessment(Verdict.COMPROMISED, "x", full.assessment().servers());
    String html = HtmlReportWriter.render(ReportData.of(new ReportInput(bare, full.detections(),
        "t", "f", Instant.EPOCH)));

    assertThat(html).contains("No exposure found (the damage analysis did not run)")
        .contains("No evidence of access is not evidence of no access")
        .contains("the damage analysis did not run, so activity was not grouped")
        .contains("Gaps inside each source")
        .contains("198.51.100.5");
  }

  @Test
  void render_moreDetectionsThanRows_keepsTheImportantOnesAndSaysSo() {
    ReportInput base = ReportFixtures.input(false);
    List<Detection> many = new ArrayList<>(base.detections());
    RuleInfo noisy = ReportFixtures.rule("noisy", "Noisy Low Rule", "low", List.of());
    for (int i = 0; i < HtmlReportWriter.MAX_TIMELINE_ROWS + 500; i++) {
      Instant t = ReportFixtures.T0.plusSeconds(i);
      many.add(new Detection(Detection.Kind.RULE, noisy, t, "x.log", 1000 + i, "EXCH01",
          LogType.IIS_W3C, Map.of("c-ip", "10.0.0.1"), List.of(), Map.of()));
    }
    String html = HtmlReportWriter.render(ReportData.of(new ReportInput(base.assessment(), many,
        "t", "f", Instant.EPOCH)));

    assertThat(html).contains("Showing " + HtmlReportWriter.MAX_TIMELINE_ROWS + " of "
        + (many.size() + 8) + " entries");
    assertThat(html.split("<tr id=\"tl-", -1)).hasSize(HtmlReportWriter.MAX_TIMELINE_ROWS + 1);
    assertThat(html).contains("ProxyLogon SSRF (CVE-2021-26855)</td>", "Mailbox jdoe@corp.example exposed");
  }

  @Test
  void render_nothingAtAll_rendersEmptyStates() {
    Assessment clean = new Assessment(Verdict.INSUFFICIENT_EVIDENCE, "no logs", List.of());
    String html = HtmlReportWriter.render(ReportData.of(new ReportInput(clean, List.of(), "t", "f",
        Instant.EPOCH)));

    assertThat(html).contains("INSUFFICIENT EVIDENCE", "No detections and no damage events",
        "No log coverage recorded", "No rule fired");
  }

  @Test
  void render_accountAnomalies_showAtTheAttackersAccountsAndApartForTheOthers() {
    String html = render(false);

    String attacked = html.substring(html.indexOf("<table class=\"sortable\" id=\"accounts\">"),
        html.indexOf("</table>", html.indexOf("id=\"accounts\"")));
    assertThat(attacked).contains("<p class=\"anomalies\">Unusual for the account:</p>")
        .contains("<span class=\"kind\">new_user_agent</span> <code>python-requests/2.25</code>")
        .doesNotContain("mlee");
    String unusual = html.substring(html.indexOf("<table class=\"sortable\" id=\"unusual\">"),
        html.indexOf("</table>", html.indexOf("id=\"unusual\"")));
    assertThat(unusual).contains("corp\\mlee", "impossible_travel",
        "<code>81.2.69.160 -&gt; 216.160.83.56</code> (London, GB to Milton, US");
    assertThat(html).contains("novelty alone is not evidence of compromise")
        .contains("1 more account(s) appear only with addresses not tied to the attacker, in the "
            + "logs read: corp\\plain.");
  }

  @Test
  void render_hostileAnomalies_areEscaped() {
    String html = render(true);

    String unusual = html.substring(html.indexOf("id=\"unusual\""),
        html.indexOf("</table>", html.indexOf("id=\"unusual\"")));
    assertThat(unusual).doesNotContain("<svg", "'>").contains("&#39;&gt;&lt;svg onload");
    String attacked = html.substring(html.indexOf("id=\"accounts\""),
        html.indexOf("</table>", html.indexOf("id=\"accounts\"")));
    assertThat(attacked).doesNotContain("<img", "onerror=\"").contains("&quot;&gt;&lt;img");
  }
}
