package io.tidemark.report;

import static io.tidemark.report.Html.esc;
import static io.tidemark.report.Html.time;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.assess.Assessment;
import io.tidemark.assess.AttackerGroup;
import io.tidemark.assess.BlindSpot;
import io.tidemark.assess.Damage;
import io.tidemark.assess.Exposure;
import io.tidemark.assess.Finding;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.assess.StoryLine;
import io.tidemark.engine.EvidenceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code report.html}: one self-contained file for a CISO or a regulator, in the order the
 * issue asks for (verdict and story, timeline, attacker groups, exposure ledger, coverage,
 * findings, evidence). Every section is rendered as static, escaped HTML so the file reads the
 * same printed to PDF or opened with scripts off; the one inline script (allowed by its hash in
 * the Content-Security-Policy, which forbids every fetch) only draws the timeline chart and adds
 * filtering and sorting, reading its data from a JSON block with {@code textContent}.
 */
final class HtmlReportWriter {
  /** Timeline rows in the page; the rest are in timeline.csv, and the page says so. */
  static final int MAX_TIMELINE_ROWS = 3000;

  static final String CSS = resource("report.css");
  static final String SCRIPT = resource("report.js");
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src '"
      + sha256(SCRIPT) + "'; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

  private static final String[] LEVELS = {"critical", "high", "medium", "low", "informational"};

  private final ReportData data;
  private final Assessment a;
  private final EvidenceIndex evidence;
  private final StringBuilder h = new StringBuilder(1 << 16);
  /** Findings in the order the page shows them: server by server, most severe first. */
  private final List<Finding> findingOrder = new ArrayList<>();

  private HtmlReportWriter(ReportData data) {
    this.data = data;
    this.a = data.assessment();
    this.evidence = new EvidenceIndex(data);
    for (ServerAssessment s : a.servers()) {
      List<Finding> sorted = new ArrayList<>(s.findings());
      sorted.sort(Comparator.comparing(Finding::level).reversed()
          .thenComparing(Finding::firstSeen, Comparator.nullsLast(Comparator.naturalOrder())));
      findingOrder.addAll(sorted);
    }
  }

  static void write(ReportData data, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(render(data));
    w.flush();
  }

  static String render(ReportData data) {
    return new HtmlReportWriter(data).page();
  }

