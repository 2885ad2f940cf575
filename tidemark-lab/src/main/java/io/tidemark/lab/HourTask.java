package io.tidemark.lab;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Generates one hour of background traffic, merges the attack lines of that hour, and writes it
 * all. The hour's activities are first drawn as a compact schedule (time, user, kind packed in a
 * long) and then rendered in time order, so output never waits on more than a minute of lines.
 */
final class HourTask implements Callable<HourResult> {
  // Natural bursts per eligible user per busy hour at rate 1.
  private static final double OUTLOOK = 0.5;
  private static final double OWA = 0.25;
  private static final double MOBILE = 0.35;
  private static final double MAC = 0.8;
  private static final double AUTODISCOVER = 0.06;
  private static final double OAB_DOWNLOAD = 0.04;
  private static final double MAIL_SEND = 0.15;
  private static final double MAIL_RECEIVE = 0.25;
  private static final double TYPO = 0.004;
  private static final double OUTLOOK_ANYWHERE = 0.3;

  private static final int K_OUTLOOK = 0;
  private static final int K_OWA = 1;
  private static final int K_MOBILE = 2;
  private static final int K_MAC = 3;
  private static final int K_AUTODISCOVER = 4;
  private static final int K_OAB_DOWNLOAD = 5;
  private static final int K_MAIL_SEND = 6;
  private static final int K_MAIL_RECEIVE = 7;
  private static final int K_TYPO = 8;
  private static final int K_PROBE = 9;
  private static final int K_TOPOLOGY = 10;
  private static final int K_SYSMON = 11;
  private static final int K_ADMIN_CONSOLE = 12;
  private static final int K_ADMIN_SHELL = 13;
  private static final int K_OAB_GENERATION = 14;
  private static final int K_UPTIME = 15;
  private static final int K_IIS_RESTART = 16;
  private static final int K_OAB_URL_UPDATE = 17;
  private static final int K_SERVICE = 18;
  private static final int K_OUTLOOK_ANYWHERE = 19;

  private final LabRun run;
  private final int hour;

  HourTask(LabRun run, int hour) {
    this.run = run;
    this.hour = hour;
  }

  @Override
  public HourResult call() throws IOException {
    long start = run.windowStart() + hour * LabRun.HOUR_MS;
    long end = start + LabRun.HOUR_MS;
    Org org = run.org();
    Rand rand = new Rand(run.spec().seed(), "hour", hour);
    try (HourWriter writer = new HourWriter(run, hour, start)) {
      run.plan().feed(start, end, writer);
      WebLog web = new WebLog(org, rand);
      WindowsEvents win = new WindowsEvents(org, rand);
      ExchangeLogs logs = new ExchangeLogs(org, rand);
      MailFlow flow = new MailFlow(org, rand, 1_000_000L * (hour + 1));
      ClientTraffic clients = new ClientTraffic(org, rand, web, win, writer, end - 1);
      ServerRoutine routine = new ServerRoutine(org, rand, web, win, logs, writer, end - 1);
      MailTraffic mail = new MailTraffic(org, rand, flow, writer);
      // Outlook Anywhere draws from a stream of its own and never moves a flush, so the lines
      // of every other activity are the same with it as without it.
      Rand anywhereRand = new Rand(run.spec().seed(), "outlook-anywhere", hour);
      OutlookAnywhere anywhere = new OutlookAnywhere(org, anywhereRand, writer, end - 1);
      long[] schedule = schedule(rand, anywhereRand, start);
      long flushed = start;
      for (long entry : schedule) {
        long t = start + (entry >>> 32);
        int user = (int) ((entry >>> 5) & 0x7FFFFFF);
        int kind = (int) (entry & 31);
        if (kind == K_OUTLOOK_ANYWHERE) {
          Person p = org.user(user);
          anywhere.session(t, p, p, p.officeIp(), "NTLM", LineSink.NO_TAG);
          continue;
        }
        if (t - flushed >= 60_000) {
          writer.flushBefore(t);
          flushed = t;
        }
        dispatch(kind, user, t, clients, routine, mail, logs);
      }
      return writer.finish();
    }
  }

  private void dispatch(int kind, int user, long t, ClientTraffic clients, ServerRoutine routine,
      MailTraffic mail, ExchangeLogs logs) {
    Org org = run.org();
    switch (kind) {
      case K_OUTLOOK -> clients.outlook(t, org.user(user));
      case K_OWA -> clients.owa(t, org.user(user), logs);
      case K_MOBILE -> clients.mobile(t, org.user(user));
      case K_MAC -> clients.mac(t, org.user(user));
      case K_AUTODISCOVER -> clients.autodiscover(t, org.user(user));
      case K_OAB_DOWNLOAD -> clients.offlineAddressBook(t, org.user(user));
      case K_MAIL_SEND -> mail.send(t, org.user(user));
      case K_MAIL_RECEIVE -> mail.receive(t, org.user(user));
      case K_TYPO -> clients.mistypedPassword(t, org.user(user));
      case K_PROBE -> routine.probe(t, user);
      case K_TOPOLOGY -> routine.topologyEvent(t);
      case K_SYSMON -> routine.sysmonRoutine(t);
      case K_ADMIN_CONSOLE -> routine.adminConsole(t, org.admins.get(user));
      case K_ADMIN_SHELL -> routine.adminShell(t, org.admins.get(user));
      case K_OAB_GENERATION -> routine.oabGeneration(t, hour == run.oabFailureHour);
      case K_UPTIME -> routine.uptime(t, run.bootMs);
      case K_IIS_RESTART -> routine.iisRestart(t);
      case K_OAB_URL_UPDATE -> routine.oabUrlUpdate(t, org.admins.get(user));
      case K_SERVICE -> routine.serviceChange(t);
      default -> throw new IllegalStateException("unknown activity kind " + kind);
    }
  }

