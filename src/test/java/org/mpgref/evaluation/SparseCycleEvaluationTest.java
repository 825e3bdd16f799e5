package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.catalog.RoutingGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Sparse evaluation end to end (specs/exact-linear-solve.md, proofs-notes/deterministic-cycle.md): a deterministic
 * cycle of L states evaluates with the closed forms of the note (V, d, Q̄, best response; L = 7000 with a constant
 * reward, L = 300 with a reward at one state), refusals of the structured games name the computation and the numbers,
 * and the guards never refuse the random games of the test kit up to 6 states, 3 agents and 3 actions.
 */
class SparseCycleEvaluationTest {
  private static final BigFraction GAMMA = BigFraction.of(99, 100);

  /** One agent; action 0 moves s ↦ s+1 mod L with reward r(s); action 1 (if present) stays with reward 0. */
  static TabularMarkovGame cycle(int length, boolean rewardOnlyAtZero, boolean stay, BigFraction[] rho) {
    int actions = stay ? 2 : 1;
    BigFraction[][][] rewards = new BigFraction[length][actions][1];
    int[][][] succ = new int[length][actions][];
    BigFraction[][][] prob = new BigFraction[length][actions][];
    for (int s = 0; s < length; s++) {
      rewards[s][0][0] = !rewardOnlyAtZero || s == 0 ? BigFraction.ONE : BigFraction.ZERO;
      succ[s][0] = new int[] {(s + 1) % length};
      prob[s][0] = new BigFraction[] {BigFraction.ONE};
      if (stay) {
        rewards[s][1][0] = BigFraction.ZERO;
        succ[s][1] = new int[] {s};
        prob[s][1] = new BigFraction[] {BigFraction.ONE};
      }
    }
    return TabularMarkovGame.ofSparse("cycle" + length, new int[] {actions}, GAMMA, rho, rewards, succ, prob, null,
        StagePotential.Condition.STATE_POTENTIAL_ONLY);
  }

  private static BigFraction[] uniform(int n) {
    BigFraction[] rho = new BigFraction[n];
    java.util.Arrays.fill(rho, BigFraction.of(1, n));
    return rho;
  }

  /** L = 7000, r ≡ 1, ρ uniform: V = Q̄ = 1/(1−γ) = 100, Ā = 0, d = 1/L (ρ is stationary), V* = 100 (exact and double). */
  @Test
  void sevenThousandStateCycleEvaluates() {
    int length = 7000;
    TabularMarkovGame game = cycle(length, false, false, uniform(length));
    Evaluation e = Evaluation.of(game, Policy.uniform(game));
    BestResponse br = BestResponse.of(e, 0);
    assertThat(br.verify()).isTrue();
    BigFraction hundred = BigFraction.of(100);
    for (int s = 0; s < length; s += 997) {
      assertThatExact(e.value(0, s)).isEqualByComparingTo(hundred);
      assertThatExact(e.qBar(0, s, 0)).isEqualByComparingTo(hundred);
      assertThatExact(e.advantage(0, s, 0)).isEqualByComparingTo(BigFraction.ZERO);
      assertThatExact(e.visitation(s)).isEqualByComparingTo(BigFraction.of(1, length));
      assertThatExact(br.value(s)).isEqualByComparingTo(hundred);
      assertThatExact(e.transition(s, (s + 1) % length)).isEqualByComparingTo(BigFraction.ONE);
    }
    DoubleEvaluation d = DoubleEvaluation.of(game.toDouble(), Policy.uniform(game).toDouble());
    assertThat(d.value(0, 1234)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-8));
    assertThat(d.visitation(4321)).isCloseTo(1.0 / length, org.assertj.core.data.Offset.offset(1e-12));
  }

  /**
   * L = 300, reward 1 only at s_0, ρ = point mass at s_0, a second action "stay" (reward 0) everywhere: under "go"
   * V(s_k) = γ^((L−k) mod L)/(1−γ^L) and d(s_k) = (1−γ)γ^k/(1−γ^L); going is the best response at every state.
   */
  @Test
  void cycleClosedFormsWithOneRewardingState() {
    int length = 300;
    BigFraction[] rho = new BigFraction[length];
    java.util.Arrays.fill(rho, BigFraction.ZERO);
    rho[0] = BigFraction.ONE;
    TabularMarkovGame game = cycle(length, true, true, rho);
    int[][] go = new int[1][length];
    Policy pi = Policy.pure(game, go);
    Evaluation e = Evaluation.of(game, pi);
    BigFraction denom = BigFraction.ONE.subtract(GAMMA.pow(length));
    for (int k = 0; k < length; k += 37) {
      assertThatExact(e.value(0, k)).isEqualByComparingTo(GAMMA.pow((length - k) % length).divide(denom));
      assertThatExact(e.visitation(k))
          .isEqualByComparingTo(BigFraction.ONE.subtract(GAMMA).multiply(GAMMA.pow(k)).divide(denom));
      // Q̄(s_k, stay) = 0 + γ V(s_k)
      assertThatExact(e.qBar(0, k, 1)).isEqualByComparingTo(GAMMA.multiply(e.value(0, k)));
    }
    BestResponse br = BestResponse.of(Evaluation.of(game, Policy.uniform(game)), 0);
    assertThat(br.verify()).isTrue();
    for (int k = 0; k < length; k += 37) {
      assertThat(br.action(k)).isZero();
      assertThatExact(br.value(k)).isEqualByComparingTo(e.value(0, k));
    }
  }

  /** The structured games beyond the memory bound are refused, naming the tables and the numbers. */
  @Test
  void structuredGamesBeyondTheBoundsAreRefused() {
    RoutingGame routing = RoutingGame.published(12);
    assertThatThrownBy(() -> Evaluation.of(routing, Policy.uniform(routing)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("the stage expectations of routing(N=12")
        .hasMessageContaining("4096 states, 201326592 transition entries")
        .hasMessageContaining("bytes of memory");
    RoutingGame eight = RoutingGame.published(8);
    assertThatThrownBy(() -> Evaluation.of(eight, Policy.uniform(eight)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("exact value solve of 256 states (65536 non-zeros)")
        .hasMessageContaining("(raise it with --max-work)");
    assertThatThrownBy(() -> DistancingGame.of(DistancingGame.published(226)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("count-vector tables of N = 226 agents over K = 4 actions (1975354 count vectors");
  }

  /** Guards never refuse the test kit's random games (≤ 6 states, ≤ 3 agents, ≤ 3 actions) under the default limits. */
  @Test
  void guardsNeverRefuseSmallRandomGames() {
    Seeds.property("guardsAcceptSmallGames", 5201L, 60)
        .forAll(integers().between(1, 6), integers().between(1, 3), longs().all())
        .checkAssert((states, agents, seed) -> {
          MarkovGame game = RandomGames.anyGame(states, agents, 3, seed);
          Policy pi = RandomGames.policy(game, RandomGames.rng(seed));
          Evaluation e = Evaluation.of(game, pi);
          e.visitation(0);
          for (int i = 0; i < agents; i++) {
            assertThat(BestResponse.of(e, i).verify()).isTrue();
          }
          DoubleEvaluation.of(game.toDouble(), Policy.uniform(game).toDouble()).nashGap();
        });
  }
}
