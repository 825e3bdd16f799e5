package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * Tier-1 test: every value of the two examples derived by hand in
 * {@code proofs-notes/two-state-two-agent-example.md} is asserted exactly. Each group of assertions names the section
 * of the note where the value is derived. Agents, states and actions are numbered from 0 as in the note; joint
 * actions are indexed a_0 + 2·a_1 (agent 0 fastest), i.e. rows (0,0), (1,0), (0,1), (1,1).
 */
class HandDerivedExampleTest {

  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  private static BigFraction f(long p) {
    return BigFraction.of(p);
  }

  private static BigFraction[] v(BigFraction... xs) {
    return xs;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Example A (note §1): two states, two agents, two actions each, γ = 1/2, ρ = (1/2, 1/2).
  // ---------------------------------------------------------------------------------------------------------------

  /** The game of note §1.1. */
  static TabularMarkovGame exampleA() {
    BigFraction half = f(1, 2);
    BigFraction[] stay0 = v(f(1), f(0));
    BigFraction[] split = v(half, half);
    BigFraction[] stay1 = v(f(0), f(1));
    // rewards [s][joint][i], joint rows (0,0), (1,0), (0,1), (1,1)
    BigFraction[][][] rewards = {
        {v(f(2), f(2)), v(f(0), f(0)), v(f(0), f(1)), v(f(1), f(3))},
        {v(f(3), f(0)), v(f(0), f(1)), v(f(1), f(0)), v(f(1), f(1))}};
    BigFraction[][][] transitions = {
        {stay0, split, split, stay0},
        {stay0, split, split, stay1}};
    return TabularMarkovGame.of("hand-derived-A", new int[] {2, 2}, half, v(half, half), rewards, transitions);
  }

  /** The mixed policy π of note §1.2, given agent-major as [i][s][a]. */
  static Policy policyA() {
    return Policy.of(new BigFraction[][][] {
        {v(f(1, 2), f(1, 2)), v(f(0), f(1))},
        {v(f(1, 3), f(2, 3)), v(f(0), f(1))}});
  }

  @Test
  @DisplayName("§1.3 P_π; §1.4 V_i^π(s) and V_i^π(ρ)")
  void exampleA_transitionAndValues() {
    Evaluation e = Evaluation.of(exampleA(), policyA());

    // §1.3: P_π = [[3/4, 1/4], [0, 1]]
    assertThat(e.transition(0, 0)).isEqualTo(f(3, 4));
    assertThat(e.transition(0, 1)).isEqualTo(f(1, 4));
    assertThat(e.transition(1, 0)).isEqualTo(f(0));
    assertThat(e.transition(1, 1)).isEqualTo(f(1));

    // §1.4: V_0^π = (22/15, 2), V_1^π = (46/15, 2)
    assertThat(e.value(0, 0)).isEqualTo(f(22, 15));
    assertThat(e.value(0, 1)).isEqualTo(f(2));
    assertThat(e.value(1, 0)).isEqualTo(f(46, 15));
    assertThat(e.value(1, 1)).isEqualTo(f(2));
    assertThat(e.values(0)).containsExactly(f(22, 15), f(2));

    // §1.4: V_0^π(ρ) = 26/15, V_1^π(ρ) = 38/15
    assertThat(e.valueAtInitial(0)).isEqualTo(f(26, 15));
    assertThat(e.valueAtInitial(1)).isEqualTo(f(38, 15));
  }

  @Test
  @DisplayName("§1.5 induced MDPs r̄_i(s,a_i), P̄_i(·|s,a_i)")
  void exampleA_inducedMdps() {
    Evaluation e = Evaluation.of(exampleA(), policyA());
    StageExpectation s0 = e.stage(0);
    StageExpectation s1 = e.stage(1);

    // agent 0 against π_1
    assertThat(s0.rewardBar(0, 0)).isEqualTo(f(2, 3));
    assertThat(s0.rewardBar(0, 1)).isEqualTo(f(2, 3));
    assertThat(s0.transitionBar(0, 0, 0)).isEqualTo(f(2, 3));
    assertThat(s0.transitionBar(0, 0, 1)).isEqualTo(f(1, 3));
    assertThat(s0.transitionBar(0, 1, 0)).isEqualTo(f(5, 6));
    assertThat(s0.transitionBar(0, 1, 1)).isEqualTo(f(1, 6));
    assertThat(s1.rewardBar(0, 0)).isEqualTo(f(1));
    assertThat(s1.rewardBar(0, 1)).isEqualTo(f(1));
    assertThat(s1.transitionBar(0, 0, 0)).isEqualTo(f(1, 2));
    assertThat(s1.transitionBar(0, 0, 1)).isEqualTo(f(1, 2));
    assertThat(s1.transitionBar(0, 1, 0)).isEqualTo(f(0));
    assertThat(s1.transitionBar(0, 1, 1)).isEqualTo(f(1));

    // agent 1 against π_0
    assertThat(s0.rewardBar(1, 0)).isEqualTo(f(1));
    assertThat(s0.rewardBar(1, 1)).isEqualTo(f(2));
    assertThat(s0.transitionBar(1, 0, 0)).isEqualTo(f(3, 4));
    assertThat(s0.transitionBar(1, 0, 1)).isEqualTo(f(1, 4));
    assertThat(s0.transitionBar(1, 1, 0)).isEqualTo(f(3, 4));
    assertThat(s0.transitionBar(1, 1, 1)).isEqualTo(f(1, 4));
    assertThat(s1.rewardBar(1, 0)).isEqualTo(f(1));
    assertThat(s1.rewardBar(1, 1)).isEqualTo(f(1));
    assertThat(s1.transitionBar(1, 0, 0)).isEqualTo(f(1, 2));
    assertThat(s1.transitionBar(1, 0, 1)).isEqualTo(f(1, 2));
    assertThat(s1.transitionBar(1, 1, 0)).isEqualTo(f(0));
    assertThat(s1.transitionBar(1, 1, 1)).isEqualTo(f(1));
  }

  @Test
  @DisplayName("§1.6 averaged Q-functions Q̄_i^π and advantages Ā_i^π")
  void exampleA_averagedQAndAdvantage() {
    Evaluation e = Evaluation.of(exampleA(), policyA());

    // agent 0
    assertThat(e.qBar(0, 0, 0)).isEqualTo(f(67, 45));
    assertThat(e.qBar(0, 0, 1)).isEqualTo(f(13, 9));
    assertThat(e.qBar(0, 1, 0)).isEqualTo(f(28, 15));
    assertThat(e.qBar(0, 1, 1)).isEqualTo(f(2));
    assertThat(e.advantage(0, 0, 0)).isEqualTo(f(1, 45));
    assertThat(e.advantage(0, 0, 1)).isEqualTo(f(-1, 45));
    assertThat(e.advantage(0, 1, 0)).isEqualTo(f(-2, 15));
    assertThat(e.advantage(0, 1, 1)).isEqualTo(f(0));

    // agent 1
    assertThat(e.qBar(1, 0, 0)).isEqualTo(f(12, 5));
    assertThat(e.qBar(1, 0, 1)).isEqualTo(f(17, 5));
    assertThat(e.qBar(1, 1, 0)).isEqualTo(f(34, 15));
    assertThat(e.qBar(1, 1, 1)).isEqualTo(f(2));
    assertThat(e.advantage(1, 0, 0)).isEqualTo(f(-2, 3));
    assertThat(e.advantage(1, 0, 1)).isEqualTo(f(1, 3));
    assertThat(e.advantage(1, 1, 0)).isEqualTo(f(4, 15));
    assertThat(e.advantage(1, 1, 1)).isEqualTo(f(0));
  }

  @Test
  @DisplayName("§1.7 discounted state visitation d_ρ^π = (2/5, 3/5)")
  void exampleA_visitation() {
    Evaluation e = Evaluation.of(exampleA(), policyA());
    assertThat(e.visitation(0)).isEqualTo(f(2, 5));
    assertThat(e.visitation(1)).isEqualTo(f(3, 5));
  }

  @Test
  @DisplayName("§1.8 best responses σ_0 = (0,1), V_0^* = (3/2, 2); σ_1 = (1,0), V_1^* = (26/7, 18/7)")
  void exampleA_bestResponses() {
    Evaluation e = Evaluation.of(exampleA(), policyA());

    BestResponse b0 = BestResponse.of(e, 0);
    assertThat(b0.agent()).isEqualTo(0);
    assertThat(b0.actions()).containsExactly(0, 1);
    assertThat(b0.value(0)).isEqualTo(f(3, 2));
    assertThat(b0.value(1)).isEqualTo(f(2));
    assertThat(b0.verify()).isTrue();

    BestResponse b1 = BestResponse.of(e, 1);
    assertThat(b1.actions()).containsExactly(1, 0);
    assertThat(b1.action(0)).isEqualTo(1);
    assertThat(b1.action(1)).isEqualTo(0);
    assertThat(b1.value(0)).isEqualTo(f(26, 7));
    assertThat(b1.value(1)).isEqualTo(f(18, 7));
    assertThat(b1.verify()).isTrue();

    // §1.8: the best response's value is the value of the deviation (σ_i, π_{-i}) evaluated in the game itself.
    Evaluation dev0 = Evaluation.of(exampleA(), policyA().withPureAgent(0, new int[] {0, 1}));
    assertThat(dev0.value(0, 0)).isEqualTo(f(3, 2));
    assertThat(dev0.value(0, 1)).isEqualTo(f(2));
    Evaluation dev1 = Evaluation.of(exampleA(), policyA().withPureAgent(1, new int[] {1, 0}));
    assertThat(dev1.value(1, 0)).isEqualTo(f(26, 7));
    assertThat(dev1.value(1, 1)).isEqualTo(f(18, 7));
  }

  @Test
  @DisplayName("§1.9 Nash gaps: gap_i(s), gap_i(ρ), Nash gap 64/105, NashConv 263/420")
  void exampleA_nashGaps() {
    NashGap g = NashGap.of(exampleA(), policyA());
    assertThat(g.verify()).isTrue();
    assertThat(g.bestResponse(0).actions()).containsExactly(0, 1);
    assertThat(g.bestResponse(1).actions()).containsExactly(1, 0);

    assertThat(g.gap(0, 0)).isEqualTo(f(1, 30));
    assertThat(g.gap(0, 1)).isEqualTo(f(0));
    assertThat(g.gap(1, 0)).isEqualTo(f(68, 105));
    assertThat(g.gap(1, 1)).isEqualTo(f(4, 7));

    assertThat(g.gapAtInitial(0)).isEqualTo(f(1, 60));
    assertThat(g.gapAtInitial(1)).isEqualTo(f(64, 105));
    assertThat(g.nashGap()).isEqualTo(f(64, 105));
    assertThat(g.nashConv()).isEqualTo(f(263, 420));
    assertThat(g.maxStateGap()).isEqualTo(f(68, 105));
  }

  @Test
  @DisplayName("§1.10 pure Nash policy π' (deterministic P_π', functional-graph solve): V, d, zero gaps")
  void exampleA_pureNashPolicy() {
    MarkovGame game = exampleA();
    // π'_0 = π'_1: action 1 in state 0, action 0 in state 1; given [i][s]
    Policy pure = Policy.pure(game, new int[][] {{1, 0}, {1, 0}});
    Evaluation e = Evaluation.of(game, pure);

    assertThat(e.transition(0, 0)).isEqualTo(f(1));
    assertThat(e.transition(1, 0)).isEqualTo(f(1));
    assertThat(e.value(0, 0)).isEqualTo(f(2));
    assertThat(e.value(0, 1)).isEqualTo(f(4));
    assertThat(e.value(1, 0)).isEqualTo(f(6));
    assertThat(e.value(1, 1)).isEqualTo(f(3));
    assertThat(e.valueAtInitial(0)).isEqualTo(f(3));
    assertThat(e.valueAtInitial(1)).isEqualTo(f(9, 2));
    assertThat(e.visitation(0)).isEqualTo(f(3, 4));
    assertThat(e.visitation(1)).isEqualTo(f(1, 4));

    NashGap g = NashGap.of(e);
    assertThat(g.verify()).isTrue();
    assertThat(g.bestResponse(0).actions()).containsExactly(1, 0);
    assertThat(g.bestResponse(1).actions()).containsExactly(1, 0);
    for (int i = 0; i < 2; i++) {
      for (int s = 0; s < 2; s++) {
        assertThat(g.gap(i, s)).as("gap_%d(%d)", i, s).isEqualTo(f(0));
      }
    }
    assertThat(g.nashGap()).isEqualTo(f(0));
    assertThat(g.nashConv()).isEqualTo(f(0));
    assertThat(g.maxStateGap()).isEqualTo(f(0));
  }

  @Test
  @DisplayName("§1.4–§1.9 the double twin agrees with the exact values to 1e-12")
  void exampleA_doubleTwinAgrees() {
    DoubleEvaluation d = DoubleEvaluation.of(exampleA().toDouble(), policyA().toDouble());
    assertThat(d.value(0, 0)).isCloseTo(22.0 / 15, within(1e-12));
    assertThat(d.value(1, 0)).isCloseTo(46.0 / 15, within(1e-12));
    assertThat(d.qBar(0, 0, 0)).isCloseTo(67.0 / 45, within(1e-12));
    assertThat(d.advantage(1, 1, 0)).isCloseTo(4.0 / 15, within(1e-12));
    assertThat(d.visitation(0)).isCloseTo(2.0 / 5, within(1e-12));
    assertThat(d.gapAtInitial(0)).isCloseTo(1.0 / 60, within(1e-12));
    assertThat(d.nashGap()).isCloseTo(64.0 / 105, within(1e-12));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Example B (note §2): one-state 2×2 coordination game, γ = 0, ρ = (1).
  // ---------------------------------------------------------------------------------------------------------------

  /** The game of note §2.1, declared identical-interest with φ = common payoff. */
  static TabularMarkovGame exampleB() {
    BigFraction[] phi = v(f(2), f(0), f(0), f(1)); // joint rows (0,0), (1,0), (0,1), (1,1)
    BigFraction[][][] rewards = {{v(phi[0], phi[0]), v(phi[1], phi[1]), v(phi[2], phi[2]), v(phi[3], phi[3])}};
    BigFraction[] stay = v(f(1));
    BigFraction[][][] transitions = {{stay, stay, stay, stay}};
    return TabularMarkovGame.withPotential("hand-derived-B", new int[] {2, 2}, f(0), v(f(1)), rewards, transitions,
        new BigFraction[][] {phi}, StagePotential.Condition.IDENTICAL_INTEREST);
  }

  /** π_0 = (1/2, 1/2), π_1 = (1/3, 2/3) (note §2.1), [i][s][a]. */
  static Policy policyB() {
    return Policy.of(new BigFraction[][][] {{v(f(1, 2), f(1, 2))}, {v(f(1, 3), f(2, 3))}});
  }

  @Test
  @DisplayName("§2.2 normal form: V = expected payoff 2/3, Q̄ = r̄, Ā, d = ρ, Φ = 2/3")
  void exampleB_valuesAndVisitation() {
    Evaluation e = Evaluation.of(exampleB(), policyB());

    assertThat(e.value(0, 0)).isEqualTo(f(2, 3));
    assertThat(e.value(1, 0)).isEqualTo(f(2, 3));
    assertThat(e.valueAtInitial(0)).isEqualTo(f(2, 3));
    assertThat(e.valueAtInitial(1)).isEqualTo(f(2, 3));

    assertThat(e.qBar(0, 0, 0)).isEqualTo(f(2, 3));
    assertThat(e.qBar(0, 0, 1)).isEqualTo(f(2, 3));
    assertThat(e.qBar(1, 0, 0)).isEqualTo(f(1));
    assertThat(e.qBar(1, 0, 1)).isEqualTo(f(1, 2));
    assertThat(e.advantage(0, 0, 0)).isEqualTo(f(0));
    assertThat(e.advantage(0, 0, 1)).isEqualTo(f(0));
    assertThat(e.advantage(1, 0, 0)).isEqualTo(f(1, 3));
    assertThat(e.advantage(1, 0, 1)).isEqualTo(f(-1, 6));
    // with γ = 0, Q̄ is the averaged reward r̄
    assertThat(e.stage(0).rewardBar(1, 0)).isEqualTo(f(1));
    assertThat(e.stage(0).rewardBar(1, 1)).isEqualTo(f(1, 2));

    assertThat(e.visitation(0)).isEqualTo(f(1));
    assertThat(e.transition(0, 0)).isEqualTo(f(1));

    assertThat(e.potential()).hasValueSatisfying(phi -> assertThat(phi).containsExactly(f(2, 3)));
    assertThat(e.potentialAtInitial()).contains(f(2, 3));
  }

  @Test
  @DisplayName("§2.3 normal form: best responses (tie → action 0), gaps 0 and 1/3, Nash gap = NashConv = 1/3")
  void exampleB_nashGap() {
    NashGap g = NashGap.of(exampleB(), policyB());
    assertThat(g.verify()).isTrue();

    BestResponse b0 = g.bestResponse(0);
    assertThat(b0.verify()).isTrue();
    assertThat(b0.action(0)).isEqualTo(0); // tie Q̄_0 = (2/3, 2/3): lowest index kept
    assertThat(b0.value(0)).isEqualTo(f(2, 3));

    BestResponse b1 = g.bestResponse(1);
    assertThat(b1.verify()).isTrue();
    assertThat(b1.action(0)).isEqualTo(0);
    assertThat(b1.value(0)).isEqualTo(f(1));

    assertThat(g.gap(0, 0)).isEqualTo(f(0));
    assertThat(g.gap(1, 0)).isEqualTo(f(1, 3));
    assertThat(g.gapAtInitial(0)).isEqualTo(f(0));
    assertThat(g.gapAtInitial(1)).isEqualTo(f(1, 3));
    assertThat(g.nashGap()).isEqualTo(f(1, 3));
    assertThat(g.nashConv()).isEqualTo(f(1, 3));
    assertThat(g.maxStateGap()).isEqualTo(f(1, 3));
  }
}
