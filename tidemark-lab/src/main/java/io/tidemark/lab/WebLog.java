package io.tidemark.lab;

import java.util.Arrays;
import java.util.Locale;

/**
 * Renders a {@link Request} into every web log that records it: the IIS front end (W3SVC1, port
 * 443), the IIS back end (W3SVC2, port 444), the HttpProxy row of its protocol and, for EWS, the
 * back-end EWS log. The HttpProxy {@code RequestId} reappears as {@code cafeReqId} in the IIS
 * query, as on real servers, so the logs can be joined.
 */
final class WebLog {
  private static final CsvLayout HPX = CsvLayout.HTTP_PROXY;
  private static final int H_TIME = HPX.column("DateTime");
  private static final int H_ID = HPX.column("RequestId");
  private static final int H_MAJOR = HPX.column("MajorVersion");
  private static final int H_CLIENT_REQ = HPX.column("ClientRequestId");
  private static final int H_PROTOCOL = HPX.column("Protocol");
  private static final int H_HOST = HPX.column("UrlHost");
  private static final int H_STEM = HPX.column("UrlStem");
  private static final int H_ACTION = HPX.column("ProtocolAction");
  private static final int H_AUTH = HPX.column("AuthenticationType");
  private static final int H_IS_AUTH = HPX.column("IsAuthenticated");
  private static final int H_USER = HPX.column("AuthenticatedUser");
  private static final int H_ORG = HPX.column("Organization");
  private static final int H_ANCHOR = HPX.column("AnchorMailbox");
  private static final int H_UA = HPX.column("UserAgent");
  private static final int H_IP = HPX.column("ClientIpAddress");
  private static final int H_SERVER = HPX.column("ServerHostName");
  private static final int H_STATUS = HPX.column("HttpStatus");
  private static final int H_BE_STATUS = HPX.column("BackEndStatus");
  private static final int H_ERROR = HPX.column("ErrorCode");
  private static final int H_METHOD = HPX.column("Method");
  private static final int H_PROXY_ACTION = HPX.column("ProxyAction");
  private static final int H_TARGET = HPX.column("TargetServer");
  private static final int H_TARGET_VERSION = HPX.column("TargetServerVersion");
  private static final int H_ROUTING_TYPE = HPX.column("RoutingType");
  private static final int H_ROUTING_HINT = HPX.column("RoutingHint");
  private static final int H_COOKIE = HPX.column("BackEndCookie");
  private static final int H_REQ_BYTES = HPX.column("RequestBytes");
  private static final int H_RESP_BYTES = HPX.column("ResponseBytes");
  private static final int H_PIPELINE = HPX.column("HttpPipelineLatency");
  private static final int H_QUERY = HPX.column("UrlQuery");
  private static final int H_INFO = HPX.column("GenericInfo");
  private static final int H_ERRORS = HPX.column("GenericErrors");
  private static final int H_DATABASE = HPX.column("DatabaseGuid");
  private static final int H_ROUTING_STATUS = HPX.column("RoutingStatus");
  private static final int H_TOTAL = HPX.column("TotalRequestTime");
  private static final int H_BACKEND_PROCESSING = HPX.column("BackendProcessingLatency");

