package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mpgref.io.Json;

/**
 * {@code check-potential} (issue 9, item 7): the trial count is validated before any work, never coerced (one stderr
 * line, exit 2, nothing on stdout), and the output says among how many agents the pair was drawn and how many trials
 * ran and were informative, in the tagged lines and in {@code --json}.
 */
class CheckPotentialCommandTest {
  @Test
  void badTrialCountsAreRefusedWithOneLine() {
    for (String k : new String[] {"0", "-1", "10000001", "1e30", "2.7", "abc", "99999999999", "true", ""}) {
      String[] r = CommandsTest.run("check-potential", CommandsTest.GAME, "--trials", k);
      assertThat(r[0]).as("--trials %s: %s", k, r[2]).isEqualTo("2");
      assertThat(r[1]).as("--trials %s", k).isEmpty();
      assertThat(r[2]).as("--trials %s", k).startsWith("mpgref: ").contains("--trials").endsWith("\n");
      assertThat(CommandsTest.lines(r[2].strip())).as("--trials %s", k).hasSize(1);
    }
    String[] r = CommandsTest.run("check-potential", CommandsTest.GAME, "--trials", "0");
    assertThat(r[2]).isEqualTo("mpgref: --trials: 0 must be between 1 and 10000000\n");
  }

  @Test
  void theLargestAndSmallestTrialCountsAreAccepted() {
    String[] one = CommandsTest.run("check-potential", "distancing", "--agents", "2", "--trials", "1");
    assertThat(one[0]).as(one[2]).isEqualTo("0");
    // the two-state example has a counterexample at trial 0, so even the largest count ends at once
    String[] max = CommandsTest.run("check-potential", CommandsTest.GAME, "--trials", "10000000");
    assertThat(max[0]).as(max[2]).isEqualTo("0");
    assertThat(CommandsTest.lines(max[1])).contains("MPG not-an-mpg", "DEVIATORS 2 2", "TRIALS 1 1");
  }

  @Test
  void theSearchIsReportedInLinesAndJson() {
    String[] r = CommandsTest.run("check-potential", "zero-sum-state-mpg", "--trials", "6");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(CommandsTest.lines(r[1])).startsWith("MPG no-counterexample", "DEVIATORS 2 2", "TRIALS 6 6")
        .contains("# search: 6 trials run, 6 informative; agent pairs drawn among the 2 of 2 agents with at least two"
            + " actions");
    String[] j = CommandsTest.run("check-potential", "zero-sum-state-mpg", "--trials", "6", "--json");
    JsonNode doc = Json.parse(j[1], "out");
    assertThat(doc.get("trialsRun").intValue()).isEqualTo(6);
    assertThat(doc.get("informative").intValue()).isEqualTo(6);
    assertThat(doc.get("deviatingAgents").intValue()).isEqualTo(2);
    assertThat(doc.get("agentCount").intValue()).isEqualTo(2);
    assertThat(doc.get("agents").isArray()).as("the game's agents are not overwritten").isTrue();
  }
}
