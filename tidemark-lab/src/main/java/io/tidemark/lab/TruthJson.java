package io.tidemark.lab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code truth.json}: snake_case keys in a fixed order, ISO-8601 UTC instants, two-space indent,
 * LF line ends. Written with Jackson's streaming generator: the data-binding mapper costs a third
 * of a second to start, which the demo's two-second budget cannot spare.
 */
final class TruthJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private TruthJson() {}

  static String write(LabTruth truth) {
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartObject();
      json.writeStringField("schema", truth.schema());
      json.writeNumberField("seed", truth.seed());
      json.writeStringField("scenario", truth.scenario());
      json.writeStringField("host", truth.host());
      json.writeStringField("domain", truth.domain());
      json.writeNumberField("users", truth.users());
      instant(json, "start", truth.start());
      instant(json, "end", truth.end());
      json.writeStringField("expected_verdict", truth.expectedVerdict());
      strings(json, "attacker_ips", truth.attackerIps());
      accounts(json, truth.accountsCompromised());
      mailboxes(json, truth.mailboxes());
      webShells(json, truth.webShells());
      steps(json, truth.steps());
      instant(json, "first_attacker_activity", truth.firstAttackerActivity());
      instant(json, "last_attacker_activity", truth.lastAttackerActivity());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("truth could not be serialised", e);
    }
    return out + "\n";
  }

  private static void instant(JsonGenerator json, String name, @Nullable Instant value)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, value.toString());
    }
  }

  private static void strings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void accounts(JsonGenerator json, List<LabTruth.Account> accounts)
      throws IOException {
    json.writeArrayFieldStart("accounts_compromised");
    for (LabTruth.Account account : accounts) {
      json.writeStartObject();
      json.writeStringField("account", account.account());
      json.writeStringField("upn", account.upn());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void mailboxes(JsonGenerator json, List<LabTruth.MailboxAccess> mailboxes)
      throws IOException {
    json.writeArrayFieldStart("mailboxes");
    for (LabTruth.MailboxAccess m : mailboxes) {
      json.writeStartObject();
      json.writeStringField("mailbox", m.mailbox());
      json.writeStringField("scope", m.scope());
      instant(json, "first_seen", m.firstSeen());
      instant(json, "last_seen", m.lastSeen());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void webShells(JsonGenerator json, List<LabTruth.WebShell> shells)
      throws IOException {
    json.writeArrayFieldStart("web_shells");
    for (LabTruth.WebShell shell : shells) {
      json.writeStartObject();
      json.writeStringField("path", shell.path());
      json.writeStringField("url", shell.url());
      instant(json, "written", shell.written());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void steps(JsonGenerator json, List<LabTruth.Step> steps) throws IOException {
    json.writeArrayFieldStart("steps");
    for (LabTruth.Step step : steps) {
      json.writeStartObject();
      instant(json, "time", step.time());
      json.writeStringField("step", step.step());
      json.writeStringField("description", step.description());
      strings(json, "files", step.files());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
