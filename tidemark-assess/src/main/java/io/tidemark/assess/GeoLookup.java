package io.tidemark.assess;

import io.tidemark.event.TidemarkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where an address is and whose network it belongs to, for the damage analysis's novelty and
 * impossible-travel checks. Tidemark ships no database: the user gives MaxMind-format files
 * ({@code scan --geoip}), and without them those checks are not run (the assessment says so).
 */
public interface GeoLookup {
  /** No database: every address is unknown. */
  GeoLookup NONE = address -> null;

  /**
   * What the databases know of an address, or null when they know nothing. Internal and
   * reserved addresses (RFC 1918, loopback, documentation ranges, ...) are never looked up.
   *
   * @param address an IPv4 or IPv6 literal as the logs write it
   */
  @Nullable Place find(String address);

  /** The database files behind the answers, as given: the manifest hashes them (none for {@link #NONE}). */
  default List<Path> databases() {
    return List.of();
  }

  /**
   * Opens MaxMind-format ({@code .mmdb}) databases: typically a City (or Country) database and
   * an ASN database, whose answers are merged, the first file's winning where both know a
   * value. MaxMind's own types are read as such; other {@code .mmdb} layouts (DB-IP, IPinfo,
   * ip-location-db) by their usual key names.
   *
   * @throws TidemarkException naming the file when one is missing, unreadable or not a
   *     database of countries, locations or networks
   */
  static GeoLookup open(List<Path> databases) {
    return databases.isEmpty() ? NONE : MaxMindGeoLookup.open(databases);
  }

  /**
   * What is known of one address; any part may be unknown.
   *
   * @param country ISO 3166 alpha-2 code, upper case
   * @param city the city's English name
   * @param latitude degrees; null together with {@code longitude} when not located
   * @param accuracyKm the database's accuracy radius around the location, 0 when not given
   * @param asn the autonomous system number, 0 when unknown
   * @param organization the autonomous system's organisation
   */
  record Place(@Nullable String country, @Nullable String city, @Nullable Double latitude,
      @Nullable Double longitude, int accuracyKm, long asn, @Nullable String organization) {
    public Place {
      if ((latitude == null) != (longitude == null)) {
        throw new IllegalArgumentException("latitude and longitude go together: " + latitude
            + ", " + longitude);
      }
      if (latitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
        throw new IllegalArgumentException("not a location: " + latitude + ", " + longitude);
      }
      if (accuracyKm < 0 || asn < 0) {
        throw new IllegalArgumentException("accuracy and ASN must not be negative");
      }
      country = country == null || country.isBlank() ? null : country.toUpperCase(Locale.ROOT);
    }

    /** Whether the place has coordinates. */
    public boolean isLocated() {
      return latitude != null;
    }

    /** Fills what this place does not know from another's answer for the same address. */
    Place merge(Place other) {
      boolean located = isLocated();
      return new Place(country != null ? country : other.country,
          city != null ? city : other.city,
          located ? latitude : other.latitude, located ? longitude : other.longitude,
          located ? accuracyKm : other.accuracyKm, asn != 0 ? asn : other.asn,
          organization != null ? organization : other.organization);
    }

    /** For reasons and reports, e.g. {@code London, GB; AS1221 Telstra Pty Ltd}. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      String where = city == null ? country : country == null ? city : city + ", " + country;
      if (where != null) {
        parts.add(where);
      }
      if (asn != 0) {
        parts.add("AS" + asn + (organization == null ? "" : " " + organization));
      }
      return parts.isEmpty() ? "unknown" : String.join("; ", parts);
    }
  }
}
