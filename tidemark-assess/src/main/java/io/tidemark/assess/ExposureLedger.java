package io.tidemark.assess;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The exposure ledger: per mailbox and scope, what the attacker reached. Reads come from the
 * attacker's addresses (EWS operations, OWA actions, ActiveSync commands, requests anchored to
 * another mailbox); whole mailboxes from export requests, full-access grants and scripts that
 * listed the folder hierarchy and then read items; mail sent out from inbox rules forwarding to
 * the addresses a forwarding finding names, and from attacker sessions submitting mail. Volumes
 * are the logged response sizes; item counts count requests, a lower bound.
 */
final class ExposureLedger {
  /** How far apart the HttpProxy row and the EWS row of one request may lie. */
  private static final Duration JOIN = Duration.ofSeconds(5);
  private static final Pattern MAILBOX_PARAM =
      Pattern.compile("(?i)-(Mailbox|Identity)\\s+[\"']?([^\"'\\s]+)");

  private final DamageConfig config;
  private final Identities ids;
  private final Attribution attribution;
  private final Seeds seeds;
  private final Set<EvidenceRef> highRefs = new HashSet<>();
  private final Map<String, Entry> entries = new TreeMap<>();
  private final Map<String, Entry> downloads = new TreeMap<>();
  private final Set<String> listedHierarchy = new HashSet<>();

  /** One ledger line being built. */
  private static final class Entry {
    final String mailbox;
    final ExposureScope scope;
    Confidence confidence = Confidence.LOW;
    @Nullable Instant first;
    @Nullable Instant last;
    final Set<String> operations = new TreeSet<>();
    long items;
    long bytes;
    final Set<String> groups = new TreeSet<>();
    final List<EvidenceRef> evidence = new ArrayList<>();

    Entry(String mailbox, ExposureScope scope) {
      this.mailbox = mailbox;
      this.scope = scope;
    }

    void add(Fact f, String operation, long count, long volume, @Nullable String group,
        Confidence c) {
      first = DamageAnalysis.min(first, f.time());
      last = DamageAnalysis.max(last, f.time());
      operations.add(operation);
      items += count;
      bytes += volume;
      if (group != null) {
        groups.add(group);
      }
      confidence = c.ordinal() > confidence.ordinal() ? c : confidence;
      DamageAnalysis.addRef(evidence, f.ref());
    }
  }

  ExposureLedger(DamageConfig config, Identities ids, Attribution attribution, Seeds seeds,
      List<Detection> detections) {
    this.config = config;
    this.ids = ids;
    this.attribution = attribution;
    this.seeds = seeds;
    for (Detection d : detections) {
      if (Level.of(d.rule().level()).atLeast(Level.HIGH)) {
        highRefs.addAll(d.evidence());
      }
    }
  }

