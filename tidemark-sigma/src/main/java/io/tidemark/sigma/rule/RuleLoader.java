package io.tidemark.sigma.rule;

import io.tidemark.sigma.RuleLocation;
import io.tidemark.sigma.RuleProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads Sigma documents from files, directories (recursively, {@code *.yml} and {@code *.yaml})
 * or in-memory sources. Never stops at a bad rule: every problem is collected with its location,
 * the bad document is left out, and the rest load.
 */
public final class RuleLoader {
  /** Rule files are small; anything larger is refused rather than parsed. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  // YAML 1.2 core schema: null/true/false/ints/floats are typed, 'yes'/'no' stay strings.
  private static final LoadSettings SETTINGS = LoadSettings.builder()
      .setSchema(new CoreSchema())
      .setAllowRecursiveKeys(false)
      .setMaxAliasesForCollections(50)
      .setCodePointLimit((int) MAX_FILE_BYTES)
      .build();

  /** Packs at least this large are parsed on two threads. */
  private static final int PARALLEL_MIN_SOURCES = 16;

  private RuleLoader() {}

  /** Loads every rule file under the given files and directories, in path order. */
  public static LoadResult load(List<Path> paths) {
    List<RuleProblem> problems = new ArrayList<>();
    List<RuleSource> sources = new ArrayList<>();
    int files = 0;
    for (Path path : paths) {
      for (Path file : ruleFiles(path, problems)) {
        files++;
        String display = file.toString().replace('\\', '/');
        String text = read(file, display, problems);
        if (text != null) {
          sources.add(new RuleSource(display, text));
        }
      }
    }
    return parse(sources, problems, files);
  }

  /** Loads rules given as text, each reported under its path. */
  public static LoadResult loadSources(List<RuleSource> sources) {
    return parse(sources, new ArrayList<>(), sources.size());
  }

  /**
   * Composes rule sources known at build time into an image that {@link #loadImage} turns into
   * the same documents without parsing YAML again.
   *
   * @param label kept with the image, e.g. the fingerprint of the sources
   * @throws IllegalArgumentException naming the source, line and column of invalid YAML
   */
  public static byte[] image(String label, List<RuleSource> sources) {
    List<RuleImage.Source> composed = new ArrayList<>(sources.size());
    for (RuleSource source : sources) {
      List<Node> roots = new ArrayList<>();
      try {
        for (Node root : new Compose(SETTINGS).composeAllFromString(withoutBom(source.text()))) {
          roots.add(root);
        }
      } catch (MarkedYamlEngineException e) {
        String at = e.getProblemMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
            .orElse("");
        throw new IllegalArgumentException(source.path() + at + ": not valid YAML: "
            + oneLine(e.getProblem()), e);
      } catch (YamlEngineException e) {
        throw new IllegalArgumentException(source.path() + ": not valid YAML: "
            + oneLine(e.getMessage()), e);
      }
      composed.add(new RuleImage.Source(source.path(), roots));
    }
    return RuleImage.write(label, composed);
  }

  /** The label an image was written with. */
  public static String imageLabel(byte[] image) {
    return RuleImage.read(image).label();
  }

  /**
   * Loads the documents of an image written by {@link #image}: the same result as loading its
   * sources, problems included.
   *
   * @throws IllegalArgumentException when the bytes are not a rule image of this version
   */
  public static LoadResult loadImage(byte[] image) {
    List<RuleImage.Source> sources = RuleImage.read(image).sources();
    List<Unit> units = new ArrayList<>(sources.size());
    for (RuleImage.Source s : sources) {
      units.add(new Unit(s.path(), null, s.roots()));
    }
    return parseUnits(units, new ArrayList<>(), sources.size());
  }

