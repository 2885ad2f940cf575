package io.tidemark.report;

import static java.util.Objects.requireNonNull;

import io.tidemark.assess.Assessment;
import io.tidemark.assess.Assessor;
import io.tidemark.assess.DamageAssessor;
import io.tidemark.assess.GeoLookup;
import io.tidemark.engine.Detection;
import io.tidemark.engine.HuntProgress;
import io.tidemark.engine.HuntResult;
import io.tidemark.engine.Hunter;
import io.tidemark.engine.RulePack;
import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.source.IntakeOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code scan} pipeline, shared by the CLI and (later) the server: hunt with hashing on,
 * stream detections to {@code detections.jsonl}, assess, then write {@code assessment.json}, the
 * reports ({@link #OUTPUTS}) and last {@code manifest.json}, which hashes all the others.
 */
public final class ScanRunner {
  /** Diagnostics kept for the manifest; the per-file counts there are always complete. */
  static final int MAX_KEPT_DIAGNOSTICS = 1000;

  public static final String ASSESSMENT = "assessment.json";
  public static final String DETECTIONS = "detections.jsonl";
  public static final String MANIFEST = "manifest.json";
  public static final String REPORT = "report.html";
  public static final String TIMELINE_JSONL = "timeline.jsonl";
  public static final String TIMELINE_CSV = "timeline.csv";
  public static final String STIX = "iocs.stix.json";
  public static final String NOTIFICATION = "notification.md";

  /** Every file {@code scan --out} writes, in the order it writes them (the manifest last). */
  public static final List<String> OUTPUTS = List.of(ASSESSMENT, DETECTIONS, REPORT, TIMELINE_JSONL,
      TIMELINE_CSV, STIX, NOTIFICATION, MANIFEST);

  private ScanRunner() {}

  /**
   * @param outDir where to write the output files, or null to only assess
   * @param diagnostics also told about every diagnostic (the CLI prints the serious ones)
   * @param command the user's arguments, for the manifest
   * @param geo the geolocation databases for the damage analysis ({@code --geoip}), or
   *     {@link GeoLookup#NONE}
   */
  public record Request(
      List<Path> evidence,
      RulePack rules,
      @Nullable Path outDir,
      int threads,
      HuntProgress progress,
      DiagnosticSink diagnostics,
      List<String> command,
      String toolVersion,
      GeoLookup geo) {
    public Request {
      evidence = List.copyOf(evidence);
      requireNonNull(rules, "rules");
      requireNonNull(progress, "progress");
      requireNonNull(diagnostics, "diagnostics");
      command = List.copyOf(command);
      requireNonNull(toolVersion, "toolVersion");
      requireNonNull(geo, "geo");
    }

    /** A request without geolocation. */
    public Request(List<Path> evidence, RulePack rules, @Nullable Path outDir, int threads,
        HuntProgress progress, DiagnosticSink diagnostics, List<String> command,
        String toolVersion) {
      this(evidence, rules, outDir, threads, progress, diagnostics, command, toolVersion,
          GeoLookup.NONE);
    }
  }

  /** What a scan produced. */
  public record Outcome(Assessment assessment, HuntResult hunt, List<Diagnostic> diagnostics) {}

  public static Outcome run(Request request) throws IOException {
    Instant started = Instant.now();
    List<Diagnostic> kept = Collections.synchronizedList(new ArrayList<>());
    DiagnosticSink sink = d -> {
      if (kept.size() < MAX_KEPT_DIAGNOSTICS) {
        kept.add(d);
      }
      request.diagnostics().report(d);
    };
    // The damage analysis keeps the logons and cmdlets the hunt parses, so as not to read them twice.
    DamageAssessor.Session damage = DamageAssessor.create(request.geo()).session();
    Hunter hunter = Hunter.builder()
        .rules(request.rules())
        .threads(request.threads())
        .intakeOptions(IntakeOptions.defaults().withHashFiles(true))
        .diagnostics(sink)
        .progress(request.progress())
        .observer(damage.observer())
        .build();

    // 1. hunt, streaming detections to disk as they come
    List<Detection> detections = new ArrayList<>();
    HuntResult hunt;
    Path out = request.outDir();
    if (out != null) {
      Files.createDirectories(out);
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve(DETECTIONS)));
          DetectionWriter writer = HuntFormat.JSONL.open(file)) {
        hunt = hunter.hunt(request.evidence(), d -> {
          detections.add(d);
          try {
            writer.write(d);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    } else {
      hunt = hunter.hunt(request.evidence(), detections::add);
    }

    // 2. assess: the verdict, then how far the attacker reached (a targeted re-read)
    Assessment assessment = Assessor.create().assess(detections, hunt.coverage())
        .withDamage(damage.assess(request.evidence(), detections, hunt.coverage(),
            request.threads()));

    // 3. write the assessment, the reports, and last the chain-of-custody manifest
    List<Diagnostic> diagnostics;
    synchronized (kept) {
      diagnostics = List.copyOf(kept);
    }
    if (out != null) {
      List<Manifest.Output> outputs = new ArrayList<>();
      write(out, ASSESSMENT, outputs, file -> AssessmentJsonWriter.write(assessment, file));
      outputs.add(Manifest.Output.of(out.resolve(DETECTIONS)));
      ReportData data = ReportData.of(new ReportInput(assessment, detections, request.toolVersion(),
          request.rules().fingerprint(), started));
      write(out, REPORT, outputs, file -> HtmlReportWriter.write(data, file));
      write(out, TIMELINE_JSONL, outputs, file -> TimelineWriter.writeJsonl(data, file));
      write(out, TIMELINE_CSV, outputs, file -> TimelineWriter.writeCsv(data, file));
      write(out, STIX, outputs, file -> StixBundleWriter.write(data, file));
      write(out, NOTIFICATION, outputs, file -> NotificationWriter.write(data, file));
      Manifest manifest = new Manifest(request.toolVersion(), request.command(), started,
          Instant.now(), request.rules().description(), request.rules().fingerprint(),
          request.rules().size(), hunt.ruleProblems(), hunt.files(), diagnostics, outputs,
          references(request.geo()));
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve(MANIFEST)))) {
        ManifestJsonWriter.write(manifest, file);
      }
    }
    return new Outcome(assessment, hunt, diagnostics);
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static List<Manifest.Output> references(GeoLookup geo) throws IOException {
    List<Manifest.Output> references = new ArrayList<>();
    for (Path database : geo.databases()) {
      references.add(Manifest.Output.of(database, database.toString()));
    }
    return references;
  }

  private static void write(Path dir, String name, List<Manifest.Output> outputs, Body body)
      throws IOException {
    Path path = dir.resolve(name);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path))) {
      body.write(file);
    }
    outputs.add(Manifest.Output.of(path));
  }
}
