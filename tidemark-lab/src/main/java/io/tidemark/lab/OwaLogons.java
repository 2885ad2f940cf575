package io.tidemark.lab;

import java.util.HashSet;
import java.util.Set;

/**
 * Forms logons to OWA by an outsider. IIS shows 302 for failures and successes alike; the
 * HttpProxy row's {@code IsAuthenticated}, the follow-up {@code logon.aspx?…reason=2} and the
 * Security log's 4625 (SubStatus 0xC000006A bad password, 0xC0000064 no such user) tell them apart.
 */
final class OwaLogons {
  private final AttackKit kit;
  private final String agent;
  private final Set<String> known = new HashSet<>();

  OwaLogons(AttackKit kit, String agent) {
    this.kit = kit;
    this.agent = agent;
    for (Person p : kit.org.users) {
      known.add(p.sam());
      known.add(p.upn());
    }
  }

  String agent() {
    return agent;
  }

  /** One failed try for {@code typed} (a sam or a UPN). */
  long fail(long t, String ip, String typed, int tag) {
    Request r = kit.request(t, "POST", "/owa/auth.owa", ip, agent, tag).frontEndOnly(Protocol.OWA);
    r.status = 302;
    r.authType = "FBA";
    r.timeTaken = kit.rand.skewed(120, 0.5);
    r.time = t + r.timeTaken;
    r.referer = "https://" + Org.MAIL_HOST + "/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a"
        + "%2f%2f" + Org.MAIL_HOST + "%2fowa%2f";
    r.requestBytes = kit.rand.skewed(600, 0.2);
    kit.emit();
    long at = r.time;
    boolean upn = typed.contains("@");
    String subStatus = known.contains(typed) ? "0xc000006a" : "0xc0000064";
    kit.plan.line(Sink.EVT_SECURITY, at, kit.win.failedLogon(at, typed, upn ? "" : Org.NETBIOS, ip,
        subStatus), tag);
    Request page = kit.request(at + kit.rand.between(40, 300), "GET", "/owa/auth/logon.aspx", ip,
        agent, tag);
    page.query = "url=https%3a%2f%2f" + Org.MAIL_HOST + "%2fowa%2f&reason=2";
    kit.emit();
    return page.time;
  }

  /** The successful try, the OWA start page, and a little browsing. */
  long succeed(long t, String ip, Person victim, int tag) {
    Request r = kit.request(t, "POST", "/owa/auth.owa", ip, agent, tag).frontEndOnly(Protocol.OWA);
    r.status = 302;
    r.authType = "FBA";
    r.authenticated = true;
    r.proxyUser = victim.domainUser();
    r.feUser = victim.logonName();
    r.anchorMailbox = "Sid~" + victim.sid();
    r.timeTaken = kit.rand.skewed(150, 0.4);
    r.time = t + r.timeTaken;
    kit.emit();
    long at = r.time;
    kit.plan.line(Sink.EVT_SECURITY, at, kit.win.logon(at, victim, 8, ip, kit.win.logonId()), tag);
    at = owa(at + kit.rand.between(100, 600), ip, victim, "GET", "/owa/", "", "", tag);
    for (String action : new String[] {"GetOwaUserConfiguration", "FindFolder", "FindConversation",
        "GetConversationItems", "FindConversation"}) {
      at = owa(at + kit.rand.between(800, 15_000), ip, victim, "POST", "/owa/service.svc",
          "action=" + action + "&EP=1&ID=-" + kit.rand.between(10, 99) + "&AC=1", action, tag);
    }
    return at;
  }

  private long owa(long t, String ip, Person victim, String method, String stem, String query,
      String action, int tag) {
    Request r = kit.request(t, method, stem, ip, agent, tag).proxied(Protocol.OWA)
        .user(victim, victim.logonName(), "FBA");
    r.query = query;
    r.protocolAction = action;
    r.anchorMailbox = "Sid~" + victim.sid();
    r.routingHint = "WindowsIdentity";
    r.responseBytes = kit.rand.skewed(6000, 0.8);
    r.time = t + r.timeTaken;
    kit.emit();
    return r.time;
  }
}
