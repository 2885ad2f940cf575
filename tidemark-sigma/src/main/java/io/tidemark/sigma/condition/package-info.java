/**
 * Sigma detection conditions: a sealed tree ({@link io.tidemark.sigma.condition.Condition}) and
 * its parser. Precedence from loosest to tightest: {@code or}, {@code and}, {@code not}, {@code x
 * of}, parentheses.
 */
@NullMarked
package io.tidemark.sigma.condition;

import org.jspecify.annotations.NullMarked;
