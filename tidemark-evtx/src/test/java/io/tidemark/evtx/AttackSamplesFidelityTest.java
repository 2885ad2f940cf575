package io.tidemark.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every EVTX file of EVTX-ATTACK-SAMPLES (277 files, 8,255 records) decoded by Tidemark and by
 * both peers, evtxexport and python-evtx: same record counts, and per record the same
 * EventRecordID, EventID, TimeCreated tick, Channel, Computer and every EventData/UserData value.
 * The peers run once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSamplesFidelityTest {
  private final Map<Path, List<Event>> ours = new LinkedHashMap<>();
  private List<Path> files = List.of();

  @BeforeAll
  void decodeEveryFile() throws IOException {
    Path dir = EvtxFixtures.datasets().resolve("evtx-attack-samples");
    assumeTrue(Files.isDirectory(dir),
        dir + " not present; skipping the EVTX-ATTACK-SAMPLES fidelity comparison");
    files = evtxFiles(dir);
    for (Path file : files) {
      ours.put(file, decode(file, EvtxOptions.defaults().withRecover(false)));
    }
  }

  @Test
  void decode_everyAttackSample_recordCountsMatchTheDatasetAndNothingIsLost() throws IOException {
    long records = ours.values().stream().mapToLong(List::size).sum();

    assertThat(files).hasSize(277);
    assertThat(records).isEqualTo(8_255);
    for (Path file : files) {
      DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
      decode(file, sink, EvtxOptions.defaults().withRecover(false));
      assertThat(sink.diagnostics()).as(file.toString()).isEmpty();
    }
  }

  @Test
  void decode_everyAttackSample_matchesEvtxexport() {
    assumeTrue(Peers.hasEvtxexport(),
        "evtxexport not installed (apt-get install libevtx-utils); skipping the comparison");
    Map<Path, List<String>> peer = Peers.evtxexport(files);

    assertThat(problems(peer, PeerComparison.LIBEVTX)).isEmpty();
  }

  @Test
  void decode_everyAttackSample_matchesPythonEvtx() {
    assumeTrue(Peers.hasPythonEvtx(),
        "python-evtx not installed (apt-get install python3-evtx); skipping the comparison");
    Map<Path, List<String>> peer = Peers.pythonEvtx(files);

    assertThat(problems(peer, PeerComparison.PYTHON_EVTX)).isEmpty();
  }

  @Test
  void decode_withRecovery_returnsEveryRecordPlusFlaggedRecoveredOnes() throws IOException {
    long records = 0;
    long recovered = 0;
    for (Path file : files) {
      List<Event> events = decode(file, EvtxOptions.defaults());
      List<Event> plain = ours.get(file);
      List<Event> kept = events.stream().filter(e -> !e.has("Tidemark_Recovered")).toList();
      assertThat(kept).extracting(Event::recordId)
          .containsExactlyElementsOf(plain.stream().map(Event::recordId).toList());
      records += kept.size();
      recovered += events.size() - kept.size();
    }
    assertThat(records).isEqualTo(8_255);
    assertThat(recovered).isPositive();
  }

  private List<String> problems(Map<Path, List<String>> peer, PeerComparison.Style style) {
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      problems.addAll(PeerComparison.compare(file.toString(), ours.get(file),
          peer.getOrDefault(file, List.of()), style));
    }
    return problems.size() > 20 ? problems.subList(0, 20) : problems;
  }

  static List<Path> evtxFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".evtx"))
          .filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<Event> decode(Path file, EvtxOptions options) throws IOException {
    return decode(file, DiagnosticSink.ignoring(), options);
  }

  static List<Event> decode(Path file, DiagnosticSink sink, EvtxOptions options)
      throws IOException {
    SourceFile source = SourceFile.of(file.getFileName().toString(), LogType.WINDOWS_EVENT);
    try (InputStream in = Files.newInputStream(file);
        EvtxReader reader = EvtxReader.open(in, source, sink, options)) {
      List<Event> events = new ArrayList<>();
      for (Event event = reader.next(); event != null; event = reader.next()) {
        events.add(event);
      }
      return events;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
