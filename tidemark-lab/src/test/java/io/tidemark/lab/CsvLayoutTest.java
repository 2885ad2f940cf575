package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The headers are copied from the reference samples (exchange-logs-and-detections.md, b1-b7). */
class CsvLayoutTest {
  private static final long DATE = Instant.parse("2023-01-09T19:00:00.130Z").toEpochMilli();

  @Test
  void header_httpProxy_exactlyTheReferenceBlockWith74Fields() {
    assertThat(CsvLayout.HTTP_PROXY.header("15.01.2375.007", DATE)).isEqualTo("\uFEFF"
        + "#Software: Microsoft Exchange Server\r\n"
        + "#Version: 15.01.2375.007\r\n"
        + "#Log-type: HttpProxy Logs\r\n"
        + "#Date: 2023-01-09T19:00:00.130Z\r\n"
        + "#Fields: DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,"
        + "ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction,AuthenticationType,"
        + "IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,UserAgent,ClientIpAddress,"
        + "ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,"
        + "TargetServerVersion,RoutingType,RoutingHint,BackEndCookie,ServerLocatorHost,"
        + "ServerLocatorLatency,RequestBytes,ResponseBytes,TargetOutstandingRequests,"
        + "AuthModulePerfContext,HttpPipelineLatency,CalculateTargetBackEndLatency,"
        + "GlsLatencyBreakup,TotalGlsLatency,AccountForestLatencyBreakup,TotalAccountForestLatency,"
        + "ResourceForestLatencyBreakup,TotalResourceForestLatency,ADLatency,"
        + "SharedCacheLatencyBreakup,TotalSharedCacheLatency,ActivityContextLifeTime,"
        + "ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,BackendReqInitLatency,"
        + "BackendReqStreamLatency,BackendProcessingLatency,BackendRespInitLatency,"
        + "BackendRespStreamLatency,ClientRespStreamLatency,KerberosAuthHeaderLatency,"
        + "HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,"
        + "ProxyTime,"
        + "CoreLatency,RoutingLatency,HttpProxyOverhead,TotalRequestTime,RouteRefresherLatency,"
        + "UrlQuery,BackEndGenericInfo,GenericInfo,GenericErrors,EdgeTraceId,DatabaseGuid,"
        + "UserADObjectGuid,PartitionEndpointLookupLatency,RoutingStatus\r\n");
    assertThat(CsvLayout.HTTP_PROXY.size()).isEqualTo(74);
  }

  @Test
  void header_ecpServer_fixedVersionAndFourFields() {
    assertThat(CsvLayout.ECP_SERVER.header("15.01.2375.007", DATE)).isEqualTo("\uFEFF"
        + "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n"
        + "#Log-type: ECP Server Log\r\n#Date: 2023-01-09T19:00:00.130Z\r\n"
        + "#Fields: TimeStamp,ServerName,EventId,EventData\r\n");
  }

  @Test
  void fields_messageTracking_referenceList() {
    assertThat(String.join(",", CsvLayout.MESSAGE_TRACKING.fields())).isEqualTo(
        "date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
            + "connector-id,source,event-id,internal-message-id,message-id,network-message-id,"
            + "recipient-address,recipient-status,total-bytes,recipient-count,"
            + "related-recipient-address,reference,message-subject,sender-address,return-path,"
            + "message-info,directionality,tenant-id,original-client-ip,original-server-ip,"
            + "custom-data,transport-traffic-type,log-id,schema-version");
  }

