package io.tidemark.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Unified Audit Log records (AuditData objects) in the shapes Exchange Online and Entra
 * write them: sign-ins (RecordType 15), MailItemsAccessed (50) and admin cmdlets (1). One per
 * tenant; the random stream is the caller's, so attacker and background stay independent.
 */
final class UalRecords {
  static final String APP_OUTLOOK = "d3590ed6-52b3-4102-aeff-aad2292ab01c";
  static final String APP_OWA = "00000002-0000-0ff1-ce00-000000000000";
  static final String APP_OUTLOOK_MOBILE = "27922004-5251-4030-b22d-91ecd9a37ea4";
  static final String APP_GRAPH = "00000003-0000-0000-c000-000000000000";
  /** Where the office's traffic leaves for the internet: what Microsoft sees as the client. */
  static final String OFFICE_EGRESS = "192.0.2.10";

  private final String organizationId;
  private final String organizationName;
  private final String serverPrefix;

  UalRecords(Rand rand) {
    this.organizationId = rand.guid();
    this.organizationName = "corp.onmicrosoft.com";
    this.serverPrefix = rand.pick("AM0PR", "DB9PR", "VI1PR", "PAXPR") + rand.between(1, 9) + "0MB";
  }

  /** A successful or failed sign-in; {@code user} is what was typed, existing account or not. */
  Map<String, Object> logon(Rand rand, long ms, String user, String userKey, String clientIp,
      String userAgent, String app, boolean success, String logonError) {
    Map<String, Object> r = head(rand, ms, success ? "UserLoggedIn" : "UserLoginFailed", 15,
        success ? "Success" : "Failed", userKey, 0, "AzureActiveDirectory", user);
    r.put("ClientIP", clientIp);
    r.put("ObjectId", app);
    r.put("AzureActiveDirectoryEventType", 1);
    List<Map<String, Object>> extended = new ArrayList<>();
    extended.add(nameValue("ResultStatusDetail", success ? "Redirect" : "Success"));
    extended.add(nameValue("UserAgent", userAgent));
    extended.add(nameValue("RequestType", rand.chance(0.5) ? "OAuth2:Authorize" : "Login:login"));
    r.put("ExtendedProperties", extended);
    r.put("ModifiedProperties", List.of());
    r.put("Actor", List.of(idType(userKey, 0), idType(user, 5)));
    r.put("ActorContextId", organizationId);
    r.put("ActorIpAddress", clientIp);
    r.put("InterSystemsId", rand.guid());
    r.put("IntraSystemId", rand.guid());
    r.put("SupportTicketId", "");
    r.put("Target", List.of(idType(app, 0)));
    r.put("TargetContextId", organizationId);
    r.put("ApplicationId", app);
    r.put("ErrorNumber", success ? "0" : logonError.equals("UserAccountNotFound") ? "50034"
        : "50126");
    if (!success) {
      r.put("LogonError", logonError);
    }
    return r;
  }

  /**
   * A MailItemsAccessed record.
   *
   * @param folders for Bind, each folder path with the InternetMessageIds read in it; for Sync,
   *     the synchronised folder paths with no items
   */
  Map<String, Object> mailItemsAccessed(Rand rand, long ms, Person user, Person owner,
      String clientIp, String clientInfo, String app, String sessionId, boolean bind,
      boolean throttled, Map<String, List<String>> folders) {
    Map<String, Object> r = head(rand, ms, "MailItemsAccessed", 50, "Succeeded",
        user.objectGuid(), 0, "Exchange", user.upn());
    r.put("AppId", app);
    r.put("ClientAppId", "");
    r.put("ClientIPAddress", clientIp);
    r.put("ClientInfoString", clientInfo);
    r.put("ExternalAccess", false);
    boolean delegate = !user.upn().equals(owner.upn());
    r.put("InternalLogonType", 0);
    r.put("LogonType", delegate ? 2 : 0);
    r.put("LogonUserSid", user.sid());
    r.put("MailboxGuid", owner.mailboxGuid());
    r.put("MailboxOwnerSid", owner.sid());
    r.put("MailboxOwnerUPN", owner.upn());
    r.put("OperationProperties", List.of(nameValue("MailAccessType", bind ? "Bind" : "Sync"),
        nameValue("IsThrottled", throttled ? "True" : "False")));
    r.put("OrganizationName", organizationName);
    r.put("OriginatingServer", server(rand));
    r.put("SessionId", sessionId);
    List<Map<String, Object>> list = new ArrayList<>();
    int count = 0;
    for (Map.Entry<String, List<String>> folder : folders.entrySet()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("Id", "LgAAAAA" + rand.alnum(40));
      f.put("Path", folder.getKey());
      if (bind) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String messageId : folder.getValue()) {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("Id", "RgAAAAA" + rand.alnum(60));
          item.put("InternetMessageId", messageId);
          item.put("SizeInBytes", rand.skewed(40_000, 1.2));
          items.add(item);
          count++;
        }
        f.put("FolderItems", items);
      } else {
        count++;
      }
      list.add(f);
    }
    r.put("Folders", list);
    r.put("OperationCount", count);
    return r;
  }

  /** An Exchange admin cmdlet run through the service, e.g. New-InboxRule. */
  Map<String, Object> cmdlet(Rand rand, long ms, Person user, String clientIp, String sessionId,
      String operation, String objectId, Map<String, String> parameters) {
    boolean admin = user.kind() == Person.Kind.ADMIN;
    Map<String, Object> r = head(rand, ms, operation, 1, "True", user.objectGuid(), admin ? 2 : 0,
        "Exchange", user.upn());
    r.put("ClientIP", clientIp);
    r.put("ObjectId", objectId);
    r.put("AppId", admin ? "fb78d390-0c51-40cd-8e17-fdbfab77341b" : APP_OWA);
    r.put("ClientAppId", "");
    r.put("ExternalAccess", false);
    r.put("OrganizationName", organizationName);
    r.put("OriginatingServer", server(rand) + " (15.20.7270.31)");
    List<Map<String, Object>> list = new ArrayList<>();
    parameters.forEach((name, value) -> list.add(nameValue(name, value)));
    r.put("Parameters", list);
    r.put("SessionId", sessionId);
    return r;
  }

  /** A message's InternetMessageId as Exchange Online mints them. */
  String messageId(Rand rand) {
    return "<" + serverPrefix + rand.between(1000, 9999) + rand.alnum(8).toUpperCase(
        java.util.Locale.ROOT) + "@" + serverPrefix + rand.between(1000, 9999)
        + ".eurprd01.prod.exchangelabs.com>";
  }

  private Map<String, Object> head(Rand rand, long ms, String operation, int recordType,
      String result, String userKey, int userType, String workload, String userId) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("CreationTime", UalExport.creationTime(ms));
    r.put("Id", rand.guid());
    r.put("Operation", operation);
    r.put("OrganizationId", organizationId);
    r.put("RecordType", recordType);
    r.put("ResultStatus", result);
    r.put("UserKey", userKey);
    r.put("UserType", userType);
    r.put("Version", 1);
    r.put("Workload", workload);
    r.put("UserId", userId);
    return r;
  }

  private String server(Rand rand) {
    return serverPrefix + rand.between(1000, 9999);
  }

  /** Ordered maps only: Map.of iterates in a per-JVM random order, and the lab is byte-stable. */
  private static Map<String, Object> idType(String id, int type) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("ID", id);
    entry.put("Type", type);
    return entry;
  }

  private static Map<String, Object> nameValue(String name, String value) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("Name", name);
    entry.put("Value", value);
    return entry;
  }
}
