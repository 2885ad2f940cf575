package io.tidemark.lab;

import org.jspecify.annotations.Nullable;

/**
 * One client request as the Exchange front end sees it, reused between requests to spare the
 * allocator. {@link WebLog} turns it into the IIS front-end and back-end lines, the HttpProxy row
 * and, for EWS, the back-end EWS row.
 */
final class Request {
  long time;
  int timeTaken;
  String method = "";
  String stem = "";
  String query = "";
  @Nullable Protocol protocol;
  /** Whether the front-end IIS query gets Exchange's {@code &CorrelationID=…&cafeReqId=…;}. */
  boolean cafeQuery;
  /** Whether the front end (W3SVC1) logs it; back-end probes reach W3SVC2 directly. */
  boolean frontEnd;
  String feUser = "";
  String clientIp = "";
  String userAgent = "";
  String referer = "";
  int status;
  int subStatus;
  int win32Status;
  boolean backEnd;
  @Nullable String backEndStem;
  /** The back-end query when it differs from the front end's (SSRF targets). */
  @Nullable String backEndQuery;
  String backEndUser = "";
  int backEndStatus;
  String authType = "";
  boolean authenticated;
  String proxyUser = "";
  String organization = "";
  String anchorMailbox = "";
  String routingType = "";
  String routingHint = "";
  String backEndCookie = "";
  String protocolAction = "";
  String clientRequestId = "";
  String urlHost = Org.MAIL_HOST;
  String errorCode = "";
  String genericErrors = "";
  String extraInfo = "";
  String databaseGuid = "";
  boolean proxied;
  int requestBytes;
  int responseBytes;
  @Nullable String soapAction;
  String ewsUser = "";
  String impersonatedUser = "";
  int tag;

  Request reset() {
    time = 0;
    timeTaken = 10;
    method = "GET";
    stem = "/";
    query = "";
    protocol = null;
    cafeQuery = false;
    frontEnd = true;
    feUser = "";
    clientIp = "";
    userAgent = "";
    referer = "";
    status = 200;
    subStatus = 0;
    win32Status = 0;
    backEnd = false;
    backEndStem = null;
    backEndQuery = null;
    backEndUser = "";
    backEndStatus = 200;
    authType = "";
    authenticated = false;
    proxyUser = "";
    organization = "";
    anchorMailbox = "";
    routingType = "IntraForest";
    routingHint = "";
    backEndCookie = "";
    protocolAction = "";
    clientRequestId = "";
    urlHost = Org.MAIL_HOST;
    errorCode = "";
    genericErrors = "";
    extraInfo = "";
    databaseGuid = "";
    proxied = false;
    requestBytes = 0;
    responseBytes = 0;
    soapAction = null;
    ewsUser = "";
    impersonatedUser = "";
    tag = LineSink.NO_TAG;
    return this;
  }

  /** Marks the request as proxied to the mailbox back end under a protocol. */
  Request proxied(Protocol value) {
    protocol = value;
    proxied = true;
    backEnd = true;
    cafeQuery = true;
    return this;
  }

  /** Marks the request as logged by HttpProxy but answered by the front end itself. */
  Request frontEndOnly(Protocol value) {
    protocol = value;
    proxied = false;
    backEnd = false;
    cafeQuery = false;
    return this;
  }

  /** An authenticated user on both the front and the back end. */
  Request user(Person person, String frontEndName, String auth) {
    authenticated = true;
    authType = auth;
    feUser = frontEndName;
    proxyUser = person.domainUser();
    backEndUser = person.domainUser();
    ewsUser = person.upn();
    return this;
  }
}
