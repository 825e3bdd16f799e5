package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyHistoryFormat;

/**
 * {@code learn --start POLICY} on examples/coordination.game.json (one state, γ = 1/2, ρ = 1; both agents get 1 at
 * (0,0), 1/2 at (1,1), 0 otherwise): a start at the pure Nash equilibrium (0,0) is a fixed point with gap 0, a
 * non-uniform exact IPG start gives the hand-derived first iterate (and the Java API's), and bad starts are refused
 * with one line and exit code 2.
 */
class LearnStartTest {
  static final String GAME = "examples/coordination.game.json";

  private static Path policy(Path dir, String name, String rows) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "{\"format\": \"mpgref-policy/1\", \"policy\": " + rows + "}", StandardCharsets.UTF_8);
    return p;
  }

  private static MarkovGame game() throws IOException {
    return GameFormat.read(Json.parse(Files.readString(Path.of(GAME)), GAME), GAME);
  }

  private static BigFraction q(long p, long d) {
    return BigFraction.of(p, d);
  }

  @Test
  void aPureNashStartIsAFixedPointWithGapZero(@TempDir Path dir) throws IOException {
    Path nash = policy(dir, "nash.json", "[[[1, 0]], [[1, 0]]]");
    Path out = dir.resolve("run.json");
    String[] r = CommandsTest.run("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "5",
        "--exact", "--start", nash.toString(), "--out", out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(CommandsTest.lines(r[1])).contains("NASHGAP 0", "NASHCONV 0", "CERTIFIED true");
    JsonNode doc = Json.parse(Files.readString(out), "run");
    assertThat(doc.get("records").get(0).get("nashGap").asText()).isEqualTo("0");
    assertThat(doc.get("run").get("start").textValue()).isEqualTo("policy");
    List<Policy> history = PolicyHistoryFormat.read(doc, game(), "run");
    Policy start = Policy.of(new BigFraction[][][] {{{BigFraction.ONE, BigFraction.ZERO}},
        {{BigFraction.ONE, BigFraction.ZERO}}});
    for (Policy p : history) {
      assertThat(p).isEqualTo(start);
    }
  }

  @Test
  void aDoubleRunFromTheNashStartStaysThere(@TempDir Path dir) throws IOException {
    Path nash = policy(dir, "nash.json", "[[[1, 0]], [[1, 0]]]");
    Path out = dir.resolve("run.json");
    String[] r = CommandsTest.run("learn", GAME, "--algorithm", "q-ascent", "--eta", "1/10", "--iterations", "5",
        "--start", nash.toString(), "--out", out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(CommandsTest.lines(r[1])).contains("NASHGAP 0", "CERTIFIED true");
  }

  @Test
  void exactIpgFromANonUniformStartTakesTheHandDerivedFirstStep(@TempDir Path dir) throws IOException {
    // pi_0 = (3/4, 1/4), pi_1 = (1/2, 1/2), eta = 1/10: the step adds 2 eta r_i(., pi_-i) (up to a constant):
    // agent 0 (1/10, 1/20) -> (17/20, 6/20) -> projected (31/40, 9/40); agent 1 (3/20, 1/40) -> (9/16, 7/16)
    Path from = policy(dir, "start.json", "[[[\"3/4\", \"1/4\"]], [[\"1/2\", \"1/2\"]]]");
    Path out = dir.resolve("run.json");
    String[] r = CommandsTest.run("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1",
        "--exact", "--start", from.toString(), "--out", out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    MarkovGame g = game();
    List<Policy> history = PolicyHistoryFormat.read(Json.parse(Files.readString(out), "run"), g, "run");
    Policy start = Policy.of(new BigFraction[][][] {{{q(3, 4), q(1, 4)}}, {{q(1, 2), q(1, 2)}}});
    Policy first = Policy.of(new BigFraction[][][] {{{q(31, 40), q(9, 40)}}, {{q(9, 16), q(7, 16)}}});
    assertThat(history).containsExactly(start, first);
    List<ExactIterate> api = ExactDynamics.run(g, start, Algorithm.IPG, q(1, 10), 1, 10000).iterates();
    assertThat(api.get(1).policy()).isEqualTo(history.get(1));
  }

  @Test
  void aStartThatDoesNotFitTheGameIsRefused(@TempDir Path dir) throws IOException {
    Path wrong = policy(dir, "wrong.json", "[[[1, 0, 0]], [[1, 0]]]");
    Path out = dir.resolve("run.json");
    String[] r = CommandsTest.run("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1",
        "--start", wrong.toString(), "--out", out.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).isEmpty();
    assertThat(r[2].lines().toList()).hasSize(1);
    assertThat(r[2]).startsWith("mpgref: --start: ").contains("wrong.json");
    assertThat(out).doesNotExist();
    String[] missing = CommandsTest.run("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1",
        "--start", dir.resolve("nope.json").toString(), "--out", out.toString());
    assertThat(missing[0]).isEqualTo("2");
    assertThat(missing[2].lines().toList()).hasSize(1);
  }

  @Test
  void softmaxRulesRefuseAStartWithAZeroEntry(@TempDir Path dir) throws IOException {
    Path nash = policy(dir, "nash.json", "[[[1, 0]], [[1, 0]]]");
    Path out = dir.resolve("run.json");
    for (String alg : List.of("inpg", "pmd-kl")) {
      String[] r = CommandsTest.run("learn", GAME, "--algorithm", alg, "--eta", "1/10", "--iterations", "1",
          "--start", nash.toString(), "--out", out.toString());
      assertThat(r[0]).as(alg).isEqualTo("2");
      assertThat(r[2].lines().toList()).hasSize(1);
      assertThat(r[2]).contains("--start", alg, "every start entry must be > 0", "action 1 has 0");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void inpgFromAnInteriorStartBeginsThere(@TempDir Path dir) throws IOException {
    Path from = policy(dir, "start.json", "[[[\"3/4\", \"1/4\"]], [[\"1/2\", \"1/2\"]]]");
    Path out = dir.resolve("run.json");
    String[] r = CommandsTest.run("learn", GAME, "--algorithm", "inpg", "--eta", "1/10", "--iterations", "2",
        "--start", from.toString(), "--out", out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode policy0 = Json.parse(Files.readString(out), "run").get("policies").get(0);
    assertThat(policy0.toString()).isEqualTo("[[[0.75,0.25]],[[0.5,0.5]]]");
  }
}
