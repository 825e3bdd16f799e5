package org.mpgref.potential;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * The figures a potential search reports and charges, by hand: the plain-words description of a search (singular for
 * one trial, empty when not recorded) and the work estimate 500·|S|·(|S| + Σ_i |A_i|) per trial of specs/limits.md.
 */
class PotentialSearchFiguresTest {
  @Test
  void describesOneTrialInTheSingularAndSeveralInThePlural() {
    assertThat(new PotentialCheck.Search(1, 0, 2, 3).describe()).isEqualTo("1 trial run, 0 informative; agent pairs"
        + " drawn among the 2 of 3 agents with at least two actions");
    assertThat(new PotentialCheck.Search(2, 1, 3, 3).describe()).isEqualTo("2 trials run, 1 informative; agent pairs"
        + " drawn among the 3 of 3 agents with at least two actions");
    assertThat(new PotentialCheck.Search(0, 0, 2, 2).recorded()).isTrue();
  }

  @Test
  void aSearchNotRecordedSaysNothing() {
    assertThat(PotentialCheck.Search.NOT_RECORDED.recorded()).isFalse();
    assertThat(PotentialCheck.Search.NOT_RECORDED.describe()).isEmpty();
  }

  /**
   * The two-by-three game's rewards r_0 = r_1 = a (the joint index) declared as an identical-interest potential φ = a:
   * the check certifies from the declared condition, verified on the data, without a search (and so whatever the
   * number of trials, 0 included).
   */
  @Test
  void aVerifiedDeclaredPotentialIsCertifiedWithoutASearch() {
    BigFraction[][] phi = new BigFraction[2][6];
    for (int s = 0; s < 2; s++) {
      for (int a = 0; a < 6; a++) {
        phi[s][a] = BigFraction.of(a);
      }
    }
    TabularMarkovGame declared = TabularMarkovGame.withPotential("declared", new int[] {2, 3}, BigFraction.of(1, 2),
        new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}, rewards(), transitions(), phi,
        StagePotential.Condition.IDENTICAL_INTEREST);
    for (int trials : new int[] {0, 1}) {
      assertThat(PotentialCheck.check(declared, trials, 7)).isEqualTo(new PotentialCheck.Certified(
          "identical interest: r_i = phi for every agent, so Phi = V_i (verified exactly on the game's data)"));
    }
    TabularMarkovGame undeclared = TabularMarkovGame.of("undeclared", new int[] {2, 3}, BigFraction.of(1, 2),
        new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}, rewards(), transitions());
    assertThat(PotentialCheck.check(undeclared, 0, 7)).isInstanceOf(PotentialCheck.NoCounterexample.class);
  }

  private static BigFraction[][][] rewards() {
    BigFraction[][][] r = new BigFraction[2][6][];
    for (int s = 0; s < 2; s++) {
      for (int a = 0; a < 6; a++) {
        r[s][a] = new BigFraction[] {BigFraction.of(a), BigFraction.of(a)};
      }
    }
    return r;
  }

  private static BigFraction[][][] transitions() {
    BigFraction[][][] p = new BigFraction[2][6][];
    for (int s = 0; s < 2; s++) {
      for (int a = 0; a < 6; a++) {
        p[s][a] = s == 0 ? new BigFraction[] {BigFraction.ZERO, BigFraction.ONE}
            : new BigFraction[] {BigFraction.ONE, BigFraction.ZERO};
      }
    }
    return p;
  }

  /**
   * Three agents of which only agent 1 has two actions: certified with Φ = V_1, and the message counts the other two
   * agents in the plural (and the one other agent of a two-agent game in the singular); a one-agent game is certified at the largest number of trials allowed (the bound is
   * inclusive).
   */
  @Test
  void degenerateGamesAreCertifiedWithTheirReason() {
    BigFraction one = BigFraction.ONE;
    BigFraction[][][] r = new BigFraction[1][2][];
    BigFraction[][][] p = new BigFraction[1][2][];
    for (int a = 0; a < 2; a++) {
      r[0][a] = new BigFraction[] {BigFraction.of(a), BigFraction.ZERO, one};
      p[0][a] = new BigFraction[] {one};
    }
    TabularMarkovGame three = TabularMarkovGame.of("one-mover", new int[] {1, 2, 1}, BigFraction.of(1, 2),
        new BigFraction[] {one}, r, p);
    assertThat(PotentialCheck.check(three, 5, 1)).isEqualTo(new PotentialCheck.Certified("only agent 1 has two or more"
        + " actions, so Phi = V_1 (the other 2 agents have one action and cannot deviate)"));
    // Two agents, agent 0 with one action and agent 1 with two: "the other 1 agent has" (singular).
    BigFraction[][][] r2 = {{{BigFraction.ZERO, one}, {one, BigFraction.ZERO}}};
    BigFraction[][][] p2 = {{{one}, {one}}};
    TabularMarkovGame two = TabularMarkovGame.of("second-mover", new int[] {1, 2}, BigFraction.of(1, 2),
        new BigFraction[] {one}, r2, p2);
    assertThat(PotentialCheck.check(two, 5, 1)).isEqualTo(new PotentialCheck.Certified("only agent 1 has two or more"
        + " actions, so Phi = V_1 (the other 1 agent has one action and cannot deviate)"));
    BigFraction[][][] r1 = {{{one}, {BigFraction.ZERO}}};
    BigFraction[][][] p1 = {{{one}, {one}}};
    TabularMarkovGame single = TabularMarkovGame.of("single", new int[] {2}, BigFraction.of(1, 2),
        new BigFraction[] {one}, r1, p1);
    assertThat(PotentialCheck.check(single, PotentialCheck.MAX_TRIALS, 1))
        .isEqualTo(new PotentialCheck.Certified("a single-agent game is an MPG with Phi = V_1"));
  }

  /** Two states, agents with 2 and 3 actions: 500 · 2 · (2 + 5) = 7000 units per trial; 3 trials 21000. */
  @Test
  void searchWorkIsTheDocumentedProduct() {
    BigFraction one = BigFraction.ONE;
    BigFraction zero = BigFraction.ZERO;
    int joint = 6;
    BigFraction[][][] rewards = new BigFraction[2][joint][2];
    BigFraction[][][] transitions = new BigFraction[2][joint][];
    for (int s = 0; s < 2; s++) {
      for (int a = 0; a < joint; a++) {
        rewards[s][a] = new BigFraction[] {BigFraction.of(a), BigFraction.of(a)};
        transitions[s][a] = s == 0 ? new BigFraction[] {zero, one} : new BigFraction[] {one, zero};
      }
    }
    TabularMarkovGame g = TabularMarkovGame.of("two-by-three", new int[] {2, 3}, BigFraction.of(1, 2),
        new BigFraction[] {one, zero}, rewards, transitions);
    assertThat(PotentialCheck.searchWork(g, 1)).isEqualTo(7000.0);
    assertThat(PotentialCheck.searchWork(g, 3)).isEqualTo(21000.0);
  }
}
