package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpgref.cli.Main;
import org.mpgref.game.MarkovGame;

/**
 * Issue 3 part 6: every class of malformed input is refused with a one-line message naming the entry, through the
 * API ({@link FormatException}) and through the command line (exit code 2, one line on stderr, nothing on stdout, no
 * output file and no temporary file left behind).
 */
class MalformedInputTest {
  static final String GAME = "{\"format\": \"mpgref-game/1\", \"name\": \"g\","
      + " \"agents\": [{\"label\": \"0\", \"actions\": [\"0\", \"1\"]}, {\"label\": \"1\", \"actions\": [\"0\", \"1\"]}],"
      + " \"states\": [\"0\", \"1\"], \"gamma\": \"1/2\", \"rho\": [\"1/2\", \"1/2\"],"
      + " \"jointActionOrder\": \"agent0-fastest\","
      + " \"rewards\": [[2, 2, 0, 0, 0, 1, 1, 3], [3, 0, 0, 1, 1, 0, 1, 1]],"
      + " \"transitions\": [[[1, 0], [\"1/2\", \"1/2\"], [\"1/2\", \"1/2\"], [1, 0]],"
      + " [[1, 0], [\"1/2\", \"1/2\"], [\"1/2\", \"1/2\"], [0, 1]]]}";
  static final String POLICY = "{\"format\": \"mpgref-policy/1\", \"policy\": [[[\"1/2\", \"1/2\"], [0, 1]],"
      + " [[\"1/3\", \"2/3\"], [0, 1]]]}";