  private static final CsvLayout EWSLOG = CsvLayout.EWS;
  private static final int E_TIME = EWSLOG.column("DateTime");
  private static final int E_ID = EWSLOG.column("RequestId");
  private static final int E_AUTH = EWSLOG.column("AuthenticationType");
  private static final int E_USER = EWSLOG.column("AuthenticatedUser");
  private static final int E_UA = EWSLOG.column("UserAgent");
  private static final int E_IP = EWSLOG.column("ClientIpAddress");
  private static final int E_ACTION = EWSLOG.column("SoapAction");
  private static final int E_STATUS = EWSLOG.column("HttpStatus");
  private static final int E_REQ_SIZE = EWSLOG.column("RequestSize");
  private static final int E_RESP_SIZE = EWSLOG.column("ResponseSize");
  private static final int E_ERROR = EWSLOG.column("ErrorCode");
  private static final int E_IMPERSONATED = EWSLOG.column("ImpersonatedUser");
  private static final int E_COOKIE = EWSLOG.column("Cookie");
  private static final int E_CORRELATION = EWSLOG.column("CorrelationGuid");
  private static final int E_MBX_LATENCY = EWSLOG.column("TotalMBXRequestLatency");
  private static final int E_CORE = EWSLOG.column("CoreExecutionLatency");
  private static final int E_TOTAL = EWSLOG.column("TotalRequestTime");
  private static final int E_STATS = EWSLOG.column("ClientStatistics");
  private static final int E_START = EWSLOG.column("StartTime");

  private final Org org;
  private final Rand rand;
  private final StringBuilder sb = new StringBuilder(2048);
  private final String[] hpx = new String[HPX.size()];
  private final String[] ews = new String[EWSLOG.size()];
  private final String beVersion;
  private final int ewsProcessId;

  WebLog(Org org, Rand rand) {
    this.org = org;
    this.rand = rand;
    this.beVersion = "BEVersion-" + org.build.versionNumber();
    this.ewsProcessId = 9000 + (int) Math.floorMod(Rand.mix(org.databaseGuid.hashCode()), 7000L);
  }

  /** Writes every line the request leaves. */
  void emit(Request r, LineSink out) {
    String requestId = rand.guid();
    if (r.protocol != null) {
      out.line(r.protocol.sink(), r.time, proxyRow(r, requestId), r.tag);
    }
    if (r.frontEnd) {
      out.line(Sink.IIS_FRONT, r.time, frontEndLine(r, requestId), r.tag);
    }
    if (r.backEnd) {
      out.line(Sink.IIS_BACK, r.time - 1, backEndLine(r, requestId), r.tag);
    }
    if (r.soapAction != null) {
      out.line(Sink.EWS, r.time - 2, ewsRow(r), r.tag);
    }
  }

  private String frontEndLine(Request r, String requestId) {
    sb.setLength(0);
    Text.appendW3c(sb, r.time);
    sb.append(' ').append(org.serverIp).append(' ').append(r.method).append(' ').append(r.stem);
    sb.append(' ');
    if (r.cafeQuery) {
      sb.append(r.query).append("&CorrelationID=<empty>;&cafeReqId=").append(requestId).append(';');
    } else {
      Text.appendW3cField(sb, r.query);
    }
    sb.append(" 443 ");
    Text.appendW3cField(sb, r.feUser);
    sb.append(' ').append(r.clientIp).append(' ');
    Text.appendW3cField(sb, r.userAgent);
    sb.append(' ');
    Text.appendW3cField(sb, r.referer);
    sb.append(' ').append(r.status).append(' ').append(r.subStatus).append(' ')
        .append(r.win32Status).append(' ').append(r.timeTaken).append(Text.CRLF);
    return sb.toString();
  }

  private String backEndLine(Request r, String requestId) {
    sb.setLength(0);
    Text.appendW3c(sb, r.time - 1);
    String stem = r.backEndStem != null ? r.backEndStem : r.stem;
    String query = r.backEndQuery != null ? r.backEndQuery : r.query;
    sb.append(' ').append(org.serverIp).append(' ').append(r.method).append(' ').append(stem)
        .append(' ').append(query);
    if (r.frontEnd) {
      sb.append("&CorrelationID=<empty>;&cafeReqId=").append(requestId).append(';');
    } else if (query.isEmpty()) {
      sb.append('-');
    }
    sb.append(" 444 ");
    Text.appendW3cField(sb, r.backEndUser);
    sb.append(' ').append(org.serverIp).append(' ');
    Text.appendW3cField(sb, r.userAgent);
    sb.append(" - ").append(r.backEndStatus).append(" 0 0 ")
        .append(Math.max(1, r.timeTaken - 3)).append(Text.CRLF);
    return sb.toString();
  }

