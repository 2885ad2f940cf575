package io.tidemark.sigma.compile;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.sigma.logsource.Target;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** One rule bound to one target: its matcher, the atoms it needs, and where to route it. */
final class Variant {
  final CompiledRule rule;
  final Target target;
  final Matcher matcher;
  final @Nullable Set<RequiredLiteral> atoms;
  /** EventIDs this variant can match (the target's, narrowed by the rule's own), or null for any. */
  final @Nullable Set<String> eventIds;
  private final Set<String> channels;

  Variant(CompiledRule rule, Target target, Matcher matcher, @Nullable Set<String> eventIds) {
    this.rule = rule;
    this.target = target;
    this.matcher = matcher;
    this.atoms = matcher.atoms();
    this.eventIds = eventIds;
    this.channels = target.channels().stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /** Whether the event is of the kind this variant is for (log type, channel, event id). */
  boolean applies(Event event) {
    if (event.source().logType() != target.logType()) {
      return false;
    }
    if (target.logType() != LogType.WINDOWS_EVENT) {
      return true;
    }
    String channel = event.get("Channel");
    if (!channels.isEmpty() && (channel == null || !channels.contains(channel.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    return eventIds == null || eventIds.contains(Router.eventId(event));
  }

  /**
   * Evaluates the matcher. An abandoned regex search, or any failure of a rule on a record, is
   * reported and counts as no match: one rule must never stop a scan.
   */
  boolean evaluate(Event event, DiagnosticSink diagnostics) {
    try {
      return matcher.matches(event);
    } catch (SafeRegex.BudgetExceeded e) {
      report(event, diagnostics, "regex-budget-exceeded",
          "a regular expression gave up after " + e.reads + " steps");
    } catch (RuntimeException e) {
      report(event, diagnostics, "rule-evaluation-failed", "evaluation failed (" + e + ")");
    }
    return false;
  }

  private void report(Event event, DiagnosticSink diagnostics, String code, String what) {
    diagnostics.report(Diagnostic.warning(code,
        "rule '" + rule.rule().metadata().title() + "' (" + rule.rule().metadata().reference() + "): "
            + what + "; the rule counts as not matching this record",
        event.source().path(), event.recordId(), event.offset()));
  }
}
