package io.tidemark.assess;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who the attacker is in the logs. Seeds are the detections' addresses and the accounts that
 * acted in findings proving success, plus addresses that sprayed or brute-forced. An account is
 * compromised when an attacker address used it successfully; after that, a use of the account
 * from an address and a client that its owner never used before, and that no other person uses,
 * is the attacker's too. That is how the owner's own use of an account is told apart from the
 * attacker's: by the owner's history, not by the account.
 */
final class Attribution {
  /** What is known of one attacker address. */
  static final class Actor {
    Confidence confidence;
    final Set<String> why = new TreeSet<>();
    final Set<String> ruleIds = new TreeSet<>();
    final Set<String> userAgents = new TreeSet<>();
    final Set<String> accounts = new TreeSet<>();
    final Set<String> sessions = new TreeSet<>();
    final List<EvidenceRef> evidence = new ArrayList<>();
    @Nullable Instant first;
    @Nullable Instant last;

    Actor(Confidence confidence) {
      this.confidence = confidence;
    }

    void seen(Instant t, EvidenceRef ref) {
      first = DamageAnalysis.min(first, t);
      last = DamageAnalysis.max(last, t);
      DamageAnalysis.addRef(evidence, ref);
    }
  }

  /** What is known of one account the attacker used or tried. */
  static final class Use {
    final Set<String> why = new TreeSet<>();
    /** Per attacker address, how the account was used from it (4624, Owa, EWS, ...). */
    final Map<String, Set<String>> via = new TreeMap<>();
    final Set<String> ips = new TreeSet<>();
    final List<EvidenceRef> evidence = new ArrayList<>();
    @Nullable Instant first;
    @Nullable Instant last;

    void seen(@Nullable Instant t, @Nullable String ip, @Nullable EvidenceRef ref) {
      first = DamageAnalysis.min(first, t);
      last = DamageAnalysis.max(last, t);
      if (ip != null) {
        ips.add(ip);
      }
      if (ref != null) {
        DamageAnalysis.addRef(evidence, ref);
      }
    }
  }

  private final DamageConfig config;
  private final Identities ids;
  private final Seeds seeds;
  private final CredentialAnalysis credentials;
  final Map<String, Actor> ips = new TreeMap<>();
  final Map<String, Use> compromised = new TreeMap<>();
  final Map<String, Use> targeted = new TreeMap<>();
  private final Map<String, String> groupOf = new HashMap<>();
  private final List<AttackerGroup> groups = new ArrayList<>();

  Attribution(DamageConfig config, Identities ids, Seeds seeds, CredentialAnalysis credentials) {
    this.config = config;
    this.ids = ids;
    this.seeds = seeds;
    this.credentials = credentials;
  }

  Attribution run(List<Fact> ordered) {
    seeds.ips.forEach((ip, origin) -> {
      Actor a = ips.computeIfAbsent(ip, k -> new Actor(origin.confidence));
      a.ruleIds.addAll(origin.ruleIds);
      origin.evidence.forEach(ref -> a.seen(ref.timestamp(), ref));
    });
    for (CredentialAnalysis.Signal s : credentials.spray.values()) {
      Actor a = ips.computeIfAbsent(s.ip, k -> new Actor(Confidence.MEDIUM));
      a.why.add("password spray against " + s.accounts.size() + " accounts");
      s.evidence.forEach(ref -> a.seen(ref.timestamp(), ref));
    }
    for (CredentialAnalysis.Signal s : credentials.brute.values()) {
      Actor a = ips.computeIfAbsent(s.ip, k -> new Actor(Confidence.MEDIUM));
      a.why.add("brute force against " + ids.display(s.account));
      s.evidence.forEach(ref -> a.seen(ref.timestamp(), ref));
    }
    seeds.accounts.forEach((key, origin) -> {
      Use u = compromised.computeIfAbsent(key, k -> new Use());
      u.why.add("acted in findings that prove the compromise (" + String.join(", ",
          origin.ruleIds) + ")");
      origin.evidence.forEach(ref -> u.seen(ref.timestamp(), null, ref));
    });
    successes(ordered);
    if (novelty(ordered)) {
      successes(ordered);
    }
    for (CredentialAnalysis.Signal s : credentials.successAfterFailures.values()) {
      Use u = compromised.get(s.account);
      if (u != null && u.ips.contains(s.ip)) {
        u.why.add("its first success from " + s.ip + " followed failed logons from there");
        s.evidence.forEach(ref -> u.seen(ref.timestamp(), s.ip, ref));
      }
    }
    for (Fact f : ordered) {
      if (f instanceof Fact.Logon l && !l.success() && ips.containsKey(l.ip())) {
        String key = ids.see(l.account());
        if (key != null && !compromised.containsKey(key)) {
          Use u = targeted.computeIfAbsent(key, k -> new Use());
          u.why.add("failed logons from attacker address " + l.ip());
          u.seen(l.time(), l.ip(), l.ref());
        }
      }
    }
    return this;
  }

