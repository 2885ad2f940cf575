package io.tidemark.source;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A consumer that keeps every source, event and record, for tests. */
final class Recorder implements FileConsumer {
  final List<SourceFile> sources = new ArrayList<>();
  final Map<String, List<Event>> events = new LinkedHashMap<>();
  final List<FileRecord> records = new ArrayList<>();
  /** Events to pull per file before returning early; negative for all. */
  private final int limit;

  Recorder() {
    this(-1);
  }

  Recorder(int limit) {
    this.limit = limit;
  }

  @Override
  public void onFile(SourceFile source, EventStream stream) {
    sources.add(source);
    List<Event> list = events.computeIfAbsent(source.path(), p -> new ArrayList<>());
    Event event;
    while ((limit < 0 || list.size() < limit) && (event = stream.next()) != null) {
      list.add(event);
    }
  }

  @Override
  public void onFileDone(FileRecord record) {
    records.add(record);
  }

  FileRecord record(String path) {
    Optional<FileRecord> found = records.stream().filter(r -> r.path().equals(path)).findFirst();
    return found.orElseThrow(() -> new AssertionError("no record for " + path + " in "
        + records.stream().map(FileRecord::path).toList()));
  }

  SourceFile source(String path) {
    return sources.stream().filter(s -> s.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no source " + path + " in " + sources));
  }

  List<Event> events(String path) {
    return events.getOrDefault(path, List.of());
  }

  /** Plans and reads every unit of the arguments. */
  static Recorder readAll(IntakeOptions options, DiagnosticSink sink, Path... arguments) {
    Recorder recorder = new Recorder();
    Intake intake = Intake.create(options, sink, ProgressListener.none());
    for (EvidenceUnit unit : intake.plan(List.of(arguments))) {
      intake.read(unit, recorder);
    }
    return recorder;
  }
}
