package org.mpgref.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * Checks of the test kit itself: generators are deterministic in the seed, our joint-action decoding matches the
 * game's indexing, the games built with a declared potential have the structure they claim (r_i = φ, or
 * r_i − φ independent of a_i with action-independent P), and over a range of seeds the generators do produce the
 * corner cases the properties rely on (γ = 0, zeros in ρ, pure rows, deterministic transitions, 3 actions).
 */
class RandomGamesTest {
  @Test
  void generatorsAreDeterministicInTheSeed() {
    for (long seed = 0; seed < 20; seed++) {
      TabularMarkovGame a = RandomGames.anyGame(3, 3, 3, seed);
      TabularMarkovGame b = RandomGames.anyGame(3, 3, 3, seed);
      assertThat(a.discount()).isEqualTo(b.discount());
      for (int[] joint : JointEnumeration.jointActions(a)) {
        for (int s = 0; s < 3; s++) {
          for (int i = 0; i < 3; i++) {
            assertThat(a.reward(i, s, joint)).isEqualTo(b.reward(i, s, joint));
          }
          for (int t = 0; t < 3; t++) {
            assertThat(a.transition(s, joint, t)).isEqualTo(b.transition(s, joint, t));
          }
        }
      }
      assertThat(RandomGames.policy(a, RandomGames.rng(seed))).isEqualTo(RandomGames.policy(b, RandomGames.rng(seed)));
    }
  }

  /** A game whose reward of agent 0 at joint index j is j: reward(0, s, decode(j)) must return j. */
  @Test
  void decodingMatchesTheGameIndexing() {
    int[] counts = {2, 3, 2};
    int joint = RandomGames.jointCount(counts);
    BigFraction[][][] r = new BigFraction[1][joint][3];
    BigFraction[][][] p = new BigFraction[1][joint][];
    for (int j = 0; j < joint; j++) {
      r[0][j] = new BigFraction[] {BigFraction.of(j), BigFraction.ZERO, BigFraction.ZERO};
      p[0][j] = new BigFraction[] {BigFraction.ONE};
    }
    TabularMarkovGame g = TabularMarkovGame.of("index", counts, BigFraction.ZERO, new BigFraction[] {BigFraction.ONE},
        r, p);
    for (int j = 0; j < joint; j++) {
      assertThatExact(g.reward(0, 0, RandomGames.decode(counts, j))).isEqualByComparingTo(BigFraction.of(j));
    }
  }

  @Test
  void declaredPotentialGamesHaveTheClaimedStructure() {
    for (long seed = 0; seed < 30; seed++) {
      TabularMarkovGame g = RandomGames.potentialGame(2, 3, 3, seed);
      StagePotential phi = g.potential().orElseThrow();
      int[][] joints = JointEnumeration.jointActions(g);
      for (int s = 0; s < 2; s++) {
        for (int[] a : joints) {
          for (int i = 0; i < 3; i++) {
            BigFraction dummy = g.reward(i, s, a).subtract(phi.phi(s, a));
            if (phi.condition() == StagePotential.Condition.IDENTICAL_INTEREST) {
              assertThatExact(dummy).isEqualByComparingTo(BigFraction.ZERO);
            } else {
              int[] b = a.clone();
              for (int k = 0; k < g.actionCount(i); k++) {
                b[i] = k;
                assertThatExact(g.reward(i, s, b).subtract(phi.phi(s, b))).as("dummy of agent %d ignores a_i", i)
                    .isEqualByComparingTo(dummy);
              }
              for (int t = 0; t < 2; t++) {
                assertThatExact(g.transition(s, a, t)).isEqualByComparingTo(g.transition(s, joints[0], t));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void generatorsCoverTheCornerCases() {
    boolean gammaZero = false;
    boolean zeroInRho = false;
    boolean pureRow = false;
    boolean deterministicGame = false;
    boolean threeActions = false;
    boolean bothPotentialKinds = false;
    boolean identical = false;
    boolean statePotential = false;
    for (long seed = 0; seed < 200; seed++) {
      TabularMarkovGame g = RandomGames.anyGame(3, 2, 3, seed);
      gammaZero |= g.discount().signum() == 0;
      boolean deterministic = true;
      for (int s = 0; s < 3; s++) {
        zeroInRho |= g.initial(s).signum() == 0;
        for (int[] a : JointEnumeration.jointActions(g)) {
          for (int t = 0; t < 3; t++) {
            BigFraction x = g.transition(s, a, t);
            deterministic &= x.signum() == 0 || x.equals(BigFraction.ONE);
          }
        }
      }
      deterministicGame |= deterministic;
      threeActions |= g.actionCount(0) == 3 || g.actionCount(1) == 3;
      Policy pi = RandomGames.policy(g, RandomGames.rng(seed));
      for (int s = 0; s < 3; s++) {
        for (int a = 0; a < g.actionCount(0); a++) {
          pureRow |= pi.prob(0, s, a).equals(BigFraction.ONE);
        }
      }
      if (g.potential().isPresent()) {
        identical |= g.potential().get().condition() == StagePotential.Condition.IDENTICAL_INTEREST;
        statePotential |= g.potential().get().condition()
            == StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS;
      }
      bothPotentialKinds = identical && statePotential;
    }
    assertThat(gammaZero).as("gamma = 0").isTrue();
    assertThat(zeroInRho).as("rho with a zero").isTrue();
    assertThat(pureRow).as("pure policy row").isTrue();
    assertThat(deterministicGame).as("deterministic transitions").isTrue();
    assertThat(threeActions).as("3 actions").isTrue();
    assertThat(bothPotentialKinds).as("both potential kinds").isTrue();
  }
}
