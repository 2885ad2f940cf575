package io.tidemark.lab;

import java.util.Locale;

/**
 * The organisation's users at work: Outlook over MAPI, OWA in a browser, phones over ActiveSync,
 * Outlook for Mac over EWS, Autodiscover and OAB downloads, the odd mistyped password. Each call
 * renders one short burst of requests starting at {@code start}; nothing is written before it.
 */
final class ClientTraffic {
  private static final String[] OWA_ACTIONS = {
    "FindConversation", "GetConversationItems", "GetConversationItems", "GetItem", "FindItem",
    "FindFolder", "GetCalendarView", "UpdateItem", "FindPeople", "GetAttachmentThumbnail"
  };
  private static final String[] MAC_ACTIONS = {
    "SyncFolderItems", "SyncFolderItems", "SyncFolderItems", "GetItem", "GetItem",
    "SyncFolderHierarchy", "GetFolder", "FindItem", "GetUserAvailability", "UpdateItem"
  };
  private static final String[] EAS_COMMANDS = {
    "Sync", "Sync", "Sync", "Ping", "Ping", "FolderSync", "GetItemEstimate", "ItemOperations"
  };

  private final Org org;
  private final Rand rand;
  private final WebLog web;
  private final WindowsEvents win;
  private final LineSink out;
  private final long cap;
  private final Request r = new Request();

  ClientTraffic(Org org, Rand rand, WebLog web, WindowsEvents win, LineSink out, long cap) {
    this.org = org;
    this.rand = rand;
    this.web = web;
    this.win = win;
    this.out = out;
    this.cap = cap;
  }

  /** Outlook for Windows: MAPI over HTTP, sometimes a new connection, free/busy over EWS. */
  void outlook(long start, Person p) {
    // Outlook for Windows runs on domain laptops: on the LAN, or from home over the VPN, which
    // NATs into the office range. Its Kerberos network logons (4624 type 3) therefore never come
    // from a public address; one that does is what SigmaHQ's external-SMB-logon rule looks for.
    // The draw is kept so every seed's other traffic stays as it was.
    p.clientIp(rand);
    String ip = p.officeIp();
    Person mailbox = p;
    if (p.delegateFor() >= 0 && rand.chance(0.35)) {
      mailbox = org.user(p.delegateFor());
    }
    long t = start;
    if (rand.chance(0.12)) {
      t = challenge(t, p, ip, p.clients().outlookUa(), "/mapi/emsmdb/", Protocol.MAPI);
      String logonId = win.logonId();
      out.line(Sink.EVT_SECURITY, t, win.logon(t, p, 3, ip, logonId), LineSink.NO_TAG);
      t = mapi(t + rand.between(5, 40), p, mailbox, ip, "Connect");
      long end = t + rand.between(60_000, 900_000);
      if (end < cap) {
        out.line(Sink.EVT_SECURITY, end, win.logoff(end, p, 3, logonId), LineSink.NO_TAG);
      }
    }
    int executes = rand.between(1, 3);
    for (int i = 0; i < executes; i++) {
      t = mapi(t + rand.between(20, 4000), p, mailbox, ip, "Execute");
    }
    if (rand.chance(0.15)) {
      ews(t + rand.between(100, 3000), p, ip, p.clients().outlookUa(), "GetUserAvailability",
          "Negotiate");
    }
  }

  private long mapi(long t, Person p, Person mailbox, String ip, String requestType) {
    base(t, "POST", "/mapi/emsmdb/", ip, p.clients().outlookUa()).proxied(Protocol.MAPI)
        .user(p, p.domainUser(), "Negotiate");
    r.query = "MailboxId=" + mailbox.mailboxGuid() + "@" + Org.DOMAIN;
    r.clientRequestId = "R:{" + upperGuid() + "}:" + rand.between(1, 900) + ";RT:" + requestType
        + ";CI:{" + upperGuid() + "}:" + rand.between(1, 9000) + ";CID:{" + upperGuid() + "}";
    r.organization = Org.DOMAIN;
    r.anchorMailbox = "MailboxGuid~" + mailbox.mailboxGuid();
    r.routingHint = "MailboxGuidWithDomain";
    databaseCookie(t);
    r.requestBytes = rand.skewed(380, 0.9);
    r.responseBytes = rand.skewed(900, 1.3);
    web.emit(r, out);
    return r.time;
  }

