package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * φ_max = max_{π,s} |Φ^π(s)| (proofs-notes/pmd-phi-max-and-steps.md): hand values, brute force over all pure product
 * policies, random mixed policies inside the extremes, and the stage bound max|φ|/(1−γ) above it.
 */
class PhiMaxTest {
  /** pmd-one-state-example.md §1: Φ^π = r_π/(1−γ), extremes 2/(1−γ) at (0,0) and 0 at (0,1). */
  @Test
  void handDerivedCoordinationGame() {
    PhiMax.Result r0 = PhiMax.of(HandGames.coordination(BigFraction.ZERO)).orElseThrow();
    assertThat(r0.phiMax()).isEqualTo(BigFraction.of(2));
    assertThat(r0.extremes().max()).containsExactly(BigFraction.of(2));
    assertThat(r0.extremes().min()).containsExactly(BigFraction.ZERO);
    assertThat(r0.stageBound()).isEqualTo(BigFraction.of(2));
    assertThat(r0.rangeAt(new BigFraction[] {BigFraction.ONE})).isEqualTo(BigFraction.of(2));
    assertThat(r0.extremes().argmax()[0]).containsExactly(0, 0);
    PhiMax.Result r1 = PhiMax.of(HandGames.coordination(BigFraction.of(1, 2))).orElseThrow();
    assertThat(r1.phiMax()).isEqualTo(BigFraction.of(4));
  }

  /**
   * Distancing, N = 3 (pmd-phi-max-and-steps.md §4): distancing is absorbing; the smallest stage potential there is
   * 1·3 + 2·1 − 100 = −95 (two agents on A, one on B), so min Φ(distancing) = −95/(1−γ) = −9500 and φ_max = 9500;
   * the largest from safe is staying spread over B, C, D: 12/(1−γ) = 1200.
   */
  @Test
  void distancingWithThreeAgents() {
    MarkovGame g = DistancingGame.of(DistancingGame.published(3));
    PhiMax.Result r = PhiMax.of(g).orElseThrow();
    assertThat(r.phiMax()).isEqualTo(BigFraction.of(9500));
    assertThat(r.extremes().min()[1]).isEqualTo(BigFraction.of(-9500));
    assertThat(r.extremes().max()[0]).isEqualTo(BigFraction.of(1200));
    assertThat(r.stageBound()).isEqualTo(BigFraction.of(9500));
  }

  /**
   * For every state, max and min of Φ^π(s) equal the max and min over all Π_i |A_i|^|S| pure product policies
   * (enumerated), random mixed policies stay within them, and φ_max ≤ max|φ|/(1−γ).
   */
  @Test
  void extremesMatchBruteForceOverPurePolicies() {
    Seeds.property("phiMaxBruteForce", 4201L, 50)
        .forAll(integers().between(1, 2), integers().between(1, 2), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = seed % 3 == 0
              ? RandomGames.statePotential(states, agents, actions, seed, false)
              : RandomGames.potentialGame(states, agents, actions, seed);
          PhiMax.Result res = PhiMax.of(game).orElseThrow();
          BigFraction[] max = new BigFraction[states];
          BigFraction[] min = new BigFraction[states];
          int[][] acts = new int[agents][states];
          int total = 1;
          for (int i = 0; i < agents; i++) {
            for (int s = 0; s < states; s++) {
              total *= game.actionCount(i);
            }
          }
          for (int code = 0; code < total; code++) {
            int rest = code;
            for (int i = 0; i < agents; i++) {
              for (int s = 0; s < states; s++) {
                acts[i][s] = rest % game.actionCount(i);
                rest /= game.actionCount(i);
              }
            }
            BigFraction[] phi = Evaluation.of(game, Policy.pure(game, acts)).potential().orElseThrow();
            for (int s = 0; s < states; s++) {
              max[s] = max[s] == null || Rationals.compare(phi[s], max[s]) > 0 ? phi[s] : max[s];
              min[s] = min[s] == null || Rationals.compare(phi[s], min[s]) < 0 ? phi[s] : min[s];
            }
          }
          BigFraction phiMax = BigFraction.ZERO;
          for (int s = 0; s < states; s++) {
            assertThatExact(res.extremes().max()[s]).as("max Phi(%d) in %s", s, game.name()).isEqualByComparingTo(max[s]);
            assertThatExact(res.extremes().min()[s]).as("min Phi(%d) in %s", s, game.name()).isEqualByComparingTo(min[s]);
            phiMax = Rationals.compare(max[s].abs(), phiMax) > 0 ? max[s].abs() : phiMax;
            phiMax = Rationals.compare(min[s].abs(), phiMax) > 0 ? min[s].abs() : phiMax;
          }
          assertThatExact(res.phiMax()).isEqualByComparingTo(phiMax);
          assertThatExact(res.phiMax()).isLessThanOrEqualTo(res.stageBound());
          UniformRandomProvider r = RandomGames.rng(~seed);
          for (int k = 0; k < 3; k++) {
            BigFraction[] phi = Evaluation.of(game, RandomGames.policy(game, r)).potential().orElseThrow();
            for (int s = 0; s < states; s++) {
              assertThatExact(phi[s]).isLessThanOrEqualTo(max[s]).isGreaterThanOrEqualTo(min[s]);
              assertThatExact(phi[s].abs()).isLessThanOrEqualTo(res.phiMax());
            }
          }
        });
  }

  @Test
  void gameWithoutPotentialHasNoPhiMax() {
    assertThat(PhiMax.of(RandomGames.game(1, 2, 2, 7L))).isEmpty();
  }
}
