package io.tidemark.assess;

import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.model.EnterpriseResponse;
import com.maxmind.geoip2.model.IspResponse;
import com.maxmind.geoip2.record.Location;
import io.tidemark.event.TidemarkException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link GeoLookup} over MaxMind-format databases. MaxMind's own types go through geoip2's
 * {@code DatabaseReader}, which refuses other layouts ("Unsupported database type"); those are
 * read with the low-level {@code com.maxmind.db.Reader} as maps, by the key names the free
 * databases use. Files are memory-mapped, so a City database costs no heap.
 */
final class MaxMindGeoLookup implements GeoLookup {
  /** MaxMind types that hold neither places nor networks: refused with a message. */
  private static final List<String> USELESS = List.of("Anonymous", "Connection-Type", "Domain",
      "DensityIncome", "IP-Risk", "Residential-Proxy", "Static-IP-Score", "User-Count");

  /** One database: answers for an address, or null. */
  private interface Source {
    @Nullable Place find(InetAddress address) throws IOException, GeoIp2Exception;
  }

  private final List<Source> sources;
  private final List<String> names;
  private final List<Path> files;

  private MaxMindGeoLookup(List<Source> sources, List<String> names, List<Path> files) {
    this.sources = List.copyOf(sources);
    this.names = List.copyOf(names);
    this.files = List.copyOf(files);
  }

  @Override
  public List<Path> databases() {
    return files;
  }

