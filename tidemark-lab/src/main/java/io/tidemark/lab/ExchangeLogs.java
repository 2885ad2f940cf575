package io.tidemark.lab;

import java.util.Arrays;
import java.util.Locale;

/**
 * Rows of the smaller Exchange logs: the ECP server log ({@code S:KEY=VALUE} event data), the
 * remote PowerShell cmdlet log and the OAB generator log.
 */
final class ExchangeLogs {
  private static final CsvLayout RPS = CsvLayout.RPS_CMDLET;
  private static final CsvLayout OAB = CsvLayout.OAB_GENERATOR;
  static final String OAB_NAME = "\\Default Offline Address Book";

  private final Org org;
  private final Rand rand;
  private final String[] rps = new String[RPS.size()];
  private final String[] oab = new String[OAB.size()];
  private final String oabMailbox;
  private final int powerShellPid;

  ExchangeLogs(Org org, Rand rand) {
    this.org = org;
    this.rand = rand;
    this.oabMailbox = new Rand(org.databaseGuid.hashCode(), "oab-mailbox", 0).guid();
    this.powerShellPid = 4000 + Math.floorMod(org.oabGuid.hashCode(), 6000);
  }

  /** One ECP.Request line; {@code cmd} is the cmdlet with its {@code .Param='value'} pairs. */
  String ecpRequest(long ms, String cmd, String url) {
    StringBuilder sb = new StringBuilder(512);
    Text.appendIso(sb, ms);
    sb.append(',').append(org.host).append(",ECP.Request,");
    StringBuilder data = new StringBuilder(400);
    data.append("S:TIME=").append(rand.between(4, 400)).append(";S:SID=").append(rand.guid())
        .append(";S:CMD=").append(cmd).append(";S:REQID=;S:URL=").append(url)
        .append(";S:REFERRER=;S:EX=;S:ACTID=").append(rand.guid())
        .append(";S:RS=0;S:BLD=").append(org.build.shortText())
        .append(";S:TNAME=<null>;S:TID=;S:USID=").append(rand.guid()).append(";S:EDOID=;S:ACID=");
    Text.appendCsv(sb, data.toString());
    return sb.append(Text.CRLF).toString();
  }

  /** One remote PowerShell cmdlet row. */
  String rpsCmdlet(long ms, Person user, String cmdlet, String parameters,
      String clientApplication, boolean success) {
    Arrays.fill(rps, "");
    int total = rand.skewed(40, 0.8);
    set("DateTime", Text.iso(ms));
    set("StartTime", Text.iso(ms - total));
    set("RequestId", rand.guid());
    set("MajorVersion", "15");
    set("MinorVersion", "1");
    set("BuildVersion", Integer.toString(org.build.build()));
    set("RevisionVersion", Integer.toString(org.build.revision()));
    set("ServerHostName", org.host);
    set("ProcessId", Integer.toString(powerShellPid));
    set("ProcessName", "w3wp#MSExchangePowerShellAppPool");
    set("ThreadId", Integer.toString(rand.between(20, 180)));
    set("AuthenticatedUser", user.kind() == Person.Kind.HEALTH ? user.sam() : user.domainUser());
    set("ExecutingUserSid", user.sid());
    set("IsAdmin", user.kind() == Person.Kind.HEALTH ? "False" : "True");
    set("ClientApplication", clientApplication);
    set("Cmdlet", cmdlet);
    set("Parameters", parameters);
    set("CmdletUniqueId", rand.guid());
    set("RunspaceSettingsCreationHint", "GCRandomly");
    set("ADViewEntireForest", "False");
    set("ADRecipientViewRoot", Org.DOMAIN);
    String dc = Org.DC + "." + Org.DOMAIN;
    set("ADConfigurationDomainControllers", dc);
    set("ADPreferredGlobalCatalogs", dc);
    set("ADPreferredDomainControllers", dc);
    set("OutputObjectCount", Integer.toString(rand.between(0, 20)));
    set("ParameterBinding", "0");
    set("BeginProcessing", Integer.toString(rand.between(1, 9)));
    set("ProcessRecord", Integer.toString(total / 2));
    set("EndProcessing", "0");
    set("ActivityContextLifeTime", Integer.toString(total));
    set("TotalTime", Integer.toString(total));
    set("ExecutionResult", success ? "Success" : "Error");
    set("GenericInfo", "PSSenderInfo=" + user.domainUser().toLowerCase(Locale.ROOT)
        + ";ActivityId=" + rand.guid() + ";");
    set("NonPiiParameters", parameters);
    return RPS.row(rps);
  }

  /** One OAB generator line (UNVERIFIED layout, see package-info). */
  String oabLine(long ms, String level, String message) {
    Arrays.fill(oab, "");
    oab[0] = Text.iso(ms);
    oab[1] = level;
    oab[2] = Integer.toString(rand.between(8, 80));
    oab[3] = oabMailbox;
    oab[4] = OAB_NAME;
    oab[5] = message;
    return OAB.row(oab);
  }

  private void set(String field, String value) {
    rps[RPS.column(field)] = value;
  }
}
