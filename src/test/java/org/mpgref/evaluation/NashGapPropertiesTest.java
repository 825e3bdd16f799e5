package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.Seeds;

/**
 * Seeded properties of exact best responses and Nash gaps on small random games: gaps are non-negative, the
 * Bellman-optimality certificates hold, the aggregates (gap at ρ, Nash gap, NashConv, largest state gap) follow
 * their definitions, and the best-response value equals, state by state, the maximum over all |A_i|^|S|
 * deterministic stationary deviations enumerated by brute force.
 */
class NashGapPropertiesTest {
  /** Gaps are ≥ 0, certificates verify, and the aggregates are the max/sum of the per-agent gaps at ρ. */
  @Test
  void gapsAreNonNegativeAndCertified() {
    Seeds.property("nashGapCertified", 2001L, 100)
        .forAll(Gens.smallGamesWithPolicy())
        .checkAssert(gp -> {
          TabularMarkovGame game = gp.game();
          Policy policy = gp.policy();
          int states = game.stateCount();
          int agents = game.agentCount();
          NashGap gaps = NashGap.of(game, policy);
          assertThat(gaps.verify()).as("certificates in %s", game.name()).isTrue();
          BigFraction max = BigFraction.ZERO;
          BigFraction conv = BigFraction.ZERO;
          BigFraction maxState = BigFraction.ZERO;
          for (int i = 0; i < agents; i++) {
            BigFraction atRho = BigFraction.ZERO;
            for (int s = 0; s < states; s++) {
              BigFraction g = gaps.gap(i, s);
              assertThatExact(g).as("gap_%d(%d) in %s", i, s, game.name()).isGreaterThanOrEqualTo(BigFraction.ZERO);
              assertThatExact(g).isEqualByComparingTo(
                  gaps.bestResponse(i).value(s).subtract(gaps.evaluation().value(i, s)));
              atRho = atRho.add(game.initial(s).multiply(g));
              maxState = Rationals.compare(maxState, g) >= 0 ? maxState : g;
            }
            assertThatExact(gaps.gapAtInitial(i)).isEqualByComparingTo(atRho);
            max = Rationals.compare(max, atRho) >= 0 ? max : atRho;
            conv = conv.add(atRho);
          }
          assertThatExact(gaps.nashGap()).as("Nash gap in %s", game.name()).isEqualByComparingTo(max);
          assertThatExact(gaps.nashConv()).as("NashConv in %s", game.name()).isEqualByComparingTo(conv);
          assertThatExact(gaps.maxStateGap()).as("max state gap in %s", game.name()).isEqualByComparingTo(maxState);
        });
  }

  /**
   * For every agent i and state s, V_i^*(s) = max over all deterministic stationary σ of V_i^{σ,π_{-i}}(s), by
   * enumerating the |A_i|^|S| policies with {@link Policy#withPureAgent} and {@link Evaluation#of}; and the returned
   * best-response actions attain V_i^* in every state.
   */
  @Test
  void bestResponseMatchesBruteForce() {
    Seeds.property("bestResponseBruteForce", 2002L, 60)
        .forAll(Gens.smallGamesWithPolicy())
        .checkAssert(gp -> {
          TabularMarkovGame game = gp.game();
          Policy policy = gp.policy();
          int states = game.stateCount();
          int agents = game.agentCount();
          Evaluation ev = Evaluation.of(game, policy);
          for (int i = 0; i < agents; i++) {
            BestResponse br = BestResponse.of(ev, i);
            assertThat(br.verify()).isTrue();
            BigFraction[] best = bruteForceBest(game, policy, i);
            for (int s = 0; s < states; s++) {
              assertThatExact(br.value(s)).as("V*_%d(%d) vs brute force in %s under%n%s", i, s, game.name(), policy)
                  .isEqualByComparingTo(best[s]);
            }
            Evaluation attained = Evaluation.of(game, policy.withPureAgent(i, br.actions()));
            for (int s = 0; s < states; s++) {
              assertThatExact(attained.value(i, s)).as("value of BR actions %s at %d", Arrays.toString(br.actions()), s)
                  .isEqualByComparingTo(br.value(s));
            }
          }
        });
  }

  /**
   * max over deterministic σ of agent i of V_i^{σ,π_{-i}}(s), per state, by enumeration.
   *
   * @param game the game
   * @param policy π
   * @param agent i
   * @return [s]
   */
  static BigFraction[] bruteForceBest(MarkovGame game, Policy policy, int agent) {
    int states = game.stateCount();
    int m = game.actionCount(agent);
    int total = 1;
    for (int s = 0; s < states; s++) {
      total *= m;
    }
    BigFraction[] best = new BigFraction[states];
    for (int code = 0; code < total; code++) {
      int[] sigma = new int[states];
      int rest = code;
      for (int s = 0; s < states; s++) {
        sigma[s] = rest % m;
        rest /= m;
      }
      Evaluation ev = Evaluation.of(game, policy.withPureAgent(agent, sigma));
      for (int s = 0; s < states; s++) {
        BigFraction v = ev.value(agent, s);
        if (best[s] == null || Rationals.compare(v, best[s]) > 0) {
          best[s] = v;
        }
      }
    }
    return best;
  }
}
