package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;

/** The dynamics: exact steps stay on the simplex, exact and double steps agree, INPG equals multiplicative weights. */
class DynamicsTest {
  private static final AnonymousMarkovGame D3 = DistancingGame.of(DistancingGame.published(3));

  @Test
  void exactStepsStayOnTheSimplexAndMatchTheDoubleRun() {
    for (Algorithm alg : new Algorithm[] {Algorithm.IPG, Algorithm.PROJECTED_Q_ASCENT}) {
      BigFraction eta = alg == Algorithm.IPG ? BigFraction.of(1, 10_000) : BigFraction.of(1, 200);
      List<Iterate> dbl = DoubleDynamics.run(D3.toDouble(), alg, eta.doubleValue(), 2, 0, t -> {});
      Policy p = Policy.uniform(D3);
      for (int t = 1; t <= 2; t++) {
        p = ExactDynamics.step(Evaluation.of(D3, p), alg, eta); // Policy.of re-validates the simplex exactly
        for (int i = 0; i < 3; i++) {
          for (int s = 0; s < 2; s++) {
            for (int a = 0; a < 4; a++) {
              // small steps from uniform stay in the interior (Policy.of already checked the simplex)
              assertThat(p.prob(i, s, a).signum()).as("%s t=%d", alg, t).isPositive();
              double diff = Math.abs(p.prob(i, s, a).doubleValue() - dbl.get(t).policy().prob(i, s, a));
              assertThat(diff).as("%s t=%d", alg, t).isLessThan(1e-12);
            }
          }
        }
      }
    }
  }

  /**
   * One INPG step from uniform on a hand game, derived by hand (not through {@code DoubleEvaluation}): two agents with
   * two actions each, two absorbing states (P(s|s,a) = 1), γ = 1/2, ρ = (1/4, 3/4), both agents rewarded
   * r(0,a) = a₀ + a₁ and r(1,a) = 4a₀a₁ + 1, η = (ln 2)/2, so the INPG factor η/(1−γ) is ln 2 and
   * π'ᵢ(s,a) ∝ πᵢ(s,a) 2^{Āᵢ(s,a)}.
   *
   * <p>At uniform, with absorbing states, Q̄ᵢ(s,a) = r̄ᵢ(s,a) + γVᵢ(s) and Vᵢ(s) = r̄ᵢ(s)/(1−γ), so
   * Āᵢ(s,a) = r̄ᵢ(s,a) − r̄ᵢ(s). State 0: r̄ᵢ(0,a) = a + 1/2 (the other agent's action averaged), r̄ᵢ(0) = 1,
   * Ā = ∓1/2, π'(0,1) = 2^{1/2}/(2^{1/2} + 2^{−1/2}) = 2/3. State 1: r̄ᵢ(1,a) = 2a + 1, r̄ᵢ(1) = 2, Ā = ∓1,
   * π'(1,1) = 2/(2 + 1/2) = 4/5. Here Q̄ − Ā = V is 2 in state 0 and 4 in state 1: only a per-state, per-agent
   * normaliser makes the step independent of that shift (a softmax across states on Q̄ gives other numbers).
   * Wrong factors fail too: η alone (no 1/(1−γ)) gives √2/(1+√2) ≈ 0.586 in state 0; the policy-gradient step
   * weighting by d_ρ(s)πᵢ(s,a) (1/4, 3/4 here) gives other numbers; not averaging the other agent's action
   * (taking a₋ᵢ = 0) gives 1/2 in state 1.
   */
  @Test
  void inpgStepIsMultiplicativeWeightsOnTheAdvantage() {
    BigFraction z = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    BigFraction two = BigFraction.of(2);
    // joint index, agent 0 fastest: 0 = (0,0), 1 = (1,0), 2 = (0,1), 3 = (1,1); both agents get the same reward
    BigFraction[][][] r = {
        {{z, z}, {one, one}, {one, one}, {two, two}},
        {{one, one}, {one, one}, {one, one}, {BigFraction.of(5), BigFraction.of(5)}}};
    BigFraction[][][] p = {
        {{one, z}, {one, z}, {one, z}, {one, z}},
        {{z, one}, {z, one}, {z, one}, {z, one}}};
    org.mpgref.game.TabularMarkovGame g = org.mpgref.game.TabularMarkovGame.of("inpg-hand", new int[] {2, 2},
        BigFraction.of(1, 2), new BigFraction[] {BigFraction.of(1, 4), BigFraction.of(3, 4)}, r, p);
    List<Iterate> run = DoubleDynamics.run(g.toDouble(), Algorithm.INPG, Math.log(2) / 2, 1, 0, t -> {});
    double[] better = {2.0 / 3, 4.0 / 5};
    for (int i = 0; i < 2; i++) {
      for (int s = 0; s < 2; s++) {
        assertThat(run.get(1).policy().prob(i, s, 1)).as("agent %d state %d", i, s)
            .isCloseTo(better[s], org.assertj.core.data.Offset.offset(1e-14));
        assertThat(run.get(1).policy().prob(i, s, 0)).as("agent %d state %d", i, s)
            .isCloseTo(1 - better[s], org.assertj.core.data.Offset.offset(1e-14));
      }
    }
  }

