package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleOptionsTest {
  @TempDir Path work;
  Path rule;
  Path log;

  @BeforeEach
  void files() throws Exception {
    rule = work.resolve("admins.yml");
    Files.writeString(rule, """
        title: Admin account used from outside
        id: 7d0e9a43-3c1f-4b8e-9a51-2f6f3f1e0c11
        author: Tidemark tests
        level: high
        logsource: {category: webserver}
        detection:
          selection:
            user|expand: '%Admins%'
          condition: selection
        """);
    log = work.resolve("evidence").resolve("u_ex210303.log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, """
        #Software: Microsoft Internet Information Services 10.0
        #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
        2021-03-03 10:00:00 10.0.0.10 GET /ecp/ - 443 CORP\\admin 203.0.113.9 Mozilla/5.0 - 200 0 0 15
        """);
  }

  @Test
  void hunt_placeholderWithoutValues_skipsTheRuleAndSaysWhy() {
    CliRun run = CliRun.run("hunt", "--rules", rule.toString(), "--field-map", "user=cs-username",
        log.getParent().toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("1 rule not loaded").contains("%Admins%");
  }

  @Test
  void hunt_placeholderAndFieldMap_fire() {
    CliRun run = CliRun.run("hunt", "-q", "--rules", rule.toString(), "--field-map", "user=cs-username",
        "--placeholder", "Admins=CORP\\admin,CORP\\it-ops", log.getParent().toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Admin account used from outside").contains("\"authors\":[\"Tidemark tests\"]");
  }

  @Test
  void hunt_ruleConfigFile_suppliesTheSame() throws Exception {
    Path config = work.resolve("tidemark-rules.yml");
    Files.writeString(config, """
        field_mappings:
          user: cs-username
        placeholders:
          Admins: ['CORP\\admin']
        """);

    CliRun run = CliRun.run("hunt", "-q", "--rules", rule.toString(), "--rule-config", config.toString(),
        log.getParent().toString());

    assertThat(run.out()).contains("Admin account used from outside");
  }

  @Test
  void hunt_malformedFieldMap_isUsageError() {
    CliRun run = CliRun.run("hunt", "--rules", rule.toString(), "--field-map", "user", log.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("expected NAME=VALUE");
  }
}
