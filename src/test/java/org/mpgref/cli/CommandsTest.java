package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.ExactNumbers;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyHistoryFormat;

/**
 * The file-based commands on the example files (the hand-derived game of proofs-notes/two-state-two-agent-example.md):
 * tagged lines, --digits, --json, stdin, round-then-certify, learn, convert and --help.
 */
class CommandsTest {
  static final String GAME = "examples/two-state.game.json";
  static final String POLICY = "examples/two-state.policy.json";
  static final String FLOATING = "examples/two-state.floating-policy.json";

  static String[] runWithStdin(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  static String[] run(String... args) {
    return runWithStdin("", args);
  }

  static List<String> lines(String s) {
    return List.of(s.split("\n"));
  }

  @Test
  void evalPrintsTheHandDerivedNumbers() {
    String[] r = run("eval", GAME, POLICY);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(lines(r[1])).contains("V 0 0 22/15", "V 0 1 2", "V 1 0 46/15", "VRHO 0 26/15", "VRHO 1 38/15",
        "QBAR 0 0 0 67/45", "QBAR 0 0 1 13/9", "QBAR 1 1 0 34/15", "ADV 0 0 0 1/45", "ADV 1 0 0 -2/3", "D 0 2/5",
        "D 1 3/5");
    assertThat(r[2]).isEmpty();
  }

  @Test
  void digitsAddCorrectlyRoundedDecimals() {
    String[] r = run("eval", GAME, POLICY, "--digits", "4");
    assertThat(lines(r[1])).contains("V 0 0 22/15 1.467", "D 0 2/5 0.4000", "ADV 1 0 0 -2/3 -0.6667");
  }

  @Test
  void jsonOutputIsAResultsDocument() {
    String[] r = run("eval", GAME, POLICY, "--json");
    JsonNode doc = Json.parse(r[1], "out");
    assertThat(doc.get("format").textValue()).isEqualTo("mpgref-results/1");
    assertThat(doc.get("kind").textValue()).isEqualTo("evaluation");
    assertThat(ExactNumbers.read(doc.get("values").get(1).get(0), "v")).isEqualTo(BigFraction.of(46, 15));
    assertThat(ExactNumbers.read(doc.get("qBar").get(0).get(0).get(0), "q")).isEqualTo(BigFraction.of(67, 45));
    String[] d = run("nash-gap", GAME, POLICY, "--json", "--digits", "3");
    JsonNode gaps = Json.parse(d[1], "out");
    assertThat(gaps.get("nashGap").get("exact").textValue()).isEqualTo("64/105");
    assertThat(gaps.get("nashGap").get("decimal").textValue()).isEqualTo("0.610");
    assertThat(gaps.get("certificateVerified").booleanValue()).isTrue();
    assertThat(gaps.get("bestResponses").get(1).get("values").get(0).get("exact").textValue()).isEqualTo("26/7");
  }

  @Test
  void gameAndPolicyMayComeFromStdin() throws Exception {
    String[] r = runWithStdin(Files.readString(Path.of(GAME)), "nash-gap", "-", POLICY);
    assertThat(lines(r[1])).contains("NASHGAP 64/105", "NASHCONV 263/420", "MAXSTATEGAP 68/105", "CERTIFIED true",
        "GAP 0 0 1/30", "GAPRHO 1 64/105", "BR 0 0 0", "BR 1 1 0");
    String[] p = runWithStdin(Files.readString(Path.of(POLICY)), "eval", GAME, "-");
    assertThat(lines(p[1])).contains("V 0 0 22/15");
  }

  @Test
  void bestResponseOfOneAgent() {
    String[] r = run("best-response", GAME, POLICY, "--agent", "1");
    assertThat(r[0]).isEqualTo("0");
    assertThat(lines(r[1])).containsExactly("BR 1 0 1", "BR 1 1 0", "VSTAR 1 0 26/7", "VSTAR 1 1 18/7",
        "CERTIFIED true");
    assertThat(run("best-response", GAME, POLICY, "--agent", "2")[0]).isEqualTo("2");
  }

  @Test
  void certifyRoundsAFloatingPolicyAndCertifiesTheRoundedOne() {
    String[] r = run("nash-gap", GAME, FLOATING, "--certify");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> l = lines(r[1]);
    assertThat(l.get(0)).isEqualTo("ROUNDED 6");
    assertThat(l.get(1)).startsWith("L1 ");
    BigFraction l1 = ExactNumbers.parse(l.get(1).substring(3), "L1");
    // the doubles 3e-7, 1e-7, 1e-8 are rounded to 0 and their rows' largest entries to 1
    assertThat(ExactNumbers.decimal(l1, 3)).isEqualTo("8.20e-7");
    assertThat(l).contains("NASHGAP 0", "NASHCONV 0", "CERTIFIED true");
    // without --certify the floating file is refused: its rows do not sum to exactly 1
    String[] refused = run("nash-gap", GAME, FLOATING);
    assertThat(refused[0]).isEqualTo("2");
    assertThat(refused[2]).contains("policy[0][0]: pi_0(.|s=0) sums to");
    String[] json = run("nash-gap", GAME, FLOATING, "--certify", "--round-digits", "7", "--json");
    JsonNode doc = Json.parse(json[1], "out");
    assertThat(doc.get("rounding").get("decimalDigits").intValue()).isEqualTo(7);
    assertThat(doc.get("rounding").get("policy").get(0).get(0).get(0).textValue()).isEqualTo("3/10000000");
  }

  @Test
  void checkPotentialAcceptsAFileAndACatalogName() {
    String[] r = run("check-potential", GAME, "--trials", "10");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(lines(r[1]).get(0)).startsWith("MPG ");
    String[] c = run("check-potential", "distancing", "--agents", "3", "--trials", "5", "--json");
    JsonNode doc = Json.parse(c[1], "out");
    assertThat(doc.get("outcome").textValue()).isEqualTo("not-an-mpg");
    assertThat(doc.get("counterexample").get("verified").booleanValue()).isTrue();
  }

  @Test
  void learnWritesAReadableTrajectory(@TempDir Path dir) {
    Path out = dir.resolve("run.json");
    String[] r = run("learn", GAME, "--algorithm", "ipg", "--eta", "0.1", "--iterations", "30",
        "--stop-l1", "0", "--out", out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(lines(r[1])).contains("ITERATIONS 30", "STOPPED iterations", "CERTIFIED true", "OUT " + out);
    JsonNode doc = Json.parse(readString(out), "run");
    assertThat(doc.get("numbers").textValue()).isEqualTo("floating");
    assertThat(doc.get("records")).hasSize(31);
    List<Policy> history = PolicyHistoryFormat.read(doc, gameOf(), "run");
    assertThat(history).hasSize(31);
    assertThat(history.get(0)).isEqualTo(Policy.uniform(gameOf()));
  }

  @Test
  void exactLearningWritesExactIterates(@TempDir Path dir) {
    Path out = dir.resolve("run.json");
    String[] r = run("learn", GAME, "--algorithm", "q-ascent", "--eta", "1/10", "--iterations", "3", "--exact",
        "--out", out.toString(), "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode summary = Json.parse(r[1], "summary");
    assertThat(summary.get("kind").textValue()).isEqualTo("learn");
    JsonNode doc = Json.parse(readString(out), "run");
    assertThat(doc.get("numbers").textValue()).isEqualTo("exact");
    List<Policy> history = PolicyHistoryFormat.read(doc, gameOf(), "run");
    assertThat(history.size()).as("the start and 3 iterates").isEqualTo(4);
    assertThat(run("learn", GAME, "--algorithm", "inpg", "--eta", "1", "--iterations", "3", "--exact", "--out",
        out.toString())[0]).isEqualTo("2");
    assertThat(run("learn", GAME, "--algorithm", "sgd", "--eta", "1", "--iterations", "3", "--out",
        out.toString())[2]).contains("--algorithm sgd is unknown");
    assertThat(run("learn", GAME, "--algorithm", "ipg", "--eta", "-1", "--iterations", "3", "--out",
        out.toString())[2]).contains("--eta -1 must be > 0");
  }

  @Test
  void convertWritesCatalogReferencesAndTables(@TempDir Path dir) {
    String[] json = run("convert", "distancing", "--agents", "3", "--to", "json");
    JsonNode ref = Json.parse(json[1], "out");
    assertThat(ref.get("catalog").get("parameters").get("agents").intValue()).isEqualTo(3);
    Path table = dir.resolve("table.json");
    String[] t = run("convert", "distancing", "--agents", "3", "--to", "table", "--out", table.toString());
    assertThat(t[0]).as(t[2]).isEqualTo("0");
    assertThat(t[1]).isEmpty();
    MarkovGame fromTable = GameFormat.read(Json.parse(readString(table), "t"), "t");
    MarkovGame fromRef = GameFormat.read(ref, "r");
    assertThat(run("eval", table.toString(), "uniform")[1]).isEqualTo(run("eval", "distancing", "uniform",
        "--agents", "3")[1]);
    assertThat(fromTable.agentCount()).isEqualTo(fromRef.agentCount());
    // a file converted to json is a fixed point
    String once = run("convert", GAME, "--to", "json")[1];
    assertThat(runWithStdin(once, "convert", "-", "--to", "json")[1]).isEqualTo(once);
    assertThat(run("convert", GAME, "--to", "xml")[2]).contains("--to xml is unknown; known: json, table");
    assertThat(run("convert", GAME, "--agents", "3", "--to", "json")[2]).contains("--agents applies to catalog");
  }

  @Test
  void everyCommandHasHelpWithExitCodes() {
    for (String c : List.of("eval", "best-response", "nash-gap", "check-potential", "learn", "convert", "audit")) {
      String[] r = run(c, "--help");
      assertThat(r[0]).as(c).isEqualTo("0");
      assertThat(r[1]).as(c).contains("Usage: mpgref " + c).contains("Exit codes:");
    }
    assertThat(run("--help")[1]).contains("nash-gap").contains("Exit codes:");
  }

  @Test
  void labelsWithSpacesArePrintedAsJsonStrings() {
    assertThat(Tagged.label("safe")).isEqualTo("safe");
    assertThat(Tagged.label("go left")).isEqualTo("\"go left\"");
    assertThat(Tagged.label("#1")).isEqualTo("\"#1\"");
    assertThat(Tagged.label("a\"b")).isEqualTo("\"a\\\"b\"");
  }

  private static MarkovGame gameOf() {
    return GameFormat.read(Json.parse(readString(Path.of(GAME)), GAME), GAME);
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