  @Test
  void runsConvergeToASmallExactNashGapOnTheSmallDistancingGame() {
    List<Iterate> run = DoubleDynamics.run(D3.toDouble(), Algorithm.INPG, 1e-4, 2000, 1e-15, t -> {});
    Policy last = Policy.ofDoublePolicy(run.get(run.size() - 1).policy());
    BigFraction gap = org.mpgref.evaluation.NashGap.of(D3, last).nashGap();
    assertThat(Rationals.compare(gap, BigFraction.of(1, 1_000_000))).isLessThanOrEqualTo(0);
    assertThat(run.get(run.size() - 1).l1Change()).isLessThan(1e-15);
  }

  @Test
  void inpgCannotRunExactly() {
    assertThatThrownBy(() -> ExactDynamics.step(Evaluation.of(D3, Policy.uniform(D3)), Algorithm.INPG, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exp");
  }

  /** A one-state 2x2 coordination game (payoff 2 on (0,0), 1 on (1,1)), γ = 0: projected Q-ascent with a large step jumps to a pure Nash equilibrium and stops at an exact fixed point. */
  @Test
  void exactRunStopsAtAnExactFixedPointWithZeroGap() {
    BigFraction z = BigFraction.ZERO;
    BigFraction[][][] r = {{{BigFraction.of(2), BigFraction.of(2)}, {z, z}, {z, z}, {BigFraction.ONE, BigFraction.ONE}}};
    BigFraction[][][] p = {{{BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}}};
    org.mpgref.game.TabularMarkovGame g = org.mpgref.game.TabularMarkovGame.of("coordination", new int[] {2, 2}, z,
        new BigFraction[] {BigFraction.ONE}, r, p);
    Run<ExactIterate> run = ExactDynamics.run(g, Policy.uniform(g), Algorithm.PROJECTED_Q_ASCENT, BigFraction.ONE, 10, 1000);
    List<ExactIterate> it = run.iterates();
    assertThat(run.stoppedBySize()).isFalse();
    ExactIterate last = it.get(it.size() - 1);
    assertThat(last.l1Change()).contains(BigFraction.ZERO);
    assertThat(last.nashGap()).contains(BigFraction.ZERO);
    assertThat(run.stoppedBy(Stop.FIXED_POINT)).isTrue();
    assertThat(last.policy().prob(0, 0, 0)).isEqualTo(BigFraction.ONE);
    assertThat(it.get(0).nashGap().orElseThrow().signum()).isPositive();
  }

  @Test
  void exactRunStopsWhenDenominatorsOutgrowTheGuard() {
    Run<ExactIterate> run = ExactDynamics.run(D3, Policy.uniform(D3), Algorithm.IPG, BigFraction.of(1, 10_000), 50, 20);
    assertThat(run.stoppedBySize()).isTrue();
    assertThat(run.iterates().size()).isLessThan(51);
    // the guard stops before the too-large iterate is evaluated: every recorded iterate is within it
    for (ExactIterate it : run.iterates()) {
      assertThat(ExactDynamics.largestDenominatorDigits(it.policy())).isLessThanOrEqualTo(20);
    }
    assertThat(run.stopReason()).contains("iterate " + run.iterates().size()).contains("--max-denominator-digits 20");
  }
}