  /** Successful use of an account from an attacker address compromises it. */
  private void successes(List<Fact> ordered) {
    for (Fact f : ordered) {
      String ip = ipOf(f);
      Actor actor = ip == null ? null : ips.get(ip);
      if (actor == null) {
        continue;
      }
      String key = usedAccount(f);
      String ua = userAgentOf(f);
      if (ua != null && !ua.isEmpty()) {
        actor.userAgents.add(ua);
      }
      actor.seen(f.time(), f.ref());
      if (f instanceof Fact.CloudRead c && !c.session().isEmpty()) {
        actor.sessions.add(c.session());
      }
      if (key != null) {
        actor.accounts.add(key);
        Use u = compromised.computeIfAbsent(key, k -> new Use());
        u.via.computeIfAbsent(ip, k -> new TreeSet<>()).add(via(f));
        u.seen(f.time(), ip, f.ref());
        String legacy = legacy(f);
        if (legacy != null) {
          u.why.add("legacy authentication (" + legacy + ") from " + ip
              + ", which bypasses modern-authentication controls such as MFA");
        }
      }
    }
  }

  private static String via(Fact f) {
    if (f instanceof Fact.Logon l) {
      return l.via();
    } else if (f instanceof Fact.Request r) {
      return r.protocol().equals("iis") ? "IIS" : "HttpProxy " + r.protocol();
    } else if (f instanceof Fact.Ews) {
      return "EWS log";
    }
    return f instanceof Fact.CloudRead ? "MailItemsAccessed" : "cmdlet";
  }

  /** Why an account is compromised, addresses and how they used it first. */
  static String reason(Use u) {
    List<String> parts = new ArrayList<>();
    u.via.forEach((ip, how) -> parts.add("used successfully from attacker address " + ip + " ("
        + String.join(", ", how) + ")"));
    parts.addAll(u.why);
    return String.join("; ", parts);
  }

  /**
   * The legacy protocol or scheme a request authenticated with: Basic over EWS, ActiveSync,
   * Autodiscover, RPC or OAB sends the password with every request and cannot do MFA.
   */
  private static @Nullable String legacy(Fact f) {
    if (f instanceof Fact.Request r && r.authType().equalsIgnoreCase("Basic")) {
      return "Basic over " + (r.protocol().isEmpty() ? r.stem() : r.protocol());
    }
    return null;
  }

  /**
   * Adds the addresses from which a compromised account was used, after its first attacker use,
   * with an address and a client its owner never had and that no other person uses. Returns
   * whether any was added.
   */
  private boolean novelty(List<Fact> ordered) {
    Map<String, Set<String>> usersOfIp = new HashMap<>();
    Map<String, Set<String>> baseIps = new HashMap<>();
    Map<String, Set<String>> baseAgents = new HashMap<>();
    for (Fact f : ordered) {
      String key = usedAccount(f);
      String ip = ipOf(f);
      if (key == null || ip == null) {
        continue;
      }
      usersOfIp.computeIfAbsent(ip, k -> new HashSet<>()).add(key);
      Use u = compromised.get(key);
      if (u != null && u.first != null && f.time().isBefore(u.first)
          && !f.time().isBefore(u.first.minus(config.noveltyHistory()))) {
        baseIps.computeIfAbsent(key, k -> new HashSet<>()).add(ip);
        String ua = userAgentOf(f);
        if (ua != null && !ua.isEmpty()) {
          baseAgents.computeIfAbsent(key, k -> new HashSet<>()).add(ua);
        }
      }
    }
    boolean added = sessions(ordered);
    for (Fact f : ordered) {
      String key = usedAccount(f);
      String ip = ipOf(f);
      String ua = userAgentOf(f);
      Use u = key == null ? null : compromised.get(key);
      if (u == null || ip == null || ua == null || ua.isEmpty() || ips.containsKey(ip)
          || u.first == null || f.time().isBefore(u.first)) {
        continue;
      }
      boolean newIp = !baseIps.getOrDefault(key, Set.of()).contains(ip);
      boolean newAgent = !baseAgents.getOrDefault(key, Set.of()).contains(ua);
      boolean shared = usersOfIp.getOrDefault(ip, Set.of()).stream()
          .anyMatch(other -> !compromised.containsKey(other));
      if (newIp && newAgent && !shared) {
        Actor a = ips.computeIfAbsent(ip, k -> new Actor(Confidence.MEDIUM));
        a.why.add("used " + ids.display(key) + " after its compromise from an address and a "
            + "client its owner never used");
        a.seen(f.time(), f.ref());
        added = true;
      }
    }
    return added;
  }

