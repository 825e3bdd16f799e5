package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;

/**
 * The lazy exact evaluation: it evaluates once, on first use, and answers as the evaluation does. The game: one
 * agent, one state, γ = 0, r = (1, 0), π = (1/2, 1/2): Q̄ = (1, 0), V = 1/2, Ā = (1/2, −1/2), d = 1.
 */
class LazyEvaluationTest {
  @Test
  void itAnswersWithTheHandDerivedQuantitiesOfOneEvaluation() {
    BigFraction z = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    TabularMarkovGame g = TabularMarkovGame.of("bandit", new int[] {2}, z, new BigFraction[] {one},
        new BigFraction[][][] {{{one}, {z}}}, new BigFraction[][][] {{{one}, {one}}});
    Policy p = Policy.uniform(g);
    LazyEvaluation lazy = new LazyEvaluation(g, p);
    assertThat(lazy.game()).isSameAs(g);
    assertThat(lazy.policy()).isSameAs(p);
    assertThat(lazy.qBar(0, 0, 0)).isEqualTo(one);
    assertThat(lazy.qBar(0, 0, 1)).isEqualTo(z);
    assertThat(lazy.value(0, 0)).isEqualTo(BigFraction.of(1, 2));
    assertThat(lazy.advantage(0, 0, 0)).isEqualTo(BigFraction.of(1, 2));
    assertThat(lazy.advantage(0, 0, 1)).isEqualTo(BigFraction.of(-1, 2));
    assertThat(lazy.visitation(0)).isEqualTo(one);
    assertThat(lazy.evaluation()).isSameAs(lazy.evaluation());
    assertThat(lazy.evaluation().policy()).isEqualTo(p);
  }
}