  /** (class of malformed input, game text, text the one-line message must contain). */
  static Stream<Arguments> badGames() {
    StringBuilder huge = new StringBuilder("{\"format\": \"mpgref-game/1\", \"agents\": [");
    for (int i = 0; i < 6; i++) {
      huge.append(i > 0 ? ", " : "").append("{\"actions\": [");
      for (int a = 0; a < 30; a++) {
        huge.append(a > 0 ? ", " : "").append("\"a").append(a).append('"');
      }
      huge.append("]}");
    }
    huge.append("], \"states\": [\"s\"], \"gamma\": 0, \"rho\": [1], \"jointActionOrder\": \"agent0-fastest\","
        + " \"rewards\": [[]], \"transitions\": [[]]}");
    return Stream.of(
        Arguments.of("bad JSON", GAME.replace("\"gamma\": \"1/2\",", "\"gamma\": \"1/2\",,"), "g.json: line 1, column"),
        Arguments.of("wrong format tag", GAME.replace("mpgref-game/1", "mpgref-policy/1"),
            "g.json: format: is \"mpgref-policy/1\"; expected \"mpgref-game/1\""),
        Arguments.of("unknown version", GAME.replace("mpgref-game/1", "mpgref-game/2"),
            "g.json: format: \"mpgref-game/2\" is a version this reader does not know"),
        Arguments.of("missing field", GAME.replace("\"gamma\": \"1/2\", ", ""), "g.json: gamma: missing field"),
        Arguments.of("unknown field", GAME.replace("\"gamma\"", "\"gama\": 0, \"gamma\""), "g.json: gama: unknown field"),
        Arguments.of("negative probability", GAME.replace("[[1, 0], [\"1/2\", \"1/2\"], [\"1/2\", \"1/2\"], [0, 1]]",
            "[[1, 0], [\"-1/2\", \"3/2\"], [\"1/2\", \"1/2\"], [0, 1]]"),
            "g.json: transitions[1][1][0]: -1/2 is negative; probabilities must be >= 0"),
        Arguments.of("row not summing to 1", GAME.replace("[[1, 0], [\"1/2\", \"1/2\"], [\"1/2\", \"1/2\"], [0, 1]]",
            "[[1, 0], [\"1/2\", \"1/4\"], [\"1/2\", \"1/2\"], [0, 1]]"),
            "g.json: transitions[1][1]: P(.|s=1,a=(1,0)) sums to 3/4; it must sum to exactly 1"),
        Arguments.of("rho not summing to 1", GAME.replace("\"rho\": [\"1/2\", \"1/2\"]", "\"rho\": [\"0.5\", \"0.4\"]"),
            "g.json: rho: rho sums to 9/10; it must sum to exactly 1"),
        Arguments.of("wrong dimension (rho)", GAME.replace("\"rho\": [\"1/2\", \"1/2\"]", "\"rho\": [\"1/2\", \"1/2\", 0]"),
            "g.json: rho: has 3 entries; expected 2"),
        Arguments.of("wrong dimension (rewards)", GAME.replace("[2, 2, 0, 0, 0, 1, 1, 3]", "[2, 2, 0, 0, 0, 1, 1]"),
            "g.json: rewards[0]: has 7 entries; expected 8"),
        Arguments.of("wrong dimension (transition row)", GAME.replace("[[1, 0], [\"1/2\", \"1/2\"], [\"1/2\", \"1/2\"], [1, 0]]",
            "[[1, 0, 0], [\"1/2\", \"1/2\"], [\"1/2\", \"1/2\"], [1, 0]]"), "g.json: transitions[0][0]: has 3 entries"),
        Arguments.of("gamma = 1", GAME.replace("\"gamma\": \"1/2\"", "\"gamma\": 1"),
            "g.json: gamma: 1 is outside [0, 1)"),
        Arguments.of("gamma > 1", GAME.replace("\"gamma\": \"1/2\"", "\"gamma\": \"1.01\""),
            "g.json: gamma: 101/100 is outside [0, 1)"),
        Arguments.of("non-numeric string", GAME.replace("[3, 0, 0, 1, 1, 0, 1, 1]", "[3, 0, \"zero\", 1, 1, 0, 1, 1]"),
            "g.json: rewards[1][2]: \"zero\" is not a number"),
        Arguments.of("1/0", GAME.replace("[3, 0, 0, 1, 1, 0, 1, 1]", "[3, 0, \"1/0\", 1, 1, 0, 1, 1]"),
            "g.json: rewards[1][2]: \"1/0\" has denominator 0"),
        Arguments.of("NaN token", GAME.replace("[3, 0, 0, 1, 1, 0, 1, 1]", "[3, 0, NaN, 1, 1, 0, 1, 1]"),
            "g.json: line 1, column"),
        Arguments.of("NaN string", GAME.replace("[3, 0, 0, 1, 1, 0, 1, 1]", "[3, 0, \"NaN\", 1, 1, 0, 1, 1]"),
            "g.json: rewards[1][2]: \"NaN\" is not a number"),
        Arguments.of("Infinity string", GAME.replace("\"gamma\": \"1/2\"", "\"gamma\": \"-Infinity\""),
            "g.json: gamma: \"-Infinity\" is not a number"),
        Arguments.of("oversized table", huge.toString(), "g.json: agents: a table of 1 states x 729000000 joint"
            + " actions"),
        Arguments.of("truncated stream", GAME.substring(0, GAME.length() / 2), "the input ends too early"),
        Arguments.of("empty input", "", "g.json: line 1, column 1: the input is empty"),
        Arguments.of("duplicate key", GAME.replace("\"name\": \"g\",", "\"name\": \"g\", \"name\": \"h\","),
            "Duplicate field 'name'"),
        Arguments.of("trailing tokens", GAME + " {}", "g.json: line 1, column"),
        Arguments.of("not an object", "[1, 2]", "g.json: (document): is an array; expected an object"),
        Arguments.of("wrong joint-action order", GAME.replace("agent0-fastest", "agent0-slowest"),
            "g.json: jointActionOrder: is \"agent0-slowest\""),
        Arguments.of("duplicate label", GAME.replace("\"states\": [\"0\", \"1\"]", "\"states\": [\"0\", \"0\"]"),
            "g.json: states[1]: label \"0\" repeats entry 0"),
        Arguments.of("label with a line break", GAME.replace("\"states\": [\"0\", \"1\"]", "\"states\": [\"0\", \"a\\nb\"]"),
            "g.json: states[1]: label contains the control character U+000A at character 2"),
        Arguments.of("name forging a result line", GAME.replace("\"name\": \"g\"", "\"name\": \"x\\rNASHGAP 0\""),
            "g.json: name: the game name contains the control character U+000D at character 2"),
        Arguments.of("agent label with NEL", GAME.replace("{\"label\": \"1\"", "{\"label\": \"a\u0085b\""),
            "g.json: agents[1].label: label contains the control character U+0085 at character 2"),
        Arguments.of("action label with ESC", GAME.replace("[\"0\", \"1\"]}]", "[\"0\", \"\\u001b[2J\"]}]"),
            "g.json: agents[1].actions[1]: label contains the control character U+001B at character 1"),
        Arguments.of("state label with U+2028", GAME.replace("\"states\": [\"0\", \"1\"]",
            "\"states\": [\"0\", \"a\u2028b\"]"), "g.json: states[1]: label contains the control character U+2028"),
        Arguments.of("nesting bomb", "[".repeat(5000) + "]".repeat(5000), "g.json: line 1, column 66: nesting deeper"
            + " than 64 arrays and objects; the limit is 64 levels"),
        Arguments.of("string bomb", GAME.replace("\"name\": \"g\"", "\"name\": \"" + "n".repeat(1_000_001) + "\""),
            "longer than 1000000 characters; the limit is 1000000 characters"),
        Arguments.of("duplicate key with another type",
            GAME.replace("\"name\": \"g\"", "\"name\": \"g\", \"name\": 1"), "Duplicate field 'name'"));
  }

