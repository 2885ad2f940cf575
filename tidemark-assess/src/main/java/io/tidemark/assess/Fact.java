package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the damage analysis keeps of one record: a few keyed values and the pointer to the line.
 * Whole events never outlive their file, so memory grows with the attacker's footprint, not with
 * the evidence.
 */
sealed interface Fact
    permits Fact.Logon, Fact.Request, Fact.Ews, Fact.MailOut, Fact.Cmdlet, Fact.CloudRead {

  EvidenceRef ref();

  @Nullable String host();

  default Instant time() {
    return ref().timestamp();
  }

  /**
   * An authentication outcome: Security 4624/4625 from IIS, a forms logon, or a UAL sign-in.
   *
   * @param account the name as typed or logged; null when the source does not name it
   * @param via what recorded it, e.g. {@code 4625}, {@code owa-forms}
   */
  record Logon(EvidenceRef ref, @Nullable String host, @Nullable String account, String ip,
      String userAgent, boolean success, String via, String detail) implements Fact {
    public Logon {
      requireNonNull(ref.timestamp(), "timestamp");
      requireNonNull(ip, "ip");
    }
  }

  /**
   * A web request from the HttpProxy or IIS log.
   *
   * @param protocol HttpProxy protocol ({@code Ews}, {@code Owa}, ...) or {@code iis}
   * @param operation the OWA action, EAS command or IIS stem
   * @param anchor the HttpProxy AnchorMailbox value, or empty
   * @param authenticated HttpProxy IsAuthenticated, or for IIS whether a user was logged
   */
  record Request(EvidenceRef ref, @Nullable String host, String ip, String userAgent,
      @Nullable String account, String protocol, String method, String stem, String operation,
      String anchor, String authType, boolean authenticated, int status, long bytes,
      String query) implements Fact {
    public Request {
      requireNonNull(ref.timestamp(), "timestamp");
    }
  }

  /** A row of the back-end EWS log. */
  record Ews(EvidenceRef ref, @Nullable String host, String ip, String userAgent,
      @Nullable String account, String soapAction, String impersonated, int status, long bytes)
      implements Fact {
    public Ews {
      requireNonNull(ref.timestamp(), "timestamp");
    }
  }

  /** A message-tracking row of mail leaving a mailbox (inbox-rule forward or client submit). */
  record MailOut(EvidenceRef ref, @Nullable String host, String sender, List<String> recipients,
      String source, String clientIp, long bytes) implements Fact {
    public MailOut {
      requireNonNull(ref.timestamp(), "timestamp");
      recipients = List.copyOf(recipients);
    }
  }

  /** A cmdlet that ran: MSExchange Management event 1 or the cmdlet log. */
  record Cmdlet(EvidenceRef ref, @Nullable String host, String cmdlet, String parameters,
      @Nullable String caller, String ip) implements Fact {
    public Cmdlet {
      requireNonNull(ref.timestamp(), "timestamp");
    }
  }

  /**
   * A MailItemsAccessed record of the Unified Audit Log (Exchange Online).
   *
   * @param accessType {@code Bind} (named items) or {@code Sync} (a whole folder)
   * @param folders the folder paths it names
   * @param items the items it names (InternetMessageIds), or its OperationCount
   * @param throttled {@code IsThrottled}: Bind auditing stops for 24 hours after this record
   * @param session the Entra session id, which survives token refresh and address changes
   */
  record CloudRead(EvidenceRef ref, @Nullable String host, String ip, String clientInfo,
      @Nullable String account, @Nullable String mailbox, String accessType, List<String> folders,
      long items, long bytes, boolean throttled, String session) implements Fact {
    public CloudRead {
      requireNonNull(ref.timestamp(), "timestamp");
      folders = List.copyOf(folders);
    }
  }
}
