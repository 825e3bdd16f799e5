package org.mpgref.potential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * The parts of {@link PotentialCheck} the other tests leave open (found by mutation testing, issue 4): every result
 * kind and its description (single agent, the state-potential certificate, a declared condition that fails with no
 * counterexample, the trial and seed of a counterexample), the rejection of forged counterexamples, the printed
 * counterexample (rows of the deviating agents only; policies summarized above 64 agent-states), the documented
 * alternation of pure and mixed trials, and the policy sampler.
 */
class PotentialCheckMutationKillTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  private static BigFraction f(long p) {
    return BigFraction.of(p);
  }

  /**
   * One-state matching pennies between agents 0 and 1 (r_0 = +1 if a_0 = a_1, else −1; r_1 = −r_0), with γ, and
   * {@code dummies} further agents with two actions and reward 0 that affect nothing.
   */
  private static TabularMarkovGame pennies(BigFraction gamma, int dummies) {
    int n = 2 + dummies;
    int[] counts = new int[n];
    java.util.Arrays.fill(counts, 2);
    int joint = 1 << n;
    BigFraction[][][] r = new BigFraction[1][joint][n];
    BigFraction[][][] p = new BigFraction[1][joint][];
    for (int j = 0; j < joint; j++) {
      BigFraction r0 = f((j & 1) == ((j >> 1) & 1) ? 1 : -1);
      r[0][j][0] = r0;
      r[0][j][1] = r0.negate();
      for (int k = 2; k < n; k++) {
        r[0][j][k] = BigFraction.ZERO;
      }
      p[0][j] = new BigFraction[] {BigFraction.ONE};
    }
    return TabularMarkovGame.of("pennies+" + dummies, counts, gamma, new BigFraction[] {BigFraction.ONE}, r, p);
  }

  /** A game of {@code states} states and 2 agents with 2 actions, all rewards 0, staying put: for printing only. */
  private static TabularMarkovGame idle(int states) {
    BigFraction[][][] r = new BigFraction[states][4][2];
    BigFraction[][][] p = new BigFraction[states][4][states];
    BigFraction[] rho = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      rho[s] = s == 0 ? BigFraction.ONE : BigFraction.ZERO;
      for (int j = 0; j < 4; j++) {
        for (int t = 0; t < states; t++) {
          p[s][j][t] = t == s ? BigFraction.ONE : BigFraction.ZERO;
        }
        r[s][j][0] = BigFraction.ZERO;
        r[s][j][1] = BigFraction.ZERO;
      }
    }
    return TabularMarkovGame.of("idle" + states, new int[] {2, 2}, f(1, 2), rho, r, p);
  }

  private static boolean isPure(Policy p) {
    for (int i = 0; i < p.agentCount(); i++) {
      for (int s = 0; s < p.stateCount(); s++) {
        for (int a = 0; a < p.actionCount(i); a++) {
          BigFraction x = p.prob(i, s, a);
          if (x.signum() != 0 && !x.equals(BigFraction.ONE)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Result kinds and descriptions
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void aSingleAgentGameIsCertifiedTrivially() {
    BigFraction[][][] r = {{{f(1)}, {f(-1)}}, {{f(0)}, {f(2)}}};
    BigFraction[][][] p = {{{f(1, 2), f(1, 2)}, {f(0), f(1)}}, {{f(1), f(0)}, {f(1, 3), f(2, 3)}}};
    TabularMarkovGame solo = TabularMarkovGame.of("solo", new int[] {2}, f(9, 10), new BigFraction[] {f(1), f(0)}, r,
        p);
    PotentialCheck.Result res = PotentialCheck.check(solo, 5, 1);
    assertThat(res).isInstanceOf(PotentialCheck.Certified.class);
    assertThat(res.describe()).isEqualTo("certified MPG: a single-agent game is an MPG with Phi = V_1");
  }

  /** A state potential game with action-independent transitions is certified by Proposition 3.2 (C1). */
  @Test
  void aVerifiedStatePotentialGameIsCertifiedByProposition32() {
    TabularMarkovGame g = RandomGames.statePotential(2, 3, 2, 7L, true);
    assertThat(g.potential().orElseThrow().findViolation()).isEmpty();
    PotentialCheck.Result res = PotentialCheck.check(g, 5, 1);
    assertThat(res).isInstanceOf(PotentialCheck.Certified.class);
    assertThat(res.describe()).startsWith("certified MPG: every state game is a potential game")
        .contains("Proposition 3.2, C1").endsWith("(verified exactly on the game's data)");
  }

  /**
   * The team game of {@link PotentialCheckTest} with agent 1's reward at s = 1, a = (0,1) raised from φ = −1 to 0: a
   * false identical-interest claim. With no trial the result is "no counterexample", and it names the first failing
   * entry in the order states, joint actions (agent 0 fastest), agents: at s = 1, a = (0,0), agent 1 switching to
   * a_1 = 1 changes r_1 by 3 − 0 = 3 but φ by 3 − (−1) = 4 (the check that r_i − φ ignores a_i, which identical
   * interest implies, fails before the entry r_1(s=1,a=(0,1)) = 0 ≠ φ = −1 itself is reached).
   */
  @Test
  void aFailedClaimIsNamedEvenWithoutCounterexample() {
    BigFraction[][] phi = {{f(1), f(0), f(0), f(2)}, {f(3), f(1, 2), f(-1), f(0)}};
    BigFraction[][][] r = new BigFraction[2][4][2];
    BigFraction[][][] p = new BigFraction[2][4][];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < 4; j++) {
        r[s][j][0] = phi[s][j];
        r[s][j][1] = s == 1 && j == 2 ? phi[s][j].add(BigFraction.ONE) : phi[s][j];
        p[s][j] = j == 3 ? new BigFraction[] {f(1, 3), f(2, 3)} : new BigFraction[] {f(1), f(0)};
      }
    }
    TabularMarkovGame g = TabularMarkovGame.withPotential("false team", new int[] {2, 2}, f(9, 10),
        new BigFraction[] {f(1, 2), f(1, 2)}, r, p, phi, StagePotential.Condition.IDENTICAL_INTEREST);
    PotentialCheck.Result res = PotentialCheck.check(g, 0, 42);
    assertThat(res).isInstanceOf(PotentialCheck.NoCounterexample.class);
    PotentialCheck.NoCounterexample none = (PotentialCheck.NoCounterexample) res;
    assertThat(none.trials()).isZero();
    assertThat(none.seed()).isEqualTo(42L);
    assertThat(none.declaredIssue())
        .contains("state potential fails at s=1, agent 1: a=(0,0) vs (0,1) changes r_1 by 3 but phi by 4");
    assertThat(none.search()).isEqualTo(new PotentialCheck.Search(0, 0, 2, 2));
    assertThat(res.describe()).isEqualTo("no counterexample found in 0 trials (seed 42); this does not prove an MPG"
        + "\nsearch: 0 trials run, 0 informative; agent pairs drawn among the 2 of 2 agents with at least two actions"
        + "\ndeclared condition fails: state potential fails at s=1, agent 1: a=(0,0) vs (0,1) changes r_1 by 3 but phi"
        + " by 4");
  }

  @Test
  void checkAllChecksEachGameInOrder() {
    TabularMarkovGame pennies = pennies(f(1, 2), 0);
    MarkovGame distancing = DistancingGame.of(DistancingGame.published(3));
    List<PotentialCheck.Result> all = PotentialCheck.checkAll(List.of(pennies, distancing, pennies), 10, 5);
    assertThat(all).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(all.get(k)).isInstanceOf(PotentialCheck.NotAnMpg.class);
    }
    assertThat(((PotentialCheck.NotAnMpg) all.get(0)).counterexample().game()).isSameAs(pennies);
    assertThat(((PotentialCheck.NotAnMpg) all.get(1)).counterexample().game()).isSameAs(distancing);
    assertThat(all.get(1).describe()).isEqualTo(PotentialCheck.check(distancing, 10, 5).describe());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Counterexamples: re-checking and printing
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void cycleSumsNeedTwoDifferentAgents() {
    TabularMarkovGame g = pennies(f(1, 2), 0);
    Policy u = Policy.uniform(g);
    assertThatThrownBy(() -> PotentialCheck.cycleSums(g, u, 1, u, 1, u))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("i = j = 1");
  }

  /**
   * Matching pennies, γ = 1/2, from (heads, heads) with both agents deviating to tails: the 4-cycle sum is
   * 4·(−1 − 1)/(1 − γ) = −16 (each of the four unilateral steps changes the mover's payoff by −2 per step, discounted
   * sum 1/(1−γ) = 2). The genuine counterexample verifies; the same with a wrong sum, or with a zero sum claimed at a
   * cycle that does vanish, does not.
   */
  @Test
  void forgedCounterexamplesDoNotVerify() {
    TabularMarkovGame g = pennies(f(1, 2), 0);
    Policy heads = Policy.pure(g, new int[][] {{0}, {0}});
    Policy tails = Policy.pure(g, new int[][] {{1}, {1}});
    assertThatExact(PotentialCheck.cycleSums(g, heads, 0, tails, 1, tails)[0]).isEqualByComparingTo(f(-16));
    assertThat(new PotentialCheck.Counterexample(g, heads, 0, tails, 1, tails, 0, f(-16)).verify()).isTrue();
    assertThat(new PotentialCheck.Counterexample(g, heads, 0, tails, 1, tails, 0, f(-15)).verify()).isFalse();
    assertThat(new PotentialCheck.Counterexample(g, heads, 0, tails, 1, tails, 0, f(16)).verify()).isFalse();
    // agent 0 "deviates" to its own policy: every step of agent 0 changes nothing and the cycle vanishes
    assertThatExact(PotentialCheck.cycleSums(g, heads, 0, heads, 1, tails)[0]).isEqualByComparingTo(BigFraction.ZERO);
    assertThat(new PotentialCheck.Counterexample(g, heads, 0, heads, 1, tails, 0, BigFraction.ZERO).verify()).isFalse();
  }

  @Test
  void aCounterexampleIsPrintedWithTheDeviatingAgentsRowsOnly() {
    TabularMarkovGame g = pennies(f(1, 2), 0);
    Policy base = Policy.of(new BigFraction[][][] {{{f(1), f(0)}}, {{f(1, 3), f(2, 3)}}});
    Policy devI = Policy.of(new BigFraction[][][] {{{f(0), f(1)}}, {{f(1, 2), f(1, 2)}}});
    Policy devJ = Policy.of(new BigFraction[][][] {{{f(1, 4), f(3, 4)}}, {{f(0), f(1)}}});
    String text = new PotentialCheck.Counterexample(g, base, 0, devI, 1, devJ, 0, f(-7, 3)).describe();
    assertThat(text).startsWith("  agents i=0, j=1, state 0: [V_i(pi_i',pi_j) - V_i(pi)]")
        .contains(" = -7/3 (about -2.33333), not 0\n")
        .contains("\n  base policy pi:\n    pi_0(.|0) = (1, 0)\n    pi_1(.|0) = (1/3, 2/3)\n")
        .contains("\n  deviation pi_i' (agent 0):\n    pi_0(.|0) = (0, 1)\n")
        .contains("\n  deviation pi_j' (agent 1):\n    pi_1(.|0) = (0, 1)\n")
        .doesNotContain("(1/2, 1/2)").doesNotContain("(1/4, 3/4)");
  }

  /**
   * Policies are printed up to 64 agent-states: 32 states × 2 agents are printed (one row per state for each
   * deviating agent), 33 × 2 = 66 are summarized.
   */
  @Test
  void policiesArePrintedUpTo64AgentStates() {
    TabularMarkovGame g32 = idle(32);
    Policy u32 = Policy.uniform(g32);
    String printed = new PotentialCheck.Counterexample(g32, u32, 1, u32, 0, u32, 31, f(1)).describe();
    assertThat(printed).contains("\n  base policy pi:\n").contains("    pi_1(.|31) = (1/2, 1/2)\n")
        .contains("\n  deviation pi_i' (agent 1):\n    pi_1(.|0) = (1/2, 1/2)\n")
        .doesNotContain("not printed");
    assertThat(printed.split("\n")).hasSize(1 + 1 + 64 + 1 + 32 + 1 + 32);
    TabularMarkovGame g33 = idle(33);
    Policy u33 = Policy.uniform(g33);
    String summarized = new PotentialCheck.Counterexample(g33, u33, 0, u33, 1, u33, 0, f(1)).describe();
    assertThat(summarized).endsWith("\n  (policies over 33 states not printed; replay with the seed)")
        .doesNotContain("pi_0(.|0)");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The search: trials alternate pure and mixed policies (specs/markov-potential-game.md)
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Matching pennies between agents 0 and 1 plus a third, dummy agent (γ = 0): a 4-cycle is nonzero only for the pair
   * {0, 1} with both agents really deviating, so the first counterexample is often found after a few trials. Over
   * many seeds, a counterexample found at an even trial is built from pure policies only, one found at an odd trial
   * from the mixed sampler (some row strictly mixed, over the sweep), and the result reports its trial and seed.
   */
  @Test
  void trialsAlternatePureAndMixedPolicies() {
    long first = Seeds.announce("potentialCheckAlternation", 9001L);
    TabularMarkovGame g = pennies(BigFraction.ZERO, 1);
    boolean evenLater = false;
    boolean oddMixed = false;
    for (long seed = first; seed < first + 40; seed++) {
      PotentialCheck.Result res = PotentialCheck.check(g, 40, seed);
      assertThat(res).as("seed %d", seed).isInstanceOf(PotentialCheck.NotAnMpg.class);
      PotentialCheck.NotAnMpg found = (PotentialCheck.NotAnMpg) res;
      PotentialCheck.Counterexample cx = found.counterexample();
      assertThat(found.seed()).isEqualTo(seed);
      assertThat(res.describe()).startsWith("not an MPG: exact counterexample found in trial " + found.trial()
          + " (seed " + seed + ")\n");
      assertThat(cx.verify()).isTrue();
      assertThat(List.of(cx.agentI(), cx.agentJ())).as("seed %d", seed).containsExactlyInAnyOrder(0, 1);
      boolean pure = isPure(cx.base()) && isPure(cx.deviationI()) && isPure(cx.deviationJ());
      if (found.trial() % 2 == 0) {
        assertThat(pure).as("trial %d of seed %d uses pure policies", found.trial(), seed).isTrue();
        evenLater |= found.trial() >= 2;
      } else {
        oddMixed |= !pure;
      }
    }
    assertThat(evenLater).as("some counterexample found at an even trial >= 2").isTrue();
    assertThat(oddMixed).as("some counterexample found at an odd trial with a strictly mixed row").isTrue();
  }

  /**
   * The sampler: a pure draw is a point mass in every row, with every action drawn somewhere; a mixed draw is a valid
   * policy (Policy.of re-checks it exactly) and, over many draws, often strictly mixed.
   */
  @Test
  void samplerDrawsPureAndMixedPolicies() {
    long seed = Seeds.announce("potentialCheckSampler", 9002L);
    TabularMarkovGame g = RandomGames.game(2, 2, 3, seed);
    UniformRandomProvider rng = RandomGames.rng(seed);
    boolean[] drawn = new boolean[g.actionCount(0)];
    int strictlyMixedRows = 0;
    int rows = 0;
    for (int k = 0; k < 100; k++) {
      Policy pure = PotentialCheck.random(g, rng, true);
      assertThat(isPure(pure)).isTrue();
      for (int s = 0; s < 2; s++) {
        for (int a = 0; a < g.actionCount(0); a++) {
          drawn[a] |= pure.prob(0, s, a).equals(BigFraction.ONE);
        }
      }
      Policy mixed = PotentialCheck.random(g, rng, false);
      for (int i = 0; i < 2; i++) {
        for (int s = 0; s < 2; s++) {
          rows++;
          boolean strict = false;
          for (int a = 0; a < g.actionCount(i); a++) {
            BigFraction x = mixed.prob(i, s, a);
            assertThatExact(x).isGreaterThanOrEqualTo(BigFraction.ZERO);
            strict |= x.signum() != 0 && !x.equals(BigFraction.ONE);
          }
          strictlyMixedRows += strict ? 1 : 0;
        }
      }
    }
    for (int a = 0; a < drawn.length; a++) {
      assertThat(drawn[a]).as("pure draws use action %d", a).isTrue();
    }
    assertThat(strictlyMixedRows).as("strictly mixed rows among %d", rows).isGreaterThan(rows / 5);
  }
}