  /** (class, policy text for the valid GAME, text the message must contain). */
  static Stream<Arguments> badPolicies() {
    return Stream.of(
        Arguments.of("negative probability", POLICY.replace("[\"1/3\", \"2/3\"]", "[\"-1/3\", \"4/3\"]"),
            "p.json: policy[1][0][0]: -1/3 is negative"),
        Arguments.of("row not summing to 1", POLICY.replace("[\"1/3\", \"2/3\"]", "[\"1/3\", \"1/3\"]"),
            "p.json: policy[1][0]: pi_1(.|s=0) sums to 2/3; it must sum to exactly 1"),
        Arguments.of("wrong dimension (agents)", POLICY.replace("[[\"1/3\", \"2/3\"], [0, 1]]]",
            "[[\"1/3\", \"2/3\"], [0, 1]], [[1, 0], [1, 0]]]"), "p.json: policy: has 3 entries; the game has 2 agents"),
        Arguments.of("wrong dimension (actions)", POLICY.replace("[\"1/3\", \"2/3\"]", "[\"1/3\", \"2/3\", 0]"),
            "p.json: policy[1][0]: has 3 entries; the game has 2 actions"),
        Arguments.of("wrong format tag", POLICY.replace("mpgref-policy/1", "mpgref-game/1"), "p.json: format: "),
        Arguments.of("missing field", "{\"format\": \"mpgref-policy/1\"}", "p.json: policy: missing field"),
        Arguments.of("decimal that does not sum", POLICY.replace("[\"1/3\", \"2/3\"]", "[0.333, 0.666]"),
            "p.json: policy[1][0]: pi_1(.|s=0) sums to 999/1000"),
        Arguments.of("truncated stream", POLICY.substring(0, POLICY.length() - 3), "the input ends too early"));
  }

  private static String[] cli(Path dir, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  private static void assertRefused(String[] r, String expected) {
    assertThat(r[0]).as("exit code; stderr: %s", r[2]).isEqualTo("2");
    assertThat(r[1]).as("stdout").isEmpty();
    assertThat(r[2]).startsWith("mpgref: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r[2].strip()).as("one line").doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badGames")
  void badGamesAreRefusedWithOneLineNamingTheEntry(String kind, String text, String expected, @TempDir Path dir)
      throws IOException {
    assertThatThrownBy(() -> GameFormat.read(new java.io.StringReader(text), "g.json"))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(expected).doesNotContain("\n"));
    Path game = dir.resolve("g.json");
    Files.writeString(game, text);
    Path out = dir.resolve("out.json");
    String[] r = cli(dir, "", "convert", game.toString(), "--to", "table", "--out", out.toString());
    assertRefused(r, expected.replace("g.json", game.toString()));
    assertThat(out).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("g.json");
    }
    // the same through stdin, for a results command
    String[] viaStdin = cli(dir, text, "eval", "-", "uniform");
    assertRefused(viaStdin, expected.replace("g.json", "<stdin>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPolicies")
  void badPoliciesAreRefusedWithOneLineNamingTheEntry(String kind, String text, String expected, @TempDir Path dir)
      throws IOException {
    MarkovGame g = GameFormat.read(new java.io.StringReader(GAME), "g.json");
    assertThatThrownBy(() -> PolicyFormat.read(new java.io.StringReader(text), g, "p.json"))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(expected).doesNotContain("\n"));
    Path game = dir.resolve("g.json");
    Path policy = dir.resolve("p.json");
    Files.writeString(game, GAME);
    Files.writeString(policy, text);
    for (String command : List.of("eval", "nash-gap", "best-response")) {
      assertRefused(cli(dir, "", command, game.toString(), policy.toString()),
          expected.replace("p.json", policy.toString()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badGames")
  void learnWritesNoTrajectoryForABadGame(String kind, String text, String expected, @TempDir Path dir)
      throws IOException {
    Path game = dir.resolve("g.json");
    Files.writeString(game, text);
    Path out = dir.resolve("run.json");
    String[] r = cli(dir, "", "learn", game.toString(), "--algorithm", "ipg", "--eta", "0.1", "--iterations", "2",
        "--out", out.toString());
    assertRefused(r, expected.replace("g.json", game.toString()));
    assertThat(out).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void invalidUtf8IsRefused(@TempDir Path dir) throws IOException {
    Path game = dir.resolve("g.json");
    byte[] bytes = GAME.replace("\"name\": \"g\"", "\"name\": \"gXX\"").getBytes(StandardCharsets.UTF_8);
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = s.indexOf("gXX") + 1;
    bytes[at] = (byte) 0xC3;
    bytes[at + 1] = (byte) 0x28; // invalid continuation byte
    Files.write(game, bytes);
    assertRefused(cli(dir, "", "eval", game.toString(), "uniform"), game + ": line 1, column " + (at + 1) + " (byte "
        + (at + 1) + "): byte 0xC3 is not valid UTF-8");
  }

  @org.junit.jupiter.api.Test
  void missingFilesAndDirectoriesAreRefused(@TempDir Path dir) {
    assertRefused(cli(dir, "", "eval", dir.resolve("nope.json").toString(), "uniform"), "no such file");
    assertRefused(cli(dir, "", "eval", dir.toString(), "uniform"), "is a directory");
    assertRefused(cli(dir, GAME, "eval", "-", "-"), "stdin (-) can be given only once");
  }
}
