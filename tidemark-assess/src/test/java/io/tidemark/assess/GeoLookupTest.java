package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.maxmind.db.Reader;
import io.tidemark.event.TidemarkException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GeoLookup} over MaxMind's own test databases (MaxMind-DB test-data, beside the checkout). */
class GeoLookupTest {
  private static final Path DATA = Path.of(System.getProperty("tidemark.datasets",
      "../../shared/datasets"), "maxmind-test-data", "test-data");
  private static final Path CITY = DATA.resolve("GeoIP2-City-Test.mmdb");
  private static final Path COUNTRY = DATA.resolve("GeoIP2-Country-Test.mmdb");
  private static final Path ASN = DATA.resolve("GeoLite2-ASN-Test.mmdb");

  @TempDir Path work;

  @BeforeEach
  void requireTestData() {
    Assumptions.assumeTrue(Files.isRegularFile(CITY),
        "MaxMind test databases not found at " + DATA + " (set -Dtidemark.datasets); skipped");
  }

  @Test
  void find_cityDatabase_placesLondonAndTheUs() {
    GeoLookup geo = GeoLookup.open(List.of(CITY));

    GeoLookup.Place london = geo.find("81.2.69.160");
    assertThat(london.country()).isEqualTo("GB");
    assertThat(london.city()).isEqualTo("London");
    assertThat(london.isLocated()).isTrue();
    assertThat(london.latitude()).isEqualTo(51.5142);
    assertThat(london.accuracyKm()).isEqualTo(100);
    assertThat(geo.find("216.160.83.56").country()).isEqualTo("US");
    assertThat(geo.find("216.160.83.56").city()).isEqualTo("Milton");
    assertThat(geo.find("1.1.1.1")).isNull();
  }

  @Test
  void find_cityAndAsnDatabases_mergeTheirAnswers() {
    GeoLookup geo = GeoLookup.open(List.of(COUNTRY, ASN));

    assertThat(geo.find("81.2.69.160").describe()).isEqualTo("GB");
    GeoLookup.Place telstra = geo.find("1.128.0.1");
    assertThat(telstra.asn()).isEqualTo(1221);
    assertThat(telstra.organization()).isEqualTo("Telstra Pty Ltd");
    assertThat(telstra.describe()).isEqualTo("AS1221 Telstra Pty Ltd");
  }

  @Test
  void find_privateAndReservedAddresses_areNeverLookedUp() {
    GeoLookup geo = GeoLookup.open(List.of(CITY));

    // The test database places ::81.2.69.160 and friends; nothing must place these.
    for (String address : List.of("10.20.0.8", "192.168.1.1", "127.0.0.1", "100.64.0.1",
        "203.0.113.9", "fe80::1", "fd00::1", "2001:db8::1", "exch01.corp.local", "", "-")) {
      assertThat(geo.find(address)).as(address).isNull();
    }
  }

  @Test
  void fromMap_otherLayouts_readTheirUsualKeys() throws IOException {
    // A MaxMind layout read as a plain map gives the same answer as DatabaseReader.
    try (Reader reader = new Reader(CITY.toFile())) {
      GeoLookup.Place london = MaxMindGeoLookup.fromMap(
          reader.get(InetAddress.getByName("81.2.69.160"), Map.class));
      assertThat(london.describe()).isEqualTo("London, GB");
      assertThat(london.longitude()).isEqualTo(-0.0931);
    }
    // ip-location-db and IPinfo write flat keys.
    assertThat(MaxMindGeoLookup.fromMap(Map.of("country_code", "us")).country()).isEqualTo("US");
    GeoLookup.Place ipinfo = MaxMindGeoLookup.fromMap(Map.of("country_code", "DE", "asn",
        "AS3320", "as_name", "Deutsche Telekom AG"));
    assertThat(ipinfo.describe()).isEqualTo("DE; AS3320 Deutsche Telekom AG");
    assertThat(MaxMindGeoLookup.fromMap(Map.of("domain", "example.com"))).isNull();
  }

  @Test
  void open_missingFile_namesIt() {
    Path missing = work.resolve("GeoLite2-City.mmdb");

    assertThatThrownBy(() -> GeoLookup.open(List.of(missing)))
        .isInstanceOf(TidemarkException.class)
        .hasMessageContaining("not found").hasMessageContaining(missing.toString());
  }

  @Test
  void open_notADatabase_namesIt() throws IOException {
    Path text = Files.writeString(work.resolve("city.mmdb"), "not a database\n");

    assertThatThrownBy(() -> GeoLookup.open(List.of(text)))
        .isInstanceOf(TidemarkException.class)
        .hasMessageContaining("not a MaxMind-format (.mmdb) database")
        .hasMessageContaining(text.toString());
  }

  @Test
  void open_databaseWithoutPlacesOrNetworks_isRefusedWithWhatToGive() {
    Path domain = DATA.resolve("GeoIP2-Domain-Test.mmdb");

    assertThatThrownBy(() -> GeoLookup.open(List.of(domain)))
        .isInstanceOf(TidemarkException.class)
        .hasMessageContaining("GeoIP2-Domain")
        .hasMessageContaining("give a City, Country or ASN database");
  }

  @Test
  void open_noDatabases_isNone() {
    assertThat(GeoLookup.open(List.of())).isSameAs(GeoLookup.NONE);
  }
}
