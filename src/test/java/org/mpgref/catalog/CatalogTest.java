package org.mpgref.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.Tabulate;

/**
 * The catalog games against their published definitions ({@code willoverman/MPG_experiments@9bf9a971}:
 * {@code congestionMPG_plots.py}, {@code npg_routing.py}) and the structured evaluators against the dense table
 * built by enumerating every joint action.
 */
class CatalogTest {
  private static final AnonymousMarkovGame D8 = DistancingGame.of(DistancingGame.published(8));

  @Test
  void distancingRewardsFollowTheCurrentState() {
    int[] a = {3, 3, 3, 2, 2, 1, 0, 0}; // D x3, C x2, B x1, A x2
    assertThat(D8.reward(0, 0, a)).isEqualTo(BigFraction.of(18)); // 3 agents on D, w = 6
    assertThat(D8.reward(3, 0, a)).isEqualTo(BigFraction.of(8)); // 2 on C, w = 4
    assertThat(D8.reward(5, 1, a)).isEqualTo(BigFraction.of(2 - 100)); // 1 on B, w = 2, penalty 100
    assertThat(D8.reward(6, 1, a)).isEqualTo(BigFraction.of(2 - 100)); // 2 on A, w = 1
  }

  @Test
  void distancingTransitionsUseTheThresholdsNOver2AndNOver4() {
    int[] five = {3, 3, 3, 3, 3, 0, 1, 2}; // max count 5 > 4
    int[] four = {3, 3, 3, 3, 0, 0, 1, 2}; // max count 4
    int[] three = {3, 3, 3, 0, 0, 1, 2, 2}; // max count 3 > 2
    int[] two = {3, 3, 2, 2, 1, 1, 0, 0}; // max count 2
    assertThat(D8.transition(0, five, 1)).isEqualTo(BigFraction.ONE);
    assertThat(D8.transition(0, four, 0)).isEqualTo(BigFraction.ONE);
    assertThat(D8.transition(1, three, 1)).isEqualTo(BigFraction.ONE);
    assertThat(D8.transition(1, two, 0)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void distancingRewardRangeIsFromOneAgentOnAInDistancingToAllOnD() {
    // min: a lone agent on A (w = 1) in the distancing state, 1 - 100; max: all 8 agents on D (w = 6) in safe, 48
    assertThat(D8.rewardRange()).containsExactly(BigFraction.of(-99), BigFraction.of(48));
  }

  @Test
  void distancingStatePotentialIsVerifiedOverCountVectors() {
    assertThat(D8.potential()).isPresent();
    assertThat(D8.potential().get().findViolation()).isEmpty();
  }

  @Test
  void anonymousEvaluatorEqualsTheDenseTableOnRandomPolicies() {
    MarkovGame game = DistancingGame.of(DistancingGame.published(3));
    TabularMarkovGame dense = Tabulate.of(game);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L);
    for (int trial = 0; trial < 5; trial++) {
      Policy p = randomPolicy(game, rng);
      assertSameStage(game, dense, p);
      assertThat(Evaluation.of(game, p).potential().orElseThrow())
          .containsExactly(Evaluation.of(dense, p).potential().orElseThrow());
      assertThat(NashGap.of(game, p).nashConv()).isEqualTo(NashGap.of(dense, p).nashConv());
    }
  }

  @Test
  void routingEvaluatorEqualsTheDenseTable() {
    RoutingGame game = RoutingGame.published(3);
    assertThat(game.stateCount()).isEqualTo(8);
    assertThat(game.reward(0, 5, new int[] {1, 1, 0})).isEqualTo(BigFraction.of(1, 2));
    assertThat(game.reward(2, 5, new int[] {1, 1, 0})).isEqualTo(BigFraction.ONE);
    assertThat(game.transition(0, new int[] {1, 1, 0}, 3)).isEqualTo(BigFraction.ONE); // 1 + 2*1 + 4*0
    assertThat(game.potential().orElseThrow().findViolation()).isEmpty();
    TabularMarkovGame dense = Tabulate.of(game);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    for (int trial = 0; trial < 3; trial++) {
      Policy p = randomPolicy(game, rng);
      assertSameStage(game, dense, p);
      assertThat(Evaluation.of(game, p).potential().orElseThrow())
          .containsExactly(Evaluation.of(dense, p).potential().orElseThrow());
    }
  }

  @Test
  void badParametersAreRefusedWithTheEntryNamed() {
    DistancingGame.Parameters p = DistancingGame.published(8);
    assertThatThrownBy(() -> DistancingGame.of(new DistancingGame.Parameters(8,
        new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}, p.penalty(), p.safeThreshold(), p.distancingThreshold(),
        p.gamma(), p.rho()))).isInstanceOf(InvalidGameException.class).hasMessageContaining("w[1]");
    assertThatThrownBy(() -> DistancingGame.of(new DistancingGame.Parameters(8, p.weights(), p.penalty(),
        p.safeThreshold(), p.distancingThreshold(), BigFraction.ONE, p.rho())))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("gamma");
    assertThatThrownBy(() -> RoutingGame.of(20, 2, BigFraction.of(1, 2)))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("2^20");
  }

