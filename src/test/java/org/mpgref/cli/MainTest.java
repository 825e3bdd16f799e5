package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: exit codes, one-line errors without stack traces, results on stdout and progress on stderr. */
class MainTest {
  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void badInputGivesOneLineAndExitCode2() {
    for (String[] args : new String[][] {{"check-potential", "nosuchgame"}, {"audit", "nosuchpaper"},
        {"audit", "--agents", "1"}, {"check-potential", "routing", "--agents", "30"}, {"audit", "--bogus"}}) {
      String[] r = run(args);
      assertThat(r[0]).as(String.join(" ", args)).isEqualTo("2");
      assertThat(r[2].strip()).as(String.join(" ", args)).doesNotContain("\n").doesNotContain("Exception").startsWith("mpgref:");
      assertThat(r[1]).isEmpty();
    }
  }

  @Test
  void checkPotentialPrintsTheCounterexample() {
    String[] r = run("check-potential", "distancing", "--agents", "3", "--trials", "5");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("not an MPG").contains("not 0");
  }

  @Test
  void smallAuditReportsEverySectionAndKeepsProgressOnStderr() {
    String[] r = run("audit", "distancing", "--agents", "3", "--max-iterations", "300", "--trials", "4");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("== IPG").contains("== projected Q-ascent").contains("== INPG")
        .contains("iterations to exact Nash gap <= 1e-6").contains("== check-potential")
        .contains("How this compares with the published claims").doesNotContain("[audit]");
    assertThat(r[2]).contains("[audit]");
  }
}
