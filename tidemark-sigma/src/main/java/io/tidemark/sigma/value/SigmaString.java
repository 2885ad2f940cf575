package io.tidemark.sigma.value;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A Sigma string as a sequence of typed parts: literal text, the wildcards {@code *} and {@code
 * ?}, a Windows dash class (from {@code windash}) and {@code %placeholders%} (from {@code
 * expand}). Parsing follows the specification and pySigma: {@code \} escapes {@code *}, {@code ?}
 * and itself; before any other character, and at the end, it is a plain backslash.
 */
public final class SigmaString implements SigmaValue {
  /** The characters {@code windash} makes interchangeable: - / – — ―. */
  public static final String WINDOWS_DASHES = "-/\u2013\u2014\u2015";

  private static final char ESCAPE = '\\';

  private final List<Part> parts;
  private final String original;
  private final boolean cased;
  private final boolean encoded;

  private SigmaString(List<Part> parts, String original, boolean cased, boolean encoded) {
    this.parts = merge(parts);
    this.original = original;
    this.cased = cased;
    this.encoded = encoded;
  }

  /** One part of a Sigma string. */
  public sealed interface Part permits Literal, Special, Placeholder {}

  /** Literal text, matched as written (case-insensitively unless cased). */
  public record Literal(String text) implements Part {
    public Literal {
      requireNonNull(text, "text");
      if (text.isEmpty()) {
        throw new IllegalArgumentException("a literal part must not be empty");
      }
    }
  }

  /** The non-literal single tokens. */
  public enum Special implements Part {
    /** {@code *}: any run of characters, including none. */
    ANY_RUN,
    /** {@code ?}: exactly one character. */
    ANY_CHAR,
    /** One of {@link #WINDOWS_DASHES}, from the {@code windash} modifier. */
    WINDOWS_DASH
  }

  /** A {@code %name%} placeholder, from the {@code expand} modifier. */
  public record Placeholder(String name) implements Part {
    public Placeholder {
      requireNonNull(name, "name");
    }
  }

