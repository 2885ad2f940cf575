package io.tidemark.sigma.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiteralScannerTest {

  @Test
  void find_literalInAnyCase_isFound() {
    LiteralScanner scanner = LiteralScanner.of(Set.of("/ecp/", "python-requests/"));

    assertThat(find(scanner, "GET /ECP/default.aspx 443 - Python-Requests/2.25.1")).isTrue();
    assertThat(find(scanner, "GET /owa/ 443 - Mozilla/5.0")).isFalse();
  }

  @Test
  void find_literalAtEitherEndOfShortText_isFound() {
    LiteralScanner scanner = LiteralScanner.of(Set.of("wget/", "mailboxrule"));

    assertThat(find(scanner, "wget/")).isTrue();
    assertThat(find(scanner, "x wget/")).isTrue();
    assertThat(find(scanner, "wget/1.2 x")).isTrue();
    assertThat(find(scanner, "MailboxRule")).isTrue();
    assertThat(find(scanner, "wget")).isFalse();
    assertThat(find(scanner, "")).isFalse();
  }

  @Test
  void find_rangeInsideLargerArray_looksOnlyInsideTheRange() {
    LiteralScanner scanner = LiteralScanner.of(Set.of("serverinfo~"));
    byte[] bytes = "ServerInfo~a]@x,ServerInfo~b".getBytes(StandardCharsets.US_ASCII);

    assertThat(scanner.find(bytes, 1, 16)).isFalse(); // cut through both occurrences
    assertThat(scanner.find(bytes, 16, bytes.length)).isTrue();
    assertThat(scanner.find(bytes, 0, 11)).isTrue();
  }

  @Test
  void find_randomTextAndLiterals_agreesWithPlainSearch() {
    Random random = new Random(20261127);
    String alphabet = "abcdeABCDE/.=~-+%?\" 0123";
    for (int round = 0; round < 300; round++) {
      List<String> literals = new ArrayList<>();
      int count = 1 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        literals.add(word(random, alphabet, 1 + random.nextInt(14)).toLowerCase(Locale.ROOT));
      }
      LiteralScanner scanner = LiteralScanner.of(literals);
      for (int t = 0; t < 40; t++) {
        String noise = word(random, alphabet, random.nextInt(90));
        String text = noise;
        if (random.nextInt(3) == 0) {
          String planted = literals.get(random.nextInt(literals.size())).toUpperCase(Locale.ROOT);
          int at = random.nextInt(noise.length() + 1);
          text = noise.substring(0, at) + planted + noise.substring(at);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean expected = literals.stream().anyMatch(lower::contains);
        assertThat(find(scanner, text)).as("%s in '%s'", literals, text).isEqualTo(expected);
      }
    }
  }

  @Test
  void of_nonAsciiLiteral_isLeftOutAndFindsNothingInAscii() {
    LiteralScanner scanner = LiteralScanner.of(Set.of("caf\u00e9"));

    assertThat(scanner.size()).isZero();
    assertThat(find(scanner, "cafe caf")).isFalse();
  }

  @Test
  void contains_characterOfSomeLiteral_isTrue() {
    LiteralScanner scanner = LiteralScanner.of(Set.of("a\"b", "x?y"));

    assertThat(scanner.contains('"')).isTrue();
    assertThat(scanner.contains('?')).isTrue();
    assertThat(scanner.contains('~')).isFalse();
    assertThat(scanner.contains('\u00e9')).isFalse();
  }

  @Test
  void of_emptyLiteral_isRejected() {
    assertThatThrownBy(() -> LiteralScanner.of(List.of("ok", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty literal");
  }

  @Test
  void find_badRange_isRejected() {
    LiteralScanner scanner = LiteralScanner.of(Set.of("abc"));

    assertThatThrownBy(() -> scanner.find(new byte[4], 2, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static boolean find(LiteralScanner scanner, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return scanner.find(bytes, 0, bytes.length);
  }

  private static String word(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
