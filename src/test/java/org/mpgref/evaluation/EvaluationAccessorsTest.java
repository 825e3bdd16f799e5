package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;
import org.mpgref.testkit.HandGames;

/**
 * The accessors and guards of the evaluations that the PIT run of 2026-12-02 left without a test
 * (proofs-notes/pmd-one-state-example.md: the one-state coordination game, γ = 1/2, so P_π = (1) for every π).
 */
class EvaluationAccessorsTest {
  private static final MarkovGame COORD = HandGames.coordination(BigFraction.of(1, 2));

  /** The evaluation keeps its game and policy; the one-state transition matrix is (1); agent 1's best response is 1's. */
  @Test
  void accessors() {
    Policy pi = Policy.uniform(COORD);
    Evaluation ev = Evaluation.of(COORD, pi);
    assertThat(ev.game()).isSameAs(COORD);
    assertThat(ev.policy()).isEqualTo(pi);
    assertThat(ev.transitionMatrix().size()).isEqualTo(1);
    assertThat(ev.transitionMatrix().get(0, 0)).isEqualTo(BigFraction.ONE);
    assertThat(NashGap.of(ev).bestResponse(1).agent()).isEqualTo(1);
    assertThat(NashGap.of(ev).bestResponse(0).agent()).isEqualTo(0);
    DoubleMarkovGame dg = COORD.toDouble();
    DoublePolicy dp = DoublePolicy.uniform(dg);
    DoubleEvaluation dev = DoubleEvaluation.of(dg, dp);
    assertThat(dev.game()).isSameAs(dg);
    assertThat(dev.policy()).isSameAs(dp);
  }

  /** A policy of another shape is refused before anything is computed, in exact and in double. */
  @Test
  void policiesOfAnotherShapeAreRefused() {
    Policy threeActions = Policy.of(new BigFraction[][][] {
        {{BigFraction.of(1, 3), BigFraction.of(1, 3), BigFraction.of(1, 3)}},
        {{BigFraction.of(1, 2), BigFraction.of(1, 2)}}});
    assertThatThrownBy(() -> Evaluation.of(COORD, threeActions)).isInstanceOf(InvalidGameException.class);
    DoubleMarkovGame dg = COORD.toDouble();
    // state-major [s][i][a]
    DoublePolicy oneAgent = DoublePolicy.ofStateMajor(new double[][][] {{{0.5, 0.5}}});
    assertThatThrownBy(() -> DoubleEvaluation.of(dg, oneAgent)).isInstanceOf(InvalidGameException.class)
        .hasMessage("policy shape (1 agents, 1 states) does not match the game (2, 1)");
    DoublePolicy twoStates = DoublePolicy.ofStateMajor(new double[][][] {{{0.5, 0.5}, {0.5, 0.5}},
        {{0.5, 0.5}, {0.5, 0.5}}});
    assertThatThrownBy(() -> DoubleEvaluation.of(dg, twoStates)).isInstanceOf(InvalidGameException.class)
        .hasMessage("policy shape (2 agents, 2 states) does not match the game (2, 1)");
    DoublePolicy wide = DoublePolicy.ofStateMajor(new double[][][] {{{0.25, 0.25, 0.5}, {0.5, 0.5}}});
    assertThatThrownBy(() -> DoubleEvaluation.of(dg, wide)).isInstanceOf(InvalidGameException.class)
        .hasMessageStartingWith("policy of agent 0 has 3 actions; the game has 2");
  }

  /** The exact stage expectations are refused under a work limit of 1 unit. */
  @Test
  void theWorkLimitIsCheckedFirst() {
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(1).install()) {
      assertThatThrownBy(() -> Evaluation.of(COORD, Policy.uniform(COORD)))
          .isInstanceOf(LimitExceededException.class).hasMessageStartingWith("exact stage expectations of");
    }
  }
}
