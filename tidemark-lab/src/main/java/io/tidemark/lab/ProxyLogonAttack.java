package io.tidemark.lab;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * HAFNIUM-style ProxyLogon: CVE-2021-26855 SSRF through {@code X-BEResource} ({@code
 * AnchorMailbox=ServerInfo~a]@HOST:444/…#}, empty user), CVE-2021-27065 (a China Chopper in the
 * OAB
 * ExternalUrl, exported to a web folder by ResetOABVirtualDirectory), optionally CVE-2021-26858,
 * then the web shell drives cmd.exe: an LSASS dump, mailbox exports through the Exchange snap-in,
 * an archive, its download and the clean-up.
 */
final class ProxyLogonAttack implements Attack {
  private static final String[] SSRF_AGENTS = {
    "ExchangeServicesClient/0.0.0.0", "python-requests/2.25.1", "python-requests/2.19.1",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/51.0.2704.103 Safari/537.36"
  };
  private static final String[] SHELL_AGENTS = {
    "antSword/v2.1",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/88.0.4324.190 Safari/537.36"
  };

  @Override
  public void plan(AttackKit kit) {
    Org org = kit.org;
    Rand rand = kit.rand;
    long t0 = kit.startTime(5);
    String ip = kit.attackerIp();
    String shellIp = rand.chance(0.5) ? ip : kit.attackerIp();
    String ua = rand.pick(SSRF_AGENTS);
    boolean inAuth = rand.chance(0.4);
    String name = kit.shellName() + ".aspx";
    String shellWindowsPath = inAuth
        ? AttackKit.exchangePath("FrontEnd\\HttpProxy\\owa\\auth\\" + name)
        : "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\" + name;
    String shellUrl = inAuth ? "/owa/auth/" + name : "/aspnet_client/system_web/" + name;
    String password = rand.letters(1) + rand.alnum(rand.between(4, 9));
    ProxyLogonChain chain = new ProxyLogonChain(kit, ip, ua);

    int recon = kit.plan.step("reconnaissance", t0 - 600_000, "The attacker fetched the OWA logon "
        + "page from " + ip + " to fingerprint the server.");
    chain.recon(t0 - rand.between(120_000, 600_000), recon);
    long t = chain.ssrf(t0, kit.plan.step("ssrf", t0, "CVE-2021-26855: unauthenticated SSRF "
        + "through the X-BEResource cookie reached autodiscover, MAPI and ECP on the back end as "
        + "the server itself, and logged on to ECP as Administrator by SID."));
    t = chain.setExternalUrl(t, password, kit.plan.step("oab-external-url", t, "CVE-2021-27065: "
        + "Set-OabVirtualDirectory put a China Chopper script into the OAB ExternalUrl."));
    Proc ecpWorker = kit.worker("MSExchangeECPAppPool");
    int write = kit.plan.step("webshell-write", t, "ResetOABVirtualDirectory exported the OAB "
        + "virtual directory, script included, to " + shellWindowsPath + ".");
    t = chain.resetVirtualDirectory(t, shellWindowsPath, write);
    kit.fileCreate(t + 300, ecpWorker, shellWindowsPath, write);
    kit.plan.webShell(kit.relative(shellWindowsPath), shellUrl, t + 300,
        shellContent(org, password), write);
    if (rand.chance(0.4)) {
      oabArbitraryWrite(kit, t + rand.between(60_000, 300_000));
    }
    ShellSession shell = new ShellSession(kit, shellIp, rand.pick(SHELL_AGENTS), shellUrl,
        kit.worker(inAuth ? "MSExchangeOWAAppPool" : "DefaultAppPool"),
        shellWindowsPath.substring(0, shellWindowsPath.lastIndexOf('\\')));
    t = useShell(kit, shell, t + rand.between(120_000, 600_000));
    t = new ProxyLogonLoot(kit, shell).run(t);
    kit.plan.account(org.administrator);
  }

  private static long useShell(AttackKit kit, ShellSession shell, long t) {
    int use = kit.plan.step("webshell-use", t, "The web shell ran China Chopper commands "
        + "(whoami, ipconfig, net group) through cmd.exe under w3wp.exe.");
    for (String command : List.of("whoami", "ipconfig /all", "net group \"Exchange Trusted "
        + "Subsystem\" /domain", "tasklist")) {
      t = shell.chopper(t + kit.rand.between(8_000, 60_000), command, use);
    }
    return t;
  }

  private static void oabArbitraryWrite(AttackKit kit, long t) {
    String target = "C:\\inetpub\\wwwroot\\aspnet_client\\" + kit.rand.letters(8) + ".aspx";
    int tag = kit.plan.step("oab-arbitrary-write", t, "CVE-2021-26858: the OAB generator was made "
        + "to download a file outside its folder, to " + target + ".");
    kit.plan.line(Sink.OAB_GENERATOR, t, kit.logs.oabLine(t, "Error", "Download failed and "
        + "temporary file '" + target + "' needs to be removed"), tag);
  }

  /** The OAB virtual directory as Get-OabVirtualDirectory prints it, with the script inside. */
  private static byte[] shellContent(Org org, String password) {
    String text = "Name                            : OAB (Default Web Site)\r\n"
        + "PollInterval                    : 480\r\n"
        + "OfflineAddressBooks             :\r\n"
        + "RequireSSL                      : False\r\n"
        + "BasicAuthentication             : False\r\n"
        + "WindowsAuthentication           : True\r\n"
        + "OAuthAuthentication             : True\r\n"
        + "MetabasePath                    : IIS://" + org.fqdn + "/W3SVC/1/ROOT/OAB\r\n"
        + "Path                            : " + Org.V15 + "FrontEnd\\HttpProxy\\OAB\r\n"
        + "Server                          : " + org.host + "\r\n"
        + "InternalUrl                     : https://" + org.fqdn.toLowerCase(Locale.ROOT)
        + "/OAB\r\n"
        + "ExternalUrl                     : http://f/" + AttackKit.inertChopper(password)
        + "\r\n"
        + "AdminDisplayName                :\r\n"
        + "ExchangeVersion                 : 0.10 (14.0.100.0)\r\n"
        + "DistinguishedName               : CN=OAB (Default Web Site),CN=HTTP,CN=Protocols,CN="
        + org.host + ",CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),"
        + "CN=Administrative Groups,CN=First Organization,CN=Microsoft Exchange,CN=Services,"
        + "CN=Configuration,DC=corp,DC=local\r\n"
        + "Identity                        : " + org.oabVirtualDirectory + "\r\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] marker = AttackKit.inertMarker();
    byte[] all = new byte[body.length + marker.length];
    System.arraycopy(body, 0, all, 0, body.length);
    System.arraycopy(marker, 0, all, body.length, marker.length);
    return all;
  }
}
