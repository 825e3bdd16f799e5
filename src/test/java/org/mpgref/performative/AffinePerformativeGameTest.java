package org.mpgref.performative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.performative.AffinePerformativeGame.RewardTerm;
import org.mpgref.performative.AffinePerformativeGame.TransitionTerm;

/**
 * Hand-derived checks of {@link AffinePerformativeGame} on one agent with two actions and two states, γ = 1/2,
 * ρ = (1, 0), r0 = 0, every P0(·|s,a) = (1/2, 1/2). With x = π̄_0(0|s=0) and y = π̄_0(0|s=1):
 * the term T[0][0][·][(0,0,0)] = (−1/2, +1/2) gives P(·|0,0) = (1/2 − x/2, 1/2 + x/2), whose minimum over π̄ is exactly
 * 0 (the boundary, accepted); the reward term R[1][1][0][(0,0,1)] = 3 gives r(1,1) = 3·(1 − x).
 */
class AffinePerformativeGameTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final BigFraction HALF = BigFraction.of(1, 2);

  private static BigFraction f(int p, int q) {
    return BigFraction.of(p, q);
  }

  static TabularMarkovGame base() {
    BigFraction[][][] r = {{{Z}, {Z}}, {{Z}, {Z}}};
    BigFraction[][][] p = {{{HALF, HALF}, {HALF, HALF}}, {{HALF, HALF}, {HALF, HALF}}};
    return TabularMarkovGame.of("two-state base", new int[] {2}, HALF, new BigFraction[] {ONE, Z}, r, p);
  }

  private static List<TransitionTerm> move(int s, int a, int from, int to, int j, int t, int b, BigFraction c) {
    return List.of(new TransitionTerm(s, a, from, j, t, b, c.negate()), new TransitionTerm(s, a, to, j, t, b, c));
  }

  static AffinePerformativeGame game() {
    return AffinePerformativeGame.of("hand", base(), List.of(new RewardTerm(1, 1, 0, 0, 0, 1, BigFraction.of(3))),
        move(0, 0, 0, 1, 0, 0, 0, HALF));
  }

  private static Policy policy(BigFraction x, BigFraction y) {
    return Policy.of(new BigFraction[][][] {{{x, ONE.subtract(x)}, {y, ONE.subtract(y)}}});
  }

  @Test
  void inducedGameHasTheHandEntries() {
    MarkovGame g = game().induce(policy(f(1, 3), f(1, 5))).game();
    assertThatExact(g.transition(0, new int[] {0}, 0)).isEqualByComparingTo(f(1, 3));
    assertThatExact(g.transition(0, new int[] {0}, 1)).isEqualByComparingTo(f(2, 3));
    assertThatExact(g.transition(0, new int[] {1}, 0)).isEqualByComparingTo(HALF);
    assertThatExact(g.transition(1, new int[] {0}, 1)).isEqualByComparingTo(HALF);
    assertThatExact(g.reward(0, 1, new int[] {1})).isEqualByComparingTo(BigFraction.of(2));
    assertThatExact(g.reward(0, 1, new int[] {0})).isEqualByComparingTo(Z);
    assertThatExact(g.reward(0, 0, new int[] {1})).isEqualByComparingTo(Z);
    assertThat(game().induce(policy(ONE, Z)).isExact()).isTrue();
    // at the vertex x = 1 the boundary is reached: P(0|0,0) = 0 exactly
    assertThatExact(game().induce(policy(ONE, Z)).game().transition(0, new int[] {0}, 0)).isEqualByComparingTo(Z);
  }

  @Test
  void theDoubleInducedGameHasTheSameEntries() {
    DoubleMarkovGame d = game().induceDouble(policy(f(1, 4), HALF).toDouble());
    double[][] rewardBar = {new double[2]};
    double[][][] transitionBar = {new double[2][2]};
    d.expect(0, new double[][] {{1, 0}}, rewardBar, transitionBar);
    assertThat(transitionBar[0][0]).containsExactly(0.375, 0.625);
    assertThat(transitionBar[0][1]).containsExactly(0.5, 0.5);
    d.expect(1, new double[][] {{0.5, 0.5}}, rewardBar, transitionBar);
    assertThat(rewardBar[0]).containsExactly(0.0, 2.25);
    assertThat(d.discount()).isEqualTo(0.5);
    assertThat(d.initial()).containsExactly(1.0, 0.0);
  }

  /** Two coefficients on the same policy row (0, s=0) are a minimum, not a sum: 1/2 − max(1/2, 1/4) = 0 ≥ 0. */
  @Test
  void coefficientsOfOneRowCountByTheirMinimum() {
    List<TransitionTerm> ts = new java.util.ArrayList<>(move(0, 0, 0, 1, 0, 0, 0, HALF));
    ts.addAll(move(0, 0, 0, 1, 0, 0, 1, f(1, 4)));
    AffinePerformativeGame g = AffinePerformativeGame.of("one row", base(), List.of(), ts);
    // P(0|0,0) = 1/2 − x/2 − (1 − x)/4 ∈ [0, 1/4]
    assertThatExact(g.induce(policy(ONE, Z)).game().transition(0, new int[] {0}, 0)).isEqualByComparingTo(Z);
    assertThatExact(g.induce(policy(Z, Z)).game().transition(0, new int[] {0}, 0)).isEqualByComparingTo(f(1, 4));
  }

  /** Coefficients on two different rows add up: 1/2 − 1/2 − 1/4 = −1/4 at the vertex x = 1, y = 1. */
  @Test
  void coefficientsOfTwoRowsAddAndCanLeaveTheSimplex() {
    List<TransitionTerm> ts = new java.util.ArrayList<>(move(0, 0, 0, 1, 0, 0, 0, HALF));
    ts.addAll(move(0, 0, 0, 1, 0, 1, 0, f(1, 4)));
    assertThatThrownBy(() -> AffinePerformativeGame.of("two rows", base(), List.of(), ts))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("P(s'=0|s=0,a=(0)) reaches -1/4 under some product policy (P0 = 1/2 plus the smallest"
            + " coefficient of each policy row); it must be >= 0 for every policy");
  }

  @Test
  void transitionCoefficientsMustSumToZero() {
    assertThatThrownBy(() -> AffinePerformativeGame.of("leak", base(), List.of(),
        List.of(new TransitionTerm(0, 1, 1, 0, 1, 0, f(-1, 3)))))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("transition coefficients of pi_0(0|s=1) in P(.|s=0,a=(1)) sum over s' to -1/3; they must sum to 0"
            + " so that every row sums to 1");
  }

  @Test
  void indicesOutOfRangeAreRefused() {
    assertThatThrownBy(() -> AffinePerformativeGame.of("bad", base(),
        List.of(new RewardTerm(0, 0, 1, 0, 0, 0, ONE)), List.of()))
        .isInstanceOf(InvalidGameException.class)
        .hasMessageStartingWith("reward term RewardTerm[").hasMessageEndingWith(": agent = 1 is outside 0..0");
    assertThatThrownBy(() -> AffinePerformativeGame.of("bad", base(),
        List.of(), List.of(new TransitionTerm(0, 0, 2, 0, 0, 0, ONE))))
        .isInstanceOf(InvalidGameException.class).hasMessageEndingWith(": next = 2 is outside 0..1");
    assertThatThrownBy(() -> AffinePerformativeGame.of("bad", base(),
        List.of(new RewardTerm(0, 0, 0, 0, 0, 2, ONE)), List.of()))
        .isInstanceOf(InvalidGameException.class).hasMessageEndingWith(": policyAction = 2 is outside 0..1");
    assertThatThrownBy(() -> AffinePerformativeGame.of("bad", base(),
        List.of(new RewardTerm(0, 2, 0, 0, 0, 0, ONE)), List.of()))
        .isInstanceOf(InvalidGameException.class).hasMessageEndingWith(": jointAction = 2 is outside 0..1");
  }

  @Test
  void scalingByOmega() {
    assertThatThrownBy(() -> game().scaled(f(-1, 2)))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("omega = -1/2 is negative; the response scale must be >= 0");
    AffinePerformativeGame zero = game().scaled(Z);
    assertThat(zero.rewardTerms()).isEmpty();
    assertThat(zero.transitionTerms()).isEmpty();
    assertThat(zero.induce(policy(f(1, 3), HALF)).game()).isSameAs(zero.stationaryGame());
    // ω = 2 doubles the move: P(0|0,0) = 1/2 − x, negative at x = 1, refused
    assertThatThrownBy(() -> game().scaled(BigFraction.of(2)))
        .isInstanceOf(InvalidGameException.class).hasMessageStartingWith("P(s'=0|s=0,a=(0)) reaches -1/2");
    MarkovGame half = game().scaled(HALF).induce(policy(ONE, Z)).game();
    assertThatExact(half.transition(0, new int[] {0}, 0)).isEqualByComparingTo(f(1, 4));
    assertThatExact(half.reward(0, 1, new int[] {1})).isEqualByComparingTo(Z);
  }

  @Test
  void equalTermsAreMergedAndZeroSumsDropped() {
    AffinePerformativeGame g = AffinePerformativeGame.of("merge", base(), List.of(
        new RewardTerm(1, 1, 0, 0, 0, 1, ONE), new RewardTerm(1, 1, 0, 0, 0, 1, f(1, 2)),
        new RewardTerm(0, 0, 0, 0, 1, 0, ONE), new RewardTerm(0, 0, 0, 0, 1, 0, ONE.negate())), List.of());
    assertThat(g.rewardTerms()).containsExactly(new RewardTerm(1, 1, 0, 0, 0, 1, f(3, 2)));
  }

  @Test
  void aPolicyOfTheWrongShapeIsRefused() {
    Policy oneState = Policy.of(new BigFraction[][][] {{{ONE, Z}}});
    assertThatThrownBy(() -> game().induce(oneState)).isInstanceOf(InvalidGameException.class)
        .hasMessage("policy has 1 states; the game has 2");
    assertThatThrownBy(() -> game().induceDouble(oneState.toDouble())).isInstanceOf(InvalidGameException.class)
        .hasMessage("policy has 1 agents and 1 states; the game has 1 and 2");
  }
}
