package io.tidemark.evtx;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one 64 KiB block of an EVTX file, independently of every other block, which is what
 * lets chunks be decoded in parallel.
 *
 * <ol>
 *   <li>Walks the records from offset 512 to the free-space offset, as Windows and both peers
 *       do; these are the log's records.
 *   <li>Records chained on past a stale free-space offset (a log copied while being written)
 *       are kept as records too, with a warning.
 *   <li>After a corrupt record, and in the slack after the last record, carves records by
 *       signature and size; those that decode are returned flagged as recovered.
 *   <li>Counts what the header promised but was not found, and what was found but could not be
 *       decoded, with offsets, as diagnostics.
 * </ol>
 */
final class ChunkDecoder {
  static final String RECOVERED_FIELD = "Tidemark_Recovered";
  static final String MISSING_TEMPLATE_FIELD = "Tidemark_MissingTemplate";
  private static final int RECORD_HEADER = 24;
  private static final int MIN_RECORD = RECORD_HEADER + 4;
  private static final int MAX_LISTED_OFFSETS = 8;

  private final SourceFile source;
  private final String path;
  private final EvtxOptions options;
  private final byte[] b;
  private final int length;
  private final long fileOffset;
  private final int index;
  private final BinXmlParser parser;
  private final ChunkResult.Builder result;
  private final Set<Long> activeIds = new HashSet<>();
  private final List<String> undecodable = new ArrayList<>();
  private final int[] nodeBudget = Resolver.chunkBudget();
  private int partial;

  private ChunkDecoder(
      SourceFile source, EvtxOptions options, byte[] b, int length, long fileOffset, int index) {
    this.source = source;
    this.path = source.path();
    this.options = options;
    this.b = b;
    this.length = length;
    this.fileOffset = fileOffset;
    this.index = index;
    this.parser = new BinXmlParser(b, length);
    this.result = new ChunkResult.Builder();
  }

  /**
   * Decodes the first {@code length} bytes of {@code block}, the chunk numbered {@code index}
   * (from 0) at {@code fileOffset} in the file.
   */
  static ChunkResult decode(
      SourceFile source, EvtxOptions options, byte[] block, int length, long fileOffset,
      int index) {
    ChunkDecoder decoder = new ChunkDecoder(source, options, block, length, fileOffset, index);
    try {
      decoder.run();
    } catch (RuntimeException | StackOverflowError e) {
      // A bug or an input no check anticipated must cost this chunk, never the scan.
      decoder.result.diagnostic(Diagnostic.error("evtx-chunk-undecodable",
          "chunk " + index + " could not be decoded (" + e + "); its records are lost",
          decoder.path, fileOffset));
    }
    return decoder.result.build();
  }

  private void run() {
    if (length < ChunkHeader.SIZE || !ChunkHeader.hasSignature(b)) {
      if (!Bytes.isZero(b, 0, length)) {
        result.diagnostic(Diagnostic.warning("evtx-chunk-signature", String.format(Locale.ROOT,
            "block %d has no chunk signature; carving records from it", index), path, -1,
            fileOffset));
        carve(0, true);
      }
      return;
    }
    result.chunk();
    ChunkHeader header = ChunkHeader.parse(b, length);
    checkChecksums(header);
    int end = header.freeSpaceOffset() >= ChunkHeader.SIZE && header.freeSpaceOffset() <= length
        ? header.freeSpaceOffset() : length;
    int pos = walk(ChunkHeader.SIZE, end, header);
    reportMissing(header);
    if (options.recover()) {
      carve(pos, false);
    }
    reportUndecodable();
  }

  private void checkChecksums(ChunkHeader header) {
    if (!header.headerChecksumValid()) {
      result.crcMismatch();
      result.diagnostic(Diagnostic.warning("evtx-chunk-header-crc", String.format(Locale.ROOT,
          "chunk %d header checksum mismatch; decoding it anyway", index), path, -1, fileOffset));
    }
    if (!header.dataChecksumValid()) {
      result.crcMismatch();
      result.diagnostic(Diagnostic.warning("evtx-chunk-data-crc", String.format(Locale.ROOT,
          "chunk %d record data checksum mismatch (free space offset %d); decoding it anyway",
          index, header.freeSpaceOffset()), path, -1, fileOffset));
    }
  }

  /**
   * Reads records in order from {@code pos}; returns where the chain ends. Records chained past
   * {@code end} (the free-space offset) continue the log when their ids follow on.
   */
  private int walk(int pos, int end, ChunkHeader header) {
    long lastId = -1;
    boolean beyondHeader = false;
    while (pos <= length - MIN_RECORD) {
      int size = recordSize(pos);
      if (pos >= end) {
        long id = size > 0 ? Bytes.i64(b, pos + 8) : -1;
        long expectedId = lastId >= 0 ? lastId + 1 : header.firstRecordId();
        if (size <= 0 || id != expectedId) {
          break;
        }
        if (!beyondHeader) {
          beyondHeader = true;
          result.diagnostic(Diagnostic.warning("evtx-chunk-header-stale", String.format(
              Locale.ROOT, "chunk %d: records continue past the free space offset %d "
                  + "(file copied while in use); reading them", index, end), path, id,
              fileOffset + pos));
        }
      } else if (size <= 0) {
        if (!Bytes.isZero(b, pos, end - pos)) {
          result.diagnostic(Diagnostic.error("evtx-record-corrupt", String.format(Locale.ROOT,
              "chunk %d: no valid record at offset %d (bad signature or size); carving the "
                  + "rest of the chunk", index, pos), path, fileOffset + pos));
        }
        break;
      }
      long id = Bytes.i64(b, pos + 8);
      lastId = id;
      activeIds.add(id);
      record(pos, size, id, /* recovered= */ false);
      pos += size;
    }
    return pos;
  }

