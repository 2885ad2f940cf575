package io.tidemark.sigma.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.sigma.RuleProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RuleImageTest {
  private static final Path ROOT = Path.of(System.getProperty("tidemark.root", ".."));
  private static final Path DATASETS =
      Path.of(System.getProperty("tidemark.datasets", "../shared/datasets"));

  private static List<RuleSource> sources(Path root) throws IOException {
    List<RuleSource> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        sources.add(new RuleSource(root.relativize(p).toString(), Files.readString(p)));
      }
    }
    return sources;
  }

  private static LoadResult roundTrip(List<RuleSource> sources) {
    return RuleLoader.loadImage(RuleLoader.image("label", sources));
  }

  @Test
  void loadImage_tidemarkPack_equalsLoadingTheSources() throws IOException {
    List<RuleSource> sources = sources(ROOT.resolve("rules"));
    assertThat(sources).hasSizeGreaterThan(50);

    LoadResult fromImage = roundTrip(sources);

    assertThat(fromImage).isEqualTo(RuleLoader.loadSources(sources));
    assertThat(fromImage.problems()).isEmpty();
  }

  @Test
  void loadImage_sigmaHqCorpus_equalsLoadingTheSources() throws IOException {
    Path corpus = DATASETS.resolve("sigma-rules/rules");
    Assumptions.assumeTrue(Files.isDirectory(corpus), corpus + " not present; skipping");
    List<RuleSource> sources = sources(corpus);

    LoadResult fromImage = roundTrip(sources);

    // Every rule, value type, modifier, problem and location as loading the YAML gives them.
    assertThat(fromImage).isEqualTo(RuleLoader.loadSources(sources));
    assertThat(fromImage.loaded()).hasSizeGreaterThan(2_500);
  }

  @Test
  void loadImage_ruleWithProblem_reportsItAtTheSameLineAndColumn() {
    List<RuleSource> sources = List.of(new RuleSource("rules/bad.yml", """
        title: bad modifier
        logsource:
          product: exchange
          service: httpproxy
        detection:
          selection:
            UrlStem|nonsense: /owa/auth/x.aspx
          condition: selection
        """));

    List<String> problems = roundTrip(sources).problems().stream()
        .map(RuleProblem::describe).toList();

    assertThat(problems).isNotEmpty()
        .isEqualTo(RuleLoader.loadSources(sources).problems().stream()
            .map(RuleProblem::describe).toList());
    assertThat(problems.get(0)).contains("rules/bad.yml:7");
  }

  @Test
  void loadImage_typedScalars_keepTheirYamlTypes() {
    List<RuleSource> sources = List.of(new RuleSource("rules/types.yml", """
        title: types
        logsource:
          product: windows
          service: security
        detection:
          selection:
            EventID: 4625
            LogonType: '3'
            Flag: true
            Empty: null
            Quoted: "yes"
          condition: selection
        """));

    assertThat(roundTrip(sources)).isEqualTo(RuleLoader.loadSources(sources));
  }

  @Test
  void image_invalidYaml_namesTheFileAndLine() {
    List<RuleSource> sources = List.of(new RuleSource("rules/broken.yml", """
        title: broken
        detection:
          selection: [unclosed
        """));

    assertThatThrownBy(() -> RuleLoader.image("label", sources))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rules/broken.yml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void loadImage_notAnImage_throws() {
    assertThatThrownBy(() -> RuleLoader.loadImage(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule image");
  }

  @Test
  void imageLabel_givesTheLabelWrittenWithIt() {
    byte[] image = RuleLoader.image("sha256:abc", List.of(new RuleSource("a.yml", "title: a\n")));

    assertThat(RuleLoader.imageLabel(image)).isEqualTo("sha256:abc");
  }
}
