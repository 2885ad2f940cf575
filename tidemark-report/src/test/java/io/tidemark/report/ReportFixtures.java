package io.tidemark.report;

import io.tidemark.assess.AccountAssessment;
import io.tidemark.assess.AccountStatus;
import io.tidemark.assess.Anomaly;
import io.tidemark.assess.Assessment;
import io.tidemark.assess.AttackerGroup;
import io.tidemark.assess.BlindSpot;
import io.tidemark.assess.Confidence;
import io.tidemark.assess.Damage;
import io.tidemark.assess.Exposure;
import io.tidemark.assess.ExposureScope;
import io.tidemark.assess.Finding;
import io.tidemark.assess.Level;
import io.tidemark.assess.Outcome;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.assess.SourceCoverage;
import io.tidemark.assess.Stage;
import io.tidemark.assess.StoryLine;
import io.tidemark.assess.Verdict;
import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.engine.LogCoverage;
import io.tidemark.engine.RuleInfo;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compromised server with a populated damage analysis, built by hand so report tests do not wait
 * for the assessor. With {@code hostile} every string that would come from a log carries an XSS
 * payload instead, the way CVE-2021-27065 puts script into ExternalUrl.
 */
final class ReportFixtures {
  static final Instant T0 = Instant.parse("2021-03-03T11:05:29Z");
  static final String IIS = "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log";
  static final String ECP = "Program Files/Microsoft/Exchange Server/V15/Logging/ECP/Server/ECPServer_2021030311-1.LOG";

  /** Payloads that try to run script; each sets window.__xss or the title if it ever executes. */
  static final List<String> PAYLOADS = List.of(
      "<script>window.__xss=1;document.title='pwned'</script>",
      "\"><img src=x onerror=\"window.__xss=2\">",
      "'><svg onload=window.__xss=3>",
      "</script><script>window.__xss=4</script>",
      "<!--<script>window.__xss=5</script>-->",
      "javascript:window.__xss=6",
      "http://o/#<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"k\"],\"unsafe\");}</script>",
      "\u2028\u2029<iframe src=\"https://evil.example/\"></iframe>",
      "<style>@import url(https://evil.example/x.css);</style>",
      "<base href=\"https://evil.example/\"><a href=\"javascript:window.__xss=7\">click</a>",
      "{{constructor.constructor('window.__xss=8')()}}",
      "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=9>",
      "\u202egpj.exe [link](javascript:alert(1)) ![i](https://evil.example/i.png) # heading");

  private ReportFixtures() {}

  static String s(boolean hostile, String plain, int i) {
    return hostile ? plain + PAYLOADS.get(i % PAYLOADS.size()) : plain;
  }

  static ReportInput input(boolean hostile) {
    List<Detection> detections = detections(hostile);
    return new ReportInput(assessment(hostile, detections), detections, "0.1.0-test",
        "a".repeat(64), Instant.parse("2026-11-28T00:00:00Z"));
  }

  static RuleInfo rule(String id, String title, String level, List<String> tags) {
    return new RuleInfo(id, title, level, "test", List.of("Tidemark"), tags, List.of(), "desc",
        Map.of(), "rules/" + id + ".yml");
  }

