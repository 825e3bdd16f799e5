package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyHistoryFormat;
import org.mpgref.testkit.RandomGames;

/**
 * Parameters are validated before any work by the shared converters ({@link Params}) and option-dependency checks:
 * each refusal is exit code 2, exactly one stderr line naming the option (or the entry) and the rule, nothing on
 * stdout, and no output file (every --out path is in a fresh @TempDir and asserted absent afterwards).
 */
class ParameterValidationTest {
  static final String GAME = CommandsTest.GAME;
  static final String POLICY = CommandsTest.POLICY;

  @TempDir
  Path dir;

  /** Runs the command and asserts a clean refusal naming every given fragment; returns the stderr line. */
  private String refused(String[] args, String... fragments) throws IOException {
    String[] r = CommandsTest.run(args);
    assertThat(r[0]).as("exit code of %s: %s", Arrays.toString(args), r[2]).isEqualTo("2");
    assertThat(r[1]).as("stdout of %s", Arrays.toString(args)).isEmpty();
    List<String> lines = r[2].lines().toList();
    assertThat(lines).as("stderr of %s", Arrays.toString(args)).hasSize(1);
    assertThat(lines.get(0)).startsWith("mpgref: ").contains(fragments).doesNotContain("Exception");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> !p.getFileName().toString().endsWith(".game.json")))
          .as("files left by %s", Arrays.toString(args)).isEmpty();
    }
    return lines.get(0);
  }

  private static String[] a(String... args) {
    return args;
  }

  private String out() {
    return dir.resolve("out.json").toString();
  }

  @Test
  void outIsCheckedBeforeAnyWork() throws IOException {
    String missing = dir.resolve("missing").resolve("x.json").toString();
    refused(a("learn", "distancing", "--algorithm", "ipg", "--eta", "1/10", "--iterations", "3", "--out", missing),
        "--out", "does not exist");
    refused(a("learn", "distancing", "--algorithm", "ipg", "--eta", "1/10", "--iterations", "3", "--out", ""),
        "--out", "empty");
    refused(a("learn", "distancing", "--algorithm", "ipg", "--eta", "1/10", "--iterations", "3", "--out",
        dir.toString()), "--out", "is a directory");
    refused(a("convert", GAME, "--to", "json", "--out", missing), "--out", "does not exist");
    // a bad parameter after a good --out leaves no file either
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "-1", "--iterations", "3", "--out", out()), "--eta",
        "must be > 0");
  }

  @Test
  void negativeAndZeroCountsAreRefusedEverywhere() throws IOException {
    refused(a("audit", "distancing", "--trials", "-1"), "--trials", "-1 is not >= 1");
    refused(a("audit", "distancing", "--trials", "0"), "--trials", "0 is not >= 1");
    refused(a("audit", "distancing", "--max-iterations", "0"), "--max-iterations", "is not >= 1");
    refused(a("audit", "distancing", "--agents", "0"), "--agents", "is not >= 1");
    refused(a("audit", "distancing", "--agents", "65"), "--agents 65 is outside 2..64");
    refused(a("audit", "distancing", "--trials", "1e30"), "--trials", "is not an integer");
    refused(a("learn", "distancing", "--algorithm", "ipg", "--eta", "1/10", "--iterations", "-1", "--out", out()),
        "--iterations", "-1 is not >= 0");
    refused(a("learn", "distancing", "--algorithm", "ipg", "--eta", "1/10", "--iterations", "2000000", "--out",
        out()), "--iterations 2000000 is outside 0..1000000");
    refused(a("learn", "distancing", "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1000000", "--out",
        out()), "--iterations 1000000: the trajectory would hold about 7.5e7 numbers (75 per iterate)",
        "use at most --iterations 13332");
    refused(a("learn", "distancing", "--algorithm", "ipg", "--exact", "--eta", "1/10", "--iterations", "1",
        "--max-denominator-digits", "0", "--out", out()), "--max-denominator-digits", "is not >= 1");
    refused(a("learn", "distancing", "--agents", "-2", "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1",
        "--out", out()), "--agents", "is not >= 1");
    refused(a("eval", "distancing", "uniform", "--agents", "0"), "--agents", "is not >= 1");
    refused(a("eval", GAME, POLICY, "--digits", "-1"), "--digits", "is not >= 0");
    refused(a("eval", GAME, POLICY, "--digits", "1001"), "--digits 1001 is outside 0..1000");
    refused(a("best-response", GAME, POLICY, "--agent", "-1"), "--agent", "is not >= 0");
    refused(a("best-response", GAME, POLICY, "--agent", "2"), "--agent 2 is outside 0..1");
    refused(a("nash-gap", GAME, "uniform", "--certify", "--round-digits", "0"), "--round-digits", "is not >= 1");
    refused(a("nash-gap", GAME, "uniform", "--certify", "--round-digits", "51"), "--round-digits 51 is outside 1..50");
    refused(a("bounds", "distancing", "--agents", "0"), "--agents", "is not >= 1");
  }

  @Test
  void limitOptionsAreValidated() throws IOException {
    refused(a("eval", GAME, POLICY, "--max-seconds", "0"), "--max-seconds", "is not in (0, 604800]");
    refused(a("eval", GAME, POLICY, "--max-seconds", "-1"), "--max-seconds");
    refused(a("eval", GAME, POLICY, "--max-seconds", "abc"), "--max-seconds", "not a decimal number");
    refused(a("eval", GAME, POLICY, "--max-work", "0"), "--max-work", "is not >= 1");
    refused(a("eval", GAME, POLICY, "--max-input-bytes", "-1"), "--max-input-bytes", "is not >= 1");
    refused(a("eval", GAME, POLICY, "--max-digits", "0"), "--max-digits", "is not >= 1");
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1", "--max-seconds", "x",
        "--out", out()), "--max-seconds");
  }

  @Test
  void optionsWithoutEffectAreRefused() throws IOException {
    refused(a("nash-gap", GAME, POLICY, "--round-digits", "3"), "--round-digits has no effect without --certify");
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1", "--max-denominator-digits",
        "50", "--out", out()), "--max-denominator-digits has no effect without --exact");
    refused(a("learn", GAME, "--algorithm", "ipg", "--exact", "--eta", "1/10", "--iterations", "1", "--stop-l1", "0",
        "--out", out()), "--stop-l1 has no effect with --exact");
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1", "--json", "--out", "-"),
        "--json has no effect with --out -");
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1", "--digits", "3", "--out",
        "-"), "--digits has no effect with --out -");
    refused(a("convert", GAME, "--to", "json", "--state", "0"), "--state has no effect without --to nfg");
    refused(a("vectors", "check", dir.toString(), "--seed", "3"), "--seed has no effect without generate");
    refused(a("eval", GAME, POLICY, "--agents", "3"), "--agents");
  }

  @Test
  void convertToNfgOfAMultiStateGameNamesState() throws IOException {
    refused(a("convert", GAME, "--to", "nfg"), "--state", "0..1", "2 states");
  }

  @Test
  void doubleInputsWithoutADoubleTwinAreRefusedBeforeWork() throws IOException {
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1e-400", "--iterations", "1", "--out", out()),
        "--eta 1e-400", "underflows to 0 in double", "use --exact");
    refused(a("learn", GAME, "--algorithm", "inpg", "--eta", "1e-400", "--iterations", "1", "--out", out()),
        "--eta 1e-400", "there is no exact INPG");
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1e400", "--iterations", "1", "--out", out()),
        "--eta 1e400", "beyond double range");
    refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1/10", "--stop-l1", "1e-400", "--iterations", "1",
        "--out", out()), "--stop-l1 1e-400", "underflows");
    // a finite double step whose run leaves double range: the iteration is named, not a NaN probability
    String line = refused(a("learn", GAME, "--algorithm", "ipg", "--eta", "1e308", "--iterations", "3", "--out",
        out()), "iteration 1", "not finite");
    assertThat(line).doesNotContain("NaN");
    Path big = withEntry("rewards", 0, 5, "1e400");
    refused(a("learn", big.toString(), "--algorithm", "ipg", "--eta", "1/10", "--iterations", "1", "--out", out()),
        "reward r[1][0][2]", "beyond double range", "use --exact");
    refused(a("learn", big.toString(), "--algorithm", "pmd-kl", "--eta", "1/10", "--iterations", "1", "--out",
        out()), "reward r[1][0][2]", "there is no exact KL PMD");
    // the exact run of the same game is fine
    String[] r = CommandsTest.run("learn", big.toString(), "--algorithm", "ipg", "--exact", "--eta", "1/10",
        "--iterations", "1", "--out", out());
    assertThat(r[0]).as(r[2]).isIn("0", "1");
    Files.delete(Path.of(out()));
  }

  private Path withEntry(String field, int s, int k, String value) throws IOException {
    JsonNode doc = Json.parse(Files.readString(Path.of(GAME)), GAME);
    ((ArrayNode) doc.get(field).get(s)).set(k, Json.nodes().textNode(value));
    Path p = dir.resolve("bad.game.json");
    Files.writeString(p, Json.write(doc), StandardCharsets.UTF_8);
    return p;
  }

  /**
   * An exact run on a random 3-agent, 3-action, 3-state game (whose second exact iterate took minutes to evaluate
   * before the guard): the size guard ends it before the blow-up with STOPPED size, the reason on stderr naming the
   * option, and every recorded iterate within the guard.
   */
  @Test
  void exactRunsStopBeforeTheDenominatorsBlowUp() throws IOException {
    Path g = dir.resolve("random.game.json");
    org.mpgref.game.TabularMarkovGame game = RandomGames.game(3, 3, 3, 5);
    Files.writeString(g, Json.write(GameFormat.write(game)), StandardCharsets.UTF_8);
    String[] r = CommandsTest.run("learn", g.toString(), "--algorithm", "q-ascent", "--exact", "--eta", "1/10",
        "--iterations", "50", "--max-denominator-digits", "400", "--out", out());
    assertThat(r[0]).as(r[2]).isIn("0", "1");
    assertThat(CommandsTest.lines(r[1])).contains("STOPPED size");
    assertThat(r[2]).contains("stopped by --max-denominator-digits").contains("above --max-denominator-digits 400");
    JsonNode doc = Json.parse(Files.readString(Path.of(out())), out());
    assertThat(doc.get("run").get("stoppedBy").textValue()).isEqualTo("size");
    List<org.mpgref.game.Policy> history = PolicyHistoryFormat.read(doc, GameFormat.read(Json.parse(
        Files.readString(g), "g"), "g"), "run");
    assertThat(history.size()).isBetween(1, 50);
    for (org.mpgref.game.Policy p : history) {
      assertThat(org.mpgref.dynamics.ExactDynamics.largestDenominatorDigits(p)).isLessThanOrEqualTo(400);
    }
  }
}