  /** The size of a structurally valid record at {@code pos}, or -1. */
  private int recordSize(int pos) {
    if (!Bytes.isRecordSignature(b, pos)) {
      return -1;
    }
    int size = Bytes.i32(b, pos + 4);
    if (size < MIN_RECORD || size > length - pos || Bytes.i32(b, pos + size - 4) != size) {
      return -1;
    }
    return size;
  }

  /** Scans for records by signature from {@code pos} to the end of the block. */
  private void carve(int pos, boolean wholeBlock) {
    int recoveredBefore = result.recovered();
    List<String> offsets = new ArrayList<>();
    int q = Math.max(pos, wholeBlock ? 0 : ChunkHeader.SIZE);
    while (q <= length - MIN_RECORD) {
      int size = recordSize(q);
      if (size < 0) {
        q++;
        continue;
      }
      long id = Bytes.i64(b, q + 8);
      if (activeIds.add(id)) {
        if (record(q, size, id, /* recovered= */ true) && offsets.size() < MAX_LISTED_OFFSETS) {
          offsets.add(Long.toString(fileOffset + q));
        }
      }
      q += size;
    }
    int recovered = result.recovered() - recoveredBefore;
    if (recovered > 0) {
      String partly = partial == 0 ? "" : String.format(Locale.ROOT, "; %d of them lost a "
          + "template to overwriting and keep those values as unnamed Data (field %s)",
          partial, MISSING_TEMPLATE_FIELD);
      result.diagnostic(Diagnostic.warning("evtx-recovered", String.format(Locale.ROOT,
          "chunk %d: %d deleted or damaged record(s) recovered from %s at offsets %s%s; "
              + "they carry %s=true%s", index, recovered, wholeBlock ? "the block" : "slack space",
          String.join(", ", offsets), recovered > offsets.size() ? ", ..." : "",
          RECOVERED_FIELD, partly), path, -1, fileOffset + pos));
    }
  }

  /** Decodes one record; returns whether it became an event. */
  private boolean record(int pos, int size, long id, boolean recovered) {
    try {
      Doc doc = parser.parseRecord(pos + RECORD_HEADER, pos + size - 4, recovered);
      List<Node> tree = Resolver.resolve(doc, nodeBudget);
      FieldMapper.Mapped mapped = FieldMapper.map(tree);
      if (recovered && !isEvent(tree)) {
        throw new EvtxFormatException("carved bytes are no event (root is not <Event>)", pos);
      }
      Map<String, @Nullable Object> fields = mapped.fields();
      if (recovered) {
        fields.put(RECOVERED_FIELD, "true");
        String missing = parser.missingTemplate();
        if (missing != null) {
          fields.put(MISSING_TEMPLATE_FIELD, missing);
          partial++;
        }
      }
      Instant time = mapped.timeCreated();
      if (time == null) {
        time = Times.fromFiletime(Bytes.i64(b, pos + 16)); // the record header's write time
      }
      long recordId = eventRecordId(fields, id);
      EvtxEvent event =
          new EvtxEvent(source, recordId, fileOffset + pos, time, fields, tree, recovered);
      if (options.renderXml()) {
        event.xml();
      }
      result.event(event);
      return true;
    } catch (EvtxFormatException e) {
      result.undecodable(recovered);
      if (recovered) {
        if (undecodable.size() < MAX_LISTED_OFFSETS) {
          undecodable.add(id + "@" + (fileOffset + pos));
        }
      } else {
        result.diagnostic(Diagnostic.skipped("evtx-record-undecodable", String.format(
            Locale.ROOT, "record %d in chunk %d could not be decoded: %s", id, index,
            e.getMessage()), path, id, fileOffset + pos));
      }
      return false;
    }
  }

  /**
   * The EventRecordID the record renders, which every tool shows; the record header's own id
   * when there is none. They differ in exported logs ({@code wevtutil epl}, "Save As"), which
   * renumber record headers from 1 but keep each event's EventRecordID.
   */
  private static long eventRecordId(Map<String, @Nullable Object> fields, long headerId) {
    if (fields.get("EventRecordID") instanceof String text && !text.isEmpty()
        && text.length() <= 19) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return headerId;
      }
    }
    return headerId;
  }

  private static boolean isEvent(List<Node> tree) {
    return !tree.isEmpty() && tree.get(0) instanceof Node.Element root
        && root.name().equals("Event");
  }

  private void reportMissing(ChunkHeader header) {
    long expected = header.expectedRecords();
    if (expected < 0) {
      return;
    }
    long found = 0;
    for (long id : activeIds) {
      if (id >= header.firstRecordId() && id <= header.lastRecordId()) {
        found++;
      }
    }
    if (found < expected) {
      result.missing(expected - found);
      result.diagnostic(Diagnostic.error("evtx-records-missing", String.format(Locale.ROOT,
          "chunk %d: header lists records %d-%d but %d of them were not found",
          index, header.firstRecordId(), header.lastRecordId(), expected - found), path,
          fileOffset));
    }
  }

  private void reportUndecodable() {
    int count = result.undecodableCarved();
    if (count > 0) {
      result.diagnostic(Diagnostic.skipped("evtx-slack-undecodable", String.format(Locale.ROOT,
          "chunk %d: %d deleted record(s) found in slack could not be decoded (their templates "
              + "or names were overwritten): id@offset %s%s", index, count,
          String.join(", ", undecodable), count > undecodable.size() ? ", ..." : ""), path, -1,
          fileOffset));
    }
  }
}
