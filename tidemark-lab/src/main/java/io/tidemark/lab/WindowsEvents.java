package io.tidemark.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Windows events the lab writes, with the providers, versions, keywords and EventData
 * fields that the real Security, Sysmon and MSExchange CmdletLogs providers use.
 */
final class WindowsEvents {
  static final String W3WP = "C:\\Windows\\System32\\inetsrv\\w3wp.exe";
  static final String SYSTEM_USER = "NT AUTHORITY\\SYSTEM";
  private static final String SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";
  private static final String SECURITY_GUID = "54849625-5478-4994-A5BA-3E3B0328C30D";
  private static final String SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
  private static final String SYSMON_GUID = "5770385F-C22A-43E0-BF4C-06F5698FFBD9";
  private static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";
  private static final int LSASS_PID = 636;
  private static final int SYSMON_PID = 2412;

  private final Org org;
  private final Rand rand;
  private final String activityId;

  WindowsEvents(Org org, Rand rand) {
    this.org = org;
    this.rand = rand;
    this.activityId = ("A3C1" + rand.hex(4) + "-" + rand.hex(4) + "-0001-" + rand.hex(4) + "-"
        + rand.hex(12)).toUpperCase(Locale.ROOT);
  }

  private WinEvent security(long ms, int eventId, int version, int task, String keywords) {
    return new WinEvent()
        .provider(SECURITY_PROVIDER, SECURITY_GUID)
        .eventId(eventId, null)
        .header(version, 0, task, 0, keywords)
        .time(ms, rand.nextInt(1000))
        .correlation(activityId, null)
        .execution(LSASS_PID, rand.between(700, 9000) & ~3)
        .channel("Security", org.fqdn)
        .security(null);
  }

  /** 4624: an account logged on. Type 8 from w3wp for OWA/Basic, type 3 Kerberos otherwise. */
  String logon(long ms, Person person, int logonType, String ip, String logonId) {
    boolean web = logonType == 8;
    return security(ms, 4624, 2, 12544, "0x8020000000000000")
        .data("SubjectUserSid", web ? "S-1-5-18" : "S-1-0-0")
        .data("SubjectUserName", web ? org.host + "$" : "-")
        .data("SubjectDomainName", web ? Org.NETBIOS : "-")
        .data("SubjectLogonId", web ? "0x3e7" : "0x0")
        .data("TargetUserSid", person.sid())
        .data("TargetUserName", person.sam())
        .data("TargetDomainName", Org.NETBIOS)
        .data("TargetLogonId", logonId)
        .data("LogonType", logonType)
        .data("LogonProcessName", web ? "Advapi  " : "Kerberos")
        .data("AuthenticationPackageName", web ? "Negotiate" : "Kerberos")
        .data("WorkstationName", web ? org.host : "-")
        .data("LogonGuid", web ? "00000000-0000-0000-0000-000000000000" : upperGuid())
        .data("TransmittedServices", "-")
        .data("LmPackageName", "-")
        .data("KeyLength", 0)
        .data("ProcessId", web ? w3wpPidHex() : "0x0")
        .data("ProcessName", web ? W3WP : "-")
        .data("IpAddress", ip)
        .data("IpPort", web ? "-" : Integer.toString(rand.between(49152, 65535)))
        .data("ImpersonationLevel", "%%1833")
        .data("RestrictedAdminMode", "-")
        .data("TargetOutboundUserSid", "S-1-0-0")
        .data("TargetOutboundUserName", "-")
        .data("TargetOutboundDomainName", "-")
        .data("VirtualAccount", "%%1843")
        .data("TargetLinkedLogonId", "0x0")
        .data("ElevatedToken", "%%1842")
        .build();
  }

