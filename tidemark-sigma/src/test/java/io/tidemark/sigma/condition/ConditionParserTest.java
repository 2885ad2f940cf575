package io.tidemark.sigma.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.sigma.condition.Condition.And;
import io.tidemark.sigma.condition.Condition.Identifier;
import io.tidemark.sigma.condition.Condition.Not;
import io.tidemark.sigma.condition.Condition.Or;
import io.tidemark.sigma.condition.Condition.Quantified;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grammar and precedence, after pySigma's tests/test_conditions.py. */
class ConditionParserTest {
  private static final Identifier A = new Identifier("a");
  private static final Identifier B = new Identifier("b");
  private static final Identifier C = new Identifier("c");

  @Test
  void parse_identifier_isIdentifier() {
    assertThat(ConditionParser.parse("selection")).isEqualTo(new Identifier("selection"));
  }

  @Test
  void parse_andBindsTighterThanOr() {
    assertThat(ConditionParser.parse("a or b and c")).isEqualTo(new Or(List.of(A, new And(List.of(B, C)))));
    assertThat(ConditionParser.parse("a and b or c")).isEqualTo(new Or(List.of(new And(List.of(A, B)), C)));
  }

  @Test
  void parse_notBindsTighterThanAnd() {
    assertThat(ConditionParser.parse("not a and b")).isEqualTo(new And(List.of(new Not(A), B)));
    assertThat(ConditionParser.parse("a and not b or c"))
        .isEqualTo(new Or(List.of(new And(List.of(A, new Not(B))), C)));
  }

  @Test
  void parse_parenthesesOverridePrecedence() {
    assertThat(ConditionParser.parse("a and (b or c)")).isEqualTo(new And(List.of(A, new Or(List.of(B, C)))));
    assertThat(ConditionParser.parse("not (a or b)")).isEqualTo(new Not(new Or(List.of(A, B))));
    assertThat(ConditionParser.parse("((a))")).isEqualTo(A);
  }

  @Test
  void parse_chainsFlatten() {
    assertThat(ConditionParser.parse("a and b and c")).isEqualTo(new And(List.of(A, B, C)));
    assertThat(ConditionParser.parse("a or b or c")).isEqualTo(new Or(List.of(A, B, C)));
  }

  @Test
  void parse_quantifiers_bindTighterThanNot() {
    assertThat(ConditionParser.parse("1 of sel*")).isEqualTo(new Quantified(false, "sel*"));
    assertThat(ConditionParser.parse("any of sel*")).isEqualTo(new Quantified(false, "sel*"));
    assertThat(ConditionParser.parse("all of them")).isEqualTo(new Quantified(true, null));
    assertThat(ConditionParser.parse("not 1 of filter*")).isEqualTo(new Not(new Quantified(false, "filter*")));
    assertThat(ConditionParser.parse("selection and not 1 of filter_*"))
        .isEqualTo(new And(List.of(new Identifier("selection"), new Not(new Quantified(false, "filter_*")))));
  }

  @Test
  void parse_keywordsAreCaseInsensitive() {
    assertThat(ConditionParser.parse("a AND NOT b")).isEqualTo(new And(List.of(A, new Not(B))));
  }

  @Test
  void select_them_excludesUnderscoreIdentifiers() {
    List<String> ids = List.of("selection1", "selection2", "_internal", "filter");
    assertThat(new Quantified(false, null).select(ids)).containsExactly("selection1", "selection2", "filter");
    assertThat(new Quantified(false, "sel*").select(ids)).containsExactly("selection1", "selection2");
    assertThat(new Quantified(false, "*").select(ids)).containsExactly("selection1", "selection2", "filter");
    assertThat(new Quantified(false, "_*").select(ids)).containsExactly("_internal");
    assertThat(new Quantified(false, "*tion?").select(ids)).isEmpty();
    assertThat(new Quantified(false, "*tion*").select(ids)).containsExactly("selection1", "selection2");
  }

  @Test
  void parse_legacyAggregation_isRejectedWithOffset() {
    assertThatThrownBy(() -> ConditionParser.parse("selection | count() by host > 5"))
        .isInstanceOf(ConditionSyntaxException.class)
        .hasMessageContaining("correlation rule")
        .satisfies(e -> assertThat(((ConditionSyntaxException) e).offset()).isEqualTo(10));
  }

  @Test
  void parse_malformed_reportsWhere() {
    assertThatThrownBy(() -> ConditionParser.parse("a and")).hasMessageContaining("condition ends");
    assertThatThrownBy(() -> ConditionParser.parse("(a or b")).hasMessageContaining("')'");
    assertThatThrownBy(() -> ConditionParser.parse("a b")).hasMessageContaining("unexpected 'b'");
    assertThatThrownBy(() -> ConditionParser.parse("sel*")).hasMessageContaining("only allowed after");
    assertThatThrownBy(() -> ConditionParser.parse("2 of sel*")).hasMessageContaining("'2 of'");
    assertThatThrownBy(() -> ConditionParser.parse("a near b")).hasMessageContaining("unexpected 'near'");
    assertThatThrownBy(() -> ConditionParser.parse("")).hasMessageContaining("empty");
  }

  @Test
  void parse_deepNesting_isBounded() {
    String deep = "(".repeat(100) + "a" + ")".repeat(100);
    assertThatThrownBy(() -> ConditionParser.parse(deep)).hasMessageContaining("nests deeper");
    assertThatThrownBy(() -> ConditionParser.parse("not ".repeat(100) + "a")).hasMessageContaining("nests deeper");
  }
}
