package io.tidemark.assess;

import io.tidemark.engine.EventSweep;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the records of the targeted sweep into {@link Fact}s. Stateless: it runs on the sweep's
 * worker threads. Field names are the logs' own (docs/architecture.md, "Field names per log
 * type").
 */
final class FactExtractor implements EventSweep.Extractor<Fact> {
  /** What the hunt can hand over as it parses: logons and cmdlets. */
  static final Set<LogType> OBSERVED =
      Set.of(LogType.WINDOWS_EVENT, LogType.EXCHANGE_CMDLET, LogType.M365_UAL);

  @Override
  public void extract(Event e, @Nullable String host, Consumer<Fact> out) {
    Instant time = e.timestamp();
    if (time == null) {
      return;
    }
    EvidenceRef ref = new EvidenceRef(e.source().path(), e.recordId(), time);
    switch (e.source().logType()) {
      case EXCHANGE_HTTPPROXY -> out.accept(httpProxy(e, ref, host));
      case IIS_W3C -> out.accept(iis(e, ref, host));
      case EXCHANGE_EWS -> out.accept(new Fact.Ews(ref, host, ip(e.get("ClientIpAddress")),
          text(e.get("UserAgent")), blankToNull(e.get("AuthenticatedUser")),
          text(e.get("SoapAction")), text(e.get("ImpersonatedUser")), number(e.get("HttpStatus")),
          number(e.get("ResponseSize"))));
      case EXCHANGE_MESSAGE_TRACKING -> messageTracking(e, ref, host, out);
      case EXCHANGE_CMDLET -> out.accept(new Fact.Cmdlet(ref, host, text(e.get("Cmdlet")),
          text(e.get("Parameters")), blankToNull(e.get("AuthenticatedUser")),
          ip(e.get("ClientIpAddress"))));
      case WINDOWS_EVENT -> windows(e, ref, host, out);
      case M365_UAL -> ual(e, ref, host, out);
      default -> { }
    }
  }

  private static Fact httpProxy(Event e, EvidenceRef ref, @Nullable String host) {
    String protocol = text(e.get("Protocol"));
    String query = text(e.get("UrlQuery"));
    String operation = text(e.get("ProtocolAction"));
    if (operation.isEmpty() && protocol.equalsIgnoreCase("Mapi")) {
      // MAPI over HTTP names its request type in ClientRequestId: "...;RT:Execute;CI:..."
      String id = text(e.get("ClientRequestId"));
      int rt = id.indexOf("RT:");
      if (rt >= 0) {
        int end = id.indexOf(';', rt);
        operation = id.substring(rt + 3, end < 0 ? id.length() : end);
      }
    } else if (operation.isEmpty() && protocol.equalsIgnoreCase("RpcHttp")) {
      operation = rpcEndpoint(query);
    } else if (operation.isEmpty()) {
      operation = queryValue(query, protocol.equalsIgnoreCase("Eas") ? "Cmd" : "action");
    }
    return new Fact.Request(ref, host, ip(e.get("ClientIpAddress")), text(e.get("UserAgent")),
        blankToNull(e.get("AuthenticatedUser")), protocol, text(e.get("Method")),
        text(e.get("UrlStem")), operation, text(e.get("AnchorMailbox")),
        text(e.get("AuthenticationType")), "true".equalsIgnoreCase(e.get("IsAuthenticated")),
        number(e.get("HttpStatus")), number(e.get("ResponseBytes")), query);
  }

  private static Fact iis(Event e, EvidenceRef ref, @Nullable String host) {
    String query = text(e.get("cs-uri-query"));
    String stem = text(e.get("cs-uri-stem"));
    String user = blankToNull(e.get("cs-username"));
    String lowerStem = stem.toLowerCase(Locale.ROOT);
    String operation = lowerStem.contains("active") ? queryValue(query, "Cmd")
        : lowerStem.startsWith("/rpc/") ? rpcEndpoint(query) : queryValue(query, "action");
    return new Fact.Request(ref, host, ip(e.get("c-ip")), text(e.get("cs(User-Agent)")), user,
        "iis", text(e.get("cs-method")), stem, operation, "", "", user != null,
        number(e.get("sc-status")), 0, query + "|" + text(e.get("sc-win32-status")));
  }

  private static void messageTracking(Event e, EvidenceRef ref, @Nullable String host,
      Consumer<Fact> out) {
    String source = text(e.get("source"));
    String event = text(e.get("event-id"));
    boolean ruleForward = source.equalsIgnoreCase("MAILBOXRULE") && event.equalsIgnoreCase("RECEIVE");
    boolean submit = event.equalsIgnoreCase("SUBMIT") || (source.equalsIgnoreCase("STOREDRIVER")
        && event.equalsIgnoreCase("RECEIVE"));
    if (!ruleForward && !submit) {
      return;
    }
    List<String> recipients = new ArrayList<>();
    for (String r : text(e.get("recipient-address")).split(";")) {
      if (!r.isBlank()) {
        recipients.add(r.trim().toLowerCase(Locale.ROOT));
      }
    }
    out.accept(new Fact.MailOut(ref, host, text(e.get("sender-address")).toLowerCase(Locale.ROOT),
        recipients, ruleForward ? "MAILBOXRULE" : source.toUpperCase(Locale.ROOT),
        ip(e.get("original-client-ip")), number(e.get("total-bytes"))));
  }

