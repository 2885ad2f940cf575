package io.tidemark.lab;

import io.tidemark.event.LogType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One Exchange CSV log format: the {@code #Software/#Version/#Log-type/#Date/#Fields} header and
 * its field list, exactly as the reference samples show them.
 */
final class CsvLayout {
  static final CsvLayout HTTP_PROXY =
      new CsvLayout(
          LogType.EXCHANGE_HTTPPROXY,
          "HttpProxy Logs",
          null,
          "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,"
              + "ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction,AuthenticationType,"
              + "IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,UserAgent,"
              + "ClientIpAddress,ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,"
              + "ProxyAction,TargetServer,TargetServerVersion,RoutingType,RoutingHint,"
              + "BackEndCookie,ServerLocatorHost,ServerLocatorLatency,RequestBytes,ResponseBytes,"
              + "TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency,"
              + "CalculateTargetBackEndLatency,GlsLatencyBreakup,TotalGlsLatency,"
              + "AccountForestLatencyBreakup,TotalAccountForestLatency,"
              + "ResourceForestLatencyBreakup,TotalResourceForestLatency,ADLatency,"
              + "SharedCacheLatencyBreakup,TotalSharedCacheLatency,ActivityContextLifeTime,"
              + "ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,BackendReqInitLatency,"
              + "BackendReqStreamLatency,BackendProcessingLatency,BackendRespInitLatency,"
              + "BackendRespStreamLatency,ClientRespStreamLatency,KerberosAuthHeaderLatency,"
              + "HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,"
              + "ProxyTime,CoreLatency,RoutingLatency,HttpProxyOverhead,TotalRequestTime,"
              + "RouteRefresherLatency,UrlQuery,BackEndGenericInfo,GenericInfo,GenericErrors,"
              + "EdgeTraceId,DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,"
              + "RoutingStatus");

  static final CsvLayout EWS =
      new CsvLayout(
          LogType.EXCHANGE_EWS,
          "EWS Logs",
          null,
          "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,Ring,"
              + "ClientRequestId,AuthenticationType,IsAuthenticated,AuthenticatedUser,"
              + "Organization,UserAgent,VersionInfo,ClientIpAddress,ServerHostName,"
              + "FrontEndServer,SoapAction,HttpStatus,RequestSize,ResponseSize,ErrorCode,"
              + "ImpersonatedUser,ProxyAsUser,ActAsUser,Cookie,CorrelationGuid,"
              + "PrimaryOrProxyServer,TaskType,RemoteBackendCount,LocalMailboxCount,"
              + "RemoteMailboxCount,LocalIdCount,RemoteIdCount,BeginBudgetConnections,"
              + "EndBudgetConnections,BeginBudgetHangingConnections,EndBudgetHangingConnections,"
              + "BeginBudgetAD,EndBudgetAD,BeginBudgetCAS,EndBudgetCAS,BeginBudgetRPC,"
              + "EndBudgetRPC,BeginBudgetFindCount,EndBudgetFindCount,BeginBudgetSubscriptions,"
              + "EndBudgetSubscriptions,MDBResource,MDBHealth,MDBHistoricalLoad,ThrottlingPolicy,"
              + "ThrottlingDelay,ThrottlingRequestType,TotalDCRequestCount,TotalDCRequestLatency,"
              + "TotalMBXRequestCount,TotalMBXRequestLatency,RecipientLookupLatency,"
              + "ExchangePrincipalLatency,HttpPipelineLatency,CheckAccessCoreLatency,"
              + "AuthModuleLatency,CallContextInitLatency,PreExecutionLatency,"
              + "CoreExecutionLatency,TotalRequestTime,DetailedExchangePrincipalLatency,"
              + "ClientStatistics,GenericInfo,AuthenticationErrors,GenericErrors,Puid,StartTime,"
              + "ProcessId,TimeInGC,StartTotalMemory,EndTotalMemory,StartGCCounts,EndGCCounts,"
              + "TokenBasedThrottlingPolicy,BudgetKey,CoinsCharged,CoinsChargedMethod,"
              + "SidBudgetInfo,AppBudgetInfo,TenantBudgetInfo,ResourceAccessed,"
              + "ResourceHealthBasedThreshold,ThrottledBy,BackoffHint,WorkClassification");

  static final CsvLayout ECP_SERVER =
      new CsvLayout(
          LogType.EXCHANGE_ECP_SERVER,
          "ECP Server Log",
          "15.0.0.0",
          "TimeStamp,ServerName,EventId,EventData");

  static final CsvLayout ECP_ACTIVITY =
      new CsvLayout(
          LogType.EXCHANGE_ECP_ACTIVITY,
          "ECP Activity Context Log",
          "15.0.0.0",
          "TimeStamp,ServerName,EventId,EventData");

  /** UNVERIFIED layout (no public sample): a documented choice, see package-info. */
  static final CsvLayout OAB_GENERATOR =
      new CsvLayout(
          LogType.EXCHANGE_OAB_GENERATOR,
          "OABGenerator Log",
          null,
          "Timestamp,EventLevel,ThreadId,MailboxGuid,OabName,Message");

  static final CsvLayout MESSAGE_TRACKING =
      new CsvLayout(
          LogType.EXCHANGE_MESSAGE_TRACKING,
          "Message Tracking Log",
          null,
          "date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
              + "connector-id,source,event-id,internal-message-id,message-id,"
              + "network-message-id,recipient-address,recipient-status,total-bytes,"
              + "recipient-count,related-recipient-address,reference,message-subject,"
              + "sender-address,return-path,message-info,directionality,tenant-id,"
              + "original-client-ip,original-server-ip,custom-data,transport-traffic-type,"
              + "log-id,schema-version");

  static final CsvLayout RPS_CMDLET =
      new CsvLayout(
          LogType.EXCHANGE_CMDLET,
          "Rps Cmdlet Logs",
          null,
          "DateTime,StartTime,RequestId,ClientRequestId,MajorVersion,MinorVersion,BuildVersion,"
              + "RevisionVersion,ServerHostName,ProcessId,ProcessName,ThreadId,CultureInfo,"
              + "Organization,AuthenticatedUser,ExecutingUserSid,EffectiveOrganization,"
              + "UserServicePlan,IsAdmin,ClientApplication,Cmdlet,Parameters,CmdletUniqueId,"
              + "UserBudgetOnStart,ContributeToFailFast,RunspaceSettingsCreationHint,"
              + "ADViewEntireForest,ADRecipientViewRoot,ADConfigurationDomainControllers,"
              + "ADPreferredGlobalCatalogs,ADPreferredDomainControllers,"
              + "ADUserConfigurationDomainController,ADUserPreferredGlobalCatalog,"
              + "ADuserPreferredDomainControllers,ThrottlingInfo,DelayInfo,ThrottlingDelay,"
              + "IsOutputObjectRedacted,CmdletProxyStage,CmdletProxyRemoteServer,"
              + "CmdletProxyRemoteServerVersion,CmdletProxyMethod,ProxiedObjectCount,"
              + "CmdletProxyLatency,OutputObjectCount,ParameterBinding,BeginProcessing,"
              + "ProcessRecord,EndProcessing,StopProcessing,BizLogic,PowerShellLatency,"
              + "UserInteractionLatency,ProvisioningLayerLatency,ActivityContextLifeTime,"
              + "TotalTime,ErrorType,ExecutionResult,CacheHitCount,CacheMissCount,"
              + "GenericLatency,GenericInfo,GenericErrors,ObjectGuid,"
              + "ExternalDirectoryOrganizationId,ExternalDirectoryObjectId,NonPiiParameters");

  private final LogType logType;
  private final String logTypeName;
  private final @Nullable String fixedVersion;
  private final List<String> fields;
  private final String fieldsLine;
  private final Map<String, Integer> index = new HashMap<>();

  private CsvLayout(
      LogType logType, String logTypeName, @Nullable String fixedVersion, String fields) {
    this.logType = logType;
    this.logTypeName = logTypeName;
    this.fixedVersion = fixedVersion;
    this.fields = List.of(fields.split(","));
    this.fieldsLine = fields;
    for (int i = 0; i < this.fields.size(); i++) {
      index.put(this.fields.get(i), i);
    }
  }

  LogType logType() {
    return logType;
  }

  List<String> fields() {
    return fields;
  }

  int size() {
    return fields.size();
  }

  /** The column of a field; throws for a name the format lacks (a programming error here). */
  int column(String field) {
    Integer i = index.get(field);
    if (i == null) {
      throw new IllegalArgumentException(logType + " has no field " + field);
    }
    return i;
  }

  /** The column of a field, or -1. */
  int columnOrMinusOne(String field) {
    Integer i = index.get(field);
    return i == null ? -1 : i;
  }

  /** The file's opening block with its byte-order mark; {@code #Date} is the first entry's. */
  String header(String buildVersion, long dateMs) {
    StringBuilder sb = new StringBuilder(fieldsLine.length() + 160);
    sb.append(Text.BOM)
        .append("#Software: Microsoft Exchange Server").append(Text.CRLF)
        .append("#Version: ").append(fixedVersion != null ? fixedVersion : buildVersion)
        .append(Text.CRLF)
        .append("#Log-type: ").append(logTypeName).append(Text.CRLF)
        .append("#Date: ");
    Text.appendIso(sb, dateMs);
    sb.append(Text.CRLF).append("#Fields: ").append(fieldsLine).append(Text.CRLF);
    return sb.toString();
  }

  /** One record, CRLF-terminated; null values are written empty. */
  String row(@Nullable String[] values) {
    StringBuilder sb = new StringBuilder(64 + values.length * 8);
    appendRow(sb, values);
    return sb.toString();
  }

  void appendRow(StringBuilder sb, @Nullable String[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String value = values[i];
      if (value != null && !value.isEmpty()) {
        Text.appendCsv(sb, value);
      }
    }
    sb.append(Text.CRLF);
  }
}
