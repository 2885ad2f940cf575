package io.tidemark.source;

import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The Exchange triage layout, loaded from {@code layout.tsv}: which folders imply which log type,
 * protocol and site role, and which folder names the host.
 */
final class Layout {
  private static final String RESOURCE = "layout.tsv";
  static final Layout EXCHANGE = load();

  private final List<Rule> rules;
  private final List<String> hostRoots;
  private final Map<String, String> protocols;

  /** What the folders say about a file. */
  record Match(@Nullable LogType logType, @Nullable String protocol, SiteRole role) {
    static final Match NONE = new Match(null, null, SiteRole.UNKNOWN);
  }

  private record Rule(
      List<String> pattern, @Nullable LogType logType, @Nullable String protocol, SiteRole role) {}

  private Layout(List<Rule> rules, List<String> hostRoots, Map<String, String> protocols) {
    this.rules = List.copyOf(rules);
    this.hostRoots = List.copyOf(hostRoots);
    this.protocols = protocols;
  }

  /** The longest rule matching consecutive folders anywhere in {@code folders}. */
  Match match(List<String> folders) {
    Match best = Match.NONE;
    int bestLength = 0;
    for (Rule rule : rules) {
      int size = rule.pattern.size();
      for (int start = 0; start + size <= folders.size(); start++) {
        if (size >= bestLength && matchesAt(rule.pattern, folders, start)) {
          bestLength = size;
          best = new Match(rule.logType, protocol(rule, folders.get(start + size - 1)), rule.role);
        }
      }
    }
    return best;
  }

  private @Nullable String protocol(Rule rule, String lastFolder) {
    if (!"*".equals(rule.protocol)) {
      return rule.protocol;
    }
    return protocols.getOrDefault(lastFolder.toLowerCase(Locale.ROOT), lastFolder);
  }

  private static boolean matchesAt(List<String> pattern, List<String> folders, int start) {
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (!p.equals("*") && !p.equalsIgnoreCase(folders.get(start + i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The host: the folder just above the first layout root among the folders below the evidence
   * argument; the argument's own name when that root is the first of them; else null.
   */
  @Nullable String host(List<String> relativeFolders, @Nullable String argumentName) {
    for (int i = 0; i < relativeFolders.size(); i++) {
      if (isHostRoot(relativeFolders.get(i))) {
        return i == 0 ? argumentName : relativeFolders.get(i - 1);
      }
    }
    return null;
  }

  private boolean isHostRoot(String folder) {
    for (String root : hostRoots) {
      if (root.equalsIgnoreCase(folder)) {
        return true;
      }
    }
    return false;
  }

  private static Layout load() {
    List<Rule> rules = new ArrayList<>();
    List<String> hostRoots = new ArrayList<>();
    Map<String, String> protocols = new TreeMap<>();
    for (String[] row : ResourceTable.read(RESOURCE)) {
      switch (row[0]) {
        case "host-root" -> {
          ResourceTable.expectColumns(RESOURCE, row, 2);
          hostRoots.add(row[1]);
        }
        case "protocol" -> {
          ResourceTable.expectColumns(RESOURCE, row, 2);
          protocols.put(row[1].toLowerCase(Locale.ROOT), row[1]);
        }
        case "dir" -> {
          ResourceTable.expectColumns(RESOURCE, row, 5);
          rules.add(new Rule(List.of(row[1].split("/")),
              row[2].equals("-") ? null : LogType.fromId(row[2]),
              row[3].equals("-") ? null : row[3],
              role(row[4])));
        }
        default -> throw new IllegalStateException(
            RESOURCE + ": unknown row kind '" + row[0] + "'; must be host-root, dir or protocol");
      }
    }
    return new Layout(rules, hostRoots, protocols);
  }

  private static SiteRole role(String id) {
    if (id.equals("-")) {
      return SiteRole.UNKNOWN;
    }
    for (SiteRole role : SiteRole.values()) {
      if (role.id().equals(id)) {
        return role;
      }
    }
    throw new IllegalStateException(RESOURCE + ": unknown role '" + id
        + "'; must be front-end, back-end or -");
  }
}
