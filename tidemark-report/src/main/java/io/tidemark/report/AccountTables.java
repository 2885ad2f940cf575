package io.tidemark.report;

import static io.tidemark.report.Html.esc;
import static io.tidemark.report.Html.time;

import io.tidemark.assess.AccountAssessment;
import io.tidemark.assess.AccountStatus;
import io.tidemark.assess.Anomaly;
import io.tidemark.engine.EvidenceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The accounts part of report.html's attacker section: the accounts the attacker used or
 * attacked, the accounts whose use was unusual for their own history but is not tied to the
 * attacker (worth a look, no more), and the names of the rest. Account names, user agents and
 * device ids are the logs' (attacker-controlled) strings: all go through {@link Html#esc}.
 */
final class AccountTables {
  private final StringBuilder h;
  /** Writes evidence references, linked where the evidence section lists them. */
  private final Consumer<List<EvidenceRef>> refs;

  AccountTables(StringBuilder h, Consumer<List<EvidenceRef>> refs) {
    this.h = h;
    this.refs = refs;
  }

  void render(List<AccountAssessment> all, boolean damageRan) {
    List<AccountAssessment> attacked = new ArrayList<>();
    List<AccountAssessment> unusual = new ArrayList<>();
    List<String> unaffected = new ArrayList<>();
    for (AccountAssessment acc : all) {
      if (acc.status() != AccountStatus.UNAFFECTED) {
        attacked.add(acc);
      } else if (!acc.anomalies().isEmpty()) {
        unusual.add(acc);
      } else {
        unaffected.add(acc.account());
      }
    }
    if (!attacked.isEmpty()) {
      h.append("<h3>Accounts the attacker used or attacked</h3>\n"
          + "<table class=\"sortable\" id=\"accounts\"><thead><tr>");
      heads("Account", "Status", "First", "Last", "Addresses", "Why", "Evidence");
      h.append("</tr></thead><tbody>\n");
      for (AccountAssessment acc : attacked) {
        h.append("<tr class=\"st-").append(Html.cssClass(acc.status().id())).append("\">");
        td(acc.account());
        td(acc.status().id());
        timeTd(acc.firstSeen());
        timeTd(acc.lastSeen());
        td(String.join(", ", acc.attackerIps()));
        // What was unusual for the account goes with the reason it supports.
        h.append("<td>").append(esc(acc.reason()));
        if (!acc.anomalies().isEmpty()) {
          h.append("<p class=\"anomalies\">Unusual for the account:</p>");
          anomalies(acc.anomalies());
        }
        h.append("</td><td>");
        refs.accept(acc.evidence());
        h.append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
    } else if (damageRan) {
      h.append("<p class=\"empty\">No account shows attacker use or attack in the logs read; see "
          + "the blind spots for what they could not show.</p>\n");
    }
    if (!unusual.isEmpty()) {
      h.append("<h3>Unusual for the account, not tied to the attacker</h3>\n<p>Uses that were new "
          + "for these accounts against their own history, or impossible travel. Owners travel "
          + "and buy phones: novelty alone is not evidence of compromise, but worth a look.</p>\n"
          + "<table class=\"sortable\" id=\"unusual\"><thead><tr>");
      heads("Account", "First", "Unusual for the account");
      h.append("</tr></thead><tbody>\n");
      for (AccountAssessment acc : unusual) {
        h.append("<tr>");
        td(acc.account());
        timeTd(acc.anomalies().get(0).firstSeen());
        h.append("<td>");
        anomalies(acc.anomalies());
        h.append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    if (!unaffected.isEmpty()) {
      h.append("<p>").append(unaffected.size()).append(unusual.isEmpty() ? "" : " more")
          .append(" account(s) appear only with addresses not tied to the attacker, in the logs "
              + "read: ").append(esc(String.join(", ", unaffected))).append(".</p>\n");
    }
  }

  /**
   * A list of anomalies: kind, value, what it means, when, and the record of the first use (for
   * travel, of both uses); the rest are in assessment.json.
   */
  private void anomalies(List<Anomaly> anomalies) {
    if (!anomalies.isEmpty()) {
      h.append("<ul class=\"anomalies\">");
      for (Anomaly a : anomalies) {
        h.append("<li><span class=\"kind\">").append(esc(a.kind().id())).append("</span> <code>")
            .append(esc(a.value())).append("</code>");
        if (!a.detail().isEmpty()) {
          h.append(" (").append(esc(a.detail())).append(')');
        }
        h.append(", ").append(time(a.firstSeen())).append(": ");
        int shown = a.kind() == Anomaly.Kind.IMPOSSIBLE_TRAVEL ? 2 : 1;
        refs.accept(a.evidence().subList(0, Math.min(shown, a.evidence().size())));
        h.append("</li>");
      }
      h.append("</ul>");
    }
  }

  private void heads(String... names) {
    for (String n : names) {
      h.append("<th><button type=\"button\">").append(esc(n)).append("</button></th>");
    }
  }

  private void timeTd(java.time.@org.jspecify.annotations.Nullable Instant t) {
    h.append("<td data-sort=\"").append(t == null ? "" : t).append("\">").append(time(t))
        .append("</td>");
  }

  private void td(String text) {
    h.append("<td>").append(esc(text)).append("</td>");
  }
}
