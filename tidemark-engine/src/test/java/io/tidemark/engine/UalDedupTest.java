package io.tidemark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.LabTruth;
import io.tidemark.lab.Scenario;
import io.tidemark.sigma.compile.CompileOptions;
import io.tidemark.source.FileRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: the same audit-log record in two exports (overlapping searches) counts once. The
 * exchange-online lab's Purview export is cut into two files that share their middle third;
 * the hunt over them must find what the hunt over the one file finds, and count every copy.
 */
class UalDedupTest {
  private static RulePack pack;
  private static Path one;
  private static Path two;
  private static int rows;

  @TempDir static Path work;

  @BeforeAll
  static void exports() throws Exception {
    pack = RulePack.builtIn(CompileOptions.defaults());
    Path lab = work.resolve("lab");
    LabTruth truth = Lab.generate(LabSpec.defaults(1, Scenario.EXCHANGE_ONLINE), lab);
    Path m365 = lab.resolve(truth.host()).resolve("M365");
    Path csv;
    Path json;
    try (Stream<Path> files = Files.list(m365)) {
      List<Path> all = files.sorted().toList();
      csv = all.stream().filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
      json = all.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    // One record per line in the lab's Purview CSV (its cells hold no line breaks).
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    String header = lines.get(0);
    List<String> records = lines.subList(1, lines.size());
    rows = records.size();
    one = Files.createDirectories(work.resolve("one"));
    two = Files.createDirectories(work.resolve("two"));
    Files.copy(json, one.resolve(json.getFileName()));
    Files.copy(json, two.resolve(json.getFileName()));
    Files.copy(csv, one.resolve("AuditLog_all.csv"));
    write(two.resolve("AuditLog_a.csv"), header, records.subList(0, 2 * rows / 3));
    write(two.resolve("AuditLog_b.csv"), header, records.subList(rows / 3, rows));
  }

  private static void write(Path file, String header, List<String> records) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(records);
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** What a hunt found: detections by rule, time and record Id (or group), and observed Ids. */
  private record Found(List<String> detections, List<String> sources, List<String> observed,
      HuntResult result) {}

  private static Found hunt(Path evidence, int threads) {
    List<Detection> detections = new ArrayList<>();
    List<String> observed = Collections.synchronizedList(new ArrayList<>());
    HuntResult result = Hunter.builder().rules(pack).threads(threads)
        .observer(new EventObserver<String>() {
          @Override
          public Set<LogType> logTypes() {
            return Set.of(LogType.M365_UAL);
          }

          @Override
          public void extract(Event event, @Nullable String host, Consumer<String> out) {
            out.accept(event.get("Id"));
          }

          @Override
          public void accept(List<String> facts) {
            observed.addAll(facts);
          }
        })
        .build().hunt(List.of(evidence), detections::add);
    List<String> keys = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Detection d : detections) {
      keys.add(d.rule().id() + " " + d.timestamp() + " "
          + (d.isCorrelation() ? d.group() : d.field("Id")));
      sources.add(d.source() + ":" + d.recordId());
    }
    Collections.sort(keys);
    return new Found(keys, sources, observed, result);
  }

  private static FileRecord file(HuntResult result, String name) {
    return result.files().stream().filter(f -> f.path().endsWith(name)).findFirst().orElseThrow();
  }

  @Test
  void hunt_twoOverlappingExports_findWhatTheOneExportFinds() {
    Found single = hunt(one, 2);
    Found split = hunt(two, 2);

    assertThat(split.detections()).isNotEmpty().isEqualTo(single.detections());
    assertThat(split.observed()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(single.observed());
    assertThat(split.result().events()).isEqualTo(single.result().events());
  }

  @Test
  void hunt_twoOverlappingExports_countTheLaterCopiesAsSkipped() {
    HuntResult single = hunt(one, 2).result();
    HuntResult split = hunt(two, 2).result();

    FileRecord all = file(single, "AuditLog_all.csv");
    FileRecord a = file(split, "AuditLog_a.csv");
    FileRecord b = file(split, "AuditLog_b.csv");
    int overlap = 2 * rows / 3 - rows / 3;
    assertThat(a.skippedByReason()).isEqualTo(all.skippedByReason()).doesNotContainKey("ual-duplicate-id");
    assertThat(b.skippedByReason()).containsEntry("ual-duplicate-id", (long) overlap);
    assertThat(a.recordsRead() + b.recordsRead()).isEqualTo(all.recordsRead());
    assertThat(a.recordsRead() + a.recordsSkipped()).isEqualTo(2 * rows / 3);
    assertThat(b.recordsRead() + b.recordsSkipped()).isEqualTo(rows - rows / 3);
    assertThat(b.notes()).anySatisfy(n -> assertThat(n).contains("earlier file of this run"));
    assertThat(split.coverage()).filteredOn(c -> c.logType() == LogType.M365_UAL)
        .singleElement().satisfies(c -> {
          LogCoverage before = single.coverage().stream()
              .filter(s -> s.logType() == LogType.M365_UAL).findFirst().orElseThrow();
          assertThat(c.records()).isEqualTo(before.records());
          assertThat(c.skipped()).isEqualTo(before.skipped() + overlap);
        });
  }

  @Test
  void hunt_overlappingExportsOnOneOrTwoThreads_keepsTheSameCopies() {
    Found serial = hunt(two, 1);
    Found parallel = hunt(two, 2);

    assertThat(parallel.sources()).isEqualTo(serial.sources());
    assertThat(parallel.sources()).noneMatch(s -> s.contains("AuditLog_b.csv:")
        && Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)) <= 2 * rows / 3 - rows / 3);
  }
}
