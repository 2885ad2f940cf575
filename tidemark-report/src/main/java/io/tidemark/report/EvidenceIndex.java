package io.tidemark.report;

import static io.tidemark.report.Html.esc;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence lines report.html links to: each record once, numbered in the order the reader
 * meets it, so that anchors ({@code #ev-N}) are ours and never derived from evidence text.
 */
final class EvidenceIndex {
  /** Field values longer than this are cut in the page; detections.jsonl has them whole. */
  static final int MAX_VALUE = 2000;

  private final ReportData data;
  private final List<EvidenceRef> refs = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  /** Rule titles per listed record, filled on first render (several rules often fire on one record). */
  private Map<String, List<String>> titles;

  EvidenceIndex(ReportData data) {
    this.data = data;
  }

  void register(EvidenceRef ref) {
    index.computeIfAbsent(ReportData.key(ref.source(), ref.recordId()), k -> {
      refs.add(ref);
      return refs.size() - 1;
    });
  }

  int indexOf(EvidenceRef ref) {
    Integer n = index.get(ReportData.key(ref.source(), ref.recordId()));
    return n == null ? -1 : n;
  }

  List<EvidenceRef> refs() {
    return refs;
  }

  private List<String> titles(EvidenceRef ref) {
    if (titles == null) {
      titles = new HashMap<>();
      for (Detection d : data.detections()) {
        String key = ReportData.key(d.source(), d.recordId());
        if (index.containsKey(key)) {
          List<String> list = titles.computeIfAbsent(key, k -> new ArrayList<>());
          if (!list.contains(d.rule().title())) {
            list.add(d.rule().title());
          }
        }
      }
    }
    return titles.getOrDefault(ReportData.key(ref.source(), ref.recordId()), List.of());
  }

  void render(StringBuilder h, int n) {
    EvidenceRef ref = refs.get(n);
    Detection d = data.detectionAt(ref);
    h.append("<li id=\"ev-").append(n).append("\"><p><code>").append(esc(ref.toString()))
        .append("</code> · ").append(Html.time(ref.timestamp() != null ? ref.timestamp()
            : d == null ? null : d.timestamp()));
    if (d == null) {
      // Correlations and the damage analysis keep a record's place, not its fields: copying every
      // logon and mailbox read into the report would grow it with the evidence.
      h.append("</p><p class=\"note\">No rule matched this record on its own: it fed a "
          + "correlation or the damage analysis (a logon, a mailbox access, an attacker request), "
          + "which keep where it is, not its fields. Open the file at this line.</p></li>\n");
      return;
    }
    h.append(" · ").append(esc(String.join("; ", titles(ref)))).append("</p>\n<table class=\"fields\"><tbody>");
    for (Map.Entry<String, Object> f : d.event().entrySet()) {
      Object v = f.getValue();
      String value = v == null ? "(null)" : v.toString();
      if (value.isEmpty()) {
        continue;
      }
      if (value.length() > MAX_VALUE) {
        value = value.substring(0, MAX_VALUE) + "… (" + value.length() + " characters)";
      }
      h.append("<tr><th>").append(esc(f.getKey())).append("</th><td>").append(esc(value))
          .append("</td></tr>");
    }
    h.append("</tbody></table></li>\n");
  }
}