  /**
   * Exchange Online's session id survives token refresh and address changes, and only
   * re-entering credentials changes it: a session an attacker address used is the attacker's
   * wherever it shows up next.
   */
  private boolean sessions(List<Fact> ordered) {
    Set<String> attacker = new TreeSet<>();
    ips.values().forEach(a -> attacker.addAll(a.sessions));
    boolean added = false;
    for (Fact f : ordered) {
      if (f instanceof Fact.CloudRead c && attacker.contains(c.session()) && !c.ip().isEmpty()
          && !ips.containsKey(c.ip())) {
        Actor a = ips.computeIfAbsent(c.ip(), k -> new Actor(Confidence.MEDIUM));
        a.why.add("continued the attacker's session " + c.session());
        a.sessions.add(c.session());
        a.seen(c.time(), c.ref());
        added = true;
      }
    }
    return added;
  }

  private @Nullable String usedAccount(Fact f) {
    return FactValues.usedAccount(f, ids);
  }

  private static @Nullable String ipOf(Fact f) {
    return FactValues.ip(f);
  }

  private static @Nullable String userAgentOf(Fact f) {
    if (f instanceof Fact.Request r) {
      return r.userAgent();
    } else if (f instanceof Fact.Ews e) {
      return e.userAgent();
    } else if (f instanceof Fact.CloudRead c) {
      return c.clientInfo();
    }
    return null;
  }

  /** The group id of an attacker address, or null. */
  @Nullable String groupOf(@Nullable String ip) {
    return ip == null ? null : groupOf.get(ip);
  }

  /** The group active closest to {@code t}: for acts (cmdlets) that carry no address. */
  @Nullable String groupNear(Instant t) {
    AttackerGroup best = null;
    long bestGap = Long.MAX_VALUE;
    for (AttackerGroup g : groups) {
      if (g.firstSeen() == null || g.lastSeen() == null) {
        continue;
      }
      long gap = t.isBefore(g.firstSeen()) ? g.firstSeen().toEpochMilli() - t.toEpochMilli()
          : t.isAfter(g.lastSeen()) ? t.toEpochMilli() - g.lastSeen().toEpochMilli() : 0;
      if (gap < bestGap) {
        best = g;
        bestGap = gap;
      }
    }
    return best == null ? null : best.id();
  }

  Confidence confidenceOf(String groupId) {
    for (AttackerGroup g : groups) {
      if (g.id().equals(groupId)) {
        return g.confidence();
      }
    }
    return Confidence.LOW;
  }

  boolean hasAttacker() {
    return !ips.isEmpty() || !compromised.isEmpty();
  }

