package org.mpgref.potential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * {@link PotentialCheck} draws the deviating pair only among the agents with at least two actions and every trial's
 * deviations change the deviating agents' policies, so every trial is informative (issue 9, item 7). With fewer than
 * two such agents the game is certified: no agent can deviate (one policy profile, Φ = 0), or one agent k can
 * (Φ = V_k). Derivation: proofs-notes/mpg-four-cycle.md, "Which agents can deviate".
 */
class PotentialCheckDeviatorsTest {
  /** Agents 1, 3, 5, 6 of 8 have two actions, the other four one. */
  private static final int[] HALF = {1, 2, 1, 2, 1, 2, 2, 1};

  /**
   * A one-state game (γ = 1/2, staying put) with the given action counts and rewards r_i(a) = reward(i, a).
   */
  private static TabularMarkovGame oneState(String name, int[] counts, BiFunction<Integer, int[], BigFraction> reward) {
    int n = counts.length;
    int joint = RandomGames.jointCount(counts);
    BigFraction[][][] r = new BigFraction[1][joint][n];
    BigFraction[][][] p = new BigFraction[1][joint][];
    for (int j = 0; j < joint; j++) {
      int[] a = RandomGames.decode(counts, j);
      for (int i = 0; i < n; i++) {
        r[0][j][i] = reward.apply(i, a);
      }
      p[0][j] = new BigFraction[] {BigFraction.ONE};
    }
    return TabularMarkovGame.of(name, counts, BigFraction.of(1, 2), new BigFraction[] {BigFraction.ONE}, r, p);
  }

  /**
   * Matching pennies between agents 1 and 5 (r_1 = +1 if a_1 = a_5, else −1; r_5 = −r_1), every other reward 0:
   * not an MPG, and the only 4-cycles that show it are those of the pair {1, 5} with both really deviating.
   */
  private static TabularMarkovGame halfOneAction() {
    return oneState("pennies 1-5 among 8", HALF, (i, a) -> {
      BigFraction r1 = BigFraction.of(a[1] == a[5] ? 1 : -1);
      return i == 1 ? r1 : i == 5 ? r1.negate() : BigFraction.ZERO;
    });
  }

  /** The check as it was before issue 9: the pair among all agents, deviations as drawn; first trial found or −1. */
  private static int oldSampler(TabularMarkovGame game, int trials, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int n = game.agentCount();
    for (int t = 0; t < trials; t++) {
      boolean pure = t % 2 == 0;
      Policy base = PotentialCheck.random(game, rng, pure);
      int i = rng.nextInt(n);
      int j = rng.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
      Policy devI = PotentialCheck.random(game, rng, pure);
      Policy devJ = PotentialCheck.random(game, rng, pure);
      for (BigFraction x : PotentialCheck.cycleSums(game, base, i, devI, j, devJ)) {
        if (x.signum() != 0) {
          return t;
        }
      }
    }
    return -1;
  }

  @Test
  void deviatingAgentsAreThoseWithTwoOrMoreActions() {
    assertThat(PotentialCheck.deviatingAgents(halfOneAction())).containsExactly(1, 3, 5, 6);
  }

  /**
   * Seed 7, the default 20 trials: the counterexample is found, between agents 1 and 5, every trial run was
   * informative, and the search names the 4 of 8 agents it drew from. The old sampler (pair among all 8 agents, so
   * only 2 of 56 ordered pairs can show the violation, and uninformative deviations) misses it with the same seed
   * and budget, and finds it only with more than 20 trials.
   */
  @Test
  void halfOneActionAgentsNoLongerWasteTrials() {
    TabularMarkovGame g = halfOneAction();
    System.out.println("[PotentialCheckDeviatorsTest] seed 7, 20 trials");
    PotentialCheck.Result res = PotentialCheck.check(g, 20, 7);
    assertThat(res).isInstanceOf(PotentialCheck.NotAnMpg.class);
    PotentialCheck.NotAnMpg found = (PotentialCheck.NotAnMpg) res;
    PotentialCheck.Counterexample cx = found.counterexample();
    assertThat(cx.verify()).isTrue();
    assertThat(List.of(cx.agentI(), cx.agentJ())).containsExactlyInAnyOrder(1, 5);
    assertThat(found.search().trialsRun()).isEqualTo(found.trial() + 1).isLessThanOrEqualTo(20);
    assertThat(found.search().informative()).isEqualTo(found.search().trialsRun());
    assertThat(found.search().deviatingAgents()).isEqualTo(4);
    assertThat(found.search().agents()).isEqualTo(8);
    assertThat(res.describe()).contains("\n  search: " + found.search().trialsRun() + " trial")
        .contains("among the 4 of 8 agents with at least two actions");
    assertThat(oldSampler(g, 20, 7)).as("the old sampler with seed 7").isEqualTo(-1);
    assertThat(oldSampler(g, 400, 7)).as("the old sampler with seed 7 and 400 trials").isGreaterThanOrEqualTo(20);
  }

