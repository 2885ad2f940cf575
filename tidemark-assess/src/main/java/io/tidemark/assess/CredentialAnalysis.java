package io.tidemark.assess;

import io.tidemark.engine.EvidenceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Credential misuse from logon outcomes, in event-time order: password spray (one address, many
 * accounts failing), brute force (one account from one address failing often), and the first
 * success after failures. Outcomes come from Security 4624/4625 by IIS, HttpProxy forms
 * logons ({@code IsAuthenticated}), IIS 401 answers naming a user and, since OWA's forms logon
 * answers 302 either way, from what IIS logged next for the same client: the logon page again
 * with {@code reason=2} is a failure, the mailbox is a success. All state is keyed windows of
 * event time, so the result never depends on the order files were read in.
 */
final class CredentialAnalysis {
  /** What a credential signal is. */
  enum Kind { SPRAY, BRUTE_FORCE, SUCCESS_AFTER_FAILURES }

  /** One signal, per source address (spray) or per account and address. */
  static final class Signal {
    final Kind kind;
    final String ip;
    final @Nullable String account;
    final Instant first;
    Instant last;
    final Set<String> accounts = new TreeSet<>();
    final List<EvidenceRef> evidence = new ArrayList<>();

    Signal(Kind kind, String ip, @Nullable String account, Instant first) {
      this.kind = kind;
      this.ip = ip;
      this.account = account;
      this.first = first;
      this.last = first;
    }

    void add(EvidenceRef ref) {
      if (ref.timestamp() != null && ref.timestamp().isAfter(last)) {
        last = ref.timestamp();
      }
      if (evidence.size() < DamageAnalysis.EVIDENCE && !evidence.contains(ref)) {
        evidence.add(ref);
      }
    }
  }

  /** A logon outcome, whatever log said it. */
  private record Outcome(Instant time, EvidenceRef ref, String ip, @Nullable String account,
      boolean success) {}

  private final DamageConfig config;
  private final Identities ids;
  /** Spray signals by address; brute-force and success signals by account and address. */
  final Map<String, Signal> spray = new TreeMap<>();
  final Map<String, Signal> brute = new TreeMap<>();
  final Map<String, Signal> successAfterFailures = new TreeMap<>();

  private final Map<String, Deque<Outcome>> failuresByIp = new HashMap<>();
  private final Map<String, Deque<Outcome>> failuresByPair = new HashMap<>();
  private final Map<String, Outcome> pendingForms = new HashMap<>();

  CredentialAnalysis(DamageConfig config, Identities ids) {
    this.config = config;
    this.ids = ids;
  }

  /** Runs over facts already in event-time order. */
  CredentialAnalysis run(List<Fact> ordered) {
    for (Fact f : ordered) {
      if (f instanceof Fact.Logon l) {
        outcome(new Outcome(l.time(), l.ref(), l.ip(), ids.see(l.account()), l.success()));
      } else if (f instanceof Fact.Request r) {
        request(r);
      }
    }
    return this;
  }

  private void request(Fact.Request r) {
    String stem = r.stem().toLowerCase(Locale.ROOT);
    if (r.protocol().equals("iis")) {
      String formsKey = r.ip() + "\t" + r.userAgent();
      Outcome pending = pendingForms.remove(formsKey);
      if (pending != null && !r.time().isAfter(pending.time().plus(config.owaFollowUp()))) {
        if (stem.endsWith("/owa/auth/logon.aspx") && r.query().toLowerCase(Locale.ROOT)
            .contains("reason=2")) {
          outcome(pending);
        } else if (stem.startsWith("/owa/") && r.account() != null) {
          outcome(new Outcome(pending.time(), pending.ref(), pending.ip(), ids.see(r.account()),
              true));
        }
      }
      if (r.method().equalsIgnoreCase("POST") && stem.equals("/owa/auth.owa")
          && r.status() == 302) {
        // Failure until the follow-up says otherwise; without one, the outcome stays unknown.
        pendingForms.put(formsKey, new Outcome(r.time(), r.ref(), r.ip(), null, false));
      } else if (r.status() == 401 && r.account() != null) {
        String win32 = r.query().substring(r.query().lastIndexOf('|') + 1);
        if (win32.equals("1326") || win32.equals("2148074252")) {
          outcome(new Outcome(r.time(), r.ref(), r.ip(), ids.see(r.account()), false));
        }
      }
    } else if (stem.equals("/owa/auth.owa") && r.authType().equalsIgnoreCase("FBA")
        && r.authenticated() && r.account() != null) {
      outcome(new Outcome(r.time(), r.ref(), r.ip(), ids.see(r.account()), true));
    }
  }