  static GeoLookup open(List<Path> files) {
    List<Source> sources = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      String where = file.toString();
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new TidemarkException("GeoIP database not found or not a readable file", where);
      }
      try {
        String type;
        try (Reader probe = new Reader(file.toFile())) {
          type = probe.getMetadata().databaseType();
        }
        sources.add(source(file, type));
        names.add(type);
      } catch (IOException | RuntimeException e) {
        if (e instanceof TidemarkException t) {
          throw t;
        }
        throw new TidemarkException("not a MaxMind-format (.mmdb) database: " + e.getMessage(),
            where, e);
      }
    }
    return new MaxMindGeoLookup(sources, names, files);
  }

  private static Source source(Path file, String type) throws IOException {
    for (String useless : USELESS) {
      if (type.contains(useless)) {
        throw new TidemarkException("database type '" + type + "' holds no countries, locations"
            + " or networks; give a City, Country or ASN database", file.toString());
      }
    }
    boolean maxMind = type.contains("City") || type.contains("Country") || type.contains("ASN")
        || type.contains("ISP") || type.contains("Enterprise");
    if (!maxMind) {
      Reader reader = new Reader(file.toFile());
      return a -> fromMap(reader.get(a, Map.class));
    }
    DatabaseReader db = new DatabaseReader.Builder(file.toFile()).locales(List.of("en")).build();
    if (type.contains("Enterprise")) {
      return a -> db.tryEnterprise(a).map(MaxMindGeoLookup::enterprise).orElse(null);
    } else if (type.contains("City")) {
      return a -> city(db.tryCity(a));
    } else if (type.contains("Country")) {
      return a -> db.tryCountry(a).map(MaxMindGeoLookup::country).orElse(null);
    } else if (type.contains("ISP")) {
      return a -> db.tryIsp(a).map(MaxMindGeoLookup::isp).orElse(null);
    }
    return a -> db.tryAsn(a).map(MaxMindGeoLookup::asn).orElse(null);
  }

  @Override
  public @Nullable Place find(String address) {
    InetAddress a = Addresses.parse(address);
    if (a == null || Addresses.isReserved(a)) {
      return null;
    }
    Place merged = null;
    for (Source s : sources) {
      Place p;
      try {
        p = s.find(a);
      } catch (IOException | GeoIp2Exception | RuntimeException e) {
        // A damaged record answers nothing for this address; the rest of the file still can.
        p = null;
      }
      if (p != null) {
        merged = merged == null ? p : merged.merge(p);
      }
    }
    return merged;
  }

  @Override
  public String toString() {
    return "MaxMind databases " + names;
  }

  private static @Nullable Place city(Optional<CityResponse> r) {
    if (r.isEmpty()) {
      return null;
    }
    CityResponse c = r.get();
    return located(c.country().isoCode(), c.city().name(), c.location(), 0, null);
  }

  private static Place enterprise(EnterpriseResponse e) {
    return located(e.country().isoCode(), e.city().name(), e.location(),
        e.traits().autonomousSystemNumber() == null ? 0 : e.traits().autonomousSystemNumber(),
        e.traits().autonomousSystemOrganization());
  }

  private static Place country(CountryResponse r) {
    return new Place(r.country().isoCode(), null, null, null, 0, 0, null);
  }

  private static Place asn(AsnResponse r) {
    return new Place(null, null, null, null, 0,
        r.autonomousSystemNumber() == null ? 0 : r.autonomousSystemNumber(),
        r.autonomousSystemOrganization());
  }

  private static Place isp(IspResponse r) {
    return new Place(null, null, null, null, 0,
        r.autonomousSystemNumber() == null ? 0 : r.autonomousSystemNumber(),
        r.autonomousSystemOrganization() != null ? r.autonomousSystemOrganization() : r.isp());
  }

  private static Place located(@Nullable String country, @Nullable String city,
      @Nullable Location l, long asn, @Nullable String org) {
    boolean at = l != null && l.latitude() != null && l.longitude() != null;
    return new Place(country, city, at ? l.latitude() : null, at ? l.longitude() : null,
        at && l.accuracyRadius() != null ? l.accuracyRadius() : 0, asn, org);
  }

  /**
   * A record of another layout: MaxMind-style nested keys ({@code country.iso_code},
   * {@code location.latitude}) or the flat ones of ip-location-db and IPinfo
   * ({@code country_code}, {@code latitude}, {@code asn} as {@code AS123}, {@code as_name}).
   */
  static @Nullable Place fromMap(@Nullable Map<?, ?> m) {
    if (m == null) {
      return null;
    }
    String country = text(nested(m, "country", "iso_code"));
    if (country == null) {
      country = text(m.get("country_code"));
    }
    if (country == null && m.get("country") instanceof String s && s.length() == 2) {
      country = s;
    }
    Object cityNames = nested(m, "city", "names");
    String city = cityNames instanceof Map<?, ?> names ? text(names.get("en"))
        : m.get("city") instanceof String s ? s : null;
    Double lat = number(nested(m, "location", "latitude"), m.get("latitude"));
    Double lon = number(nested(m, "location", "longitude"), m.get("longitude"));
    Double radius = number(nested(m, "location", "accuracy_radius"), null);
    long asn = asNumber(m.get("autonomous_system_number") != null
        ? m.get("autonomous_system_number") : m.get("asn"));
    String org = text(m.get("autonomous_system_organization"));
    if (org == null) {
      org = text(m.get("as_name"));
    }
    boolean at = lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    if (country == null && city == null && !at && asn == 0) {
      return null;
    }
    return new Place(country, city, at ? lat : null, at ? lon : null,
        at && radius != null ? radius.intValue() : 0, asn, org);
  }

  private static @Nullable Object nested(Map<?, ?> m, String outer, String inner) {
    return m.get(outer) instanceof Map<?, ?> sub ? sub.get(inner) : null;
  }

  private static @Nullable String text(@Nullable Object v) {
    return v instanceof String s && !s.isBlank() ? s : null;
  }

  private static @Nullable Double number(@Nullable Object v, @Nullable Object fallback) {
    Object x = v != null ? v : fallback;
    if (x instanceof Number n) {
      return n.doubleValue();
    }
    if (x instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static long asNumber(@Nullable Object v) {
    if (v instanceof Number n) {
      return Math.max(0, n.longValue());
    }
    if (v instanceof String s) {
      String digits = s.trim().toUpperCase(Locale.ROOT);
      digits = digits.startsWith("AS") ? digits.substring(2) : digits;
      try {
        return Math.max(0, Long.parseLong(digits));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }
}
