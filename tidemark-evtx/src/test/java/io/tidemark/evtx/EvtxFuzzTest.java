package io.tidemark.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzzes the whole decoder: file header, chunk, records, Binary XML, values, recovery, field
 * mapping and XML rendering. No input may throw, hang or allocate without bound. Plain
 * {@code mvn test} replays the saved inputs in {@code EvtxFuzzTestInputs/decode}; {@code
 * JAZZER_FUZZ=1 mvn test -Dtest=EvtxFuzzTest} fuzzes.
 */
class EvtxFuzzTest {
  private static final byte[] HEADER = Arrays.copyOf(EvtxBuilder.file(), FileHeader.SIZE);

  /**
   * An input that starts with the file signature is a whole file; anything else is the first
   * chunk's bytes behind a valid file header, so mutations land where the decoding is.
   */
  @FuzzTest(maxDuration = "3m")
  void decode(byte[] input) throws IOException {
    byte[] file = input;
    if (input.length < 8 || input[0] != 'E' || input[3] != 'F') {
      file = Arrays.copyOf(HEADER, HEADER.length + input.length);
      System.arraycopy(input, 0, file, HEADER.length, input.length);
    }
    try (EvtxReader reader = EvtxReader.open(new ByteArrayInputStream(file),
        EvtxFixtures.SOURCE, DiagnosticSink.ignoring(), EvtxOptions.defaults().withThreads(1))) {
      for (Event event = reader.next(); event != null; event = reader.next()) {
        assertThat(EvtxXml.render(event)).startsWith("<");
        for (String name : event.fieldNames()) {
          event.getAll(name);
        }
        event.searchText();
      }
      EvtxSummary summary = reader.summary();
      assertThat(summary.records() + summary.recovered()).isEqualTo(reader.recordsRead());
    }
  }
}
