/**
 * Logsources as data: which {@link io.tidemark.event.LogType}s (and, for Windows, which channels
 * and event ids) a rule's {@code logsource} applies to, and how its field names map onto the
 * log's. The table is {@code io/tidemark/sigma/logsources.yml}.
 */
@NullMarked
package io.tidemark.sigma.logsource;

import org.jspecify.annotations.NullMarked;
