package io.tidemark.lab;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the server does by itself and what its administrators do: Managed Availability probes,
 * OAB generation, ECP and remote PowerShell administration (including a legitimate {@code
 * Set-OabVirtualDirectory -ExternalUrl https://mail.corp.local/OAB}), routine Windows events and
 * one IIS restart.
 */
final class ServerRoutine {
  private static final String PROBE_UA = "AMProbe/Local/ClientAccess";
  private static final String[] ADMIN_GETS = {
    "Get-Mailbox", "Get-MailboxStatistics", "Get-MailboxDatabaseCopyStatus", "Get-Queue",
    "Get-ExchangeServer", "Get-MessageTrackingLog", "Test-ServiceHealth", "Get-Recipient"
  };
  private static final Protocol[] PROBED = Protocol.values();

  private final Org org;
  private final Rand rand;
  private final WebLog web;
  private final WindowsEvents win;
  private final ExchangeLogs logs;
  private final LineSink out;
  private final long cap;
  private final Request r = new Request();

  ServerRoutine(Org org, Rand rand, WebLog web, WindowsEvents win, ExchangeLogs logs,
      LineSink out, long cap) {
    this.org = org;
    this.rand = rand;
    this.web = web;
    this.win = win;
    this.logs = logs;
    this.out = out;
    this.cap = cap;
  }

  /** One Managed Availability round: two protocols probed by a health mailbox, one back end. */
  void probe(long start, int round) {
    Person health = org.healthMailboxes.get(round % org.healthMailboxes.size());
    long t = start;
    for (int i = 0; i < 2; i++) {
      Protocol protocol = PROBED[(round * 2 + i) % PROBED.length];
      t = probe(t + rand.between(50, 2000), health, protocol);
    }
    base(t + rand.between(100, 3000), "GET", "/owa/exhealth.check", org.serverIp,
        "Exchange BackEnd Probes");
    r.frontEnd = false;
    r.backEnd = true;
    r.backEndStem = "/owa/exhealth.check";
    web.emit(r, out);
  }

  private long probe(long t, Person health, Protocol protocol) {
    String stem = switch (protocol) {
      case OWA -> "/owa/";
      case EWS -> "/ews/";
      case EAS -> "/Microsoft-Server-ActiveSync/default.eas";
      case MAPI -> "/mapi/emsmdb/";
      case AUTODISCOVER -> "/autodiscover/autodiscover.xml";
      case ECP -> "/ecp/";
      case POWERSHELL -> "/powershell";
      case OAB -> "/OAB/" + org.oabGuid + "/oab.xml";
      case RPCHTTP -> "/rpc/rpcproxy.dll";
    };
    String method = protocol == Protocol.RPCHTTP ? "RPC_IN_DATA"
        : protocol == Protocol.EAS || protocol == Protocol.MAPI || protocol == Protocol.POWERSHELL
            || protocol == Protocol.AUTODISCOVER ? "POST" : "GET";
    String ua = protocol == Protocol.POWERSHELL ? "Microsoft WinRM Client"
        : protocol == Protocol.MAPI ? "MapiHttpClient" : PROBE_UA;
    base(t, method, stem, "127.0.0.1", ua).proxied(protocol).user(health, health.domainUser(),
        protocol == Protocol.EAS ? "Basic" : "Negotiate");
    r.anchorMailbox = "Sid~" + health.sid();
    r.routingHint = "WindowsIdentity";
    switch (protocol) {
      case EAS -> r.query = "Cmd=FolderSync&User=" + health.sam() + "&DeviceId=EASProbeDeviceId"
          + "&DeviceType=EASProbeDeviceType";
      case MAPI -> {
        r.query = "mailboxId=" + health.mailboxGuid() + "@" + Org.DOMAIN;
        r.anchorMailbox = "MailboxGuid~" + health.mailboxGuid();
        r.routingHint = "MailboxGuidWithDomain";
      }
      case POWERSHELL -> powerShellProbe(health);
      case RPCHTTP -> r.query = org.fqdn + ":6001";
      default -> { }
    }
    r.responseBytes = rand.skewed(700, 0.5);
    web.emit(r, out);
    return r.time;
  }

  private void powerShellProbe(Person health) {
    r.query = "clientApplication=ActiveMonitor;PSVersion=5.1.14393.4046";
    r.protocolAction = "Get-Mailbox:Command";
    r.anchorMailbox = "ServerVersion~Version 15.1 (Build " + org.build.build() + ".0)";
    r.routingHint = "ExchClientVer-ServerCookie";
    out.line(Sink.RPS_CMDLET, r.time + 1,
        logs.rpsCmdlet(r.time + 1, health, "Get-Mailbox", "-Identity \"" + health.sam() + "\"",
            "ActiveMonitor", true), LineSink.NO_TAG);
  }

  /** An OAB generation cycle; once a window with a benign failed download in the OAB folder. */
  void oabGeneration(long start, boolean failedTempDownload) {
    long t = start;
    String folder = Org.V15 + "ClientAccess\\OAB\\" + org.oabGuid;
    t = oab(t, "Information", "Beginning OAB generation for '" + ExchangeLogs.OAB_NAME + "'.");
    t = oab(t + rand.between(2000, 9000), "Information", "OABGenerator processed "
        + (org.users.size() + 6) + " address list entries for '" + ExchangeLogs.OAB_NAME + "'.");
    if (failedTempDownload) {
      String temp = Org.V15 + "ClientAccess\\OAB\\Temp\\" + rand.guid() + "\\" + rand.guid()
          + "-data-1.lzx";
      t = oab(t + rand.between(500, 3000), "Warning",
          "Download failed and temporary file '" + temp + "' needs to be removed");
    }
    t = oab(t + rand.between(500, 4000), "Information", "Download completed for '" + folder
        + "\\oab.xml'.");
    oab(t + rand.between(300, 2000), "Information", "OAB generation for '"
        + ExchangeLogs.OAB_NAME + "' completed successfully. Files written to '" + folder + "'.");
  }

  private long oab(long t, String level, String message) {
    long at = Math.min(t, cap);
    out.line(Sink.OAB_GENERATOR, at, logs.oabLine(at, level, message), LineSink.NO_TAG);
    return at;
  }

  /** An administrator in ECP: the console, a few list and property calls, maybe a change. */
  void adminConsole(long start, Person admin) {
    String ua = Browsers.pick(rand);
    String canary = rand.alnum(43) + ".";
    long t = ecp(start, admin, ua, "GET", "/ecp/", "", null);
    t = ecp(t + rand.between(800, 5000), admin, ua, "POST", "/ecp/DDI/DDIService.svc/GetList",
        "schema=MailboxService&msExchEcpCanary=" + canary,
        "Get-Recipient.ResultSize='Unlimited'.RecipientTypeDetails='UserMailbox'");
    if (rand.chance(0.6)) {
      Person target = org.user(rand.nextInt(org.users.size()));
      ecp(t + rand.between(1000, 20_000), admin, ua, "POST",
          "/ecp/DDI/DDIService.svc/GetObject", "schema=MailboxPropertiesService&msExchEcpCanary="
              + canary, "Get-Mailbox.Identity='" + target.sam() + "'");
    }
  }

  /** The one legitimate OAB URL change an administrator makes through ECP. */
  void oabUrlUpdate(long start, Person admin) {
    String ua = Browsers.pick(rand);
    String canary = rand.alnum(43) + ".";
    long t = ecp(start, admin, ua, "GET", "/ecp/", "", null);
    String url = "https://" + Org.MAIL_HOST + "/OAB";
    t = ecp(t + rand.between(5000, 30_000), admin, ua, "POST",
        "/ecp/DDI/DDIService.svc/SetObject", "schema=OABVirtualDirectory&msExchEcpCanary=" + canary,
        "Set-OabVirtualDirectory.Identity='" + org.oabGuid + "'.ExternalUrl='" + url + "'");
    out.line(Sink.EVT_MANAGEMENT, t + 5, win.cmdlet(t + 5, true, "Set-OabVirtualDirectory",
        "-Identity \"" + org.oabVirtualDirectory + "\" -ExternalUrl \"" + url + "\"", admin,
        "Remote-ECP-Unknown", pid() + " w3wp#MSExchangeECPAppPool"), LineSink.NO_TAG);
  }

  private long ecp(long t, Person admin, String ua, String method, String stem, String query,
      @Nullable String cmd) {
    base(t, method, stem, admin.officeIp(), ua).proxied(Protocol.ECP)
        .user(admin, admin.domainUser(), "FBA");
    r.query = query;
    r.anchorMailbox = "Sid~" + admin.sid();
    r.routingHint = "WindowsIdentity";
    r.responseBytes = rand.skewed(5000, 0.8);
    web.emit(r, out);
    if (cmd != null) {
      out.line(Sink.ECP_SERVER, r.time, logs.ecpRequest(r.time, cmd, stem + "?" + query),
          LineSink.NO_TAG);
    }
    return r.time;
  }

  /** An administrator's Exchange Management Shell session over remote PowerShell. */
  void adminShell(long start, Person admin) {
    long t = start;
    int commands = rand.between(1, 4);
    for (int i = 0; i < commands; i++) {
      String cmdlet = ADMIN_GETS[rand.nextInt(ADMIN_GETS.length)];
      String parameters = cmdlet.equals("Get-MessageTrackingLog")
          ? "-Sender \"" + org.user(rand.nextInt(org.users.size())).upn() + "\" -ResultSize \"100\""
          : cmdlet.equals("Get-Mailbox") ? "-ResultSize \"Unlimited\"" : "";
      if (rand.chance(0.1)) {
        cmdlet = "Set-Mailbox";
        parameters = "-Identity \"" + org.user(rand.nextInt(org.users.size())).sam()
            + "\" -ProhibitSendQuota \"9.5 GB\" -IssueWarningQuota \"9 GB\"";
      }
      base(t + rand.between(2000, 40_000), "POST", "/powershell", admin.officeIp(),
          "Microsoft WinRM Client").proxied(Protocol.POWERSHELL)
          .user(admin, admin.domainUser(), "Kerberos");
      r.query = "serializationLevel=Full;ExchClientVer=15.1." + org.build.build() + "."
          + org.build.revision() + ";clientApplication=ManagementShell;TargetServer=;"
          + "PSVersion=5.1.14393.4046";
      r.protocolAction = cmdlet + ":Command";
      r.anchorMailbox = "ServerVersion~Version 15.1 (Build " + org.build.build() + ".0)";
      r.routingHint = "ExchClientVer-ServerCookie";
      web.emit(r, out);
      t = r.time;
      out.line(Sink.RPS_CMDLET, t + 2, logs.rpsCmdlet(t + 2, admin, cmdlet, parameters,
          "ManagementShell", true), LineSink.NO_TAG);
      out.line(Sink.EVT_MANAGEMENT, t + 3, win.cmdlet(t + 3, true, cmdlet, parameters, admin,
          "Remote-ManagementShell-Unknown", pid() + " w3wp#MSExchangePowerShellAppPool"),
          LineSink.NO_TAG);
    }
  }

  /** MSExchange ADAccess topology discovery, every half hour in the Application log. */
  void topologyEvent(long start) {
    String text = "Process w3wp.exe (MSExchangeOWAAppPool) (PID=" + pid() + "). Exchange Active "
        + "Directory Provider has discovered the following servers with the following "
        + "characteristics: \n (Server name | Roles | Enabled | Reachability | Synchronized | "
        + "GC capable | PDC | SACL right | Critical Data | Netlogon | OS Version) \nIn-site:\n"
        + Org.DC + "." + Org.DOMAIN + "  CDG 1 7 7 1 0 1 1 7 1";
    out.line(Sink.EVT_APPLICATION, start, win.classic(start, "Application", "MSExchange ADAccess",
        2080, 16384, 4, 1, "0x80000000000000", List.of("w3wp.exe (MSExchangeOWAAppPool)",
            Integer.toString(pid()), text)), LineSink.NO_TAG);
  }

  /** Routine process and file activity Sysmon sees every hour. */
  void sysmonRoutine(long start) {
    Proc svchost = new Proc("C:\\Windows\\System32\\svchost.exe", 824,
        "9A1C5E4B-0001-0000-1D00-000000000A00",
        "C:\\Windows\\system32\\svchost.exe -k DcomLaunch", WindowsEvents.SYSTEM_USER,
        "C:\\Windows\\system32\\");
    long t = start + rand.between(100, 5000);
    switch (rand.nextInt(3)) {
      case 0 -> {
        Proc wmi = Proc.start(rand, "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe",
            "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding",
            "NT AUTHORITY\\NETWORK SERVICE", "C:\\Windows\\system32\\");
        out.line(Sink.EVT_SYSMON, t, win.processCreate(t, wmi, svchost), LineSink.NO_TAG);
      }
      case 1 -> {
        Proc host = new Proc(Org.V15 + "Bin\\MSExchangeHMHost.exe", 3120,
            "9A1C5E4B-0002-0000-2E00-000000000A00", "\"" + Org.V15 + "Bin\\MSExchangeHMHost.exe\"",
            WindowsEvents.SYSTEM_USER, "C:\\Windows\\system32\\");
        Proc worker = Proc.start(rand, Org.V15 + "Bin\\MSExchangeHMWorker.exe",
            "\"" + Org.V15 + "Bin\\MSExchangeHMWorker.exe\" -workerId:" + rand.between(1, 9),
            WindowsEvents.SYSTEM_USER, "C:\\Windows\\system32\\");
        out.line(Sink.EVT_SYSMON, t, win.processCreate(t, worker, host), LineSink.NO_TAG);
      }
      default -> {
        Proc diagnostics = new Proc(Org.V15 + "Bin\\Microsoft.Exchange.Diagnostics.Service.exe",
            2876, "9A1C5E4B-0003-0000-3F00-000000000A00",
            "\"" + Org.V15 + "Bin\\Microsoft.Exchange.Diagnostics.Service.exe\"",
            WindowsEvents.SYSTEM_USER, "C:\\Windows\\system32\\");
        String old = Org.V15 + "Logging\\Diagnostics\\DailyPerformanceLogs\\"
            + "ExchangeDiagnosticsDailyPerformanceLog_" + Text.yyyymmdd(t - 30L * 86_400_000L)
            .substring(2) + "-" + rand.between(10, 23) + ".blg";
        out.line(Sink.EVT_SYSMON, t, win.fileDelete(t, diagnostics, old), LineSink.NO_TAG);
      }
    }
  }

  /** A Windows service starting or stopping on its own schedule (System 7036). */
  void serviceChange(long start) {
    String service = rand.pick("Windows Modules Installer", "Background Intelligent Transfer "
        + "Service", "WinHTTP Web Proxy Auto-Discovery Service", "Windows Update",
        "Software Protection", "Microsoft Exchange Search Host Controller", "Device Setup Manager");
    out.line(Sink.EVT_SYSTEM, start, win.serviceState(start, service, "running"), LineSink.NO_TAG);
    long stop = start + rand.between(30_000, 600_000);
    if (stop < cap && !service.startsWith("Microsoft Exchange")) {
      out.line(Sink.EVT_SYSTEM, stop, win.serviceState(stop, service, "stopped"), LineSink.NO_TAG);
    }
  }

  /** EventLog 6013: the daily uptime record in the System log. */
  void uptime(long start, long bootMs) {
    long seconds = Math.max(60, (start - bootMs) / 1000);
    out.line(Sink.EVT_SYSTEM, start, win.classic(start, "System", "EventLog", 6013, 32768, 4, 0,
        "0x80000000000000", List.of(Long.toString(seconds), "60", "0 Coordinated Universal Time")),
        LineSink.NO_TAG);
  }

  /**
   * An iisreset: the web service stops and starts, both IIS logs begin a new header block, and
   * the first request makes w3wp compile ASP.NET pages with csc.exe (a benign w3wp child).
   */
  void iisRestart(long start) {
    String service = "World Wide Web Publishing Service";
    out.line(Sink.EVT_SYSTEM, start, win.serviceState(start, service, "stopped"), LineSink.NO_TAG);
    long up = start + rand.between(4000, 15_000);
    out.line(Sink.EVT_SYSTEM, up, win.serviceState(up, service, "running"), LineSink.NO_TAG);
    out.line(Sink.IIS_FRONT, up + 1, W3cLayout.header(up + 1), LineSink.NO_TAG);
    out.line(Sink.IIS_BACK, up + 1, W3cLayout.header(up + 1), LineSink.NO_TAG);
    Proc was = new Proc("C:\\Windows\\System32\\svchost.exe", 1336,
        "9A1C5E4B-0004-0000-4A00-000000000A00", "C:\\Windows\\system32\\svchost.exe -k iissvcs",
        WindowsEvents.SYSTEM_USER, "C:\\Windows\\system32\\");
    Proc w3wp = Proc.start(rand, WindowsEvents.W3WP, "c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "
        + "\"MSExchangeOWAAppPool\" -v \"v4.0\" -c \"" + Org.V15 + "bin\\"
        + "GenericAppPoolConfigWithGCServerEnabledFalse.config\" -a \\\\.\\pipe\\iisipm"
        + rand.guid() + " -h \"C:\\inetpub\\temp\\apppools\\MSExchangeOWAAppPool\\"
        + "MSExchangeOWAAppPool.config\" -w \"\" -m 0", WindowsEvents.SYSTEM_USER,
        "C:\\Windows\\system32\\");
    long t = up + rand.between(2000, 6000);
    out.line(Sink.EVT_SYSMON, t, win.processCreate(t, w3wp, was), LineSink.NO_TAG);
    String temp = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\"
        + "Temporary ASP.NET Files\\owa\\"
        + rand.hex(8) + "\\" + rand.hex(8) + "\\";
    Proc csc = Proc.start(rand, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe",
        "\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe\" /noconfig /fullpaths @\""
            + temp + rand.letters(8) + ".cmdline\"", WindowsEvents.SYSTEM_USER,
        "C:\\Windows\\system32\\inetsrv\\");
    t += rand.between(300, 2000);
    out.line(Sink.EVT_SYSMON, t, win.processCreate(t, csc, w3wp), LineSink.NO_TAG);
    t += rand.between(300, 2000);
    out.line(Sink.EVT_SYSMON, t, win.fileCreate(t, w3wp, temp + "App_Web_" + rand.letters(8)
        + ".dll"), LineSink.NO_TAG);
  }

  private Request base(long t, String method, String stem, String ip, String ua) {
    r.reset();
    r.timeTaken = rand.skewed(25, 0.7);
    r.time = Math.min(t + r.timeTaken, cap);
    r.method = method;
    r.stem = stem;
    r.clientIp = ip;
    r.userAgent = ua;
    return r;
  }

  private int pid() {
    return 5000 + Math.floorMod(org.databaseGuid.hashCode(), 3000) * 4 % 3000;
  }
}
