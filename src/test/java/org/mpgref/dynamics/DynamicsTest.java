package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.evaluation.DoubleEvaluation;
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
              assertThat(p.prob(i, s, a).signum()).isGreaterThanOrEqualTo(0);
              double diff = Math.abs(p.prob(i, s, a).doubleValue() - dbl.get(t).policy().prob(i, s, a));
              assertThat(diff).as("%s t=%d", alg, t).isLessThan(1e-12);
            }
          }
        }
      }
    }
  }

  @Test
  void inpgStepIsMultiplicativeWeightsOnTheAdvantage() {
    double eta = 1e-4;
    List<Iterate> run = DoubleDynamics.run(D3.toDouble(), Algorithm.INPG, eta, 1, 0, t -> {});
    DoubleEvaluation ev = DoubleEvaluation.of(D3.toDouble(), run.get(0).policy());
    for (int i = 0; i < 3; i++) {
      for (int s = 0; s < 2; s++) {
        double z = 0;
        double[] w = new double[4];
        for (int a = 0; a < 4; a++) {
          w[a] = 0.25 * Math.exp(eta * ev.advantage(i, s, a) / 0.01);
          z += w[a];
        }
        for (int a = 0; a < 4; a++) {
          assertThat(run.get(1).policy().prob(i, s, a)).isCloseTo(w[a] / z, org.assertj.core.data.Offset.offset(1e-12));
        }
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
