package io.tidemark.assess;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One key per person across the logs' spellings of an account: {@code CORP\jdoe} (HttpProxy,
 * Security), {@code jdoe@corp.local} (EWS, UPN logons), {@code corp.local/Users/jdoe} (cmdlet
 * callers). The key is the lower-cased name without domain, which assumes, as Exchange's
 * defaults do, that a UPN's prefix is the sAMAccountName; where a site breaks that, two keys
 * remain and both are reported. Names that are the system itself are no person's and get none.
 */
final class Identities {
  private final DamageConfig config;
  private final Map<String, String> display = new HashMap<>();

  Identities(DamageConfig config) {
    this.config = config;
  }

  /** The person key of a logged account name, or null for blanks and system principals. */
  @Nullable String key(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || config.isService(v)) {
      return null;
    }
    int slash = v.lastIndexOf('/');
    if (slash >= 0) {
      v = v.substring(slash + 1);
    }
    int back = v.lastIndexOf('\\');
    if (back >= 0) {
      v = v.substring(back + 1);
    }
    int at = v.indexOf('@');
    if (at >= 0) {
      v = v.substring(0, at);
    }
    v = v.replace("\"", "").replace("'", "").trim();
    if (v.isEmpty() || config.isService(v)) {
      return null;
    }
    return v;
  }

  /** Records a spelling, so reports can name the account as a UPN where the logs gave one. */
  @Nullable String see(@Nullable String raw) {
    String key = key(raw);
    if (key != null) {
      String v = raw.trim();
      String current = display.get(key);
      boolean upn = v.contains("@") && !v.contains("/") && !v.contains("\\");
      if (current == null || (upn && !current.contains("@"))
          || (upn == current.contains("@") && !v.contains("/") && current.contains("/"))) {
        display.put(key, upn ? v.toLowerCase(Locale.ROOT) : v);
      }
    }
    return key;
  }

  /** How reports name the account: its UPN if any log gave one, else the first spelling seen. */
  String display(String key) {
    return display.getOrDefault(key, key);
  }

  /**
   * The mailbox a HttpProxy AnchorMailbox names ({@code Smtp~x@y}, {@code SMTP:x@y}), as a person
   * key; null for anchors that name no address ({@code Sid~}, {@code MailboxGuid~},
   * {@code ServerInfo~}).
   */
  @Nullable String anchorMailbox(String anchor) {
    String a = anchor.trim();
    String lower = a.toLowerCase(Locale.ROOT);
    String address = null;
    if (lower.startsWith("smtp~") || lower.startsWith("smtp:")) {
      address = a.substring(5);
    } else if (lower.startsWith("smtp~") || lower.contains("@") && !lower.contains("~")) {
      address = a;
    }
    return address == null || !address.contains("@") ? null : see(address);
  }
}
