package io.tidemark.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Exchange Online, seen only through the Unified Audit Log: a password spray against Microsoft 365
 * sign-ins guesses a user's and an administrator's passwords; the attacker synchronises some of
 * the user's folders and reads items over Graph, adds an inbox rule forwarding mail outside, uses
 * the administrator to grant the user full access to an executive's mailbox and reads it (and on
 * some seeds forwards the executive's mail outside), then pulls the user's mailbox so fast that
 * auditing is throttled. The attacker's session id stays
 * the same across its addresses, as Entra's does across token refreshes.
 */
final class ExchangeOnlineAttack implements Attack {
  private static final String[] SPRAY_AGENTS = {
    "python-requests/2.31.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/121.0.0.0 Safari/537.36",
    "BAV2ROPC"
  };
  private static final String[] INVALID_NAMES = {
    "admin", "test", "info", "support", "backup", "helpdesk", "scanner", "sales"
  };
  private static final String[] READ_FOLDERS = {"\\Inbox", "\\Sent Items", "\\Inbox\\Finance",
    "\\Archive", "\\Inbox\\Contracts"};
  private static final String GRAPH_CLIENT = "Client=REST;Client=RESTSystem;;";
  private static final String OUTLOOK_CLIENT = "Client=MSExchangeRPC";
  /** Microsoft stops auditing Bind after this many MailItemsAccessed records in 24 hours. */
  static final int THROTTLE_RECORDS = 1000;

  private final List<CloudExport.Timed> records = new ArrayList<>();
  private UalRecords tenant;
  private CloudExport export;
  private String throttledMailbox = "";
  private long throttledFrom = Long.MAX_VALUE;

