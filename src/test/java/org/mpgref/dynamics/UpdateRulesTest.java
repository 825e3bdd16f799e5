package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.CancelledException;

/**
 * The update rules of the registry, exact and double, on a discounted bandit where IPG and projected Q-ascent differ
 * (found by mutation testing, issue 10). The game: one agent, one state, two actions, r = (1, 0), γ = 1/2. From π^0
 * = (1/2, 1/2): V = (1/2)/(1 − 1/2) = 1, Q̄ = r + γV = (3/2, 1/2), d = 1. With η = 1/4, IPG's weight is η d/(1 − γ) =
 * 1/2: Proj_Δ(5/4, 3/4) = (3/4, 1/4) (τ = 1/2); projected Q-ascent's is η: Proj_Δ(7/8, 5/8) = (5/8, 3/8) (τ = 1/4).
 * All these numbers are dyadic, so the double rules give them exactly too.
 */
class UpdateRulesTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final TabularMarkovGame BANDIT = TabularMarkovGame.of("discounted bandit", new int[] {2},
      BigFraction.of(1, 2), new BigFraction[] {ONE}, new BigFraction[][][] {{{ONE}, {Z}}},
      new BigFraction[][][] {{{ONE}, {ONE}}});
  private static final BigFraction ETA = BigFraction.of(1, 4);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void exactIpgWeighsByTheVisitationOverOneMinusGammaAndQAscentDoesNot() {
    Evaluation ev = Evaluation.of(BANDIT, Policy.uniform(BANDIT));
    Policy ipg = Algorithm.IPG.exactRule(ETA).orElseThrow().begin(ev.policy()).next(1, ev);
    assertThat(ipg.prob(0, 0, 0)).isEqualTo(BigFraction.of(3, 4));
    assertThat(ipg.prob(0, 0, 1)).isEqualTo(BigFraction.of(1, 4));
    for (Algorithm a : new Algorithm[] {Algorithm.PROJECTED_Q_ASCENT, Algorithm.PMD_EUCLIDEAN}) {
      Policy q = a.exactRule(ETA).orElseThrow().begin(ev.policy()).next(1, ev);
      assertThat(q.prob(0, 0, 0)).as(a.label()).isEqualTo(BigFraction.of(5, 8));
    }
  }

  @Test
  void doubleIpgAndQAscentGiveTheSameDyadicSteps() {
    DoubleMarkovGame g = BANDIT.toDouble();
    DoubleEvaluation ev = DoubleEvaluation.of(g, DoublePolicy.uniform(g));
    assertThat(Algorithm.IPG.doubleRule(0.25).begin(ev.policy()).next(1, ev).prob(0, 0, 0)).isEqualTo(0.75);
    assertThat(Algorithm.PROJECTED_Q_ASCENT.doubleRule(0.25).begin(ev.policy()).next(1, ev).prob(0, 0, 0))
        .isEqualTo(0.625);
  }

  @Test
  void everyRuleCarriesItsAlgorithmsLabel() {
    for (Algorithm a : Algorithm.values()) {
      assertThat(a.doubleRule(0.5).label()).isEqualTo(a.label());
      a.exactRule(ETA).ifPresent(r -> assertThat(r.label()).isEqualTo(a.label()));
    }
    assertThat(Algorithm.PMD_KL.doubleRule(0.5).label()).isEqualTo("KL PMD");
  }

  @Test
  void everyDoubleRuleRefusesAStepThatIsNotPositiveAndFinite() {
    for (Algorithm a : Algorithm.values()) {
      for (double eta : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
        assertThatThrownBy(() -> a.doubleRule(eta)).as("%s, eta = %s", a.label(), eta)
            .isInstanceOf(IllegalArgumentException.class).hasMessage("eta = " + eta
                + " must be a positive finite number");
      }
    }
    assertThatThrownBy(() -> Algorithm.IPG.exactRule(Z)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eta must be > 0");
  }

  @Test
  void onlyTheTwoMirrorDescentMapsAreMirrorDescent() {
    EnumSet<Algorithm> pmd = EnumSet.noneOf(Algorithm.class);
    for (Algorithm a : Algorithm.values()) {
      if (a.isMirrorDescent()) {
        pmd.add(a);
      }
    }
    assertThat(pmd).containsExactly(Algorithm.PMD_EUCLIDEAN, Algorithm.PMD_KL);
    assertThatThrownBy(() -> PolicyMirrorDescent.runDoubleRecorded(BANDIT.toDouble(),
        DoublePolicy.uniform(BANDIT.toDouble()), Algorithm.IPG, 0.25, 1, 0, t -> { }, it -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("IPG is not a policy-mirror-descent algorithm; use PMD_EUCLIDEAN or PMD_KL");
  }

  @Test
  void theExactStepChecksForCancellationAtEachState() {
    Evaluation ev = Evaluation.of(BANDIT, Policy.uniform(BANDIT));
    ev.qBar(0, 0, 0); // evaluated before the interrupt
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> ExactRules.step(ev, ETA, false)).isInstanceOf(CancelledException.class);
  }

  @Test
  void exactRunsRefuseTheExpAlgorithmsAndDoubleRunsCheckTheirArguments() {
    for (Algorithm a : new Algorithm[] {Algorithm.INPG, Algorithm.PMD_KL}) {
      assertThatThrownBy(() -> ExactDynamics.run(BANDIT, Policy.uniform(BANDIT), a, ETA, 1, 100))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(a.label() + " uses exp and cannot run exactly; run it in double");
    }
    DoubleMarkovGame g = BANDIT.toDouble();
    assertThatThrownBy(() -> DoubleDynamics.run(g, Algorithm.IPG, 0.0, 1, 0, t -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eta = 0.0 must be a positive finite number and maxIterations >= 0");
    // the iteration count is checked before the start policy's shape
    DoublePolicy wrong = DoublePolicy.ofStateMajor(new double[][][] {{{1.0}}});
    assertThatThrownBy(() -> DoubleDynamics.run(g, Algorithm.IPG.doubleRule(0.25), wrong, -1, 0, Listener.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("iterations = -1 must be >= 0");
  }

  @Test
  void exactEuclideanMirrorDescentIsProjectedQAscent() {
    java.util.List<Integer> seen = new java.util.ArrayList<>();
    Run<ExactIterate> a = PolicyMirrorDescent.runExactEuclidean(BANDIT, Policy.uniform(BANDIT), ETA, 1, 100);
    Run<ExactIterate> b = PolicyMirrorDescent.runExactEuclidean(BANDIT, Policy.uniform(BANDIT), ETA, 1, 100,
        it -> seen.add(it.t()));
    for (Run<ExactIterate> r : java.util.List.of(a, b)) {
      assertThat(r.iterates()).hasSize(2);
      assertThat(r.last().policy().prob(0, 0, 0)).isEqualTo(BigFraction.of(5, 8));
    }
    assertThat(seen).containsExactly(0, 1);
  }

  /**
   * The evaluation's digits include Q̄'s: from the pure policy (1, 0) on the bandit r = (1, 1/999), γ = 0, V = 1 and
   * d = 1 have one-digit denominators, Q̄ = (1, 1/999) a three-digit one (999 < 2^10: the bit-length estimate
   * ⌊9 log10 2⌋ + 1 = 3 is exact here).
   */
  @Test
  void theEvaluationDigitsIncludeThoseOfQbar() {
    TabularMarkovGame g = TabularMarkovGame.of("bandit", new int[] {2}, Z, new BigFraction[] {ONE},
        new BigFraction[][][] {{{ONE}, {BigFraction.of(1, 999)}}}, new BigFraction[][][] {{{ONE}, {ONE}}});
    Policy pure = Policy.of(new BigFraction[][][] {{{ONE, Z}}});
    assertThat(ExactDynamics.evaluationDenominatorDigits(Evaluation.of(g, pure))).isEqualTo(3);
    assertThat(ExactDynamics.rowDenominatorDigits(pure)).isEqualTo(1);
  }
}
