package io.tidemark.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation's own Exchange Online activity in the Unified Audit Log: each user signs in
 * with the clients they have, Outlook synchronises folders (Sync), Outlook on the web and phones
 * open items (Bind), a few passwords are mistyped, a few people file mail with inbox rules, and
 * administrators change quotas. Everything comes from the owners' own addresses: the office's
 * internet egress or their home line. Deterministic per seed, independent of the attack.
 */
final class CloudActivity {
  private static final String[] FOLDERS = {"\\Inbox", "\\Sent Items", "\\Inbox\\Projects",
    "\\Archive", "\\Drafts"};
  private static final String[] RULE_FOLDERS = {"Newsletters", "Notifications", "Receipts",
    "Team"};
  private static final long DAY_MS = 24 * LabRun.HOUR_MS;

  private final LabRun run;
  private final UalRecords tenant;
  private final String quietMailbox;
  private final long quietFrom;
  private final List<CloudExport.Timed> records = new ArrayList<>();

  /**
   * @param quietMailbox a mailbox whose Bind auditing is throttled, or empty
   * @param quietFrom when the throttling began: no Bind records for it for the next 24 hours
   */
  CloudActivity(LabRun run, UalRecords tenant, String quietMailbox, long quietFrom) {
    this.run = run;
    this.tenant = tenant;
    this.quietMailbox = quietMailbox;
    this.quietFrom = quietFrom;
  }

  List<CloudExport.Timed> records() {
    Org org = run.org();
    int days = run.spec().days();
    for (int day = 0; day < days; day++) {
      long dayStart = run.windowStart() + day * DAY_MS;
      for (Person p : org.users) {
        user(new Rand(run.spec().seed(), "ual-user", (long) day * 1_000_003L + p.index()), p,
            dayStart);
      }
      for (Person admin : org.admins) {
        admin(new Rand(run.spec().seed(), "ual-admin", (long) day * 101 + admin.index()), admin,
            dayStart);
      }
    }
    return records;
  }

  private void user(Rand rand, Person p, long dayStart) {
    Person.Clients c = p.clients();
    String ip = p.homeIp() != null && rand.chance(0.2) ? p.homeIp() : UalRecords.OFFICE_EGRESS;
    long start = dayStart + rand.between(7, 9) * LabRun.HOUR_MS + rand.between(0, 3_599_999);
    long end = dayStart + rand.between(16, 19) * LabRun.HOUR_MS;
    boolean any = false;
    if (c.outlook() || c.mac()) {
      String session = rand.guid();
      long t = logon(rand, p, start, ip, c.outlook() ? c.outlookUa() : c.macUa(),
          UalRecords.APP_OUTLOOK);
      for (int i = rand.between(2, 5); i > 0; i--) {
        t += rand.between(60_000, 2 * 3_600_000);
        if (t >= end) {
          break;
        }
        String folder = rand.chance(0.6) ? FOLDERS[0] : FOLDERS[rand.nextInt(FOLDERS.length)];
        add(t, tenant.mailItemsAccessed(rand, t, p, p, ip, "Client=MSExchangeRPC",
            UalRecords.APP_OUTLOOK, session, false, false, Map.of(folder, List.of())));
      }
      any = true;
    }
    if (c.owa()) {
      binds(rand, p, start + rand.between(600_000, 3 * 3_600_000), end, ip, c.browserUa(),
          UalRecords.APP_OWA, "Client=OWA;Action=ViaOwa");
      any = true;
    }
    if (c.mobile()) {
      binds(rand, p, dayStart + rand.between(6, 21) * LabRun.HOUR_MS, dayStart + DAY_MS - 1,
          c.mobileIp().isEmpty() ? ip : c.mobileIp(), c.mobileUa(),
          UalRecords.APP_OUTLOOK_MOBILE, "Client=REST;Client=RESTSystem;;");
      any = true;
    }
    if (!any) {
      logon(rand, p, start, ip, "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
          UalRecords.APP_OWA);
    }
    if (rand.chance(0.03)) {
      long t = start + rand.between(3_600_000, 5 * 3_600_000);
      String folder = RULE_FOLDERS[rand.nextInt(RULE_FOLDERS.length)];
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("Name", folder);
      parameters.put("From", rand.pick("news", "noreply", "alerts") + "@"
          + rand.pick(Names.PARTNER_DOMAINS));
      parameters.put("MoveToFolder", folder);
      parameters.put("StopProcessingRules", "False");
      add(t, tenant.cmdlet(rand, t, p, ip, rand.guid(), "New-InboxRule", p.sam() + "\\" + folder,
          parameters));
    }
  }

  /** Items opened through the day by one client, a session per day. */
  private void binds(Rand rand, Person p, long from, long end, String ip, String agent,
      String app, String clientInfo) {
    long t = logon(rand, p, from, ip, agent, app);
    String session = rand.guid();
    for (int i = rand.between(2, 10); i > 0; i--) {
      t += rand.between(120_000, 90 * 60_000);
      if (t >= end || t >= run.windowEnd()) {
        break;
      }
      if (p.upn().equals(quietMailbox) && t >= quietFrom && t < quietFrom + DAY_MS) {
        continue; // throttled: Exchange Online writes no Bind records for the mailbox
      }
      List<String> items = new ArrayList<>();
      for (int n = rand.between(1, 3); n > 0; n--) {
        items.add(tenant.messageId(rand));
      }
      String folder = FOLDERS[rand.nextInt(2)];
      add(t, tenant.mailItemsAccessed(rand, t, p, p, ip, clientInfo, app, session, true, false,
          Map.of(folder, items)));
    }
  }

  /** A sign-in, now and then after a mistyped password; returns the time of the success. */
  private long logon(Rand rand, Person p, long at, String ip, String agent, String app) {
    long t = at;
    if (rand.chance(0.05)) {
      add(t, tenant.logon(rand, t, p.upn(), p.objectGuid(), ip, agent, app, false,
          "InvalidUserNameOrPassword"));
      t += rand.between(10_000, 90_000);
    }
    add(t, tenant.logon(rand, t, p.upn(), p.objectGuid(), ip, agent, app, true, ""));
    return t;
  }

  private void admin(Rand rand, Person admin, long dayStart) {
    long t = dayStart + rand.between(8, 11) * LabRun.HOUR_MS + rand.between(0, 3_599_999);
    t = logon(rand, admin, t, UalRecords.OFFICE_EGRESS,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/121.0.0.0 Safari/537.36 Edg/121.0.0.0", UalRecords.APP_OWA);
    if (rand.chance(0.4)) {
      Person user = run.org().user(rand.nextInt(run.org().users.size()));
      t += rand.between(60_000, 3_600_000);
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("Identity", user.upn());
      parameters.put("ProhibitSendQuota", "49.5 GB (53,150,220,288 bytes)");
      parameters.put("IssueWarningQuota", "49 GB (52,613,349,376 bytes)");
      add(t, tenant.cmdlet(rand, t, admin, UalRecords.OFFICE_EGRESS + ":" + rand.between(1025,
          65535), rand.guid(), "Set-Mailbox", user.sam(), parameters));
    }
  }

  private void add(long ms, Map<String, Object> record) {
    if (ms >= run.windowStart() && ms < run.windowEnd()) {
      records.add(new CloudExport.Timed(ms, record));
    }
  }
}
