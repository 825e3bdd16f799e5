package org.mpgref.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.StochasticCongestionGame.Variant;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.performative.InducedGame;
import org.mpgref.potential.PotentialCheck;

/**
 * The stochastic congestion game of Sahitaj et al. (arXiv 2504.20593; code
 * {@code PauliusSasnauskas/performative-mpgs@da85aa2:cong_env.py}) against hand-derived values: the authors' own
 * reward/transition cases ({@code test/test_env_congestion.py:15-35}), the order of {@code all_states}, the base game,
 * perturbed rows of both variants (the three sampler regimes of the published model and the clipping of the corrected
 * one), the golden strengths and {@code index_of} image of ../shared/reference/performative.md §7, and the refusals.
 */
class StochasticCongestionGameTest {
  private static final BigFraction HALF = BigFraction.of(1, 2);
  private static final StochasticCongestionGame BASE =
      StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, BigFraction.ZERO);

  /** π̄_i(·|s) = (p0, 1 − p0) for every agent and state. */
  static Policy constant(BigFraction p0) {
    BigFraction[][][] p = new BigFraction[4][33][];
    for (BigFraction[][] agent : p) {
      for (int s = 0; s < 33; s++) {
        agent[s] = new BigFraction[] {p0, BigFraction.ONE.subtract(p0)};
      }
    }
    return Policy.of(p);
  }

  /** A copy of π with π̄_agent(·|state) = (p0, 1 − p0). */
  static Policy withRow(Policy pi, int agent, int state, BigFraction p0) {
    BigFraction[][][] p = new BigFraction[4][33][];
    for (int i = 0; i < 4; i++) {
      for (int s = 0; s < 33; s++) {
        p[i][s] = pi.row(i, s);
      }
    }
    p[agent][state] = new BigFraction[] {p0, BigFraction.ONE.subtract(p0)};
    return Policy.of(p);
  }

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  // --- states -----------------------------------------------------------------------------------------------------

  @Test
  void statesFollowTheOrderOfAllStates() {
    assertThat(StochasticCongestionGame.nodes(0)).containsExactly(0, 0, 0, 0);
    assertThat(StochasticCongestionGame.nodes(1)).containsExactly(1, 1, 1, 1);
    assertThat(StochasticCongestionGame.nodes(2)).containsExactly(1, 1, 1, 2);
    assertThat(StochasticCongestionGame.nodes(3)).containsExactly(1, 1, 2, 1);
    assertThat(StochasticCongestionGame.nodes(8)).containsExactly(1, 2, 2, 2);
    assertThat(StochasticCongestionGame.nodes(9)).containsExactly(2, 1, 1, 1);
    assertThat(StochasticCongestionGame.nodes(16)).containsExactly(2, 2, 2, 2);
    assertThat(StochasticCongestionGame.nodes(17)).containsExactly(3, 3, 3, 3);
    assertThat(StochasticCongestionGame.nodes(22)).containsExactly(3, 4, 3, 4);
    assertThat(StochasticCongestionGame.nodes(30)).containsExactly(4, 4, 3, 4);
    assertThat(StochasticCongestionGame.nodes(32)).containsExactly(4, 4, 4, 4);
    for (int s = 0; s < 33; s++) {
      assertThat(StochasticCongestionGame.state(StochasticCongestionGame.nodes(s))).isEqualTo(s);
    }
    assertThat(BASE.induce(constant(HALF)).game().stateLabel(6)).isEqualTo("(1,2,1,2)");
  }

  @Test
  void nodeVectorsOutsideTheLayersAreNotStates() {
    assertThatThrownBy(() -> StochasticCongestionGame.state(new int[] {0, 1, 0, 0}))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("[0, 1, 0, 0] is not a state");
    assertThatThrownBy(() -> StochasticCongestionGame.state(new int[] {1, 1, 1}))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("has 3 entries");
  }

  @Test
  void codeIndexOfIsTheFlattenedArgmaxOfPerformativeMdSection7() {
    int[] expected = new int[33];
    int k = 0;
    expected[k++] = 0;
    for (int r = 0; r < 8; r++) {
      expected[k++] = 4;
    }
    for (int r = 0; r < 4; r++) {
      expected[k++] = 5;
    }
    expected[k++] = 6;
    expected[k++] = 6;
    expected[k++] = 7;
    expected[k++] = 11;
    for (int r = 0; r < 8; r++) {
      expected[k++] = 68;
    }
    for (int r = 0; r < 4; r++) {
      expected[k++] = 69;
    }
    expected[k++] = 70;
    expected[k++] = 70;
    expected[k++] = 71;
    expected[k++] = 75;
    assertThat(k).isEqualTo(33);
    assertThat(StochasticCongestionGame.codeIndexOfImage()).containsExactly(expected);
    // a vector matching no entry column-wise gives argmax of an all-false mask, 0
    assertThat(StochasticCongestionGame.codeIndexOf(new int[] {5, 5, 5, 5})).isZero();
  }

  // --- base game: the authors' cases --------------------------------------------------------------------------

  /** test/test_env_congestion.py:15-35: nodes, one-hot actions ([1,0] = action 0), next nodes, rewards. */
  private static final int[][][] AUTHORS_CASES = {
      {{0, 0, 0, 0}, {1, 1, 1, 1}, {2, 2, 2, 2}, {1, 1, 1, 1}},
      {{0, 0, 0, 0}, {0, 1, 1, 1}, {1, 2, 2, 2}, {50, 5, 5, 5}},
      {{0, 0, 0, 0}, {0, 0, 1, 1}, {1, 1, 2, 2}, {15, 15, 15, 15}},
      {{0, 0, 0, 0}, {0, 0, 0, 1}, {1, 1, 1, 2}, {5, 5, 5, 50}},
      {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 1, 1, 1}, {1, 1, 1, 1}},
      {{1, 1, 2, 2}, {1, 1, 1, 1}, {4, 4, 3, 3}, {15, 15, 15, 15}},
      {{1, 1, 2, 2}, {0, 1, 1, 1}, {3, 4, 3, 3}, {50, 50, 15, 15}},
      {{1, 1, 2, 2}, {0, 1, 0, 1}, {3, 4, 4, 3}, {50, 50, 50, 50}},
      {{1, 1, 2, 2}, {0, 0, 1, 1}, {3, 3, 3, 3}, {15, 15, 15, 15}},
      {{1, 1, 2, 2}, {0, 0, 0, 1}, {3, 3, 4, 3}, {15, 15, 50, 50}},
      {{1, 1, 2, 2}, {0, 0, 0, 0}, {3, 3, 4, 4}, {15, 15, 15, 15}},
      {{1, 1, 1, 2}, {1, 1, 1, 1}, {4, 4, 4, 3}, {5, 5, 5, 50}},
      {{1, 1, 1, 2}, {0, 1, 1, 1}, {3, 4, 4, 3}, {50, 15, 15, 50}},
      {{1, 1, 1, 2}, {0, 0, 1, 1}, {3, 3, 4, 3}, {15, 15, 50, 50}},
      {{1, 1, 1, 2}, {0, 0, 0, 1}, {3, 3, 3, 3}, {5, 5, 5, 50}},
      {{1, 1, 1, 2}, {0, 0, 0, 0}, {3, 3, 3, 4}, {5, 5, 5, 50}},
      {{3, 3, 3, 3}, {0, 0, 1, 1}, {0, 0, 0, 0}, {15, 15, 15, 15}},
      {{3, 3, 4, 4}, {0, 1, 0, 1}, {0, 0, 0, 0}, {50, 50, 50, 50}},
  };

  @Test
  void theAuthorsRewardAndTransitionCasesHoldInTheBaseGameOfBothVariants() {
    for (Variant v : Variant.values()) {
      MarkovGame g = StochasticCongestionGame.of(v, BigFraction.ZERO, BigFraction.ZERO).induce(constant(q(1, 3)))
          .game();
      for (int[][] c : AUTHORS_CASES) {
        int s = StochasticCongestionGame.state(c[0]);
        int next = StochasticCongestionGame.state(c[2]);
        assertThat(g.transition(s, c[1], next)).as("%s %s", v, Arrays.deepToString(c)).isEqualTo(BigFraction.ONE);
        for (int i = 0; i < 4; i++) {
          assertThat(g.reward(i, s, c[1])).as("%s %s agent %d", v, Arrays.deepToString(c), i)
              .isEqualTo(BigFraction.of(c[3][i]));
        }
      }
    }
  }

  @Test
  void rewardsCountAgentsPerNodeAndActionNotPerTargetNode() {
    MarkovGame g = BASE.induce(constant(HALF)).game();
    // (1,2,1,2), all action 0: resources (1,0) and (2,0) hold 2 agents each although they lead to nodes 3 and 4
    assertThat(g.reward(0, 6, new int[] {0, 0, 0, 0})).isEqualTo(BigFraction.of(15));
    // (1,2,2,1), actions (0,1,0,1): agents 0 (1,0)->3 and 1 (2,1)->3 share the target but not the resource: 50 each
    int s = StochasticCongestionGame.state(new int[] {1, 2, 2, 1});
    int[] a = {0, 1, 0, 1};
    for (int i = 0; i < 4; i++) {
      assertThat(g.reward(i, s, a)).isEqualTo(BigFraction.of(50));
    }
    // layer 2: (4,4,4,3) with actions (1,1,1,1): three on (4,1) get f(3) = 5, one on (3,1) gets 50
    int t = StochasticCongestionGame.state(new int[] {4, 4, 4, 3});
    int[] b = {1, 1, 1, 1};
    assertThat(g.reward(0, t, b)).isEqualTo(BigFraction.of(5));
    assertThat(g.reward(3, t, b)).isEqualTo(BigFraction.of(50));
    assertThat(g.transition(t, b, 0)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void baseTransitionsFollowTheKernelOfCongEnv() {
    // T(0,·) = (1,2), T(1,·) = (3,4), T(2,·) = (4,3), T(3,·) = T(4,·) = (0,0)
    int[][] expected = {{1, 2}, {3, 4}, {4, 3}, {0, 0}, {0, 0}};
    for (int n = 0; n < 5; n++) {
      for (int a = 0; a < 2; a++) {
        assertThat(StochasticCongestionGame.baseNext(n, a)).isEqualTo(expected[n][a]);
      }
    }
    MarkovGame g = BASE.induce(constant(HALF)).game();
    assertThat(g.transition(0, new int[] {0, 1, 1, 0}, 7)).isEqualTo(BigFraction.ONE); // (1,2,2,1) = state 7
    assertThat(g.transition(6, new int[] {0, 0, 1, 1}, StochasticCongestionGame.state(new int[] {3, 4, 4, 3})))
        .isEqualTo(BigFraction.ONE);
  }

  // --- perturbed rows ---------------------------------------------------------------------------------------------

  @Test
  void positivePerturbationMovesMassToTheOtherNodeInBothVariants() {
    // c_r = 2, c_p = 1, π̄ = (3/4, 1/4) everywhere; state 0, all action 0: x = 1/4, y = 1/4,
    // each agent to node 1 w.p. (5/4)/(3/2) = 5/6 and to node 2 w.p. 1/6
    for (Variant v : Variant.values()) {
      MarkovGame g = StochasticCongestionGame.of(v, BigFraction.of(2), BigFraction.ONE).induce(constant(q(3, 4)))
          .game();
      int[] a = {0, 0, 0, 0};
      assertThat(g.transition(0, a, 1)).isEqualTo(q(625, 1296));
      assertThat(g.transition(0, a, 2)).isEqualTo(q(125, 1296)); // (1,1,1,2)
      assertThat(g.transition(0, a, 16)).isEqualTo(q(1, 1296));
      assertThat(g.reward(0, 0, a)).isEqualTo(q(3, 2)); // f(4) + 2·1/4
      // agent 0 deviates to action 1: x = −1/4, y = −1/4 ∈ (−1/2, 0): node 2 w.p. 1 (JAX) = clipped (corrected)
      int[] b = {1, 0, 0, 0};
      assertThat(g.transition(0, b, 9)).isEqualTo(q(125, 216)); // (2,1,1,1)
      assertThat(g.transition(0, b, 1)).isEqualTo(BigFraction.ZERO);
      assertThat(g.reward(0, 0, b)).isEqualTo(q(99, 2)); // f(1) − 1/2
      assertThat(g.reward(1, 0, b)).isEqualTo(q(11, 2)); // f(3) + 1/2
    }
  }

  @Test
  void asPublishedReadsThePolicyRowOfTheAgentsNodeNumber() {
    // π̄ uniform except rows 1 and 2: π̄_i(·|1) = (1, 0), π̄_i(·|2) = (0, 1); c_r = 2, c_p = 1; state 6 = (1,2,1,2), a = 0
    Policy pi = constant(HALF);
    for (int i = 0; i < 4; i++) {
      pi = withRow(withRow(pi, i, 1, BigFraction.ONE), i, 2, BigFraction.ZERO);
    }
    int[] a = {0, 0, 0, 0};
    MarkovGame pub = StochasticCongestionGame.of(Variant.AS_PUBLISHED, BigFraction.of(2), BigFraction.ONE).induce(pi)
        .game();
    // agents at node 1 read row 1: x = 1/2, y = 1/2 → node 3 w.p. 3/4, node 4 w.p. 1/4;
    // agents at node 2 read row 2: x = −1/2, y = −1/2 → the code's 0/0 point, taken as the base node 4 w.p. 1
    assertThat(pub.transition(6, a, 22)).isEqualTo(q(9, 16)); // (3,4,3,4)
    assertThat(pub.transition(6, a, 24)).isEqualTo(q(3, 16)); // (3,4,4,4)
    assertThat(pub.transition(6, a, 30)).isEqualTo(q(3, 16)); // (4,4,3,4)
    assertThat(pub.transition(6, a, 32)).isEqualTo(q(1, 16)); // (4,4,4,4)
    assertThat(pub.reward(0, 6, a)).isEqualTo(BigFraction.of(16)); // f(2) + 2·1/2
    assertThat(pub.reward(1, 6, a)).isEqualTo(BigFraction.of(14)); // f(2) − 2·1/2
    // corrected reads row 6 (uniform): x = 0, the base game
    MarkovGame cor = StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.of(2), BigFraction.ONE).induce(pi)
        .game();
    assertThat(cor.transition(6, a, 22)).isEqualTo(BigFraction.ONE);
    assertThat(cor.reward(0, 6, a)).isEqualTo(BigFraction.of(15));
  }

  @Test
  void belowMinusOneHalfJaxPicksTheOtherNodeWhileCorrectedClipsToTheBaseNode() {
    // c_p = 3/2, π̄_0(1|·) = 0, agent 0 plays action 1 from node 0: x = −1/2, y = −3/4 < −1/2
    Policy pi = withRow(constant(HALF), 0, 0, BigFraction.ONE);
    int[] a = {1, 0, 0, 0}; // others x = 0: base targets, node 1
    MarkovGame pub = StochasticCongestionGame.of(Variant.AS_PUBLISHED, BigFraction.ZERO, q(3, 2)).induce(pi).game();
    assertThat(pub.transition(0, a, 1)).isEqualTo(BigFraction.ONE); // node 1 = the other node, w.p. 1
    MarkovGame cor = StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, q(3, 2)).induce(pi).game();
    assertThat(cor.transition(0, a, 9)).isEqualTo(BigFraction.ONE); // max(0, ·): (1 − 3/4, 0) → node 2 w.p. 1
    // the same agent playing action 0 (x = 1/2, y = 3/4): both variants (7/4, 3/4)/(5/2) = (7/10, 3/10) on (1, 2)
    int[] b = {0, 0, 0, 0};
    assertThat(pub.transition(0, b, 1)).isEqualTo(q(7, 10));
    assertThat(pub.transition(0, b, 9)).isEqualTo(q(3, 10));
    assertThat(cor.transition(0, b, 9)).isEqualTo(q(3, 10));
  }

  @Test
  void asPublishedRegimesAtANodeOfTheFirstLayer() {
    // state 1 = (1,1,1,1); agent 0 reads row 1 in both models here (n_0 = 1 = s). Agent 0 plays action 1 (base node 4)
    int[] a = {1, 0, 0, 0};
    int to3 = StochasticCongestionGame.state(new int[] {3, 3, 3, 3});
    int to4 = StochasticCongestionGame.state(new int[] {4, 3, 3, 3});
    StochasticCongestionGame pub = StochasticCongestionGame.of(Variant.AS_PUBLISHED, BigFraction.ZERO, q(3, 2));
    // π̄_0(1|1) = 1/5: x = −3/10, y = −9/20 ∈ (−1/2, 0): base node 4 w.p. 1
    assertThat(pub.induce(withRow(constant(HALF), 0, 1, q(4, 5))).game().transition(1, a, to4))
        .isEqualTo(BigFraction.ONE);
    // π̄_0(1|1) = 1/10: x = −2/5, y = −3/5 < −1/2: other node 3 w.p. 1
    assertThat(pub.induce(withRow(constant(HALF), 0, 1, q(9, 10))).game().transition(1, a, to3))
        .isEqualTo(BigFraction.ONE);
    // π̄_0(1|1) = 1 : x = 1/2, y = 3/4: node 4 w.p. 7/10, node 3 w.p. 3/10
    MarkovGame g = pub.induce(withRow(constant(HALF), 0, 1, BigFraction.ZERO)).game();
    assertThat(g.transition(1, a, to4)).isEqualTo(q(7, 10));
    assertThat(g.transition(1, a, to3)).isEqualTo(q(3, 10));
  }

  @Test
  void fromTheLastLayerEveryAgentReturnsToNodeZeroWhateverTheDeployment() {
    for (Variant v : Variant.values()) {
      MarkovGame g = StochasticCongestionGame.of(v, BigFraction.ONE, q(15, 8)).induce(constant(BigFraction.ZERO))
          .game();
      for (int s = 17; s < 33; s++) {
        for (int j = 0; j < 16; j++) {
          int[] a = {j & 1, (j >> 1) & 1, (j >> 2) & 1, (j >> 3) & 1};
          assertThat(g.transition(s, a, 0)).isEqualTo(BigFraction.ONE);
        }
      }
    }
  }

  @Test
  void theInducedGameDeclaresRosenthalPlusOwnTermsAsAStagePotential() {
    // φ = Σ_e Σ_{m ≤ n_e} f(m) + c_r Σ_i x_i. State 0, all action 1, π̄ = (3/4, 1/4), c_r = 2: 50+15+5+1 + 4·2·(−1/4)
    MarkovGame g = StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.of(2), BigFraction.ONE)
        .induce(constant(q(3, 4))).game();
    assertThat(g.potential()).isPresent();
    assertThat(g.potential().get().phi(0, new int[] {1, 1, 1, 1})).isEqualTo(BigFraction.of(69));
    assertThat(g.potential().get().findViolation()).isEmpty();
  }

  // --- ω = 0 and the potential check ---------------------------------------------------------------------------

  @Test
  void theBaseGameIsNotAnMpgByAnExactFourCycle() {
    // computed: trial 0 of seed 1 already gives a 4-cycle with sum 693/20 at state (2,1,2,1) (pure policies);
    // a nonzero 4-cycle sum rules out every potential (proofs-notes/mpg-four-cycle.md), re-verified exactly here
    MarkovGame g = BASE.induce(constant(HALF)).game();
    PotentialCheck.Result r = PotentialCheck.check(g, 4, 1L);
    assertThat(r).isInstanceOf(PotentialCheck.NotAnMpg.class);
    PotentialCheck.Counterexample cx = ((PotentialCheck.NotAnMpg) r).counterexample();
    assertThat(cx.verify()).isTrue();
    assertThat(cx.cycleSum().signum()).isNotZero();
  }

  // --- strengths ----------------------------------------------------------------------------------------------------

  @Test
  void sqrt66IsAPellConvergentWithinThreePointFiveTimesTenToTheMinusTwelve() {
    BigInteger p = StochasticCongestionGame.SQRT_66.getNumerator();
    BigInteger qq = StochasticCongestionGame.SQRT_66.getDenominator();
    assertThat(p.multiply(p).subtract(BigInteger.valueOf(66).multiply(qq).multiply(qq))).isEqualTo(BigInteger.ONE);
    BigFraction lower = StochasticCongestionGame.SQRT_66.subtract(q(35, 10_000_000_000_000L));
    assertThat(lower.multiply(lower).compareTo(BigFraction.of(66))).isNegative();
    assertThat(StochasticCongestionGame.SQRT_66.multiply(StochasticCongestionGame.SQRT_66)
        .compareTo(BigFraction.of(66))).isPositive();
  }

  @Test
  void strengthsMatchTheGoldenValuesOfPerformativeMdSection7() {
    BigFraction g = StochasticCongestionGame.PUBLISHED_DISCOUNT;
    assertThat(StochasticCongestionGame.strength(q(1, 10), g).doubleValue())
        .isCloseTo(1.2309149097933263, org.assertj.core.data.Offset.offset(1e-10));
    assertThat(StochasticCongestionGame.strength(q(3, 100), g).doubleValue())
        .isCloseTo(0.36927447293799787, org.assertj.core.data.Offset.offset(1e-10));
    StochasticCongestionGame p = StochasticCongestionGame.fromOmega(Variant.AS_PUBLISHED, q(1, 10));
    assertThat(p.rewardStrength()).isEqualTo(p.transitionStrength());
    assertThat(p.transitionStrength()).isEqualTo(q(135_192_000, 109_830_500));
    assertThat(p.discount()).isEqualTo(q(99, 100));
    assertThat(p.initial()).containsOnly(q(1, 33));
    assertThat(p.name()).isEqualTo("stochastic-congestion(variant=as-published, c_r=270384/219661, c_p=270384/219661,"
        + " gamma=99/100, rho=uniform)");
  }

  @Test
  void rhoIsAParameterWithTheEnvResetPointMassAvailable() {
    StochasticCongestionGame g = StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, BigFraction.ZERO,
        HALF, StochasticCongestionGame.codeResetInitial());
    InducedGame in = g.induce(constant(HALF));
    assertThat(in.isExact()).isTrue();
    assertThat(in.game().initial(0)).isEqualTo(BigFraction.ONE);
    assertThat(in.game().initial(5)).isEqualTo(BigFraction.ZERO);
    assertThat(in.game().discount()).isEqualTo(HALF);
  }

  // --- refusals ------------------------------------------------------------------------------------------------------

  @Test
  void badParametersGetOneLineErrorsNamingTheEntryAndTheRule() {
    BigFraction[] u = StochasticCongestionGame.uniformInitial();
    BigFraction g = q(99, 100);
    refused(() -> StochasticCongestionGame.of(Variant.CORRECTED, q(-1, 2), BigFraction.ZERO), "c_r = -1/2 must be >= 0");
    refused(() -> StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, q(-1, 3)), "c_p = -1/3 must be in [0, 2)");
    refused(() -> StochasticCongestionGame.of(Variant.AS_PUBLISHED, BigFraction.ZERO, BigFraction.of(2)),
        "c_p = 2 must be in [0, 2)");
    refused(() -> StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, BigFraction.ZERO, BigFraction.ONE, u),
        "gamma = 1 is outside [0, 1)");
    refused(() -> StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, BigFraction.ZERO, q(-1, 10), u),
        "gamma = -1/10 is outside [0, 1)");
    refused(() -> StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, BigFraction.ZERO, g,
        new BigFraction[] {BigFraction.ONE}), "rho has 1 entries; the game has 33 states");
    BigFraction[] negative = StochasticCongestionGame.codeResetInitial();
    negative[0] = BigFraction.of(2);
    negative[3] = BigFraction.of(-1);
    refused(() -> StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, BigFraction.ZERO, g, negative),
        "rho[3] = -1 is negative");
    BigFraction[] short1 = StochasticCongestionGame.codeResetInitial();
    short1[0] = HALF;
    refused(() -> StochasticCongestionGame.of(Variant.CORRECTED, BigFraction.ZERO, BigFraction.ZERO, g, short1),
        "rho sums to 1/2; it must sum to exactly 1");
    refused(() -> StochasticCongestionGame.fromOmega(Variant.CORRECTED, q(-1, 10)), "omega_r = -1/10 must be >= 0");
    refused(() -> StochasticCongestionGame.fromOmega(Variant.CORRECTED, q(1, 5)), "must be in [0, 2)");
    refused(() -> StochasticCongestionGame.strength(q(1, 10), BigFraction.ONE), "gamma = 1 is outside [0, 1)");
    BigFraction[][][] small = new BigFraction[4][2][];
    for (BigFraction[][] agent : small) {
      agent[0] = new BigFraction[] {BigFraction.ONE, BigFraction.ZERO};
      agent[1] = new BigFraction[] {BigFraction.ONE, BigFraction.ZERO};
    }
    refused(() -> BASE.induce(Policy.of(small)), "deployed policy has 4 agents and 2 states");
    refused(() -> BASE.induceDouble(Policy.of(small).toDouble()), "deployed policy has 4 agents and 2 states");
  }

  private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidGameException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
