package io.tidemark.sigma.modifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Every Sigma v2.1 value modifier, with the names (and aliases) rules may use. */
public enum Modifier {
  CONTAINS("contains"),
  STARTSWITH("startswith"),
  ENDSWITH("endswith"),
  ALL("all"),
  BASE64("base64"),
  BASE64OFFSET("base64offset"),
  UTF16LE("utf16le", "wide"),
  UTF16BE("utf16be"),
  UTF16("utf16"),
  WINDASH("windash"),
  RE("re"),
  IGNORECASE("i", "ignorecase"),
  MULTILINE("m", "multiline"),
  DOTALL("s", "dotall"),
  CIDR("cidr"),
  EXISTS("exists"),
  EXPAND("expand"),
  FIELDREF("fieldref"),
  GT("gt"),
  GTE("gte"),
  LT("lt"),
  LTE("lte"),
  NEQ("neq"),
  CASED("cased"),
  MINUTE("minute"),
  HOUR("hour"),
  DAY("day"),
  WEEK("week"),
  MONTH("month"),
  YEAR("year");

  private static final Map<String, Modifier> BY_NAME = new HashMap<>();

  static {
    for (Modifier m : values()) {
      for (String name : m.names) {
        BY_NAME.put(name, m);
      }
    }
  }

  private final List<String> names;

  Modifier(String... names) {
    this.names = List.of(names);
  }

  /** The modifier's name as rules write it. */
  public String keyword() {
    return names.get(0);
  }

  /** The modifier with this name (names are case-sensitive, as in pySigma), or null. */
  public static @Nullable Modifier byName(String name) {
    return BY_NAME.get(name);
  }

  /** Every accepted name, sorted, for error messages. */
  public static String allNames() {
    return BY_NAME.keySet().stream().sorted().collect(Collectors.joining(", "));
  }

  /** Whether the modifier acts on the value list as a whole rather than on each value. */
  public boolean isListModifier() {
    return this == ALL || this == NEQ;
  }

  @Override
  public String toString() {
    return keyword();
  }

  /** Names of a modifier list joined by {@code |}, as in a rule key. */
  public static String join(List<Modifier> modifiers) {
    return modifiers.stream().map(Modifier::keyword).collect(Collectors.joining("|"));
  }
}