  /**
   * Over 100 seeds, the new search finds the counterexample within 20 trials far more often than the old one (per
   * trial about 1/6 against about 1/50), always with every trial informative.
   */
  @Test
  void overManySeedsTheNewSearchFindsItMoreOften() {
    long first = Seeds.announce("potentialCheckDeviators", 9201L);
    TabularMarkovGame g = halfOneAction();
    int foundNew = 0;
    int foundOld = 0;
    for (long seed = first; seed < first + 100; seed++) {
      PotentialCheck.Result res = PotentialCheck.check(g, 20, seed);
      PotentialCheck.Search search = res instanceof PotentialCheck.NotAnMpg m ? m.search()
          : ((PotentialCheck.NoCounterexample) res).search();
      assertThat(search.informative()).as("seed %d", seed).isEqualTo(search.trialsRun());
      foundNew += res instanceof PotentialCheck.NotAnMpg ? 1 : 0;
      foundOld += oldSampler(g, 20, seed) >= 0 ? 1 : 0;
    }
    System.out.println("[PotentialCheckDeviatorsTest] found within 20 trials: new " + foundNew + "/100, old "
        + foundOld + "/100");
    assertThat(foundNew).isGreaterThanOrEqualTo(90);
    assertThat(foundOld).isLessThan(60);
  }

  /**
   * A team game (every agent's reward is the same function of the joint action, not declared) with four one-action
   * agents: an MPG, so no counterexample; all 20 trials informative, over the 4 agents that can deviate.
   */
  @Test
  void anUndeclaredTeamGameReportsInformativeTrials() {
    TabularMarkovGame team = oneState("team among 8", HALF,
        (i, a) -> BigFraction.of(a[1] * 3 + a[3] * a[5] - 2 * a[6] * a[1], 1 + a[3]));
    PotentialCheck.Result res = PotentialCheck.check(team, 20, 3);
    assertThat(res).isInstanceOf(PotentialCheck.NoCounterexample.class);
    PotentialCheck.NoCounterexample none = (PotentialCheck.NoCounterexample) res;
    assertThat(none.search()).isEqualTo(new PotentialCheck.Search(20, 20, 4, 8));
    assertThat(res.describe()).isEqualTo("no counterexample found in 20 trials (seed 3); this does not prove an MPG"
        + "\nsearch: 20 trials run, 20 informative; agent pairs drawn among the 4 of 8 agents with at least two"
        + " actions");
  }

