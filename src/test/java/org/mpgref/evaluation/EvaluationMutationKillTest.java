package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * Properties of the evaluation package that the other tests leave open (found by mutation testing, issue 4): the
 * best-response certificate is not vacuous (it rejects a value that is not Bellman-optimal for the data it checks,
 * for each of its two conditions separately), policy iteration needs exactly one evaluation when the greedy action of
 * Q̄^π is already optimal, and the double twin solves one-step (γ = 0) problems exactly at both ends of the scale (a
 * gap of 1e−13 is measured, not rounded away, and at reward scale 1e12, where its switching tolerance is about 1, it
 * still returns max_a r̄ and never a worse action). Every expected value is derived by hand in the comments.
 */
class EvaluationMutationKillTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  private static BigFraction f(long p) {
    return BigFraction.of(p);
  }

  /**
   * One state, two agents with two actions each, γ = 0, ρ = (1); agent 0's reward is {@code r0[a_0]} whatever agent
   * 1 does, agent 1's reward is 0. Then Q̄_0(a_0) = r̄_0(a_0) = r0[a_0] and V_0^* = max r0.
   */
  private static TabularMarkovGame oneShot(BigFraction r0a, BigFraction r0b) {
    BigFraction[][][] rewards = new BigFraction[1][4][];
    BigFraction[][][] transitions = new BigFraction[1][4][];
    for (int j = 0; j < 4; j++) {
      rewards[0][j] = new BigFraction[] {j % 2 == 0 ? r0a : r0b, BigFraction.ZERO};
      transitions[0][j] = new BigFraction[] {BigFraction.ONE};
    }
    return TabularMarkovGame.of("one-shot", new int[] {2, 2}, BigFraction.ZERO, new BigFraction[] {BigFraction.ONE},
        rewards, transitions);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Policy iteration: number of evaluation steps
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Example A of proofs-notes/two-state-two-agent-example.md: by §1.6 the greedy actions of Q̄^π are (0, 1) for agent
   * 0 (67/45 > 13/9; 28/15 < 2) and (1, 0) for agent 1 (12/5 < 17/5; 34/15 > 2), and by §1.8 these are the best
   * responses. Policy iteration started there evaluates once, finds no strict improvement (Bellman optimality) and
   * stops: exactly one iteration.
   */
  @Test
  void policyIterationStartedAtAnOptimalGreedyPolicyEvaluatesOnce() {
    Evaluation e = Evaluation.of(HandDerivedExampleTest.exampleA(), HandDerivedExampleTest.policyA());
    BestResponse b0 = BestResponse.of(e, 0);
    BestResponse b1 = BestResponse.of(e, 1);
    assertThat(b0.actions()).containsExactly(0, 1);
    assertThat(b1.actions()).containsExactly(1, 0);
    assertThat(b0.iterations()).isEqualTo(1);
    assertThat(b1.iterations()).isEqualTo(1);
  }

  /** With γ = 0 the induced MDP is a one-step problem, the greedy action of Q̄^π = r̄ is optimal: one iteration. */
  @Test
  void oneStepProblemsNeedOneIteration() {
    TabularMarkovGame g = oneShot(f(0), f(1));
    BestResponse b = BestResponse.of(Evaluation.of(g, Policy.uniform(g)), 0);
    assertThat(b.action(0)).isEqualTo(1);
    assertThatExact(b.value(0)).isEqualByComparingTo(f(1));
    assertThat(b.iterations()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The certificate can fail
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * A game identical to a dense table except that its discount can be changed after a best response was computed:
   * the only way to present {@link BestResponse#verify()} with a pair (σ, V) that is not optimal for the data it
   * re-checks. {@code verify()} reads γ from the game when it runs, as a certificate must (it trusts nothing stored).
   */
  private static final class RetunableDiscountGame implements MarkovGame {
    private final TabularMarkovGame base;
    private BigFraction gamma;

    RetunableDiscountGame(TabularMarkovGame base) {
      this.base = base;
      this.gamma = base.discount();
    }

    void setDiscount(BigFraction g) {
      gamma = g;
    }

    @Override
    public int agentCount() {
      return base.agentCount();
    }

    @Override
    public int stateCount() {
      return base.stateCount();
    }

    @Override
    public int actionCount(int agent) {
      return base.actionCount(agent);
    }

    @Override
    public BigFraction discount() {
      return gamma;
    }

    @Override
    public BigFraction initial(int state) {
      return base.initial(state);
    }

    @Override
    public StageExpectation expect(int state, Policy policy) {
      return base.expect(state, policy);
    }

    @Override
    public BigFraction reward(int agent, int state, int[] jointAction) {
      return base.reward(agent, state, jointAction);
    }

    @Override
    public BigFraction transition(int state, int[] jointAction, int next) {
      return base.transition(state, jointAction, next);
    }

    @Override
    public Optional<StagePotential> potential() {
      return base.potential();
    }

    @Override
    public String name() {
      return "retunable " + base.name();
    }

    @Override
    public DoubleMarkovGame toDouble() {
      return base.toDouble();
    }
  }

  /**
   * Single agent, one state, rewards (1, 0), γ = 1/2: V* = 1/(1 − 1/2) = 2 with σ = 0, certified. Re-checked with
   * γ' = 1/4: Q(0) = 1 + 2/4 = 3/2 ≠ V* = 2 (the attainment condition fails) while Q(0) = 3/2 and Q(1) = 0 + 2/4 = 1/2
   * are both ≤ 2 (the dominance condition holds): the certificate must still fail.
   */
  @Test
  void certificateRejectsAValueThatIsNotAttained() {
    BigFraction[][][] rewards = {{{f(1)}, {f(0)}}};
    BigFraction[][][] transitions = {{{f(1)}, {f(1)}}};
    RetunableDiscountGame g = new RetunableDiscountGame(TabularMarkovGame.of("attain", new int[] {2}, f(1, 2),
        new BigFraction[] {f(1)}, rewards, transitions));
    NashGap gaps = NashGap.of(g, Policy.uniform(g));
    BestResponse b = gaps.bestResponse(0);
    assertThat(b.actions()).containsExactly(0);
    assertThatExact(b.value(0)).isEqualByComparingTo(f(2));
    assertThat(b.verify()).isTrue();
    assertThat(gaps.verify()).isTrue();
    g.setDiscount(f(1, 4));
    assertThat(b.verify()).as("V* = 2 is not attained: Q(0) = 3/2 under gamma = 1/4").isFalse();
    assertThat(gaps.verify()).as("NashGap.verify fails when one best response fails").isFalse();
  }

  /**
   * Single agent, three states: s0 → s1 with reward 0 (action 0) or → s2 with reward 1/2 (action 1); s1 absorbing
   * with reward 0; s2 → s1 with reward −1 (both actions). γ = 3/4: V*(s1) = 0, V*(s2) = −1, V*(s0) = max(0, 1/2 −
   * 3/4) = 0 with σ(s0) = 0. Re-checked with γ' = 1/4, attainment still holds in every state (s0: 0 + γ'·0 = 0; s1: 0;
   * s2: −1 + γ'·0 = −1) but at s0 action 1 now gives 1/2 − 1/4 = 1/4 > 0 = V*(s0): only the dominance condition fails,
   * and the certificate must fail.
   */
  @Test
  void certificateRejectsAValueThatIsDominated() {
    BigFraction[] toS1 = {f(0), f(1), f(0)};
    BigFraction[] toS2 = {f(0), f(0), f(1)};
    BigFraction[][][] rewards = {{{f(0)}, {f(1, 2)}}, {{f(0)}, {f(0)}}, {{f(-1)}, {f(-1)}}};
    BigFraction[][][] transitions = {{toS1, toS2}, {toS1, toS1}, {toS1, toS1}};
    RetunableDiscountGame g = new RetunableDiscountGame(TabularMarkovGame.of("dominate", new int[] {2}, f(3, 4),
        new BigFraction[] {f(1), f(0), f(0)}, rewards, transitions));
    BestResponse b = BestResponse.of(Evaluation.of(g, Policy.uniform(g)), 0);
    assertThat(b.action(0)).isEqualTo(0);
    assertThatExact(b.value(0)).isEqualByComparingTo(f(0));
    assertThatExact(b.value(1)).isEqualByComparingTo(f(0));
    assertThatExact(b.value(2)).isEqualByComparingTo(f(-1));
    assertThat(b.verify()).isTrue();
    g.setDiscount(f(1, 4));
    assertThat(b.verify()).as("action 1 at s0 beats V*(s0) = 0 under gamma = 1/4").isFalse();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The double twin on one-step problems
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Rewards (0, 10^−13) for agent 0, uniform policy, γ = 0: V_0 = 10^−13/2 and V_0^* = 10^−13, so the exact gap is
   * 1/(2·10^13). The difference 10^−13 is below the double policy iteration's switching tolerance (1e−12·(1+|V|)),
   * so only the greedy start on Q̄^π finds the better action; the double gap must agree with the exact one to
   * relative 1e−9, and must not be negative.
   */
  @Test
  void doubleTwinMeasuresAGapBelowItsSwitchingTolerance() {
    BigFraction tiny = BigFraction.of(BigInteger.ONE, BigInteger.TEN.pow(13));
    TabularMarkovGame g = oneShot(f(0), tiny);
    Policy uniform = Policy.uniform(g);
    BigFraction exact = NashGap.of(g, uniform).gapAtInitial(0);
    assertThatExact(exact).isEqualByComparingTo(tiny.divide(2));
    DoubleEvaluation d = DoubleEvaluation.of(g.toDouble(), uniform.toDouble());
    double expected = exact.doubleValue();
    assertThat(d.gapAtInitial(0)).isGreaterThanOrEqualTo(0.0);
    assertThat(Math.abs(d.gapAtInitial(0) - expected)).isLessThanOrEqualTo(1e-9 * expected);
    assertThat(Math.abs(d.bestResponseValue(0)[0] - tiny.doubleValue())).isLessThanOrEqualTo(1e-9 * expected);
    assertThat(Math.abs(d.nashGap() - expected)).isLessThanOrEqualTo(1e-9 * expected);
  }

  /**
   * Rewards (10^12 + 1/2, 10^12) for agent 0, who plays action 1, γ = 0: V_0 = 10^12, V_0^* = 10^12 + 1/2, exact gap
   * 1/2. All three numbers are exact doubles. At this scale the switching tolerance is about 1, but a one-step problem
   * has the greedy action as its exact optimum, so the double best response must be exactly 10^12 + 1/2 (and not
   * the worse action that lies within the tolerance) and the double gap exactly 1/2.
   */
  @Test
  void doubleTwinKeepsTheOptimalActionAtLargeRewardScale() {
    BigFraction big = f(1_000_000_000_000L);
    TabularMarkovGame g = oneShot(big.add(f(1, 2)), big);
    Policy pi = Policy.pure(g, new int[][] {{1}, {0}});
    assertThatExact(NashGap.of(g, pi).gapAtInitial(0)).isEqualByComparingTo(f(1, 2));
    DoubleEvaluation d = DoubleEvaluation.of(g.toDouble(), pi.toDouble());
    assertThat(d.value(0, 0)).isEqualTo(1e12);
    assertThat(d.bestResponseValue(0)[0]).isEqualTo(1e12 + 0.5);
    assertThat(d.gapAtInitial(0)).isEqualTo(0.5);
    assertThat(d.nashGap()).isEqualTo(0.5);
  }

  /**
   * {@link DoubleEvaluation#potentialAtInitial()} is NaN for a game that declares no stage potential, and for one
   * that does (Example B of the note, identical interest, π_0 = (1/2,1/2), π_1 = (1/3,2/3)) it is Φ(ρ) = 2/3 (§2.2).
   * The evaluation keeps the very policy it evaluated.
   */
  @Test
  void doublePotentialIsNaNWithoutADeclaredPotential() {
    DoublePolicy pA = HandDerivedExampleTest.policyA().toDouble();
    DoubleEvaluation a = DoubleEvaluation.of(HandDerivedExampleTest.exampleA().toDouble(), pA);
    assertThat(a.potentialAtInitial()).isNaN();
    assertThat(a.policy()).isSameAs(pA);
    DoubleEvaluation b = DoubleEvaluation.of(HandDerivedExampleTest.exampleB().toDouble(),
        HandDerivedExampleTest.policyB().toDouble());
    assertThat(Math.abs(b.potentialAtInitial() - 2.0 / 3)).isLessThan(1e-15);
  }
}
