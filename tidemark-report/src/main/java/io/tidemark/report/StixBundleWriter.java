package io.tidemark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.assess.AttackerGroup;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.engine.EvidenceRef;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code iocs.stix.json}: a STIX 2.1 bundle with Tidemark's identity, one indicator per
 * attacker address, user agent and web-shell path, the cyber-observables they rest on,
 * observed-data per attacker activity (group, or server when no groups were formed), and the
 * relationships between them.
 *
 * <p>Every id is a UUIDv5 of the object's content and every timestamp comes from the evidence,
 * never the clock, so a re-run over the same evidence writes the same bytes and bundles diff
 * cleanly. Observables use the namespace and contributing properties STIX 2.1 §2.9 prescribes, so
 * other producers derive the same ids for the same addresses.
 */
final class StixBundleWriter {
  /** STIX 2.1 §2.9: the namespace for deterministic cyber-observable ids. */
  static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
  /** Tidemark's own namespace for the domain objects it derives (random once, fixed forever). */
  static final UUID TIDEMARK_NAMESPACE = UUID.fromString("5f0c6c0e-7a52-4d7e-9a39-2b7d3c1f0a61");
  /** The identity's creation time: fixed, so the identity object never changes between runs. */
  static final Instant IDENTITY_CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private static final DateTimeFormatter STIX_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private StixBundleWriter() {}

  static final String IDENTITY_ID = "identity--" + uuid5(TIDEMARK_NAMESPACE, "identity|tidemark");

