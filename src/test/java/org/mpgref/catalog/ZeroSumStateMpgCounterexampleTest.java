package org.mpgref.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.potential.PotentialCheck;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * An MPG with a zero-sum state game that is not a potential game (proofs-notes/counterexample-zero-sum-state-mpg.md):
 * the state game at state 0 is zero-sum with a nonzero 4-cycle; the MPG identity holds exactly for random policies
 * with Φ the value of {@link ZeroSumStateMpg#potentialTeamGame()}; {@link PotentialCheck} finds no counterexample
 * and, since no sufficient condition it can verify holds, never certifies the game, not even when a condition is
 * falsely claimed.
 */
class ZeroSumStateMpgCounterexampleTest {
  private static final TabularMarkovGame GAME = ZeroSumStateMpg.of();

  /** Φ^π as [s]: the value of the potential's team game (r_0 = r_1 = φ, same transitions). */
  private static BigFraction[] potential(Policy policy) {
    return Evaluation.of(ZeroSumStateMpg.potentialTeamGame(), policy).values(0);
  }

  @Test
  void stateZeroIsZeroSumAndNotAPotentialGame() {
    int[][] joint = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    for (int[] a : joint) {
      assertThatExact(GAME.reward(0, 0, a).add(GAME.reward(1, 0, a))).isEqualByComparingTo(BigFraction.ZERO);
    }
    // 4-cycle of the stage game: (0,0) -> (1,0) [agent 0] -> (1,1) [agent 1] -> (0,1) [agent 0] -> (0,0) [agent 1]
    BigFraction cycle = GAME.reward(0, 0, joint[1]).subtract(GAME.reward(0, 0, joint[0]))
        .add(GAME.reward(1, 0, joint[2]).subtract(GAME.reward(1, 0, joint[1])))
        .add(GAME.reward(0, 0, joint[3]).subtract(GAME.reward(0, 0, joint[2])))
        .add(GAME.reward(1, 0, joint[0]).subtract(GAME.reward(1, 0, joint[3])));
    assertThatExact(cycle).isEqualByComparingTo(BigFraction.of(-8));
  }

  /** The note's closed forms: V_i(1), V_i(2) constant; V_0(0) = V_1(0) = E ψ; V_i − Φ = c_i(s). */
  @Test
  void closedFormsOfTheNote() {
    UniformRandomProvider r = RandomGames.rng(4601L);
    BigFraction[][] c = {{BigFraction.ZERO, BigFraction.ZERO, BigFraction.ZERO},
        {BigFraction.ZERO, BigFraction.of(3), BigFraction.of(-3)}};
    for (int k = 0; k < 10; k++) {
      Policy pi = RandomGames.mixedOrPurePolicy(GAME, r);
      Evaluation ev = Evaluation.of(GAME, pi);
      BigFraction p = pi.prob(0, 0, 0);
      BigFraction q = pi.prob(1, 0, 0);
      // E ψ = P(same) − P(diff) = 2 P(same) − 1, P(same) = pq + (1−p)(1−q)
      BigFraction same = p.multiply(q).add(BigFraction.ONE.subtract(p).multiply(BigFraction.ONE.subtract(q)));
      BigFraction psi = same.multiply(2).subtract(BigFraction.ONE);
      BigFraction[] phi = potential(pi);
      assertThatExact(phi[0]).isEqualByComparingTo(psi);
      assertThatExact(phi[1]).isEqualByComparingTo(BigFraction.ZERO);
      assertThatExact(phi[2]).isEqualByComparingTo(BigFraction.ZERO);
      for (int i = 0; i < 2; i++) {
        for (int s = 0; s < 3; s++) {
          assertThatExact(ev.value(i, s).subtract(phi[s])).as("V_%d - Phi at %d", i, s)
              .isEqualByComparingTo(c[i][s]);
        }
      }
    }
  }

  /** The MPG identity, exactly, for random policies, agents and deviations (at every state, including ρ). */
  @Test
  void mpgIdentityHoldsExactlyForRandomPolicies() {
    Seeds.property("zeroSumStateMpgIdentity", 4602L, 60)
        .forAll(integers().between(0, 1), Gens.policies(GAME), Gens.policies(GAME))
        .checkAssert((agent, pi, other) -> {
          Policy dev = pi.withAgent(agent, other);
          Evaluation before = Evaluation.of(GAME, pi);
          Evaluation after = Evaluation.of(GAME, dev);
          BigFraction[] phiBefore = potential(pi);
          BigFraction[] phiAfter = potential(dev);
          for (int s = 0; s < 3; s++) {
            assertThatExact(after.value(agent, s).subtract(before.value(agent, s)))
                .as("agent %d, state %d", agent, s)
                .isEqualByComparingTo(phiAfter[s].subtract(phiBefore[s]));
          }
        });
  }

  @Test
  void potentialCheckFindsNoCounterexampleAndDoesNotCertify() {
    long seed = Seeds.announce("zeroSumStateMpgCheck", 4603L);
    PotentialCheck.Result r = PotentialCheck.check(GAME, 40, seed);
    assertThat(r).isInstanceOf(PotentialCheck.NoCounterexample.class);
    assertThat(r.describe()).contains("this does not prove an MPG");
    assertThat(((PotentialCheck.NoCounterexample) r).declaredIssue()).isEmpty();
  }

  /** A false claim of either sufficient condition is caught by findViolation; the game is still never certified. */
  @Test
  void falselyClaimedConditionsAreCaughtAndNotCertified() {
    for (StagePotential.Condition claimed : new StagePotential.Condition[] {
        StagePotential.Condition.IDENTICAL_INTEREST,
        StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS}) {
      TabularMarkovGame g = ZeroSumStateMpg.withDeclaredPhi(claimed);
      assertThat(g.potential().orElseThrow().findViolation()).as("%s", claimed).isPresent();
      PotentialCheck.Result r = PotentialCheck.check(g, 20, 4604L);
      assertThat(r).as("%s", claimed).isInstanceOf(PotentialCheck.NoCounterexample.class);
      assertThat(((PotentialCheck.NoCounterexample) r).declaredIssue()).isPresent();
    }
    // the declared φ is the true potential: Evaluation.potential() agrees with the team game's value
    TabularMarkovGame g = ZeroSumStateMpg.withDeclaredPhi(StagePotential.Condition.STATE_POTENTIAL_ONLY);
    Policy pi = RandomGames.policy(g, RandomGames.rng(4605L));
    BigFraction[] viaGame = Evaluation.of(g, pi).potential().orElseThrow();
    BigFraction[] viaTeam = potential(pi);
    for (int s = 0; s < 3; s++) {
      assertThatExact(viaGame[s]).isEqualByComparingTo(viaTeam[s]);
    }
  }

  /** The potential's team game is certified by PotentialCheck (it is identical interest), as it should be. */
  @Test
  void theTeamGameOfThePotentialIsCertified() {
    assertThat(PotentialCheck.check(ZeroSumStateMpg.potentialTeamGame(), 0, 1L))
        .isInstanceOf(PotentialCheck.Certified.class);
  }
}