  private String proxyRow(Request r, String requestId) {
    Arrays.fill(hpx, "");
    int total = Math.max(1, r.timeTaken);
    hpx[H_TIME] = Text.iso(r.time);
    hpx[H_ID] = requestId;
    hpx[H_MAJOR] = "15";
    hpx[H_MAJOR + 1] = "1";
    hpx[H_MAJOR + 2] = Integer.toString(org.build.build());
    hpx[H_MAJOR + 3] = Integer.toString(org.build.revision());
    hpx[H_CLIENT_REQ] = r.clientRequestId;
    hpx[H_PROTOCOL] = r.protocol == null ? "" : r.protocol.logName();
    hpx[H_HOST] = r.urlHost;
    hpx[H_STEM] = r.stem;
    hpx[H_ACTION] = r.protocolAction;
    hpx[H_AUTH] = r.authType;
    hpx[H_IS_AUTH] = r.authenticated ? "true" : "false";
    hpx[H_USER] = r.proxyUser;
    hpx[H_ORG] = r.organization;
    hpx[H_ANCHOR] = r.anchorMailbox;
    hpx[H_UA] = Text.exchangeUserAgent(r.userAgent);
    hpx[H_IP] = r.clientIp;
    hpx[H_SERVER] = org.host;
    hpx[H_STATUS] = Integer.toString(r.status);
    hpx[H_ERROR] = r.errorCode;
    hpx[H_METHOD] = r.method;
    hpx[H_QUERY] = r.query.isEmpty() ? "" : "?" + r.query;
    hpx[H_ERRORS] = r.genericErrors;
    hpx[H_REQ_BYTES] = Integer.toString(r.requestBytes);
    hpx[H_RESP_BYTES] = Integer.toString(r.responseBytes);
    hpx[H_PIPELINE] = "0";
    hpx[H_TOTAL] = Integer.toString(total);
    if (r.proxied) {
      fillProxied(r, total);
    }
    hpx[H_INFO] = genericInfo(r, total);
    sb.setLength(0);
    HPX.appendRow(sb, hpx);
    return sb.toString();
  }

  private void fillProxied(Request r, int total) {
    int backEnd = Math.max(0, total - 2 - (total >> 4));
    hpx[H_BE_STATUS] = Integer.toString(r.backEndStatus);
    hpx[H_PROXY_ACTION] = "Proxy";
    hpx[H_TARGET] = org.fqdn;
    hpx[H_TARGET_VERSION] = org.build.targetVersionText();
    hpx[H_ROUTING_TYPE] = r.routingType;
    hpx[H_ROUTING_HINT] = r.routingHint;
    hpx[H_COOKIE] = r.backEndCookie;
    hpx[H_DATABASE] = r.databaseGuid;
    hpx[H_ROUTING_STATUS] = "CafeV1";
    hpx[H_BACKEND_PROCESSING] = Integer.toString(backEnd);
    String[] latencies = {
      "1", "", "0", "", "0", "", "0", "0", "", "0", Integer.toString(total), "0", "0", "1", "0"
    };
    int first = HPX.column("CalculateTargetBackEndLatency");
    for (int i = 0; i < latencies.length; i++) {
      hpx[first + i] = latencies[i];
    }
    int afterBackEnd = HPX.column("BackendRespInitLatency");
    String[] tail = {"0", "0", "0", "0", "0", Integer.toString(total), "0",
        Integer.toString(backEnd + 1), Integer.toString(total - backEnd), "1",
        Integer.toString(Math.max(1, total - backEnd - 1))};
    for (int i = 0; i < tail.length; i++) {
      hpx[afterBackEnd + i] = tail[i];
    }
  }

