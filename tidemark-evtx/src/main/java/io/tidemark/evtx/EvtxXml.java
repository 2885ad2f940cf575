package io.tidemark.evtx;

import io.tidemark.event.Event;

/** Renders events decoded by {@link EvtxReader} as event XML, one {@code <Event>} per record. */
public final class EvtxXml {
  private EvtxXml() {}

  /** Whether the event was decoded from an EVTX file and can be rendered. */
  public static boolean isEvtx(Event event) {
    return event instanceof EvtxEvent;
  }

  /**
   * The record as Windows renders it ({@code wevtutil qe}): one line, attributes in single
   * quotes, GUIDs in braces, times to the 100 ns tick.
   *
   * @throws IllegalArgumentException when the event did not come from an {@link EvtxReader}
   */
  public static String render(Event event) {
    if (event instanceof EvtxEvent evtx) {
      return evtx.xml();
    }
    throw new IllegalArgumentException(
        "event " + event + " was not decoded from an EVTX file; only EvtxReader events render");
  }
}
