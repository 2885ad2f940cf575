/**
 * Correlation rules at run time: an explicit state machine per (correlation, group-by values),
 * advanced by event time only, never the wall clock. {@link
 * io.tidemark.sigma.correlation.CorrelationEngine} is stateless; all state lives in a {@link
 * io.tidemark.sigma.correlation.CorrelationStore} (in memory for the CLI, keyed state in a Flink
 * job).
 *
 * <h2>Windows</h2>
 *
 * Windows slide: a correlation holds when some span of length {@code timespan} (inclusive) holds
 * enough matching events, wherever it starts. Conditions with only lower bounds ({@code gt},
 * {@code gte}) on counts, distinct counts, sums and temporal sequences are reported as soon as
 * they hold; the events that made the match are then consumed, so a burst reports once per
 * threshold reached, not once per further event. Conditions with an upper bound ({@code lt},
 * {@code lte}, {@code eq}, {@code neq}) and the average and percentile types can only be decided
 * when a window can no longer grow: they are decided over consecutive windows, each starting at
 * the first event not yet covered (so every event is judged once), when the event-time watermark
 * ({@link io.tidemark.sigma.correlation.CorrelationEngine#expire}, or the group's newest time less
 * the allowed lateness) has passed the window's end. Events may arrive out of order; a group keeps at most {@link
 * io.tidemark.sigma.correlation.CorrelationEngine#MAX_ENTRIES_PER_GROUP} entries (the oldest are
 * dropped and counted).
 */
@NullMarked
package io.tidemark.sigma.correlation;

import org.jspecify.annotations.NullMarked;
