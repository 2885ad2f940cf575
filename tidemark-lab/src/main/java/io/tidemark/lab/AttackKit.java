package io.tidemark.lab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every attack script needs: the organisation, a random stream of its own, the renderers,
 * and helpers for the shapes attacks share (attacker addresses, web-shell commands, cmdlets).
 * Lines go to the {@link AttackPlan}, never straight to files.
 */
final class AttackKit {
  static final String SYSTEM_SID = "S-1-5-18";
  static final String MRS = Org.V15 + "Bin\\MSExchangeMailboxReplication.exe";

  final Org org;
  final Rand rand;
  final AttackPlan plan;
  final WebLog web;
  final WindowsEvents win;
  final ExchangeLogs logs;
  final MailFlow mail;
  final long windowStart;
  final long windowEnd;
  /** The lab's seed, for steps that draw from a random stream of their own. */
  final long seed;
  final Request r = new Request();
  private final Set<String> usedIps = new HashSet<>();

  AttackKit(LabRun run) {
    this.org = run.org();
    this.rand = new Rand(run.spec().seed(), "attack", run.spec().scenario().ordinal());
    this.plan = run.plan();
    this.web = new WebLog(org, rand);
    this.win = new WindowsEvents(org, rand);
    this.logs = new ExchangeLogs(org, rand);
    this.mail = new MailFlow(org, rand, 900_000_000L);
    this.windowStart = run.windowStart();
    this.windowEnd = run.windowEnd();
    this.seed = run.spec().seed();
  }

  /** A start time leaving at least {@code hoursNeeded} before the window ends. */
  long startTime(double hoursNeeded) {
    long span = windowEnd - windowStart;
    long earliest = windowStart + (long) (span * 0.3);
    long latest = windowEnd - (long) (hoursNeeded * 3_600_000L);
    if (latest <= earliest) {
      latest = earliest + 60_000;
    }
    return rand.betweenLong(earliest, latest);
  }

  /** A new attacker address from TEST-NET-2 or TEST-NET-3, recorded in the truth. */
  String attackerIp() {
    String ip;
    do {
      ip = (rand.chance(0.5) ? "198.51.100." : "203.0.113.") + rand.between(2, 254);
    } while (!usedIps.add(ip));
    plan.attackerIp(ip);
    return ip;
  }

  /** Resets the shared request for an attacker request at {@code t}. */
  Request request(long t, String method, String stem, String ip, String ua, int tag) {
    r.reset();
    r.timeTaken = rand.skewed(40, 0.8);
    r.time = t;
    r.method = method;
    r.stem = stem;
    r.clientIp = ip;
    r.userAgent = ua;
    r.tag = tag;
    return r;
  }

  void emit() {
    web.emit(r, plan);
  }

  /** The IIS worker of an application pool, as Sysmon names it. */
  Proc worker(String appPool) {
    String config = appPool.startsWith("MSExchange")
        ? " -c \"" + Org.V15 + "bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config\"" : "";
    return Proc.start(rand, WindowsEvents.W3WP, "c:\\windows\\system32\\inetsrv\\w3wp.exe -ap \""
        + appPool + "\" -v \"v4.0\"" + config + " -a \\\\.\\pipe\\iisipm" + rand.guid()
        + " -h \"C:\\inetpub\\temp\\apppools\\" + appPool + "\\" + appPool
        + ".config\" -w \"\" -m 0",
        WindowsEvents.SYSTEM_USER, "c:\\windows\\system32\\inetsrv\\");
  }

  /** Runs a command line under {@code parent} and logs its Sysmon process creation. */
  Proc run(long t, Proc parent, String image, String commandLine, int tag) {
    Proc child = Proc.start(rand, image, commandLine, WindowsEvents.SYSTEM_USER,
        parent.currentDirectory());
    plan.line(Sink.EVT_SYSMON, t, win.processCreate(t, child, parent), tag);
    return child;
  }

  void fileCreate(long t, Proc process, String target, int tag) {
    plan.line(Sink.EVT_SYSMON, t, win.fileCreate(t, process, target), tag);
  }

  void fileDelete(long t, Proc process, String target, int tag) {
    plan.line(Sink.EVT_SYSMON, t, win.fileDelete(t, process, target), tag);
  }

  /** A cmdlet in the MSExchange Management log. */
  void cmdletEvent(long t, String cmdlet, String parameters, String callerPath, String callerSid,
      String host, String process, int tag) {
    plan.line(Sink.EVT_MANAGEMENT, t, win.cmdlet(t, true, cmdlet, parameters, callerPath,
        callerSid, host, process), tag);
  }

  /** A Windows path on the server as a path under the output folder. */
  String relative(String windowsPath) {
    return org.host + "/" + windowsPath.substring(3).replace('\\', '/');
  }

  /** A path under the Exchange install, e.g. {@code FrontEnd\HttpProxy\owa\auth\x.aspx}. */
  static String exchangePath(String tail) {
    return Org.V15 + tail;
  }

  /**
   * A China Chopper one-liner wrapped so it can never run: the unknown page language makes
   * ASP.NET refuse to compile the file, while scanners still see the usual markers.
   */
  static String inertChopper(String password) {
    return "<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\""
        + password + "\"],\"unsafe\");}</script>";
  }

  static byte[] inertMarker() {
    return ("\r\n<%-- Tidemark lab evidence: synthetic and inert; the page language below is "
        + "unknown to ASP.NET --%>\r\n<%@ Page Language=\"TidemarkLabInert\" %>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A lower-case file name as attackers pick them: from HAFNIUM's list or random letters. */
  String shellName() {
    return rand.chance(0.5)
        ? rand.pick("errorEE", "help", "document", "web", "healthcheck", "aspnet_iisstart",
            "shellex", "RedirSuiteServerProxy", "OutlookEN", "discover", "supp0rt")
        : rand.letters(rand.between(6, 9)).toUpperCase(Locale.ROOT).substring(0, 1)
            + rand.letters(rand.between(6, 9));
  }

  /** A few distinct victims: executives first, then finance-looking users. */
  List<Person> victims(int count) {
    List<Person> result = new ArrayList<>();
    for (Person p : org.users) {
      if (p.kind() == Person.Kind.EXECUTIVE && result.size() < count) {
        result.add(p);
      }
    }
    while (result.size() < count) {
      Person p = org.user(rand.nextInt(org.users.size()));
      if (!result.contains(p)) {
        result.add(p);
      }
    }
    return result;
  }
}