  /** Outlook on the web: sometimes a fresh forms logon, then a few service.svc calls. */
  void owa(long start, Person p, ExchangeLogs logs) {
    String ip = p.clientIp(rand);
    String ua = p.clients().browserUa();
    long t = start;
    if (rand.chance(0.3)) {
      t = owaLogon(t, p, ip, ua, true);
    }
    int calls = rand.between(2, 6);
    for (int i = 0; i < calls; i++) {
      t = owaAction(t + rand.between(300, 20_000), p, ip, ua,
          OWA_ACTIONS[rand.nextInt(OWA_ACTIONS.length)]);
    }
    if (rand.chance(0.08)) {
      inboxRules(t + rand.between(2000, 30_000), p, ip, ua, logs);
    }
  }

  /**
   * The rules page of OWA options, served by ECP: list the rules, and now and then add one that
   * files newsletters into a folder (the benign twin of a forwarding rule).
   */
  private void inboxRules(long start, Person p, String ip, String ua, ExchangeLogs logs) {
    String canary = rand.alnum(43) + ".";
    long t = ecp(start, p, ip, ua, "GetList", canary);
    out.line(Sink.ECP_SERVER, t, logs.ecpRequest(t, "Get-InboxRule",
        "/ecp/RulesEditor/InboxRules.svc/GetList?msExchEcpCanary=" + canary), LineSink.NO_TAG);
    if (rand.chance(0.25)) {
      t = ecp(t + rand.between(5000, 60_000), p, ip, ua, "NewObject", canary);
      String folder = rand.pick("Newsletters", "Notifications", "Receipts", "Projects");
      out.line(Sink.ECP_SERVER, t, logs.ecpRequest(t, "New-InboxRule.Name='" + folder
          + "'.From='" + rand.pick("news", "noreply", "alerts") + "@"
          + rand.pick(Names.PARTNER_DOMAINS)
          + "'.MoveToFolder='" + p.sam() + ":\\Inbox\\" + folder + "'",
          "/ecp/RulesEditor/InboxRules.svc/NewObject?msExchEcpCanary=" + canary), LineSink.NO_TAG);
    }
  }

  private long ecp(long t, Person p, String ip, String ua, String operation, String canary) {
    base(t, "POST", "/ecp/RulesEditor/InboxRules.svc/" + operation, ip, ua).proxied(Protocol.ECP)
        .user(p, p.logonName(), "FBA");
    r.query = "msExchEcpCanary=" + canary;
    r.anchorMailbox = "Sid~" + p.sid();
    r.routingHint = "WindowsIdentity";
    r.responseBytes = rand.skewed(1800, 0.5);
    web.emit(r, out);
    return r.time;
  }

  /** A forms logon: POST auth.owa (302 either way), then the OWA start page on success. */
  long owaLogon(long start, Person p, String ip, String ua, boolean success) {
    long t = start + rand.between(3, 15);
    base(t, "POST", "/owa/auth.owa", ip, ua).frontEndOnly(Protocol.OWA);
    r.status = 302;
    r.authType = "FBA";
    r.referer = "https://" + Org.MAIL_HOST + "/owa/auth/logon.aspx?replaceCurrent=1"
        + "&url=https%3a%2f%2f" + Org.MAIL_HOST + "%2fowa%2f";
    if (success) {
      r.authenticated = true;
      r.proxyUser = p.domainUser();
      r.feUser = p.logonName();
      r.anchorMailbox = "Sid~" + p.sid();
    }
    r.requestBytes = rand.skewed(600, 0.3);
    web.emit(r, out);
    t = r.time;
    if (!success) {
      return logonPage(t + rand.between(30, 200), ip, ua, "2");
    }
    String logonId = win.logonId();
    out.line(Sink.EVT_SECURITY, t, win.logon(t, p, 8, ip, logonId), LineSink.NO_TAG);
    base(t + rand.between(40, 300), "GET", "/owa/", ip, ua).proxied(Protocol.OWA)
        .user(p, p.logonName(), "FBA");
    owaRouting(p);
    r.responseBytes = rand.skewed(9000, 0.4);
    web.emit(r, out);
    return owaAction(r.time + rand.between(200, 900), p, ip, ua, "GetOwaUserConfiguration");
  }

