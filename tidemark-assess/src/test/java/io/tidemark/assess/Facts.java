package io.tidemark.assess;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts from a text-block fixture, one per line: {@code HH:MM:SS kind ip account rest...} on
 * 2021-03-03 (or {@code YYYY-MM-DDTHH:MM:SS} for another day), with {@code -} for an empty
 * value. Kinds: {@code ok} and {@code fail} (Security 4624/4625), {@code iis METHOD STEM QUERY
 * STATUS USER-AGENT} (account may be {@code -}), {@code proxy PROTOCOL STEM ACTION ANCHOR STATUS
 * USER-AGENT} (authenticated when the account is given), {@code ews SOAPACTION USER-AGENT BYTES},
 * {@code eas DEVICEID USER-AGENT} (an HttpProxy ActiveSync Sync). User agents have no spaces
 * here.
 */
final class Facts {
  private Facts() {}

  static List<Fact> parse(String text) {
    List<Fact> facts = new ArrayList<>();
    int line = 0;
    for (String raw : text.strip().split("\n")) {
      line++;
      String[] c = raw.trim().split("\\s+");
      Instant t = Instant.parse((c[0].contains("T") ? c[0] : "2021-03-03T" + c[0]) + "Z");
      EvidenceRef ref = new EvidenceRef("fixture.log", line, t);
      String ip = c[2];
      String account = c[3].equals("-") ? null : c[3];
      facts.add(switch (c[1]) {
        case "ok", "fail" -> new Fact.Logon(ref, "EXCH01", account, ip, "", c[1].equals("ok"),
            c[1].equals("ok") ? "4624" : "4625", "");
        case "iis" -> new Fact.Request(ref, "EXCH01", ip, c[8], account, "iis", c[4], c[5], "",
            "", "", account != null, Integer.parseInt(c[7]), 0, dash(c[6]) + "|0");
        case "proxy" -> new Fact.Request(ref, "EXCH01", ip, c[9], account, c[4], "POST", c[5],
            dash(c[6]), dash(c[7]), "Basic", account != null, Integer.parseInt(c[8]), 1000, "");
        case "ews" -> new Fact.Ews(ref, "EXCH01", ip, c[5], account, c[4], "", 200,
            Long.parseLong(c[6]));
        case "eas" -> new Fact.Request(ref, "EXCH01", ip, c[5], account, "Eas", "POST",
            "/Microsoft-Server-ActiveSync/default.eas", "Sync", "", "Basic", true, 200, 500,
            "Cmd=Sync&User=" + account + "&DeviceId=" + c[4] + "&DeviceType=iPhone");
        default -> throw new IllegalArgumentException("unknown kind in line " + line + ": " + raw);
      });
    }
    return facts;
  }

  private static String dash(String v) {
    return v.equals("-") ? "" : v;
  }
}
