package io.tidemark.lab;

/**
 * The ProxyLogon request chain itself. Every SSRF request is a front-end POST to a small
 * {@code /ecp/<x>.js} whose HttpProxy row carries {@code
 * AnchorMailbox=ServerInfo~a]@HOST:444/…#}, no authenticated user and a {@code Server~…/…~…}
 * back-end cookie; the back end logs the real target as the server's machine account ({@code
 * CORP\HOST$}).
 */
final class ProxyLogonChain {
  private final AttackKit kit;
  private final Org org;
  private final Rand rand;
  private final String ip;
  private final String ua;
  private final String jsName;
  private final String canary;

  ProxyLogonChain(AttackKit kit, String ip, String ua) {
    this.kit = kit;
    this.org = kit.org;
    this.rand = kit.rand;
    this.ip = ip;
    this.ua = ua;
    this.jsName = "/ecp/" + (rand.chance(0.6) ? rand.letters(1) : rand.letters(rand.between(2, 5)))
        + ".js";
    this.canary = rand.alnum(43) + ".";
  }

  void recon(long t, int tag) {
    kit.request(t, "GET", "/owa/auth/logon.aspx", ip, ua, tag);
    kit.r.query = "url=https%3a%2f%2f" + Org.MAIL_HOST + "%2fowa%2f&reason=0";
    kit.emit();
    kit.request(t + rand.between(800, 5000), "GET", "/ecp/", ip, ua, tag)
        .frontEndOnly(Protocol.ECP);
    kit.r.status = 302;
    kit.r.authType = "FBA";
    kit.emit();
  }

  /** Autodiscover (leaks the back-end name), MAPI (the SID), proxyLogon.ecp (an ECP session). */
  long ssrf(long t0, int tag) {
    long t = ssrfRequest(t0, "/autodiscover/autodiscover.xml", "", 200, tag);
    t = ssrfRequest(t + rand.between(400, 2500), "/mapi/emsmdb/", "", 200, tag);
    t = ssrfRequest(t + rand.between(400, 2500), "/ecp/proxyLogon.ecp", "", 241, tag);
    return ssrfRequest(t + rand.between(2000, 8000), "/ecp/DDI/DDIService.svc/GetObject",
        "msExchEcpCanary=" + canary + "&schema=OABVirtualDirectory", 200, tag);
  }

  /** SetObject on the OAB virtual directory: the ExternalUrl becomes a China Chopper script. */
  long setExternalUrl(long t, String password, int tag) {
    long at = ssrfRequest(t + rand.between(2000, 6000), "/ecp/DDI/DDIService.svc/SetObject",
        "msExchEcpCanary=" + canary + "&schema=OABVirtualDirectory", 200, tag);
    String script = AttackKit.inertChopper(password);
    String url = "/ecp/DDI/DDIService.svc/SetObject?msExchEcpCanary=" + canary
        + "&schema=OABVirtualDirectory";
    kit.plan.line(Sink.ECP_SERVER, at, kit.logs.ecpRequest(at, "Set-OabVirtualDirectory"
        + ".ExternalUrl='http://f/" + script + "'.Identity='" + org.oabGuid + "'", url), tag);
    kit.cmdletEvent(at + 3, "Set-OabVirtualDirectory", "-Identity \"" + org.oabVirtualDirectory
        + "\" -ExternalUrl \"http://f/" + script + "\"", org.administrator.directoryPath(),
        org.administrator.sid(), "Remote-ECP-Unknown", ecpProcess(), tag);
    return at;
  }

  /** ResetOABVirtualDirectory with FilePathName: the export writes the script to disk. */
  long resetVirtualDirectory(long t, String shellPath, int tag) {
    String unc = "\\\\127.0.0.1\\c$\\" + shellPath.substring(3);
    long at = ssrfRequest(t + rand.between(2000, 6000), "/ecp/DDI/DDIService.svc/SetObject",
        "msExchEcpCanary=" + canary + "&schema=ResetOABVirtualDirectory", 200, tag);
    String url = "/ecp/DDI/DDIService.svc/SetObject?msExchEcpCanary=" + canary
        + "&schema=ResetOABVirtualDirectory";
    kit.plan.line(Sink.ECP_SERVER, at, kit.logs.ecpRequest(at, "Remove-OabVirtualDirectory"
        + ".Identity='" + org.oabGuid + "'.Confirm='False'", url), tag);
    kit.plan.line(Sink.ECP_SERVER, at + 40, kit.logs.ecpRequest(at + 40, "New-OabVirtualDirectory"
        + ".WebSiteName='Default Web Site'.Server='" + org.host + "'.FilePathName='" + unc + "'",
        url), tag);
    kit.cmdletEvent(at + 5, "Remove-OabVirtualDirectory", "-Identity \""
        + org.oabVirtualDirectory + "\" -Confirm \"False\"", org.administrator.directoryPath(),
        org.administrator.sid(), "Remote-ECP-Unknown", ecpProcess(), tag);
    kit.cmdletEvent(at + 45, "New-OabVirtualDirectory", "-WebSiteName \"Default Web Site\" "
        + "-Server \"" + org.host + "\"", org.administrator.directoryPath(),
        org.administrator.sid(), "Remote-ECP-Unknown", ecpProcess(), tag);
    return at + 50;
  }

  private long ssrfRequest(long t, String target, String targetQuery, int status, int tag) {
    Request r = kit.request(t, "POST", jsName, ip, ua, tag).proxied(Protocol.ECP);
    r.timeTaken = rand.skewed(60, 0.6);
    r.status = status;
    r.backEndStatus = status;
    r.backEndStem = target;
    r.backEndQuery = targetQuery;
    r.backEndUser = org.machineAccount;
    String anchor = "a]@" + org.fqdn + ":444" + target + "?" + targetQuery + "#";
    r.anchorMailbox = "ServerInfo~" + anchor;
    r.routingHint = "BEResourceCookie";
    r.backEndCookie = "Server~" + anchor + "~" + org.build.versionNumber();
    r.requestBytes = rand.skewed(900, 0.5);
    r.responseBytes = rand.skewed(2500, 0.8);
    r.extraInfo = "BEResource=" + org.fqdn + ";";
    kit.emit();
    return r.time;
  }

  private String ecpProcess() {
    return (6000 + rand.nextInt(900) * 4) + " w3wp#MSExchangeECPAppPool";
  }
}
