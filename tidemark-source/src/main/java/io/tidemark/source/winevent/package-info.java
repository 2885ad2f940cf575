/**
 * Windows events exported as JSON (evtx_dump, Winlogbeat, Microsoft Sentinel, {@code Get-WinEvent
 * | ConvertTo-Json}, flat security-dataset records) mapped onto the field names Sigma's Windows
 * rules use: the System block as {@code Provider_Name}, {@code EventID}, {@code Channel}..., plus
 * EventData flattened by name. {@link io.tidemark.source.winevent.WindowsEventJson} is the entry
 * point; the intake frames the records, a streaming job can hand it records from a queue.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.source.winevent;

import org.jspecify.annotations.NullMarked;
