package io.tidemark.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a scenario's attacker leaves, planned before the background is generated: the log
 * lines (each tagged with its truth step), the web shells to write, and the ground truth. Hour
 * tasks merge the lines of their hour into the background in time order.
 */
final class AttackPlan implements LineSink {
  private final List<List<Planned>> lines = new ArrayList<>();
  private final List<StepDraft> steps = new ArrayList<>();
  private final List<Long> stepFirst = new ArrayList<>();
  private final Set<String> attackerIps = new LinkedHashSet<>();
  private final List<LabTruth.Account> accounts = new ArrayList<>();
  private final List<LabTruth.MailboxAccess> mailboxes = new ArrayList<>();
  private final List<ShellFile> shells = new ArrayList<>();
  private final long windowStart;
  private final long windowEnd;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private boolean frozen;

  AttackPlan(long windowStart, long windowEnd) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    for (int i = 0; i < Sink.values().length; i++) {
      lines.add(new ArrayList<>());
    }
  }

  /** Opens a truth step; returns the tag its lines carry. Its time becomes its first line's. */
  int step(String name, long ms, String description) {
    steps.add(new StepDraft(name, ms, description, new TreeSet<>()));
    stepFirst.add(Long.MAX_VALUE);
    return steps.size() - 1;
  }

  @Override
  public void line(Sink sink, long ms, String text, int tag) {
    if (frozen) {
      throw new IllegalStateException("the attack plan is already frozen");
    }
    if (ms < windowStart || ms >= windowEnd) {
      throw new IllegalStateException(
          "attack line at " + Text.iso(ms) + " falls outside the window for " + sink);
    }
    lines.get(sink.ordinal()).add(new Planned(ms, text, tag));
    if (tag != NO_TAG) {
      first = Math.min(first, ms);
      last = Math.max(last, ms);
      stepFirst.set(tag, Math.min(stepFirst.get(tag), ms));
    }
  }

  /**
   * An attacker action kept outside the hourly logs, in an export the scenario writes itself (a
   * cloud audit log): it sets the step's time and the attacker's first and last activity as a
   * line does, and its file joins the step's evidence.
   */
  void exported(int tag, long ms, String file) {
    if (frozen) {
      throw new IllegalStateException("the attack plan is already frozen");
    }
    if (ms < windowStart || ms >= windowEnd) {
      throw new IllegalStateException(
          "attack record at " + Text.iso(ms) + " falls outside the window for " + file);
    }
    first = Math.min(first, ms);
    last = Math.max(last, ms);
    stepFirst.set(tag, Math.min(stepFirst.get(tag), ms));
    steps.get(tag).files().add(file);
  }

  void attackerIp(String ip) {
    attackerIps.add(ip);
  }

  void account(Person person) {
    accounts.add(new LabTruth.Account(person.domainUser(), person.upn()));
  }

  void mailbox(Person person, String scope, long firstMs, long lastMs) {
    mailboxes.add(new LabTruth.MailboxAccess(person.upn(), scope, Instant.ofEpochMilli(firstMs),
        Instant.ofEpochMilli(lastMs)));
  }

  /** A web shell written to disk at {@code ms}; the file joins the step's evidence. */
  void webShell(String path, String url, long ms, byte[] content, int tag) {
    shells.add(new ShellFile(path, url, ms, content));
    steps.get(tag).files().add(path);
  }

  List<ShellFile> shells() {
    return shells;
  }

  /** Sorts the lines by time; no more lines may be added. */
  void freeze() {
    for (List<Planned> list : lines) {
      list.sort(Comparator.comparingLong(Planned::ms));
    }
    frozen = true;
  }

  /** Hands the lines in [from, to) to an hour's writer. */
  void feed(long from, long to, LineSink out) {
    for (Sink sink : Sink.values()) {
      List<Planned> list = lines.get(sink.ordinal());
      int i = lowerBound(list, from);
      for (; i < list.size() && list.get(i).ms() < to; i++) {
        Planned p = list.get(i);
        out.line(sink, p.ms(), p.text(), p.tag());
      }
    }
  }

  private static int lowerBound(List<Planned> list, long ms) {
    int low = 0;
    int high = list.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (list.get(mid).ms() < ms) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The ground truth, with each step's files as the writers reported them. */
  LabTruth truth(LabRun run, Map<Integer, ? extends Set<String>> tagFiles) {
    List<LabTruth.Step> truthSteps = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      StepDraft draft = steps.get(i);
      TreeSet<String> files = new TreeSet<>(draft.files());
      Set<String> written = tagFiles.get(i);
      if (written != null) {
        files.addAll(written);
      }
      long when = stepFirst.get(i) == Long.MAX_VALUE ? draft.ms() : stepFirst.get(i);
      truthSteps.add(new LabTruth.Step(Instant.ofEpochMilli(when), draft.name(),
          draft.description(), List.copyOf(files)));
    }
    truthSteps.sort(Comparator.comparing(LabTruth.Step::time));
    List<LabTruth.WebShell> webShells = new ArrayList<>();
    for (ShellFile shell : shells) {
      webShells.add(new LabTruth.WebShell(shell.path(), shell.url(),
          Instant.ofEpochMilli(shell.ms())));
    }
    LabSpec spec = run.spec();
    return new LabTruth(LabTruth.SCHEMA, spec.seed(), spec.scenario().id(), run.org().host,
        Org.DOMAIN, run.org().users.size(), Instant.ofEpochMilli(windowStart),
        Instant.ofEpochMilli(windowEnd), spec.scenario().expectedVerdict(),
        List.copyOf(attackerIps), accounts, mailboxes, webShells, truthSteps,
        first == Long.MAX_VALUE ? null : Instant.ofEpochMilli(first),
        last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last));
  }

  private record Planned(long ms, String text, int tag) {}

  private record StepDraft(String name, long ms, String description, TreeSet<String> files) {}

  /** A web shell to write: path relative to the output folder, and its bytes. */
  record ShellFile(String path, String url, long ms, byte[] content) {}
}
