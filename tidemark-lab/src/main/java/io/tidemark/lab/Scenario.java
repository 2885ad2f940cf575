package io.tidemark.lab;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happens to the lab's Exchange server on top of the organisation's normal traffic. */
public enum Scenario {
  /** HAFNIUM-style ProxyLogon chain: SSRF, OAB web shell, credential dump, mailbox export. */
  PROXYLOGON("proxylogon", "compromised", LocalDate.of(2021, 3, 2)),
  /** ProxyShell chain: autodiscover SSRF, remote PowerShell, mailbox export as a web shell. */
  PROXYSHELL("proxyshell", "compromised", LocalDate.of(2021, 8, 12)),
  /** Password spray over OWA, one account taken over, its mailbox downloaded over EWS. */
  PASSWORD_SPRAY("password-spray", "compromised", LocalDate.of(2023, 2, 14)),
  /** ProxyLogon and ProxyShell probes against a patched server; nothing gets through. */
  FAILED_EXPLOIT("failed-exploit", "exploitation_attempted", LocalDate.of(2022, 11, 8)),
  /** The organisation's normal traffic only. */
  BENIGN("benign", "clean", LocalDate.of(2022, 11, 8)),
  /**
   * Exchange Online, seen through the Unified Audit Log export: a Microsoft 365 password spray,
   * mail read by Sync and Bind, an inbox rule forwarding outside, full access granted, auditing
   * throttled. The on-premises server's own logs stay benign.
   */
  EXCHANGE_ONLINE("exchange-online", "compromised", LocalDate.of(2024, 2, 12));

  private final String id;
  private final String expectedVerdict;
  private final LocalDate defaultStart;

  Scenario(String id, String expectedVerdict, LocalDate defaultStart) {
    this.id = id;
    this.expectedVerdict = expectedVerdict;
    this.defaultStart = defaultStart;
  }

  /** The stable identifier used on the command line and in {@code truth.json}. */
  public String id() {
    return id;
  }

  /** The verdict a correct assessment reaches: compromised, exploitation_attempted or clean. */
  public String expectedVerdict() {
    return expectedVerdict;
  }

  /** A first day that fits the attack's era (the server build follows the date). */
  public LocalDate defaultStart() {
    return defaultStart;
  }

  /** Parses an id strictly; the message lists the allowed ids. */
  public static Scenario fromId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (Scenario scenario : values()) {
      if (scenario.id.equals(wanted)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + id + "'; must be one of: " + ids());
  }

  /** All ids, comma-separated, for error messages and help text. */
  public static String ids() {
    return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
