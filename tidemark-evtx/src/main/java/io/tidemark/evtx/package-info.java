/**
 * Decodes binary Windows event logs ({@code .evtx}) in pure Java: the file header and 64 KiB
 * chunks with their CRCs, event records, and Binary XML with templates and substitutions. Each
 * record becomes an {@link io.tidemark.event.Event} whose fields carry the names Sigma's Windows
 * rules use ({@code Provider_Name}, {@code EventID}, ..., EventData {@code Data Name=} fields
 * flattened, UserData leaves by name), with the value formats of the evtx_dump JSON the
 * {@code windows-event} JSON reader reads, so a rule fires the same on a file and on its JSON.
 *
 * <p>{@link io.tidemark.evtx.EvtxReader} is the entry point; {@link io.tidemark.evtx.EvtxXml}
 * renders a decoded record as Windows renders it. Damaged files are decoded as far as they can
 * be: bad CRCs are reported, records in chunk slack are recovered and flagged, and every record
 * that is lost is counted in a diagnostic naming its offset.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.evtx;

import org.jspecify.annotations.NullMarked;
