package io.tidemark.engine;

import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.source.ual.RecordIdSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts each Unified Audit Log record once per run, by its {@code Id}, across files: two
 * exports of overlapping searches hold the same records, and Microsoft's guidance is to count
 * each Id once. The copy kept is the first in plan order (units by path, files in reading order
 * within a unit); later copies are withdrawn from what their unit found (detections,
 * correlation inputs, observed facts) and counted as skipped ({@value #CODE}) in their file's
 * manifest record.
 *
 * <p>Why here and not in the intake's reader: units are read in parallel, so a reader can never
 * know whether an earlier file (in plan order) holds the same Id, and keeping whichever copy a
 * thread happens to read first would make detections cite different files from run to run. The
 * hunt already merges unit results on one thread in plan order; deciding there makes the
 * result independent of thread timing. The reader still drops repeats within one file, which it
 * can decide alone. Thread safety comes from confinement: a {@link Unit} belongs to its worker
 * until the merge, the run-wide set to the merging thread.
 *
 * <p>Memory: the run-wide set keeps two longs per distinct Id (see {@link RecordIdSet}); a
 * unit's list keeps about 40 bytes per record until its unit is merged. No event is kept.
 */
final class UalDedup {
  static final String CODE = "ual-duplicate-id";

  private final RecordIdSet seen = new RecordIdSet();

  /** The Unified Audit Log records one unit analysed, in reading order; one worker fills it. */
  static final class Unit {
    private final long[] bits = new long[2];
    private final List<String> paths = new ArrayList<>();
    private long[] ids = new long[0];
    private long[] records = new long[0];
    private int[] files = new int[0];
    private int[] facts = new int[0];
    private int size;

    /**
     * Notes a record after it was analysed; {@code factsFrom} to {@code factsTo} are the indexes
     * of the facts an observer took from it (equal when none). Other log types and records
     * without an Id are ignored.
     */
    void add(Event event, int factsFrom, int factsTo) {
      if (event.source().logType() != LogType.M365_UAL
          || !RecordIdSet.bits(event.get("Id"), bits)) {
        return;
      }
      String path = event.source().path();
      if (paths.isEmpty() || !paths.get(paths.size() - 1).equals(path)) {
        paths.add(path);
      }
      if (size == records.length) {
        int capacity = Math.max(64, size * 2);
        ids = Arrays.copyOf(ids, 2 * capacity);
        records = Arrays.copyOf(records, capacity);
        files = Arrays.copyOf(files, capacity);
        facts = Arrays.copyOf(facts, 2 * capacity);
      }
      ids[2 * size] = bits[0];
      ids[2 * size + 1] = bits[1];
      records[size] = event.recordId();
      files[size] = paths.size() - 1;
      facts[2 * size] = factsFrom;
      facts[2 * size + 1] = factsTo;
      size++;
    }
  }

  /**
   * The records of a unit whose Id an earlier unit, or an earlier record of this unit, already
   * had; the others join the run's set. Called on one thread, unit by unit in plan order.
   */
  Repeats merge(Unit unit) {
    Repeats repeats = new Repeats();
    for (int i = 0; i < unit.size; i++) {
      if (!seen.add(unit.ids[2 * i], unit.ids[2 * i + 1])) {
        repeats.add(unit.paths.get(unit.files[i]), unit.records[i], unit.facts[2 * i],
            unit.facts[2 * i + 1]);
      }
    }
    return repeats;
  }

  /** The copies to withdraw from one unit's results. */
  static final class Repeats {
    private final Map<String, Set<Long>> records = new HashMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<int[]> factRanges = new ArrayList<>();

    private void add(String path, long record, int factsFrom, int factsTo) {
      records.computeIfAbsent(path, k -> new HashSet<>()).add(record);
      counts.merge(path, 1L, Long::sum);
      if (factsTo > factsFrom) {
        factRanges.add(new int[] {factsFrom, factsTo});
      }
    }

    boolean isEmpty() {
      return counts.isEmpty();
    }

    /** Whether the record at {@code recordId} of {@code path} is a withdrawn copy. */
    boolean contains(String path, long recordId) {
      Set<Long> set = records.get(path);
      return set != null && set.contains(recordId);
    }

    /** Withdrawn copies per file path, in path order. */
    Map<String, Long> counts() {
      return counts;
    }

    long total() {
      long n = 0;
      for (long c : counts.values()) {
        n += c;
      }
      return n;
    }

    /** The facts without those taken from withdrawn copies, in their order. */
    <F> List<F> withoutFacts(List<F> facts) {
      if (factRanges.isEmpty()) {
        return facts;
      }
      boolean[] drop = new boolean[facts.size()];
      for (int[] range : factRanges) {
        Arrays.fill(drop, range[0], range[1], true);
      }
      List<F> kept = new ArrayList<>(facts.size());
      for (int i = 0; i < facts.size(); i++) {
        if (!drop[i]) {
          kept.add(facts.get(i));
        }
      }
      return kept;
    }
  }
}
