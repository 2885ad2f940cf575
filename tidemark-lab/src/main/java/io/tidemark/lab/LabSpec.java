package io.tidemark.lab;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What to generate. The same spec always yields byte-identical output.
 *
 * @param seed drives every random choice: users, times, attacker addresses, shell names
 * @param users mailbox users in the organisation (10 to 1,000,000); may grow when {@code
 *     targetBytes} asks for more volume than plausible request rates give
 * @param days length of the evidence window in whole UTC days (1 to 366)
 * @param scenario what the attacker does, if anything
 * @param host the Exchange server's NetBIOS name, also the top folder of the evidence
 * @param start the window's first day (UTC); the server build follows it
 * @param targetBytes approximate total size of the evidence, or 0 for the natural volume of
 *     {@code users} over {@code days} (a few MB for the defaults)
 */
public record LabSpec(
    long seed,
    int users,
    int days,
    Scenario scenario,
    String host,
    LocalDate start,
    long targetBytes) {

  /** Default organisation size. */
  public static final int DEFAULT_USERS = 50;
  /** Default window length. */
  public static final int DEFAULT_DAYS = 2;
  /** Default server name. */
  public static final String DEFAULT_HOST = "EXCH01";

  public LabSpec {
    requireNonNull(scenario, "scenario");
    requireNonNull(host, "host");
    requireNonNull(start, "start");
    if (users < 10 || users > 1_000_000) {
      throw new IllegalArgumentException("users must be between 10 and 1000000: " + users);
    }
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be between 1 and 366: " + days);
    }
    if (!isNetBiosName(host)) {
      throw new IllegalArgumentException(
          "host must be 1-15 letters, digits or '-', starting with a letter: '" + host + "'");
    }
    if (start.getYear() < 2013 || start.getYear() > 2099) {
      throw new IllegalArgumentException("start must lie between 2013 and 2099: " + start);
    }
    if (targetBytes < 0) {
      throw new IllegalArgumentException("targetBytes must not be negative: " + targetBytes);
    }
  }

  /** The defaults (50 users, 2 days, {@code EXCH01}, natural volume) for a seed and scenario. */
  public static LabSpec defaults(long seed, Scenario scenario) {
    return new LabSpec(
        seed, DEFAULT_USERS, DEFAULT_DAYS, scenario, DEFAULT_HOST, scenario.defaultStart(), 0);
  }

  /** This spec with another scenario; the start day is kept. */
  public LabSpec withScenario(Scenario newScenario) {
    return new LabSpec(seed, users, days, newScenario, host, start, targetBytes);
  }

  /** This spec with another organisation size. */
  public LabSpec withUsers(int newUsers) {
    return new LabSpec(seed, newUsers, days, scenario, host, start, targetBytes);
  }

  /** This spec with another window length. */
  public LabSpec withDays(int newDays) {
    return new LabSpec(seed, users, newDays, scenario, host, start, targetBytes);
  }

  /** This spec with another first day. */
  public LabSpec withStart(LocalDate newStart) {
    return new LabSpec(seed, users, days, scenario, host, newStart, targetBytes);
  }

  /** This spec with another server name. */
  public LabSpec withHost(String newHost) {
    return new LabSpec(seed, users, days, scenario, newHost, start, targetBytes);
  }

  /** This spec with another size goal (0 for the natural volume). */
  public LabSpec withTargetBytes(long newTargetBytes) {
    return new LabSpec(seed, users, days, scenario, host, start, newTargetBytes);
  }

  private static boolean isNetBiosName(String name) {
    if (name.isEmpty() || name.length() > 15 || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