  /** 4625 from w3wp: a failed web logon, as OWA forms and Basic authentication record it. */
  String failedLogon(long ms, String typedUser, String typedDomain, String ip, String subStatus) {
    return security(ms, 4625, 0, 12544, "0x8010000000000000")
        .data("SubjectUserSid", "S-1-5-18")
        .data("SubjectUserName", org.host + "$")
        .data("SubjectDomainName", Org.NETBIOS)
        .data("SubjectLogonId", "0x3e7")
        .data("TargetUserSid", "S-1-0-0")
        .data("TargetUserName", typedUser)
        .data("TargetDomainName", typedDomain)
        .data("Status", "0xc000006d")
        .data("FailureReason", "%%2313")
        .data("SubStatus", subStatus)
        .data("LogonType", 8)
        .data("LogonProcessName", "Advapi  ")
        .data("AuthenticationPackageName", "Negotiate")
        .data("WorkstationName", org.host)
        .data("TransmittedServices", "-")
        .data("LmPackageName", "-")
        .data("KeyLength", 0)
        .data("ProcessId", w3wpPidHex())
        .data("ProcessName", W3WP)
        .data("IpAddress", ip)
        .data("IpPort", "-")
        .build();
  }

  /** 4634: the logon session ended. */
  String logoff(long ms, Person person, int logonType, String logonId) {
    return security(ms, 4634, 0, 12545, "0x8020000000000000")
        .data("TargetUserSid", person.sid())
        .data("TargetUserName", person.sam())
        .data("TargetDomainName", Org.NETBIOS)
        .data("TargetLogonId", logonId)
        .data("LogonType", logonType)
        .build();
  }

  String logonId() {
    return "0x" + Long.toHexString(rand.betweenLong(0x100000L, 0x7fffffffL));
  }

  private WinEvent sysmon(long ms, int eventId, int version) {
    return new WinEvent()
        .provider(SYSMON_PROVIDER, SYSMON_GUID)
        .eventId(eventId, null)
        .header(version, 4, eventId, 0, "0x8000000000000000")
        .time(ms, rand.nextInt(1000))
        .correlation(null, null)
        .execution(SYSMON_PID, rand.between(3000, 6000) & ~3)
        .channel(SYSMON_CHANNEL, org.fqdn)
        .security("S-1-5-18");
  }

  /** Sysmon 1: process creation. */
  String processCreate(long ms, Proc process, Proc parent) {
    ImageInfo info = ImageInfo.of(process.image());
    StringBuilder utc = new StringBuilder(23);
    Text.appendSysmon(utc, ms);
    return sysmon(ms, 1, 5)
        .data("RuleName", "-")
        .data("UtcTime", utc.toString())
        .data("ProcessGuid", process.guid())
        .data("ProcessId", process.pid())
        .data("Image", process.image())
        .data("FileVersion", info.version())
        .data("Description", info.description())
        .data("Product", info.product())
        .data("Company", info.company())
        .data("OriginalFileName", info.originalName())
        .data("CommandLine", process.commandLine())
        .data("CurrentDirectory", process.currentDirectory())
        .data("User", process.user())
        .data("LogonGuid", "9A1C5E4B-0000-0000-E703-000000000000")
        .data("LogonId", "0x3e7")
        .data("TerminalSessionId", 0)
        .data("IntegrityLevel", "System")
        .data("Hashes", info.hashes())
        .data("ParentProcessGuid", parent.guid())
        .data("ParentProcessId", parent.pid())
        .data("ParentImage", parent.image())
        .data("ParentCommandLine", parent.commandLine())
        .data("ParentUser", parent.user())
        .build();
  }

  /** Sysmon 11: a file was created. */
  String fileCreate(long ms, Proc process, String target) {
    StringBuilder utc = new StringBuilder(23);
    Text.appendSysmon(utc, ms);
    String when = utc.toString();
    return sysmon(ms, 11, 2)
        .data("RuleName", "-")
        .data("UtcTime", when)
        .data("ProcessGuid", process.guid())
        .data("ProcessId", process.pid())
        .data("Image", process.image())
        .data("TargetFilename", target)
        .data("CreationUtcTime", when)
        .data("User", process.user())
        .build();
  }

