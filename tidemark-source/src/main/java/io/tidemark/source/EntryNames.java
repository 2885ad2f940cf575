package io.tidemark.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks archive entry names, which the attacker may have written: an entry must stay below the
 * archive root, whatever separators, drive letters or {@code ..} tricks its name uses.
 */
final class EntryNames {
  private static final int MAX_SHOWN = 200;

  private EntryNames() {}

  /**
   * The name as a clean relative path with {@code /} separators, or null when it escapes the
   * root (absolute, drive letter, UNC, {@code ..}) or holds control characters.
   */
  static @Nullable String normalize(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < ' ') {
        return null;
      }
    }
    String path = name.replace('\\', '/');
    if (path.startsWith("/")) {
      return null;
    }
    if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        return null;
      }
      segments.add(segment);
    }
    return segments.isEmpty() ? null : String.join("/", segments);
  }

  /** The name made safe to show in a message: control characters escaped, cut when long. */
  static String shown(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && out.length() < MAX_SHOWN; i++) {
      char c = name.charAt(i);
      if (c < ' ' || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (name.length() > MAX_SHOWN) {
      out.append("...");
    }
    return out.toString();
  }
}
