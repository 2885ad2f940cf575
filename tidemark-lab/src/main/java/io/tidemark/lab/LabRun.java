package io.tidemark.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generation run's fixed facts: the spec, the organisation, the window, where files go, the
 * attack plan, and the few one-off background events (IIS restart, OAB URL change).
 */
final class LabRun {
  static final long HOUR_MS = 3_600_000L;

  private final LabSpec spec;
  private final Org org;
  private final Volume volume;
  private final long windowStart;
  private final long windowEnd;
  private final Path root;
  private final Path parts;
  private final AttackPlan plan;
  final int iisRestartHour;
  final int oabUpdateHour;
  final int oabFailureHour;
  final long bootMs;
  /** Hours (index in the window) with a guaranteed mistyped-password logon. */
  final Set<Integer> typoHours = new TreeSet<>();
  /** Hours with a guaranteed ECP session by an administrator, so every day has an ECP log. */
  final Set<Integer> adminHours = new TreeSet<>();
  final List<Integer> outlookUsers = new ArrayList<>();
  final List<Integer> owaUsers = new ArrayList<>();
  final List<Integer> mobileUsers = new ArrayList<>();
  final List<Integer> macUsers = new ArrayList<>();
  /**
   * Outlook users whose Outlook still connects over Outlook Anywhere (RPC over HTTP), about one
   * in eight; picked by a hash, not the run's random stream, so the rest of the lab stays as it
   * was before they existed.
   */
  final List<Integer> outlookAnywhereUsers = new ArrayList<>();

  /** Exchange rolls a protocol log when it reaches this many characters. */
  final long rollChars;

  LabRun(LabSpec spec, Path root, long rollChars) {
    this.spec = spec;
    this.rollChars = rollChars;
    this.windowStart = spec.start().toEpochDay() * 86_400_000L;
    this.windowEnd = windowStart + spec.days() * 86_400_000L;
    this.volume = Volume.plan(spec, windowStart);
    this.org = Org.create(spec, volume.users());
    this.root = root;
    this.parts = root.resolve(".tidemark-lab-parts");
    this.plan = new AttackPlan(windowStart, windowEnd);
    Rand rand = new Rand(spec.seed(), "run", 0);
    int days = spec.days();
    iisRestartHour = rand.nextInt(days) * 24 + rand.between(1, 4);
    oabUpdateHour = rand.nextInt(days) * 24 + rand.between(9, 15);
    oabFailureHour = rand.nextInt(days) * 24 + rand.pick(List.of(2, 10, 18));
    bootMs = windowStart - rand.betweenLong(3, 40) * 86_400_000L;
    for (int day = 0; day < days; day++) {
      for (int i = rand.between(1, 3); i > 0; i--) {
        typoHours.add(day * 24 + rand.between(8, 17));
      }
      adminHours.add(day * 24 + rand.between(8, 16));
    }
    for (Person p : org.users) {
      Person.Clients c = p.clients();
      addIf(c.outlook(), outlookUsers, p);
      addIf(c.owa(), owaUsers, p);
      addIf(c.mobile(), mobileUsers, p);
      addIf(c.mac(), macUsers, p);
      addIf(c.outlook() && Math.floorMod(Rand.mix(spec.seed() * 1_000_003L + p.index()), 8) == 0,
          outlookAnywhereUsers, p);
    }
  }

  private static void addIf(boolean condition, List<Integer> list, Person p) {
    if (condition) {
      list.add(p.index());
    }
  }

  LabSpec spec() {
    return spec;
  }

  Org org() {
    return org;
  }

  Volume volume() {
    return volume;
  }

  long windowStart() {
    return windowStart;
  }

  long windowEnd() {
    return windowEnd;
  }

  int hours() {
    return spec.days() * 24;
  }

  Path root() {
    return root;
  }

  Path partsDir() {
    return parts;
  }

  AttackPlan plan() {
    return plan;
  }

  Path partFile(Sink sink, int hour) {
    return parts.resolve(sink.name() + "-" + hour + ".part");
  }
}
