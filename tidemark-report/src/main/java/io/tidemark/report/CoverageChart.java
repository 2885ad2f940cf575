package io.tidemark.report;

import static io.tidemark.report.Html.esc;

import io.tidemark.assess.Assessment;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.assess.SourceCoverage;
import io.tidemark.engine.LogCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The coverage chart of report.html, drawn as static SVG so it prints: one bar per server and log
 * source from its earliest to its latest record, gaps in red, the attacker's activity as a band.
 * It uses the damage analysis's coverage (with gaps) when there is one, else the verdict's
 * per-server coverage (without gap analysis, which the chart then says).
 */
final class CoverageChart {
  private static final int WIDTH = 1000;
  private static final int LABEL = 300;
  private static final int ROW = 20;

  private CoverageChart() {}

  static void render(StringBuilder h, Assessment a, Instant @Nullable [] window) {
    List<SourceCoverage> rows = new ArrayList<>(a.damage().coverage());
    boolean gapsKnown = !rows.isEmpty();
    if (rows.isEmpty()) {
      for (ServerAssessment s : a.servers()) {
        for (LogCoverage c : s.coverage()) {
          rows.add(new SourceCoverage(c.host() == null ? s.host() : c.host(), c.source(), c.files(),
              c.records(), c.skipped(), c.earliest(), c.latest(), List.of()));
        }
      }
    }
    if (rows.isEmpty()) {
      h.append("<p class=\"empty\">No log coverage recorded: Tidemark read no records it could date.</p>\n");
      return;
    }
    if (!gapsKnown) {
      h.append("<p class=\"note\">Gaps inside each source's span were not analysed in this assessment.</p>\n");
    }
    Instant min = null;
    Instant max = null;
    for (SourceCoverage c : rows) {
      min = earlier(min, c.earliest());
      max = later(max, c.latest());
    }
    if (window != null) {
      min = earlier(min, window[0]);
      max = later(max, window[1]);
    }
    int height = 30 + rows.size() * ROW + 30;
    h.append("<svg class=\"coverage\" role=\"img\" aria-label=\"Log coverage per source\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\">\n");
    if (min != null && max != null) {
      Instant lo = min;
      long span = Math.max(1, Duration.between(min, max).toMillis());
      if (window != null) {
        double x1 = x(window[0], lo, span);
        double x2 = Math.max(x1 + 2, x(window[1], lo, span));
        h.append("<rect class=\"attack\" x=\"").append(fmt(x1)).append("\" y=\"20\" width=\"")
            .append(fmt(x2 - x1)).append("\" height=\"").append(rows.size() * ROW + 10)
            .append("\"><title>Attacker activity ").append(Html.time(window[0])).append(" – ")
            .append(Html.time(window[1])).append("</title></rect>\n");
      }
      for (int i = 0; i <= 4; i++) {
        Instant t = lo.plusMillis(span * i / 4);
        double x = x(t, lo, span);
        h.append("<line class=\"grid\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
            .append("\" y1=\"20\" y2=\"").append(height - 25).append("\"/>");
        h.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(height - 8)
            .append("\" text-anchor=\"").append(i == 0 ? "start" : i == 4 ? "end" : "middle").append("\">")
            .append(Html.time(t).substring(0, 16)).append("</text>\n");
      }
      for (int r = 0; r < rows.size(); r++) {
        SourceCoverage c = rows.get(r);
        int y = 25 + r * ROW;
        h.append("<text class=\"label\" x=\"").append(LABEL - 6).append("\" y=\"").append(y + 12)
            .append("\" text-anchor=\"end\">").append(esc(c.host() + " " + c.source())).append("</text>");
        if (c.earliest() == null || c.latest() == null) {
          h.append("<text class=\"none\" x=\"").append(LABEL + 4).append("\" y=\"").append(y + 12)
              .append("\">no dated records</text>\n");
          continue;
        }
        double x1 = x(c.earliest(), lo, span);
        double x2 = Math.max(x1 + 2, x(c.latest(), lo, span));
        h.append("<rect class=\"bar\" x=\"").append(fmt(x1)).append("\" y=\"").append(y)
            .append("\" width=\"").append(fmt(x2 - x1)).append("\" height=\"14\"><title>")
            .append(esc(c.source())).append(": ").append(c.records()).append(" records, ")
            .append(Html.time(c.earliest())).append(" – ").append(Html.time(c.latest()))
            .append("</title></rect>");
        for (SourceCoverage.Gap g : c.gaps()) {
          double g1 = x(g.from(), lo, span);
          double g2 = Math.max(g1 + 2, x(g.to(), lo, span));
          h.append("<rect class=\"gap\" x=\"").append(fmt(g1)).append("\" y=\"").append(y)
              .append("\" width=\"").append(fmt(g2 - g1)).append("\" height=\"14\"><title>No records ")
              .append(Html.time(g.from())).append(" – ").append(Html.time(g.to())).append("</title></rect>");
        }
        h.append('\n');
      }
    }
    h.append("</svg>\n");
    h.append("<table id=\"coverage-table\"><thead><tr><th>Server</th><th>Source</th><th>Files</th>"
        + "<th>Records</th><th>Skipped</th><th>Earliest</th><th>Latest</th><th>Gaps</th></tr></thead><tbody>\n");
    for (SourceCoverage c : rows) {
      h.append("<tr><td>").append(esc(c.host())).append("</td><td>").append(esc(c.source()))
          .append("</td><td class=\"num\">").append(c.files()).append("</td><td class=\"num\">")
          .append(c.records()).append("</td><td class=\"num\">").append(c.skipped()).append("</td><td>")
          .append(Html.time(c.earliest())).append("</td><td>").append(Html.time(c.latest()))
          .append("</td><td>");
      if (!gapsKnown) {
        h.append("not analysed");
      } else if (c.gaps().isEmpty()) {
        h.append("none");
      } else {
        for (int i = 0; i < c.gaps().size(); i++) {
          SourceCoverage.Gap g = c.gaps().get(i);
          h.append(i == 0 ? "" : "; ").append(Html.time(g.from())).append(" – ").append(Html.time(g.to()))
              .append(" (").append(hours(g)).append(')');
        }
      }
      h.append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static String hours(SourceCoverage.Gap g) {
    return String.format(java.util.Locale.ROOT, "%.1f h",
        Duration.between(g.from(), g.to()).toMinutes() / 60.0);
  }

  private static double x(Instant t, Instant lo, long span) {
    return LABEL + (WIDTH - LABEL - 10) * (double) Duration.between(lo, t).toMillis() / span;
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
