package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.mpgref.game.GameValidationTest.refuses;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;

/**
 * Input validation of policies: {@link Policy#of} refuses negative entries, rows not summing to exactly 1 and shapes
 * ragged across agents; {@link Policy#pure} refuses out-of-range actions; {@link DoublePolicy#ofStateMajor} refuses
 * negative, non-finite and non-normalised rows; and {@link Evaluation#of} (hence {@link NashGap#of}) and
 * {@link DoubleEvaluation#of} refuse a policy whose shape does not match the game. Every refusal is an
 * {@link InvalidGameException} with a one-line message naming the entry.
 */
class PolicyValidationTest {
  private static BigFraction f(int p, int q) {
    return BigFraction.of(p, q);
  }

  /** A valid 2-state game with 2 agents of 2 and 3 actions (every reward 1, uniform transitions). */
  private static TabularMarkovGame game() {
    int joint = 6;
    BigFraction[][][] r = new BigFraction[2][joint][];
    BigFraction[][][] p = new BigFraction[2][joint][];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < joint; j++) {
        r[s][j] = new BigFraction[] {BigFraction.ONE, BigFraction.ONE};
        p[s][j] = new BigFraction[] {f(1, 2), f(1, 2)};
      }
    }
    return TabularMarkovGame.of("g", new int[] {2, 3}, f(1, 2), new BigFraction[] {f(1, 2), f(1, 2)}, r, p);
  }

  private static BigFraction[][][] uniform(int states, int... actions) {
    BigFraction[][][] q = new BigFraction[actions.length][states][];
    for (int i = 0; i < actions.length; i++) {
      for (int s = 0; s < states; s++) {
        q[i][s] = new BigFraction[actions[i]];
        java.util.Arrays.fill(q[i][s], f(1, actions[i]));
      }
    }
    return q;
  }

  @Test
  void negativeEntryIsRefused() {
    BigFraction[][][] q = uniform(2, 2, 3);
    q[0][1] = new BigFraction[] {f(-1, 3), f(4, 3)};
    refuses(() -> Policy.of(q), "pi_0(.|s=1)", "-1/3", "negative");
  }

  @Test
  void rowSummingToOneHalfIsRefused() {
    BigFraction[][][] q = uniform(2, 2, 3);
    q[1][0] = new BigFraction[] {f(1, 6), f(1, 6), f(1, 6)};
    refuses(() -> Policy.of(q), "pi_1(.|s=0)", "1/2");
  }

  @Test
  void raggedAcrossAgentsOrEmptyIsRefused() {
    BigFraction[][][] q = uniform(2, 2, 3);
    q[1] = new BigFraction[][] {q[1][0]};
    refuses(() -> Policy.of(q), "agent 1", "1 states", "2");
    refuses(() -> Policy.of(new BigFraction[0][][]), "no agents");
    BigFraction[][][] emptyRow = uniform(1, 2);
    emptyRow[0][0] = new BigFraction[0];
    refuses(() -> Policy.of(emptyRow), "pi_0(.|s=0)", "empty");
  }

  @Test
  void policyShapeMismatchingTheGameIsRefusedByEvaluation() {
    TabularMarkovGame g = game();
    Policy fine = Policy.of(uniform(2, 2, 3));
    assertThatExact(Evaluation.of(g, fine).value(0, 0)).isEqualByComparingTo(BigFraction.of(2));
    Policy wrongActions = Policy.of(uniform(2, 2, 2));
    refuses(() -> Evaluation.of(g, wrongActions), "agent 1", "2 actions", "3");
    refuses(() -> NashGap.of(g, wrongActions), "agent 1", "2 actions", "3");
    refuses(() -> DoubleEvaluation.of(g.toDouble(), wrongActions.toDouble()), "agent 1", "2 actions", "3");
    Policy wrongStates = Policy.of(uniform(3, 2, 3));
    refuses(() -> Evaluation.of(g, wrongStates), "3 states", "2");
    refuses(() -> DoubleEvaluation.of(g.toDouble(), wrongStates.toDouble()), "3 states", "2");
    Policy wrongAgents = Policy.of(uniform(2, 2));
    refuses(() -> Evaluation.of(g, wrongAgents), "1 agents", "2");
    refuses(() -> DoubleEvaluation.of(g.toDouble(), wrongAgents.toDouble()), "1 agents", "2");
  }

  @Test
  void pureActionOutOfRangeIsRefused() {
    TabularMarkovGame g = game();
    refuses(() -> Policy.pure(g, new int[][] {{0, 1}, {3, 0}}), "agent 1", "s=0", "3", "0..2");
    refuses(() -> Policy.pure(g, new int[][] {{0, 1}}), "1 agents", "2");
    refuses(() -> Policy.pure(g, new int[][] {{0, 1}, {0}}), "agent 1", "1 states", "2");
  }

  @Test
  void badDoublePolicyIsRefused() {
    refuses(() -> DoublePolicy.ofStateMajor(new double[][][] {{{-0.5, 1.5}}}), "pi_0(0|s=0)", "-0.5");
    refuses(() -> DoublePolicy.ofStateMajor(new double[][][] {{{Double.NaN, 1}}}), "pi_0(0|s=0)", "NaN");
    refuses(() -> DoublePolicy.ofStateMajor(new double[][][] {{{0.5, 0.5}, {0.25, 0.25}}}), "pi_1(.|s=0)", "0.5");
  }

  /**
   * Regression (found by this suite, fixed in Policy.of): a policy whose row lengths differ between states of one
   * agent used to be accepted. {@link Policy#of} checks only that agents agree on the number of states, {@link Policy#actionCount}
   * reads state 0, and {@link Policy#requireShapeOf} therefore compares only state 0's rows with the game. Here
   * agent 0 has 2 actions in state 0 but 3 in state 1; {@code Evaluation.of} accepts it, the game reads only the first
   * 2 entries of the state-1 row (mass 2/3), and returns a "value" of a non-policy whose visitation sums to less
   * than 1. Regression test: Policy.of now refuses rows whose length differs between states.
   */
  @Test
  void rowLengthsDifferingBetweenStatesAreRefused() {
    BigFraction[][][] q = uniform(2, 2, 3);
    q[0][1] = new BigFraction[] {f(1, 3), f(1, 3), f(1, 3)};
    TabularMarkovGame g = game();
    refuses(() -> Evaluation.of(g, Policy.of(q)), "3");
  }
}
