/**
 * Whole-engine benchmarks run as plain mains (the JMH ones sit in the packages they measure):
 * {@link io.tidemark.bench.SigmaThroughput} replays decoded EVTX events through every SigmaHQ rule.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.bench;

import org.jspecify.annotations.NullMarked;
