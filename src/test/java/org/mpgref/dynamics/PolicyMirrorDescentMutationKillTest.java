package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;

/**
 * Properties of {@link PolicyMirrorDescent}'s double path that PIT showed no other test pinned down: the KL row is
 * shift-invariant in Q̄ and stays finite for large Q̄ (the maximum is subtracted, not added), every argument rule of
 * the row updates and of {@code runDouble} is enforced at its boundary, T = 0 returns just π^0, and a Euclidean run
 * is the repeated Euclidean step (which reaches the boundary of the simplex, where no KL iterate can be).
 */
class PolicyMirrorDescentMutationKillTest {
  private static final TabularMarkovGame COORD = HandGames.coordination(BigFraction.ZERO);

  /**
   * exp(η(q − max q)) keeps the exponent ≤ 0: for q = (1000, 999), η = 1 the row is (e, 1)/(e + 1) = (0.7311, 0.2689),
   * the same as for q = (1, 0). Adding the maximum instead would overflow to ∞/∞ = NaN.
   */
  @Test
  void klRowIsShiftInvariantAndFiniteForLargeQ() {
    double[] p = {0.5, 0.5};
    double[] big = PolicyMirrorDescent.klRow(p, new double[] {1000, 999}, 1.0);
    double[] small = PolicyMirrorDescent.klRow(p, new double[] {1, 0}, 1.0);
    double e = Math.E;
    assertThat(big[0]).isCloseTo(e / (e + 1), Offset.offset(1e-15));
    assertThat(big[1]).isCloseTo(1 / (e + 1), Offset.offset(1e-15));
    assertThat(big).containsExactly(small, Offset.offset(1e-15));
    double[] negative = PolicyMirrorDescent.klRow(p, new double[] {-1000, -1001}, 1.0);
    assertThat(negative).containsExactly(small, Offset.offset(1e-15));
  }

  @Test
  void rowRulesAreEnforcedAtTheirBoundaries() {
    double[] p = {0.5, 0.5};
    double[] q = {1, 0};
    for (double eta : new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NaN}) {
      assertThatThrownBy(() -> PolicyMirrorDescent.euclideanRow(p, q, eta)).as("euclidean eta %s", eta)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta = ");
      assertThatThrownBy(() -> PolicyMirrorDescent.klRow(p, q, eta)).as("kl eta %s", eta)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta = ");
    }
    // a longer Qbar row would be silently truncated by the Euclidean loop without the check
    assertThatThrownBy(() -> PolicyMirrorDescent.euclideanRow(p, new double[] {1, 0, 5}, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Qbar row has 3");
    assertThatThrownBy(() -> PolicyMirrorDescent.klRow(new double[0], new double[0], 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("|A_i| >= 1");
    assertThatThrownBy(() -> PolicyMirrorDescent.euclideanRow(new double[0], new double[0], 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("|A_i| >= 1");
    // the smallest positive step is accepted
    assertThat(PolicyMirrorDescent.klRow(p, q, Double.MIN_VALUE)).containsExactly(0.5, 0.5);
  }

  @Test
  void runRulesAreEnforcedAtTheirBoundaries() {
    DoubleMarkovGame g = COORD.toDouble();
    DoublePolicy u = Policy.uniform(COORD).toDouble();
    for (Algorithm map : new Algorithm[] {Algorithm.PMD_EUCLIDEAN, Algorithm.PMD_KL}) {
      assertThatThrownBy(() -> PolicyMirrorDescent.runDouble(g, u, map, Double.POSITIVE_INFINITY, 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta = Infinity");
      assertThatThrownBy(() -> PolicyMirrorDescent.runDouble(g, u, map, Double.NaN, 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta = NaN");
      List<DoublePolicy> none = PolicyMirrorDescent.runDouble(g, u, map, 0.1, 0);
      assertThat(none).containsExactly(u);
    }
    DoublePolicy twoStates = DoublePolicy.ofStateMajor(new double[][][] {{{0.5, 0.5}, {0.5, 0.5}},
        {{0.5, 0.5}, {0.5, 0.5}}});
    assertThatThrownBy(() -> PolicyMirrorDescent.runDouble(g, twoStates, Algorithm.PMD_KL, 0.1, 1))
        .isInstanceOf(InvalidGameException.class).hasMessage(
            "start policy has 2 agents and 2 states; the game has 2 and 1");
  }

  /**
   * A Euclidean run is the repeated Euclidean step. With η = 1/2 from uniform the coordination game's first step is
   * (5/8, 3/8) (proofs-notes/pmd-one-state-example.md §2); within a few steps the projection puts mass exactly 0 on
   * the worse action, which the KL map (positive factors) can never do from an interior start.
   */
  @Test
  void euclideanRunIsTheRepeatedEuclideanStep() {
    DoubleMarkovGame g = COORD.toDouble();
    DoublePolicy pi = Policy.uniform(COORD).toDouble();
    List<DoublePolicy> run = PolicyMirrorDescent.runDouble(g, pi, Algorithm.PMD_EUCLIDEAN, 0.5, 6);
    assertThat(run.get(1).prob(0, 0, 0)).isCloseTo(0.625, Offset.offset(1e-15));
    for (int t = 1; t <= 6; t++) {
      pi = PolicyMirrorDescent.doubleStep(DoubleEvaluation.of(g, pi), Algorithm.PMD_EUCLIDEAN, 0.5);
      for (int i = 0; i < 2; i++) {
        for (int a = 0; a < 2; a++) {
          assertThat(run.get(t).prob(i, 0, a)).as("t=%d i=%d a=%d", t, i, a).isEqualTo(pi.prob(i, 0, a));
        }
      }
    }
    assertThat(run.get(6).prob(0, 0, 1)).isEqualTo(0.0);
    List<DoublePolicy> kl = PolicyMirrorDescent.runDouble(g, Policy.uniform(COORD).toDouble(),
        Algorithm.PMD_KL, 0.5, 6);
    assertThat(kl.get(6).prob(0, 0, 1)).isGreaterThan(0.0);
  }
}
