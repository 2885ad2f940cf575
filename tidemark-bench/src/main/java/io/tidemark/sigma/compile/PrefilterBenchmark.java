package io.tidemark.sigma.compile;

import io.tidemark.engine.RulePack;
import io.tidemark.event.LogType;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-line prefilter over ~4 MB of lab log lines with the built-in pack's literals for the
 * log type: the raw-byte {@link LiteralScanner} against the path it replaced (decode the line,
 * then run the Aho-Corasick automaton over the text). One operation is the whole sample, so
 * MB/s is the sample's size divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrefilterBenchmark {
  private static final int SAMPLE_BYTES = 4 << 20;

  @Param({"exchange-httpproxy", "iis-w3c"})
  public String logType;

  private byte[] bytes = new byte[0];
  private int[] lineEnds = new int[0];
  private LiteralScanner scanner = LiteralScanner.of(List.of());
  private AhoCorasick automaton = new AhoCorasick(List.of("x"), List.of(new int[] {0}));
  private final Supplier<Marks> marks = Marks::new;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    LogType type = LogType.fromId(logType);
    Set<String> literals =
        RulePack.builtIn(CompileOptions.defaults()).rules().requiredLiterals(type);
    if (literals == null || literals.isEmpty()) {
      throw new IllegalStateException("the built-in pack needs no literal for " + type);
    }
    scanner = LiteralScanner.of(literals);
    List<String> patterns = new ArrayList<>(literals);
    List<int[]> payloads = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      payloads.add(new int[] {0});
    }
    automaton = new AhoCorasick(patterns, payloads);
    loadLines(type);
  }

  /** Record lines of lab evidence of this type, up to the sample size. */
  private void loadLines(LogType type) throws IOException {
    Path dir = Files.createTempDirectory("tidemark-bench");
    try {
      Lab.generate(LabSpec.defaults(7, Scenario.PROXYLOGON).withTargetBytes(64L << 20), dir);
      String folder = type == LogType.IIS_W3C ? "W3SVC" : "HttpProxy";
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(p -> p.toString().contains(folder) && Files.isRegularFile(p))
            .sorted().toList();
      }
      StringBuilder sample = new StringBuilder(SAMPLE_BYTES + 4096);
      for (Path file : files) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.startsWith("#") && sample.length() < SAMPLE_BYTES) {
            sample.append(line).append('\n');
          }
        }
      }
      bytes = sample.toString().getBytes(StandardCharsets.UTF_8);
      int[] ends = new int[bytes.length / 64 + 16];
      int n = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          if (n == ends.length) {
            ends = Arrays.copyOf(ends, 2 * n);
          }
          ends[n++] = i;
        }
      }
      lineEnds = Arrays.copyOf(ends, n);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (UncheckedIOException e) {
        // a temp folder left behind is harmless
      }
    }
  }

  /** Lines with a literal, found on the raw bytes. */
  @Benchmark
  public int literalScannerOnBytes() {
    int found = 0;
    int start = 0;
    for (int end : lineEnds) {
      if (scanner.find(bytes, start, end)) {
        found++;
      }
      start = end + 1;
    }
    return found;
  }

  /** Lines with a literal, found the way the hunt did before: decode, then run the automaton. */
  @Benchmark
  public int ahoCorasickOnDecodedLines() {
    int found = 0;
    int start = 0;
    for (int end : lineEnds) {
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (automaton.scan(line, marks, 1) > 0) {
        found++;
      }
      start = end + 1;
    }
    return found;
  }

  /** Scratch for the automaton: one id, so a fresh one per hit costs nothing measurable. */
  private static final class Marks implements AhoCorasick.Scratch {
    private final int[] marks = new int[1];
    private final int[] found = new int[1];

    @Override
    public int[] marks() {
      return marks;
    }

    @Override
    public int[] found() {
      return found;
    }

    @Override
    public int epoch() {
      return 1;
    }
  }
}