  private void outcome(Outcome o) {
    if (!o.success()) {
      failure(o);
      return;
    }
    if (o.account() == null) {
      return;
    }
    Deque<Outcome> pair = failuresByPair.get(o.account() + "\t" + o.ip());
    Deque<Outcome> byIp = failuresByIp.get(o.ip());
    Outcome lastFailure = pair != null && !pair.isEmpty() ? pair.peekLast()
        : byIp != null && !byIp.isEmpty() ? byIp.peekLast() : null;
    if (lastFailure != null
        && !o.time().isAfter(lastFailure.time().plus(config.successAfterFailures()))) {
      Signal s = successAfterFailures.computeIfAbsent(o.account() + "\t" + o.ip(),
          k -> new Signal(Kind.SUCCESS_AFTER_FAILURES, o.ip(), o.account(), o.time()));
      s.accounts.add(o.account());
      s.add(lastFailure.ref());
      s.add(o.ref());
    }
  }

  private void failure(Outcome o) {
    Deque<Outcome> byIp = failuresByIp.computeIfAbsent(o.ip(), k -> new ArrayDeque<>());
    byIp.addLast(o);
    trim(byIp, o.time(), longest());
    if (o.account() != null) {
      Set<String> distinct = new TreeSet<>();
      Instant from = o.time().minus(config.sprayWindow());
      for (Outcome f : byIp) {
        if (!f.time().isBefore(from) && f.account() != null) {
          distinct.add(f.account());
        }
      }
      if (distinct.size() >= config.sprayAccounts()) {
        Signal s = spray.computeIfAbsent(o.ip(), k -> new Signal(Kind.SPRAY, o.ip(), null,
            o.time()));
        s.accounts.addAll(distinct);
        for (Outcome f : byIp) {
          if (!f.time().isBefore(from)) {
            s.add(f.ref());
          }
        }
      }
      String pairKey = o.account() + "\t" + o.ip();
      Deque<Outcome> pair = failuresByPair.computeIfAbsent(pairKey, k -> new ArrayDeque<>());
      pair.addLast(o);
      trim(pair, o.time(), longest());
      long recent = pair.stream()
          .filter(f -> !f.time().isBefore(o.time().minus(config.bruteWindow()))).count();
      if (recent >= config.bruteFailures()) {
        Signal s = brute.computeIfAbsent(pairKey, k -> new Signal(Kind.BRUTE_FORCE, o.ip(),
            o.account(), o.time()));
        s.accounts.add(o.account());
        s.add(o.ref());
      }
    }
  }

  private Duration longest() {
    Duration d = config.sprayWindow();
    d = d.compareTo(config.bruteWindow()) < 0 ? config.bruteWindow() : d;
    return d.compareTo(config.successAfterFailures()) < 0 ? config.successAfterFailures() : d;
  }

  /** Keeps a window's failures bounded: older ones can no longer count. */
  private static void trim(Deque<Outcome> window, Instant now, Duration keep) {
    Instant from = now.minus(keep);
    while (!window.isEmpty() && window.peekFirst().time().isBefore(from)) {
      window.removeFirst();
    }
    while (window.size() > 10_000) {
      window.removeFirst();
    }
  }

  /** Addresses that sprayed or brute-forced: attacker infrastructure by behaviour alone. */
  Set<String> attackingIps() {
    Set<String> ips = new TreeSet<>(spray.keySet());
    for (Signal s : brute.values()) {
      ips.add(s.ip);
    }
    return ips;
  }
}
