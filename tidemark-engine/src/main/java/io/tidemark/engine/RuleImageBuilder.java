package io.tidemark.engine;

import io.tidemark.sigma.rule.RuleLoader;
import io.tidemark.sigma.rule.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (run by Maven after compiling this module): writes the image of the built-in rule
 * pack that {@link RulePack#builtIn} loads from the jar instead of parsing its YAML on every
 * start. A rule that is not valid YAML fails the build here, naming the file and line.
 */
final class RuleImageBuilder {
  private RuleImageBuilder() {}

  /** Arguments: the folder the pack was copied to, and the image file to write. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RuleImageBuilder RULES_DIR IMAGE_FILE");
    }
    List<RuleSource> sources = RulePack.readTree(Path.of(args[0]));
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no rules under " + args[0]);
    }
    byte[] image = RuleLoader.image(RulePack.fingerprint(sources), sources);
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, image);
  }
}
