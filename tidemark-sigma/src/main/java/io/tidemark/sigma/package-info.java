/**
 * Sigma rules for Tidemark: text → rule model ({@code rule}) → values and modifiers ({@code
 * value}, {@code modifier}) → condition trees ({@code condition}) → rules bound to log types
 * ({@code logsource}) → compiled, routed, prefiltered matchers ({@code compile}) → event-time
 * correlation ({@code correlation}). Rules know field names and {@link io.tidemark.event.LogType}s,
 * never file formats.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.sigma;

import org.jspecify.annotations.NullMarked;
