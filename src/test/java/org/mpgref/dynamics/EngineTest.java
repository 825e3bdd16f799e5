package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;

/**
 * The engine on a hand-derived run: one agent, one state, γ = 0, rewards r(a_0) = 1, r(a_1) = 0 (a two-armed bandit),
 * so Q̄ = r, d = 1 and the IPG step with η = 1/4 from (1/2, 1/2) is Proj_Δ(π + (1/4, 0)). Every projection of
 * (p + 1/4, 1 − p) with 1 − p ≥ 1/8 subtracts τ = 1/8 from both entries: π^1 = (5/8, 3/8), π^2 = (3/4, 1/4),
 * π^3 = (7/8, 1/8), π^4 = (1, 0); then (5/4, 0) projects to (1, 0) (τ = 1/4, the second entry clipped), so π^5 =
 * π^4, an exact fixed point. The Nash gap is V* − V = 1 − π(a_0): 1/2, 3/8, 1/4, 1/8, 0, 0.
 */
class EngineTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final TabularMarkovGame BANDIT = TabularMarkovGame.of("bandit", new int[] {2}, Z,
      new BigFraction[] {BigFraction.ONE}, new BigFraction[][][] {{{BigFraction.ONE}, {Z}}},
      new BigFraction[][][] {{{BigFraction.ONE}, {BigFraction.ONE}}});
  private static final BigFraction ETA = BigFraction.of(1, 4);
  private static final BigFraction[] FIRST_ARM = {BigFraction.of(1, 2), BigFraction.of(5, 8), BigFraction.of(3, 4),
      BigFraction.of(7, 8), BigFraction.ONE, BigFraction.ONE};

  private static Run<ExactIterate> run(StoppingRule<Policy, Evaluation, ExactIterate> stop) {
    UpdateRule<Policy, org.mpgref.evaluation.ExactGradients> rule = Algorithm.IPG.exactRule(ETA).orElseThrow();
    GradientOracle<MarkovGame, Policy, Evaluation> oracle = Evaluation::of;
    return Engine.run(Environment.fixed(BANDIT), oracle, rule, Policy.uniform(BANDIT),
        Recorders.exact(Figure.all()), stop, Listener.none());
  }

  @Test
  void ipgOnTheBanditFollowsTheHandDerivedIteratesAndStopsAtTheFixedPoint() {
    Run<ExactIterate> r = run(StoppingRule.anyOf(StoppingRules.fixedPoint(), StoppingRules.iterations(50)));
    assertThat(r.iterates()).hasSize(6);
    for (int t = 0; t < 6; t++) {
      ExactIterate it = r.iterates().get(t);
      assertThat(it.t()).isEqualTo(t);
      assertThat(it.policy().prob(0, 0, 0)).as("pi^%d(a0)", t).isEqualTo(FIRST_ARM[t]);
      assertThat(it.nashGap()).as("gap at %d", t).contains(BigFraction.ONE.subtract(FIRST_ARM[t]));
      assertThat(it.values()).containsExactly(FIRST_ARM[t]);
    }
    assertThat(r.iterates().get(0).l1Change()).isEmpty();
    // (1/N) ||pi^1 - pi^0||_1 = 1/8 + 1/8
    assertThat(r.iterates().get(1).l1Change()).contains(BigFraction.of(1, 4));
    assertThat(r.iterates().get(5).l1Change()).contains(Z);
    assertThat(r.stop().orElseThrow().kind()).isEqualTo(Stop.FIXED_POINT);
    assertThat(r.stoppedBySize()).isFalse();
  }

  @Test
  void theFirstRuleThatStopsNamesTheReasonAndAllOfNeedsEveryRule() {
    Run<ExactIterate> gap = run(StoppingRule.anyOf(StoppingRules.iterations(50),
        StoppingRules.gapAtMost(BigFraction.of(1, 4))));
    assertThat(gap.iterates()).hasSize(3);
    assertThat(gap.stoppedBy(Stop.GAP)).isTrue();
    assertThat(gap.stopReason()).isEqualTo("certified Nash gap 1/4 <= 1/4");

    Run<ExactIterate> budget = run(StoppingRule.anyOf(StoppingRules.iterations(2), StoppingRules.fixedPoint()));
    assertThat(budget.iterates()).hasSize(3);
    assertThat(budget.stoppedBy(Stop.ITERATIONS)).isTrue();

    // the gap is <= 3/8 from t = 1 on, but the budget of 3 is only spent at t = 3
    Run<ExactIterate> both = run(StoppingRule.allOf(StoppingRules.gapAtMost(BigFraction.of(3, 8)),
        StoppingRules.iterations(3)));
    assertThat(both.iterates()).hasSize(4);
    assertThat(both.stoppedBy(Stop.GAP)).isTrue();
    assertThat(both.stopReason()).contains("1/8 <= 3/8").contains("budget 3");
  }

  @Test
  void aStopBeforeEvaluationDropsTheCandidate() {
    List<Integer> asked = new ArrayList<>();
    StoppingRule<Policy, Evaluation, ExactIterate> guard = new StoppingRule<>() {
      @Override
      public Optional<Stop> beforeEvaluation(int t, Evaluation previous, Policy candidate) {
        asked.add(t);
        // the candidate pi^3 = (7/8, 1/8) is refused before it is evaluated
        return candidate.prob(0, 0, 0).equals(BigFraction.of(7, 8)) ? Optional.of(new Stop(Stop.SIZE, "too big"))
            : Optional.empty();
      }
    };
    Run<ExactIterate> r = run(StoppingRule.anyOf(guard, StoppingRules.iterations(50)));
    assertThat(r.iterates()).hasSize(3);
    assertThat(asked).containsExactly(1, 2, 3);
    assertThat(r.stoppedBySize()).isTrue();
    assertThat(r.stopReason()).isEqualTo("too big");
  }

  @Test
  void theEnvironmentIsAskedForTheGameOfEveryDeployedIterateAndTheListenerSeesEveryRecord() {
    DoubleMarkovGame g = BANDIT.toDouble();
    List<Double> deployed = new ArrayList<>();
    Environment<DoubleMarkovGame, DoublePolicy> env = p -> {
      deployed.add(p.prob(0, 0, 0));
      return g;
    };
    List<Integer> completed = new ArrayList<>();
    List<Integer> progress = new ArrayList<>();
    Run<Iterate> r = Engine.run(env, DoubleEvaluation::of, Algorithm.PROJECTED_Q_ASCENT.doubleRule(0.25),
        DoublePolicy.uniform(g), Recorders.doubles(Figure.all()),
        StoppingRule.anyOf(StoppingRules.l1Below(1e-12), StoppingRules.iterations(3)),
        Listener.of(it -> completed.add(it.t()), progress::add));
    // projected Q-ascent = IPG here (d = 1, gamma = 0): 1/2, 5/8, 3/4, 7/8 are exact in double
    assertThat(deployed).containsExactly(0.5, 0.625, 0.75, 0.875);
    assertThat(completed).containsExactly(0, 1, 2, 3);
    assertThat(progress).containsExactly(1, 2, 3);
    assertThat(r.last().nashGap()).isEqualTo(0.125);
    assertThat(r.stoppedBy(Stop.ITERATIONS)).isTrue();
  }

  @Test
  void figuresThatAreNotKeptAreNotComputed() {
    Run<ExactIterate> r = Engine.run(Environment.fixed(BANDIT), Evaluation::of,
        Algorithm.IPG.exactRule(ETA).orElseThrow(), Policy.uniform(BANDIT),
        Recorders.exact(java.util.EnumSet.of(Figure.L1_CHANGE)), StoppingRules.iterations(1), Listener.none());
    assertThat(r.iterates().get(1).nashGap()).isEmpty();
    assertThat(r.iterates().get(1).values()).isEmpty();
    assertThat(r.iterates().get(1).l1Change()).contains(BigFraction.of(1, 4));
    Run<Iterate> d = Engine.run(Environment.fixed(BANDIT.toDouble()), DoubleEvaluation::of,
        Algorithm.IPG.doubleRule(0.25), DoublePolicy.uniform(BANDIT.toDouble()),
        Recorders.doubles(java.util.EnumSet.of(Figure.VALUES)), StoppingRules.iterations(1), Listener.none());
    assertThat(d.last().values()).containsExactly(0.625);
    assertThat(d.last().nashGap()).isNaN();
    assertThat(d.last().l1Change()).isNaN();
  }

  @Test
  void inpgFromANonUniformStartStartsFromItsLogits() {
    DoubleMarkovGame g = BANDIT.toDouble();
    DoublePolicy start = DoublePolicy.ofStateMajor(new double[][][] {{{0.25, 0.75}}});
    Run<Iterate> r = Engine.run(Environment.fixed(g), DoubleEvaluation::of, Algorithm.INPG.doubleRule(1.0), start,
        Recorders.doubles(Figure.all()), StoppingRules.iterations(1), Listener.none());
    // theta^0 = log pi^0 - max; A(a0) = 1 - 1/4 = 3/4, A(a1) = -1/4; theta^1 = theta^0 + A (gamma = 0):
    // pi^1(a0) = (1/4) e^{3/4} / ((1/4) e^{3/4} + (3/4) e^{-1/4}) = e / (e + 3)
    assertThat(r.last().policy().prob(0, 0, 0)).isCloseTo(Math.E / (Math.E + 3), org.assertj.core.data.Offset
        .offset(1e-15));
    assertThat(r.iterates().get(0).policy().prob(0, 0, 1)).isEqualTo(0.75);
  }

  @Test
  void theRegistryNamesEveryAlgorithmOnceAndRefusesUnknownNames() {
    for (Algorithm a : Algorithm.values()) {
      assertThat(Algorithm.ofName(a.cliName().toUpperCase(java.util.Locale.ROOT))).isSameAs(a);
      assertThat(a.exactRule(ETA).isPresent()).as(a.label()).isEqualTo(a.isRational());
    }
    assertThat(Algorithm.PMD_EUCLIDEAN.isRational()).isTrue();
    assertThat(Algorithm.PMD_KL.isRational()).isFalse();
    assertThatThrownBy(() -> Algorithm.ofName("sgd")).hasMessage("--algorithm sgd is unknown; known: ipg, q-ascent,"
        + " inpg, pmd-euclid, pmd-kl");
    assertThatThrownBy(() -> Algorithm.INPG.doubleRule(0)).hasMessageContaining("must be a positive finite number");
    assertThatThrownBy(() -> StoppingRule.anyOf()).isInstanceOf(IllegalArgumentException.class);
  }
}
