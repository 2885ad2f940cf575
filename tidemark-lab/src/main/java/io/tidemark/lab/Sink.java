package io.tidemark.lab;

import io.tidemark.event.LogType;
import org.jspecify.annotations.Nullable;

/**
 * One family of evidence files, with its place in the Exchange server's layout and how often it
 * rolls: every hour (HttpProxy, EWS, cmdlet, message tracking), every day (IIS, ECP, OAB
 * generator) or never (the exported Windows channels).
 */
enum Sink {
  IIS_FRONT(Period.DAY, LogType.IIS_W3C, null, "inetpub/logs/LogFiles/W3SVC1/u_ex"),
  IIS_BACK(Period.DAY, LogType.IIS_W3C, null, "inetpub/logs/LogFiles/W3SVC2/u_ex"),
  HPX_OWA(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/Owa/HttpProxy_"),
  HPX_EWS(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/Ews/HttpProxy_"),
  HPX_EAS(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/Eas/HttpProxy_"),
  HPX_MAPI(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/Mapi/HttpProxy_"),
  HPX_AUTODISCOVER(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/Autodiscover/HttpProxy_"),
  HPX_ECP(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/Ecp/HttpProxy_"),
  HPX_POWERSHELL(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/PowerShell/HttpProxy_"),
  HPX_OAB(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/Oab/HttpProxy_"),
  HPX_RPCHTTP(Period.HOUR, CsvLayout.HTTP_PROXY, "Logging/HttpProxy/RpcHttp/HttpProxy_"),
  EWS(Period.HOUR, CsvLayout.EWS, "Logging/Ews/Ews_"),
  ECP_SERVER(Period.DAY, CsvLayout.ECP_SERVER, "Logging/ECP/Server/ECPServer"),
  OAB_GENERATOR(Period.DAY, CsvLayout.OAB_GENERATOR, "Logging/OABGeneratorLog/OABGeneratorLog_"),
  RPS_CMDLET(
      Period.HOUR, CsvLayout.RPS_CMDLET, "Logging/CmdletInfra/Powershell-Proxy/Cmdlet/Rps_Cmdlet_"),
  MSGTRK(Period.HOUR, CsvLayout.MESSAGE_TRACKING, "TransportRoles/Logs/MessageTracking/MSGTRK"),
  MSGTRK_MS(
      Period.HOUR, CsvLayout.MESSAGE_TRACKING, "TransportRoles/Logs/MessageTracking/MSGTRKMS"),
  MSGTRK_MD(
      Period.HOUR, CsvLayout.MESSAGE_TRACKING, "TransportRoles/Logs/MessageTracking/MSGTRKMD"),
  EVT_SECURITY(Period.WINDOW, LogType.WINDOWS_EVENT, null, "EventLogs/Security.jsonl"),
  EVT_APPLICATION(Period.WINDOW, LogType.WINDOWS_EVENT, null, "EventLogs/Application.jsonl"),
  EVT_SYSTEM(Period.WINDOW, LogType.WINDOWS_EVENT, null, "EventLogs/System.jsonl"),
  EVT_MANAGEMENT(
      Period.WINDOW, LogType.WINDOWS_EVENT, null, "EventLogs/MSExchange Management.jsonl"),
  EVT_SYSMON(
      Period.WINDOW,
      LogType.WINDOWS_EVENT,
      null,
      "EventLogs/Microsoft-Windows-Sysmon%4Operational.jsonl");

  /** Where the Exchange install lives inside the host folder. */
  static final String V15 = "Program Files/Microsoft/Exchange Server/V15/";
  /** Exchange rolls its protocol logs at this size as well as hourly. */
  static final long ROLL_CHARS = 10L * 1024 * 1024;

  /** How often a new file starts. */
  enum Period {
    HOUR,
    DAY,
    WINDOW
  }

  private final Period period;
  private final LogType logType;
  private final @Nullable CsvLayout csv;
  private final String pathPrefix;

  Sink(Period period, LogType logType, @Nullable CsvLayout csv, String pathPrefix) {
    this.period = period;
    this.logType = logType;
    this.csv = csv;
    this.pathPrefix = pathPrefix;
  }

  Sink(Period period, CsvLayout csv, String exchangePath) {
    this(period, csv.logType(), csv, V15 + exchangePath);
  }

  Period period() {
    return period;
  }

  LogType logType() {
    return logType;
  }

  /** The Exchange CSV layout, or null for IIS and Windows events. */
  @Nullable CsvLayout csv() {
    return csv;
  }

  boolean isEventLog() {
    return period == Period.WINDOW;
  }

  /** The file, relative to the output folder, holding a line written at {@code ms}. */
  String path(String host, long ms, int roll) {
    return switch (this) {
      case IIS_FRONT, IIS_BACK -> host + "/" + pathPrefix + Text.yymmdd(ms) + ".log";
      case ECP_SERVER, OAB_GENERATOR ->
          host + "/" + pathPrefix + Text.yyyymmdd(ms) + "-" + roll + ".LOG";
      case EVT_SECURITY, EVT_APPLICATION, EVT_SYSTEM, EVT_MANAGEMENT, EVT_SYSMON ->
          host + "/" + pathPrefix;
      default -> host + "/" + pathPrefix + Text.yyyymmddhh(ms) + "-" + roll + ".LOG";
    };
  }

  /** The file's opening block; IIS and CSV logs only. */
  String header(ExchangeBuild build, long firstMs) {
    CsvLayout layout = csv;
    if (layout != null) {
      return layout.header(build.versionText(), firstMs);
    }
    if (logType == LogType.IIS_W3C) {
      return W3cLayout.header(firstMs);
    }
    return "";
  }
}
