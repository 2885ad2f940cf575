package io.tidemark.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.event.Diagnostic;
import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import io.tidemark.source.winevent.WindowsEventJson;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Reads Windows events exported as JSON: records framed by bytes, each parsed and mapped. */
final class JsonLogReader implements LogReader {
  /** Windows events nest a few levels; anything deeper is hostile. */
  private static final int MAX_NESTING = 64;
  static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
      .build());

  private final JsonRecordFramer framer;
  private final SourceFile source;
  private final FileDiagnostics diagnostics;
  private long recordsRead;
  private boolean ended;
  private @Nullable IOException failure;

  JsonLogReader(
      InputStream in, SourceFile source, FileDiagnostics diagnostics, IntakeOptions options) {
    this.framer = new JsonRecordFramer(in, options.maxLineBytes(), diagnostics, source.path());
    this.source = source;
    this.diagnostics = diagnostics;
  }

  @Override
  public @Nullable Event next() {
    if (ended) {
      return null;
    }
    try {
      JsonRecordFramer.Frame frame;
      while ((frame = framer.next()) != null) {
        Event event = map(frame);
        if (event != null) {
          recordsRead++;
          return event;
        }
      }
    } catch (IOException e) {
      failure = e;
    }
    ended = true;
    return null;
  }

  private @Nullable Event map(JsonRecordFramer.Frame frame) {
    JsonNode node;
    try {
      node = MAPPER.readTree(frame.bytes(), frame.start(), frame.end() - frame.start());
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      diagnostics.report(Diagnostic.skipped("bad-json", "malformed JSON record: "
          + (reason.length() > 120 ? reason.substring(0, 120) + "..." : reason),
          source.path(), frame.number(), frame.offset()));
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("reading a byte array cannot fail", e);
    }
    return WindowsEventJson.toEvent(node, source, frame.number(), frame.offset(), diagnostics);
  }

  @Override
  public long recordsRead() {
    return recordsRead;
  }

  @Override
  public long drain() throws IOException {
    if (ended) {
      return 0;
    }
    ended = true;
    return framer.countRemaining();
  }

  @Override
  public @Nullable IOException failure() {
    return failure;
  }
}