  /** The logon page again; {@code reason=2} is OWA's "user name or password incorrect". */
  long logonPage(long t, String ip, String ua, String reason) {
    base(t, "GET", "/owa/auth/logon.aspx", ip, ua);
    r.query = "url=https%3a%2f%2f" + Org.MAIL_HOST + "%2fowa%2f&reason=" + reason;
    r.responseBytes = rand.skewed(12_000, 0.2);
    web.emit(r, out);
    return r.time;
  }

  private long owaAction(long t, Person p, String ip, String ua, String action) {
    base(t, "POST", "/owa/service.svc", ip, ua).proxied(Protocol.OWA)
        .user(p, p.logonName(), "FBA");
    r.query = "action=" + action + "&EP=1&ID=-" + rand.between(10, 400) + "&AC=1";
    r.protocolAction = action;
    owaRouting(p);
    r.requestBytes = rand.skewed(700, 0.8);
    r.responseBytes = rand.skewed(action.startsWith("Get") ? 6000 : 3000, 1.2);
    web.emit(r, out);
    return r.time;
  }

  private void owaRouting(Person p) {
    r.anchorMailbox = "Sid~" + p.sid();
    r.routingHint = "WindowsIdentity";
    r.organization = Org.DOMAIN;
    databaseCookie(r.time);
  }

  /** One or two mistyped passwords from the user's own address, then a successful logon. */
  void mistypedPassword(long start, Person p) {
    String ip = p.clientIp(rand);
    String ua = p.clients().browserUa();
    String typed = p.typesUpn() ? p.upn() : p.sam();
    long t = start;
    for (int i = rand.between(1, 2); i > 0; i--) {
      t = owaLogon(t, p, ip, ua, false);
      out.line(Sink.EVT_SECURITY, t, win.failedLogon(t, typed, p.typesUpn() ? "" : Org.NETBIOS,
          ip, "0xc000006a"), LineSink.NO_TAG);
      t += rand.between(4000, 20_000);
    }
    owaLogon(t, p, ip, ua, true);
  }

  /** A phone: ActiveSync (Sync, long-held Ping, FolderSync…) with Basic, or an EWS app. */
  void mobile(long start, Person p) {
    Person.Clients c = p.clients();
    if (c.deviceType().startsWith("SAMSUNG") && rand.chance(0.3)) {
      // Some Android users read mail with an EWS app rather than ActiveSync.
      ews(start + rand.between(50, 900), p, c.mobileIp(), "Nine/4.9.4a (Android 11; SM-G991B)",
          MAC_ACTIONS[rand.nextInt(MAC_ACTIONS.length)], "Basic");
      return;
    }
    String command = EAS_COMMANDS[rand.nextInt(EAS_COMMANDS.length)];
    boolean ping = command.equals("Ping");
    long t = start + (ping ? rand.between(300_000, 900_000) : rand.between(50, 900));
    base(t, "POST", "/Microsoft-Server-ActiveSync/default.eas", c.mobileIp(), c.mobileUa())
        .proxied(Protocol.EAS).user(p, p.logonName(), "Basic");
    r.timeTaken = ping ? (int) (t - start) : rand.skewed(180, 1.0);
    r.backEndStem = "/Microsoft-Server-ActiveSync/Proxy/default.eas";
    r.query = "Cmd=" + command + "&User=" + urlEncodeUser(p.logonName()) + "&DeviceId="
        + c.deviceId() + "&DeviceType=" + c.deviceType();
    r.anchorMailbox = "Sid~" + p.sid();
    r.routingHint = "WindowsIdentity-NoDatabase";
    r.requestBytes = rand.skewed(200, 1.0);
    r.responseBytes = ping ? 13 : rand.skewed(1500, 1.5);
    r.time = Math.min(r.time, cap);
    web.emit(r, out);
  }

  /** Outlook for Mac: EWS with NTLM. */
  void mac(long start, Person p) {
    String ip = p.clientIp(rand);
    long t = start;
    int calls = rand.between(1, 4);
    for (int i = 0; i < calls; i++) {
      t = ews(t + rand.between(50, 5000), p, ip, p.clients().macUa(),
          MAC_ACTIONS[rand.nextInt(MAC_ACTIONS.length)], "NTLM");
    }
  }

