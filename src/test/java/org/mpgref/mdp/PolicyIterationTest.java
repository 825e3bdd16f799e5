package org.mpgref.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * Hand-derived MDPs for the policy-iteration kernel (specs/policy-iteration.md, proofs-notes/policy-iteration.md):
 * values, actions and step counts worked out on paper, maximising and minimising, the tie rule, the certificate's
 * rejections, the double rule with its tolerance, and the validation of the MDP types.
 */
class PolicyIterationTest {
  private static final BigFraction HALF = BigFraction.of(1, 2);

  private static BigFraction f(long n) {
    return BigFraction.of(n);
  }

  private static BigFraction f(long n, long d) {
    return BigFraction.of(n, d);
  }

  /**
   * Two states, γ = 1/2. State 0: action 0 pays 0 and stays, action 1 pays 1 and moves to state 1. State 1: action 0
   * pays 2 and stays, action 1 pays 0 and moves to state 0 (proofs-notes/policy-iteration.md §2).
   */
  static ExactMdp twoState() {
    BigFraction[][] r = {{f(0), f(1)}, {f(2), f(0)}};
    int[][][] next = {{{0}, {1}}, {{1}, {0}}};
    BigFraction[][][] p = {{{f(1)}, {f(1)}}, {{f(1)}, {f(1)}}};
    return ExactMdp.sparse(HALF, r, next, p);
  }

  /**
   * Maximising from σ_0 = (0, 0): W = (0, 4), Q(0,·) = (0, 3) switches state 0 to action 1, Q(1,·) = (4, 0) keeps;
   * then W = (3, 4) = V*, nothing switches: 2 evaluations, σ* = (1, 0).
   */
  @Test
  void twoStateMaximum() {
    ExactSolution x = PolicyIteration.exact("test", twoState(), Objective.MAXIMISE, new int[] {0, 0});
    assertThat(x.values()).containsExactly(f(3), f(4));
    assertThat(x.actions()).containsExactly(1, 0);
    assertThat(x.action(0)).isEqualTo(1);
    assertThat(x.value(1)).isEqualTo(f(4));
    assertThat(x.iterations()).isEqualTo(2);
    assertThat(x.objective()).isEqualTo(Objective.MAXIMISE);
    assertThat(x.verify()).isTrue();
  }

  /**
   * Minimising from (0, 0): W = (0, 4), Q(1,·) = (4, 0) switches state 1 to action 1; then W = (0, 0) with
   * Q(0,·) = (0, 1), Q(1,·) = (2, 0): 2 evaluations, σ = (0, 1), V = (0, 0).
   */
  @Test
  void twoStateMinimum() {
    ExactSolution x = PolicyIteration.exact("test", twoState(), Objective.MINIMISE, new int[] {0, 0});
    assertThat(x.values()).containsExactly(f(0), f(0));
    assertThat(x.actions()).containsExactly(0, 1);
    assertThat(x.iterations()).isEqualTo(2);
    assertThat(x.verify()).isTrue();
    assertThat(PolicyIteration.certifies(twoState(), Objective.MAXIMISE, x.actions(), x.values())).isFalse();
  }

  /** Started at the optimum, one evaluation confirms it. */
  @Test
  void startAtTheOptimumTakesOneStep() {
    ExactSolution x = PolicyIteration.exact("test", twoState(), Objective.MAXIMISE, new int[] {1, 0});
    assertThat(x.iterations()).isEqualTo(1);
    assertThat(x.values()).containsExactly(f(3), f(4));
  }

  /** One state, self-loops, γ = 1/2: Q_W(k) = r(k) + W/2, V^k = 2 r(k). */
  static ExactMdp oneState(BigFraction... rewards) {
    int[][][] next = new int[1][rewards.length][];
    BigFraction[][][] p = new BigFraction[1][rewards.length][];
    for (int k = 0; k < rewards.length; k++) {
      next[0][k] = new int[] {0};
      p[0][k] = new BigFraction[] {BigFraction.ONE};
    }
    return ExactMdp.sparse(HALF, new BigFraction[][] {rewards}, next, p);
  }

