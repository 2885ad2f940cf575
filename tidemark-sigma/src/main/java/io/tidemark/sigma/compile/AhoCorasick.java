package io.tidemark.sigma.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Multi-pattern search over folded characters: one pass over an event's search text finds which
 * rules' atoms occur. Patterns are folded ({@link Fold}); text characters are folded on the fly
 * through a small alphabet table. Small automatons get a dense transition table (one array read
 * per character); large ones keep sparse transitions and failure links.
 *
 * <p>Most text starts no pattern, so a scan alternates between a skip loop (a 64-Kibit table of
 * the patterns' first two characters, which reads the text without any loop-carried lookup) and
 * the automaton, run from its root at a possible start until it is back at its root. Every
 * character is read at most twice: the scan stays linear whatever the text.
 */
final class AhoCorasick {
  /** Dense tables above this many entries fall back to sparse transitions. */
  private static final long DENSE_LIMIT = 8L << 20;

  private final int[] asciiClass = new int[128];
  private final Map<Character, Integer> otherClass = new HashMap<>();
  private final int width;
  private final int @Nullable [] dense;
  private final int @Nullable [][] sparseKeys;
  private final int @Nullable [][] sparseTargets;
  private final int @Nullable [] fail;
  private final int[][] outputs;
  /** Bit (a << 8 | b) is set when a pattern may start with raw characters a, b (low bytes). */
  private final long @Nullable [] starts;

  /**
   * Builds the automaton.
   *
   * @param patterns folded, non-empty patterns
   * @param payloads for each pattern, the ids to report when it occurs
   */
  AhoCorasick(List<String> patterns, List<int[]> payloads) {
    this(patterns, payloads, DENSE_LIMIT);
  }

  /** As above, with the dense-table limit given (tests use it to exercise the sparse form). */
  AhoCorasick(List<String> patterns, List<int[]> payloads, long denseLimit) {
    this(patterns, payloads, denseLimit, true);
  }

  /**
   * As above; without the start-bigram table (8 KiB) when {@code skipTable} is false, for the
   * thousands of small automatons of single rules, where it would be most of their memory.
   */
  AhoCorasick(List<String> patterns, List<int[]> payloads, long denseLimit, boolean skipTable) {
    TreeSet<Character> alphabet = new TreeSet<>();
    for (String p : patterns) {
      for (char c : p.toCharArray()) {
        alphabet.add(c);
      }
    }
    int cls = 1;
    for (char c : alphabet) {
      if (c < 128) {
        asciiClass[c] = cls;
      } else {
        otherClass.put(c, cls);
      }
      cls++;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      asciiClass[c] = asciiClass[c + 32];
    }
    width = cls;

    int totalChars = 1;
    boolean allLong = true;
    for (String p : patterns) {
      totalChars += p.length();
      allLong &= p.length() >= 2 || p.charAt(0) >= 128;
    }
    starts = allLong && skipTable ? startBigrams(patterns) : null;
    if ((long) totalChars * width <= denseLimit) {
      int[][] out = new int[totalChars][];
      int[] delta = new int[totalChars * width];
      int states = buildDense(patterns, payloads, delta, out);
      outputs = Arrays.copyOf(out, states);
      dense = encode(Arrays.copyOf(delta, states * width), outputs);
      fail = null;
      sparseKeys = null;
      sparseTargets = null;
    } else {
      dense = null;
      List<Map<Integer, Integer>> children = new ArrayList<>();
      List<TreeSet<Integer>> out = new ArrayList<>();
      fail = buildSparse(patterns, payloads, children, out);
      int states = children.size();
      outputs = new int[states][];
      sparseKeys = new int[states][];
      sparseTargets = new int[states][];
      for (int s = 0; s < states; s++) {
        outputs[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).toArray();
        int[] keys = children.get(s).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] targets = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
          targets[i] = children.get(s).get(keys[i]);
        }
        sparseKeys[s] = keys;
        sparseTargets[s] = targets;
      }
    }
  }

  /** Trie straight into a dense table, then failure links breadth first; returns the state count. */
  private int buildDense(List<String> patterns, List<int[]> payloads, int[] delta, int[][] out) {
    int states = 1;
    for (int i = 0; i < patterns.size(); i++) {
      int s = 0;
      for (char c : patterns.get(i).toCharArray()) {
        int k = classOf(c);
        int t = delta[s * width + k];
        if (t == 0) {
          t = states++;
          delta[s * width + k] = t;
        }
        s = t;
      }
      out[s] = union(out[s], payloads.get(i));
    }
    int[] failure = new int[states];
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    for (int k = 1; k < width; k++) {
      if (delta[k] != 0) {
        queue[tail++] = delta[k];
      }
    }
    while (head < tail) {
      int s = queue[head++];
      int f = failure[s];
      for (int k = 1; k < width; k++) {
        int t = delta[s * width + k];
        if (t != 0) {
          int ft = delta[f * width + k];
          failure[t] = ft;
          out[t] = union(out[t], out[ft]);
          queue[tail++] = t;
        } else {
          delta[s * width + k] = delta[f * width + k];
        }
      }
    }
    return states;
  }

  /** Bigrams of the raw text that may start a pattern: both ASCII cases of its first two chars. */
  private static long[] startBigrams(List<String> patterns) {
    long[] bits = new long[1024];
    for (String p : patterns) {
      if (p.length() < 2) {
        continue; // a one-character pattern is non-ASCII: the skip loop stops at those anyway
      }
      for (char a : cases(p.charAt(0))) {
        for (char b : cases(p.charAt(1))) {
          int key = bigram(a, b);
          bits[key >>> 6] |= 1L << key;
        }
      }
    }
    return bits;
  }

  private static char[] cases(char folded) {
    char upper = Character.toUpperCase(folded);
    return upper != folded && upper < 128 ? new char[] {folded, upper} : new char[] {folded};
  }

  private static int bigram(char a, char b) {
    return (a & 0xff) << 8 | (b & 0xff);
  }

  /**
   * Stores each transition as the target's row offset (target × width), negated minus one when
   * the target reports ids: the scan loop then needs no multiply and no output lookup per
   * character.
   */
  private int[] encode(int[] delta, int[][] out) {
    for (int i = 0; i < delta.length; i++) {
      int target = delta[i];
      delta[i] = out[target] == null ? target * width : -(target * width) - 1;
    }
    return delta;
  }

  private static int @Nullable [] union(
      int @Nullable [] a, int @Nullable [] b) {
    if (a == null || a.length == 0) {
      return b == null || b.length == 0 ? null : b;
    }
    if (b == null || b.length == 0) {
      return a;
    }
    return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
  }

  private int[] buildSparse(List<String> patterns, List<int[]> payloads,
      List<Map<Integer, Integer>> children, List<TreeSet<Integer>> out) {
    children.add(new HashMap<>());
    out.add(new TreeSet<>());
    for (int i = 0; i < patterns.size(); i++) {
      int state = 0;
      for (char c : patterns.get(i).toCharArray()) {
        int k = classOf(c);
        Integer next = children.get(state).get(k);
        if (next == null) {
          next = children.size();
          children.get(state).put(k, next);
          children.add(new HashMap<>());
          out.add(new TreeSet<>());
        }
        state = next;
      }
      for (int id : payloads.get(i)) {
        out.get(state).add(id);
      }
    }
    int[] failure = new int[children.size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>(children.get(0).values());
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (Map.Entry<Integer, Integer> e : children.get(s).entrySet()) {
        int k = e.getKey();
        int t = e.getValue();
        int f = failure[s];
        while (f != 0 && !children.get(f).containsKey(k)) {
          f = failure[f];
        }
        Integer via = children.get(f).get(k);
        failure[t] = via != null && via != t ? via : 0;
        out.get(t).addAll(out.get(failure[t]));
        queue.add(t);
      }
    }
    return failure;
  }

  private int classOf(char c) {
    if (c < 128) {
      return asciiClass[c];
    }
    char f = Fold.fold(c);
    if (f < 128) {
      return asciiClass[f];
    }
    Integer k = otherClass.get(f);
    return k == null ? 0 : k;
  }

  /** Per-scan space for recording ids; obtained only once an atom is found. */
  interface Scratch {
    int[] marks();

    int[] found();

    int epoch();
  }

  /**
   * Scans the text and records each reported id once, in {@code scratch} (fetched on the first
   * hit only, so texts without any atom cost nothing but the scan).
   *
   * @param stopAfter stop early once this many ids are recorded
   * @return how many ids were recorded in the scratch's {@code found}
   */
  int scan(CharSequence text, Supplier<? extends Scratch> scratch, int stopAfter) {
    return scan(text, scratch, null, stopAfter, 0);
  }

  /**
   * Scans the text into a scratch already fetched, after {@code count} ids recorded by earlier
   * scans of the same event; returns the new count.
   */
  int scan(CharSequence text, Scratch scratch, int stopAfter, int count) {
    return scan(text, null, scratch, stopAfter, count);
  }

  private int scan(CharSequence text, @Nullable Supplier<? extends Scratch> scratch,
      @Nullable Scratch fetched, int stopAfter, int recorded) {
    String s = text instanceof String str ? str : text.toString();
    final int n = s.length();
    Scratch sc = fetched;
    int count = recorded;
    int i = 0;
    while (i < n && count < stopAfter) {
      // 1. skip to where a pattern may start
      i = skip(s, i);
      if (i >= n) {
        return count;
      }
      // 2. automaton from its root, until it is back at the root (no partial match pending)
      int state = 0;
      do {
        char c = s.charAt(i++);
        int k = c < 128 ? asciiClass[c] : classOf(c);
        int[] hits;
        if (dense != null) {
          int next = dense[state + k];
          hits = next < 0 ? outputs[(-next - 1) / width] : null;
          state = next < 0 ? -next - 1 : next;
        } else {
          state = step(state, k);
          hits = outputs[state];
        }
        if (hits != null) {
          if (sc == null) {
            sc = java.util.Objects.requireNonNull(scratch, "scratch").get();
          }
          count = record(hits, sc.marks(), sc.found(), sc.epoch(), count);
        }
      } while (i < n && state != 0);
    }
    return count;
  }

  /** Whether any pattern occurs in the text: the scan, stopped at the first hit. */
  boolean occursIn(String s) {
    final int n = s.length();
    int i = 0;
    while (i < n) {
      i = skip(s, i);
      if (i >= n) {
        return false;
      }
      int state = 0;
      do {
        char c = s.charAt(i++);
        int k = c < 128 ? asciiClass[c] : classOf(c);
        if (dense != null) {
          int next = dense[state + k];
          if (next < 0) {
            return true;
          }
          state = next;
        } else {
          state = step(state, k);
          if (outputs[state] != null) {
            return true;
          }
        }
      } while (i < n && state != 0);
    }
    return false;
  }

  /**
   * The first index at or after {@code from} where a pattern may start: its two characters form
   * a pattern's first two (in either ASCII case), or one is non-ASCII (which may fold to ASCII,
   * like KELVIN SIGN to k). No loop-carried table lookups, so this runs at the speed of reading
   * the text. Returns {@code from} unchanged when the filter is off.
   */
  private int skip(String s, int from) {
    final long[] bigrams = starts;
    if (bigrams == null) {
      return from;
    }
    final int n = s.length();
    int i = from;
    char a = s.charAt(i);
    while (i + 1 < n) {
      char b = s.charAt(i + 1);
      int key = bigram(a, b);
      if ((bigrams[key >>> 6] & (1L << key)) != 0 || (a | b) >= 128) {
        return i;
      }
      a = b;
      i++;
    }
    return a >= 128 ? i : n; // the last character can only start a one-character pattern
  }

  private static int record(int[] hits, int[] marks, int[] found, int epoch, int count) {
    for (int id : hits) {
      if (marks[id] != epoch) {
        marks[id] = epoch;
        found[count++] = id;
      }
    }
    return count;
  }

  private int step(int state, int k) {
    if (k == 0) {
      return 0;
    }
    int s = state;
    while (true) {
      int i = Arrays.binarySearch(sparseKeys[s], k);
      if (i >= 0) {
        return sparseTargets[s][i];
      }
      if (s == 0) {
        return 0;
      }
      s = fail[s];
    }
  }
}
