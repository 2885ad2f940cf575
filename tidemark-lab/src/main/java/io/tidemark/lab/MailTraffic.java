package io.tidemark.lab;

import java.util.Locale;

/** Everyday mail: users writing to colleagues and partners, partners writing in. */
final class MailTraffic {
  private final Org org;
  private final Rand rand;
  private final MailFlow flow;
  private final LineSink out;

  MailTraffic(Org org, Rand rand, MailFlow flow, LineSink out) {
    this.org = org;
    this.rand = rand;
    this.flow = flow;
    this.out = out;
  }

  /** A user sends one message, to a colleague (mostly) or a partner. */
  void send(long start, Person sender) {
    String subject = rand.pick(Names.SUBJECTS);
    long t = start + rand.between(100, 3000);
    if (rand.chance(0.7)) {
      Person to = org.user(rand.nextInt(org.users.size()));
      MailFlow.Message m = flow.submit(t, sender, to.upn(), subject, clientType(sender),
          sender.officeIp(), out, LineSink.NO_TAG);
      flow.deliver(t + rand.between(400, 1500), m, to, false, out, LineSink.NO_TAG);
    } else {
      String domain = rand.pick(Names.PARTNER_DOMAINS);
      String to = rand.pick(Names.FIRST).toLowerCase(Locale.ROOT) + "@" + domain;
      MailFlow.Message m = flow.submit(t, sender, to, subject, clientType(sender),
          sender.officeIp(), out, LineSink.NO_TAG);
      flow.sendExternal(t + rand.between(400, 2500), m, to, partnerIp(domain), "mail." + domain,
          out, LineSink.NO_TAG);
    }
  }

  /** A partner's message arrives for a user. */
  void receive(long start, Person recipient) {
    String domain = rand.pick(Names.PARTNER_DOMAINS);
    String sender = rand.pick(Names.FIRST).toLowerCase(Locale.ROOT) + "."
        + rand.pick(Names.LAST).toLowerCase(Locale.ROOT) + "@" + domain;
    long t = start + rand.between(100, 3000);
    MailFlow.Message m = flow.receiveExternal(t, sender, partnerIp(domain), "mail." + domain,
        recipient.upn(), rand.pick(Names.SUBJECTS), out, LineSink.NO_TAG);
    flow.deliver(t + rand.between(300, 1200), m, recipient, true, out, LineSink.NO_TAG);
  }

  /** The partner's mail server: always in 192.0.2.128/25, never an attacker range. */
  static String partnerIp(String domain) {
    return "192.0.2." + (129 + Math.floorMod(domain.hashCode(), 120));
  }

  static String clientType(Person p) {
    Person.Clients c = p.clients();
    if (c.outlook()) {
      return "MOMT";
    }
    if (c.mac()) {
      return "WebServices";
    }
    return c.owa() ? "OWA" : "AirSync";
  }
}