  static List<Detection> detections(boolean hostile) {
    List<Detection> out = new ArrayList<>();
    RuleInfo ssrf = rule("proxylogon-ssrf", "ProxyLogon SSRF (CVE-2021-26855)", "critical",
        List.of("attack.initial-access", "cve.2021-26855"));
    RuleInfo shell = rule("webshell-post", "Web Shell Request", "high", List.of("attack.t1505.003"));
    RuleInfo vdir = rule("vdir-script", s(hostile, "Script in Virtual Directory URL", 0), "high",
        List.of("attack.persistence"));
    RuleInfo recon = rule("recon", "Reconnaissance Probe", "medium", List.of());
    for (int i = 0; i < 12; i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("date", "2021-03-03");
      e.put("cs-method", "POST");
      e.put("cs-uri-stem", i % 2 == 0 ? "/aspnet_client/system_web/shell.aspx" : "/ecp/y.js");
      e.put("cs-uri-query", s(hostile, "k=cmd", i));
      e.put("c-ip", i % 3 == 0 ? "2001:db8::66" : "198.51.100.5");
      e.put("cs(User-Agent)", s(hostile, "ExchangeServicesClient/0.0.0.0", i + 1));
      e.put("sc-status", "200");
      RuleInfo r = i % 2 == 0 ? shell : ssrf;
      Instant t = T0.plusSeconds(60L * i);
      out.add(new Detection(Detection.Kind.RULE, r, t, IIS, 10 + i, "EXCH01", LogType.IIS_W3C, e,
          List.of(new EvidenceRef(IIS, 10 + i, t)), Map.of()));
    }
    Map<String, Object> ecp = new LinkedHashMap<>();
    ecp.put("TimeStamp", "2021-03-03T11:20:00Z");
    ecp.put("CMD", "Set-OabVirtualDirectory.ExternalUrl=" + s(hostile, "http://f/#", 6));
    out.add(new Detection(Detection.Kind.RULE, vdir, T0.plusSeconds(900), ECP, 7, "EXCH01",
        LogType.EXCHANGE_ECP_SERVER, ecp, List.of(new EvidenceRef(ECP, 7, T0.plusSeconds(900))),
        Map.of()));
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put("cs-uri-stem", s(hostile, "/owa/auth/x.js", 3));
    probe.put("c-ip", "203.0.113.9");
    out.add(new Detection(Detection.Kind.RULE, recon, null, IIS, 99, "EXCH01", LogType.IIS_W3C,
        probe, List.of(new EvidenceRef(IIS, 99, null)), Map.of()));
    return out;
  }

