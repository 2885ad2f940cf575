package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DamageConfigTest {
  private final DamageConfig config = DamageConfig.load();

  @Test
  void load_bundledTables_giveTheReferenceDefaults() {
    assertThat(config.sprayAccounts()).isEqualTo(5);
    assertThat(config.sprayWindow()).isEqualTo(Duration.ofMinutes(20));
    assertThat(config.scopeOf("ews", "GetItem")).isEqualTo(ExposureScope.ITEM);
    assertThat(config.scopeOf("owa", "findconversation")).isEqualTo(ExposureScope.FOLDER);
    assertThat(config.scopeOf("ews", "CreateItem")).isNull();
    assertThat(config.novelty().baseline()).isEqualTo(Duration.ofDays(7));
    assertThat(config.novelty().travelKm()).isEqualTo(500);
    assertThat(config.novelty().travelKmh()).isEqualTo(800);
  }

  @Test
  void key_spellingsOfOnePerson_shareAKeyAndSystemPrincipalsHaveNone() {
    Identities ids = new Identities(config);

    assertThat(ids.key("CORP\\JDoe")).isEqualTo("jdoe");
    assertThat(ids.key("jdoe@corp.local")).isEqualTo("jdoe");
    assertThat(ids.key("corp.local/Users/jdoe")).isEqualTo("jdoe");
    assertThat(ids.key("NT AUTHORITY\\SYSTEM")).isNull();
    assertThat(ids.key("CORP\\EXCH01$")).isNull();
    assertThat(ids.key("-")).isNull();
    ids.see("CORP\\jdoe");
    ids.see("jdoe@corp.local");
    assertThat(ids.display("jdoe")).isEqualTo("jdoe@corp.local");
    assertThat(ids.anchorMailbox("Smtp~Boss@corp.local")).isEqualTo("boss");
    assertThat(ids.anchorMailbox("ServerInfo~a]@EXCH01.corp.local:444/ecp/x#")).isNull();
  }
}