  private static List<Path> ruleFiles(Path path, List<RuleProblem> problems) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      problems.add(new RuleProblem(RuleLocation.of(path.toString()), null, null, "no such file or directory"));
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile).filter(RuleLoader::isRuleFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      problems.add(new RuleProblem(RuleLocation.of(path.toString()), null, null, "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isRuleFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  private static @Nullable String read(Path file, String display, List<RuleProblem> problems) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        problems.add(new RuleProblem(RuleLocation.of(display), null, null,
            "file is " + size + " bytes, more than the " + MAX_FILE_BYTES + " a rule file may have"));
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (MalformedInputException e) {
      problems.add(new RuleProblem(RuleLocation.of(display), null, null, "file is not valid UTF-8"));
    } catch (CharacterCodingException e) {
      problems.add(new RuleProblem(RuleLocation.of(display), null, null, "file is not valid UTF-8: " + e));
    } catch (IOException e) {
      problems.add(new RuleProblem(RuleLocation.of(display), null, null, "cannot read file: " + e.getMessage()));
    }
    return null;
  }

  /** A source to parse: its text, or the nodes an image kept of it. */
  private record Unit(String path, @Nullable String text, @Nullable List<Node> roots) {}

  private static LoadResult parse(List<RuleSource> sources, List<RuleProblem> problems, int files) {
    List<Unit> units = new ArrayList<>(sources.size());
    for (RuleSource s : sources) {
      units.add(new Unit(s.path(), s.text(), null));
    }
    return parseUnits(units, problems, files);
  }

  private static LoadResult parseUnits(List<Unit> sources, List<RuleProblem> problems, int files) {
    // Parsing YAML is most of a cold start; the second half of a large pack is parsed on
    // another core meanwhile. Results join in source order, as if parsed one by one.
    int split = sources.size() >= PARALLEL_MIN_SOURCES ? sources.size() / 2 : sources.size();
    Batch rest = new Batch(sources.subList(split, sources.size()));
    Thread helper = null;
    if (split < sources.size()) {
      helper = new Thread(rest::run, "tidemark-rule-loader");
      helper.setDaemon(true);
      helper.start();
    }
    Batch first = new Batch(sources.subList(0, split));
    first.run();
    if (helper != null) {
      joinUninterruptibly(helper);
      if (rest.failure != null) {
        throw rest.failure;
      }
    }
    problems.addAll(first.problems);
    problems.addAll(rest.problems);
    List<SigmaDocument> loaded = new ArrayList<>(first.loaded);
    loaded.addAll(rest.loaded);
    return new LoadResult(dropDuplicates(loaded, problems), problems, files,
        first.documents + rest.documents);
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sources parsed by one thread, with what they gave. */
  private static final class Batch implements Runnable {
    final List<Unit> sources;
    final List<SigmaDocument> loaded = new ArrayList<>();
    final List<RuleProblem> problems = new ArrayList<>();
    int documents;
    @Nullable RuntimeException failure;

    Batch(List<Unit> sources) {
      this.sources = sources;
    }

    @Override
    public void run() {
      try {
        for (Unit source : sources) {
          documents += source.roots() != null
              ? parseNodes(source.path(), source.roots(), loaded, problems)
              : parseSource(new RuleSource(source.path(), source.text()), loaded, problems);
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int parseNodes(String path, List<Node> roots, List<SigmaDocument> loaded,
      List<RuleProblem> problems) {
    for (Node root : roots) {
      SigmaDocument doc = new DocumentParser(new ParseContext(path, problems)).parse(root);
      if (doc != null) {
        loaded.add(doc);
      }
    }
    return roots.size();
  }

  private static int parseSource(RuleSource source, List<SigmaDocument> loaded, List<RuleProblem> problems) {
    String text = withoutBom(source.text());
    int documents = 0;
    try {
      for (Node root : new Compose(SETTINGS).composeAllFromString(text)) {
        documents++;
        ParseContext ctx = new ParseContext(source.path(), problems);
        SigmaDocument doc = new DocumentParser(ctx).parse(root);
        if (doc != null) {
          loaded.add(doc);
        }
      }
    } catch (MarkedYamlEngineException e) {
      RuleLocation at = e.getProblemMark()
          .map(m -> new RuleLocation(source.path(), m.getLine() + 1, m.getColumn() + 1))
          .orElse(RuleLocation.of(source.path()));
      problems.add(new RuleProblem(at, null, null, "not valid YAML: " + oneLine(e.getProblem())
          + (e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")")));
    } catch (YamlEngineException e) {
      problems.add(new RuleProblem(RuleLocation.of(source.path()), null, null, "not valid YAML: " + oneLine(e.getMessage())));
    }
    return documents;
  }

  private static String oneLine(@Nullable String text) {
    return text == null ? "" : text.replace('\n', ' ').strip();
  }

  private static List<SigmaDocument> dropDuplicates(List<SigmaDocument> loaded, List<RuleProblem> problems) {
    Map<String, RuleMetadata> ids = new HashMap<>();
    Map<String, RuleMetadata> names = new HashMap<>();
    List<SigmaDocument> out = new ArrayList<>(loaded.size());
    for (SigmaDocument doc : loaded) {
      RuleMetadata m = doc.metadata();
      RuleMetadata sameId = m.id() == null ? null : ids.putIfAbsent(m.id(), m);
      RuleMetadata sameName = m.name() == null ? null : names.putIfAbsent(m.name(), m);
      if (sameId != null || sameName != null) {
        RuleMetadata first = sameId != null ? sameId : sameName;
        problems.add(new RuleProblem(m.location(), m.id(), m.title(),
            (sameId != null ? "duplicate id '" + m.id() + "'" : "duplicate name '" + m.name() + "'")
                + ", first defined at " + first.location() + "; this copy is ignored"));
        if (sameId == null && m.id() != null) {
          ids.remove(m.id(), m);
        }
        continue;
      }
      out.add(doc);
    }
    return out;
  }
}
