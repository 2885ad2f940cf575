/**
 * The normalised event model: the one contract between readers (which produce {@link
 * io.tidemark.event.Event}s from files) and everything downstream (rules, correlation,
 * assessment, reports). It depends on nothing else of Tidemark's.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.event;

import org.jspecify.annotations.NullMarked;
