/**
 * A command-line driver for benchmarks and manual checks ({@code bench/evtx-vs-evtxexport.sh}):
 * decodes EVTX files and writes XML or JSON Lines. It stands in for {@code tidemark dump} until
 * the EVTX reader is wired into the intake; it is the only code of this module that prints.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.evtx.tool;

import org.jspecify.annotations.NullMarked;
