package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The contracts of the evaluators beyond their numbers, on Example A of {@code proofs-notes/two-state-two-agent-example.md}
 * (two states, two agents with two actions each): the accessors return what the evaluation was built from, the
 * evaluation's P_π matrix is the note's §1.3 matrix, a best response knows its agent, policies of the wrong shape are
 * refused with the mismatch named (exact and double), and the exact stage expectations are refused before any work
 * under a work limit of one unit.
 */
class EvaluationContractsTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /** Accessors: game, policy and P_π ([[3/4, 1/4], [0, 1]], note §1.3) of the exact and double evaluations. */
  @Test
  void accessorsReturnWhatTheEvaluationWasBuiltFrom() {
    TabularMarkovGame g = HandDerivedExampleTest.exampleA();
    Policy pi = HandDerivedExampleTest.policyA();
    Evaluation e = Evaluation.of(g, pi);
    assertThat(e.game()).isSameAs(g);
    assertThat(e.policy()).isSameAs(pi);
    assertThat(e.transitionMatrix().get(0, 0)).isEqualTo(f(3, 4));
    assertThat(e.transitionMatrix().get(0, 1)).isEqualTo(f(1, 4));
    assertThat(e.transitionMatrix().get(1, 0)).isEqualTo(BigFraction.ZERO);
    assertThat(e.transitionMatrix().get(1, 1)).isEqualTo(BigFraction.ONE);
    DoubleMarkovGame dg = g.toDouble();
    DoublePolicy dp = pi.toDouble();
    DoubleEvaluation d = DoubleEvaluation.of(dg, dp);
    assertThat(d.game()).isSameAs(dg);
    assertThat(d.policy()).isSameAs(dp);
    assertThat(BestResponse.of(e, 1).agent()).isEqualTo(1);
    assertThat(BestResponse.of(e, 0).agent()).isEqualTo(0);
  }

  /** A policy for three agents, or one whose agent 1 has three actions, does not fit the game; the message says how. */
  @Test
  void policiesOfTheWrongShapeAreRefused() {
    TabularMarkovGame g = HandDerivedExampleTest.exampleA();
    BigFraction h = f(1, 2);
    BigFraction t = f(1, 3);
    Policy threeActions = Policy.of(new BigFraction[][][] {
        {{h, h}, {h, h}},
        {{t, t, t}, {t, t, t}}});
    assertThatThrownBy(() -> Evaluation.of(g, threeActions)).isInstanceOf(InvalidGameException.class)
        .hasMessageContaining("agent 1");
    DoubleMarkovGame dg = g.toDouble();
    double[][][] wrongActions = {
        {{0.5, 0.5}, {1.0 / 3, 1.0 / 3, 1.0 / 3}},
        {{0.5, 0.5}, {1.0 / 3, 1.0 / 3, 1.0 / 3}}};
    assertThatThrownBy(() -> DoubleEvaluation.of(dg, DoublePolicy.ofStateMajor(wrongActions)))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("policy of agent 1 has 3 actions; the game has 2");
    double[][][] threeAgents = {
        {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}},
        {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}}};
    assertThatThrownBy(() -> DoubleEvaluation.of(dg, DoublePolicy.ofStateMajor(threeAgents)))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("policy shape (3 agents, 2 states) does not match the game (2, 2)");
    double[][][] oneState = {{{0.5, 0.5}, {0.5, 0.5}}};
    assertThatThrownBy(() -> DoubleEvaluation.of(dg, DoublePolicy.ofStateMajor(oneState)))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("policy shape (2 agents, 1 states) does not match the game (2, 2)");
  }

  /** Under a work limit of one unit, the first refusal is the stage expectations' (before the solves are estimated). */
  @Test
  void stageExpectationsAreRefusedFirstUnderATinyWorkLimit() {
    TabularMarkovGame g = HandDerivedExampleTest.exampleA();
    Policy pi = HandDerivedExampleTest.policyA();
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(1).install()) {
      assertThatThrownBy(() -> Evaluation.of(g, pi)).isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("exact stage expectations of hand-derived-A (2 states, 2 agents)");
    }
  }
}
