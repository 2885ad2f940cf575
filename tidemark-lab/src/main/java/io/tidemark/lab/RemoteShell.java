package io.tidemark.lab;

/**
 * ProxyShell's transport: every request goes to {@code /autodiscover/autodiscover.json} with the
 * real target after an {@code @} in the query ({@code ?@x.example/powershell/?X-Rps-CAT=…&Email=
 * autodiscover/autodiscover.json%3F@x.example}); the front end logs it under Autodiscover and the
 * back end logs the target path.
 */
final class RemoteShell {
  private final AttackKit kit;
  private final Org org;
  private final Rand rand;
  private final String ip;
  private final String ua;
  private final String domain;
  private final String token;

  RemoteShell(AttackKit kit, String ip, String ua, String domain) {
    this.kit = kit;
    this.org = kit.org;
    this.rand = kit.rand;
    this.ip = ip;
    this.ua = ua;
    this.domain = domain;
    this.token = "VgEAVAdXaW5kb3dzQwBBCEtlcmJlcm9zTAAAAAA" + rand.alnum(80);
  }

  /** One confused autodiscover request reaching {@code target} on the back end. */
  long ssrf(long t, String target, String targetQuery, String method, int status, int tag) {
    String query = "@" + domain + target + "?" + targetQuery + "&Email=autodiscover/"
        + "autodiscover.json%3F@" + domain;
    Request r = kit.request(t, method, "/autodiscover/autodiscover.json", ip, ua, tag)
        .proxied(Protocol.AUTODISCOVER);
    r.query = query;
    r.timeTaken = rand.skewed(80, 0.6);
    r.status = status;
    r.backEndStatus = status;
    r.backEndStem = target;
    r.backEndQuery = targetQuery + (targetQuery.isEmpty() ? "" : "&") + "Email=autodiscover/"
        + "autodiscover.json%3F@" + domain;
    r.backEndUser = WindowsEvents.SYSTEM_USER;
    r.routingHint = "Url-Random";
    r.extraInfo = "RandomBE=" + org.fqdn + "~" + org.build.versionNumber() + ";";
    r.requestBytes = rand.skewed(1200, 0.5);
    r.responseBytes = rand.skewed(1500, 0.8);
    kit.emit();
    return r.time;
  }

  /** EWS CreateItem through the confusion: the draft that carries the payload. */
  long ewsCreateItem(long t, Person mailbox, int tag) {
    long at = ssrf(t, "/EWS/exchange.asmx", "", "POST", 200, tag);
    Request r = kit.request(at, "POST", "/EWS/exchange.asmx", ip, ua, tag);
    r.soapAction = "CreateItem";
    r.authType = "Negotiate";
    r.ewsUser = mailbox.upn();
    r.frontEnd = false;
    r.requestBytes = rand.skewed(9000, 0.3);
    r.responseBytes = rand.skewed(900, 0.2);
    r.backEndStatus = 200;
    kit.emit();
    return at;
  }

  /** WinRM traffic of a remote PowerShell session as Administrator (X-Rps-CAT). */
  long session(long t, int requests, int tag) {
    for (int i = 0; i < requests; i++) {
      t = ssrf(t + rand.between(200, 3000), "/powershell/", "X-Rps-CAT=" + token, "POST", 200,
          tag);
    }
    return t;
  }

  /** One cmdlet over that session: WinRM requests, the RPS cmdlet log, MSExchange Management. */
  long cmdlet(long t, Person as, String cmdlet, String parameters, int tag) {
    long at = session(t, 2, tag);
    kit.plan.line(Sink.RPS_CMDLET, at + 20, kit.logs.rpsCmdlet(at + 20, as, cmdlet, parameters,
        "", true), tag);
    kit.cmdletEvent(at + 25, cmdlet, parameters, as.directoryPath(), as.sid(),
        "Remote-PowerShell-Unknown", (5000 + rand.nextInt(700) * 4)
            + " w3wp#MSExchangePowerShellAppPool", tag);
    return session(at + 40, 1, tag);
  }
}
