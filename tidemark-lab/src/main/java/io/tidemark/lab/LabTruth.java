package io.tidemark.lab;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the lab injected into one evidence folder; also written as {@code truth.json}. Paths are
 * relative to the output folder, with {@code /} separators.
 *
 * @param schema the truth format's version
 * @param seed the spec's seed
 * @param scenario the scenario id
 * @param host the server's NetBIOS name
 * @param domain the Active Directory DNS domain
 * @param users mailbox users actually generated (may exceed the spec when volume required it)
 * @param start the window's first instant
 * @param end the instant just after the window
 * @param expectedVerdict compromised, exploitation_attempted or clean
 * @param attackerIps every address the attacker used, in order of first use
 * @param accountsCompromised accounts the attacker authenticated as
 * @param mailboxes mailbox data the attacker reached, one entry per mailbox and scope
 * @param webShells web shells planted on disk
 * @param steps the attack, step by step, in time order
 * @param firstAttackerActivity the attacker's first logged request or action; null when benign
 * @param lastAttackerActivity the attacker's last logged request or action; null when benign
 */
public record LabTruth(
    String schema,
    long seed,
    String scenario,
    String host,
    String domain,
    int users,
    Instant start,
    Instant end,
    String expectedVerdict,
    List<String> attackerIps,
    List<Account> accountsCompromised,
    List<MailboxAccess> mailboxes,
    List<WebShell> webShells,
    List<Step> steps,
    @Nullable Instant firstAttackerActivity,
    @Nullable Instant lastAttackerActivity) {

  /** The truth format written by this version. */
  public static final String SCHEMA = "tidemark-lab-truth/1";

  public LabTruth {
    requireNonNull(schema, "schema");
    requireNonNull(scenario, "scenario");
    requireNonNull(host, "host");
    requireNonNull(domain, "domain");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(expectedVerdict, "expectedVerdict");
    attackerIps = List.copyOf(attackerIps);
    accountsCompromised = List.copyOf(accountsCompromised);
    mailboxes = List.copyOf(mailboxes);
    webShells = List.copyOf(webShells);
    steps = List.copyOf(steps);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
  }

  /** An account the attacker authenticated as, e.g. {@code CORP\jdoe} / {@code jdoe@corp.local}. */
  public record Account(String account, String upn) {
    public Account {
      requireNonNull(account, "account");
      requireNonNull(upn, "upn");
    }
  }

  /**
   * Mailbox data the attacker reached.
   *
   * @param mailbox the mailbox's primary SMTP address
   * @param scope how much of it: item, folder, mailbox or sent_out (mail forwarded outside)
   * @param firstSeen the first attacker access
   * @param lastSeen the last attacker access
   */
  public record MailboxAccess(String mailbox, String scope, Instant firstSeen, Instant lastSeen) {
    private static final Set<String> SCOPES = Set.of("item", "folder", "mailbox", "sent_out");

    public MailboxAccess {
      requireNonNull(mailbox, "mailbox");
      requireNonNull(firstSeen, "firstSeen");
      requireNonNull(lastSeen, "lastSeen");
      if (!SCOPES.contains(scope)) {
        throw new IllegalArgumentException(
            "scope must be item, folder, mailbox or sent_out: '" + scope + "'");
      }
      if (lastSeen.isBefore(firstSeen)) {
        throw new IllegalArgumentException(
            "lastSeen " + lastSeen + " before firstSeen " + firstSeen);
      }
    }
  }

  /**
   * A web shell on disk.
   *
   * @param path the file, relative to the output folder
   * @param url the URL path that reaches it
   * @param written when it was written
   */
  public record WebShell(String path, String url, Instant written) {
    public WebShell {
      requireNonNull(path, "path");
      requireNonNull(url, "url");
      requireNonNull(written, "written");
    }
  }

  /**
   * One attack step.
   *
   * @param time when it started
   * @param step a stable kebab-case name, e.g. {@code ssrf} or {@code mailbox-export}
   * @param description what happened, in one sentence
   * @param files the evidence files that record it, sorted
   */
  public record Step(Instant time, String step, String description, List<String> files) {
    public Step {
      requireNonNull(time, "time");
      requireNonNull(step, "step");
      requireNonNull(description, "description");
      files = List.copyOf(files);
    }
  }
}
