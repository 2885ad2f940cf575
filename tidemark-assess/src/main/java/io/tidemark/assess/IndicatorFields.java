package io.tidemark.assess;

import io.tidemark.event.LogType;
import io.tidemark.event.TidemarkException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The client-address and account fields of each log type, loaded from {@code indicator-fields.tsv}. */
final class IndicatorFields {
  private static final String RESOURCE = "indicator-fields.tsv";

  private final Map<LogType, List<String>> ipFields;
  private final Map<LogType, List<String>> accountFields;
  private final Map<LogType, List<String>> serverIpFields;

  private IndicatorFields(Map<LogType, List<String>> ip, Map<LogType, List<String>> account,
      Map<LogType, List<String>> serverIp) {
    this.ipFields = ip;
    this.accountFields = account;
    this.serverIpFields = serverIp;
  }

  static IndicatorFields load() {
    Map<LogType, List<String>> ip = new EnumMap<>(LogType.class);
    Map<LogType, List<String>> account = new EnumMap<>(LogType.class);
    Map<LogType, List<String>> serverIp = new EnumMap<>(LogType.class);
    try (InputStream in = IndicatorFields.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new TidemarkException("resource missing from the jar", RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 3) {
          throw new TidemarkException(
              "expected 3 tab-separated cells (kind, log type, field), got " + cells.length,
              RESOURCE + ":" + number);
        }
        Map<LogType, List<String>> target;
        if (cells[0].equals("ip")) {
          target = ip;
        } else if (cells[0].equals("account")) {
          target = account;
        } else if (cells[0].equals("server-ip")) {
          target = serverIp;
        } else {
          throw new TidemarkException("unknown kind '" + cells[0]
              + "', must be ip, account or server-ip", RESOURCE + ":" + number);
        }
        target.computeIfAbsent(LogType.fromId(cells[1]), k -> new ArrayList<>()).add(cells[2]);
      }
    } catch (IOException e) {
      throw new TidemarkException("cannot read " + RESOURCE + ": " + e.getMessage(), RESOURCE, e);
    }
    return new IndicatorFields(ip, account, serverIp);
  }

  List<String> ipFields(LogType type) {
    return ipFields.getOrDefault(type, List.of());
  }

  List<String> serverIpFields(LogType type) {
    return serverIpFields.getOrDefault(type, List.of());
  }

  List<String> accountFields(LogType type) {
    return accountFields.getOrDefault(type, List.of());
  }

  /** Every field that holds a client address in any log type, for correlation group values. */
  boolean isIpField(String field) {
    for (List<String> fields : ipFields.values()) {
      if (fields.contains(field)) {
        return true;
      }
    }
    return false;
  }
}
