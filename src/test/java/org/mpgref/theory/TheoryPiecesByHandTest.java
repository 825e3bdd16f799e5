package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;
import org.mpgref.testkit.HandGames;

/**
 * Small pieces of {@code theory} by hand: the validations and the rarely taken paths of {@link StepSizeBounds}
 * (√ of an integer and of a huge radicand), the joint policies and weights of {@link PhiMax.Extremes}, the work
 * estimates of the policy iterations of {@link PhiMax} and {@link MismatchCoefficient} against an installed limit,
 * {@link MonotoneBounds} for a constant φ, and the two Nash-regret assessments at a weighting ν that misses a state.
 */
class TheoryPiecesByHandTest {
  private static final BigFraction HALF = BigFraction.of(1, 2);
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final MarkovGame COORD = HandGames.coordination(HALF);

  /** Each validation of {@link StepSizeBounds}, with its one-line message; the boundary values are accepted. */
  @Test
  void stepSizeValidations() {
    assertThatThrownBy(() -> StepSizeBounds.inpgTheorem31(COORD, Z)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the mismatch coefficient must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.inpgTheorem31(COORD, BigFraction.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    // (1−γ)³/(27 N² A_max² M) = (1/8)/(27·4·4·(1/2)) = 1/1728
    assertThat(StepSizeBounds.inpgTheorem31(COORD, HALF)).isEqualTo(BigFraction.of(1, 1728));
    // d_c A N / T = 2·2·3/1 = 12 at T = 1; T = 0 refused
    assertThat(StepSizeBounds.dingNashRegretCooperativeShapeSquared(BigFraction.of(2), 2, 3, 1))
        .isEqualTo(BigFraction.of(12));
    assertThatThrownBy(() -> StepSizeBounds.dingNashRegretCooperativeShapeSquared(BigFraction.of(2), 2, 3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("horizon T = 0 must be >= 1");
    // d_p⁴ A N / T = 16·6/1 = 96 at T = 1
    assertThat(StepSizeBounds.dingNashRegretMpgShapeSquared(BigFraction.of(2), 2, 3, 1)).isEqualTo(BigFraction.of(96));
    assertThatThrownBy(() -> StepSizeBounds.dingNashRegretMpgShapeSquared(BigFraction.of(2), 2, 3, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StepSizeBounds.dingQAscentIterationsShape(BigFraction.of(2), 2, 3, Z))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("epsilon = 0 must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.ipgLeonardosIterationsShape(2, BigFraction.of(2), 2, 3, Z))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("epsilon = 0 must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.ipgZhangIterationsShape(2, BigFraction.of(2), 2, 3, BigFraction.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StepSizeBounds.projectedQAscentSufficientAscent(COORD, Z, ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the visitation floor c = 0 must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.projectedQAscentSufficientAscent(COORD, ONE, Z))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the reward half-span R = 0 must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.sqrtAtMost(Z)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the radicand = 0 must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.pmdEuclidean(COORD, Z)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phi_max = 0 must be > 0");
  }

  /**
   * √(9/4) = 3/2 exactly. √2 ∈ [1, 2), so the largest k/2^m ≤ √2 with k of exactly 53 bits has m = 52 and
   * k = ⌊√2 · 2^52⌋ = ⌊√(2^105)⌋. √(2^201) = 2^100 √2 ∈ [2^100, 2^101), so m = 52 − 100 = −48 and
   * k = ⌊√(2^201) · 2^−48⌋ = ⌊√(2^105)⌋, the value k · 2^48 (an integer: m &lt; 0).
   */
  @Test
  void squareRootsByHand() {
    assertThat(StepSizeBounds.sqrtAtMost(BigFraction.of(9, 4))).isEqualTo(new StepSizeBounds.SquareRoot(
        BigFraction.of(3, 2), true));
    BigInteger k = BigInteger.ONE.shiftLeft(105).sqrt();
    assertThat(k.bitLength()).isEqualTo(53);
    assertThat(StepSizeBounds.sqrtAtMost(BigFraction.of(2))).isEqualTo(new StepSizeBounds.SquareRoot(
        BigFraction.of(k, BigInteger.ONE.shiftLeft(52)), false));
    StepSizeBounds.SquareRoot huge = StepSizeBounds.sqrtAtMost(BigFraction.of(BigInteger.ONE.shiftLeft(201)));
    assertThat(huge.exact()).isFalse();
    assertThat(huge.value()).isEqualTo(BigFraction.of(k.shiftLeft(48)));
    // and its reciprocal: √(2^−201) = 2^−101 √2 ∈ [2^−101, 2^−100), m = 52 + 101 = 153, k = ⌊√(2^−201 · 2^306)⌋
    StepSizeBounds.SquareRoot tiny = StepSizeBounds.sqrtAtMost(BigFraction.of(BigInteger.ONE,
        BigInteger.ONE.shiftLeft(201)));
    assertThat(tiny.value()).isEqualTo(BigFraction.of(k, BigInteger.ONE.shiftLeft(153)));
  }

  /**
   * The coordination game at γ = 1/2: Φ^π = r_π/(1−γ) = 2 r_π. The largest, 4, at the joint action (0,0) (index 0);
   * the smallest, 0, at (1,0) (index 1, the lowest-index minimiser; (0,1) is index 2). Weights of the wrong length are
   * refused.
   */
  @Test
  void extremesCarryTheirJointPolicies() {
    PhiMax.Extremes e = PhiMax.of(COORD).orElseThrow().extremes();
    assertThat(e.max()).containsExactly(BigFraction.of(4));
    assertThat(e.min()).containsExactly(Z);
    assertThat(e.argmax()).isDeepEqualTo(new int[][] {{0, 0}});
    assertThat(e.argmin()).isDeepEqualTo(new int[][] {{1, 0}});
    assertThat(e.maxAt(new BigFraction[] {HALF})).isEqualTo(BigFraction.of(2));
    assertThatThrownBy(() -> e.maxAt(new BigFraction[] {HALF, HALF})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weights have 2 entries; the game has 1 states");
    assertThat(PhiMax.of(COORD).orElseThrow().stageBound()).isEqualTo(BigFraction.of(4));
  }

  /**
   * Two states, one agent with two actions, r = 0: action 0 stays, action 1 moves on to state 1 (absorbing).
   * PhiMax.extremes estimates 2·S·J·S·100 = 2·2·2·2·100 = 1600 work units, the mismatch coefficient
   * 2·S·S·J·S·100 = 3200; one unit less is refused before anything is built.
   */
  @Test
  void workEstimatesOfThePolicyIterationsByHand() {
    BigFraction[][][] r = {{{Z}, {Z}}, {{Z}, {Z}}};
    BigFraction[][][] p = {{{ONE, Z}, {Z, ONE}}, {{Z, ONE}, {Z, ONE}}};
    TabularMarkovGame g = TabularMarkovGame.withPotential("choice", new int[] {2}, HALF, new BigFraction[] {HALF,
        HALF}, r, p, new BigFraction[][] {{Z, Z}, {Z, Z}}, StagePotential.Condition.IDENTICAL_INTEREST);
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(1599).install()) {
      assertThatThrownBy(() -> PhiMax.of(g)).isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("phi_max policy iteration over 2 states x 2 joint actions needs about 1600 work units");
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(3199).install()) {
      assertThatThrownBy(() -> MismatchCoefficient.of(g)).isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("mismatch coefficient policy iteration over 2 states x 2 joint actions needs about"
              + " 3200 work units");
    }
    // without a limit: staying in 0 forever gives d_ρ(0) = (1−γ)(1/2)(1/(1−γ)) = 1/2 at most, moving at once gives
    // (1−γ)(1/2)·1 = 1/4 at least; state 1: at most (1−γ)((1/2)·γ/(1−γ) + (1/2)/(1−γ)) = 3/4, at least 1/2.
    // M = max(1/2 / (1/4), (3/4)/(1/2)) = 2 at state 0.
    MismatchCoefficient.Result m = MismatchCoefficient.of(g);
    assertThat(m.value()).contains(BigFraction.of(2));
    assertThat(m.state()).isEqualTo(0);
    assertThat(m.maxVisitation()).isEqualTo(HALF);
    assertThat(m.minVisitation()).isEqualTo(BigFraction.of(1, 4));
    assertThat(m.bound()).contains(BigFraction.of(4));
  }

  /** Two states, one agent with one action, 0 → 1 → 1 surely, γ = 1/2, r = φ = 0 (identical interest, verified). */
  private static TabularMarkovGame zeroChain() {
    BigFraction[][][] r = {{{Z}}, {{Z}}};
    BigFraction[][][] p = {{{Z, ONE}}, {{Z, ONE}}};
    return TabularMarkovGame.withPotential("zero-chain", new int[] {1}, HALF, new BigFraction[] {HALF, HALF}, r, p,
        new BigFraction[][] {{Z}, {Z}}, StagePotential.Condition.IDENTICAL_INTEREST);
  }

  /**
   * φ = 0 on the zero chain: φ̂ = 0, so L = 0 and no step limit exists (empty); C = 0, so the remainder is 0. On the
   * coordination game (γ = 1/2, φ̂ = 1): C = (1+γ) φ̂/(1−γ)³ = 12, remainder C ν²/2 = 6 at ν = 1, 0 at ν = 0.
   */
  @Test
  void monotoneBoundsOfAConstantPotential() {
    MarkovGame g = zeroChain();
    assertThat(MonotoneBounds.ipgNonDecreasing(g)).isEmpty();
    assertThat(MonotoneBounds.ipgSufficientAscent(g)).isEmpty();
    assertThat(MonotoneBounds.qAscentNonDecreasing(g)).isEmpty();
    assertThat(MonotoneBounds.remainder(g, ONE)).isEqualTo(Z);
    assertThat(MonotoneBounds.remainder(COORD, ONE)).isEqualTo(BigFraction.of(6));
    assertThat(MonotoneBounds.remainder(COORD, Z)).isEqualTo(Z);
    assertThatThrownBy(() -> MonotoneBounds.remainder(COORD, BigFraction.of(-1, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("nu must be >= 0, got -1/3");
    assertThat(MonotoneBounds.ipgSufficientAscent(COORD)).contains(BigFraction.of(1, 48));
    assertThat(MonotoneBounds.qAscentNonDecreasing(COORD)).contains(BigFraction.of(1, 24));
  }

  /**
   * ν = (0, 1) on the zero chain: state 0 is never visited from ν, so c_ν = 0 and neither bound applies (and no step
   * limit is computed from c_ν = 0); ν = (1/2, 1/2) gives c_ν = 1/4 &gt; 0 and, with R = 0, no step limit: every η
   * is covered. ν must be a distribution.
   */
  @Test
  void assessmentsAtAWeightingThatMissesAState() {
    MarkovGame g = zeroChain();
    BigFraction[] missing = {Z, ONE};
    KlRegretBound.Assessment kl = KlRegretBound.assess(g, ONE, missing);
    assertThat(kl.visitationFloor()).isEqualTo(Z);
    assertThat(kl.stepLimit()).isEmpty();
    assertThat(kl.notApplicable()).contains("the visitation floor min_{pi,s} d_nu^pi(s) is 0 for this nu; choose nu"
        + " > 0");
    QAscentRegretBound.Assessment qa = QAscentRegretBound.assess(g, ONE, missing);
    assertThat(qa.stepLimit()).isEmpty();
    assertThat(qa.notApplicable()).contains("the visitation floor min_{pi,s} d_nu^pi(s) is 0 for nu = (0, 1); choose"
        + " nu > 0");
    BigFraction[] uniform = {HALF, HALF};
    KlRegretBound.Assessment klu = KlRegretBound.assess(g, BigFraction.of(1000), uniform);
    assertThat(klu.visitationFloor()).isEqualTo(BigFraction.of(1, 4));
    assertThat(klu.stepLimit()).isEmpty();
    assertThat(klu.applies()).isTrue();
    QAscentRegretBound.Assessment qau = QAscentRegretBound.assess(g, BigFraction.of(1000), uniform);
    assertThat(qau.stepLimit()).isEmpty();
    assertThat(qau.applies()).isTrue();
    // R = 0: the bound is 4 ΔΦ (2/η)/((1−γ) c T) = 4·1·(1/500)/((1/2)(1/4)·1) = 8/125 at ΔΦ = 1, T = 1
    assertThat(qau.boundSquared(1, ONE)).isEqualTo(BigFraction.of(8, 125));
    assertThatThrownBy(() -> RegretConstants.visitationFloor(g, new BigFraction[] {HALF, BigFraction.of(1, 4)}))
        .isInstanceOf(InvalidGameException.class).hasMessage("nu sums to 3/4; it must sum to exactly 1");
    assertThatThrownBy(() -> RegretConstants.visitationFloorBound(g, new BigFraction[] {HALF, BigFraction.of(1, 4)}))
        .isInstanceOf(InvalidGameException.class);
  }

  /** A constant with a value has one. */
  @Test
  void aConstantWithAValueHasOne() {
    assertThat(Constant.of("X", ONE, "s", Optional.empty()).hasValue()).isTrue();
    assertThat(Constant.without("X", Constant.Status.UNBOUNDED, "s", Optional.empty()).hasValue()).isFalse();
  }
}
