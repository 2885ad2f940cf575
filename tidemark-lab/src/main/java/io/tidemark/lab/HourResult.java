package io.tidemark.lab;

import java.util.Map;
import java.util.TreeSet;

/**
 * What one hour wrote.
 *
 * @param hour the hour's index in the window
 * @param partFirstMs for each daily or window sink with a part file, its first line's time
 * @param tagFiles for each truth step, the files its lines landed in
 * @param lines lines written
 * @param chars characters written, headers included
 */
record HourResult(int hour, Map<Sink, Long> partFirstMs, Map<Integer, TreeSet<String>> tagFiles,
    long lines, long chars) {}
