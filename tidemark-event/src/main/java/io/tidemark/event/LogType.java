package io.tidemark.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kind of log a record came from. Rules are routed by log type before any field is compared,
 * so a webserver rule never meets a Windows event. The ids are used in mapping data files and in
 * {@code manifest.json}, so they never change once released.
 */
public enum LogType {
  /** IIS W3C extended log ({@code inetpub/logs/LogFiles/W3SVC*}/u_ex*.log). */
  IIS_W3C("iis-w3c"),
  /** Exchange front-end proxy log ({@code Logging/HttpProxy/<Protocol>/HttpProxy_*.LOG}). */
  EXCHANGE_HTTPPROXY("exchange-httpproxy"),
  /** Exchange Web Services back-end log ({@code Logging/Ews/Ews_*.log}). */
  EXCHANGE_EWS("exchange-ews"),
  /** ECP server log ({@code Logging/ECP/Server/ECPServer*.LOG}). */
  EXCHANGE_ECP_SERVER("exchange-ecp-server"),
  /** ECP activity log ({@code Logging/ECP/Activity/ECPActivity_*.LOG}). */
  EXCHANGE_ECP_ACTIVITY("exchange-ecp-activity"),
  /** OAB generator log ({@code Logging/OABGeneratorLog/*.log}). */
  EXCHANGE_OAB_GENERATOR("exchange-oabgenerator"),
  /** Transport message tracking log ({@code TransportRoles/Logs/MessageTracking/MSGTRK*.LOG}). */
  EXCHANGE_MESSAGE_TRACKING("exchange-messagetracking"),
  /** Remote or local PowerShell cmdlet log ({@code Logging/CmdletInfra/** /*Cmdlet*.LOG}). */
  EXCHANGE_CMDLET("exchange-cmdlet"),
  /** A Windows event, whether decoded from EVTX or read from a JSON export. */
  WINDOWS_EVENT("windows-event"),
  /**
   * A Microsoft 365 Unified Audit Log record (Exchange Online, Entra sign-ins, ...), from a
   * Search-UnifiedAuditLog or Purview export, JSON or CSV; fields in {@code docs/formats-ual.md}.
   */
  M365_UAL("m365-ual");

  private final String id;

  LogType(String id) {
    this.id = id;
  }

  /** The stable identifier used in data files and reports, e.g. {@code exchange-httpproxy}. */
  public String id() {
    return id;
  }

  /** Parses an id strictly; the message lists the allowed ids. */
  public static LogType fromId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (LogType type : values()) {
      if (type.id.equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown log type '" + id + "'; must be one of: " + ids());
  }

  /** All ids, comma-separated, for error messages and help text. */
  public static String ids() {
    return Arrays.stream(values()).map(LogType::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