  /** Parses rule text, interpreting wildcards and escapes. */
  public static SigmaString parse(String raw) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean escaped = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (escaped) {
        if (c != '*' && c != '?' && c != ESCAPE) {
          text.append(ESCAPE); // a backslash before a plain character stays, so C:\Windows works
        }
        text.append(c);
        escaped = false;
      } else if (c == ESCAPE) {
        escaped = true;
      } else if (c == '*' || c == '?') {
        flush(text, parts);
        parts.add(c == '*' ? Special.ANY_RUN : Special.ANY_CHAR);
      } else {
        text.append(c);
      }
    }
    if (escaped) {
      text.append(ESCAPE);
    }
    flush(text, parts);
    return new SigmaString(parts, raw, false, false);
  }

  /** A string that is all literal text, with no wildcard interpretation. */
  public static SigmaString literal(String text) {
    List<Part> parts = text.isEmpty() ? List.of() : List.of(new Literal(text));
    return new SigmaString(parts, escape(text), false, false);
  }

  /** A string made of the given parts. */
  public static SigmaString of(List<Part> parts) {
    SigmaString s = new SigmaString(parts, "", false, false);
    return new SigmaString(s.parts, s.toString(), false, false);
  }

  private static void flush(StringBuilder text, List<Part> parts) {
    if (text.length() > 0) {
      parts.add(new Literal(text.toString()));
      text.setLength(0);
    }
  }

  private static List<Part> merge(List<Part> parts) {
    List<Part> merged = new ArrayList<>(parts.size());
    for (Part part : parts) {
      int last = merged.size() - 1;
      if (part instanceof Literal lit && last >= 0 && merged.get(last) instanceof Literal prev) {
        merged.set(last, new Literal(prev.text() + lit.text()));
      } else {
        merged.add(part);
      }
    }
    return Collections.unmodifiableList(merged);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?') {
        out.append(ESCAPE);
      } else if (c == ESCAPE && (i + 1 == text.length() || isSpecialAfterEscape(text.charAt(i + 1)))) {
        out.append(ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isSpecialAfterEscape(char c) {
    return c == '*' || c == '?' || c == ESCAPE;
  }

  /** The parts, with adjacent literals merged. */
  public List<Part> parts() {
    return parts;
  }

  /** The text as written in the rule (for {@code re}, which takes it verbatim). */
  public String original() {
    return original;
  }

  /** Whether matching is case-sensitive ({@code cased}). */
  public boolean isCased() {
    return cased;
  }

  /**
   * Whether the literal characters stand for bytes (0-255) produced by an encoding modifier
   * ({@code wide}, {@code utf16*}), so that base64 encodes them as bytes rather than UTF-8.
   */
  public boolean isEncoded() {
    return encoded;
  }

  /** This string, matched case-sensitively. */
  public SigmaString withCased() {
    return new SigmaString(parts, original, true, encoded);
  }

  /** This string with different parts and the same flags. */
  public SigmaString withParts(List<Part> newParts) {
    return new SigmaString(newParts, original, cased, encoded);
  }

  /** This string with byte-valued literal parts. */
  public SigmaString withEncodedParts(List<Part> newParts) {
    return new SigmaString(newParts, original, cased, true);
  }

  /** Whether the string holds {@code *} or {@code ?}. */
  public boolean hasWildcards() {
    return parts.contains(Special.ANY_RUN) || parts.contains(Special.ANY_CHAR);
  }

  /** Whether the string holds a Windows dash class. */
  public boolean hasWindowsDash() {
    return parts.contains(Special.WINDOWS_DASH);
  }

  /** Whether the string holds placeholders. */
  public boolean hasPlaceholders() {
    for (Part part : parts) {
      if (part instanceof Placeholder) {
        return true;
      }
    }
    return false;
  }

  /** Whether the string is all literal text (or empty). */
  public boolean isPlain() {
    for (Part part : parts) {
      if (!(part instanceof Literal)) {
        return false;
      }
    }
    return true;
  }

  /** The literal text of a plain string; throws when the string has any non-literal part. */
  public String plainText() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (!(part instanceof Literal lit)) {
        throw new IllegalStateException("not a plain string: " + this);
      }
      out.append(lit.text());
    }
    return out.toString();
  }

  /** Whether the first part is {@code *}. */
  public boolean startsWithAnyRun() {
    return !parts.isEmpty() && parts.get(0) == Special.ANY_RUN;
  }

  /** Whether the last part is {@code *}. */
  public boolean endsWithAnyRun() {
    return !parts.isEmpty() && parts.get(parts.size() - 1) == Special.ANY_RUN;
  }

  /** This string with {@code *} in front, unless it already starts with one. */
  public SigmaString prependAnyRun() {
    if (startsWithAnyRun()) {
      return this;
    }
    List<Part> out = new ArrayList<>(parts.size() + 1);
    out.add(Special.ANY_RUN);
    out.addAll(parts);
    return withParts(out);
  }

  /** This string with {@code *} at the end, unless it already ends with one. */
  public SigmaString appendAnyRun() {
    if (endsWithAnyRun()) {
      return this;
    }
    List<Part> out = new ArrayList<>(parts.size() + 1);
    out.addAll(parts);
    out.add(Special.ANY_RUN);
    return withParts(out);
  }

  /** This string with every literal part rewritten. */
  public SigmaString mapLiterals(UnaryOperator<String> mapping) {
    List<Part> out = new ArrayList<>(parts.size());
    for (Part part : parts) {
      if (part instanceof Literal lit) {
        String text = mapping.apply(lit.text());
        if (!text.isEmpty()) {
          out.add(new Literal(text));
        }
      } else {
        out.add(part);
      }
    }
    return withParts(out);
  }

  /**
   * Replaces {@code %name%} in literal parts with placeholders ({@code expand}); {@code \%} is a
   * literal percent sign. Names are word characters, as in pySigma.
   */
  public SigmaString insertPlaceholders() {
    List<Part> out = new ArrayList<>();
    for (Part part : parts) {
      if (!(part instanceof Literal lit)) {
        out.add(part);
        continue;
      }
      String text = lit.text();
      StringBuilder pending = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == ESCAPE && i + 1 < text.length() && text.charAt(i + 1) == '%') {
          pending.append('%');
          i += 2;
          continue;
        }
        int end = c == '%' ? placeholderEnd(text, i) : -1;
        if (end > 0) {
          flush(pending, out);
          out.add(new Placeholder(text.substring(i + 1, end)));
          i = end + 1;
        } else {
          pending.append(c);
          i++;
        }
      }
      flush(pending, out);
    }
    return withParts(out);
  }

  private static int placeholderEnd(String text, int start) {
    int i = start + 1;
    while (i < text.length() && isWordChar(text.charAt(i))) {
      i++;
    }
    return i > start + 1 && i < text.length() && text.charAt(i) == '%' ? i : -1;
  }

  /**
   * Turns every {@code -} or {@code /} that starts a word after a non-word character (pySigma's
   * {@code \B[-/]\b}) into a Windows dash class. Other dashes, as in {@code param-name}, stay.
   */
  public SigmaString windowsDash() {
    List<Part> out = new ArrayList<>();
    for (Part part : parts) {
      if (!(part instanceof Literal lit)) {
        out.add(part);
        continue;
      }
      String text = lit.text();
      StringBuilder pending = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean prevWord = i > 0 && isWordChar(text.charAt(i - 1));
        boolean nextWord = i + 1 < text.length() && isWordChar(text.charAt(i + 1));
        if ((c == '-' || c == '/') && !prevWord && nextWord) {
          flush(pending, out);
          out.add(Special.WINDOWS_DASH);
        } else {
          pending.append(c);
        }
      }
      flush(pending, out);
    }
    return withParts(out);
  }

  /** Python's {@code \w}: letters, digits and underscore, Unicode-aware. */
  static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /**
   * Every string this one stands for with each Windows dash class replaced by one concrete dash,
   * in pySigma's order; fails when there would be more than {@code limit}.
   */
  public List<SigmaString> dashVariants(int limit) {
    List<List<Part>> variants = new ArrayList<>();
    variants.add(new ArrayList<>());
    for (Part part : parts) {
      if (part == Special.WINDOWS_DASH) {
        if ((long) variants.size() * WINDOWS_DASHES.length() > limit) {
          throw new IllegalArgumentException(
              "windash would expand '" + this + "' into more than " + limit + " variants");
        }
        List<List<Part>> next = new ArrayList<>(variants.size() * WINDOWS_DASHES.length());
        for (List<Part> prefix : variants) {
          for (int d = 0; d < WINDOWS_DASHES.length(); d++) {
            List<Part> copy = new ArrayList<>(prefix);
            copy.add(new Literal(String.valueOf(WINDOWS_DASHES.charAt(d))));
            next.add(copy);
          }
        }
        variants = next;
      } else {
        for (List<Part> prefix : variants) {
          prefix.add(part);
        }
      }
    }
    List<SigmaString> out = new ArrayList<>(variants.size());
    for (List<Part> variant : variants) {
      out.add(new SigmaString(variant, "", cased, encoded));
    }
    return out;
  }

  /**
   * The strings this one stands for once each placeholder is replaced by each of its values
   * (parsed as Sigma strings, so values may carry wildcards).
   *
   * @throws IllegalArgumentException naming the first placeholder without values
   */
  public List<SigmaString> replacePlaceholders(Map<String, List<String>> values, int limit) {
    List<List<Part>> variants = new ArrayList<>();
    variants.add(new ArrayList<>());
    for (Part part : parts) {
      if (part instanceof Placeholder p) {
        List<String> replacements = values.get(p.name());
        if (replacements == null || replacements.isEmpty()) {
          throw new IllegalArgumentException(
              "placeholder %" + p.name() + "% has no values; pass them in the compile options");
        }
        if ((long) variants.size() * replacements.size() > limit) {
          throw new IllegalArgumentException(
              "placeholders would expand '" + this + "' into more than " + limit + " values");
        }
        List<List<Part>> next = new ArrayList<>();
        for (List<Part> prefix : variants) {
          for (String replacement : replacements) {
            List<Part> copy = new ArrayList<>(prefix);
            copy.addAll(parse(replacement).parts());
            next.add(copy);
          }
        }
        variants = next;
      } else {
        for (List<Part> prefix : variants) {
          prefix.add(part);
        }
      }
    }
    List<SigmaString> out = new ArrayList<>(variants.size());
    for (List<Part> variant : variants) {
      out.add(new SigmaString(variant, "", cased, encoded));
    }
    return out;
  }

  /** The longest literal run, the text any match must contain; empty when there is none. */
  public String longestLiteral() {
    String best = "";
    for (Part part : parts) {
      if (part instanceof Literal lit && lit.text().length() > best.length()) {
        best = lit.text();
      }
    }
    return best;
  }

  @Override
  public String describe() {
    return "string '" + this + "'";
  }

  /** The Sigma text for this string: wildcards as {@code * ?}, literal ones escaped. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal lit) {
        out.append(escape(lit.text()));
      } else if (part == Special.ANY_RUN) {
        out.append('*');
      } else if (part == Special.ANY_CHAR) {
        out.append('?');
      } else if (part == Special.WINDOWS_DASH) {
        out.append("[-/\u2013\u2014\u2015]");
      } else if (part instanceof Placeholder p) {
        out.append('%').append(p.name()).append('%');
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SigmaString other
        && parts.equals(other.parts)
        && cased == other.cased
        && encoded == other.encoded;
  }

  @Override
  public int hashCode() {
    return parts.hashCode() * 31 + (cased ? 1 : 0) + (encoded ? 2 : 0);
  }
}