  /** Sysmon 23: a file was deleted (and archived by Sysmon). */
  String fileDelete(long ms, Proc process, String target) {
    StringBuilder utc = new StringBuilder(23);
    Text.appendSysmon(utc, ms);
    return sysmon(ms, 23, 5)
        .data("RuleName", "-")
        .data("UtcTime", utc.toString())
        .data("ProcessGuid", process.guid())
        .data("ProcessId", process.pid())
        .data("User", process.user())
        .data("Image", process.image())
        .data("TargetFilename", target)
        .data("Hashes", ImageInfo.of(target).hashes())
        .data("IsExecutable", "false")
        .data("Archived", "true")
        .build();
  }

  /**
   * MSExchange CmdletLogs event 1 (success) or 6 (failure) in the MSExchange Management log:
   * 27 unnamed Data elements, cmdlet first and parameters second, as real events carry them.
   */
  String cmdlet(long ms, boolean success, String cmdlet, String parameters, Person caller,
      String host, String process) {
    return cmdlet(ms, success, cmdlet, parameters, caller.directoryPath(), caller.sid(), host,
        process);
  }

  /** The same, for a caller that is not a mailbox user (e.g. SYSTEM in a web shell). */
  String cmdlet(long ms, boolean success, String cmdlet, String parameters, String callerPath,
      String callerSid, String host, String process) {
    List<String> data = new ArrayList<>(27);
    data.add(cmdlet);
    data.add(parameters);
    data.add(callerPath);
    data.add(callerSid);
    data.add(callerSid);
    data.add(host);
    data.add(process);
    data.add("");
    data.add(Integer.toString(rand.between(1, 60)));
    data.add("00:00:0" + rand.between(0, 4) + "." + rand.between(1_000_000, 9_999_999));
    data.add("View Entire Forest: 'False', Default Scope: '" + Org.DOMAIN
        + "', Configuration Domain Controller: '" + Org.DC + "." + Org.DOMAIN
        + "', Preferred Global Catalog: '" + Org.DC + "." + Org.DOMAIN
        + "', Preferred Domain Controllers: '{ " + Org.DC + "." + Org.DOMAIN + " }'");
    for (int i = 0; i < 6; i++) {
      data.add("");
    }
    data.add("False");
    data.add("");
    data.add("0 objects execution has been proxied to remote server.");
    data.add("");
    data.add("");
    data.add(success ? "0" : "1");
    data.add("ActivityId: " + rand.guid());
    data.add("ServicePlan:;IsAdmin:True;");
    data.add("");
    data.add("en-US");
    return new WinEvent()
        .provider("MSExchange CmdletLogs", null)
        .eventId(success ? 1 : 6, success ? 16384 : 49152)
        .header(null, success ? 4 : 2, 1, null, "0x80000000000000")
        .time(ms, rand.nextInt(1000))
        .classic()
        .channel("MSExchange Management", org.fqdn)
        .security(null)
        .unnamedData(data)
        .build();
  }

  /** A classic Application or System log event with unnamed data. */
  String classic(long ms, String channel, String provider, int eventId, int qualifiers,
      int level, int task, String keywords, List<String> data) {
    return new WinEvent()
        .provider(provider, null)
        .eventId(eventId, qualifiers)
        .header(null, level, task, null, keywords)
        .time(ms, rand.nextInt(1000))
        .classic()
        .channel(channel, org.fqdn)
        .security(null)
        .unnamedData(data)
        .build();
  }

  /** Service Control Manager 7036: a service entered the running or stopped state. */
  String serviceState(long ms, String service, String state) {
    return new WinEvent()
        .provider("Service Control Manager", "555908D1-A6D7-4695-8E1E-26931D2012F4")
        .eventSourceName("Service Control Manager")
        .eventId(7036, 16384)
        .header(0, 4, 0, 0, "0x8080000000000000")
        .time(ms, rand.nextInt(1000))
        .correlation(null, null)
        .execution(rand.between(600, 700) & ~3, rand.between(700, 9000) & ~3)
        .channel("System", org.fqdn)
        .security(null)
        .data("param1", service)
        .data("param2", state)
        .data("Binary", "")
        .build();
  }

  private String w3wpPidHex() {
    return "0x" + Integer.toHexString(0x1a00 + rand.nextInt(64) * 4);
  }

  private String upperGuid() {
    return rand.guid().toUpperCase(Locale.ROOT);
  }
}