  @Override
  public void plan(AttackKit kit) {
    Rand rand = kit.rand;
    Org org = kit.org;
    tenant = new UalRecords(rand);
    export = new CloudExport(org.host, kit.windowStart, kit.windowEnd);
    long t = kit.startTime(9);
    String ip = kit.attackerIp();
    String downloadIp = rand.chance(0.5) ? kit.attackerIp() : ip;
    Person victim = pickVictim(kit);
    Person admin = org.admins.get(rand.nextInt(org.admins.size()));
    Person executive = pickExecutive(kit, victim);
    String agent = rand.pick(SPRAY_AGENTS);

    List<Person> accounts = new ArrayList<>(List.of(victim, admin));
    List<String> targets = targets(kit, victim, admin);
    int spray = kit.plan.step("password-spray", t, "Password spray against Microsoft 365 "
        + "sign-ins from " + ip + " at " + targets.size() + " accounts.");
    for (String target : targets) {
      t += rand.between(15_000, 70_000);
      Person person = find(org, target);
      add(kit, spray, t, tenant.logon(rand, t, target,
          person == null ? "" : person.objectGuid(), withPort(rand, ip), agent,
          UalRecords.APP_OWA, false,
          person == null ? "UserAccountNotFound" : "InvalidUserNameOrPassword"));
    }

    t += rand.between(600_000, 3_600_000);
    int takeover = kit.plan.step("account-takeover", t, "The sprayed password worked for "
        + victim.upn() + ", who signed in from " + ip + ".");
    add(kit, takeover, t, tenant.logon(rand, t, victim.upn(), victim.objectGuid(), ip, agent,
        UalRecords.APP_OWA, true, ""));
    kit.plan.account(victim);
    String session = rand.guid();

    t += rand.between(120_000, 600_000);
    int sync = kit.plan.step("mailbox-sync", t, "The attacker's Outlook synchronised folders of "
        + victim.upn() + " from " + ip + " (session " + session + ").");
    long syncFirst = t;
    for (String folder : List.of("\\Inbox", "\\Sent Items", rand.pick("\\Drafts", "\\Archive"))) {
      t += rand.between(1_000, 20_000);
      add(kit, sync, t, tenant.mailItemsAccessed(rand, t, victim, victim, ip, OUTLOOK_CLIENT,
          UalRecords.APP_OUTLOOK, session, false, false, Map.of(folder, List.of())));
    }
    kit.plan.mailbox(victim, "folder", syncFirst, t);

    t += rand.between(60_000, 600_000);
    int read = kit.plan.step("mail-read", t, "The attacker read named items of " + victim.upn()
        + " over Graph from " + ip + ".");
    long victimFirstBind = t;
    t = binds(kit, read, t, victim, victim, ip, session, rand.between(5, 15), 20_000, 120_000);

    t += rand.between(60_000, 900_000);
    String outside = rand.pick("archive", "backup", "mailcopy", "records") + rand.between(10, 99)
        + "@" + rand.letters(rand.between(5, 9)) + ".example";
    String ruleName = rand.pick(".", "..", "Sync", "RSS");
    int rule = kit.plan.step("inbox-rule", t, "An inbox rule '" + ruleName + "' on "
        + victim.upn() + " forwards new mail to " + outside + ".");
    Map<String, String> ruleParameters = new LinkedHashMap<>();
    ruleParameters.put("Name", ruleName);
    ruleParameters.put("ForwardTo", outside);
    ruleParameters.put("MarkAsRead", "True");
    ruleParameters.put("StopProcessingRules", "True");
    add(kit, rule, t, tenant.cmdlet(rand, t, victim, withPort(rand, ip), session,
        "New-InboxRule", victim.sam() + "\\" + ruleName, ruleParameters));
    // The rule is the evidence; the forwarded mail itself shows only in message trace.
    kit.plan.mailbox(victim, "sent_out", t, t);

    t += rand.between(300_000, 2_400_000);
    int grant = kit.plan.step("mailbox-permission", t, "Signed in as " + admin.upn()
        + ", the attacker gave " + victim.upn() + " full access to " + executive.upn() + ".");
    add(kit, grant, t, tenant.logon(rand, t, admin.upn(), admin.objectGuid(), ip, agent,
        UalRecords.APP_OWA, true, ""));
    kit.plan.account(admin);
    t += rand.between(30_000, 300_000);
    Map<String, String> grantParameters = new LinkedHashMap<>();
    grantParameters.put("Identity", executive.upn());
    grantParameters.put("User", victim.upn());
    grantParameters.put("AccessRights", "FullAccess");
    grantParameters.put("InheritanceType", "All");
    grantParameters.put("AutoMapping", "False");
    add(kit, grant, t, tenant.cmdlet(rand, t, admin, withPort(rand, ip), rand.guid(),
        "Add-MailboxPermission", executive.sam(), grantParameters));
    long granted = t;

    t += rand.between(120_000, 1_200_000);
    int delegateRead = kit.plan.step("delegate-read", t, "Through the new permission the "
        + "attacker read items of " + executive.upn() + " as " + victim.upn() + ".");
    long executiveFirst = t;
    t = binds(kit, delegateRead, t, victim, executive, ip, session, rand.between(3, 10), 20_000,
        90_000);
    kit.plan.mailbox(executive, "item", executiveFirst, t);
    kit.plan.mailbox(executive, "mailbox", granted, t);

    if (rand.chance(0.5)) {
      t += rand.between(60_000, 600_000);
      String copyTo = rand.pick("exec", "board", "office") + rand.between(10, 99) + "@"
          + rand.letters(rand.between(5, 9)) + ".example";
      int forward = kit.plan.step("mailbox-forwarding", t, "As " + admin.upn() + ", the "
          + "attacker forwarded all mail of " + executive.upn() + " to " + copyTo + ".");
      Map<String, String> forwardParameters = new LinkedHashMap<>();
      forwardParameters.put("Identity", executive.upn());
      forwardParameters.put("ForwardingSmtpAddress", "smtp:" + copyTo);
      forwardParameters.put("DeliverToMailboxAndForward", "True");
      add(kit, forward, t, tenant.cmdlet(rand, t, admin, withPort(rand, ip), rand.guid(),
          "Set-Mailbox", executive.sam(), forwardParameters));
      kit.plan.mailbox(executive, "sent_out", t, t);
    }

    t += rand.between(300_000, 1_800_000);
    int burst = kit.plan.step("mailbox-throttled", t, "A script pulled " + victim.upn()
        + "'s mailbox over Graph from " + downloadIp + " until auditing was throttled; "
        + "Microsoft says to assume the whole mailbox was read for the next 24 hours.");
    t = binds(kit, burst, t, victim, victim, downloadIp, session, THROTTLE_RECORDS, 3_000, 9_000);
    t += rand.between(1_000, 8_000);
    add(kit, burst, t, tenant.mailItemsAccessed(rand, t, victim, victim, downloadIp,
        GRAPH_CLIENT, UalRecords.APP_GRAPH, session, true, true,
        Map.of(READ_FOLDERS[0], List.of(tenant.messageId(rand)))));
    throttledMailbox = victim.upn();
    throttledFrom = t;
    kit.plan.mailbox(victim, "item", victimFirstBind, t);
    kit.plan.mailbox(victim, "mailbox", t, Math.min(t + 24 * LabRun.HOUR_MS, kit.windowEnd - 1));
  }