  static void write(ReportData data, OutputStream out) throws IOException {
    List<Map<String, Object>> objects = new ArrayList<>();
    objects.add(identity());

    // Observables and indicators, one per attacker indicator.
    Map<Indicator, String> indicatorIds = new LinkedHashMap<>();
    Map<Indicator, String> observableIds = new LinkedHashMap<>();
    for (Indicator ind : data.indicators()) {
      Map<String, Object> sco = observable(ind);
      if (sco != null) {
        objects.add(sco);
        observableIds.put(ind, (String) sco.get("id"));
      }
      Map<String, Object> indicator = indicator(ind, undated(data));
      objects.add(indicator);
      indicatorIds.put(ind, (String) indicator.get("id"));
    }

    // Attacker activity: the damage analysis's groups, else one per server with attacker addresses.
    List<Activity> activities = activities(data);
    for (Activity a : activities) {
      Map<String, Object> set = sdo("intrusion-set", "intrusion-set|" + a.key, a.first);
      set.put("name", a.name);
      set.put("description", a.description);
      set.put("first_seen", time(a.first));
      if (a.last != null) {
        set.put("last_seen", time(a.last));
      }
      objects.add(set);
      String setId = (String) set.get("id");

      List<String> refs = new ArrayList<>();
      List<Indicator> members = new ArrayList<>();
      for (Indicator ind : data.indicators()) {
        if (a.members(ind)) {
          members.add(ind);
          if (observableIds.containsKey(ind)) {
            refs.add(observableIds.get(ind));
          }
        }
      }
      String observedId = null;
      if (!refs.isEmpty()) {
        Map<String, Object> observed = sdo("observed-data", "observed-data|" + a.key, a.first);
        observed.put("first_observed", time(a.first));
        observed.put("last_observed", time(a.last == null ? a.first : a.last));
        observed.put("number_observed", Math.max(1, Math.min(999_999_999L, a.count)));
        observed.put("object_refs", refs);
        objects.add(observed);
        observedId = (String) observed.get("id");
      }
      for (Indicator ind : members) {
        String indicatorId = indicatorIds.get(ind);
        objects.add(relationship("indicates", indicatorId, setId, a.first));
        if (observedId != null) {
          objects.add(relationship("based-on", indicatorId, observedId, a.first));
        }
      }
    }

    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("type", "bundle");
      StringBuilder content = new StringBuilder();
      for (Map<String, Object> o : objects) {
        content.append(o.get("id")).append('|');
      }
      g.writeStringField("id", "bundle--" + uuid5(TIDEMARK_NAMESPACE, "bundle|" + content));
      g.writeArrayFieldStart("objects");
      for (Map<String, Object> o : objects) {
        writeMap(g, o);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static Map<String, Object> identity() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", "identity");
    o.put("spec_version", "2.1");
    o.put("id", IDENTITY_ID);
    o.put("created", time(IDENTITY_CREATED));
    o.put("modified", time(IDENTITY_CREATED));
    o.put("name", "Tidemark");
    o.put("description", "Tidemark, the Exchange breach assessment tool; the producer of this bundle.");
    o.put("identity_class", "system");
    return o;
  }

  private static @Nullable Map<String, Object> observable(Indicator ind) {
    String type;
    switch (ind.kind()) {
      case IPV4:
        type = "ipv4-addr";
        break;
      case IPV6:
        type = "ipv6-addr";
        break;
      case URL_PATH:
        // A url observable needs an absolute URL; the logs give only the path. The file is real.
        type = "file";
        break;
      default:
        return null; // STIX has no user-agent observable outside network-traffic
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", type);
    o.put("spec_version", "2.1");
    // §2.9: UUIDv5 over the canonical JSON of the id-contributing properties (value; for a file, name).
    String property = type.equals("file") ? "name" : "value";
    String value = type.equals("file") ? baseName(ind.value()) : ind.value();
    o.put("id", type + "--" + uuid5(SCO_NAMESPACE, "{\"" + property + "\":" + jsonString(value) + "}"));
    o.put(property, value);
    return o;
  }

  /** The file name at the end of a request path. */
  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The time for objects whose own time the evidence does not give: the start of the attacker's
   * activity, so that the bundle never claims a time outside what the logs show when it can help it.
   */
  private static Instant undated(ReportData data) {
    Instant[] window = data.attackerWindow();
    return window == null ? IDENTITY_CREATED : window[0];
  }

  private static Map<String, Object> indicator(Indicator ind, Instant undated) {
    Instant first = ind.firstSeen() == null ? undated : ind.firstSeen();
    Map<String, Object> o = sdo("indicator", "indicator|" + ind.kind() + "|" + ind.value(), first);
    o.put("name", ind.kind().title() + " used by the attacker: " + ind.value());
    StringBuilder desc = new StringBuilder();
    desc.append("Seen in ").append(ind.count()).append(" high or critical detection(s)");
    if (!ind.groups().isEmpty()) {
      desc.append("; attacker group(s) ").append(String.join(", ", ind.groups()));
    }
    if (!ind.evidence().isEmpty()) {
      desc.append("; evidence: ");
      for (int i = 0; i < ind.evidence().size(); i++) {
        EvidenceRef ref = ind.evidence().get(i);
        desc.append(i == 0 ? "" : ", ").append(ref);
      }
    }
    if (ind.kind() == Indicator.Kind.URL_PATH) {
      desc.append(". The value is the request path as logged on the Exchange server.");
    }
    o.put("description", desc.toString());
    o.put("indicator_types", List.of("malicious-activity"));
    o.put("pattern", pattern(ind));
    o.put("pattern_type", "stix");
    o.put("valid_from", time(first));
    return o;
  }

  /** A STIX pattern; string literals escape {@code \} and {@code '} as §9.2 requires. */
  static String pattern(Indicator ind) {
    String v = literal(ind.value());
    switch (ind.kind()) {
      case IPV4:
        return "[ipv4-addr:value = " + v + "]";
      case IPV6:
        return "[ipv6-addr:value = " + v + "]";
      case USER_AGENT:
        return "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = " + v + "]";
      default:
        // Any URL ending in the path (LIKE's % is the only wildcard that matters here), or the file.
        return "[url:value LIKE " + literal("%" + ind.value()) + "] OR [file:name = "
            + literal(baseName(ind.value())) + "]";
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static Map<String, Object> relationship(String type, String from, String to, Instant when) {
    Map<String, Object> o = sdo("relationship", "relationship|" + type + "|" + from + "|" + to, when);
    o.put("relationship_type", type);
    o.put("source_ref", from);
    o.put("target_ref", to);
    return o;
  }

  private static Map<String, Object> sdo(String type, String content, Instant created) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", type + "--" + uuid5(TIDEMARK_NAMESPACE, content));
    o.put("created_by_ref", IDENTITY_ID);
    o.put("created", time(created));
    o.put("modified", time(created));
    return o;
  }

  /** One stretch of attacker activity that indicators belong to. */
  private record Activity(String key, String name, String description, Instant first,
      @Nullable Instant last, long count, @Nullable String group, List<String> ips) {
    boolean members(Indicator ind) {
      if (group != null && ind.groups().contains(group)) {
        return true;
      }
      if (group == null) {
        return true; // per-server activity: every indicator came from that server's findings
      }
      return ips.contains(ind.value());
    }
  }

  private static List<Activity> activities(ReportData data) {
    List<Activity> out = new ArrayList<>();
    for (AttackerGroup g : data.assessment().damage().attackers()) {
      Instant first = g.firstSeen() == null ? undated(data) : g.firstSeen();
      out.add(new Activity("group|" + g.id() + "|" + String.join(",", g.ips()),
          "Attacker activity group " + g.id(),
          g.summary() + " (confidence " + g.confidence().id() + ")", first, g.lastSeen(),
          Math.max(1, g.evidence().size()), g.id(), g.ips()));
    }
    if (!out.isEmpty()) {
      return out;
    }
    for (ServerAssessment s : data.assessment().servers()) {
      if (s.since() == null || s.attackerIps().isEmpty()) {
        continue;
      }
      Instant last = s.since();
      long count = 0;
      for (var f : s.findings()) {
        if (f.level().atLeast(io.tidemark.assess.Level.HIGH)) {
          count += f.count();
          if (f.lastSeen() != null && f.lastSeen().isAfter(last)) {
            last = f.lastSeen();
          }
        }
      }
      out.add(new Activity("server|" + s.host(), "Attacker activity on " + s.host(),
          "Verdict " + s.verdict().id() + ": " + s.reason(), s.since(), last, count, null,
          s.attackerIps()));
      break; // without groups, indicators cannot be told apart by server; one activity holds all
    }
    return out;
  }

  static String time(Instant t) {
    return STIX_TIME.format(t);
  }

  /** RFC 4122 name-based UUID, version 5 (SHA-1). */
  static UUID uuid5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer ns = ByteBuffer.allocate(16);
      ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
      sha1.update(ns.array());
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }

  private static String jsonString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  private static void writeMap(JsonGenerator g, Map<String, Object> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Long n) {
        g.writeNumberField(e.getKey(), n);
      } else if (v instanceof List<?> list) {
        Json.writeStrings(g, e.getKey(), (List<String>) list);
      } else {
        g.writeStringField(e.getKey(), String.valueOf(v));
      }
    }
    g.writeEndObject();
  }
}
