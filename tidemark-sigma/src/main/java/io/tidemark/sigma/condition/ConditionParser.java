package io.tidemark.sigma.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a condition string by recursive descent:
 *
 * <pre>
 * or   := and ('or' and)*
 * and  := not ('and' not)*
 * not  := 'not' not | atom
 * atom := '(' or ')' | ('1' | 'any' | 'all') 'of' ('them' | pattern) | identifier
 * </pre>
 *
 * Keywords are case-insensitive. Identifiers are {@code [A-Za-z0-9_.-]}; patterns may add
 * {@code *}. Legacy v1 aggregations ({@code | count() by x > 5}, {@code near}) are rejected with
 * a pointer to correlation rules.
 */
public final class ConditionParser {
  private static final int MAX_DEPTH = 64;
  private static final int MAX_LENGTH = 10_000;

  private final String text;
  private final List<Token> tokens;
  private int pos;
  private int depth;

  private ConditionParser(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /**
   * Parses one condition.
   *
   * @throws ConditionSyntaxException with the offset of the problem
   */
  public static Condition parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new ConditionSyntaxException("condition is longer than " + MAX_LENGTH + " characters", 0);
    }
    ConditionParser parser = new ConditionParser(text, tokenize(text));
    if (parser.tokens.isEmpty()) {
      throw new ConditionSyntaxException("condition is empty", 0);
    }
    Condition result = parser.parseOr();
    if (parser.pos < parser.tokens.size()) {
      Token t = parser.tokens.get(parser.pos);
      throw new ConditionSyntaxException("unexpected '" + t.text + "' after a complete condition", t.offset);
    }
    return result;
  }

  private record Token(String text, int offset) {
    boolean is(String keyword) {
      return text.toLowerCase(Locale.ROOT).equals(keyword);
    }
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(String.valueOf(c), i));
        i++;
      } else if (isWordChar(c)) {
        int start = i;
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(text.substring(start, i), start));
      } else if (c == '|') {
        throw new ConditionSyntaxException(
            "legacy aggregation ('| count() ...') is obsolete since Sigma v2; express it as a "
                + "correlation rule",
            i);
      } else {
        throw new ConditionSyntaxException("unexpected character '" + c + "'", i);
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-' || c == '.' || c == '*';
  }

  private Condition parseOr() {
    List<Condition> operands = new ArrayList<>();
    operands.add(parseAnd());
    while (peekIs("or")) {
      pos++;
      operands.add(parseAnd());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
  }

  private Condition parseAnd() {
    List<Condition> operands = new ArrayList<>();
    operands.add(parseNot());
    while (peekIs("and")) {
      pos++;
      operands.add(parseNot());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
  }

  private Condition parseNot() {
    if (peekIs("not")) {
      Token not = tokens.get(pos++);
      enter(not);
      Condition operand = parseNot();
      depth--;
      return new Condition.Not(operand);
    }
    return parseAtom();
  }

  private Condition parseAtom() {
    Token t = next("an identifier, '(' or 'not'");
    if (t.text.equals("(")) {
      enter(t);
      Condition inner = parseOr();
      depth--;
      Token close = next("')'");
      if (!close.text.equals(")")) {
        throw new ConditionSyntaxException("expected ')' but found '" + close.text + "'", close.offset);
      }
      return inner;
    }
    if (t.text.equals(")")) {
      throw new ConditionSyntaxException("unexpected ')'", t.offset);
    }
    if ((t.is("1") || t.is("any") || t.is("all")) && peekIs("of")) {
      pos++;
      Token target = next("'them' or an identifier pattern");
      if (target.text.equals("(") || target.text.equals(")")) {
        throw new ConditionSyntaxException(
            "expected 'them' or an identifier pattern after 'of'", target.offset);
      }
      return new Condition.Quantified(t.is("all"), target.is("them") ? null : target.text);
    }
    if (isKeyword(t)) {
      throw new ConditionSyntaxException("unexpected keyword '" + t.text + "'", t.offset);
    }
    if (t.text.indexOf('*') >= 0) {
      throw new ConditionSyntaxException(
          "wildcard '" + t.text + "' is only allowed after '1 of' or 'all of'", t.offset);
    }
    if (t.text.matches("\\d+") && peekIs("of")) {
      throw new ConditionSyntaxException(
          "only '1 of', 'any of' and 'all of' are defined, not '" + t.text + " of'", t.offset);
    }
    return new Condition.Identifier(t.text);
  }

  private static boolean isKeyword(Token t) {
    return t.is("and") || t.is("or") || t.is("not") || t.is("of") || t.is("them") || t.is("near");
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw new ConditionSyntaxException("condition nests deeper than " + MAX_DEPTH + " levels", t.offset);
    }
  }

  private boolean peekIs(String keyword) {
    return pos < tokens.size() && tokens.get(pos).is(keyword);
  }

  private Token next(String expected) {
    if (pos >= tokens.size()) {
      throw new ConditionSyntaxException("condition ends where " + expected + " was expected", text.length());
    }
    return tokens.get(pos++);
  }
}
