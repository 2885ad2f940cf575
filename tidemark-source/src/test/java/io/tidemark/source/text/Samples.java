package io.tidemark.source.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public data sets beside the checkout, from the {@code tidemark.datasets} property. */
final class Samples {
  private Samples() {}

  static Path dataset(String name) {
    String root = System.getProperty("tidemark.datasets", "../../shared/datasets");
    Path dir = Path.of(root).resolve(name);
    assumeTrue(Files.isDirectory(dir), dir + " not present; skipping tests that read it");
    return dir;
  }
}
