package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process and compares output with golden files. */
record CliRun(int code, String out, String err) {
  /** Set {@code -Dtidemark.updateGolden=true} to rewrite the golden files after a deliberate change. */
  private static final boolean UPDATE = Boolean.getBoolean("tidemark.updateGolden");

  static CliRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Asserts that text equals {@code golden/<name>}, line ends normalised. */
  static void assertGolden(String name, String text) throws IOException {
    Path golden = goldenDir().resolve(name);
    String actual = text.replace("\r\n", "\n");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (rerun with -Dtidemark.updateGolden=true to create)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static Path goldenDir() {
    return Path.of(System.getProperty("tidemark.root", "..")).resolve("tidemark-cli/src/test/resources/golden");
  }
}
