package io.tidemark.report;

import io.tidemark.assess.Assessment;
import io.tidemark.assess.Finding;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.assess.StoryLine;
import io.tidemark.assess.Verdict;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The text {@code scan} shows at the end: the verdict first, then the story in a few lines, then
 * where the files are. Returned as a string; only the CLI prints.
 */
public final class ConsoleSummary {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String RESET = "\u001b[0m";

  private ConsoleSummary() {}

  /**
   * @param outDir where the output files went, or null when none were written
   * @param color whether to use ANSI colours (only when the console is a terminal)
   */
  public static String render(Assessment assessment, @Nullable Path outDir, boolean color) {
    StringBuilder text = new StringBuilder();
    for (ServerAssessment server : assessment.servers()) {
      renderServer(text, server, color);
    }
    if (assessment.servers().size() > 1) {
      text.append("Overall: ").append(paint(label(assessment.verdict()), assessment.verdict(), color))
          .append(System.lineSeparator());
    }
    if (outDir != null) {
      text.append(System.lineSeparator()).append("Files: ").append(outDir)
          .append(System.lineSeparator());
      for (String file : ScanRunner.OUTPUTS) {
        text.append("  ").append(outDir.resolve(file)).append(System.lineSeparator());
      }
    }
    return text.toString();
  }

  private static void renderServer(StringBuilder text, ServerAssessment s, boolean color) {
    String nl = System.lineSeparator();
    text.append(s.host()).append(": ").append(paint(label(s.verdict()), s.verdict(), color)).append(nl);
    text.append("  ").append(Terminal.safe(s.reason(), 400)).append(nl);
    if (s.since() != null) {
      text.append("  Attacker activity since ").append(TIME.format(s.since()));
      if (!s.attackerIps().isEmpty()) {
        text.append(" from ").append(Terminal.safe(String.join(", ", first(s.attackerIps(), 5)), 200));
        if (s.attackerIps().size() > 5) {
          text.append(" (+").append(s.attackerIps().size() - 5).append(')');
        }
      }
      text.append(nl);
    }
    if (!s.accounts().isEmpty()) {
      text.append("  Accounts used by the attacker: ")
          .append(Terminal.safe(String.join(", ", first(s.accounts(), 8)), 300)).append(nl);
    }
    for (StoryLine line : s.story()) {
      text.append("  ").append(String.format(Locale.ROOT, "%-20s", line.stage().title() + ":"))
          .append(Terminal.safe(line.text(), 300)).append(nl);
    }
    long proofs = s.findings().stream().filter(Finding::provesCompromise).count();
    text.append("  ").append(s.findings().size()).append(" finding")
        .append(s.findings().size() == 1 ? "" : "s");
    if (proofs > 0) {
      text.append(", ").append(proofs).append(" proving compromise");
    }
    text.append(nl);
  }

  private static List<String> first(List<String> values, int n) {
    return values.size() <= n ? values : values.subList(0, n);
  }

  /** The verdict as shown to people: upper case, underscores as spaces. */
  static String label(Verdict verdict) {
    return verdict.id().toUpperCase(Locale.ROOT).replace('_', ' ');
  }

  private static String paint(String text, Verdict verdict, boolean color) {
    if (!color) {
      return text;
    }
    String code;
    switch (verdict) {
      case COMPROMISED:
        code = "\u001b[1;31m";
        break;
      case EXPLOITATION_ATTEMPTED:
        code = "\u001b[1;33m";
        break;
      case SUSPICIOUS:
        code = "\u001b[33m";
        break;
      case CLEAN:
        code = "\u001b[1;32m";
        break;
      default:
        code = "\u001b[1;36m";
        break;
    }
    return code + text + RESET;
  }
}
