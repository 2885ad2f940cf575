package io.tidemark.assess;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The values of a {@link Fact} that several analyses read the same way. */
final class FactValues {
  private FactValues() {}

  /** The client address of a fact, or null when it has none. */
  static @Nullable String ip(Fact f) {
    String ip = null;
    if (f instanceof Fact.Logon l) {
      ip = l.ip();
    } else if (f instanceof Fact.Request r) {
      ip = r.ip();
    } else if (f instanceof Fact.Ews e) {
      ip = e.ip();
    } else if (f instanceof Fact.MailOut m) {
      ip = m.clientIp();
    } else if (f instanceof Fact.Cmdlet c) {
      ip = c.ip();
    } else if (f instanceof Fact.CloudRead c) {
      ip = c.ip();
    }
    return ip == null || ip.isEmpty() ? null : ip;
  }

  /**
   * The account a fact shows in successful use, as a person key: a successful logon, a request
   * served (below 400) that was authenticated (or an IIS line naming a user), an EWS request
   * answered 200, a mail read. Null for failures and for facts that name no person.
   */
  static @Nullable String usedAccount(Fact f, Identities ids) {
    if (f instanceof Fact.Logon l) {
      return l.success() ? ids.see(l.account()) : null;
    } else if (f instanceof Fact.Request r) {
      boolean served = r.status() > 0 && r.status() < 400;
      return served && (r.authenticated() || r.protocol().equals("iis")) ? ids.see(r.account())
          : null;
    } else if (f instanceof Fact.Ews e) {
      return e.status() == 200 ? ids.see(e.account()) : null;
    } else if (f instanceof Fact.CloudRead c) {
      return ids.see(c.account());
    }
    return null;
  }

  /**
   * The client's own name for itself: user agent, or a UAL record's ClientInfoString. IIS writes
   * a user agent's spaces as {@code +} and HttpProxy as spaces; they are spaces here, so one
   * client is one value.
   */
  static @Nullable String userAgent(Fact f) {
    String ua = null;
    if (f instanceof Fact.Logon l) {
      ua = l.userAgent();
    } else if (f instanceof Fact.Request r) {
      ua = r.protocol().equals("iis") ? r.userAgent().replace('+', ' ') : r.userAgent();
    } else if (f instanceof Fact.Ews e) {
      ua = e.userAgent();
    } else if (f instanceof Fact.CloudRead c) {
      ua = c.clientInfo();
    }
    return ua == null || ua.isEmpty() || ua.equals("-") ? null : ua;
  }

  /**
   * The ActiveSync DeviceId of an EAS request (HttpProxy {@code Eas} UrlQuery, IIS
   * {@code /Microsoft-Server-ActiveSync} query): {@code Cmd=Sync&User=jdoe&DeviceId=...}. Clients
   * that send the base64 query form hide it; they give no device.
   */
  static @Nullable String device(Fact f) {
    if (!(f instanceof Fact.Request r)) {
      return null;
    }
    boolean eas = r.protocol().equalsIgnoreCase("Eas")
        || r.stem().toLowerCase(Locale.ROOT).startsWith("/microsoft-server-activesync");
    if (!eas) {
      return null;
    }
    String query = r.query();
    if (r.protocol().equals("iis")) {
      // The IIS fact appends "|" and the Win32 status to the query.
      int bar = query.lastIndexOf('|');
      query = bar < 0 ? query : query.substring(0, bar);
    }
    String id = FactExtractor.queryValue(query, "DeviceId");
    return id.isEmpty() ? null : id;
  }
}