  @Test
  void fields_ews_referenceList() {
    assertThat(String.join(",", CsvLayout.EWS.fields())).isEqualTo("DateTime,RequestId,"
        + "MajorVersion,MinorVersion,BuildVersion,RevisionVersion,Ring,ClientRequestId,"
        + "AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,UserAgent,VersionInfo,"
        + "ClientIpAddress,ServerHostName,FrontEndServer,SoapAction,HttpStatus,RequestSize,"
        + "ResponseSize,ErrorCode,ImpersonatedUser,ProxyAsUser,ActAsUser,Cookie,CorrelationGuid,"
        + "PrimaryOrProxyServer,TaskType,RemoteBackendCount,LocalMailboxCount,RemoteMailboxCount,"
        + "LocalIdCount,RemoteIdCount,BeginBudgetConnections,EndBudgetConnections,"
        + "BeginBudgetHangingConnections,EndBudgetHangingConnections,BeginBudgetAD,EndBudgetAD,"
        + "BeginBudgetCAS,EndBudgetCAS,BeginBudgetRPC,EndBudgetRPC,BeginBudgetFindCount,"
        + "EndBudgetFindCount,BeginBudgetSubscriptions,EndBudgetSubscriptions,MDBResource,"
        + "MDBHealth,MDBHistoricalLoad,ThrottlingPolicy,ThrottlingDelay,ThrottlingRequestType,"
        + "TotalDCRequestCount,TotalDCRequestLatency,TotalMBXRequestCount,TotalMBXRequestLatency,"
        + "RecipientLookupLatency,ExchangePrincipalLatency,HttpPipelineLatency,"
        + "CheckAccessCoreLatency,AuthModuleLatency,CallContextInitLatency,PreExecutionLatency,"
        + "CoreExecutionLatency,TotalRequestTime,DetailedExchangePrincipalLatency,ClientStatistics,"
        + "GenericInfo,AuthenticationErrors,GenericErrors,Puid,StartTime,ProcessId,TimeInGC,"
        + "StartTotalMemory,EndTotalMemory,StartGCCounts,EndGCCounts,TokenBasedThrottlingPolicy,"
        + "BudgetKey,CoinsCharged,CoinsChargedMethod,SidBudgetInfo,AppBudgetInfo,TenantBudgetInfo,"
        + "ResourceAccessed,ResourceHealthBasedThreshold,ThrottledBy,BackoffHint,"
        + "WorkClassification");
    assertThat(CsvLayout.EWS.size()).isEqualTo(92);
  }

  @Test
  void fields_rpsCmdlet_referenceList() {
    assertThat(String.join(",", CsvLayout.RPS_CMDLET.fields())).isEqualTo("DateTime,StartTime,"
        + "RequestId,ClientRequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,"
        + "ServerHostName,ProcessId,ProcessName,ThreadId,CultureInfo,Organization,"
        + "AuthenticatedUser,ExecutingUserSid,EffectiveOrganization,UserServicePlan,IsAdmin,"
        + "ClientApplication,Cmdlet,Parameters,CmdletUniqueId,UserBudgetOnStart,"
        + "ContributeToFailFast,RunspaceSettingsCreationHint,ADViewEntireForest,"
        + "ADRecipientViewRoot,ADConfigurationDomainControllers,ADPreferredGlobalCatalogs,"
        + "ADPreferredDomainControllers,ADUserConfigurationDomainController,"
        + "ADUserPreferredGlobalCatalog,ADuserPreferredDomainControllers,ThrottlingInfo,DelayInfo,"
        + "ThrottlingDelay,IsOutputObjectRedacted,CmdletProxyStage,CmdletProxyRemoteServer,"
        + "CmdletProxyRemoteServerVersion,CmdletProxyMethod,ProxiedObjectCount,CmdletProxyLatency,"
        + "OutputObjectCount,ParameterBinding,BeginProcessing,ProcessRecord,EndProcessing,"
        + "StopProcessing,BizLogic,PowerShellLatency,UserInteractionLatency,"
        + "ProvisioningLayerLatency,ActivityContextLifeTime,TotalTime,ErrorType,ExecutionResult,"
        + "CacheHitCount,CacheMissCount,GenericLatency,GenericInfo,GenericErrors,ObjectGuid,"
        + "ExternalDirectoryOrganizationId,ExternalDirectoryObjectId,NonPiiParameters");
    assertThat(CsvLayout.RPS_CMDLET.header("15.01.2375.007", DATE))
        .contains("#Log-type: Rps Cmdlet Logs\r\n");
  }

  @Test
  void header_w3c_defaultIis10Block() {
    assertThat(W3cLayout.header(DATE)).isEqualTo(
        "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
            + "#Date: 2023-01-09 19:00:00\r\n#Fields: date time s-ip cs-method cs-uri-stem "
            + "cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status "
            + "sc-substatus sc-win32-status time-taken\r\n");
  }

  @Test
  void row_valuesNeedingQuotes_quotedWithDoubledQuotes() {
    String[] values = {"2021-03-03T01:12:09.394Z", "EXCH01", "ECP.Request",
        "S:CMD=Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=\"JScript\">'"};
    assertThat(CsvLayout.ECP_SERVER.row(values)).isEqualTo("2021-03-03T01:12:09.394Z,EXCH01,"
        + "ECP.Request,\"S:CMD=Set-OabVirtualDirectory.ExternalUrl='http://f/<script language="
        + "\"\"JScript\"\">'\"\r\n");
  }

  @Test
  void column_unknownName_throws() {
    assertThatThrownBy(() -> CsvLayout.EWS.column("NoSuchField"))
        .hasMessageContaining("NoSuchField");
    assertThat(CsvLayout.EWS.columnOrMinusOne("NoSuchField")).isEqualTo(-1);
  }
}
