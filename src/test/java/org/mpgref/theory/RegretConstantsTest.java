package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.numbers.Rationals;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * The constants of the Nash-regret bounds ({@link RegretConstants}): the visitation floor against brute force over
 * pure policies and the coverage of a catalog game derived by hand.
 */
class RegretConstantsTest {
  private static final TabularMarkovGame COORD = HandGames.coordination(BigFraction.ZERO);

  /**
   * The visitation floor c_ν = min_{π,s} d_ν^π(s) equals the minimum over all pure product policies (enumerated),
   * random policies stay above it, and (1−γ) min ν is below it.
   */
  @Test
  void visitationFloorMatchesBruteForce() {
    Seeds.property("visitationFloorBruteForce", 4404L, 40)
        .forAll(integers().between(1, 3), integers().between(1, 2), integers().between(2, 2), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = RandomGames.anyGame(states, agents, actions, seed);
          UniformRandomProvider rng = RandomGames.rng(~seed);
          BigFraction[] nu = RandomGames.distribution(rng, states);
          BigFraction c = RegretConstants.visitationFloor(game, nu);
          BigFraction brute = BigFraction.ONE;
          int total = 1 << (agents * states);
          int[][] acts = new int[agents][states];
          for (int code = 0; code < total; code++) {
            for (int i = 0; i < agents; i++) {
              for (int s = 0; s < states; s++) {
                acts[i][s] = (code >> (i * states + s)) & 1;
              }
            }
            brute = min(brute, floorOf(game, Policy.pure(game, acts), nu));
          }
          assertThatExact(c).as("floor in %s, nu = %s", game.name(), java.util.Arrays.toString(nu)).isEqualByComparingTo(brute);
          assertThatExact(RegretConstants.visitationFloorBound(game, nu)).isLessThanOrEqualTo(c);
          for (int k = 0; k < 3; k++) {
            assertThatExact(floorOf(game, RandomGames.policy(game, rng), nu)).isGreaterThanOrEqualTo(c);
          }
        });
  }

  /** ν must be a distribution over the game's states. */
  @Test
  void visitationFloorRefusesWeightsOfTheWrongLength() {
    assertThatThrownBy(() -> RegretConstants.visitationFloor(COORD, new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}))
        .hasMessage("nu has 2 entries; the game has 1 states");
  }

  /** Distancing, N = 3: d = max_π d_ρ^π(distancing)/ρ(distancing) = ((1+γ)/2)/(1/2) = 199/100 (go there at once). */
  @Test
  void coverageOfTheSmallDistancingGame() {
    assertThat(RegretConstants.coverage(DistancingGame.of(DistancingGame.published(3)))).contains(BigFraction.of(199, 100));
  }

  private static BigFraction floorOf(MarkovGame game, Policy pi, BigFraction[] nu) {
    Evaluation ev = Evaluation.of(game, pi);
    BigFraction best = BigFraction.ONE;
    for (int s = 0; s < game.stateCount(); s++) {
      best = min(best, visitationAt(game, pi, nu, s, ev));
    }
    return best;
  }

  private static BigFraction visitationAt(MarkovGame game, Policy pi, BigFraction[] nu, int target, Evaluation ev) {
    // W = 1{s = target} + gamma P_pi W solved exactly; d_nu^pi(target) = (1 - gamma) sum_s nu(s) W(s)
    int n = game.stateCount();
    BigFraction[][] p = new BigFraction[n][n];
    BigFraction[][] r = new BigFraction[n][1];
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        p[s][t] = ev.transition(s, t);
      }
      r[s][0] = s == target ? BigFraction.ONE : BigFraction.ZERO;
    }
    BigFraction[][] w = org.mpgref.linalg.ExactLinearSolver.solveDiscounted(game.discount(), p, r);
    BigFraction d = BigFraction.ZERO;
    for (int s = 0; s < n; s++) {
      d = d.add(nu[s].multiply(w[s][0]));
    }
    return d.multiply(BigFraction.ONE.subtract(game.discount()));
  }


  private static BigFraction min(BigFraction a, BigFraction b) {
    return Rationals.compare(a, b) <= 0 ? a : b;
  }
}
