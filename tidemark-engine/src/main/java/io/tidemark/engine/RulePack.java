package io.tidemark.engine;

import io.tidemark.event.LogType;
import io.tidemark.event.TidemarkException;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.compile.CompileOptions;
import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.compile.RuleCompiler;
import io.tidemark.sigma.correlation.CorrelationEngine;
import io.tidemark.sigma.rule.CorrelationRule;
import io.tidemark.sigma.rule.LoadResult;
import io.tidemark.sigma.rule.RuleLoader;
import io.tidemark.sigma.rule.RuleMetadata;
import io.tidemark.sigma.rule.RuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A loaded and compiled set of rules with its correlations: the built-in Exchange pack, or the
 * user's rule files and folders. Immutable and shareable between threads and runs.
 */
public final class RulePack {
  /** Where the build puts the repository's {@code rules/} folder inside the engine jar. */
  static final String BUILT_IN = "io/tidemark/engine/rules";
  /** The pack composed at build time ({@link RuleImageBuilder}), next to it in the jar. */
  static final String BUILT_IN_IMAGE = "io/tidemark/engine/rules.image";

  private final String description;
  private final String fingerprint;
  private final int files;
  private final CompiledRuleSet rules;
  private final CorrelationEngine correlations;
  private final List<RuleProblem> problems;
  private final Map<CompiledRule, RuleInfo> ruleInfo = new IdentityHashMap<>();
  private final Map<CorrelationRule, RuleInfo> correlationInfo = new IdentityHashMap<>();
  private final Map<LogType, LiteralFilter> prefilters;

  private RulePack(String description, String fingerprint, LoadResult loaded, CompileOptions options) {
    this.description = description;
    this.fingerprint = fingerprint;
    this.files = loaded.files();
    this.rules = RuleCompiler.compile(loaded, options);
    this.correlations = CorrelationEngine.create(loaded.correlations(), rules);
    List<RuleProblem> all = new ArrayList<>(rules.problems());
    all.addAll(correlations.problems());
    this.problems = List.copyOf(all);
    this.prefilters = LiteralFilter.forRules(rules);
    for (CompiledRule rule : rules.rules()) {
      ruleInfo.put(rule, info(rule.rule().metadata()));
    }
    for (CorrelationRule rule : correlations.correlations()) {
      correlationInfo.put(rule, info(rule.metadata()));
    }
  }

  /** Tidemark's own Exchange rule pack, bundled in the jar. */
  public static RulePack builtIn(CompileOptions options) {
    byte[] image = builtInImage();
    if (image != null) {
      return new RulePack("built-in Exchange pack", RuleLoader.imageLabel(image),
          RuleLoader.loadImage(image), options);
    }
    List<RuleSource> sources = builtInSources();
    if (sources.isEmpty()) {
      throw new TidemarkException("the built-in rule pack is missing from the jar", BUILT_IN);
    }
    return new RulePack("built-in Exchange pack", fingerprint(sources),
        RuleLoader.loadSources(sources), options);
  }

