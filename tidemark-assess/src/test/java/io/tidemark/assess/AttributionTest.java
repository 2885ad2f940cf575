package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.engine.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionTest {
  private final DamageConfig config = DamageConfig.load();
  private final Identities ids = new Identities(config);

  private Attribution run(List<Fact> facts) {
    Seeds seeds = Seeds.from(List.<Detection>of(), IndicatorFields.load(), ids);
    CredentialAnalysis credentials = new CredentialAnalysis(config, ids).run(facts);
    return new Attribution(config, ids, seeds, credentials).run(facts);
  }

  private static final String SPRAY = """
      08:00:00 proxy 10.20.0.8 CORP\\alice Ews /ews/exchange.asmx - - 200 Outlook/16.0
      08:00:00 ews 10.20.0.8 alice@corp.local GetItem Outlook/16.0 9000
      09:00:00 proxy 10.20.0.9 CORP\\bob Ews /ews/exchange.asmx - - 200 Outlook/16.0
      10:00:00 fail 203.0.113.9 CORP\\alice
      10:01:00 fail 203.0.113.9 CORP\\bob
      10:02:00 fail 203.0.113.9 CORP\\carol
      10:03:00 fail 203.0.113.9 CORP\\dave
      10:04:00 fail 203.0.113.9 CORP\\erin
      10:30:00 ok 203.0.113.9 CORP\\alice
      """;

  @Test
  void run_sprayThenSuccess_compromisesOnlyTheAccountThatLoggedOn() {
    Attribution result = run(Facts.parse(SPRAY));

    assertThat(result.compromised).containsOnlyKeys("alice");
    assertThat(result.targeted).containsOnlyKeys("bob", "carol", "dave", "erin");
    assertThat(result.ips).containsOnlyKeys("203.0.113.9");
    assertThat(result.compromised.get("alice").why)
        .contains("its first success from 203.0.113.9 followed failed logons from there");
  }

  @Test
  void run_newAddressAndClientAfterCompromise_isTheAttackerAndTheOwnerStaysTheOwner() {
    List<Fact> facts = Facts.parse(SPRAY + """
        11:00:00 ews 198.51.100.7 alice@corp.local FindFolder python-requests/2.28.1 2000
        11:00:05 ews 198.51.100.7 alice@corp.local GetItem python-requests/2.28.1 600000
        12:00:00 ews 10.20.0.8 alice@corp.local GetItem Outlook/16.0 9000
        12:30:00 ews 10.20.0.10 alice@corp.local GetItem Outlook/16.0 9000
        """);
    Attribution result = run(facts);

    // 10.20.0.10 is new for alice, but her own client: a new network, not a new person.
    assertThat(result.ips).containsOnlyKeys("203.0.113.9", "198.51.100.7");
    List<AttackerGroup> groups = result.groups(facts);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).ips()).containsExactly("198.51.100.7", "203.0.113.9");
    assertThat(groups.get(0).accounts()).containsExactly("alice@corp.local");
  }

  @Test
  void run_noAttackerAddress_compromisesNobody() {
    Attribution result = run(Facts.parse("""
        08:00:00 fail 10.20.0.8 CORP\\alice
        08:00:10 ok 10.20.0.8 CORP\\alice
        """));

    assertThat(result.compromised).isEmpty();
    assertThat(result.ips).isEmpty();
    assertThat(result.accounts(List.of())).isEmpty();
  }

  @Test
  void accounts_attackerUsingBasicAuthentication_saysSoInTheReason() {
    List<Fact> facts = Facts.parse(SPRAY + """
        10:40:00 proxy 203.0.113.9 CORP\\alice Ews /ews/exchange.asmx - - 200 python-requests/2.28
        """);

    List<AccountAssessment> accounts = run(facts).accounts(facts);

    assertThat(accounts.get(0).account()).isEqualTo("alice@corp.local");
    assertThat(accounts.get(0).status()).isEqualTo(AccountStatus.COMPROMISED);
    assertThat(accounts.get(0).reason()).contains("legacy authentication (Basic over Ews)");
    assertThat(accounts.get(0).attackerIps()).containsExactly("203.0.113.9");
  }
}
