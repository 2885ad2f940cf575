package io.tidemark.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialAnalysisTest {
  private final DamageConfig config = DamageConfig.load();

  private CredentialAnalysis run(String fixture) {
    return new CredentialAnalysis(config, new Identities(config)).run(Facts.parse(fixture));
  }

  @Test
  void run_fiveAccountsFailingFromOneAddressIn20Minutes_isSpray() {
    CredentialAnalysis result = run("""
        01:00:00 fail 203.0.113.9 CORP\\alice
        01:03:00 fail 203.0.113.9 bob@corp.local
        01:07:00 fail 203.0.113.9 CORP\\carol
        01:12:00 fail 203.0.113.9 CORP\\dave
        01:19:00 fail 203.0.113.9 CORP\\erin
        """);

    assertThat(result.spray).containsOnlyKeys("203.0.113.9");
    assertThat(result.spray.get("203.0.113.9").accounts)
        .containsExactly("alice", "bob", "carol", "dave", "erin");
    assertThat(result.attackingIps()).containsExactly("203.0.113.9");
  }

  @Test
  void run_fiveAccountsSpreadOverAnHour_isNoSpray() {
    CredentialAnalysis result = run("""
        01:00:00 fail 10.20.0.8 CORP\\alice
        01:15:00 fail 10.20.0.8 CORP\\bob
        01:30:00 fail 10.20.0.8 CORP\\carol
        01:45:00 fail 10.20.0.8 CORP\\dave
        02:00:00 fail 10.20.0.8 CORP\\erin
        """);

    assertThat(result.spray).isEmpty();
    assertThat(result.attackingIps()).isEmpty();
  }

  @Test
  void run_fiveFailuresOfOneAccountIn5Minutes_isBruteForce() {
    CredentialAnalysis result = run("""
        01:00:00 fail 198.51.100.4 CORP\\alice
        01:01:00 fail 198.51.100.4 CORP\\alice
        01:02:00 fail 198.51.100.4 CORP\\alice
        01:03:00 fail 198.51.100.4 CORP\\alice
        01:04:00 fail 198.51.100.4 alice@corp.local
        """);

    assertThat(result.brute).containsOnlyKeys("alice\t198.51.100.4");
  }

  @Test
  void run_successWithinAnHourOfFailures_isSuccessAfterFailures() {
    CredentialAnalysis result = run("""
        01:00:00 fail 198.51.100.4 CORP\\alice
        01:40:00 ok 198.51.100.4 CORP\\alice
        03:00:00 ok 10.20.0.8 CORP\\bob
        """);

    assertThat(result.successAfterFailures).containsOnlyKeys("alice\t198.51.100.4");
  }

  @Test
  void run_owaFormsPostFollowedByLogonPageReason2_isFailureThenMailboxIsSuccess() {
    // OWA answers 302 to both outcomes; only what the client fetched next tells them apart.
    CredentialAnalysis result = run("""
        01:00:00 iis 198.51.100.4 - POST /owa/auth.owa - 302 Firefox
        01:00:01 iis 198.51.100.4 - GET /owa/auth/logon.aspx url=x&reason=2 200 Firefox
        01:05:00 iis 198.51.100.4 - POST /owa/auth.owa - 302 Firefox
        01:05:01 iis 198.51.100.4 CORP\\alice GET /owa/ - 200 Firefox
        """);

    assertThat(result.successAfterFailures).containsOnlyKeys("alice\t198.51.100.4");
  }
}
