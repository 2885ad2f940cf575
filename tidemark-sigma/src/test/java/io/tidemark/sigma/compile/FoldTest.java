package io.tidemark.sigma.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FoldTest {
  /** Chars that fold in unusual ways (KELVIN SIGN to k, dotted capital I to i, long s to s). */
  private static final String ALPHABET = "aAbBkKsSiI\u212a\u0130\u0131\u017f\u00ae\u00b5\u00ff\\. -x1";

  @Test
  void indexOf_needle_findsWhatTheFoldingLoopFinds() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      String value = random(random, random.nextInt(24));
      String folded = Fold.fold(random(random, 1 + random.nextInt(4)));
      Fold.Needle needle = new Fold.Needle(folded);
      int from = random.nextInt(3);
      assertThat(Fold.indexOf(value, needle, from)).as("'%s' in '%s' from %d", folded, value, from)
          .isEqualTo(Fold.indexOf(value, folded, from));
    }
  }

  @Test
  void indexOf_needle_ignoresCaseAndPicksAnUnambiguousAnchor() {
    Fold.Needle needle = new Fold.Needle(Fold.fold("\\PowerShell.exe"));
    assertThat(Fold.indexOf("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\POWERSHELL.EXE", needle, 0))
        .isEqualTo(42);
    assertThat(Fold.contains("C:\\Windows\\pwsh.exe", needle)).isFalse();
    assertThat(Fold.contains("\u212aelvin", new Fold.Needle("kelvin"))).isTrue();
  }

  @Test
  void fold_everyChar_isLowerOfUpper() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      assertThat(Fold.fold(c)).isEqualTo(Character.toLowerCase(Character.toUpperCase(c)));
    }
  }

  @Test
  void fold_everyChar_isIdempotent() {
    // Automatons over folded patterns find what Fold.contains finds only because of this.
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      assertThat(Fold.fold(Fold.fold(c))).isEqualTo(Fold.fold(c));
    }
  }

  @Test
  void count_repeatedChar_countsIgnoringCaseUpToTheLimit() {
    assertThat(Fold.count("a+b+C+", '+', 10)).isEqualTo(3);
    assertThat(Fold.count("xXx", 'x', 2)).isEqualTo(2);
  }

  private static String random(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
