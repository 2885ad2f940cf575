package io.tidemark.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code accounts} of the damage assessment: compromised accounts by first attacker use,
 * targeted ones, then at most {@link DamageAnalysis#MAX_UNAFFECTED} unaffected ones, with what
 * was unusual for each against its own history.
 */
final class AccountList {
  private final Attribution attribution;
  private final Identities ids;

  AccountList(Attribution attribution, Identities ids) {
    this.attribution = attribution;
    this.ids = ids;
  }

  /**
   * The account list: compromised, then targeted, then (bounded) unaffected, those with
   * anomalies first. Anomalies never change a status: at an attacker address they support it,
   * elsewhere they make the account worth a look.
   *
   * @param anomalies per person key, from {@link NoveltyAnalysis}
   */
  List<AccountAssessment> build(List<Fact> ordered, Map<String, List<Anomaly>> anomalies) {
    List<AccountAssessment> out = new ArrayList<>();
    List<Map.Entry<String, Attribution.Use>> byTime =
        new ArrayList<>(attribution.compromised.entrySet());
    byTime.sort(Comparator.comparing((Map.Entry<String, Attribution.Use> e) ->
        e.getValue().first, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, Attribution.Use> e : byTime) {
      Attribution.Use u = e.getValue();
      List<Anomaly> unusual = anomalies.getOrDefault(e.getKey(), List.of());
      out.add(new AccountAssessment(ids.display(e.getKey()), AccountStatus.COMPROMISED,
          "Compromised: " + Attribution.reason(u) + supported(unusual, u.ips) + ".", u.first,
          u.last, List.copyOf(u.ips), u.evidence, unusual));
    }
    for (Map.Entry<String, Attribution.Use> e : attribution.targeted.entrySet()) {
      Attribution.Use u = e.getValue();
      List<Anomaly> unusual = anomalies.getOrDefault(e.getKey(), List.of());
      out.add(new AccountAssessment(ids.display(e.getKey()), AccountStatus.TARGETED,
          "Targeted, no success seen: " + String.join("; ", u.why) + worthALook(unusual) + ".",
          u.first, u.last, List.copyOf(u.ips), u.evidence, unusual));
    }
    Set<String> unusualOthers = new TreeSet<>();
    Set<String> others = new TreeSet<>();
    for (Fact f : ordered) {
      String key = FactValues.usedAccount(f, ids);
      if (key != null && !attribution.compromised.containsKey(key)
          && !attribution.targeted.containsKey(key)) {
        (anomalies.containsKey(key) ? unusualOthers : others).add(key);
      }
    }
    // Accounts worth a look come first, so the bound never hides them.
    List<String> listedFirst = new ArrayList<>(unusualOthers);
    listedFirst.addAll(others);
    int listed = 0;
    for (String key : listedFirst) {
      if (listed++ >= DamageAnalysis.MAX_UNAFFECTED) {
        break;
      }
      List<Anomaly> unusual = anomalies.getOrDefault(key, List.of());
      out.add(new AccountAssessment(ids.display(key), AccountStatus.UNAFFECTED,
          "Used only from addresses not tied to the attacker, in the logs read"
              + worthALook(unusual) + "; see blind_spots for what the logs could not show.",
          null, null, List.of(), List.of(), unusual));
    }
    return out;
  }

  /** The anomalies at the attacker's addresses, which support the attribution. */
  private static String supported(List<Anomaly> unusual, Set<String> attackerIps) {
    List<String> parts = new ArrayList<>();
    for (Anomaly a : unusual) {
      boolean attacker = attackerIps.contains(a.address())
          || (a.kind() == Anomaly.Kind.IMPOSSIBLE_TRAVEL
              && attackerIps.contains(a.value().substring(0, a.value().indexOf(" -> "))));
      if (attacker) {
        parts.add(a.kind().id() + " " + a.value());
      }
    }
    return parts.isEmpty() ? "" : "; its own history supports this, the attacker's use was "
        + "unusual for it (" + summary(parts) + ")";
  }

  /** Anomalies of an account the attacker is not tied to: worth a look, no more. */
  private static String worthALook(List<Anomaly> unusual) {
    List<String> parts = new ArrayList<>();
    unusual.forEach(a -> parts.add(a.kind().id() + " " + a.value()));
    return parts.isEmpty() ? "" : "; unusual for its own history (" + summary(parts)
        + "), worth a look, though novelty alone is not evidence of compromise";
  }

  private static String summary(List<String> parts) {
    int shown = Math.min(3, parts.size());
    return String.join(", ", parts.subList(0, shown))
        + (parts.size() > shown ? " and " + (parts.size() - shown) + " more" : "");
  }
}