  /**
   * Rewards (1, 3, 3). From action 2: W = 6, Q = (4, 6, 6): the tie with action 1 does not switch (1 evaluation), but
   * the reported action is the lowest-index optimal one, 1. From action 0: W = 2, Q = (2, 4, 4) switches to the
   * lowest-index maximiser 1, then W = 6: 2 evaluations.
   */
  @Test
  void maximumTiesGoToTheLowestIndex() {
    ExactMdp m = oneState(f(1), f(3), f(3));
    ExactSolution fromTwo = PolicyIteration.exact("test", m, Objective.MAXIMISE, new int[] {2});
    assertThat(fromTwo.iterations()).isEqualTo(1);
    assertThat(fromTwo.actions()).containsExactly(1);
    assertThat(fromTwo.values()).containsExactly(f(6));
    ExactSolution fromZero = PolicyIteration.exact("test", m, Objective.MAXIMISE, new int[] {0});
    assertThat(fromZero.iterations()).isEqualTo(2);
    assertThat(fromZero.actions()).containsExactly(1);
    assertThat(fromZero.verify()).isTrue();
  }

  /**
   * Rewards (1, 1, 3), minimising. From action 2: W = 6, Q = (4, 4, 6) switches to 0; then W = 2, Q = (2, 2, 4):
   * 2 evaluations, action 0. From action 1: W = 2, nothing strictly better: 1 evaluation, reported action 0.
   */
  @Test
  void minimumTiesGoToTheLowestIndex() {
    ExactMdp m = oneState(f(1), f(1), f(3));
    ExactSolution fromTwo = PolicyIteration.exact("test", m, Objective.MINIMISE, new int[] {2});
    assertThat(fromTwo.iterations()).isEqualTo(2);
    assertThat(fromTwo.actions()).containsExactly(0);
    assertThat(fromTwo.values()).containsExactly(f(2));
    ExactSolution fromOne = PolicyIteration.exact("test", m, Objective.MINIMISE, new int[] {1});
    assertThat(fromOne.iterations()).isEqualTo(1);
    assertThat(fromOne.actions()).containsExactly(0);
  }