  /** Draws the hour's activities, sorted by start time. */
  private long[] schedule(Rand rand, Rand anywhereRand, long start) {
    Schedule s = new Schedule();
    double busy = Volume.intensity(start);
    double f = busy * run.volume().rate();
    int allUsers = run.org().users.size();
    s.users(rand, run.outlookUsers, OUTLOOK * f, K_OUTLOOK);
    s.users(rand, run.owaUsers, OWA * f, K_OWA);
    s.users(rand, run.mobileUsers, MOBILE * Math.max(f, 0.15 * run.volume().rate()), K_MOBILE);
    s.users(rand, run.macUsers, MAC * f, K_MAC);
    s.users(rand, run.outlookUsers, AUTODISCOVER * f, K_AUTODISCOVER);
    s.users(rand, run.mobileUsers, AUTODISCOVER * f, K_AUTODISCOVER);
    s.users(rand, run.outlookUsers, OAB_DOWNLOAD * f, K_OAB_DOWNLOAD);
    s.count(rand, allUsers, MAIL_SEND * f, K_MAIL_SEND);
    s.count(rand, allUsers, MAIL_RECEIVE * f, K_MAIL_RECEIVE);
    s.users(rand, run.owaUsers, TYPO * busy, K_TYPO);
    if (run.typoHours.contains(hour)) {
      s.add(rand.nextInt(3_300_000), rand.nextInt(allUsers), K_TYPO);
    }
    serverActivities(s, rand, busy);
    s.users(anywhereRand, run.outlookAnywhereUsers, OUTLOOK_ANYWHERE * f, K_OUTLOOK_ANYWHERE);
    return s.sorted();
  }

  private void serverActivities(Schedule s, Rand rand, double busy) {
    int hourOfDay = hour % 24;
    for (int i = 0; i < 4; i++) {
      s.add(i * 900_000L + rand.nextInt(60_000), hour * 4 + i, K_PROBE);
    }
    s.add(300_000L + rand.nextInt(5_000), 0, K_TOPOLOGY);
    s.add(2_100_000L + rand.nextInt(5_000), 0, K_TOPOLOGY);
    for (int i = rand.between(2, 4); i > 0; i--) {
      s.add(rand.nextInt(3_540_000), 0, K_SYSMON);
    }
    for (int i = rand.poisson(1.2); i > 0; i--) {
      s.add(rand.nextInt(3_540_000), 0, K_SERVICE);
    }
    if (run.adminHours.contains(hour)) {
      s.add(rand.nextInt(3_300_000), rand.nextInt(2), K_ADMIN_CONSOLE);
    }
    for (int i = rand.poisson(0.3 * busy); i > 0; i--) {
      s.add(rand.nextInt(3_300_000), rand.nextInt(2), K_ADMIN_CONSOLE);
    }
    for (int i = rand.poisson(0.25 * busy); i > 0; i--) {
      s.add(rand.nextInt(3_300_000), rand.nextInt(2), K_ADMIN_SHELL);
    }
    if (hourOfDay == 2 || hourOfDay == 10 || hourOfDay == 18) {
      s.add(rand.nextInt(600_000), 0, K_OAB_GENERATION);
    }
    if (hourOfDay == 12) {
      s.add(rand.nextInt(1000), 0, K_UPTIME);
    }
    if (hour == run.iisRestartHour) {
      s.add(rand.between(600_000, 3_000_000), 0, K_IIS_RESTART);
    }
    if (hour == run.oabUpdateHour) {
      s.add(rand.between(300_000, 3_000_000), rand.nextInt(2), K_OAB_URL_UPDATE);
    }
  }

  /** The packed activity list: offset in the hour (high 32 bits), user (27 bits), kind (5). */
  private static final class Schedule {
    private long[] entries = new long[256];
    private int size;

    void add(long offset, int user, int kind) {
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, size * 2);
      }
      entries[size++] = (offset << 32) | ((long) user << 5) | kind;
    }

    /** Poisson-many bursts spread uniformly over eligible users. */
    void users(Rand rand, List<Integer> eligible, double perUser, int kind) {
      if (eligible.isEmpty()) {
        return;
      }
      for (int n = rand.poisson(perUser * eligible.size()); n > 0; n--) {
        add(rand.nextInt(3_580_000), eligible.get(rand.nextInt(eligible.size())), kind);
      }
    }

    void count(Rand rand, int users, double perUser, int kind) {
      for (int n = rand.poisson(perUser * users); n > 0; n--) {
        add(rand.nextInt(3_580_000), rand.nextInt(users), kind);
      }
    }

    long[] sorted() {
      long[] result = Arrays.copyOf(entries, size);
      Arrays.sort(result);
      return result;
    }
  }
}
