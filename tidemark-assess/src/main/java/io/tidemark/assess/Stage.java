package io.tidemark.assess;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where in an intrusion a finding sits, in kill-chain order (ATT&CK tactics). The console story
 * and the report walk the stages in this order.
 */
public enum Stage {
  RECONNAISSANCE("reconnaissance", "Reconnaissance"),
  INITIAL_ACCESS("initial-access", "Initial access"),
  EXECUTION("execution", "Execution"),
  PERSISTENCE("persistence", "Persistence"),
  PRIVILEGE_ESCALATION("privilege-escalation", "Privilege escalation"),
  DEFENSE_EVASION("defense-evasion", "Defense evasion"),
  CREDENTIAL_ACCESS("credential-access", "Credential access"),
  DISCOVERY("discovery", "Discovery"),
  LATERAL_MOVEMENT("lateral-movement", "Lateral movement"),
  COLLECTION("collection", "Actions on mail"),
  EXFILTRATION("exfiltration", "Exfiltration"),
  IMPACT("impact", "Impact"),
  OTHER("other", "Other");

  private final String id;
  private final String title;

  Stage(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  /** The heading used in the console story and reports. */
  public String title() {
    return title;
  }

  /**
   * The stage a rule declares in {@code tidemark.stage}, else the first ATT&CK tactic among its
   * tags, else {@link #OTHER}.
   */
  static Stage of(@Nullable String declared, List<String> tags) {
    if (declared != null) {
      Stage stage = byId(declared);
      if (stage == null) {
        throw new IllegalArgumentException(
            "unknown tidemark.stage '" + declared + "', must be one of: " + ids());
      }
      return stage;
    }
    for (String tag : tags) {
      String t = tag.toLowerCase(Locale.ROOT);
      if (t.startsWith("attack.")) {
        Stage stage = byId(t.substring("attack.".length()).replace('_', '-'));
        if (stage != null) {
          return stage;
        }
      }
    }
    return OTHER;
  }

  private static @Nullable Stage byId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (Stage stage : values()) {
      if (stage.id.equals(wanted)) {
        return stage;
      }
    }
    return null;
  }

  private static String ids() {
    StringBuilder out = new StringBuilder();
    for (Stage stage : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(stage.id);
    }
    return out.toString();
  }
}
