package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * The run loops of the dynamics, on a run small enough to derive by hand (found by mutation testing, issue 4): the
 * argument checks, the iteration count, the L1 stopping rule and its strict boundary, the exact fixed-point stop,
 * the strict denominator-size guard, the recorded per-iterate quantities, the progress callback, and the stable
 * softmax.
 *
 * <p>The game: one state, two agents with two actions, γ = 0, ρ = (1), identical interest with payoff 2 on (0,0), 1
 * on (1,1), 0 otherwise (declared potential φ = payoff). Projected Q-ascent with η = 1 from uniform, by hand
 * (Q̄_i(a) = payoff of a against the other agent's mixture; Proj_Δ(y) = (y − τ)_+ with Σ = 1):
 *
 * <pre>
 *   π^0 = (1/2, 1/2)  Q̄ = (1, 1/2)     y = (3/2, 1)    τ = 3/4   π^1 = (3/4, 1/4)   L1 change 1/2
 *   π^1               Q̄ = (3/2, 1/4)   y = (9/4, 1/2)  τ = 5/4   π^2 = (1, 0)       L1 change 1/2
 *   π^2               Q̄ = (2, 0)       y = (3, 0)      τ = 2     π^3 = (1, 0)       L1 change 0
 * </pre>
 *
 * V_i(ρ) = Φ(ρ) = expected payoff: 3/4, 19/16, 2, 2; the Nash gap is max_a Q̄ − V: 1 − 3/4 = 1/4, 3/2 − 19/16 = 5/16,
 * 0, 0. Every one of these numbers is a dyadic rational, hence also exact in double. The (agent-averaged) L1 change is
 * the per-agent ‖π_i^t − π_i^{t−1}‖_1, the same for both agents.
 */
class DynamicsMutationKillTest {
  private static final BigFraction[] V = {BigFraction.of(3, 4), BigFraction.of(19, 16), BigFraction.of(2),
      BigFraction.of(2)};
  private static final BigFraction[] GAP = {BigFraction.of(1, 4), BigFraction.of(5, 16), BigFraction.ZERO,
      BigFraction.ZERO};
  private static final BigFraction[] P0 = {BigFraction.of(1, 2), BigFraction.of(3, 4), BigFraction.ONE,
      BigFraction.ONE};

  private static TabularMarkovGame coordination() {
    BigFraction z = BigFraction.ZERO;
    BigFraction two = BigFraction.of(2);
    BigFraction[][][] r = {{{two, two}, {z, z}, {z, z}, {BigFraction.ONE, BigFraction.ONE}}};
    BigFraction[][][] p = {{{BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}}};
    BigFraction[][] phi = {{two, z, z, BigFraction.ONE}};
    return TabularMarkovGame.withPotential("coordination", new int[] {2, 2}, z, new BigFraction[] {BigFraction.ONE},
        r, p, phi, StagePotential.Condition.IDENTICAL_INTEREST);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ExactDynamics
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void exactRunMatchesTheHandDerivedIteratesAndStopsAtTheFirstZeroChange() {
    TabularMarkovGame g = coordination();
    Run<ExactIterate> run = ExactDynamics.run(g, Policy.uniform(g), Algorithm.PROJECTED_Q_ASCENT, BigFraction.ONE, 10,
        1000);
    List<ExactIterate> it = run.iterates();
    assertThat(run.stoppedBySize()).isFalse();
    assertThat(it).as("pi^0..pi^3: the run ends at the first iterate with zero change").hasSize(4);
    for (int t = 0; t < 4; t++) {
      ExactIterate x = it.get(t);
      assertThat(x.t()).isEqualTo(t);
      for (int i = 0; i < 2; i++) {
        assertThatExact(x.policy().prob(i, 0, 0)).as("pi_%d^%d(0)", i, t).isEqualByComparingTo(P0[t]);
        assertThatExact(x.values()[i]).as("V_%d(rho) at t=%d", i, t).isEqualByComparingTo(V[t]);
      }
      assertThatExact(x.nashGap().orElseThrow()).as("Nash gap at t=%d", t).isEqualByComparingTo(GAP[t]);
      assertThatExact(x.potential().orElseThrow()).as("Phi(rho) at t=%d", t).isEqualByComparingTo(V[t]);
    }
    assertThat(it.get(0).l1Change()).isEmpty();
    assertThatExact(it.get(1).l1Change().orElseThrow()).isEqualByComparingTo(BigFraction.of(1, 2));
    assertThatExact(it.get(2).l1Change().orElseThrow()).isEqualByComparingTo(BigFraction.of(1, 2));
    assertThatExact(it.get(3).l1Change().orElseThrow()).isEqualByComparingTo(BigFraction.ZERO);
  }

  @Test
  void exactRunTakesExactlyTheRequestedNumberOfSteps() {
    TabularMarkovGame g = coordination();
    Run<ExactIterate> two = ExactDynamics.run(g, Policy.uniform(g), Algorithm.PROJECTED_Q_ASCENT, BigFraction.ONE, 2,
        1000);
    assertThat(two.iterates()).hasSize(3);
    assertThat(two.stoppedBySize()).isFalse();
    assertThatExact(two.iterates().get(2).policy().prob(0, 0, 0)).isEqualByComparingTo(BigFraction.ONE);
    Run<ExactIterate> none = ExactDynamics.run(g, Policy.uniform(g), Algorithm.IPG, BigFraction.ONE, 0, 1000);
    assertThat(none.iterates()).hasSize(1);
    assertThat(none.iterates().get(0).policy()).isEqualTo(Policy.uniform(g));
    assertThatExact(none.iterates().get(0).nashGap().orElseThrow()).isEqualByComparingTo(GAP[0]);
  }

  /**
   * The size guard stops a run only when an iterate's largest denominator has more digits than allowed: π^1 = (3/4,
   * 1/4) has 1-digit denominators, so a guard of 1 lets the run finish at its fixed point; a guard below 1 is refused.
   */
  @Test
  void sizeGuardIsStrict() {
    TabularMarkovGame g = coordination();
    Policy u = Policy.uniform(g);
    assertThat(ExactDynamics.largestDenominatorDigits(
        ExactDynamics.step(Evaluation.of(g, u), Algorithm.PROJECTED_Q_ASCENT, BigFraction.ONE))).isEqualTo(1);
    Run<ExactIterate> one = ExactDynamics.run(g, u, Algorithm.PROJECTED_Q_ASCENT, BigFraction.ONE, 10, 1);
    assertThat(one.stoppedBySize()).isFalse();
    assertThat(one.iterates()).hasSize(4);
    assertThatExact(one.iterates().get(1).policy().prob(0, 0, 0)).isEqualByComparingTo(BigFraction.of(3, 4));
    assertThatThrownBy(() -> ExactDynamics.run(g, u, Algorithm.PROJECTED_Q_ASCENT, BigFraction.ONE, 10, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDenominatorDigits");
  }

  @Test
  void exactArgumentsAreChecked() {
    TabularMarkovGame g = coordination();
    Evaluation ev = Evaluation.of(g, Policy.uniform(g));
    for (BigFraction eta : new BigFraction[] {BigFraction.ZERO, BigFraction.of(-1, 2)}) {
      assertThatThrownBy(() -> ExactDynamics.step(ev, Algorithm.IPG, eta)).as("eta = %s", eta)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta must be > 0");
      assertThatThrownBy(() -> ExactDynamics.run(g, Policy.uniform(g), Algorithm.PROJECTED_Q_ASCENT, eta, 1, 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta must be > 0");
    }
    assertThatThrownBy(() -> ExactDynamics.run(g, Policy.uniform(g), Algorithm.IPG, BigFraction.ONE, -1, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations must be >= 0");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // DoubleDynamics
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void doubleRunMatchesTheHandDerivedIteratesAndReportsProgress() {
    DoubleMarkovGame g = coordination().toDouble();
    List<Integer> progress = new ArrayList<>();
    List<Iterate> it = DoubleDynamics.run(g, Algorithm.PROJECTED_Q_ASCENT, 1.0, 10, 1e-15, progress::add);
    assertThat(it).hasSize(4);
    assertThat(progress).containsExactly(1, 2, 3);
    for (int t = 0; t < 4; t++) {
      Iterate x = it.get(t);
      assertThat(x.t()).isEqualTo(t);
      assertThat(x.values()).containsExactly(V[t].doubleValue(), V[t].doubleValue());
      assertThat(x.nashGap()).as("Nash gap at t=%d", t).isEqualTo(GAP[t].doubleValue());
      assertThat(x.potential()).as("Phi(rho) at t=%d", t).isEqualTo(V[t].doubleValue());
      assertThat(x.policy().prob(1, 0, 0)).isEqualTo(P0[t].doubleValue());
    }
    assertThat(it.get(0).l1Change()).isNaN();
    assertThat(it.get(1).l1Change()).isEqualTo(0.5);
    assertThat(it.get(2).l1Change()).isEqualTo(0.5);
    assertThat(it.get(3).l1Change()).isEqualTo(0.0);
  }

  /**
   * The run stops when the L1 change falls strictly below {@code stopL1}: with stopL1 = 1/2 the changes 1/2, 1/2 do
   * not stop it and the change 0 does (π^0..π^3); with stopL1 = 0 nothing stops it (a change of 0 is not below 0) and
   * all steps are taken.
   */
  @Test
  void l1StoppingRuleIsStrict() {
    DoubleMarkovGame g = coordination().toDouble();
    assertThat(DoubleDynamics.run(g, Algorithm.PROJECTED_Q_ASCENT, 1.0, 10, 0.5, t -> {})).hasSize(4);
    assertThat(DoubleDynamics.run(g, Algorithm.PROJECTED_Q_ASCENT, 1.0, 10, 0.50001, t -> {})).hasSize(2);
    assertThat(DoubleDynamics.run(g, Algorithm.PROJECTED_Q_ASCENT, 1.0, 5, 0.0, t -> {})).hasSize(6);
  }

  @Test
  void doubleArgumentsAreChecked() {
    DoubleMarkovGame g = coordination().toDouble();
    for (double eta : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> DoubleDynamics.run(g, Algorithm.INPG, eta, 1, 0, t -> {})).as("eta = %s", eta)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a positive finite number");
    }
    assertThatThrownBy(() -> DoubleDynamics.run(g, Algorithm.INPG, 1.0, -1, 0, t -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIterations >= 0");
    List<Iterate> none = DoubleDynamics.run(g, Algorithm.INPG, 1.0, 0, 0, t -> {});
    assertThat(none).hasSize(1);
    assertThat(none.get(0).policy().prob(0, 0, 1)).isEqualTo(0.5);
    assertThat(none.get(0).nashGap()).isEqualTo(0.25);
  }

  /** Softmax with the maximum subtracted stays finite for logits whose exponentials overflow. */
  @Test
  void softmaxIsStableForLargeLogits() {
    assertThat(DoubleDynamics.softmax(new double[] {1000, 1000})).containsExactly(0.5, 0.5);
    double[] p = DoubleDynamics.softmax(new double[] {800, 800 + Math.log(3)});
    assertThat(Math.abs(p[0] - 0.25)).isLessThan(1e-12);
    assertThat(Math.abs(p[1] - 0.75)).isLessThan(1e-12);
    assertThat(DoubleDynamics.softmax(new double[] {-1000, 0})).containsExactly(0.0, 1.0);
  }

  @Test
  void algorithmsNameTheirSources() {
    assertThat(Algorithm.IPG.source()).contains("Leonardos");
    assertThat(Algorithm.PROJECTED_Q_ASCENT.source()).contains("Ding");
    assertThat(Algorithm.INPG.source()).contains("Fox");
    assertThat(Algorithm.PROJECTED_Q_ASCENT.label()).isEqualTo("projected Q-ascent");
    assertThat(Algorithm.IPG.isRational()).isTrue();
    assertThat(Algorithm.PROJECTED_Q_ASCENT.isRational()).isTrue();
    assertThat(Algorithm.INPG.isRational()).isFalse();
  }
}
