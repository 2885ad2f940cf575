package io.tidemark.engine;

import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Sees the events a hunt parses, for analyses that need more than detections (the damage
 * assessment keeps every logon and cmdlet) without reading the evidence again. It sees every
 * Windows event and, of text logs, the records the prefilter lets through.
 *
 * @param <F> the small facts it keeps of an event
 */
public interface EventObserver<F> {

  /** The log types whose events {@link #extract} should see. */
  Set<LogType> logTypes();

  /**
   * Turns one event into facts. Called on the hunt's worker threads, so it must keep no state;
   * the event is valid only during the call.
   *
   * @param host the server the evidence belongs to, or null when unknown
   */
  void extract(Event event, @Nullable String host, Consumer<F> out);

  /**
   * Receives one unit's facts; called on the hunting thread, unit by unit in plan order, so the
   * order is the same on every run.
   */
  void accept(List<F> facts);
}