  private String page() {
    // Collect evidence references in reading order first, so anchors number as the reader meets them.
    registerEvidence();
    List<TimelineEntry> rows = timelineRows();

    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n");
    h.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.append("<title>Tidemark assessment: ").append(esc(a.verdict().id())).append("</title>\n");
    h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    header();
    verdict();
    timeline(rows);
    attackers();
    exposure();
    coverage();
    findings();
    evidenceSection();
    h.append("<script type=\"application/json\" id=\"tidemark-data\">")
        .append(Html.scriptJson(timelineJson(rows))).append("</script>\n");
    h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private void header() {
    h.append("<header>\n<h1>Exchange breach assessment</h1>\n<p class=\"meta\">Tidemark ")
        .append(esc(data.input().toolVersion())).append(" · generated ")
        .append(time(data.input().generated())).append(" · rules SHA-256 <code>")
        .append(esc(data.input().rulesFingerprint())).append("</code> · ")
        .append(data.detections().size()).append(" detections</p>\n");
    h.append("<nav><ol>");
    for (String[] s : new String[][] {{"verdict", "Verdict and story"}, {"timeline", "Timeline"},
        {"attackers", "Attacker activity"}, {"exposure", "Exposure ledger"},
        {"coverage", "Log coverage"}, {"findings", "Findings"}, {"evidence", "Evidence lines"}}) {
      h.append("<li><a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a></li>");
    }
    h.append("</ol></nav>\n</header>\n");
  }

  private void verdict() {
    String v = Html.cssClass(a.verdict().id());
    h.append("<section id=\"verdict\">\n<h2>Verdict and story</h2>\n");
    h.append("<p class=\"verdict v-").append(v).append("\">").append(esc(label(a.verdict().id())))
        .append("</p>\n<p class=\"reason\">").append(esc(a.reason())).append("</p>\n");
    for (ServerAssessment s : a.servers()) {
      h.append("<article class=\"server\">\n<h3>").append(esc(s.host())).append(": <span class=\"v-")
          .append(Html.cssClass(s.verdict().id())).append("\">").append(esc(label(s.verdict().id())))
          .append("</span></h3>\n<p>").append(esc(s.reason())).append("</p>\n");
      if (s.since() != null) {
        h.append("<p>Attacker activity since <strong>").append(time(s.since())).append("</strong>");
        if (!s.attackerIps().isEmpty()) {
          h.append(" from ").append(esc(String.join(", ", s.attackerIps())));
        }
        h.append(".</p>\n");
      }
      if (!s.accounts().isEmpty()) {
        h.append("<p>Accounts used by the attacker: ").append(esc(String.join(", ", s.accounts())))
            .append("</p>\n");
      }
      if (!s.story().isEmpty()) {
        h.append("<ol class=\"story\">\n");
        for (StoryLine line : s.story()) {
          h.append("<li><span class=\"stage\">").append(esc(line.stage().title()))
              .append("</span> ").append(esc(line.text()));
          if (line.firstSeen() != null) {
            h.append(" <span class=\"when\">(from ").append(time(line.firstSeen())).append(")</span>");
          }
          // The story is a claim too: link it to the findings (and so the evidence) behind it.
          List<Integer> behind = new ArrayList<>();
          for (int i = 0; i < findingOrder.size(); i++) {
            Finding f = findingOrder.get(i);
            if (f.host().equals(s.host()) && f.stage() == line.stage()) {
              behind.add(i);
            }
          }
          if (!behind.isEmpty()) {
            h.append(" <span class=\"see\">findings");
            for (int i : behind) {
              h.append(" <a href=\"#f-").append(i).append("\">").append(i + 1).append("</a>");
            }
            h.append("</span>");
          }
          h.append("</li>\n");
        }
        h.append("</ol>\n");
      }
      h.append("</article>\n");
    }
    h.append("</section>\n");
  }

  private void timeline(List<TimelineEntry> rows) {
    h.append("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    h.append("<p>Detections and damage events over time. Each dot is one entry; the shaded band is "
        + "the attacker's activity. Filter by level, server or text; the full timeline is in "
        + "timeline.csv and timeline.jsonl.</p>\n");
    h.append("<form id=\"timeline-filter\" class=\"controls\">");
    for (String level : LEVELS) {
      h.append("<label><input type=\"checkbox\" name=\"level\" value=\"").append(level)
          .append("\" checked> ").append(level).append("</label> ");
    }
    h.append("<label><input type=\"checkbox\" name=\"level\" value=\"damage\" checked> damage events</label> ");
    h.append("<label>Server <select name=\"host\"><option value=\"\">all</option></select></label> ");
    h.append("<label>Text <input type=\"search\" name=\"text\" placeholder=\"rule, source, field\"></label> ");
    h.append("<output id=\"timeline-count\"></output></form>\n");
    h.append("<svg id=\"timeline-chart\" role=\"img\" aria-label=\"Timeline chart\" "
        + "viewBox=\"0 0 1000 60\" preserveAspectRatio=\"xMinYMin meet\"><text x=\"500\" y=\"34\" "
        + "text-anchor=\"middle\">The chart needs scripts; the table below lists every entry.</text></svg>\n");
    int total = data.timeline().size();
    if (rows.size() < total) {
      h.append("<p class=\"note\">Showing ").append(rows.size()).append(" of ").append(total)
          .append(" entries (all damage events and high or critical detections first); every entry "
              + "is in timeline.csv.</p>\n");
    }
    if (rows.isEmpty()) {
      h.append("<p class=\"empty\">No detections and no damage events.</p>\n");
    } else {
      h.append("<div class=\"scroll\">\n<table id=\"timeline-table\">\n<thead><tr><th>Time</th>"
          + "<th>Level</th><th>Server</th>"
          + "<th>What</th><th>Evidence</th></tr></thead>\n<tbody>\n");
      for (int i = 0; i < rows.size(); i++) {
        TimelineEntry e = rows.get(i);
        h.append("<tr id=\"tl-").append(i).append("\" class=\"lvl-").append(Html.cssClass(e.level()))
            .append("\"><td>").append(e.time() == null ? "undated" : time(e.time())).append("</td><td>")
            .append(esc(e.isDetection() ? e.level() : e.kind())).append("</td><td>")
            .append(esc(e.host())).append("</td><td>").append(esc(e.isDetection() ? e.ruleTitle() : e.message()))
            .append("</td><td>");
        if (!e.source().isEmpty()) {
          ref(new EvidenceRef(e.source(), e.recordId(), e.time()));
        }
        h.append("</td></tr>\n");
      }
      h.append("</tbody></table>\n</div>\n");
    }
    h.append("</section>\n");
  }

  private void attackers() {
    h.append("<section id=\"attackers\">\n<h2>Attacker activity</h2>\n");
    List<AttackerGroup> groups = a.damage().attackers();
    if (groups.isEmpty()) {
      h.append("<p class=\"empty\">No attacker activity groups in this assessment")
          .append(damageRan() ? ": the analysis tied no activity together." : ": the damage "
              + "analysis did not run, so activity was not grouped.")
          .append(" This does not mean there was no attacker.</p>\n");
      Set<String> ips = data.attackerIps();
      if (!ips.isEmpty()) {
        h.append("<p>Addresses behind findings at high or above: ").append(esc(String.join(", ", ips)))
            .append("</p>\n");
      }
    }
    for (AttackerGroup g : groups) {
      h.append("<article class=\"group\">\n<h3>").append(esc(g.id())).append(" <span class=\"conf c-")
          .append(Html.cssClass(g.confidence().id())).append("\">").append(esc(g.confidence().id()))
          .append(" confidence</span></h3>\n<p>").append(esc(g.summary())).append("</p>\n<dl>");
      dt("Active", time(g.firstSeen()) + " – " + time(g.lastSeen()));
      dt("Addresses", String.join(", ", g.ips()));
      dt("User agents", String.join(" · ", g.userAgents()));
      dt("Accounts", String.join(", ", g.accounts()));
      dt("Sessions", String.join(", ", g.sessions()));
      dt("Rules", String.join("; ", data.ruleTitles(g.ruleIds())));
      h.append("<dt>Evidence</dt><dd>");
      refs(g.evidence());
      h.append("</dd></dl>\n</article>\n");
    }
    new AccountTables(h, this::refs).render(a.damage().accounts(), damageRan());
    h.append("</section>\n");
  }

  private void exposure() {
    h.append("<section id=\"exposure\">\n<h2>Exposure ledger</h2>\n");
    h.append("<p>What the attacker reached in each mailbox, from least to most: <em>item</em> (named "
        + "items read), <em>folder</em> (folders listed or synchronised), <em>mailbox</em> (the "
        + "whole mailbox: export, full access), <em>sent out</em> (mail sent or forwarded outside).</p>\n");
    List<Exposure> ledger = a.damage().exposure();
    if (ledger.isEmpty()) {
      h.append("<p class=\"empty\">No exposure found").append(damageRan() ? "" : " (the damage "
          + "analysis did not run)").append(" — see the blind spots under Log coverage. No "
          + "evidence of access is not evidence of no access.</p>\n");
    } else {
      h.append("<table class=\"sortable\" id=\"ledger\"><thead><tr>");
      sortHeads("Mailbox", "Scope", "Confidence", "First", "Last", "Operations", "#Items", "#Bytes",
          "Groups", "Evidence");
      h.append("</tr></thead><tbody>\n");
      for (Exposure e : ledger) {
        h.append("<tr>");
        td(e.mailbox());
        // Sort keys are ours (ordinals, ISO times): scope and confidence sort by rank, not by name.
        sortedTd(Integer.toString(e.scope().ordinal()), e.scope().id());
        sortedTd(Integer.toString(e.confidence().ordinal()), e.confidence().id());
        sortedTd(e.firstSeen().toString(), time(e.firstSeen()));
        sortedTd(e.lastSeen().toString(), time(e.lastSeen()));
        td(String.join(", ", e.operations()));
        h.append("<td class=\"num\">").append(e.items() == 0 ? "unknown" : Long.toString(e.items())).append("</td>");
        h.append("<td class=\"num\">").append(e.bytes() == 0 ? "unknown" : Long.toString(e.bytes())).append("</td>");
        td(String.join(", ", e.attackerGroups()));
        h.append("<td>");
        refs(e.evidence());
        h.append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    h.append("</section>\n");
  }

  private void coverage() {
    h.append("<section id=\"coverage\">\n<h2>Log coverage and blind spots</h2>\n");
    h.append("<p>Each bar spans a log source's earliest to latest record; red marks stretches without "
        + "records; the shaded band is the attacker's activity. Outside the bars Tidemark saw nothing.</p>\n");
    CoverageChart.render(h, a, data.attackerWindow());
    h.append("<h3>What could not be seen</h3>\n");
    List<BlindSpot> spots = a.damage().blindSpots();
    if (spots.isEmpty()) {
      h.append("<p class=\"empty\">").append(damageRan() ? "The analysis reported no blind spots."
          : "No blind-spot analysis in this assessment: where logs are missing or audit settings "
              + "hide reads, absence of evidence is not evidence of absence.").append("</p>\n");
    } else {
      h.append("<ul class=\"blind\">\n");
      for (BlindSpot b : spots) {
        h.append("<li><strong>").append(esc(b.host() == null ? "all servers" : b.host()))
            .append("</strong>: ").append(esc(b.description())).append(" <code>").append(esc(b.id()))
            .append("</code></li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");
  }

  private void findings() {
    h.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (a.findings().isEmpty()) {
      h.append("<p class=\"empty\">No rule fired at any level.</p>\n");
    }
    for (int n = 0; n < findingOrder.size(); n++) {
      Finding f = findingOrder.get(n);
      h.append("<article id=\"f-").append(n).append("\" class=\"finding lvl-")
          .append(Html.cssClass(f.level().id())).append("\">\n<h3>").append(n + 1).append(". ")
          .append(esc(f.title())).append("</h3>\n<p class=\"tags\"><span class=\"lvl\">")
          .append(esc(f.level().id())).append("</span> ").append(esc(f.stage().title())).append(" · ")
          .append(f.provesCompromise() ? "proves compromise" : esc(f.outcome().id()))
          .append(" · ").append(esc(f.host())).append(" · rule <code>").append(esc(f.ruleId()))
          .append("</code></p>\n<p>").append(esc(f.description())).append("</p>\n<dl>");
      dt("Seen", f.count() + " time(s), " + time(f.firstSeen()) + " – " + time(f.lastSeen()));
      dt("Client addresses", String.join(", ", f.sourceIps()));
      dt("Accounts", String.join(", ", f.accounts()));
      dt("CVEs", String.join(", ", f.cves()));
      dt("Rule authors", String.join(", ", f.authors()));
      h.append("<dt>Evidence</dt><dd>");
      refs(f.evidence());
      if (f.count() > f.evidence().size()) {
        h.append(" <span class=\"note\">(first ").append(f.evidence().size()).append(" of ")
            .append(f.count()).append("; all in detections.jsonl)</span>");
      }
      h.append("</dd></dl>\n</article>\n");
    }
    h.append("</section>\n");
  }

  private void evidenceSection() {
    h.append("<section id=\"evidence\">\n<h2>Evidence lines</h2>\n");
    h.append("<p>Every record a claim above rests on, as <code>file:line</code> (or EventRecordID) "
        + "below the evidence folder, with the fields Tidemark read from it.</p>\n");
    if (evidence.refs().isEmpty()) {
      h.append("<p class=\"empty\">No evidence lines referenced.</p>\n");
    }
    h.append("<ol class=\"evidence\">\n");
    for (int i = 0; i < evidence.refs().size(); i++) {
      evidence.render(h, i);
    }
    h.append("</ol>\n</section>\n");
  }

  private void registerEvidence() {
    for (Finding f : a.findings()) {
      f.evidence().forEach(evidence::register);
    }
    Damage d = a.damage();
    d.attackers().forEach(g -> g.evidence().forEach(evidence::register));
    d.accounts().forEach(acc -> acc.evidence().forEach(evidence::register));
    d.exposure().forEach(e -> e.evidence().forEach(evidence::register));
  }

  /** The timeline rows shown: all, or damage events and high-or-critical first when too many. */
  private List<TimelineEntry> timelineRows() {
    List<TimelineEntry> all = data.timeline();
    if (all.size() <= MAX_TIMELINE_ROWS) {
      return all;
    }
    List<TimelineEntry> kept = new ArrayList<>();
    for (int pass = 0; pass < 2 && kept.size() < MAX_TIMELINE_ROWS; pass++) {
      for (TimelineEntry e : all) {
        boolean important = !e.isDetection() || e.level().equals("high") || e.level().equals("critical");
        if ((pass == 0) == important && kept.size() < MAX_TIMELINE_ROWS) {
          kept.add(e);
        }
      }
    }
    kept.sort(TimelineEntry.ORDER);
    return kept;
  }

  private String timelineJson(List<TimelineEntry> rows) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(text)) {
      g.writeStartObject();
      Instant[] window = data.attackerWindow();
      if (window != null) {
        g.writeArrayFieldStart("window");
        g.writeNumber(window[0].toEpochMilli());
        g.writeNumber(window[1].toEpochMilli());
        g.writeEndArray();
      }
      Set<String> hosts = new TreeSet<>();
      g.writeArrayFieldStart("events");
      for (int i = 0; i < rows.size(); i++) {
        TimelineEntry e = rows.get(i);
        g.writeStartObject();
        g.writeNumberField("i", i);
        if (e.time() != null) {
          g.writeNumberField("t", e.time().toEpochMilli());
          g.writeStringField("time", time(e.time()));
        }
        g.writeStringField("l", e.isDetection() ? e.level() : "damage");
        g.writeStringField("h", e.host());
        g.writeStringField("x", e.isDetection() ? e.ruleTitle() : e.message());
        g.writeStringField("r", e.source().isEmpty() ? "" : e.source() + ":" + e.recordId());
        g.writeEndObject();
        if (!e.host().isEmpty()) {
          hosts.add(e.host());
        }
      }
      g.writeEndArray();
      Json.writeStrings(g, "hosts", List.copyOf(hosts));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private void refs(List<EvidenceRef> refs) {
    Set<String> seen = new LinkedHashSet<>();
    for (EvidenceRef r : refs) {
      if (seen.add(r.toString())) {
        if (seen.size() > 1) {
          h.append(", ");
        }
        ref(r);
      }
    }
    if (refs.isEmpty()) {
      h.append("<span class=\"note\">none recorded</span>");
    }
  }

  /** A link to the evidence anchor when the record is listed, else the plain reference. */
  private void ref(EvidenceRef r) {
    int n = evidence.indexOf(r);
    if (n >= 0) {
      h.append("<a class=\"ref\" href=\"#ev-").append(n).append("\">").append(esc(r.toString())).append("</a>");
    } else {
      h.append("<code class=\"ref\">").append(esc(r.toString())).append("</code>");
    }
  }

  private void sortHeads(String... names) {
    for (String n : names) {
      boolean num = n.startsWith("#");
      h.append("<th").append(num ? " data-type=\"num\"" : "").append("><button type=\"button\">")
          .append(esc(num ? n.substring(1) : n)).append("</button></th>");
    }
  }

  private void sortedTd(String key, String text) {
    h.append("<td data-sort=\"").append(esc(key)).append("\">").append(esc(text)).append("</td>");
  }

  private void td(String text) {
    h.append("<td>").append(esc(text)).append("</td>");
  }

  private void dt(String name, String value) {
    if (!value.isEmpty()) {
      h.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }
  }

  private boolean damageRan() {
    return !a.damage().equals(Damage.NONE);
  }

  private static String label(String verdict) {
    return verdict.replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
  }

  static String sha256(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.toLowerCase(java.util.Locale.ROOT).contains("</script") || text.contains("<!--")) {
        throw new IllegalStateException(name + " must not contain </script or <!--");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
