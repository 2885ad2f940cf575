/**
 * Line-at-a-time parsers for columnar text logs: IIS W3C extended logs and the Exchange CSV logs
 * (HttpProxy, EWS, ECP, OAB generator, message tracking, cmdlet logs). The intake feeds them lines
 * read from files; a streaming job can feed them lines from a queue. {@link
 * io.tidemark.source.text.LineParser} is the entry point; everything else is internal.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.source.text;

import org.jspecify.annotations.NullMarked;