  static Assessment assessment(boolean hostile, List<Detection> detections) {
    List<EvidenceRef> shellRefs = new ArrayList<>();
    List<EvidenceRef> ssrfRefs = new ArrayList<>();
    for (Detection d : detections) {
      EvidenceRef ref = new EvidenceRef(d.source(), d.recordId(), d.timestamp());
      if (d.rule().id().equals("webshell-post")) {
        shellRefs.add(ref);
      } else if (d.rule().id().equals("proxylogon-ssrf")) {
        ssrfRefs.add(ref);
      }
    }
    EvidenceRef vdirRef = new EvidenceRef(ECP, 7, T0.plusSeconds(900));
    // A correlation's contributing record on which no rule fired on its own.
    EvidenceRef unmatched = new EvidenceRef(IIS, 5, T0.minusSeconds(30));
    List<Finding> findings = List.of(
        new Finding("EXCH01", "proxylogon-ssrf", "ProxyLogon SSRF (CVE-2021-26855)", Level.CRITICAL,
            Stage.INITIAL_ACCESS, Outcome.SUCCESS, s(hostile, "SSRF answered by the back end.", 1),
            List.of("CVE-2021-26855"), List.of("Tidemark"), 6, T0.plusSeconds(60),
            T0.plusSeconds(660), List.of("198.51.100.5"), List.of(s(hostile, "CORP\\EXCH01$", 2)),
            ssrfRefs),
        new Finding("EXCH01", "webshell-post", "Web Shell Request", Level.HIGH, Stage.PERSISTENCE,
            Outcome.SUCCESS, "POSTs to a script in a drop folder.", List.of(), List.of("Tidemark"),
            6, T0, T0.plusSeconds(600), List.of("198.51.100.5", "2001:db8::66"), List.of(),
            shellRefs),
        new Finding("EXCH01", "vdir-script", s(hostile, "Script in Virtual Directory URL", 0),
            Level.HIGH, Stage.PERSISTENCE, Outcome.SUCCESS, s(hostile, "ExternalUrl holds script", 6),
            List.of("CVE-2021-27065"), List.of("Tidemark"), 1, T0.plusSeconds(900),
            T0.plusSeconds(900), List.of(), List.of(), List.of(vdirRef, unmatched)));
    List<StoryLine> story = List.of(
        new StoryLine(Stage.INITIAL_ACCESS, s(hostile, "ProxyLogon SSRF (x6)", 3), T0),
        new StoryLine(Stage.PERSISTENCE, s(hostile, "Web shell planted", 4), T0.plusSeconds(900)));
    List<LogCoverage> logCoverage = List.of(
        new LogCoverage("EXCH01", LogType.IIS_W3C, null, 3, 5000, 2, T0.minusSeconds(86400),
            T0.plusSeconds(86400)));
    ServerAssessment server = new ServerAssessment(s(hostile, "EXCH01", 5), Verdict.COMPROMISED,
        s(hostile, "Proof of compromise: ProxyLogon SSRF", 7), T0,
        List.of("198.51.100.5", "2001:db8::66", s(hostile, "not-an-ip", 8)),
        List.of(s(hostile, "CORP\\EXCH01$", 2)), story, findings, logCoverage);

    AttackerGroup group = new AttackerGroup("A1", Confidence.HIGH, s(hostile, "ProxyLogon then web shell", 9),
        T0, T0.plusSeconds(3600), List.of("198.51.100.5", "2001:db8::66"),
        List.of(s(hostile, "python-requests/2.25", 10)), List.of(s(hostile, "CORP\\jdoe", 11)),
        List.of(s(hostile, "X-BEResource=localhost~1942062522", 12)), List.of("proxylogon-ssrf"),
        ssrfRefs.subList(0, 2));
    AccountAssessment jdoe = new AccountAssessment(s(hostile, "corp\\jdoe", 11), AccountStatus.COMPROMISED,
        s(hostile, "Logon from the attacker's address after a spray", 0), T0.plusSeconds(120),
        T0.plusSeconds(3000), List.of("198.51.100.5"), List.of(ssrfRefs.get(1)),
        List.of(new Anomaly(Anomaly.Kind.NEW_USER_AGENT, s(hostile, "python-requests/2.25", 1),
            "", "198.51.100.5", T0.plusSeconds(120), List.of(ssrfRefs.get(1)))));
    AccountAssessment mlee = new AccountAssessment("corp\\mlee", AccountStatus.UNAFFECTED,
        "Used only from addresses not tied to the attacker; unusual for its own history", null,
        null, List.of(), List.of(), List.of(new Anomaly(Anomaly.Kind.IMPOSSIBLE_TRAVEL,
            "81.2.69.160 -> 216.160.83.56", s(hostile, "London, GB to Milton, US: at least 7,610 km "
                + "in 40 min (11,416 km/h)", 2), "216.160.83.56", T0.plusSeconds(4000),
            List.of(shellRefs.get(0)))));
    AccountAssessment plain = new AccountAssessment("corp\\plain", AccountStatus.UNAFFECTED,
        "Used only from addresses not tied to the attacker", null, null, List.of(), List.of());
    AccountAssessment asmith = new AccountAssessment("corp\\asmith", AccountStatus.TARGETED,
        "Failed logons from the spray source", T0.plusSeconds(60), T0.plusSeconds(100), List.of(), List.of());
    Exposure mailbox = new Exposure(s(hostile, "jdoe@corp.example", 1), ExposureScope.MAILBOX,
        Confidence.HIGH, T0.plusSeconds(1200), T0.plusSeconds(1500),
        List.of(s(hostile, "New-MailboxExportRequest", 2)), 0, 0, List.of("A1"), List.of(vdirRef));
    Exposure items = new Exposure("ceo@corp.example", ExposureScope.ITEM, Confidence.MEDIUM,
        T0.plusSeconds(1300), T0.plusSeconds(1300), List.of("EWS GetItem"), 14, 1_234_567,
        List.of("A1"), List.of(shellRefs.get(0)));
    SourceCoverage iis = new SourceCoverage("EXCH01", "iis-w3c", 3, 5000, 2, T0.minusSeconds(86400),
        T0.plusSeconds(86400), List.of(new SourceCoverage.Gap(T0.minusSeconds(7200), T0.minusSeconds(3600))));
    SourceCoverage ews = new SourceCoverage("EXCH01", s(hostile, "exchange-httpproxy/Ews", 4), 1, 10, 0,
        null, null, List.of());
    BlindSpot spot = new BlindSpot("mailbox-audit-owner-off", "EXCH01",
        s(hostile, "Owner mailbox auditing is off by default; reads by the owner's session are invisible.", 5));
    Damage damage = new Damage(List.of(jdoe, asmith, mlee, plain), List.of(group), List.of(mailbox, items),
        List.of(iis, ews), List.of(spot));
    return new Assessment(Verdict.COMPROMISED, s(hostile, "EXCH01 compromised", 6), List.of(server), damage);
  }
}
