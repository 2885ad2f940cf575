package io.tidemark.sigma.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

  private record Scratch(int[] marks, int[] found, int epoch) implements AhoCorasick.Scratch {}

  private static int[] scan(AhoCorasick ac, String text, int ids) {
    Scratch scratch = new Scratch(new int[ids], new int[ids], 1);
    int n = ac.scan(text, () -> scratch, ids);
    int[] out = Arrays.copyOf(scratch.found(), n);
    Arrays.sort(out);
    return out;
  }

  @Test
  void scan_findsOverlappingAndNestedPatterns() {
    AhoCorasick ac = new AhoCorasick(List.of("he", "she", "his", "hers"),
        List.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {3}));
    assertThat(scan(ac, "ushers", 4)).containsExactly(0, 1, 3);
    assertThat(scan(ac, "ahisx", 4)).containsExactly(2);
    assertThat(scan(ac, "nothing", 4)).isEmpty();
  }

  @Test
  void scan_foldsCaseOfTheText() {
    AhoCorasick ac = new AhoCorasick(List.of("/ecp/", "proxylogon"), List.of(new int[] {0}, new int[] {1}));
    assertThat(scan(ac, "POST /ECP/ProxyLogon.ecp", 2)).containsExactly(0, 1);
  }

  @Test
  void scan_nonAsciiFoldingToAscii_stillFinds() {
    // U+212A KELVIN SIGN folds to 'k', as the matchers' case-insensitive comparison does
    AhoCorasick ac = new AhoCorasick(List.of("kit"), List.<int[]>of(new int[] {0}));
    assertThat(scan(ac, "\u212AIT", 1)).containsExactly(0);
    AhoCorasick umlaut = new AhoCorasick(List.of("grüße"), List.<int[]>of(new int[] {0}));
    assertThat(scan(umlaut, "GRÜßE", 1)).containsExactly(0);
  }

  @Test
  void scan_patternsAtTheEdges_areFound() {
    AhoCorasick ac = new AhoCorasick(List.of("abc", "\u00e9"), List.of(new int[] {0}, new int[] {1}));
    assertThat(scan(ac, "xxABC", 2)).containsExactly(0);
    assertThat(scan(ac, "ABCxx", 2)).containsExactly(0);
    assertThat(scan(ac, "xx\u00c9", 2)).as("one-character pattern as the last character").containsExactly(1);
    assertThat(scan(ac, "\u00e9", 2)).containsExactly(1);
    assertThat(scan(ac, "a", 2)).isEmpty();
    assertThat(scan(ac, "", 2)).isEmpty();
  }

  @Test
  void scan_randomTexts_agreeWithNaiveSearch_denseAndSparse() {
    Random random = new Random(1234);
    String alphabet = "abAB-/\u00e9\u00c9\u212a";
    for (int round = 0; round < 200; round++) {
      List<String> patterns = new ArrayList<>();
      List<int[]> payloads = new ArrayList<>();
      for (int p = 0; p < 1 + random.nextInt(8); p++) {
        patterns.add(Fold.fold(randomText(random, alphabet, 1 + random.nextInt(4))));
        payloads.add(new int[] {p});
      }
      AhoCorasick dense = new AhoCorasick(patterns, payloads);
      AhoCorasick sparse = new AhoCorasick(patterns, payloads, 0);
      for (int t = 0; t < 20; t++) {
        String text = randomText(random, alphabet + "xyz", random.nextInt(30));
        int[] expected = java.util.stream.IntStream.range(0, patterns.size())
            .filter(i -> Fold.contains(text, patterns.get(i))).toArray();
        assertThat(scan(dense, text, patterns.size())).as(patterns + " in " + text).containsExactly(expected);
        assertThat(scan(sparse, text, patterns.size())).as(patterns + " in " + text).containsExactly(expected);
      }
    }
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  @Test
  void scan_sharedPayloads_reportEachIdOnce() {
    AhoCorasick ac = new AhoCorasick(List.of("aa", "aaa"), List.of(new int[] {0, 1}, new int[] {1}));
    assertThat(scan(ac, "aaaaaa", 2)).containsExactly(0, 1);
  }
}
