package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.assess.Assessment;
import io.tidemark.assess.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationWriterTest {

  private static String render(ReportInput input) {
    StringBuilder md = new StringBuilder();
    NotificationWriter.render(ReportData.of(input), md);
    return md.toString();
  }

  @Test
  void render_populatedAssessment_prefillsFactsAndMarksWhatPeopleMustFill() {
    String md = render(ReportFixtures.input(false));

    assertThat(md).contains("GDPR Art. 33(3)", "DORA", "NIS2")
        .contains("| Accounts compromised | 1 |")
        .contains("| Mailboxes exposed | 2 (by scope: item 1, mailbox 1) |")
        .contains("2021-03-03T11:05:29Z")
        .contains("**[TO FILL: name and contact details]**")
        .contains("**[TO FILL: when your organisation became aware");
    assertThat(md).contains("198\\.51\\.100\\.5");
  }

  @Test
  void render_hostileStrings_cannotAddLinksHtmlOrHeadings() {
    String md = render(ReportFixtures.input(true));

    for (String line : md.split("\n")) {
      assertThat(line).doesNotContain("<script", "<img", "<iframe", "](", "\u2028", "\u202e");
    }
    assertThat(md).contains("&lt;script&gt;").contains("\\[link\\]\\(javascript\\:");
    assertThat(md).doesNotContain("\n# heading");
  }

  @Test
  void render_noDamageAnalysis_saysUnknownNotZero() {
    ReportInput full = ReportFixtures.input(false);
    Assessment bare = new Assessment(Verdict.COMPROMISED, "x", full.assessment().servers());
    String md = render(new ReportInput(bare, full.detections(), "t", "f", Instant.EPOCH));

    assertThat(md).contains("unknown, not zero")
        .contains("This is not proof that no mail was read");
  }

  @Test
  void esc_markdownSyntax_isNeutralised() {
    assertThat(NotificationWriter.esc("- [x](http://e.vil) <b>*a*</b>\n# h"))
        .isEqualTo("\\- \\[x\\]\\(http\\://e\\.vil\\) &lt;b&gt;\\*a\\*&lt;/b&gt; \\# h");
  }
}