  private static void windows(Event e, EvidenceRef ref, @Nullable String host,
      Consumer<Fact> out) {
    String id = text(e.get("EventID"));
    String channel = text(e.get("Channel"));
    if (channel.equalsIgnoreCase("Security")
        && (id.equals("4624") || id.equals("4625"))) {
      // 4648 (explicit credentials) records an attempt, not its outcome: it is left out.
      String process = text(e.get("ProcessName")).toLowerCase(Locale.ROOT);
      if (!process.endsWith("\\w3wp.exe") && !text(e.get("LogonType")).equals("8")) {
        return;
      }
      String ip = ip(e.get("IpAddress"));
      if (ip.isEmpty() || ip.equals("-")) {
        return;
      }
      String user = text(e.get("TargetUserName"));
      String domain = text(e.get("TargetDomainName"));
      String account = user.isEmpty() || user.equals("-") ? null
          : (domain.isEmpty() || domain.equals("-") || user.contains("@") ? user
              : domain + "\\" + user);
      out.accept(new Fact.Logon(ref, host, account, ip, "", id.equals("4624"), id,
          text(e.get("SubStatus"))));
    } else if (channel.equalsIgnoreCase("MSExchange Management") && id.equals("1")) {
      List<String> data = e.getAll("Data");
      if (data.size() >= 2) {
        out.accept(new Fact.Cmdlet(ref, host, data.get(0), data.get(1),
            data.size() > 2 ? blankToNull(data.get(2)) : null, ""));
      }
    }
  }

  /**
   * Unified Audit Log records (field names as the reader flattens AuditData): sign-ins, mail
   * reads, and the cmdlets that widen access or send mail out, rewritten as the on-premises
   * cmdlet facts they mirror.
   */
  private static void ual(Event e, EvidenceRef ref, @Nullable String host, Consumer<Fact> out) {
    String op = text(e.get("Operation"));
    String ip = ip(e.get("Tidemark_ClientIP"));
    String user = blankToNull(e.get("UserId"));
    switch (op) {
      case "UserLoggedIn", "UserLoginFailed" -> {
        if (!ip.isEmpty()) {
          out.accept(new Fact.Logon(ref, host, user, ip,
              text(e.get("ExtendedProperties.UserAgent")), op.equals("UserLoggedIn"),
              "UAL " + op, text(e.get("LogonError"))));
        }
      }
      case "MailItemsAccessed" -> {
        List<String> ids = e.getAll("Folders.FolderItems.InternetMessageId");
        long bytes = 0;
        for (String size : e.getAll("Folders.FolderItems.SizeInBytes")) {
          bytes += number(size);
        }
        long count = ids.isEmpty() ? number(e.get("OperationCount")) : ids.size();
        out.accept(new Fact.CloudRead(ref, host, ip, text(e.get("ClientInfoString")), user,
            blankToNull(e.get("MailboxOwnerUPN")), text(e.get("MailAccessType")),
            e.getAll("Folders.Path"), count, bytes,
            "true".equalsIgnoreCase(e.get("IsThrottled")), text(e.get("SessionId"))));
      }
      default -> {
        StringBuilder params = new StringBuilder();
        for (String name : e.fieldNames()) {
          if (name.startsWith("Parameters.")) {
            params.append(" -").append(name.substring("Parameters.".length())).append(" \"")
                .append(text(e.get(name))).append('"');
          }
        }
        if (params.length() > 0) {
          if (!params.toString().contains("-Mailbox ") && !params.toString().contains("-Identity ")
              && e.get("ObjectId") != null) {
            params.append(" -Identity \"").append(text(e.get("ObjectId"))).append('"');
          }
          out.accept(new Fact.Cmdlet(ref, host, op, params.toString().trim(), user, ip));
        }
      }
    }
  }

  /**
   * The RPC endpoint an Outlook Anywhere (RPC over HTTP) request tunnels to, from the port its
   * URL query ends with ({@code ?<mailbox guid>@corp.local:6001}): {@code EMSMDB} (6001, the
   * mailbox store), {@code RFR} (6002, referral), {@code NSPI} (6004, the address book), else
   * the port as written; empty without one. Which of them expose mail is data
   * (exposure-operations.tsv).
   */
  static String rpcEndpoint(String query) {
    int colon = query.lastIndexOf(':');
    if (colon < 0) {
      return "";
    }
    String port = query.substring(colon + 1);
    int end = 0;
    while (end < port.length() && end < 5 && port.charAt(end) >= '0' && port.charAt(end) <= '9') {
      end++;
    }
    port = port.substring(0, end);
    return switch (port) {
      case "6001" -> "EMSMDB";
      case "6002" -> "RFR";
      case "6004" -> "NSPI";
      default -> port;
    };
  }

  /** The value of {@code key} in a URL query ({@code ?a=b&key=value}), or empty. */
  static String queryValue(String query, String key) {
    String q = query.startsWith("?") ? query.substring(1) : query;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(key)) {
        return pair.substring(eq + 1);
      }
    }
    return "";
  }

  /** Client addresses as logs write them: drops a port on IPv4 and IPv6's brackets. */
  static String ip(@Nullable String raw) {
    String v = text(raw);
    if (v.startsWith("[") && v.contains("]")) {
      return v.substring(1, v.indexOf(']'));
    }
    int colon = v.indexOf(':');
    if (colon > 0 && v.indexOf(':', colon + 1) < 0 && v.indexOf('.') > 0) {
      return v.substring(0, colon);
    }
    return v;
  }

  private static String text(@Nullable String v) {
    return v == null ? "" : v.trim();
  }

  private static @Nullable String blankToNull(@Nullable String v) {
    String t = text(v);
    return t.isEmpty() || t.equals("-") ? null : t;
  }

  private static int number(@Nullable String v) {
    try {
      return v == null || v.isBlank() ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
