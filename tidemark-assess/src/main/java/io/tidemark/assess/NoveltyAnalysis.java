package io.tidemark.assess;

import io.tidemark.engine.EvidenceRef;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What is new for each account against its own history: client address, network (ASN),
 * country, user agent, ActiveSync DeviceId; and impossible travel between two successive uses.
 * It reads successful uses only (a logon, a served request, a mail read), in event-time order,
 * keeps per account at most {@code novelty.values} values of each kind and
 * {@code novelty.anomalies} anomalies, and never changes an account's status: that is
 * {@link Attribution}'s, and novelty alone is not evidence of compromise.
 */
final class NoveltyAnalysis {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** What one account has used so far. */
  private static final class History {
    final Instant since;
    final Map<Anomaly.Kind, Set<String>> seen = new EnumMap<>(Anomaly.Kind.class);
    /** Open anomalies by kind and value, to add the evidence of later uses. */
    final Map<String, Draft> anomalies = new LinkedHashMap<>();
    @Nullable Located last;

    History(Instant since) {
      this.since = since;
    }
  }

  /** The last use of an account from a located address. */
  private record Located(Instant time, String ip, GeoLookup.Place place, EvidenceRef ref) {}

  /** An anomaly being collected. */
  private static final class Draft {
    final Anomaly.Kind kind;
    final String value;
    final String detail;
    final String address;
    final Instant first;
    final List<EvidenceRef> evidence = new ArrayList<>();

    Draft(Anomaly.Kind kind, String value, String detail, String address, Instant first) {
      this.kind = kind;
      this.value = value;
      this.detail = detail;
      this.address = address;
      this.first = first;
    }
  }

  private final DamageConfig.Novelty limits;
  private final Identities ids;
  private final GeoLookup geo;
  private final Map<String, History> accounts = new TreeMap<>();
  private final Map<String, GeoLookup.@Nullable Place> places = new HashMap<>();
  private boolean publicUse;

  NoveltyAnalysis(DamageConfig config, Identities ids, GeoLookup geo) {
    this.limits = config.novelty();
    this.ids = ids;
    this.geo = geo;
  }

  /** The anomalies of each account (by person key), earliest first; accounts without none. */
  Map<String, List<Anomaly>> run(List<Fact> ordered) {
    for (Fact f : ordered) {
      String key = FactValues.usedAccount(f, ids);
      String ip = FactValues.ip(f);
      InetAddress address = Addresses.parse(ip);
      if (key == null || ip == null || address == null) {
        continue;
      }
      History h = accounts.computeIfAbsent(key, k -> new History(f.time()));
      // Until the history covers the baseline, every value is still being learned.
      boolean learning = f.time().isBefore(h.since.plus(limits.baseline()));
      GeoLookup.Place place = place(ip, address);
      boolean internal = Addresses.isInternal(address);
      publicUse |= !internal;
      String where = place == null ? "" : place.describe();
      observe(h, Anomaly.Kind.NEW_IP, internal ? null : ip, where, learning, f, ip);
      if (place != null) {
        observe(h, Anomaly.Kind.NEW_ASN, place.asn() == 0 ? null : "AS" + place.asn(),
            place.organization() == null ? "" : place.organization(), learning, f, ip);
        observe(h, Anomaly.Kind.NEW_COUNTRY, place.country(), where, learning, f, ip);
        travel(h, f, ip, place);
      }
      observe(h, Anomaly.Kind.NEW_USER_AGENT, FactValues.userAgent(f), "", learning, f, ip);
      observe(h, Anomaly.Kind.NEW_DEVICE, FactValues.device(f), "", learning, f, ip);
    }
    Map<String, List<Anomaly>> out = new TreeMap<>();
    accounts.forEach((key, h) -> {
      if (!h.anomalies.isEmpty()) {
        List<Anomaly> list = new ArrayList<>();
        for (Draft d : h.anomalies.values()) {
          list.add(new Anomaly(d.kind, d.value, d.detail, d.address, d.first, d.evidence));
        }
        list.sort(Comparator.comparing(Anomaly::firstSeen).thenComparing(Anomaly::kind)
            .thenComparing(Anomaly::value));
        out.put(key, List.copyOf(list));
      }
    });
    return out;
  }