  List<Exposure> build(List<Fact> ordered) {
    Map<String, NavigableMap<Instant, String>> anchors = new HashMap<>();
    boolean proxyLogs = false;
    for (Fact f : ordered) {
      if (f instanceof Fact.Request r && !r.protocol().equals("iis")) {
        proxyLogs = true;
        String mailbox = ids.anchorMailbox(r.anchor());
        if (r.protocol().equalsIgnoreCase("Ews") && mailbox != null) {
          anchors.computeIfAbsent(r.ip() + "\t" + ids.see(r.account()), k -> new TreeMap<>())
              .put(r.time(), mailbox);
        }
      }
    }
    for (Fact f : ordered) {
      if (f instanceof Fact.Ews e) {
        ews(e, anchors);
      } else if (f instanceof Fact.Request r && (proxyLogs != r.protocol().equals("iis"))) {
        request(r);
      } else if (f instanceof Fact.Cmdlet c) {
        cmdlet(c);
      } else if (f instanceof Fact.MailOut m) {
        mailOut(m);
      } else if (f instanceof Fact.CloudRead c) {
        cloudRead(c);
      }
    }
    // A script that listed the folder hierarchy and then read items took the whole mailbox.
    for (Entry d : downloads.values()) {
      if (listedHierarchy.contains(d.mailbox + "\t" + String.join(",", d.groups))) {
        Entry whole = entry(d.mailbox, ExposureScope.MAILBOX);
        whole.operations.add("folder hierarchy listed, then items read: whole mailbox assumed");
        whole.operations.addAll(d.operations);
        whole.first = DamageAnalysis.min(whole.first, d.first);
        whole.last = DamageAnalysis.max(whole.last, d.last);
        whole.items += d.items;
        whole.bytes += d.bytes;
        whole.groups.addAll(d.groups);
        Confidence c = d.confidence == Confidence.HIGH ? Confidence.MEDIUM : d.confidence;
        whole.confidence = c.ordinal() > whole.confidence.ordinal() ? c : whole.confidence;
        d.evidence.forEach(ref -> DamageAnalysis.addRef(whole.evidence, ref));
      }
    }
    List<Exposure> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (e.first != null) {
        out.add(new Exposure(ids.display(e.mailbox), e.scope, e.confidence, e.first, e.last,
            List.copyOf(e.operations), e.items, e.bytes, List.copyOf(e.groups), e.evidence));
      }
    }
    out.sort(Comparator.comparing(Exposure::mailbox).thenComparing(Exposure::scope)
        .thenComparing(Exposure::firstSeen));
    return out;
  }

  private void ews(Fact.Ews e, Map<String, NavigableMap<Instant, String>> anchors) {
    String group = attribution.groupOf(e.ip());
    if (group == null || e.status() != 200) {
      return;
    }
    ExposureScope scope = config.scopeOf("ews", e.soapAction());
    boolean hierarchy = config.scopeOf("hierarchy", e.soapAction()) != null;
    if (scope == null && !hierarchy) {
      return;
    }
    String account = ids.see(e.account());
    String mailbox = ids.see(e.impersonated().isEmpty() ? null : e.impersonated());
    if (mailbox == null) {
      NavigableMap<Instant, String> rows = anchors.get(e.ip() + "\t" + account);
      if (rows != null) {
        Map.Entry<Instant, String> near = nearest(rows, e.time());
        mailbox = near == null ? null : near.getValue();
      }
    }
    mailbox = mailbox == null ? account : mailbox;
    if (mailbox == null) {
      return;
    }
    Confidence c = attribution.confidenceOf(group);
    String op = "EWS " + e.soapAction();
    if (hierarchy) {
      listedHierarchy.add(mailbox + "\t" + group);
    }
    if (scope != null) {
      entry(mailbox, scope).add(e, op, scope == ExposureScope.ITEM ? 1 : 0, e.bytes(), group, c);
      String owner = mailbox;
      downloads.computeIfAbsent(mailbox + "\t" + group,
          k -> new Entry(owner, ExposureScope.MAILBOX))
          .add(e, op, scope == ExposureScope.ITEM ? 1 : 0, e.bytes(), group, c);
    }
  }

  private static Map.@Nullable Entry<Instant, String> nearest(NavigableMap<Instant, String> rows,
      Instant t) {
    Map.Entry<Instant, String> after = rows.ceilingEntry(t);
    Map.Entry<Instant, String> before = rows.floorEntry(t);
    Map.Entry<Instant, String> best = null;
    for (Map.Entry<Instant, String> c : java.util.Arrays.asList(after, before)) {
      if (c != null && Duration.between(c.getKey(), t).abs().compareTo(JOIN) <= 0
          && (best == null || Duration.between(c.getKey(), t).abs()
              .compareTo(Duration.between(best.getKey(), t).abs()) < 0)) {
        best = c;
      }
    }
    return best;
  }

  private void request(Fact.Request r) {
    String group = attribution.groupOf(r.ip());
    if (group == null || r.status() < 200 || r.status() >= 300
        || r.protocol().equalsIgnoreCase("Ews")) {
      return;
    }
    String stem = r.stem().toLowerCase(Locale.ROOT);
    String source = r.protocol().equals("iis")
        ? (stem.startsWith("/owa/") ? "owa" : stem.startsWith("/rpc/") ? "rpchttp" : "eas")
        : r.protocol().toLowerCase(Locale.ROOT);
    String account = ids.see(r.account());
    String anchored = ids.anchorMailbox(r.anchor());
    String mailbox = anchored != null ? anchored : account;
    if (mailbox == null) {
      return;
    }
    Confidence c = attribution.confidenceOf(group);
    ExposureScope scope = r.operation().isEmpty() ? null : config.scopeOf(source, r.operation());
    if (scope != null) {
      entry(mailbox, scope).add(r, r.protocol() + " " + r.operation(),
          scope == ExposureScope.ITEM ? 1 : 0, r.bytes(), group, c);
    } else if (anchored != null && !anchored.equals(account)) {
      // A request routed to someone else's mailbox (an SSRF target, a delegate): at least its
      // items were within reach, though the log does not say which.
      entry(anchored, ExposureScope.ITEM).add(r, r.protocol() + " request routed to the "
          + "mailbox (AnchorMailbox)", 0, r.bytes(), group, Confidence.LOW);
    }
  }

  /**
   * MailItemsAccessed: Bind names items, Sync stands for the whole folder, and a throttled
   * record means Bind auditing stopped: Microsoft says to assume the whole mailbox was read for
   * the next 24 hours.
   */
  private void cloudRead(Fact.CloudRead r) {
    String group = attribution.groupOf(r.ip());
    if (group == null) {
      return;
    }
    String mailbox = r.mailbox() != null ? ids.see(r.mailbox()) : ids.see(r.account());
    ExposureScope scope = config.scopeOf("ual", r.accessType());
    if (mailbox == null || scope == null) {
      return;
    }
    Confidence c = attribution.confidenceOf(group);
    String op = "MailItemsAccessed " + r.accessType()
        + (scope == ExposureScope.FOLDER ? " " + String.join(", ", r.folders()) : "");
    entry(mailbox, scope).add(r, op.trim(), scope == ExposureScope.ITEM ? r.items() : 0,
        r.bytes(), group, c);
    if (r.throttled()) {
      entry(mailbox, ExposureScope.MAILBOX).add(r, "MailItemsAccessed throttled: Bind auditing "
          + "stopped, whole mailbox assumed read for the next 24 hours", 0, 0, group, c);
    }
  }

  private void cmdlet(Fact.Cmdlet c) {
    if (!attribution.hasAttacker()) {
      return;
    }
    String name = c.cmdlet().trim();
    String lower = name.toLowerCase(Locale.ROOT);
    String params = c.parameters();
    if (forwarding(c, lower, params)) {
      return;
    }
    ExposureScope scope;
    if (lower.equals("new-mailboxexportrequest")) {
      String p = params.toLowerCase(Locale.ROOT);
      scope = p.contains("-contentfilter") ? ExposureScope.ITEM
          : p.contains("-includefolders") ? ExposureScope.FOLDER : ExposureScope.MAILBOX;
    } else if (lower.equals("add-mailboxpermission")
        && params.toLowerCase(Locale.ROOT).contains("fullaccess")) {
      scope = ExposureScope.MAILBOX;
    } else if (lower.equals("search-mailbox")) {
      scope = ExposureScope.MAILBOX;
    } else {
      return;
    }
    Matcher m = MAILBOX_PARAM.matcher(params);
    String mailbox = null;
    while (mailbox == null && m.find()) {
      mailbox = ids.see(m.group(2));
    }
    if (mailbox == null) {
      return;
    }
    String caller = c.caller();
    boolean system = caller != null && ids.key(caller) == null;
    String callerKey = ids.key(caller);
    Confidence confidence = highRefs.contains(c.ref()) || system
        || (callerKey != null && attribution.compromised.containsKey(callerKey))
        ? Confidence.HIGH : Confidence.MEDIUM;
    String group = attribution.groupOf(c.ip());
    entry(mailbox, scope).add(c, name, 0, 0, group != null ? group
        : attribution.groupNear(c.time()), confidence);
  }

  private static final Pattern FORWARD_PARAM = Pattern.compile(
      "(?i)-(ForwardTo|RedirectTo|ForwardAsAttachmentTo|ForwardingSmtpAddress|ForwardingAddress)"
          + "\\s+[\"']?(?:smtp:)?([^\"'\\s]+)");

  /**
   * An inbox rule or mailbox setting that forwards mail outside, made by the attacker (from an
   * attacker address or by a compromised account): mail leaves from then on, whether or not
   * the logs read show a forwarded message.
   */
  private boolean forwarding(Fact.Cmdlet c, String lower, String params) {
    boolean rule = lower.equals("new-inboxrule") || lower.equals("set-inboxrule");
    if (!rule && !lower.equals("set-mailbox")) {
      return false;
    }
    Matcher f = FORWARD_PARAM.matcher(params);
    if (!f.find()) {
      return rule;
    }
    String callerKey = ids.key(c.caller());
    String group = attribution.groupOf(c.ip());
    boolean attacker = group != null
        || (callerKey != null && attribution.compromised.containsKey(callerKey));
    if (!attacker) {
      return true;
    }
    String mailbox = null;
    Matcher m = MAILBOX_PARAM.matcher(params);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase("Mailbox") || !rule) {
        mailbox = ids.see(m.group(2));
        break;
      }
    }
    mailbox = mailbox == null ? ids.see(c.caller()) : mailbox;
    if (mailbox != null) {
      entry(mailbox, ExposureScope.SENT_OUT).add(c, c.cmdlet().trim() + " forwarding to "
          + f.group(2), 0, 0, group != null ? group : attribution.groupNear(c.time()),
          Confidence.MEDIUM);
    }
    return true;
  }

  private void mailOut(Fact.MailOut m) {
    String sender = ids.see(m.sender());
    if (sender == null) {
      return;
    }
    String group = attribution.groupOf(m.clientIp());
    if (m.source().equals("MAILBOXRULE")) {
      for (String to : m.recipients()) {
        if (seeds.forwardTargets.contains(to)) {
          Confidence c = attribution.compromised.containsKey(sender) ? Confidence.HIGH
              : Confidence.MEDIUM;
          entry(sender, ExposureScope.SENT_OUT).add(m, "inbox rule forward to " + to, 1,
              m.bytes(), attribution.groupNear(m.time()), c);
          return;
        }
      }
    } else if (group != null) {
      entry(sender, ExposureScope.SENT_OUT).add(m, "mail submitted from attacker address "
          + m.clientIp(), 1, m.bytes(), group, Confidence.HIGH);
    }
  }

  private Entry entry(String mailbox, ExposureScope scope) {
    return entries.computeIfAbsent(mailbox + "\t" + scope.ordinal(), k -> new Entry(mailbox,
        scope));
  }
}
