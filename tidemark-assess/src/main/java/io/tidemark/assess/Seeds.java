package io.tidemark.assess;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the detections already say about the attacker: the client addresses behind findings
 * (high and above anywhere; medium and below on a server where something high fired), the
 * accounts that acted in findings that prove success, the user agents, and the outside
 * addresses that forwarding rules send to.
 */
final class Seeds {
  private static final Pattern FORWARD = Pattern.compile(
      "(?i)(ForwardTo|ForwardingSmtpAddress|RedirectTo|ForwardAsAttachmentTo)[^A-Za-z0-9@]{1,6}"
          + "(?:smtp:)?([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+[A-Za-z0-9])");

  private static final Set<String> FORWARD_FIELDS = Set.of("forwardto", "redirectto",
      "forwardasattachmentto", "forwardingsmtpaddress");

  /** Per attacker address: how it was seen. */
  final Map<String, Origin> ips = new TreeMap<>();
  /** Person keys of accounts that acted in findings proving success. */
  final Map<String, Origin> accounts = new TreeMap<>();
  final Set<String> userAgents = new TreeSet<>();
  final Set<String> forwardTargets = new TreeSet<>();
  final Set<String> ruleHosts = new HashSet<>();

  /** Where a seed came from. */
  static final class Origin {
    final Set<String> ruleIds = new TreeSet<>();
    final List<EvidenceRef> evidence = new ArrayList<>();
    Confidence confidence = Confidence.LOW;
    @Nullable Instant first;
    @Nullable Instant last;

    void add(Detection d, Confidence c) {
      ruleIds.add(d.rule().id());
      if (c.ordinal() > confidence.ordinal()) {
        confidence = c;
      }
      for (EvidenceRef ref : d.evidence()) {
        if (evidence.size() < DamageAnalysis.EVIDENCE && !evidence.contains(ref)) {
          evidence.add(ref);
        }
      }
      Instant t = d.timestamp();
      if (t != null) {
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
      }
    }
  }

  static Seeds from(List<Detection> detections, IndicatorFields fields, Identities ids) {
    Seeds seeds = new Seeds();
    Set<String> hotHosts = new HashSet<>();
    for (Detection d : detections) {
      if (Level.of(d.rule().level()).atLeast(Level.HIGH)) {
        hotHosts.add(String.valueOf(d.host()));
      }
    }
    for (Detection d : detections) {
      Level level = Level.of(d.rule().level());
      boolean high = level.atLeast(Level.HIGH);
      if (!high && !hotHosts.contains(String.valueOf(d.host()))) {
        continue;
      }
      if (level == Level.INFORMATIONAL) {
        continue;
      }
      seeds.ruleHosts.add(String.valueOf(d.host()));
      Confidence confidence = high ? Confidence.HIGH : Confidence.MEDIUM;
      for (String ip : ips(d, fields)) {
        seeds.ips.computeIfAbsent(ip, k -> new Origin()).add(d, confidence);
      }
      for (String uaField : List.of("cs(User-Agent)", "UserAgent")) {
        String ua = d.field(uaField);
        if (ua != null && !ua.isBlank() && !ua.equals("-")) {
          seeds.userAgents.add(ua);
        }
      }
      boolean proof = high && Outcome.of(d.rule().tidemark("outcome"), level) == Outcome.SUCCESS;
      // A correlation's fields are one contributing record's, not necessarily the account that
      // succeeded; the attribution finds that from the logons themselves.
      if (proof && !d.isCorrelation()) {
        for (String raw : accounts(d, fields)) {
          String key = ids.see(raw);
          if (key != null) {
            seeds.accounts.computeIfAbsent(key, k -> new Origin()).add(d, Confidence.HIGH);
          }
        }
      }
      for (Map.Entry<String, Object> field : d.event().entrySet()) {
        // UAL records name the target in a field of its own (Parameters.ForwardTo).
        String name = field.getKey().substring(field.getKey().lastIndexOf('.') + 1);
        forwards(FORWARD_FIELDS.contains(name.toLowerCase(Locale.ROOT))
            ? name + "=" + field.getValue() : field.getValue(), seeds.forwardTargets);
      }
    }
    return seeds;
  }

  private static void forwards(@Nullable Object value, Set<String> out) {
    if (value instanceof List<?> list) {
      for (Object v : list) {
        forwards(v, out);
      }
    } else if (value != null) {
      Matcher m = FORWARD.matcher(value.toString());
      while (m.find()) {
        out.add(m.group(2).toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Client addresses of a detection, without the server's own and loopback. */
  static List<String> ips(Detection d, IndicatorFields fields) {
    Set<String> server = new HashSet<>();
    for (String f : fields.serverIpFields(d.logType())) {
      String v = d.field(f);
      if (v != null) {
        server.add(v);
      }
    }
    Set<String> out = new TreeSet<>();
    for (String f : fields.ipFields(d.logType())) {
      add(out, d.field(f), server);
    }
    for (Map.Entry<String, String> g : d.group().entrySet()) {
      if (fields.isIpField(g.getKey())) {
        add(out, g.getValue(), server);
      }
    }
    return List.copyOf(out);
  }

  private static void add(Set<String> out, @Nullable String raw, Set<String> server) {
    String ip = FactExtractor.ip(raw);
    if (!ip.isEmpty() && !ip.equals("-") && !server.contains(ip) && !ip.equals("127.0.0.1")
        && !ip.equals("::1")) {
      out.add(ip);
    }
  }

  /** The accounts a detection names, including the caller of an MSExchange Management cmdlet. */
  private static List<String> accounts(Detection d, IndicatorFields fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields.accountFields(d.logType())) {
      String v = d.field(f);
      if (v != null) {
        out.add(v);
      }
    }
    if (d.logType() == LogType.WINDOWS_EVENT && d.event().get("Data") instanceof List<?> data
        && data.size() > 2 && "1".equals(d.field("EventID"))) {
      out.add(String.valueOf(data.get(2)));
    }
    return out;
  }
}
