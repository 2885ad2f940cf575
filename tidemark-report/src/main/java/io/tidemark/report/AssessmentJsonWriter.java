package io.tidemark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.assess.AccountAssessment;
import io.tidemark.assess.Anomaly;
import io.tidemark.assess.Assessment;
import io.tidemark.assess.AttackerGroup;
import io.tidemark.assess.BlindSpot;
import io.tidemark.assess.Damage;
import io.tidemark.assess.Exposure;
import io.tidemark.assess.Finding;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.assess.SourceCoverage;
import io.tidemark.assess.StoryLine;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.engine.LogCoverage;
import io.tidemark.event.SiteRole;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes {@code assessment.json}. Top level: {@code schema_version, verdict, reason, findings,
 * servers}, then the damage assessment: {@code accounts, attackers, exposure, coverage,
 * blind_spots} (docs/assessment.md documents every key). Output is deterministic for a given
 * assessment, so it can be diffed and kept as a golden file.
 */
public final class AssessmentJsonWriter {
  /**
   * Bumped only when a key changes meaning or disappears; new keys do not bump it. 2: the damage
   * assessment, whose empty lists now mean "analysed, nothing found".
   */
  public static final int SCHEMA_VERSION = 2;

  private AssessmentJsonWriter() {}

  public static void write(Assessment assessment, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schema_version", SCHEMA_VERSION);
      g.writeStringField("verdict", assessment.verdict().id());
      g.writeStringField("reason", assessment.reason());
      g.writeArrayFieldStart("findings");
      for (Finding f : assessment.findings()) {
        writeFinding(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("servers");
      for (ServerAssessment s : assessment.servers()) {
        writeServer(g, s);
      }
      g.writeEndArray();
      writeDamage(g, assessment.damage());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("host", f.host());
    g.writeStringField("rule_id", f.ruleId());
    g.writeStringField("title", f.title());
    g.writeStringField("level", f.level().id());
    g.writeStringField("stage", f.stage().id());
    g.writeStringField("outcome", f.outcome().id());
    g.writeBooleanField("proves_compromise", f.provesCompromise());
    g.writeStringField("description", f.description());
    Json.writeStrings(g, "cves", f.cves());
    Json.writeStrings(g, "authors", f.authors());
    g.writeNumberField("count", f.count());
    Json.writeInstant(g, "first_seen", f.firstSeen());
    Json.writeInstant(g, "last_seen", f.lastSeen());
    Json.writeStrings(g, "source_ips", f.sourceIps());
    Json.writeStrings(g, "accounts", f.accounts());
    g.writeArrayFieldStart("evidence");
    for (EvidenceRef ref : f.evidence()) {
      Json.writeRef(g, ref);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeServer(JsonGenerator g, ServerAssessment s) throws IOException {
    g.writeStartObject();
    g.writeStringField("host", s.host());
    g.writeStringField("verdict", s.verdict().id());
    g.writeStringField("reason", s.reason());
    Json.writeInstant(g, "since", s.since());
    Json.writeStrings(g, "attacker_ips", s.attackerIps());
    Json.writeStrings(g, "accounts", s.accounts());
    g.writeArrayFieldStart("story");
    for (StoryLine line : s.story()) {
      g.writeStartObject();
      g.writeStringField("stage", line.stage().id());
      g.writeStringField("title", line.stage().title());
      g.writeStringField("text", line.text());
      Json.writeInstant(g, "first_seen", line.firstSeen());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("finding_rule_ids");
    for (Finding f : s.findings()) {
      g.writeString(f.ruleId());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("coverage");
    for (LogCoverage c : s.coverage()) {
      g.writeStartObject();
      g.writeStringField("log_type", c.logType().id());
      if (c.protocol() != null) {
        g.writeStringField("protocol", c.protocol());
      }
      if (c.role() != SiteRole.UNKNOWN) {
        g.writeStringField("role", c.role().id());
      }
      g.writeNumberField("files", c.files());
      g.writeNumberField("records", c.records());
      g.writeNumberField("skipped", c.skipped());
      Json.writeInstant(g, "earliest", c.earliest());
      Json.writeInstant(g, "latest", c.latest());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeDamage(JsonGenerator g, Damage damage) throws IOException {
    g.writeArrayFieldStart("accounts");
    for (AccountAssessment a : damage.accounts()) {
      g.writeStartObject();
      g.writeStringField("account", a.account());
      g.writeStringField("status", a.status().id());
      g.writeStringField("reason", a.reason());
      Json.writeInstant(g, "first_seen", a.firstSeen());
      Json.writeInstant(g, "last_seen", a.lastSeen());
      Json.writeStrings(g, "attacker_ips", a.attackerIps());
      writeRefs(g, a.evidence());
      writeAnomalies(g, a.anomalies());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("attackers");
    for (AttackerGroup a : damage.attackers()) {
      g.writeStartObject();
      g.writeStringField("id", a.id());
      g.writeStringField("confidence", a.confidence().id());
      g.writeStringField("summary", a.summary());
      Json.writeInstant(g, "first_seen", a.firstSeen());
      Json.writeInstant(g, "last_seen", a.lastSeen());
      Json.writeStrings(g, "ips", a.ips());
      Json.writeStrings(g, "user_agents", a.userAgents());
      Json.writeStrings(g, "accounts", a.accounts());
      Json.writeStrings(g, "sessions", a.sessions());
      Json.writeStrings(g, "rule_ids", a.ruleIds());
      writeRefs(g, a.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("exposure");
    for (Exposure e : damage.exposure()) {
      g.writeStartObject();
      g.writeStringField("mailbox", e.mailbox());
      g.writeStringField("scope", e.scope().id());
      g.writeStringField("confidence", e.confidence().id());
      Json.writeInstant(g, "first_seen", e.firstSeen());
      Json.writeInstant(g, "last_seen", e.lastSeen());
      Json.writeStrings(g, "operations", e.operations());
      g.writeNumberField("items", e.items());
      g.writeNumberField("bytes", e.bytes());
      Json.writeStrings(g, "attacker_groups", e.attackerGroups());
      writeRefs(g, e.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("coverage");
    for (SourceCoverage c : damage.coverage()) {
      g.writeStartObject();
      g.writeStringField("host", c.host());
      g.writeStringField("source", c.source());
      g.writeNumberField("files", c.files());
      g.writeNumberField("records", c.records());
      g.writeNumberField("skipped", c.skipped());
      Json.writeInstant(g, "earliest", c.earliest());
      Json.writeInstant(g, "latest", c.latest());
      g.writeArrayFieldStart("gaps");
      for (SourceCoverage.Gap gap : c.gaps()) {
        g.writeStartObject();
        Json.writeInstant(g, "from", gap.from());
        Json.writeInstant(g, "to", gap.to());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("blind_spots");
    for (BlindSpot b : damage.blindSpots()) {
      g.writeStartObject();
      g.writeStringField("id", b.id());
      if (b.host() == null) {
        g.writeNullField("host");
      } else {
        g.writeStringField("host", b.host());
      }
      g.writeStringField("description", b.description());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** An account's {@code anomalies}: added in schema 2 as new keys only, so 2 it stays. */
  private static void writeAnomalies(JsonGenerator g, List<Anomaly> anomalies) throws IOException {
    g.writeArrayFieldStart("anomalies");
    for (Anomaly a : anomalies) {
      g.writeStartObject();
      g.writeStringField("kind", a.kind().id());
      g.writeStringField("value", a.value());
      g.writeStringField("detail", a.detail());
      g.writeStringField("address", a.address());
      Json.writeInstant(g, "first_seen", a.firstSeen());
      writeRefs(g, a.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeRefs(JsonGenerator g, List<EvidenceRef> refs) throws IOException {
    g.writeArrayFieldStart("evidence");
    for (EvidenceRef ref : refs) {
      Json.writeRef(g, ref);
    }
    g.writeEndArray();
  }
}