  private String genericInfo(Request r, int total) {
    sb.setLength(0);
    long begin = r.time - total;
    sb.append("BeginRequest=");
    Text.appendIso(sb, begin);
    sb.append(";CorrelationID=<empty>;");
    if (r.proxied) {
      sb.append("ProxyState-Run=None;FEAuth=").append(beVersion).append(";BeginGetResponse=");
      Text.appendIso(sb, begin + Math.min(total, 2));
      sb.append(";OnResponseReady=");
      Text.appendIso(sb, r.time - Math.min(total, 1));
      sb.append(";EndGetResponse=");
      Text.appendIso(sb, r.time - Math.min(total, 1));
      sb.append(";ProxyState-Complete=ProxyResponseData;");
    }
    sb.append(r.extraInfo).append("SharedCacheGuard=0;EndRequest=");
    Text.appendIso(sb, r.time);
    return sb.append(';').toString();
  }

  private String ewsRow(Request r) {
    Arrays.fill(ews, "");
    int total = Math.max(2, r.timeTaken - 4);
    long time = r.time - 2;
    ews[E_TIME] = Text.iso(time);
    ews[E_ID] = rand.guid();
    ews[E_ID + 1] = "15";
    ews[E_ID + 2] = "1";
    ews[E_ID + 3] = Integer.toString(org.build.build());
    ews[E_ID + 4] = Integer.toString(org.build.revision());
    ews[E_ID + 5] = "Unknown";
    ews[E_AUTH] = r.authType;
    ews[E_AUTH + 1] = "true";
    ews[E_USER] = r.ewsUser;
    ews[E_USER + 1] = Org.DOMAIN.toUpperCase(Locale.ROOT);
    ews[E_UA] = Text.exchangeUserAgent(r.userAgent);
    ews[E_UA + 1] = "Target=None;Req=Exchange2013_SP1/Exchange2013_SP1;";
    ews[E_IP] = r.clientIp;
    ews[E_IP + 1] = org.host;
    ews[E_IP + 2] = org.fqdn;
    ews[E_ACTION] = r.soapAction;
    ews[E_STATUS] = Integer.toString(r.status == 401 ? 401 : r.backEndStatus);
    ews[E_REQ_SIZE] = Integer.toString(r.requestBytes);
    ews[E_RESP_SIZE] = Integer.toString(r.responseBytes);
    ews[E_ERROR] = r.errorCode;
    ews[E_IMPERSONATED] = r.impersonatedUser;
    ews[E_COOKIE] = rand.hex(32);
    ews[E_CORRELATION] = rand.guid();
    ews[E_CORRELATION + 1] = "PrimaryServer";
    ews[E_CORRELATION + 2] = "LocalTask";
    ews[E_CORRELATION + 3] = "0";
    ews[E_CORRELATION + 4] = "1";
    ews[E_CORRELATION + 5] = "0";
    ews[E_CORRELATION + 6] = "1";
    ews[E_CORRELATION + 7] = "0";
    ews[E_MBX_LATENCY - 3] = "1";
    ews[E_MBX_LATENCY - 1] = "1";
    ews[E_MBX_LATENCY] = Integer.toString(total / 2);
    ews[E_CORE] = Integer.toString(total - 1);
    ews[E_TOTAL] = Integer.toString(total);
    ews[E_STATS] = "MessageId_0=" + rand.guid() + ";ResponseTime_0=" + total + ";SoapAction_0="
        + r.soapAction + ";";
    ews[E_STATS + 1] = "SKU=Unknown;RequestHandler=Wcf;BackEndAuthenticator=WindowsAuthenticator;"
        + "S:ActivityStandardMetadata.Component=Ews;S:WLM.BT=Ews;Dbl:WLM.TS=" + total;
    ews[E_START] = Text.iso(time - total);
    ews[E_START + 1] = Integer.toString(ewsProcessId);
    sb.setLength(0);
    EWSLOG.appendRow(sb, ews);
    return sb.toString();
  }
}