  /** Bind records, each the items of one folder read within a couple of minutes. */
  private long binds(AttackKit kit, int tag, long from, Person user, Person owner, String ip,
      String session, int count, int minGap, int maxGap) {
    Rand rand = kit.rand;
    long t = from;
    for (int i = 0; i < count; i++) {
      t += rand.between(minGap, maxGap);
      if (t >= kit.windowEnd - 60_000) {
        break;
      }
      List<String> items = new ArrayList<>();
      for (int n = rand.between(1, 4); n > 0; n--) {
        items.add(tenant.messageId(rand));
      }
      String folder = READ_FOLDERS[rand.nextInt(READ_FOLDERS.length)];
      add(kit, tag, t, tenant.mailItemsAccessed(rand, t, user, owner, ip, GRAPH_CLIENT,
          UalRecords.APP_GRAPH, session, true, false, Map.of(folder, items)));
    }
    return t;
  }

  private void add(AttackKit kit, int tag, long ms, Map<String, Object> record) {
    kit.plan.exported(tag, ms, export.fileFor(ms));
    records.add(new CloudExport.Timed(ms, record));
  }

  /** Writes the organisation's audit log, background and attack, as the investigator got it. */
  void write(LabRun run) throws IOException {
    List<CloudExport.Timed> all = new ArrayList<>(records);
    all.addAll(new CloudActivity(run, tenant, throttledMailbox, throttledFrom).records());
    export.write(run.root(), all);
  }

  /** A source port on some records: the UAL writes client addresses with and without one. */
  private static String withPort(Rand rand, String ip) {
    return rand.chance(0.5) ? ip + ":" + rand.between(1025, 65535) : ip;
  }

  private static Person pickVictim(AttackKit kit) {
    List<Person> candidates = new ArrayList<>();
    for (Person p : kit.org.users) {
      if (p.kind() == Person.Kind.USER) {
        candidates.add(p);
      }
    }
    return candidates.get(kit.rand.nextInt(candidates.size()));
  }

  private static Person pickExecutive(AttackKit kit, Person victim) {
    for (Person p : kit.org.users) {
      if (p.kind() == Person.Kind.EXECUTIVE && !p.equals(victim)) {
        return p;
      }
    }
    return kit.org.user(0);
  }

  private static Person find(Org org, String upn) {
    for (Person p : org.users) {
      if (p.upn().equals(upn)) {
        return p;
      }
    }
    for (Person p : org.admins) {
      if (p.upn().equals(upn)) {
        return p;
      }
    }
    return null;
  }

  /** UPNs to try: real users, the administrator, a few guesses; the two that work among them. */
  private static List<String> targets(AttackKit kit, Person victim, Person admin) {
    Rand rand = kit.rand;
    List<Person> pool = new ArrayList<>(kit.org.users);
    pool.remove(victim);
    Collections.shuffle(pool, new Random(rand.nextLong()));
    List<String> names = new ArrayList<>();
    int wanted = Math.min(pool.size(), rand.between(15, 30));
    for (int i = 0; i < wanted; i++) {
      names.add(pool.get(i).upn());
    }
    names.add(victim.upn());
    names.add(admin.upn());
    for (int i = rand.between(2, 5); i > 0; i--) {
      String guess = INVALID_NAMES[rand.nextInt(INVALID_NAMES.length)] + "@" + Org.DOMAIN;
      if (!names.contains(guess)) {
        names.add(guess);
      }
    }
    Collections.shuffle(names, new Random(rand.nextLong()));
    return names;
  }
}
