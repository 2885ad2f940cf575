package io.tidemark.sigma.compile;

import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.sigma.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sends each event to the one bucket of rules that can apply to it: by log type, and for Windows
 * events by Channel and EventID. Every (channel, event id) combination a rule names gets its own
 * precomputed bucket that already includes the channel-wide and catch-all rules, so routing is
 * two hash lookups and matching scans the event once.
 */
final class Router {
  private static final String ANY = "*";

  private final Map<LogType, Bucket> byLogType = new EnumMap<>(LogType.class);
  private final Map<String, ChannelRoute> byChannel = new HashMap<>();
  private final Map<String, ChannelRoute> byChannelLower = new HashMap<>();
  private @Nullable ChannelRoute anyChannel;

  private record ChannelRoute(Map<String, Bucket> byEventId, @Nullable Bucket other) {
    @Nullable Bucket route(String eventId) {
      Bucket b = byEventId.get(eventId);
      return b != null ? b : other;
    }
  }

  Router(List<Variant> variants) {
    Map<LogType, List<Variant>> plain = new EnumMap<>(LogType.class);
    Map<String, Map<String, List<Variant>>> windows = new HashMap<>();
    Map<String, String> spelling = new HashMap<>();
    for (Variant v : variants) {
      LogType type = v.target.logType();
      if (type != LogType.WINDOWS_EVENT) {
        plain.computeIfAbsent(type, t -> new ArrayList<>()).add(v);
        continue;
      }
      List<String> channels = v.target.channels().isEmpty() ? List.of(ANY) : v.target.channels();
      Set<String> ids = v.eventIds == null ? Set.of(ANY) : v.eventIds;
      for (String channel : channels) {
        String key = channel.equals(ANY) ? ANY : channel.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(channel, key);
        for (String id : ids) {
          windows.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(v);
        }
      }
    }
    Map<List<Variant>, Bucket> shared = new HashMap<>();
    plain.forEach((type, list) -> byLogType.put(type, bucket(list, shared)));
    Map<String, List<Variant>> anyChannelIds = windows.getOrDefault(ANY, Map.of());
    for (Map.Entry<String, Map<String, List<Variant>>> e : windows.entrySet()) {
      if (!e.getKey().equals(ANY)) {
        byChannelLower.put(e.getKey(), channelRoute(e.getValue(), anyChannelIds, shared));
      }
    }
    spelling.forEach((channel, key) -> {
      if (!key.equals(ANY)) {
        byChannel.put(channel, byChannelLower.get(key));
      }
    });
    if (!anyChannelIds.isEmpty()) {
      anyChannel = channelRoute(Map.of(), anyChannelIds, shared);
    }
  }

  private static ChannelRoute channelRoute(
      Map<String, List<Variant>> specific, Map<String, List<Variant>> anyChannel,
      Map<List<Variant>, Bucket> shared) {
    Set<String> ids = new LinkedHashSet<>(specific.keySet());
    ids.addAll(anyChannel.keySet());
    ids.remove(ANY);
    Map<String, Bucket> byId = new HashMap<>();
    for (String id : ids) {
      Bucket b = bucket(concat(specific.get(id), specific.get(ANY), anyChannel.get(id), anyChannel.get(ANY)), shared);
      if (b != null) {
        byId.put(id, b);
      }
    }
    return new ChannelRoute(byId, bucket(concat(specific.get(ANY), anyChannel.get(ANY)), shared));
  }

  @SafeVarargs
  private static List<Variant> concat(@Nullable List<Variant>... lists) {
    Map<Variant, Boolean> seen = new IdentityHashMap<>();
    List<Variant> out = new ArrayList<>();
    for (List<Variant> list : lists) {
      if (list != null) {
        for (Variant v : list) {
          if (seen.put(v, Boolean.TRUE) == null) {
            out.add(v);
          }
        }
      }
    }
    return out;
  }

  private static @Nullable Bucket bucket(List<Variant> variants, Map<List<Variant>, Bucket> shared) {
    if (variants.isEmpty()) {
      return null;
    }
    List<Variant> sorted = new ArrayList<>(variants);
    sorted.sort(Comparator.comparingInt((Variant v) -> v.rule.index()));
    return shared.computeIfAbsent(sorted, Bucket::new);
  }

  /** The bucket for this event, or null when no rule can apply to it. */
  @Nullable Bucket route(Event event) {
    LogType type = event.source().logType();
    if (type != LogType.WINDOWS_EVENT) {
      return byLogType.get(type);
    }
    String channel = event.get("Channel");
    ChannelRoute route = null;
    if (channel != null) {
      route = byChannel.get(channel);
      if (route == null) {
        route = byChannelLower.get(channel.toLowerCase(Locale.ROOT));
      }
    }
    if (route == null) {
      route = anyChannel;
    }
    return route == null ? null : route.route(eventId(event));
  }

  /** The event's EventID as canonical decimal text ("4624"), or its text, or "" when absent. */
  static String eventId(Event event) {
    String id = event.get("EventID");
    if (id == null) {
      return "";
    }
    if (Numbers.isCanonicalInteger(id)) {
      return id;
    }
    BigDecimal n = Numbers.parse(id.strip());
    if (n != null && n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0) {
      return n.toBigInteger().toString();
    }
    return id;
  }
}
