/**
 * Hunting: evidence × compiled rules → detections, and correlation over those detections. This is
 * the stage between the rule engine ({@code io.tidemark.sigma}) and the assessment; it owns the
 * per-run state, never the rules.
 */
@NullMarked
package io.tidemark.engine;

import org.jspecify.annotations.NullMarked;