  /**
   * The build-time image of the pack when running from the jar; null when running from classes
   * folders (tests, IDEs), where the rules may have been edited since the image was written.
   */
  private static byte @Nullable [] builtInImage() {
    URL url = RulePack.class.getClassLoader().getResource(BUILT_IN_IMAGE);
    if (url == null || !url.getProtocol().equals("jar")) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new TidemarkException("cannot read the built-in rule pack: " + e.getMessage(),
          BUILT_IN_IMAGE, e);
    }
  }

  /** Rules from files and folders (searched recursively for {@code *.yml} and {@code *.yaml}). */
  public static RulePack fromPaths(List<Path> paths, CompileOptions options) {
    LoadResult loaded = RuleLoader.load(paths);
    StringBuilder text = new StringBuilder();
    for (Path path : paths) {
      text.append(text.length() == 0 ? "" : ", ").append(path);
    }
    return new RulePack(text.toString(), fingerprintOf(paths), loaded, options);
  }

  /** Rules from in-memory texts, for tests and the rule-pack harness. */
  public static RulePack fromSources(List<RuleSource> sources, CompileOptions options) {
    return new RulePack("in-memory rules", fingerprint(sources), RuleLoader.loadSources(sources), options);
  }

  public CompiledRuleSet rules() {
    return rules;
  }

  public CorrelationEngine correlations() {
    return correlations;
  }

  /** Rules and correlations that were not loaded, compiled or resolved, with the reason. */
  public List<RuleProblem> problems() {
    return problems;
  }

  /** How the user would name this pack: "built-in Exchange pack" or the rule paths. */
  public String description() {
    return description;
  }

  /** SHA-256 over the rule texts, so a manifest can say exactly which rules ran. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Rule files read. */
  public int files() {
    return files;
  }

  /** Detection rules compiled plus correlations resolved. */
  public int size() {
    return rules.rules().size() + correlations.correlations().size();
  }

  /** The raw-line prefilter for a log type, or null when its records must all be matched. */
  @Nullable LiteralFilter prefilter(LogType type) {
    return prefilters.get(type);
  }

  RuleInfo info(CompiledRule rule) {
    RuleInfo info = ruleInfo.get(rule);
    return info != null ? info : info(rule.rule().metadata());
  }

  RuleInfo info(CorrelationRule rule) {
    RuleInfo info = correlationInfo.get(rule);
    return info != null ? info : info(rule.metadata());
  }

  private static RuleInfo info(RuleMetadata m) {
    return new RuleInfo(
        m.reference(),
        m.title(),
        m.level() == null ? "informational" : m.level().id(),
        m.status() == null ? "unknown" : m.status().id(),
        m.authors(),
        m.tags(),
        m.references(),
        m.description() == null ? "" : m.description(),
        m.custom(),
        m.location().path());
  }

  private static List<RuleSource> builtInSources() {
    URL url = RulePack.class.getClassLoader().getResource(BUILT_IN);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        return readJar(url);
      }
      return readTree(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new TidemarkException("cannot read the built-in rule pack: " + e.getMessage(), BUILT_IN, e);
    }
  }

  // The class loader already holds the jar open; a zip file system would read its central
  // directory (thousands of entries in the shaded jar) again, a tenth of an empty hunt.
  private static List<RuleSource> readJar(URL url) throws IOException {
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(true);
    JarFile jar = connection.getJarFile();
    String prefix = BUILT_IN.endsWith("/") ? BUILT_IN : BUILT_IN + "/";
    List<JarEntry> entries = new ArrayList<>();
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
      JarEntry entry = e.nextElement();
      String name = entry.getName();
      if (!entry.isDirectory() && name.startsWith(prefix)
          && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
        entries.add(entry);
      }
    }
    entries.sort(Comparator.comparing(JarEntry::getName));
    List<RuleSource> sources = new ArrayList<>();
    for (JarEntry entry : entries) {
      try (InputStream in = jar.getInputStream(entry)) {
        sources.add(new RuleSource("rules/" + entry.getName().substring(prefix.length()),
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return sources;
  }

  static List<RuleSource> readTree(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
          .toList();
    }
    List<RuleSource> sources = new ArrayList<>();
    for (Path file : files) {
      // Paths as users see them in the repository: rules/<area>/<file>.yml
      String name = "rules/" + root.relativize(file).toString().replace('\\', '/');
      sources.add(new RuleSource(name, Files.readString(file, StandardCharsets.UTF_8)));
    }
    return sources;
  }

  static String fingerprint(List<RuleSource> sources) {
    MessageDigest sha = sha256();
    for (RuleSource s : sources) {
      sha.update(s.path().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(s.text().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String fingerprintOf(List<Path> paths) {
    List<RuleSource> sources = new ArrayList<>();
    for (Path root : paths) {
      try (Stream<Path> walk = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          sources.add(new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
      } catch (IOException | RuntimeException e) {
        // The loader reports unreadable files with their reason; the fingerprint just skips them.
      }
    }
    return fingerprint(sources);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