  /**
   * Why one-action agents are skipped: a 4-cycle through an agent with one action is identically 0, in a game that
   * is not an MPG (its deviation equals its base policy, so the cycle goes back and forth along one edge).
   */
  @Test
  void aCycleThroughAOneActionAgentVanishes() {
    TabularMarkovGame g = halfOneAction();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9202L);
    for (int k = 0; k < 20; k++) {
      Policy base = PotentialCheck.random(g, rng, k % 2 == 0);
      Policy dev = PotentialCheck.random(g, rng, k % 2 == 0);
      for (BigFraction x : PotentialCheck.cycleSums(g, base, 1, dev, 2, dev)) {
        assertThat(x.signum()).isZero();
      }
    }
  }

  /** No agent has two actions: one policy profile, certified (Φ = 0), whatever the trials. */
  @Test
  void allOneActionAgentsAreCertified() {
    TabularMarkovGame g = oneState("frozen", new int[] {1, 1, 1}, (i, a) -> BigFraction.of(i + 1));
    PotentialCheck.Result res = PotentialCheck.check(g, 20, 1);
    assertThat(res).isInstanceOf(PotentialCheck.Certified.class);
    assertThat(res.describe()).isEqualTo("certified MPG: no agent has two actions, so there is one policy profile and"
        + " every MPG identity reads 0 = 0 (Phi = 0)");
    assertThat(PotentialCheck.deviatingAgents(g)).isEmpty();
  }

  /**
   * Only agent 1 of 3 has actions to choose (a random two-state game otherwise, not an identical-interest game):
   * certified with Φ = V_1 (agent 1's identities hold by definition, the others' read 0 = 0).
   */
  @Test
  void exactlyOneDeviatingAgentIsCertifiedWithItsValue() {
    long seed = Seeds.announce("potentialCheckOneDeviator", 9203L);
    UniformRandomProvider rng = RandomGames.rng(seed);
    int[] counts = {1, 3, 1};
    int joint = 3;
    BigFraction[][][] r = new BigFraction[2][joint][3];
    BigFraction[][][] p = new BigFraction[2][joint][];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < joint; j++) {
        for (int i = 0; i < 3; i++) {
          r[s][j][i] = RandomGames.reward(rng);
        }
        p[s][j] = RandomGames.distribution(rng, 2);
      }
    }
    TabularMarkovGame g = TabularMarkovGame.of("one deviator", counts, BigFraction.of(2, 3),
        new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 2)}, r, p);
    PotentialCheck.Result res = PotentialCheck.check(g, 20, 1);
    assertThat(res).isInstanceOf(PotentialCheck.Certified.class);
    assertThat(res.describe()).isEqualTo("certified MPG: only agent 1 has two or more actions, so Phi = V_1 (the other"
        + " 2 agents have one action and cannot deviate)");
    // every cycle the search could build goes through agent 0 or 2 and vanishes, so certifying is the only verdict
    Policy base = PotentialCheck.random(g, rng, false);
    Policy dev = PotentialCheck.random(g, rng, false);
    for (BigFraction x : PotentialCheck.cycleSums(g, base, 1, dev, 0, dev)) {
      assertThat(x.signum()).isZero();
    }
  }

  /** The deviation sampler always changes the agent's policy, also where plain draws often coincide (pure, 1 state). */
  @Test
  void deviationsDifferFromTheBasePolicy() {
    TabularMarkovGame g = halfOneAction();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9204L);
    int coincidences = 0;
    for (int k = 0; k < 400; k++) {
      boolean pure = k % 2 == 0;
      Policy base = PotentialCheck.random(g, rng, pure);
      Policy plain = PotentialCheck.random(g, rng, pure);
      coincidences += plain.row(3, 0)[0].equals(base.row(3, 0)[0]) ? 1 : 0;
      Policy dev = PotentialCheck.deviation(g, rng, pure, base, 3);
      assertThat(dev.row(3, 0)).isNotEqualTo(base.row(3, 0));
      if (pure) {
        assertThat(dev.row(3, 0)).containsAnyOf(BigFraction.ONE).containsAnyOf(BigFraction.ZERO);
      }
    }
    assertThat(coincidences).as("plain draws that would have been uninformative").isGreaterThan(50);
  }

  @Test
  void trialCountsOutsideTheRangeAreRefused() {
    TabularMarkovGame g = halfOneAction();
    assertThatThrownBy(() -> PotentialCheck.check(g, -1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trials = -1 must be between 0 and 10000000");
    assertThatThrownBy(() -> PotentialCheck.check(g, PotentialCheck.MAX_TRIALS + 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("trials = 10000001 must be between 0 and 10000000");
  }

  /**
   * The search's work is charged trial by trial ({@link PotentialCheck#searchWork}): with a budget of 3.5 trials of
   * the team game, a search of 20 trials stops before trial 4 with the limit named (no silently shorter search), one
   * of 3 trials completes, and a budget below one trial refuses before any trial.
   */
  @Test
  void theSearchStopsBeforeItsWorkPassesTheLimit() {
    TabularMarkovGame team = oneState("team among 8", HALF, (i, a) -> BigFraction.of(a[1] + a[3] * a[5] + a[6]));
    double perTrial = PotentialCheck.searchWork(team, 1);
    assertThat(perTrial).isEqualTo(PotentialCheck.WORK_PER_TRIAL_UNIT * 1 * (1 + 12));
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork((long) (3.5 * perTrial)).install()) {
      assertThatThrownBy(() -> PotentialCheck.check(team, 20, 1)).isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("check-potential: trial 4 of 20 (no counterexample in the first 3) of 4 exact"
              + " evaluations (1 state, 12 actions in all) needs about " + Limits.sci(4 * perTrial) + " work units; the limit is "
              + Limits.sci((long) (3.5 * perTrial)) + " work units")
          .hasMessageEndingWith("(raise it with --max-work)");
      assertThat(PotentialCheck.check(team, 3, 1)).isInstanceOf(PotentialCheck.NoCounterexample.class);
    }
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork((long) (0.5 * perTrial)).install()) {
      assertThatThrownBy(() -> PotentialCheck.check(team, 1, 1)).isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("check-potential: one trial of 4 exact evaluations");
      // certification costs no search
      assertThat(PotentialCheck.check(oneState("one", new int[] {1, 2}, (i, a) -> BigFraction.ONE), 20, 1))
          .isInstanceOf(PotentialCheck.Certified.class);
    }
  }
}
