package io.tidemark.lab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Collects one hour's lines per sink and writes them in time order. Lines are held only until
 * {@link #flushBefore} says no earlier line can still arrive, so memory stays bounded by a few
 * minutes of traffic. Hourly logs go straight to their final files (rolling at 10 MB, as Exchange
 * does); daily logs and Windows channels go to part files that {@link Assembler} joins.
 */
final class HourWriter implements LineSink, AutoCloseable {
  private final LabRun run;
  private final int hour;
  private final long hourStart;
  private final Buffer[] buffers = new Buffer[Sink.values().length];
  private final Output[] outputs = new Output[Sink.values().length];
  private final Map<Sink, Long> partFirstMs = new EnumMap<>(Sink.class);
  private final Map<Integer, TreeSet<String>> tagFiles = new TreeMap<>();
  private long lines;
  private long chars;

  HourWriter(LabRun run, int hour, long hourStart) {
    this.run = run;
    this.hour = hour;
    this.hourStart = hourStart;
    for (Sink sink : Sink.values()) {
      buffers[sink.ordinal()] = new Buffer();
    }
  }

  @Override
  public void line(Sink sink, long ms, String text, int tag) {
    buffers[sink.ordinal()].add(Math.max(ms, hourStart) - hourStart, text, tag);
  }

  /** Writes every buffered line earlier than {@code limitMs}; no later call may add one. */
  void flushBefore(long limitMs) throws IOException {
    long limit = limitMs - hourStart;
    for (Sink sink : Sink.values()) {
      buffers[sink.ordinal()].flush(sink, limit);
    }
  }

  /** Flushes everything and reports what was written. */
  HourResult finish() throws IOException {
    flushBefore(Long.MAX_VALUE / 2);
    close();
    return new HourResult(hour, partFirstMs, tagFiles, lines, chars);
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (int i = 0; i < outputs.length; i++) {
      Output output = outputs[i];
      if (output != null) {
        try {
          output.writer.close();
        } catch (IOException e) {
          failure = e;
        }
        outputs[i] = null;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void write(Sink sink, long offset, String text, int tag) throws IOException {
    long ms = hourStart + offset;
    Output output = outputs[sink.ordinal()];
    if (output == null || (sink.period() == Sink.Period.HOUR && output.chars > run.rollChars)) {
      output = open(sink, ms, output);
    }
    output.writer.write(text);
    output.chars += text.length();
    chars += text.length();
    lines++;
    if (tag != NO_TAG) {
      tagFiles.computeIfAbsent(tag, k -> new TreeSet<>()).add(output.finalPath);
    }
  }

  private Output open(Sink sink, long ms, @Nullable Output previous) throws IOException {
    if (previous != null) {
      previous.writer.close();
    }
    int roll = previous == null ? 1 : previous.roll + 1;
    String host = run.org().host;
    Output output;
    if (sink.period() == Sink.Period.HOUR) {
      String path = sink.path(host, hourStart, roll);
      output = new Output(newWriter(run.root().resolve(path)), path, roll);
      String header = sink.header(run.org().build, ms);
      output.writer.write(header);
      output.chars += header.length();
      chars += header.length();
    } else {
      Path part = run.partFile(sink, hour);
      output = new Output(newWriter(part), sink.path(host, hourStart, 1), roll);
      partFirstMs.put(sink, ms);
    }
    outputs[sink.ordinal()] = output;
    return output;
  }

  static Writer newWriter(Path path) throws IOException {
    Path parent = path.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 13);
  }

  /** An open file and how much went into it. */
  private static final class Output {
    final Writer writer;
    final String finalPath;
    final int roll;
    long chars;

    Output(Writer writer, String finalPath, int roll) {
      this.writer = writer;
      this.finalPath = finalPath;
      this.roll = roll;
    }
  }

  /**
   * Lines of one sink not yet written. Keys pack the time offset (high bits) over the slot (low
   * 24 bits), so sorting the keys orders by time and keeps arrival order for equal times.
   */
  private final class Buffer {
    private static final int SLOT_BITS = 24;
    private long[] keys = new long[64];
    private String[] texts = new String[64];
    private int[] tags = new int[64];
    private String[] spareTexts = new String[64];
    private int[] spareTags = new int[64];
    private int size;

    void add(long offset, String text, int tag) {
      if (size == keys.length) {
        if (size >= (1 << SLOT_BITS)) {
          throw new IllegalStateException("more than 16M lines buffered for one sink");
        }
        keys = Arrays.copyOf(keys, size * 2);
        texts = Arrays.copyOf(texts, size * 2);
        tags = Arrays.copyOf(tags, size * 2);
      }
      keys[size] = (offset << SLOT_BITS) | size;
      texts[size] = text;
      tags[size] = tag;
      size++;
    }

    void flush(Sink sink, long limit) throws IOException {
      if (size == 0) {
        return;
      }
      Arrays.sort(keys, 0, size);
      int written = 0;
      while (written < size && (keys[written] >> SLOT_BITS) < limit) {
        int slot = (int) (keys[written] & ((1 << SLOT_BITS) - 1));
        write(sink, keys[written] >> SLOT_BITS, texts[slot], tags[slot]);
        written++;
      }
      if (written == 0) {
        return;
      }
      compact(written);
    }

    private void compact(int written) {
      int remaining = size - written;
      if (spareTexts.length < texts.length) {
        spareTexts = new String[texts.length];
        spareTags = new int[texts.length];
      }
      for (int i = 0; i < remaining; i++) {
        long key = keys[written + i];
        int slot = (int) (key & ((1 << SLOT_BITS) - 1));
        keys[i] = ((key >> SLOT_BITS) << SLOT_BITS) | i;
        spareTexts[i] = texts[slot];
        spareTags[i] = tags[slot];
      }
      String[] oldTexts = texts;
      int[] oldTags = tags;
      texts = spareTexts;
      tags = spareTags;
      spareTexts = oldTexts;
      spareTags = oldTags;
      Arrays.fill(spareTexts, 0, size, null);
      size = remaining;
    }
  }

}