  long ews(long t, Person p, String ip, String ua, String action, String auth) {
    base(t, "POST", "/EWS/Exchange.asmx", ip, ua).proxied(Protocol.EWS)
        .user(p, p.domainUser(), auth);
    r.soapAction = action;
    r.anchorMailbox = "Sid~" + p.sid();
    r.routingHint = "WindowsIdentity";
    r.databaseGuid = "|RoutingDB:" + org.databaseGuid;
    r.requestBytes = rand.skewed(900, 0.6);
    r.responseBytes = rand.skewed(action.equals("GetItem") ? 9000 : 2500, 1.2);
    web.emit(r, out);
    return r.time;
  }

  /** Autodiscover: Outlook's POX request, or a phone's anonymous autodiscover.json lookup. */
  void autodiscover(long start, Person p) {
    if (p.clients().mobile() && (rand.chance(0.5) || !p.clients().outlook())) {
      Person.Clients c = p.clients();
      base(start + rand.between(20, 200), "GET", "/autodiscover/autodiscover.json", c.mobileIp(),
          c.mobileUa()).proxied(Protocol.AUTODISCOVER);
      r.query = "Email=" + p.upn() + "&Protocol=ActiveSync&RedirectCount=1";
      r.anchorMailbox = "Smtp~" + p.upn();
      r.routingHint = "Url-Smtp";
      r.backEndUser = "";
      r.responseBytes = rand.skewed(180, 0.2);
      web.emit(r, out);
      return;
    }
    String ip = p.clientIp(rand);
    String ua = p.clients().outlookUa();
    long t = challenge(start, p, ip, ua, "/autodiscover/autodiscover.xml", Protocol.AUTODISCOVER);
    base(t + rand.between(5, 60), "POST", "/autodiscover/autodiscover.xml", ip, ua)
        .proxied(Protocol.AUTODISCOVER).user(p, p.domainUser(), "Negotiate");
    r.anchorMailbox = "Sid~" + p.sid();
    r.routingHint = "WindowsIdentity";
    r.requestBytes = rand.skewed(340, 0.1);
    r.responseBytes = rand.skewed(4200, 0.3);
    databaseCookie(r.time);
    web.emit(r, out);
  }

  /** Outlook fetching the offline address book manifest. */
  void offlineAddressBook(long start, Person p) {
    String ip = p.clientIp(rand);
    base(start + rand.between(5, 80), "GET", "/OAB/" + org.oabGuid + "/oab.xml", ip,
        p.clients().outlookUa()).proxied(Protocol.OAB).user(p, p.domainUser(), "Negotiate");
    r.anchorMailbox = "Sid~" + p.sid();
    r.routingHint = "WindowsIdentity";
    boolean changed = rand.chance(0.3);
    r.status = changed ? 200 : 304;
    r.backEndStatus = r.status;
    r.responseBytes = changed ? rand.skewed(2400, 0.2) : 0;
    web.emit(r, out);
  }

  /** A Negotiate challenge: the client's first, anonymous try answered 401. */
  private long challenge(
      long start, Person p, String ip, String ua, String stem, Protocol protocol) {
    base(start + rand.between(2, 30), "POST", stem, ip, ua).frontEndOnly(protocol);
    r.status = 401;
    r.subStatus = 2;
    r.win32Status = 5;
    r.authType = "Negotiate";
    web.emit(r, out);
    return r.time;
  }

  private Request base(long t, String method, String stem, String ip, String ua) {
    r.reset();
    r.timeTaken = rand.skewed(18, 0.9);
    r.time = Math.min(t + r.timeTaken, cap);
    r.method = method;
    r.stem = stem;
    r.clientIp = ip;
    r.userAgent = ua;
    return r;
  }

  private void databaseCookie(long t) {
    StringBuilder sb =
        new StringBuilder(80).append("Database~").append(org.databaseGuid).append("~~");
    Text.appendIsoSeconds(sb, t + 30L * 86_400_000L);
    r.backEndCookie = sb.toString();
    r.databaseGuid = "|RoutingDB:" + org.databaseGuid;
  }

  private String upperGuid() {
    return rand.guid().toUpperCase(Locale.ROOT);
  }

  static String urlEncodeUser(String logonName) {
    return logonName.replace("\\", "%5C").replace("@", "%40");
  }
}
