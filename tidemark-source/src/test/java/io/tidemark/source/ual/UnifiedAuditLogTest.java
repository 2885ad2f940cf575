package io.tidemark.source.ual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnifiedAuditLogTest {

  @Test
  void time_everyExportSpelling_isReadAsUtc() {
    Instant expected = Instant.parse("2024-02-14T02:05:09Z");
    assertThat(UnifiedAuditLog.time("2024-02-14T02:05:09")).isEqualTo(expected);
    assertThat(UnifiedAuditLog.time("2024-02-14T02:05:09.0000000Z ")).isEqualTo(expected);
    assertThat(UnifiedAuditLog.time("2024-02-14T03:05:09+01:00")).isEqualTo(expected);
    assertThat(UnifiedAuditLog.time("/Date(1707876309000)/")).isEqualTo(expected);
    assertThat(UnifiedAuditLog.time("2/14/2024 2:05:09 AM")).isEqualTo(expected);
    assertThat(UnifiedAuditLog.time("2/14/2024 2:05:09 pm"))
        .isEqualTo(Instant.parse("2024-02-14T14:05:09Z"));
  }

  @Test
  void time_garbage_isNull() {
    assertThat(UnifiedAuditLog.time("yesterday")).isNull();
    assertThat(UnifiedAuditLog.time("/Date(x)/")).isNull();
    assertThat(UnifiedAuditLog.time("2024-02-30T00:00:00")).isNull();
    assertThat(UnifiedAuditLog.time("")).isNull();
  }

  @Test
  void parse_addressesWithAndWithoutPorts_splitCleanly() {
    assertThat(ClientAddress.parse("185.73.124.135:19823"))
        .isEqualTo(new ClientAddress("185.73.124.135", "19823"));
    assertThat(ClientAddress.parse("185.73.124.135"))
        .isEqualTo(new ClientAddress("185.73.124.135", null));
    assertThat(ClientAddress.parse("[2001:db8::7]:443"))
        .isEqualTo(new ClientAddress("2001:db8::7", "443"));
    assertThat(ClientAddress.parse("2001:db8::7")).isEqualTo(new ClientAddress("2001:db8::7", null));
    assertThat(ClientAddress.parse("<script>alert(1)</script>")).isNull();
    assertThat(ClientAddress.parse("10.0.0.1:99999")).isNull();
  }

  @Test
  void isCsvHeader_quotedOrNot_needsAuditDataAndADate() {
    assertThat(UnifiedAuditLog.isCsvHeader("\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\""))
        .isTrue();
    assertThat(UnifiedAuditLog.isCsvHeader(
        "RecordId,CreationDate,RecordType,Operation,UserId,AuditData")).isTrue();
    assertThat(UnifiedAuditLog.isCsvHeader("DateTime,AuditData")).isFalse();
    assertThat(UnifiedAuditLog.isCsvHeader("AuditData")).isFalse();
  }
}
