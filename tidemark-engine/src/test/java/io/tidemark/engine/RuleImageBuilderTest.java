package io.tidemark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.sigma.rule.RuleLoader;
import io.tidemark.sigma.rule.RuleSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleImageBuilderTest {

  private static Path builtInFolder() throws Exception {
    URL url = RulePack.class.getClassLoader().getResource(RulePack.BUILT_IN);
    assertThat(url).as("the build copies rules/ into the engine's classes").isNotNull();
    return Path.of(url.toURI());
  }

  @Test
  void main_builtInPack_writesAnImageThatLoadsAsTheYaml(@TempDir Path dir) throws Exception {
    Path image = dir.resolve("rules.image");

    RuleImageBuilder.main(new String[] {builtInFolder().toString(), image.toString()});

    byte[] bytes = Files.readAllBytes(image);
    List<RuleSource> sources = RulePack.readTree(builtInFolder());
    assertThat(RuleLoader.imageLabel(bytes)).isEqualTo(RulePack.fingerprint(sources));
    assertThat(RuleLoader.loadImage(bytes)).isEqualTo(RuleLoader.loadSources(sources));
  }

  @Test
  void build_imageInClasses_isTheImageOfTheCurrentRules() throws Exception {
    // The jar carries the image Maven wrote after compiling; it must match rules/ as copied.
    URL url = RulePack.class.getClassLoader().getResource(RulePack.BUILT_IN_IMAGE);
    assertThat(url).as("exec-maven-plugin writes " + RulePack.BUILT_IN_IMAGE).isNotNull();

    byte[] bytes = Files.readAllBytes(Path.of(url.toURI()));

    assertThat(RuleLoader.imageLabel(bytes))
        .isEqualTo(RulePack.fingerprint(RulePack.readTree(builtInFolder())));
  }
}
