/**
 * Reports: detections, events and assessments → bytes (JSON Lines, CSV, tables, {@code
 * assessment.json}, {@code manifest.json}). Writers never print; the CLI hands them a stream.
 * Strings from logs are untrusted: tables strip terminal control characters and CSV neutralises
 * spreadsheet formulas.
 */
@NullMarked
package io.tidemark.report;

import org.jspecify.annotations.NullMarked;