  /** Every way of breaking the certificate of rewards (1, 3, 3), whose V* = 6 is attained first by action 1. */
  @Test
  void certificateRejectsWrongValuesActionsAndTieBreaks() {
    ExactMdp m = oneState(f(1), f(3), f(3));
    assertThat(PolicyIteration.certifies(m, Objective.MAXIMISE, new int[] {1}, new BigFraction[] {f(6)})).isTrue();
    // action 2 attains V* too, but action 1 < 2 does as well: not the lowest index
    assertThat(PolicyIteration.certifies(m, Objective.MAXIMISE, new int[] {2}, new BigFraction[] {f(6)})).isFalse();
    // action 0 is the fixed point of its own value 2, but Q(1) = 4 > 2
    assertThat(PolicyIteration.certifies(m, Objective.MAXIMISE, new int[] {0}, new BigFraction[] {f(2)})).isFalse();
    // W = 7 is not the value of action 1: Q(1) = 3 + 7/2 ≠ 7
    assertThat(PolicyIteration.certifies(m, Objective.MAXIMISE, new int[] {1}, new BigFraction[] {f(7)})).isFalse();
    // minimising: V = 2 at action 0 is the pessimal value
    assertThat(PolicyIteration.certifies(m, Objective.MINIMISE, new int[] {0}, new BigFraction[] {f(2)})).isTrue();
    assertThat(PolicyIteration.certifies(m, Objective.MINIMISE, new int[] {1}, new BigFraction[] {f(6)})).isFalse();
    ExactMdp low = oneState(f(1), f(1), f(3));
    assertThat(PolicyIteration.certifies(low, Objective.MINIMISE, new int[] {1}, new BigFraction[] {f(2)})).isFalse();
    assertThat(PolicyIteration.certifies(low, Objective.MINIMISE, new int[] {0}, new BigFraction[] {f(2)})).isTrue();
    assertThatThrownBy(() -> PolicyIteration.certifies(m, Objective.MAXIMISE, new int[] {1}, new BigFraction[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("0 values for 1 states");
    assertThatThrownBy(() -> PolicyIteration.certifies(m, Objective.MAXIMISE, new int[] {3}, new BigFraction[] {f(6)}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("action 3 at state 0 is outside 0..2");
  }

  /**
   * Three states on a cycle with a sparse row: state 0 chooses between staying (reward 0) and a lottery
   * P(1|0) = P(2|0) = 1/2 (reward 0); state 1 pays 1 and state 2 pays −1, both returning to 0; γ = 1/2.
   * Staying: V(0) = 0. Lottery: V(0) = (1/2)(1/2 V(1) + 1/2 V(2)), V(1) = 1 + V(0)/2, V(2) = −1 + V(0)/2, so
   * V(0) = V(0)/4: V(0) = 0 as well — an exact tie at state 0 that keeps the lowest index 0 for both objectives.
   */
  @Test
  void sparseLotteryTie() {
    BigFraction[][] r = {{f(0), f(0)}, {f(1)}, {f(-1)}};
    int[][][] next = {{{0}, {1, 2}}, {{0}}, {{0}}};
    BigFraction[][][] p = {{{f(1)}, {HALF, HALF}}, {{f(1)}}, {{f(1)}}};
    ExactMdp m = ExactMdp.sparse(HALF, r, next, p);
    for (Objective o : Objective.values()) {
      ExactSolution x = PolicyIteration.exact("test", m, o, new int[] {1, 0, 0});
      assertThat(x.actions()).as(o.name()).containsExactly(0, 0, 0);
      assertThat(x.values()).as(o.name()).containsExactly(f(0), f(1), f(-1));
      assertThat(x.iterations()).as(o.name()).isEqualTo(1);
    }
  }

  @Test
  void evaluationSolvesTheBellmanEquation() {
    // sigma = (1, 1): V(0) = 1 + V(1)/2, V(1) = V(0)/2, so V(0) = 4/3, V(1) = 2/3
    assertThat(PolicyIteration.evaluate("test", twoState(), new int[] {1, 1})).containsExactly(f(4, 3), f(2, 3));
    DoubleMdp d = toDouble(twoState());
    assertThat(PolicyIteration.evaluate("test", d, new int[] {1, 1})[0]).isCloseTo(4.0 / 3, within(1e-15));
    assertThat(PolicyIteration.evaluate("test", d, new int[] {1, 1})[1]).isCloseTo(2.0 / 3, within(1e-15));
  }

  private static org.assertj.core.data.Offset<Double> within(double x) {
    return org.assertj.core.data.Offset.offset(x);
  }

  @Test
  void qOfTheMdpIsRewardPlusDiscountedContinuation() {
    ExactMdp m = twoState();
    BigFraction[] w = {f(2), f(6)};
    assertThat(m.qRow(0, w)).containsExactly(f(1), f(4));
    assertThat(m.q(1, 0, w)).isEqualTo(f(5));
    assertThat(m.stateCount()).isEqualTo(2);
    assertThat(m.actionCount(1)).isEqualTo(2);
    assertThat(m.discount()).isEqualTo(HALF);
    assertThat(m.rowLength(0, 1)).isEqualTo(1);
    assertThat(m.next(0, 1, 0)).isEqualTo(1);
    assertThat(m.probability(0, 1, 0)).isEqualTo(f(1));
    assertThat(m.reward(1, 0)).isEqualTo(f(2));
    DoubleMdp d = toDouble(m);
    assertThat(d.qRow(0, new double[] {2, 6})).containsExactly(1.0, 4.0);
    assertThat(d.stateCount()).isEqualTo(2);
    assertThat(d.actionCount(0)).isEqualTo(2);
    assertThat(d.discount()).isEqualTo(0.5);
    assertThat(d.rowLength(1, 1)).isEqualTo(1);
    assertThat(d.next(1, 1, 0)).isEqualTo(0);
    assertThat(d.probability(1, 1, 0)).isEqualTo(1.0);
    assertThat(d.reward(0, 1)).isEqualTo(1.0);
  }

  /** The double kernel on the two-state MDP reproduces the hand values and actions (τ = 1e-12). */
  @Test
  void doubleTwoState() {
    DoubleSolution max = PolicyIteration.doubles("test", toDouble(twoState()), Objective.MAXIMISE, new int[] {0, 0},
        1e-12, 10);
    assertThat(max.actions()).containsExactly(1, 0);
    assertThat(max.values()).containsExactly(3.0, 4.0);
    assertThat(max.iterations()).isEqualTo(2);
    assertThat(max.converged()).isTrue();
    DoubleSolution min = PolicyIteration.doubles("test", toDouble(twoState()), Objective.MINIMISE, new int[] {0, 0},
        1e-12, 10);
    assertThat(min.actions()).containsExactly(0, 1);
    assertThat(min.values()).containsExactly(0.0, 0.0);
    assertThat(min.iterations()).isEqualTo(2);
  }

  /** One state with γ = 0, so Q = r and W = r(σ): the double rule's scan and tolerance, worked by hand. */
  static DoubleMdp oneStateDouble(double... rewards) {
    int[][][] next = new int[1][rewards.length][];
    double[][][] p = new double[1][rewards.length][];
    for (int k = 0; k < rewards.length; k++) {
      next[0][k] = new int[] {0};
      p[0][k] = new double[] {1};
    }
    return DoubleMdp.sparse(0, new double[][] {rewards}, next, p);
  }

  /**
   * Rewards (0, 1, 1.5), start 0. τ = 0.6: the scan from b = 0 takes action 1 (1 &gt; 0 + 0.6) but not 2
   * (1.5 ≤ 1 + 0.6); at W = 1 nothing switches, and the lowest action within 0.6 of 1.5 is 1 (0 is not): 2 steps,
   * action 1. τ = 0: the scan takes 1 then 2: 2 steps, action 2. A step cap of 1 stops after the first switch:
   * not converged, the switched policy (2) with the value of the start (0).
   */
  @Test
  void doubleRuleScansWithTheTolerance() {
    DoubleMdp m = oneStateDouble(0, 1, 1.5);
    DoubleSolution wide = PolicyIteration.doubles("test", m, Objective.MAXIMISE, new int[] {0}, 0.6, 10);
    assertThat(wide.actions()).containsExactly(1);
    assertThat(wide.values()).containsExactly(1.0);
    assertThat(wide.iterations()).isEqualTo(2);
    DoubleSolution exact = PolicyIteration.doubles("test", m, Objective.MAXIMISE, new int[] {0}, 0, 10);
    assertThat(exact.actions()).containsExactly(2);
    assertThat(exact.iterations()).isEqualTo(2);
    DoubleSolution capped = PolicyIteration.doubles("test", m, Objective.MAXIMISE, new int[] {0}, 0, 1);
    assertThat(capped.converged()).isFalse();
    assertThat(capped.iterations()).isEqualTo(1);
    assertThat(capped.actions()).containsExactly(2);
    assertThat(capped.values()).containsExactly(0.0);
    // minimising the mirror (0, −1, −1.5), start 0, τ = 0.6: the scan takes 1 (−1 < 0 − 0.6) but not 2
    // (−1.5 ≥ −1 − 0.6); at W = −1 the lowest action within 0.6 of −1.5 is 1
    DoubleSolution min = PolicyIteration.doubles("test", oneStateDouble(0, -1, -1.5), Objective.MINIMISE,
        new int[] {0}, 0.6, 10);
    assertThat(min.actions()).containsExactly(1);
    assertThat(min.values()).containsExactly(-1.0);
    assertThat(min.iterations()).isEqualTo(2);
    // (2, 1.5, 1) from 0: 1.5 is not below 2 − 0.6 but 1 is, so the scan jumps to 2; at W = 1 the lowest action
    // within 0.6 of the minimum is 1 (1.5 ≤ 1.6): the reported action's value is within τ, not equal
    DoubleSolution jump = PolicyIteration.doubles("test", oneStateDouble(2, 1.5, 1), Objective.MINIMISE,
        new int[] {0}, 0.6, 10);
    assertThat(jump.actions()).containsExactly(1);
    assertThat(jump.values()).containsExactly(1.0);
    // an improvement of exactly τ does not switch (strictly larger than τ is needed)
    DoubleSolution edge = PolicyIteration.doubles("test", oneStateDouble(0, 0.5), Objective.MAXIMISE, new int[] {0},
        0.5, 10);
    assertThat(edge.actions()).containsExactly(0);
    assertThat(edge.iterations()).isEqualTo(1);
    DoubleSolution edgeMin = PolicyIteration.doubles("test", oneStateDouble(0.5, 0), Objective.MINIMISE,
        new int[] {0}, 0.5, 10);
    assertThat(edgeMin.actions()).containsExactly(0);
  }

  @Test
  void bestIndexTieRules() {
    assertThat(PolicyIteration.bestIndex(new BigFraction[] {f(1), f(3), f(3), f(2)}, Objective.MAXIMISE)).isEqualTo(1);
    assertThat(PolicyIteration.bestIndex(new BigFraction[] {f(3), f(1), f(1), f(2)}, Objective.MINIMISE)).isEqualTo(1);
    assertThat(PolicyIteration.bestIndex(new BigFraction[] {f(5)}, Objective.MINIMISE)).isEqualTo(0);
    assertThat(PolicyIteration.bestIndex(new double[] {1, 3, 3 + 1e-12}, Objective.MAXIMISE, 1e-9)).isEqualTo(1);
    assertThat(PolicyIteration.bestIndex(new double[] {1, 3, 3 + 1e-12}, Objective.MAXIMISE, 0)).isEqualTo(2);
    assertThat(PolicyIteration.bestIndex(new double[] {1, 2, 3}, Objective.MAXIMISE, 1)).isEqualTo(1);
    assertThat(PolicyIteration.bestIndex(new double[] {3, 1 + 1e-12, 1}, Objective.MINIMISE, 1e-9)).isEqualTo(1);
    assertThat(PolicyIteration.bestIndex(new double[] {3, 1 + 1e-12, 1}, Objective.MINIMISE, 0)).isEqualTo(2);
    assertThat(PolicyIteration.bestIndex(new double[] {3, 2, 1}, Objective.MINIMISE, 1)).isEqualTo(1);
    assertThat(PolicyIteration.bestIndex(new double[] {2, Double.NaN, 1}, Objective.MAXIMISE, 0)).isEqualTo(0);
    assertThat(PolicyIteration.bestIndex(new double[] {2, Double.NaN, 3}, Objective.MINIMISE, 0)).isEqualTo(0);
    assertThat(Objective.MAXIMISE.sign()).isEqualTo(1);
    assertThat(Objective.MINIMISE.sign()).isEqualTo(-1);
  }

  @Test
  void badArgumentsAreRefusedWithTheRule() {
    ExactMdp m = twoState();
    assertThatThrownBy(() -> PolicyIteration.exact("t", m, Objective.MAXIMISE, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("policy has 1 entries; the MDP has 2 states");
    assertThatThrownBy(() -> PolicyIteration.exact("t", m, Objective.MAXIMISE, new int[] {0, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("action 2 at state 1 is outside 0..1");
    assertThatThrownBy(() -> PolicyIteration.exact("t", m, Objective.MAXIMISE, new int[] {-1, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("action -1 at state 0 is outside 0..1");
    DoubleMdp d = toDouble(m);
    assertThatThrownBy(() -> PolicyIteration.doubles("t", d, Objective.MAXIMISE, new int[] {0, 0}, -1e-9, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance -1.0E-9");
    assertThatThrownBy(() -> PolicyIteration.doubles("t", d, Objective.MAXIMISE, new int[] {0, 0}, Double.NaN, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance NaN");
    assertThatThrownBy(() -> PolicyIteration.doubles("t", d, Objective.MAXIMISE, new int[] {0, 0},
        Double.POSITIVE_INFINITY, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> PolicyIteration.doubles("t", d, Objective.MAXIMISE, new int[] {0, 0}, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxSteps 0 is below 1");
    assertThat(PolicyIteration.doubles("t", d, Objective.MAXIMISE, new int[] {0, 0}, Double.MAX_VALUE, 1)
        .converged()).isTrue();
    int[] start = {0, 0};
    PolicyIteration.exact("t", m, Objective.MAXIMISE, start);
    PolicyIteration.doubles("t", d, Objective.MAXIMISE, start, 0, 10);
    assertThat(start).as("the start policy is not overwritten").containsExactly(0, 0);
  }

  /**
   * A cancelled computation stops at the kernel's per-step check, before any solve: with a work limit of 1 the exact
   * solve would be refused (a LimitExceededException naming the computation), and the small double solve does not
   * check for cancellation itself.
   */
  @Test
  void cancellationStopsEachIteration() {
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork(1).install()) {
      assertThatThrownBy(() -> PolicyIteration.exact("the test solve", twoState(), Objective.MAXIMISE,
          new int[] {0, 0})).isInstanceOf(LimitExceededException.class).hasMessageContaining("the test solve");
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> PolicyIteration.exact("t", twoState(), Objective.MAXIMISE, new int[] {0, 0}))
            .isInstanceOf(CancelledException.class);
      } finally {
        Thread.interrupted();
      }
    }
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> PolicyIteration.exact("t", twoState(), Objective.MAXIMISE, new int[] {0, 0}))
          .isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> PolicyIteration.doubles("t", toDouble(twoState()), Objective.MAXIMISE,
          new int[] {0, 0}, 0, 10)).isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void exactMdpValidation() {
    int[][][] next = {{{0}}};
    BigFraction[][][] one = {{{f(1)}}};
    BigFraction[][] r = {{f(0)}};
    assertThatThrownBy(() -> ExactMdp.sparse(f(1), r, next, one)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gamma = 1 is outside [0, 1)");
    assertThatThrownBy(() -> ExactMdp.sparse(f(-1, 2), r, next, one)).hasMessage("gamma = -1/2 is outside [0, 1)");
    assertThat(ExactMdp.sparse(f(0), r, next, one).discount()).isEqualTo(f(0));
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, new BigFraction[0][], new int[0][][], new BigFraction[0][][]))
        .hasMessage("an MDP needs at least one state");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r, new int[2][][], one))
        .hasMessage("1 states of rewards but 2 of next-state rows and 1 of probabilities");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r, next, new BigFraction[2][][]))
        .hasMessage("1 states of rewards but 1 of next-state rows and 2 of probabilities");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, new BigFraction[][] {{}}, new int[][][] {{}},
        new BigFraction[][][] {{}})).hasMessage("state 0 has no action");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r, new int[][][] {{{0}, {0}}}, one))
        .hasMessage("state 0 has 1 rewards but 2 next-state rows and 1 probability rows");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r, next, new BigFraction[][][] {{{f(1)}, {f(1)}}}))
        .hasMessage("state 0 has 1 rewards but 1 next-state rows and 2 probability rows");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r, next, new BigFraction[][][] {{{f(1), f(0)}}}))
        .hasMessage("row (0, 0) has 1 columns but 2 probabilities");
    BigFraction[][] r2 = {{f(0)}, {f(0)}};
    BigFraction[][][] halves = {{{HALF, HALF}}, {{f(1)}}};
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r2, new int[][][] {{{1, 0}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column 0 out of order or outside 0..1");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r2, new int[][][] {{{1, 1}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column 1 out of order or outside 0..1");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r2, new int[][][] {{{0, 2}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column 2 out of order or outside 0..1");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r2, new int[][][] {{{-1, 0}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column -1 out of order or outside 0..1");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r2, new int[][][] {{{0, 1}}, {{0}}},
        new BigFraction[][][] {{{f(3, 2), f(-1, 2)}}, {{f(1)}}})).hasMessage("P(1 | 0, 0) = -1/2 is negative");
    assertThatThrownBy(() -> ExactMdp.sparse(HALF, r2, new int[][][] {{{0, 1}}, {{0}}},
        new BigFraction[][][] {{{HALF, f(1, 3)}}, {{f(1)}}})).hasMessage("row (0, 0) sums to 5/6, not 1");
    // zero entries are dropped
    ExactMdp z = ExactMdp.sparse(HALF, r2, new int[][][] {{{0, 1}}, {{0, 1}}},
        new BigFraction[][][] {{{f(0), f(1)}}, {{f(1), f(0)}}});
    assertThat(z.rowLength(0, 0)).isEqualTo(1);
    assertThat(z.next(0, 0, 0)).isEqualTo(1);
    assertThat(z.rowLength(1, 0)).isEqualTo(1);
    assertThat(z.next(1, 0, 0)).isEqualTo(0);
    assertThat(z.probability(1, 0, 0)).isEqualTo(f(1));
    ExactMdp dense = ExactMdp.dense(HALF, r2, new BigFraction[][][] {{{f(0), f(1)}}, {{HALF, HALF}}});
    assertThat(dense.rowLength(0, 0)).isEqualTo(1);
    assertThat(dense.next(0, 0, 0)).isEqualTo(1);
    assertThat(dense.rowLength(1, 0)).isEqualTo(2);
    assertThatThrownBy(() -> ExactMdp.dense(HALF, r2, new BigFraction[][][] {{{f(1)}}, {{HALF, HALF}}}))
        .hasMessage("row (0, 0) has 1 entries; expected 2");
    assertThatThrownBy(() -> ExactMdp.dense(HALF, r2, new BigFraction[][][] {{{f(1), f(0)}}}))
        .hasMessage("2 states of rewards but 1 of next-state rows and 1 of probabilities");
  }

  @Test
  void withRewardsSharesTheDynamics() {
    ExactMdp m = twoState().withRewards(new BigFraction[][] {{f(1), f(0)}, {f(0), f(0)}});
    assertThat(m.reward(0, 0)).isEqualTo(f(1));
    assertThat(m.next(0, 1, 0)).isEqualTo(1);
    // staying at 0 for ever pays 1/(1 − 1/2) = 2
    assertThat(PolicyIteration.exact("t", m, Objective.MAXIMISE, new int[] {1, 1}).values())
        .containsExactly(f(2), f(1));
    assertThatThrownBy(() -> twoState().withRewards(new BigFraction[][] {{f(1), f(0)}}))
        .hasMessage("1 states of rewards; the MDP has 2");
    assertThatThrownBy(() -> twoState().withRewards(new BigFraction[][] {{f(1), f(0)}, {f(0)}}))
        .hasMessage("state 1 has 1 rewards; the MDP has 2 actions");
    BigFraction[][] r = {{f(0), f(1)}, {f(2), f(0)}};
    ExactMdp copy = twoState().withRewards(r);
    r[0][0] = f(9);
    assertThat(copy.reward(0, 0)).as("rewards are copied").isEqualTo(f(0));
  }

  @Test
  void doubleMdpValidation() {
    int[][][] next = {{{0}}};
    double[][][] one = {{{1}}};
    double[][] r = {{0}};
    assertThatThrownBy(() -> DoubleMdp.sparse(1, r, next, one)).hasMessage("gamma = 1.0 is outside [0, 1)");
    assertThatThrownBy(() -> DoubleMdp.sparse(-0.5, r, next, one)).hasMessage("gamma = -0.5 is outside [0, 1)");
    assertThatThrownBy(() -> DoubleMdp.sparse(Double.NaN, r, next, one)).hasMessage("gamma = NaN is outside [0, 1)");
    assertThat(DoubleMdp.sparse(0, r, next, one).discount()).isEqualTo(0.0);
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, new double[0][], new int[0][][], new double[0][][]))
        .hasMessage("an MDP needs at least one state");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r, new int[2][][], one))
        .hasMessage("1 states of rewards but 2 of next-state rows and 1 of probabilities");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r, next, new double[2][][]))
        .hasMessage("1 states of rewards but 1 of next-state rows and 2 of probabilities");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, new double[][] {{}}, new int[][][] {{}}, new double[][][] {{}}))
        .hasMessage("state 0 has no action");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r, new int[][][] {{{0}, {0}}}, one))
        .hasMessage("state 0 has 1 rewards but 2 next-state rows and 1 probability rows");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r, next, new double[][][] {{{1}, {1}}}))
        .hasMessage("state 0 has 1 rewards but 1 next-state rows and 2 probability rows");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, new double[][] {{Double.NaN}}, next, one))
        .hasMessage("r(0, 0) = NaN is not finite");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, new double[][] {{Double.NEGATIVE_INFINITY}}, next, one))
        .hasMessage("r(0, 0) = -Infinity is not finite");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r, next, new double[][][] {{{1, 0}}}))
        .hasMessage("row (0, 0) has 1 columns but 2 probabilities");
    double[][] r2 = {{0}, {0}};
    double[][][] halves = {{{0.5, 0.5}}, {{1}}};
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r2, new int[][][] {{{1, 0}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column 0 out of order or outside 0..1");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r2, new int[][][] {{{1, 1}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column 1 out of order or outside 0..1");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r2, new int[][][] {{{0, 2}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column 2 out of order or outside 0..1");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r2, new int[][][] {{{-1, 0}}, {{0}}}, halves))
        .hasMessage("row (0, 0): column -1 out of order or outside 0..1");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r2, new int[][][] {{{0, 1}}, {{0}}},
        new double[][][] {{{1.5, -0.5}}, {{1}}})).hasMessage("P(1 | 0, 0) = -0.5 is negative or not finite");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r2, new int[][][] {{{0, 1}}, {{0}}},
        new double[][][] {{{Double.NaN, 1}}, {{1}}})).hasMessage("P(0 | 0, 0) = NaN is negative or not finite");
    assertThatThrownBy(() -> DoubleMdp.sparse(0.5, r2, new int[][][] {{{0, 1}}, {{0}}},
        new double[][][] {{{Double.POSITIVE_INFINITY, 1}}, {{1}}}))
        .hasMessage("P(0 | 0, 0) = Infinity is negative or not finite");
    DoubleMdp zeros = DoubleMdp.sparse(0.5, r2, new int[][][] {{{0, 1}}, {{0}}}, new double[][][] {{{0, 1}}, {{1}}});
    assertThat(zeros.rowLength(0, 0)).as("zero entries are kept").isEqualTo(2);
    assertThat(zeros.probability(0, 0, 0)).isEqualTo(0.0);
    double[][] rr = {{1}, {2}};
    int[][][] nn = {{{0, 1}}, {{0}}};
    double[][][] pp = {{{0.5, 0.5}}, {{1}}};
    DoubleMdp m = DoubleMdp.sparse(0.5, rr, nn, pp);
    rr[0][0] = 9;
    nn[0][0][1] = 0;
    pp[0][0][0] = 9;
    assertThat(m.reward(0, 0)).as("copied").isEqualTo(1.0);
    assertThat(m.next(0, 0, 1)).as("copied").isEqualTo(1);
    assertThat(m.probability(0, 0, 0)).as("copied").isEqualTo(0.5);
  }

  /** The exact MDP in double (every entry rounded to nearest). */
  static DoubleMdp toDouble(ExactMdp m) {
    int states = m.stateCount();
    double[][] r = new double[states][];
    int[][][] next = new int[states][][];
    double[][][] p = new double[states][][];
    for (int s = 0; s < states; s++) {
      int actions = m.actionCount(s);
      r[s] = new double[actions];
      next[s] = new int[actions][];
      p[s] = new double[actions][];
      for (int k = 0; k < actions; k++) {
        r[s][k] = m.reward(s, k).doubleValue();
        next[s][k] = new int[m.rowLength(s, k)];
        p[s][k] = new double[m.rowLength(s, k)];
        for (int j = 0; j < m.rowLength(s, k); j++) {
          next[s][k][j] = m.next(s, k, j);
          p[s][k][j] = m.probability(s, k, j).doubleValue();
        }
      }
    }
    return DoubleMdp.sparse(m.discount().doubleValue(), r, next, p);
  }

  /**
   * The certificate of the two-state MDP maximised (V* = (3, 4), σ = (1, 0): state 1 stays for 2/(1 − 1/2) = 4, state
   * 0 moves for 1 + 4/2 = 3) verifies, knows its MDP, and fails once a value or an action is changed.
   */
  @Test
  void aTamperedSolutionFailsItsCertificate() {
    ExactMdp m = twoState();
    ExactSolution sol = PolicyIteration.exact("two-state", m, Objective.MAXIMISE, new int[] {0, 0});
    assertThat(sol.mdp()).isSameAs(m);
    assertThat(sol.values()).containsExactly(f(3), f(4));
    assertThat(sol.actions()).containsExactly(1, 0);
    assertThat(sol.verify()).isTrue();
    assertThat(new ExactSolution(m, Objective.MAXIMISE, new int[] {1, 0}, new BigFraction[] {f(3), f(5)}, 1).verify())
        .isFalse();
    assertThat(new ExactSolution(m, Objective.MAXIMISE, new int[] {0, 0}, new BigFraction[] {f(3), f(4)}, 1).verify())
        .isFalse();
  }
}
