package org.mpgref.io.nfg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.mpgref.game.InvalidGameException;

/**
 * Every class of malformed {@code .nfg} input is refused with an {@link InvalidGameException} whose message is one
 * line of the form {@code source:L:C: what was expected / which rule is broken}; the line and column (1-based) of each
 * case are asserted exactly (worked out by hand from the text of the case, as in the comments).
 */
class NfgReaderErrorTest {
  /** Header of a 2-player 2x2 payoff-version file, on line 1; the body starts on line 2. */
  private static final String H = "NFG 1 R \"g\" { \"A\" \"B\" } { 2 2 }\n";
  /** A 2x2 outcome-version file up to its outcome list (lines 1-5); the indices start on line 6. */
  private static final String O = "NFG 1 R \"g\" { \"A\" \"B\" } { { \"1\" \"2\" } { \"1\" \"2\" } }\n"
      + "{\n{ \"x\" 1, 2 }\n{ \"y\" 3, 4 }\n}\n";

  /**
   * Asserts the refusal.
   *
   * @param text the file
   * @param position the expected "L:C"
   * @param fragments text the message must contain
   */
  private static void refuses(String text, String position, String... fragments) {
    InvalidGameException thrown = null;
    try {
      NfgReader.read(new StringReader(text), "e.nfg");
    } catch (InvalidGameException e) {
      thrown = e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(thrown).as("refused: %s", text).isNotNull();
    String m = thrown.getMessage();
    assertThat(m).as("one line").doesNotContain("\n").doesNotContain("\r");
    assertThat(m).startsWith("e.nfg:" + position + ": ");
    for (String f : fragments) {
      assertThat(m).contains(f);
    }
  }

  /**
   * The memory a game will need is checked from the header, before any payoff is read: one player with 8·10^6
   * strategies (a 16 MB file within the input limit) is refused at the strategy counts, not after reading 8·10^6
   * payoffs (which ran a 1 GB heap out of memory).
   */
  @Test
  void tooLargeFromTheHeaderBeforeAnyPayoff() {
    refuses("NFG 1 R \"wide\" { \"P1\" } { 8000000 }\n1 2 3", "1:25", "too large", "8000000 joint actions",
        "bytes");
  }

  @Test
  void missingHeader() {
    refuses("GFN 1 R \"g\" { \"A\" } { 1 } 1", "1:1", "missing header", "expected 'NFG'", "found 'GFN'");
    refuses("", "1:1", "missing header", "found end of input");
    refuses("\n\n  EFG 2 R", "3:3", "missing header");
  }

  @Test
  void wrongVersionOrDataType() {
    refuses("NFG 2 R \"g\" { \"A\" } { 1 } 1", "1:5", "unsupported version", "'1'", "found number 2");
    refuses("NFG 1.0 R \"g\" { \"A\" } { 1 } 1", "1:5", "unsupported version");
    refuses("NFG 1 Q \"g\" { \"A\" } { 1 } 1", "1:7", "data type 'R' or 'D'", "found 'Q'");
    refuses("NFG 1 R { \"A\" } { 1 } 1", "1:9", "expected the game title", "found '{'");
  }

  @Test
  void badTokens() {
    // line 2: 1 2 3 4 5 6x -> '6x' starts at column 11
    refuses(H + "1 2 3 4 5 6x 7 8\n", "2:11", "'6x' is not a number");
    refuses(H + "1 +2 3 4 5 6 7 8\n", "2:3", "'+2'", "leading '+'", "Gambit rejects");
    refuses(H + "1 2 1e+3 4 5 6 7 8\n", "2:5", "'1e+3'", "exponent", "'+' sign", "write '1e3'");
    // a word where a player name belongs: N1 F2 G3 _4 '1'5 _6 R7 _8 "9 g10 "11 _12 {13 _14 "15 A16 "17 _18 B19
    refuses("NFG 1 R \"g\" { \"A\" B }", "1:19", "expected a player name", "found 'B'");
    // a word in the body
    refuses(H.replace("\n", "\r\n") + "1 2 3\r\n4 x\r\n", "3:3", "expected payoff 5 of 8", "player 1",
        "contingency (1,2)", "found 'x'");
    refuses(H + "1 2 3 { }", "2:7", "expected payoff 4 of 8 (player 2 at contingency (2,1))", "found '{'");
  }

  @Test
  void unterminatedString() {
    // the string opened at column 19 ("B ...) never closes
    refuses("NFG 1 R \"g\" { \"A\" \"B } { 2 2 }\n1 2 3 4 5 6 7 8\n", "1:19", "unterminated string");
    refuses("NFG 1 R \"g\" { \"A\" } { 1 } \"comment \\\"", "1:27", "unterminated string");
  }

  @Test
  void wrongNumberOfPayoffs() {
    refuses(H + "1 2 3 4 5 6 7\n", "3:1", "too few payoffs", "expected 8 (2 players x 4 contingencies)", "found 7");
    refuses(H + "1 2 3 4 5 6 7", "2:14", "too few payoffs", "found 7");
    refuses(H + "1 2 3 4 5 6 7 8 9\n", "2:17", "too many payoffs", "expected 8", "found 9",
        "the first extra one is here");
    refuses(H + "1 2 3 4 5 6 7 8 9 10 11\n", "2:17", "too many payoffs", "expected 8", "found 11");
    refuses(H, "2:1", "too few payoffs", "found 0");
  }

  @Test
  void wrongNumberOfPayoffsInAnOutcome() {
    String head = "NFG 1 R \"g\" { \"A\" \"B\" } { 1 1 }\n{\n";
    // { "x" 1 }: '}' at column 9
    refuses(head + "{ \"x\" 1 }\n}\n1\n", "3:9", "outcome 1 (\"x\") has 1 payoff; expected 2 (one per player)");
    // { "x" 1, 2, 3 }: '3' at column 13
    refuses(head + "{ \"x\" 1, 2, 3 }\n}\n1\n", "3:13", "outcome 1 (\"x\") has more than 2 payoffs; expected 2");
    refuses(head + "{ \"x\" 1 2 3 }\n}\n1\n", "3:11", "more than 2 payoffs");
    // { "x" 1, 2, }: the comma at column 11
    refuses(head + "{ \"x\" 1, 2, }\n}\n1\n", "3:11", "',' after the last payoff of outcome 1 is not allowed");
    refuses(head + "{ 1, 2 }\n}\n1\n", "3:3", "expected the name of outcome 1", "found number 1");
    refuses(head + "{ \"x\" , 1, 2 }\n}\n1\n", "3:7", "expected the payoff of player 1 in outcome 1", "found ','");
    refuses(head + "{ \"x\\ny\" 1 }\n}\n1\n", "3:12", "(\"x\\ny\") has 1 payoff");
    // a real line break inside the name is refused where the name starts (names are printable text)
    refuses(head + "{ \"x\ny\" 1 }\n}\n1\n", "3:3", "the name of outcome 1 contains the control character U+000A");
  }

  @Test
  void outcomeIndexOutOfRangeOrMalformed() {
    // line 6: "1 2 3 0": '3' at column 5, contingency 2 = (1,2)
    refuses(O + "1 2 3 0\n", "6:5", "outcome index 3 at contingency (1,2) is out of range",
        "the file defines 2 outcomes", "valid: 0..2");
    refuses(O + "1 2.0 1 0\n", "6:3", "outcome index must be a non-negative integer", "found number 2.0");
    refuses(O + "-1 2 1 0\n", "6:1", "non-negative integer");
    refuses(O + "1 2 1\n", "7:1", "too few outcome indices", "expected 4 (one per contingency)", "found 3");
    refuses(O + "1 2 1 0 2\n", "6:9", "too many outcome indices", "expected 4 (one per contingency), found 5");
    refuses(O + "1 2 \"x\" 0\n", "6:5", "expected the outcome index of contingency (1,2)", "found string \"x\"");
  }

  @Test
  void emptyOrMiscountedStrategySets() {
    // ... }23 _24 {25 _26 {27 _28 "29 1 "31 _32 }33 _34 {35
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { { \"1\" } { } }\n1 2\n", "1:35", "empty strategy set",
        "player 2 (\"B\") has no strategies");
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { 2 0 }\n", "1:29", "empty strategy set",
        "player 2 (\"B\") has 0 strategies");
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { { \"1\" } }\n1 2\n", "1:35", "too few strategy lists",
        "expected 2 (one per player), found 1");
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { { \"1\" } { \"1\" } { \"1\" } }\n", "1:43", "too many strategy lists");
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { 2 2 2 }\n", "1:31", "too many strategy counts");
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { 2 }\n", "1:29", "too few strategy counts", "found 1");
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { 2 1.5 }\n", "1:29", "strategy count must be a positive integer");
    refuses("NFG 1 R \"g\" { } { }\n", "1:13", "no players");
    refuses("NFG 1 R \"g\" { \"A\" \"B\" } { 100000 100000 }\n", "1:25", "too large",
        "100000x100000 give 10000000000 contingencies x 3",
        "limited to 50000000 entries");
  }

  @Test
  void divisionByZero() {
    refuses(H + "1 2 3/0 4 5 6 7 8\n", "2:5", "'3/0' divides by zero");
    refuses("NFG 1 R \"g\" { \"A\" } { 1 }\n{ { \"x\" -1/0 } }\n1\n", "2:9", "'-1/0' divides by zero");
  }

  @Test
  void trailingGarbage() {
    refuses(H + "1 2 3 4 5 6 7 8 end\n", "2:17", "trailing text", "after the 8 payoffs", "found 'end'");
    refuses(O + "1 2 1 0\n\"x\"", "7:1", "trailing text", "after the 4 outcome indices", "found string \"x\"");
    refuses(H + "\"comment\" \"again\" 1 2 3 4 5 6 7 8\n", "2:11", "expected the payoffs (numbers) or '{'",
        "found string \"again\"");
    refuses(O + "1 2 1 0 }", "6:9", "trailing text", "found '}'");
  }

  @Test
  void linesCountAcrossMultiLineStrings() {
    // the comment may span lines (it is never printed); names may not
    refuses("NFG 1 R \"t\" { \"A\" } { 1 } \"two\nlines\"\nq\n", "3:1", "expected the payoffs", "found 'q'");
    refuses("NFG 1 R \"t\" { \"A\" } { 1 } \"two\nlines\"\n7 q\n", "3:3", "trailing text", "found 'q'");
    refuses("NFG 1 R \"two\nlines\" { \"A\" } { 1 }\n7\n", "1:9", "the title contains the control character U+000A");
  }

  @Test
  void sourceNameIsFlattenedToOneLine() {
    try {
      NfgReader.parse("NFG 3", "odd\nname");
      throw new AssertionError("accepted");
    } catch (InvalidGameException e) {
      assertThat(e.getMessage()).startsWith("odd\\u000aname:1:5: ").doesNotContain("\n");
    }
  }
}
