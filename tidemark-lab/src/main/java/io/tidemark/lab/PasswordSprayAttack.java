package io.tidemark.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A password spray over OWA forms logon from one or two outside addresses: many distinct
 * accounts fail (4625, LogonType 8, from w3wp.exe), one succeeds, and its mailbox (plus the one it
 * holds delegate rights on, if any) is pulled over EWS by a script. Some seeds also add an inbox
 * rule forwarding new mail outside, and some open the mailbox in Outlook over Outlook Anywhere.
 */
final class PasswordSprayAttack implements Attack {
  private static final String[] SPRAY_AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/109.0.0.0 Safari/537.36",
    "python-requests/2.28.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Firefox/102.0"
  };
  private static final String[] DOWNLOAD_AGENTS = {
    "ExchangeServicesClient/15.00.0913.015", "python-requests/2.28.1", "Python-urllib/3.10"
  };
  private static final String[] INVALID_NAMES = {
    "admin", "administrator1", "test", "scanner", "info", "support", "backup", "helpdesk",
    "training", "reception", "sales", "guest"
  };

  @Override
  public void plan(AttackKit kit) {
    Rand rand = kit.rand;
    Org org = kit.org;
    long t0 = kit.startTime(6);
    List<String> ips = new ArrayList<>(List.of(kit.attackerIp()));
    if (rand.chance(0.5)) {
      ips.add(kit.attackerIp());
    }
    Person victim = pickVictim(kit);
    List<String> targets = targets(kit, victim);
    OwaLogons owa = new OwaLogons(kit, rand.pick(SPRAY_AGENTS));
    int spray = kit.plan.step("password-spray", t0, "Password spray over OWA from "
        + String.join(" and ", ips) + " against " + targets.size() + " accounts.");
    int rounds = rand.between(1, 2);
    long t = t0;
    for (int round = 1; round <= rounds; round++) {
      for (String target : targets) {
        t = owa.fail(t + rand.between(3000, 25_000), rand.pick(ips), target, spray);
      }
      t += rand.between(600_000, 2_400_000);
    }
    int success = kit.plan.step("account-takeover", t, "The sprayed password worked for "
        + victim.domainUser() + "; OWA logon from " + ips.get(0) + ".");
    t = owa.succeed(t, ips.get(0), victim, success);
    kit.plan.account(victim);
    String downloadIp = ips.get(ips.size() - 1);
    MailboxDownload download = new MailboxDownload(kit, downloadIp, rand.pick(DOWNLOAD_AGENTS));
    long dl = t + rand.between(300_000, 3_000_000);
    boolean folders = rand.chance(0.3);
    int steal = kit.plan.step("mailbox-download", dl, "A script downloaded " + victim.upn()
        + (folders ? "'s Inbox and Sent Items" : "'s mailbox") + " over EWS from " + downloadIp
        + ".");
    long end = download.mailbox(dl, victim, victim, folders, steal);
    kit.plan.mailbox(victim, folders ? "folder" : "mailbox", dl, end);
    if (victim.delegateFor() >= 0) {
      Person boss = org.user(victim.delegateFor());
      long start = end + rand.between(60_000, 600_000);
      long bossEnd = download.mailbox(start, victim, boss, false, steal);
      kit.plan.mailbox(boss, "mailbox", start, bossEnd);
      end = bossEnd;
    }
    if (rand.chance(0.5)) {
      new InboxRuleForward(kit, ips.get(0), owa.agent()).plan(victim, end + rand.between(60_000,
          900_000));
    }
    outlookAnywhere(kit, victim, downloadIp, end);
  }

  /**
   * On some seeds the attacker also adds the mailbox to an Outlook profile over Outlook Anywhere
   * (RPC over HTTP, Basic authentication from outside): cached mode then takes the whole
   * mailbox. Drawn from a stream of its own, so every other line of the attack stays the same.
   */
  private static void outlookAnywhere(AttackKit kit, Person victim, String ip, long after) {
    Rand own = new Rand(kit.seed, "attack-outlook-anywhere", 0);
    if (!own.chance(0.5)) {
      return;
    }
    long start = after + own.between(120_000, 1_800_000);
    if (start + 30 * 60_000L >= kit.windowEnd) {
      return;
    }
    int step = kit.plan.step("outlook-anywhere", start, "Outlook over Outlook Anywhere (RPC over "
        + "HTTP) from " + ip + " opened " + victim.upn() + "'s mailbox, which cached mode "
        + "downloads whole.");
    WindowsEvents win = new WindowsEvents(kit.org, own);
    kit.plan.line(Sink.EVT_SECURITY, start, win.logon(start, victim, 8, ip, win.logonId()), step);
    long end = new OutlookAnywhere(kit.org, own, kit.plan, kit.windowEnd - 1)
        .session(start + own.between(50, 500), victim, victim, ip, "Basic", step);
    kit.plan.mailbox(victim, "mailbox", start, end);
  }

  private static Person pickVictim(AttackKit kit) {
    List<Person> candidates = new ArrayList<>();
    boolean delegate = kit.rand.chance(0.5);
    for (Person p : kit.org.users) {
      if (delegate ? p.kind() == Person.Kind.ASSISTANT : p.kind() == Person.Kind.USER) {
        candidates.add(p);
      }
    }
    return candidates.isEmpty() ? kit.org.user(kit.org.users.size() - 1)
        : candidates.get(kit.rand.nextInt(candidates.size()));
  }

  /** Distinct accounts to try, some of them nonexistent, the victim last or near the end. */
  private static List<String> targets(AttackKit kit, Person victim) {
    Rand rand = kit.rand;
    List<String> names = new ArrayList<>();
    int wanted = Math.min(kit.org.users.size() - 1, rand.between(15, 40));
    List<Person> pool = new ArrayList<>(kit.org.users);
    pool.remove(victim);
    Collections.shuffle(pool, new Random(rand.nextLong()));
    boolean upn = rand.chance(0.5);
    for (int i = 0; i < wanted; i++) {
      names.add(upn ? pool.get(i).upn() : pool.get(i).sam());
    }
    for (int i = rand.between(2, 6); i > 0; i--) {
      String name = INVALID_NAMES[rand.nextInt(INVALID_NAMES.length)];
      String typed = upn ? name + "@" + Org.DOMAIN : name;
      if (!names.contains(typed)) {
        names.add(typed);
      }
    }
    if (rand.chance(0.5)) {
      names.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
    }
    return names;
  }
}
