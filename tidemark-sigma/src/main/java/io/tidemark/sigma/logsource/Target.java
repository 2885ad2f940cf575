package io.tidemark.sigma.logsource;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.LogType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of log a rule can meet, with the preconditions an event must satisfy and the field
 * renames to apply to the rule.
 *
 * @param name a short description for messages, e.g. {@code windows-event Security 4688}
 * @param channels the allowed values of the event's {@code Channel} (Windows), empty for any
 * @param eventIds the allowed values of {@code EventID} (Windows), empty for any
 * @param providers the allowed values of {@code Provider_Name} (Windows), empty for any
 * @param where further {@code field = value} preconditions
 * @param fields rule field name → the log's field name
 * @param plusForSpace log fields whose writer records spaces as {@code +}
 */
public record Target(
    String name,
    LogType logType,
    List<String> channels,
    List<String> eventIds,
    List<String> providers,
    Map<String, String> where,
    Map<String, String> fields,
    Set<String> plusForSpace) {

  public Target {
    requireNonNull(name, "name");
    requireNonNull(logType, "logType");
    channels = List.copyOf(channels);
    eventIds = List.copyOf(eventIds);
    providers = List.copyOf(providers);
    where = Map.copyOf(where);
    fields = Map.copyOf(fields);
    plusForSpace = Set.copyOf(plusForSpace);
  }

  /** The log's name for a rule field. */
  public String field(String ruleField) {
    return fields.getOrDefault(ruleField, ruleField);
  }
}
