/**
 * Evidence intake: walks the folders and archives a responder copied off an Exchange server,
 * detects each file's format from its content and its place in the Exchange layout, hands each
 * log to the consumer as a stream of {@link io.tidemark.event.Event}s, and accounts for every
 * file in a {@link io.tidemark.source.FileRecord} (the manifest). Evidence is only ever opened for
 * reading; damaged or hostile input becomes diagnostics, never a stopped scan.
 *
 * <p>{@link io.tidemark.source.Intake} is the entry point. Readers for the formats live in the
 * subpackages {@code text} (W3C and Exchange CSV lines) and {@code winevent} (Windows event JSON).
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.source;

import org.jspecify.annotations.NullMarked;
