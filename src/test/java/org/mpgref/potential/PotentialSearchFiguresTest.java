package org.mpgref.potential;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
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
