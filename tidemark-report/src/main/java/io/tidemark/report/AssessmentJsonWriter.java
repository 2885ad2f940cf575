package io.tidemark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.assess.Assessment;
import io.tidemark.assess.Finding;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.assess.StoryLine;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.engine.LogCoverage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@code assessment.json}. Top level: {@code schema_version, verdict, reason, findings,
 * servers}; later stages add keys ({@code accounts, attackers, exposure, coverage, blind_spots})
 * without changing these. Output is deterministic for a given assessment, so it can be diffed and
 * kept as a golden file.
 */
public final class AssessmentJsonWriter {
  /** Bumped only when a key changes meaning or disappears; new keys do not bump it. */
  public static final int SCHEMA_VERSION = 1;

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
}
