package io.tidemark.lab;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds one Windows event as evtx_dump writes it in JSON: {@code
 * {"Event":{"#attributes":{...},"System":{...},"EventData":{...}}}}, one object per line. System
 * attributes sit under {@code #attributes}, numeric values are JSON numbers, several unnamed
 * {@code <Data>} elements become {@code "Data":{"#text":[...]}}.
 */
final class WinEvent {
  /** Stands for the EventRecordID until the channel's records are numbered in order. */
  static final char RECORD_ID_PLACEHOLDER = '\u0001';

  private @Nullable String provider = "";
  private @Nullable String providerGuid;
  private @Nullable String eventSourceName;
  private @Nullable Object eventId = 0;
  private @Nullable Object qualifiers;
  private @Nullable Object version;
  private @Nullable Object level;
  private @Nullable Object task;
  private @Nullable Object opcode;
  private @Nullable String keywords;
  private @Nullable String systemTime;
  private long recordId = -1;
  private @Nullable String activityId;
  private @Nullable String relatedActivityId;
  private @Nullable Object processId;
  private @Nullable Object threadId;
  private @Nullable String channel = "";
  private @Nullable String computer = "";
  private @Nullable String userId;
  private boolean systemNulls = true;
  private final List<String> names = new ArrayList<>();
  private final List<@Nullable Object> values = new ArrayList<>();
  private @Nullable List<String> unnamed;

  WinEvent provider(@Nullable String name, @Nullable String guid) {
    provider = name;
    providerGuid = guid;
    return this;
  }

  WinEvent eventSourceName(@Nullable String name) {
    eventSourceName = name;
    return this;
  }

  WinEvent eventId(@Nullable Object id, @Nullable Object eventQualifiers) {
    eventId = id;
    qualifiers = eventQualifiers;
    return this;
  }

  WinEvent header(@Nullable Object v, @Nullable Object l, @Nullable Object t, @Nullable Object o,
      @Nullable String k) {
    version = v;
    level = l;
    task = t;
    opcode = o;
    keywords = k;
    return this;
  }

  WinEvent time(long ms, int extraMicros) {
    StringBuilder sb = new StringBuilder(28);
    Text.appendEvtx(sb, ms, extraMicros);
    systemTime = sb.toString();
    return this;
  }

  WinEvent systemTime(@Nullable String text) {
    systemTime = text;
    return this;
  }

  /** A fixed record id; without one the placeholder is written and numbered later. */
  WinEvent recordId(long id) {
    recordId = id;
    return this;
  }

  WinEvent correlation(@Nullable String activity, @Nullable String related) {
    activityId = activity;
    relatedActivityId = related;
    return this;
  }

  WinEvent execution(@Nullable Object pid, @Nullable Object tid) {
    processId = pid;
    threadId = tid;
    return this;
  }

  WinEvent channel(@Nullable String name, @Nullable String computerName) {
    channel = name;
    computer = computerName;
    return this;
  }

  WinEvent security(@Nullable String sid) {
    userId = sid;
    return this;
  }

  /** Classic (non-manifest) providers write no Version, Opcode, Correlation or Execution. */
  WinEvent classic() {
    systemNulls = false;
    return this;
  }

  WinEvent data(String name, @Nullable Object value) {
    names.add(name);
    values.add(value);
    return this;
  }

  WinEvent unnamedData(List<String> items) {
    unnamed = List.copyOf(items);
    return this;
  }

  String build() {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("{\"Event\":{\"#attributes\":{\"xmlns\":")
        .append("\"http://schemas.microsoft.com/win/2004/08/events/event\"},\"System\":{");
    appendSystem(sb);
    sb.append("},\"EventData\":");
    appendEventData(sb);
    sb.append("}}\n");
    return sb.toString();
  }

  private void appendSystem(StringBuilder sb) {
    sb.append("\"Provider\":");
    if (provider == null && providerGuid == null && eventSourceName == null) {
      sb.append("null");
    } else {
      appendProvider(sb);
    }
    sb.append(",\"EventID\":");
    if (qualifiers != null) {
      sb.append("{\"#attributes\":{\"Qualifiers\":");
      appendValue(sb, qualifiers);
      sb.append("},\"#text\":");
      appendValue(sb, eventId);
      sb.append('}');
    } else {
      appendValue(sb, eventId);
    }
    appendOptional(sb, "Version", version, systemNulls);
    appendOptional(sb, "Level", level, true);
    appendOptional(sb, "Task", task, true);
    appendOptional(sb, "Opcode", opcode, systemNulls);
    appendOptional(sb, "Keywords", keywords, true);
    sb.append(",\"TimeCreated\":");
    if (systemTime == null) {
      sb.append("null");
    } else {
      sb.append("{\"#attributes\":{\"SystemTime\":");
      Text.appendJson(sb, systemTime);
      sb.append("}}");
    }
    sb.append(",\"EventRecordID\":");
    if (recordId >= 0) {
      sb.append(recordId);
    } else {
      sb.append(RECORD_ID_PLACEHOLDER);
    }
    appendAttributes(sb, "Correlation", "ActivityID", activityId, "RelatedActivityID",
        relatedActivityId, systemNulls);
    appendAttributes(sb, "Execution", "ProcessID", processId, "ThreadID", threadId, systemNulls);
    sb.append(",\"Channel\":");
    appendValue(sb, channel);
    sb.append(",\"Computer\":");
    appendValue(sb, computer);
    sb.append(",\"Security\":");
    if (userId == null) {
      sb.append("null");
    } else {
      sb.append("{\"#attributes\":{\"UserID\":");
      Text.appendJson(sb, userId);
      sb.append("}}");
    }
  }

  private void appendProvider(StringBuilder sb) {
    sb.append("{\"#attributes\":{");
    boolean any = false;
    if (provider != null) {
      sb.append("\"Name\":");
      Text.appendJson(sb, provider);
      any = true;
    }
    if (providerGuid != null) {
      sb.append(any ? "," : "").append("\"Guid\":");
      Text.appendJson(sb, providerGuid);
      any = true;
    }
    if (eventSourceName != null) {
      sb.append(any ? "," : "").append("\"EventSourceName\":");
      Text.appendJson(sb, eventSourceName);
    }
    sb.append("}}");
  }

  private void appendEventData(StringBuilder sb) {
    List<String> data = unnamed;
    if (data == null && names.isEmpty()) {
      sb.append("null");
      return;
    }
    sb.append('{');
    boolean first = true;
    for (int i = 0; i < names.size(); i++) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      Text.appendJson(sb, names.get(i));
      sb.append(':');
      appendValue(sb, values.get(i));
    }
    if (data != null) {
      if (!first) {
        sb.append(',');
      }
      sb.append("\"Data\":{\"#text\":[");
      for (int i = 0; i < data.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Text.appendJson(sb, data.get(i));
      }
      sb.append("]}");
    }
    sb.append('}');
  }

  private static void appendOptional(
      StringBuilder sb, String name, @Nullable Object value, boolean writeNull) {
    if (value == null && !writeNull) {
      return;
    }
    sb.append(",\"").append(name).append("\":");
    appendValue(sb, value);
  }

  private static void appendAttributes(StringBuilder sb, String element, String firstName,
      @Nullable Object first, String secondName, @Nullable Object second, boolean writeNull) {
    if (first == null && second == null) {
      if (writeNull) {
        sb.append(",\"").append(element).append("\":null");
      }
      return;
    }
    sb.append(",\"").append(element).append("\":{\"#attributes\":{");
    boolean any = false;
    if (first != null) {
      sb.append('"').append(firstName).append("\":");
      appendValue(sb, first);
      any = true;
    }
    if (second != null) {
      if (any) {
        sb.append(',');
      }
      sb.append('"').append(secondName).append("\":");
      appendValue(sb, second);
    }
    sb.append("}}");
  }

  /** Strings stay strings; numbers and booleans are written bare, as evtx_dump does. */
  static void appendValue(StringBuilder sb, @Nullable Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      sb.append(value);
    } else {
      Text.appendJson(sb, value.toString());
    }
  }
}
