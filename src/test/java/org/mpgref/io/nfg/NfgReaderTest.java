package org.mpgref.io.nfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.io.nfg.PublishedGamesRoundTripTest.load;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.InvalidGameException;

/**
 * What the reader accepts, checked on exact values of the published files and on small hand-written files: the
 * contingency order (player 1 fastest), both strategy forms, optional comment, absent commas, permuted and zero
 * outcome indices, the number grammar (integers, decimals, exponents, fractions, all exact) and the TEXT escapes.
 */
class NfgReaderTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  @Test
  void seltenPayoffVersionListsPlayer1Fastest() throws IOException {
    // e02.nfg: { 3 2 } then 1 1 0 2 0 2 1 1 0 3 2 0 — contingencies (1,1) (2,1) (3,1) (1,2) (2,2) (3,2)
    NfgGame g = load("e02.nfg");
    assertThat(g.version()).isEqualTo(NfgGame.Version.PAYOFF);
    assertThat(g.strategiesAsCounts()).isTrue();
    assertThat(g.strategies()).isEqualTo(List.of(List.of("1", "2", "3"), List.of("1", "2")));
    assertThat(g.players()).containsExactly("Player 1", "Player 2");
    assertThat(g.title()).isEqualTo("Selten (IJGT, 75), Figure 2, normal form");
    assertThat(g.comment()).isEmpty();
    int[][] expected = {{1, 1}, {0, 2}, {0, 2}, {1, 1}, {0, 3}, {2, 0}};
    for (int j = 0; j < 6; j++) {
      for (int p = 0; p < 2; p++) {
        assertThatExact(g.payoff(j, p)).isEqualByComparingTo(BigFraction.of(expected[j][p]));
      }
    }
    assertThatExact(g.payoff(new int[] {1, 0}, 1)).isEqualByComparingTo(BigFraction.of(2));
    assertThatExact(g.payoff(new int[] {2, 1}, 0)).isEqualByComparingTo(BigFraction.of(2));
    assertThatExact(g.payoff(new int[] {1, 1}, 1)).isEqualByComparingTo(BigFraction.of(3));
  }

  @Test
  void thePeersExampleIsTheSameGameAsGambitsE02() throws IOException {
    assertThat(load("selten-peers.nfg")).isEqualTo(load("e02.nfg"));
  }

  @Test
  void decimalsAreExact() throws IOException {
    NfgGame g = load("3x3x3.nfg");
    assertThat(g.playerCount()).isEqualTo(3);
    assertThat(g.contingencyCount()).isEqualTo(27);
    assertThatExact(g.payoff(0, 0)).isEqualByComparingTo(f(1131, 1000)); // 1.131000
    assertThatExact(g.payoff(26, 2)).isEqualByComparingTo(f(2537, 1000)); // 2.537000
    NfgGame loop = load("loopback.nfg");
    // indices "1 3 2 4": contingency 1 = (2,1) (player 1 fastest) has outcome 3, "21" = 7.32, 6
    assertThat(loop.outcomeIndex(1)).isEqualTo(3);
    assertThatExact(loop.payoff(new int[] {1, 0}, 0)).isEqualByComparingTo(f(183, 25));
    assertThatExact(loop.payoff(new int[] {0, 1}, 0)).isEqualByComparingTo(BigFraction.of(6));
    assertThat(loop.comment()).contains("This game has a backwards bend in the principal branch of the logit quantal"
        + " response equilibrium correspondence.");
    NfgGame g2 = load("g2.nfg");
    assertThat(g2.dataType()).isEqualTo(NfgGame.DataType.D);
    assertThatExact(g2.payoff(0, 0)).isEqualByComparingTo(BigFraction.of(-2));
    assertThatExact(g2.payoff(26, 2)).isEqualByComparingTo(BigFraction.of(-3));
  }

  @Test
  void fractionsNegativesAndPermutedOutcomes() throws IOException {
    NfgGame w = load("winkels.nfg");
    assertThat(w.comment()).isEmpty();
    assertThatExact(w.payoff(4, 0)).isEqualByComparingTo(f(5, 2));
    assertThatExact(w.payoff(4, 1)).isEqualByComparingTo(BigFraction.of(-1));
    NfgGame p = load("perfect1.nfg");
    // indices 1 4 7 2 5 8 3 6 9: contingency (2,1) has outcome 4, named "21", payoffs 3/2, 1
    assertThat(p.outcomeIndex(1)).isEqualTo(4);
    assertThat(p.outcomes().get(3).name()).isEqualTo("21");
    assertThatExact(p.payoff(new int[] {1, 0}, 0)).isEqualByComparingTo(f(3, 2));
    assertThatExact(p.payoff(new int[] {1, 0}, 1)).isEqualByComparingTo(BigFraction.ONE);
    NfgGame s = load("stengel.nfg");
    assertThatExact(s.payoff(new int[] {1, 1}, 0)).isEqualByComparingTo(BigFraction.of(31680)); // number 15
    assertThatExact(s.payoff(new int[] {1, 1}, 1)).isEqualByComparingTo(BigFraction.of(-300036)); // number 16
    NfgGame y = load("yamamoto.nfg");
    assertThatExact(y.payoff(new int[] {2, 0}, 0)).isEqualByComparingTo(BigFraction.of(-9));
  }

  @Test
  void outcomesWithoutCommasAndWithoutComment() throws IOException {
    NfgGame c = load("cent2.nfg");
    assertThat(c.version()).isEqualTo(NfgGame.Version.OUTCOME);
    assertThat(c.comment()).isEmpty();
    assertThat(c.strategyLabel(0, 0)).isEqualTo("1*11");
    assertThatExact(c.outcomes().get(8).payoffs().get(0)).isEqualByComparingTo(f(64, 5)); // 12.800000
    NfgGame nau = load("2x2x2-nau.nfg");
    assertThat(nau.players()).containsExactly("", "", "");
    assertThat(nau.comment()).contains("");
  }

  @Test
  void outcomeZeroMeansAllPayoffsZero() {
    NfgGame g = NfgReader.parse("NFG 1 R \"z\" { \"a\" \"b\" } { { \"x\" \"y\" } { \"u\" \"v\" } }\n"
        + "{ { \"one\" 1, -1 } { \"unused\" 7 7 } }\n0 1 1 0\n", "z.nfg");
    assertThat(g.outcomeIndex(0)).isEqualTo(0);
    assertThatExact(g.payoff(0, 0)).isEqualByComparingTo(BigFraction.ZERO);
    assertThatExact(g.payoff(0, 1)).isEqualByComparingTo(BigFraction.ZERO);
    assertThatExact(g.payoff(1, 1)).isEqualByComparingTo(BigFraction.of(-1));
    assertThat(g.outcomes()).hasSize(2);
    assertThat(NfgReader.parse(NfgWriter.text(g), "z2")).isEqualTo(g);
    assertThat(NfgReader.parse(NfgWriter.payoffText(g), "z3").asPayoffVersion()).isEqualTo(g.asPayoffVersion());
  }

  @Test
  void numberGrammarIsExact() {
    assertThatExact(NfgReader.parseNumber("0.1")).isEqualByComparingTo(f(1, 10));
    assertThatExact(NfgReader.parseNumber("1e-3")).isEqualByComparingTo(f(1, 1000));
    assertThatExact(NfgReader.parseNumber("1.5e2")).isEqualByComparingTo(BigFraction.of(150));
    assertThatExact(NfgReader.parseNumber("1E3")).isEqualByComparingTo(BigFraction.of(1000));
    assertThatExact(NfgReader.parseNumber("-2/4")).isEqualByComparingTo(f(-1, 2));
    assertThatExact(NfgReader.parseNumber("-2.5e-1")).isEqualByComparingTo(f(-1, 4));
    assertThatExact(NfgReader.parseNumber(".5")).isEqualByComparingTo(f(1, 2));
    assertThatExact(NfgReader.parseNumber("-.5")).isEqualByComparingTo(f(-1, 2));
    assertThatExact(NfgReader.parseNumber("3.")).isEqualByComparingTo(BigFraction.of(3));
    assertThatExact(NfgReader.parseNumber("007")).isEqualByComparingTo(BigFraction.of(7));
    assertThatExact(NfgReader.parseNumber("-0")).isEqualByComparingTo(BigFraction.ZERO);
    assertThatExact(NfgReader.parseNumber("0.1000000000000000055511151231257827"))
        .isEqualByComparingTo(BigFraction.of(new java.math.BigInteger("1000000000000000055511151231257827"),
            java.math.BigInteger.TEN.pow(34)));
    assertThatExact(NfgReader.parseNumber("123456789012345678901234567890/3"))
        .isEqualByComparingTo(BigFraction.of(new java.math.BigInteger("41152263004115226300411522630")));
    for (String bad : new String[] {"+1", "1e+3", "1/0", "1/", "/2", "--1", "1.5/2", "1e", "1e3/2", "-", ".", "1..2",
        "0x10", "1,5", "2/-3"}) {
      try {
        NfgReader.parseNumber(bad);
        throw new AssertionError("accepted " + bad);
      } catch (InvalidGameException e) {
        assertThat(e.getMessage()).contains("'" + bad + "'").doesNotContain("\n");
      }
    }
  }

  @Test
  void textEscapes() {
    NfgGame g = NfgReader.parse("NFG 1 R \"a \\\"quoted\\\" \\\\ back\\slash\" { \"P\\\\1\" } { 1 }\n5\n", "t");
    assertThat(g.title()).isEqualTo("a \"quoted\" \\ back\\slash");
    assertThat(g.players()).containsExactly("P\\1");
    assertThatExact(g.payoff(0, 0)).isEqualByComparingTo(BigFraction.of(5));
  }

  @Test
  void whitespaceLayoutIsFree() {
    NfgGame a = NfgReader.parse("NFG 1 R \"t\" {\"a\" \"b\"}{2 1}\"c\"1 2 3 4", "a");
    NfgGame b = NfgReader.parse("NFG\r\n1\tR\n\"t\"\n{ \"a\"\n\"b\" }\n{ 2\n1 }\n\"c\"\n\n1\n2\n3\n4\n\n", "b");
    assertThat(a).isEqualTo(b);
    assertThat(a.comment()).isEqualTo(Optional.of("c"));
  }

  @Test
  void aSinglePlayerGameIsAccepted() {
    NfgGame g = NfgReader.parse("NFG 1 R \"solo\" { \"me\" } { 3 } 1 2/3 -4", "solo");
    assertThat(g.contingencyCount()).isEqualTo(3);
    assertThatExact(g.payoff(1, 0)).isEqualByComparingTo(f(2, 3));
  }
}