  /** Whether any account was used from outside the organisation's own networks. */
  boolean hadPublicUse() {
    return publicUse;
  }

  private GeoLookup.@Nullable Place place(String ip, InetAddress address) {
    if (Addresses.isReserved(address)) {
      return null;
    }
    if (!places.containsKey(ip)) {
      places.put(ip, geo.find(ip));
    }
    return places.get(ip);
  }

  /** Learns a value, or flags its first use once the baseline is covered. */
  private void observe(History h, Anomaly.Kind kind, @Nullable String value, String detail,
      boolean learning, Fact f, String ip) {
    if (value == null || value.isEmpty()) {
      return;
    }
    Set<String> seen = h.seen.computeIfAbsent(kind, k -> new HashSet<>());
    String id = kind.id() + "\t" + value;
    if (seen.contains(value)) {
      Draft open = h.anomalies.get(id);
      if (open != null) {
        DamageAnalysis.addRef(open.evidence, f.ref());
      }
      return;
    }
    if (seen.size() >= limits.values()) {
      // An account with this many values of a kind has no baseline for it.
      return;
    }
    seen.add(value);
    if (!learning) {
      flag(h, id, new Draft(kind, value, detail, ip, f.time()), f.ref());
    }
  }

  /**
   * Compares a use with the account's previous located use: far enough apart, after both
   * accuracy radii, and faster than anyone travels, is impossible travel. Repeated hops between
   * the same two addresses add evidence to one anomaly.
   */
  private void travel(History h, Fact f, String ip, GeoLookup.Place place) {
    if (!place.isLocated()) {
      return;
    }
    Located before = h.last;
    h.last = new Located(f.time(), ip, place, f.ref());
    if (before == null || before.ip().equals(ip)) {
      return;
    }
    double km = distanceKm(before.place(), place) - before.place().accuracyKm()
        - place.accuracyKm();
    if (km < limits.travelKm() || km <= 0) {
      return;
    }
    double hours = Duration.between(before.time(), f.time()).toMillis() / 3_600_000.0;
    double kmh = hours <= 0 ? Double.POSITIVE_INFINITY : km / hours;
    if (kmh < limits.travelKmh()) {
      return;
    }
    String pair = before.ip().compareTo(ip) < 0 ? before.ip() + "\t" + ip : ip + "\t" + before.ip();
    String id = Anomaly.Kind.IMPOSSIBLE_TRAVEL.id() + "\t" + pair;
    Draft open = h.anomalies.get(id);
    if (open != null) {
      DamageAnalysis.addRef(open.evidence, before.ref());
      DamageAnalysis.addRef(open.evidence, f.ref());
      return;
    }
    String detail = String.format(Locale.ROOT, "%s to %s: at least %,d km in %s (%s)",
        before.place().describe(), place.describe(), Math.round(km),
        span(before.time(), f.time()),
        Double.isInfinite(kmh) ? "at the same time" : String.format(Locale.ROOT, "%,d km/h",
            Math.round(kmh)));
    Draft d = new Draft(Anomaly.Kind.IMPOSSIBLE_TRAVEL, before.ip() + " -> " + ip, detail, ip,
        f.time());
    DamageAnalysis.addRef(d.evidence, before.ref());
    flag(h, id, d, f.ref());
  }

  private void flag(History h, String id, Draft d, EvidenceRef ref) {
    if (h.anomalies.size() < limits.anomalies()) {
      DamageAnalysis.addRef(d.evidence, ref);
      h.anomalies.put(id, d);
    }
  }

  /** Great-circle distance (haversine) between two located places. */
  static double distanceKm(GeoLookup.Place a, GeoLookup.Place b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double s = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
  }

  private static String span(Instant from, Instant to) {
    long minutes = Duration.between(from, to).toMinutes();
    return minutes < 60 ? minutes + " min"
        : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
  }
}