  /**
   * Attacker addresses joined into activity groups: two addresses belong together when they
   * used the same compromised account, the same Exchange Online session, or the same client
   * string that no one else used.
   */
  List<AttackerGroup> groups(List<Fact> ordered) {
    Map<String, Set<String>> agentUsers = new HashMap<>();
    for (Fact f : ordered) {
      String ip = ipOf(f);
      String ua = userAgentOf(f);
      if (ip != null && ua != null && !ua.isEmpty()) {
        agentUsers.computeIfAbsent(ua, k -> new HashSet<>()).add(ip);
      }
    }
    Map<String, String> parent = new TreeMap<>();
    ips.keySet().forEach(ip -> parent.put(ip, ip));
    Map<String, String> byLink = new HashMap<>();
    for (Map.Entry<String, Actor> e : ips.entrySet()) {
      Set<String> links = new TreeSet<>();
      for (String ua : e.getValue().userAgents) {
        if (ips.keySet().containsAll(agentUsers.getOrDefault(ua, Set.of()))) {
          links.add("ua\t" + ua);
        }
      }
      e.getValue().accounts.forEach(a -> links.add("account\t" + a));
      e.getValue().sessions.forEach(x -> links.add("session\t" + x));
      for (String link : links) {
        String other = byLink.putIfAbsent(link, e.getKey());
        if (other != null) {
          union(parent, other, e.getKey());
        }
      }
    }
    Map<String, List<String>> members = new TreeMap<>();
    for (String ip : ips.keySet()) {
      members.computeIfAbsent(find(parent, ip), k -> new ArrayList<>()).add(ip);
    }
    List<List<String>> clusters = new ArrayList<>(members.values());
    clusters.sort(Comparator.comparing((List<String> c) -> firstOf(c),
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(c -> c.get(0)));
    groups.clear();
    groupOf.clear();
    int n = 0;
    for (List<String> cluster : clusters) {
      String id = "A" + (++n);
      cluster.forEach(ip -> groupOf.put(ip, id));
      groups.add(group(id, cluster));
    }
    attachAccountsWithoutAddress();
    return List.copyOf(groups);
  }

  private AttackerGroup group(String id, List<String> cluster) {
    Confidence confidence = Confidence.LOW;
    Set<String> why = new TreeSet<>();
    Set<String> rules = new TreeSet<>();
    Set<String> agents = new TreeSet<>();
    Set<String> accounts = new TreeSet<>();
    Set<String> sessions = new TreeSet<>();
    List<EvidenceRef> evidence = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (String ip : cluster) {
      Actor a = ips.get(ip);
      confidence = a.confidence.ordinal() > confidence.ordinal() ? a.confidence : confidence;
      why.addAll(a.why);
      rules.addAll(a.ruleIds);
      agents.addAll(a.userAgents);
      a.accounts.forEach(k -> accounts.add(ids.display(k)));
      sessions.addAll(a.sessions);
      a.evidence.forEach(ref -> DamageAnalysis.addRef(evidence, ref));
      first = DamageAnalysis.min(first, a.first);
      last = DamageAnalysis.max(last, a.last);
    }
    if (!rules.isEmpty()) {
      why.add("named by " + rules.size() + (rules.size() == 1 ? " detection rule" : " detection "
          + "rules"));
    }
    String summary = cluster.size() + (cluster.size() == 1 ? " address" : " addresses")
        + (accounts.isEmpty() ? "" : " using " + String.join(", ", accounts)) + ": "
        + String.join("; ", why) + ".";
    return new AttackerGroup(id, confidence, summary, first, last, cluster, List.copyOf(agents),
        List.copyOf(accounts), List.copyOf(sessions), List.copyOf(rules), evidence);
  }

  /** Accounts that acted without a logged address (cmdlets via a web shell) join the group of their time. */
  private void attachAccountsWithoutAddress() {
    for (Map.Entry<String, Use> e : compromised.entrySet()) {
      if (!e.getValue().ips.isEmpty() || e.getValue().first == null) {
        continue;
      }
      String id = groupNear(e.getValue().first);
      for (int i = 0; i < groups.size(); i++) {
        AttackerGroup g = groups.get(i);
        String name = ids.display(e.getKey());
        if (g.id().equals(id) && !g.accounts().contains(name)) {
          List<String> accounts = new ArrayList<>(g.accounts());
          accounts.add(name);
          groups.set(i, new AttackerGroup(g.id(), g.confidence(), g.summary(), g.firstSeen(),
              g.lastSeen(), g.ips(), g.userAgents(), accounts, g.sessions(), g.ruleIds(),
              g.evidence()));
        }
      }
    }
  }

  private @Nullable Instant firstOf(List<String> cluster) {
    Instant first = null;
    for (String ip : cluster) {
      first = DamageAnalysis.min(first, ips.get(ip).first);
    }
    return first;
  }

  private static String find(Map<String, String> parent, String x) {
    String p = parent.get(x);
    return p.equals(x) ? x : find(parent, p);
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      // The smaller root wins, so the grouping does not depend on the order links were met.
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  /** The account list without novelty; see {@link AccountList}. */
  List<AccountAssessment> accounts(List<Fact> ordered) {
    return accounts(ordered, Map.of());
  }

  /** The account list, with what was unusual for each account; see {@link AccountList}. */
  List<AccountAssessment> accounts(List<Fact> ordered, Map<String, List<Anomaly>> anomalies) {
    return new AccountList(this, ids).build(ordered, anomalies);
  }
}
