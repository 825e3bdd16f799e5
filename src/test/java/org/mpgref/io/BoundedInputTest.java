package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpgref.cli.Main;
import org.mpgref.game.InvalidGameException;
import org.mpgref.io.nfg.NfgReader;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * Issue 9, items 2 and 6: bounded input (size, digits, nesting, string length; JSON and .nfg, files and streams) and
 * names that cannot break an output line. Every refusal is one line naming the source and the entry or the limit
 * (with the option that raises it); through the CLI: exit code 2, one stderr line, nothing on stdout, no output file.
 */
class BoundedInputTest {
  static final String GAME = MalformedInputTest.GAME;

  /** An endless stream repeating a pattern after a prefix (never /dev/zero: portable and deterministic). */
  static InputStream endless(String prefix, String repeat) {
    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] unit = repeat.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      long pos;

      @Override
      public int read() {
        long p = pos++;
        return (p < head.length ? head[(int) p] : unit[(int) ((p - head.length) % unit.length)]) & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int k = 0; k < len; k++) {
          b[off + k] = (byte) read();
        }
        return len;
      }
    };
  }

  static String[] cli(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  static void assertRefused(String[] r, String... expected) {
    assertThat(r[0]).as("exit code; stderr: %s", r[2]).isEqualTo("2");
    assertThat(r[1]).as("stdout").isEmpty();
    assertThat(r[2]).startsWith("mpgref: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ")
        .doesNotContain("Source:").doesNotContain("jackson").doesNotContain("starting at");
    assertThat(r[2].strip()).as("one line").doesNotContain("\n").doesNotContain("\r");
  }

  // ---------------------------------------------------------------------------------------------- size

  @Test
  void anEndlessJsonStreamIsRefusedAtTheSizeLimitNamingTheOption() {
    String[] r = cli(endless("[0", ",0"), "eval", "-", "uniform");
    assertRefused(r, "<stdin>: the input needs more than 16777216 bytes; the limit is 16777216 bytes (raise it with"
        + " --max-input-bytes)");
  }

  @Test
  void theSizeLimitIsTheCurrentLimitForStreamsReadersAndStrings() {
    String doc = "[" + "0,".repeat(600) + "0]";
    try (Limits.Scope s = Limits.DEFAULT.withMaxInputBytes(1000).install()) {
      assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "a.json"))
          .isInstanceOf(LimitExceededException.class).hasMessageStartingWith("a.json: the input needs more than 1000")
          .hasMessageEndingWith("(raise it with --max-input-bytes)");
      assertThatThrownBy(() -> Json.parse(new java.io.StringReader(doc), "a.json"))
          .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-input-bytes");
      assertThatThrownBy(() -> Json.parse(doc, "a.json"))
          .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-input-bytes");
      // exactly at the limit is read
      String at = "[" + "0,".repeat(498) + "0]";
      assertThat(at.length()).isEqualTo(999);
      assertThat(Json.parse(new ByteArrayInputStream(at.getBytes(StandardCharsets.UTF_8)), "a").size()).isEqualTo(499);
      String exactly = at + " ";
      assertThat(Json.parse(new ByteArrayInputStream(exactly.getBytes(StandardCharsets.UTF_8)), "a").size())
          .isEqualTo(499);
      assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream((exactly + " ").getBytes(StandardCharsets.UTF_8)),
          "a")).isInstanceOf(LimitExceededException.class);
    }
  }

  @Test
  void anEndlessNfgStreamIsRefusedAtTheSizeLimit() {
    assertThatThrownBy(() -> NfgReader.read(endless("NFG 1 R \"t\" { \"A\" } { 1 }\n", "0 "), "<pipe>"))
        .isInstanceOf(LimitExceededException.class)
        .hasMessage("<pipe>: the input needs more than 16777216 bytes; the limit is 16777216 bytes (raise it with"
            + " --max-input-bytes)");
    try (Limits.Scope s = Limits.DEFAULT.withMaxInputBytes(100).install()) {
      assertThatThrownBy(() -> NfgReader.read(endless("", "\u0000"), "z.nfg"))
          .isInstanceOf(LimitExceededException.class).hasMessageStartingWith("z.nfg: the input needs more than 100");
      assertThatThrownBy(() -> NfgReader.parse("NFG 1 R \"" + "x".repeat(200) + "\"", "z.nfg"))
          .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-input-bytes");
    }
  }

  @Test
  void anNfgFileAboveTheLimitIsRefusedThroughTheCli(@TempDir Path dir) throws IOException {
    Path nfg = dir.resolve("big.nfg");
    try (Limits.Scope s = Limits.DEFAULT.withMaxInputBytes(64).install()) {
      Files.writeString(nfg, "NFG 1 R \"t\" { \"A\" } { 1 }\n" + "0 ".repeat(40));
      assertThatThrownBy(() -> NfgReader.read(nfg)).isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith(nfg + ": the input needs more than 64 bytes");
    }
  }

  // ---------------------------------------------------------------------------------------------- digits

  static Stream<Arguments> digitBombs() {
    String big = "3".repeat(20_000);
    return Stream.of(
        Arguments.of("1/<20,000 digits> reward", GAME.replace("[3, 0, 0, 1, 1, 0, 1, 1]",
            "[3, 0, 0, 1, 1, \"1/" + big + "\", 1, 1]"),
            "rewards[1][5]: the denominator of \"1/333", "needs 20000 digits; the limit is 10000 digits (raise it"
            + " with --max-digits)"),
        Arguments.of("50,000-digit gamma", GAME.replace("\"gamma\": \"1/2\"", "\"gamma\": \"0." + "4".repeat(50_000)
            + "\""), "gamma: the denominator of \"0.444", "(raise it with --max-digits)"),
        Arguments.of("100,000-character decimal string", GAME.replace("\"gamma\": \"1/2\"", "\"gamma\": \"1"
            + "1".repeat(99_999) + ".5\""), "gamma: the numerator of \"111", "(raise it with --max-digits)"),
        Arguments.of("JSON number 1e20000", GAME.replace("\"gamma\": \"1/2\"", "\"gamma\": 1e20000"),
            "gamma: the number \"1e20000\" needs 20001 digits", "(raise it with --max-digits)"),
        Arguments.of("JSON decimal with a 20,000-digit denominator", GAME.replace("[2, 2, 0, 0, 0, 1, 1, 3]",
            "[2, 2, 0, 0, 0, 1, 1, 0." + "0".repeat(19_999) + "1]"), "rewards[0][7]: the denominator of \"0.000",
            "needs 20001 digits"),
        Arguments.of("20,000-digit JSON integer", GAME.replace("[2, 2, 0, 0, 0, 1, 1, 3]", "[2, 2, 0, 0, 0, 1, 1, "
            + "9".repeat(20_000) + "]"), "rewards[0][7]: the integer \"999", "needs 20000 digits"),
        Arguments.of("annotated number", GAME.replace("\"gamma\": \"1/2\"", "\"gamma\": {\"exact\": \"1/" + big
            + "\", \"decimal\": \"0.5\"}"), "gamma.exact: the denominator of", "needs 20000 digits"),
        Arguments.of("policy-free rho decimal 1e-20000", GAME.replace("\"rho\": [\"1/2\", \"1/2\"]",
            "\"rho\": [\"1e-20000\", \"1/2\"]"), "rho[0]: the denominator of \"1e-20000\" needs 20001 digits", "(raise it with --max-digits)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("digitBombs")
  void digitBombsAreRefusedFastNamingTheEntryAndTheLimit(String kind, String text, String entry, String limit,
      @TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> GameFormat.read(new java.io.StringReader(text), "g.json"))
        .isInstanceOf(LimitExceededException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("g.json: " + entry).contains(limit)
            .doesNotContain("\n"));
    Path game = dir.resolve("g.json");
    Files.writeString(game, text);
    Path out = dir.resolve("out.json");
    assertRefused(cli(InputStream.nullInputStream(), "convert", game.toString(), "--to", "table", "--out",
        out.toString()), game + ": " + entry, limit);
    assertThat(out).doesNotExist();
    assertRefused(cli(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "eval", "-", "uniform"),
        "<stdin>: " + entry, limit);
  }

  @Test
  void policyNumbersAreDigitLimited(@TempDir Path dir) throws IOException {
    Path game = dir.resolve("g.json");
    Path policy = dir.resolve("p.json");
    Files.writeString(game, GAME);
    Files.writeString(policy, MalformedInputTest.POLICY.replace("[\"1/3\", \"2/3\"]", "[\"1/" + "3".repeat(10_001)
        + "\", \"2/3\"]"));
    assertRefused(cli(InputStream.nullInputStream(), "eval", game.toString(), policy.toString()),
        policy + ": policy[1][0][0]: the denominator of \"1/333", "needs 10001 digits; the limit is 10000 digits");
  }

  @Test
  void nfgPayoffsAreDigitLimitedWithTheirPosition() {
    String payoff = "1" + "0".repeat(1_000_000);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> NfgReader.parse("NFG 1 R \"t\" { \"A\" } { 2 }\n1 " + payoff + "\n", "g.nfg"))
        .isInstanceOf(LimitExceededException.class)
        .hasMessage("g.nfg:2:3: the number \"1" + "0".repeat(39) + "...\" needs 1000001 digits; the limit is 10000"
            + " digits (raise it with --max-digits)")
        .satisfies(e -> assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L));
    assertThatThrownBy(() -> NfgReader.parse("NFG 1 R \"t\" { \"A\" } { 1 }\n1/" + "7".repeat(20_000) + "\n",
        "g.nfg")).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("g.nfg:2:1: the denominator of '1/777").hasMessageContaining("needs 20000 digits");
    assertThatThrownBy(() -> NfgReader.parse("NFG 1 R \"t\" { \"A\" } { 1 }\n1e-20000\n", "g.nfg"))
        .isInstanceOf(LimitExceededException.class).hasMessageStartingWith("g.nfg:2:1: the denominator");
    // below the limit: read exactly
    assertThat(NfgReader.parse("NFG 1 R \"t\" { \"A\" } { 1 }\n1e9999\n", "g.nfg").payoff(new int[] {0}, 0))
        .isEqualTo(org.apache.commons.numbers.fraction.BigFraction.of(java.math.BigInteger.TEN.pow(9999)));
  }

  // ---------------------------------------------------------------------------------------------- shape

  @Test
  void deepNestingAndLongStringsAreRefusedWithThePositionAndTheLimit() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThatThrownBy(() -> Json.parse(deep, "d.json")).isInstanceOf(FormatException.class)
        .hasMessageStartingWith("d.json: line 1, column ")
        .hasMessageContaining("nesting deeper than 64 arrays and objects; the limit is 64 levels");
    assertThat(Json.parse("[".repeat(64) + "]".repeat(64), "d.json").isArray()).isTrue();
    String longString = "[\"" + "x".repeat(Json.MAX_STRING + 1) + "\"]";
    assertThatThrownBy(() -> Json.parse(longString, "s.json")).isInstanceOf(FormatException.class)
        .hasMessageContaining("a string longer than 1000000 characters");
    String longKey = "{\"" + "k".repeat(Json.MAX_STRING + 1) + "\": 1}";
    assertThatThrownBy(() -> Json.parse(longKey, "s.json")).isInstanceOf(FormatException.class)
        .hasMessageContaining("longer than 1000000 characters; the limit is 1000000 characters");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"[1, 2", "{\"a\": [1, {\"b\": ", "{\"a\": 1, \"a\": 2}",
      "[1] [2]", "{\"a\" 1}", "[\"abc", "{\"a\": tru}", "[1,]"})
  void jacksonInternalsNeverReachTheMessage(String doc) {
    assertThatThrownBy(() -> Json.parse(doc, "j.json")).isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("j.json: line 1, column ").doesNotContain("Source")
            .doesNotContain("REDACTED").doesNotContain("jackson").doesNotContain("starting at")
            .doesNotContain("StreamReadConstraints").doesNotContain("\n"));
  }

  @Test
  void invalidUtf8IsLocatedAtTheBadByte() {
    byte[] bytes = "{\n  \"name\": \"g\u00e9X\"}".getBytes(StandardCharsets.UTF_8);
    int at = bytes.length - 3; // the X
    bytes[at] = (byte) 0xFF;
    assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(bytes), "u.json"))
        .isInstanceOf(FormatException.class)
        .hasMessage("u.json: line 2, column 14 (byte " + (at + 1) + "): byte 0xFF is not valid UTF-8 here; the input"
            + " must be UTF-8 text");
    byte[] truncated = {'[', '"', (byte) 0xE2, (byte) 0x82};
    assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(truncated), "t.json"))
        .isInstanceOf(FormatException.class).hasMessageStartingWith("t.json: line 1, column 3 (byte 3): byte 0xE2");
  }

  // ---------------------------------------------------------------------------------------------- names

  static final String[] FORBIDDEN = {"\r", "\n", "\u0000", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028",
      "\u2029", "\t"};

  static Stream<Arguments> forgedNames() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String c : FORBIDDEN) {
      String hex = String.format("U+%04X", (int) c.charAt(0));
      String j = Text.quote("x" + c + "NASHGAP 0");
      b.add(Arguments.of("name " + hex, GAME.replace("\"name\": \"g\"", "\"name\": " + j), "name: the game name"
          + " contains the control character " + hex + " at character 2"));
      b.add(Arguments.of("agent label " + hex, GAME.replace("{\"label\": \"1\"", "{\"label\": " + j),
          "agents[1].label: label contains the control character " + hex));
      b.add(Arguments.of("action label " + hex, GAME.replace("\"actions\": [\"0\", \"1\"]}]",
          "\"actions\": [\"0\", " + j + "]}]"), "agents[1].actions[1]: label contains the control character " + hex));
      b.add(Arguments.of("state label " + hex, GAME.replace("\"states\": [\"0\", \"1\"]", "\"states\": [" + j
          + ", \"1\"]"), "states[0]: label contains the control character " + hex));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgedNames")
  void namesAndLabelsWithControlCharactersAreRefusedAtReadTime(String kind, String text, String expected,
      @TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> GameFormat.read(new java.io.StringReader(text), "g.json"))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("g.json: " + expected));
    Path game = dir.resolve("g.json");
    Files.writeString(game, text);
    assertRefused(cli(InputStream.nullInputStream(), "eval", game.toString(), "uniform"), game + ": " + expected);
  }

  @Test
  void nfgNamesWithControlCharactersAreRefusedNamingTheEntry() {
    for (String c : FORBIDDEN) {
      String hex = String.format("U+%04X", (int) c.charAt(0));
      String n = "x" + c + "y";
      refusesNfg("NFG 1 R \"" + n + "\" { \"A\" } { 1 }\n0\n", "g.nfg:1:9: the title contains the control character "
          + hex + " at character 2");
      refusesNfg("NFG 1 R \"t\" { \"A\" \"" + n + "\" } { 1 1 }\n0 0\n", "g.nfg:1:19: the name of player 2 contains"
          + " the control character " + hex);
      refusesNfg("NFG 1 R \"t\" { \"A\" } { { \"u\" \"" + n + "\" } }\n0 0\n", "g.nfg:1:29: strategy 2 of player 1"
          + " contains the control character " + hex);
      refusesNfg("NFG 1 R \"t\" { \"A\" } { 1 }\n{ { \"" + n + "\" 1 } }\n1\n", "g.nfg:2:5: the name of outcome 1"
          + " contains the control character " + hex);
    }
    // the comment may hold line breaks: it is never printed
    assertThat(NfgReader.parse("NFG 1 R \"t\" { \"A\" } { 1 } \"line 1\nline 2\u001b\"\n0\n", "g.nfg").comment())
        .contains("line 1\nline 2\u001b");
  }

  private static void refusesNfg(String text, String expected) {
    assertThatThrownBy(() -> NfgReader.parse(text, "g.nfg")).isInstanceOf(InvalidGameException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith(expected).doesNotContain("\n").doesNotContain("\r")
            .doesNotContain("\u0085").doesNotContain("\u2028").doesNotContain("\u001b"));
  }

  @Test
  void jsonOutputEscapesEveryLineBreakingCharacter() {
    com.fasterxml.jackson.databind.node.ObjectNode o = Json.nodes().objectNode();
    o.put("name", "a\u0085b\u2028c\u2029d\u001be\u007ff\rg");
    for (String text : new String[] {Json.write(o), Json.writeLine(o)}) {
      assertThat(text.strip()).doesNotContain("\u0085").doesNotContain("\u2028").doesNotContain("\u2029")
          .doesNotContain("\u001b").doesNotContain("\u007f").doesNotContain("\r");
      assertThat(Json.parse(text, "o").get("name").textValue()).isEqualTo(o.get("name").textValue());
    }
    assertThat(Json.writeLine(o)).doesNotContain("\n");
  }
}
