package io.tidemark.sigma.value;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression ({@code re}), matched case-sensitively unless flagged, as an unanchored
 * search (a match anywhere in the value), which is how the SigmaHQ rules are written.
 *
 * @param expand whether {@code %placeholders%} in the pattern are to be replaced ({@code expand})
 */
public record SigmaRegex(String pattern, Set<RegexFlag> flags, boolean expand) implements SigmaValue {

  public SigmaRegex {
    requireNonNull(pattern, "pattern");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /** A regex without flags, checked for syntax. */
  public static SigmaRegex of(String pattern) {
    SigmaRegex regex = new SigmaRegex(pattern, Set.of(), false);
    regex.compile();
    return regex;
  }

  /** This regex with one more flag. */
  public SigmaRegex withFlag(RegexFlag flag) {
    EnumSet<RegexFlag> more = flags.isEmpty() ? EnumSet.noneOf(RegexFlag.class) : EnumSet.copyOf(flags);
    more.add(flag);
    return new SigmaRegex(pattern, more, expand);
  }

  /** This regex with another pattern and the same flags. */
  public SigmaRegex withPattern(String newPattern) {
    return new SigmaRegex(newPattern, flags, expand);
  }

  /** This regex, to have its placeholders replaced at compile time. */
  public SigmaRegex withExpand() {
    return new SigmaRegex(pattern, flags, true);
  }

  /**
   * Compiles the pattern with its flags.
   *
   * @throws PatternSyntaxException when the pattern is not a valid Java regular expression
   */
  public Pattern compile() {
    int javaFlags = 0;
    for (RegexFlag flag : flags) {
      javaFlags |= flag.javaFlags();
    }
    return Pattern.compile(pattern, javaFlags);
  }

  @Override
  public String describe() {
    return "regex '" + pattern + "'";
  }
}
