package io.tidemark.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HTML output helpers. Every string from the evidence is attacker-controlled (CVE-2021-27065 puts
 * script into ExternalUrl), so everything goes through {@link #esc} whether it lands in text or in
 * a quoted attribute; the report never builds a URL, id or event handler from evidence.
 */
final class Html {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Html() {}

  /**
   * Escapes for text and double- or single-quoted attributes. Control characters, lone
   * surrogates and bidirectional overrides (which can make {@code gpj.exe} read as {@code exe.jpg})
   * become U+FFFD, so what an analyst reads is what the log holds.
   */
  static String esc(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')
              || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
              || c == '\u200e' || c == '\u200f' || c == '\u2028' || c == '\u2029') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
      }
    }
    return out.toString();
  }

  static String time(@Nullable Instant t) {
    return t == null ? "unknown" : TIME.format(t);
  }

  /**
   * Makes JSON safe inside {@code <script type="application/json">}: {@code <}, {@code >} and
   * {@code &} become {@code \}u escapes (so neither {@code </script>} nor {@code <!--} can end or
   * change the element), as do U+2028 and U+2029. The replacements are valid only because JSON
   * allows these characters nowhere but inside strings, where the escapes mean the same.
   */
  static String scriptJson(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<':
          out.append("\\u003c");
          break;
        case '>':
          out.append("\\u003e");
          break;
        case '&':
          out.append("\\u0026");
          break;
        case '\u2028':
          out.append("\\u2028");
          break;
        case '\u2029':
          out.append("\\u2029");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  /** A CSS class from a fixed vocabulary (level, verdict, scope); anything else maps to "other". */
  static String cssClass(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.matches("[a-z_-]{1,32}") ? v : "other";
  }
}