  private static void assertSameStage(MarkovGame game, TabularMarkovGame dense, Policy p) {
    for (int s = 0; s < game.stateCount(); s++) {
      StageExpectation a = game.expect(s, p);
      StageExpectation b = dense.expect(s, p);
      for (int i = 0; i < game.agentCount(); i++) {
        for (int k = 0; k < game.actionCount(i); k++) {
          assertThat(a.rewardBar(i, k)).as("rbar s=%d i=%d a=%d", s, i, k).isEqualTo(b.rewardBar(i, k));
          for (int t = 0; t < game.stateCount(); t++) {
            assertThat(a.transitionBar(i, k, t)).isEqualTo(b.transitionBar(i, k, t));
          }
        }
      }
      assertThat(game.potential().orElseThrow().expectedPhi(s, p))
          .isEqualTo(dense.potential().orElseThrow().expectedPhi(s, p));
    }
  }

  static Policy randomPolicy(MarkovGame game, UniformRandomProvider rng) {
    BigFraction[][][] q = new BigFraction[game.agentCount()][game.stateCount()][];
    for (int i = 0; i < q.length; i++) {
      for (int s = 0; s < q[i].length; s++) {
        int m = game.actionCount(i);
        int[] w = new int[m];
        int total = 0;
        for (int a = 0; a < m; a++) {
          w[a] = rng.nextInt(4);
          total += w[a];
        }
        if (total == 0) {
          w[0] = 1;
          total = 1;
        }
        q[i][s] = new BigFraction[m];
        for (int a = 0; a < m; a++) {
          q[i][s][a] = BigFraction.of(w[a], total);
        }
      }
    }
    return Policy.of(q);
  }

  @Test
  void doubleTwinsOfTheStructuredGamesAgreeWithTheExactEvaluation() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
    for (MarkovGame game : new MarkovGame[] {DistancingGame.of(DistancingGame.published(3)), RoutingGame.published(3),
        D8}) {
      Policy p = randomPolicy(game, rng);
      Evaluation exact = Evaluation.of(game, p);
      org.mpgref.evaluation.DoubleEvaluation dbl =
          org.mpgref.evaluation.DoubleEvaluation.of(game.toDouble(), p.toDouble());
      for (int i = 0; i < game.agentCount(); i++) {
        assertClose(dbl.valueAtInitial(i), exact.valueAtInitial(i));
        for (int s = 0; s < game.stateCount(); s++) {
          for (int a = 0; a < game.actionCount(i); a++) {
            assertClose(dbl.qBar(i, s, a), exact.qBar(i, s, a));
          }
        }
      }
      assertClose(dbl.potentialAtInitial(), exact.potentialAtInitial().orElseThrow());
    }
  }

  /** Relative 1e-9 (the double world is what is checked here; the exact value is converted only at the end). */
  private static void assertClose(double d, BigFraction exact) {
    double e = exact.doubleValue();
    assertThat(Math.abs(d - e)).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(e)));
  }
}
