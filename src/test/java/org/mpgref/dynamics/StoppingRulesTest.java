package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.Limits;

/**
 * Each stopping rule asked directly, at and around its threshold, with its exact stop kind and reason (found by
 * mutation testing, issue 10).
 *
 * <p>The size guard by hand: for the one-agent bandit (γ = 0, r = (1, 0)) from π^0 = (1/2, 1/2), the row digits of
 * π^0 are those of lcm(2, 2) = 2, one digit, and its evaluation (V = 1/2, Q̄ = (1, 0), d = 1) has one-digit
 * denominators. For the two-agent coordination game (γ = 0, payoff 2 on (0,0), 1 on (1,1)) from uniform, the row
 * digits are 1 + 1 = 2 and the evaluation (V = 3/4, Q̄ = (1, 1/2)) has one-digit denominators; a candidate with both
 * rows (1/16, 15/16) has 2-digit denominators and row digits 2 + 2 = 4, so the predicted evaluation digits are 1 + (4
 * − 2) = 3. Its work estimate (S = 1, J = 4, N = 2, A_max = 2: 4·3 + 1 + 4 = 17 operations) is 17·5·(d/9.63)²: 0.92
 * units at d = 1, 3.67 at d = 2.
 */
class StoppingRulesTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final TabularMarkovGame BANDIT = TabularMarkovGame.of("bandit", new int[] {2}, Z,
      new BigFraction[] {ONE}, new BigFraction[][][] {{{ONE}, {Z}}}, new BigFraction[][][] {{{ONE}, {ONE}}});
  private static final DoublePolicy D = DoublePolicy.uniform(BANDIT.toDouble());
  private static final Policy P = Policy.uniform(BANDIT);

  private static TabularMarkovGame coordination() {
    BigFraction two = BigFraction.of(2);
    BigFraction[][][] r = {{{two, two}, {Z, Z}, {Z, Z}, {ONE, ONE}}};
    BigFraction[][][] p = {{{ONE}, {ONE}, {ONE}, {ONE}}};
    return TabularMarkovGame.of("coordination", new int[] {2, 2}, Z, new BigFraction[] {ONE}, r, p);
  }

  private static Iterate doubles(int t, double gap, double l1) {
    return new Iterate(t, D, new double[] {0.5}, gap, Double.NaN, l1);
  }

  private static ExactIterate exact(int t, Optional<BigFraction> gap, Optional<BigFraction> l1) {
    return new ExactIterate(t, P, new BigFraction[0], gap, Optional.empty(), l1);
  }

  private static Policy both(BigFraction p0) {
    BigFraction[] row = {p0, ONE.subtract(p0)};
    return Policy.of(new BigFraction[][][] {{row}, {row.clone()}});
  }

  @Test
  void theIterationBudgetStopsAtTheLastKeptIterate() {
    StoppingRule<Object, Object, Object> zero = StoppingRules.iterations(0);
    assertThat(zero.afterIterate(0, "g", "r")).contains(new Stop(Stop.ITERATIONS, "iteration budget 0 spent"));
    StoppingRule<Object, Object, Object> three = StoppingRules.iterations(3);
    assertThat(three.afterIterate(2, "g", "r")).isEmpty();
    assertThat(three.afterIterate(3, "g", "r")).contains(new Stop(Stop.ITERATIONS, "iteration budget 3 spent"));
    assertThat(three.beforeEvaluation(3, "g", "p")).isEmpty();
    assertThatThrownBy(() -> StoppingRules.iterations(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iterations = -1 must be >= 0");
  }

  @Test
  void theL1RuleIsStrictAndNeverStopsOnTheFirstIterate() {
    StoppingRule<Object, Object, Iterate> rule = StoppingRules.l1Below(0.5);
    assertThat(rule.afterIterate(0, "g", doubles(0, 0.0, Double.NaN))).isEmpty();
    assertThat(rule.afterIterate(1, "g", doubles(1, 0.0, 0.5))).isEmpty();
    assertThat(rule.afterIterate(2, "g", doubles(2, 0.0, 0.25)))
        .contains(new Stop(Stop.L1, "L1 change 0.25 < 0.5"));
    assertThat(StoppingRules.<Object, Object>l1Below(0).afterIterate(3, "g", doubles(3, 0.0, 0.0))).isEmpty();
  }

  @Test
  void theDoubleGapRuleIsStrictAndANaNGapNeverStops() {
    StoppingRule<Object, Object, Iterate> rule = StoppingRules.gapBelow(0.5);
    assertThat(rule.afterIterate(1, "g", doubles(1, 0.5, 1))).isEmpty();
    assertThat(rule.afterIterate(1, "g", doubles(1, Double.NaN, 1))).isEmpty();
    assertThat(rule.afterIterate(2, "g", doubles(2, 0.125, 1)))
        .contains(new Stop(Stop.GAP, "Nash gap 0.125 < 0.5"));
  }

  @Test
  void theFixedPointRuleNeedsAnExactZeroChange() {
    StoppingRule<Object, Object, ExactIterate> rule = StoppingRules.fixedPoint();
    assertThat(rule.afterIterate(0, "g", exact(0, Optional.empty(), Optional.empty()))).isEmpty();
    assertThat(rule.afterIterate(4, "g", exact(4, Optional.empty(), Optional.of(BigFraction.of(1, 1000)))))
        .isEmpty();
    assertThat(rule.afterIterate(5, "g", exact(5, Optional.empty(), Optional.of(Z))))
        .contains(new Stop(Stop.FIXED_POINT, "iterate 5 equals iterate 4"));
  }

  @Test
  void theExactGapRuleIsInclusiveAndNeedsTheGapRecorded() {
    StoppingRule<Object, Object, ExactIterate> rule = StoppingRules.gapAtMost(BigFraction.of(1, 4));
    assertThat(rule.afterIterate(1, "g", exact(1, Optional.empty(), Optional.empty()))).isEmpty();
    assertThat(rule.afterIterate(1, "g", exact(1, Optional.of(BigFraction.of(3, 8)), Optional.empty()))).isEmpty();
    assertThat(rule.afterIterate(1, "g", exact(1, Optional.of(BigFraction.of(1, 4)), Optional.empty())))
        .contains(new Stop(Stop.GAP, "certified Nash gap 1/4 <= 1/4"));
    assertThat(rule.afterIterate(1, "g", exact(1, Optional.of(BigFraction.of(1, 8)), Optional.empty())))
        .contains(new Stop(Stop.GAP, "certified Nash gap 1/8 <= 1/4"));
  }

  @Test
  void theSizeGuardRefusesALargeDenominatorAndAdmitsOneAtTheLimit() {
    assertThatThrownBy(() -> StoppingRules.exactSize(BANDIT, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDenominatorDigits must be >= 1");
    StoppingRule<Policy, Evaluation, Object> guard = StoppingRules.exactSize(BANDIT, 1);
    Evaluation start = Evaluation.of(BANDIT, P);
    assertThat(guard.afterIterate(0, start, "r")).isEmpty();
    Policy eighths = Policy.of(new BigFraction[][][] {{{BigFraction.of(5, 8), BigFraction.of(3, 8)}}});
    assertThat(guard.beforeEvaluation(1, start, eighths)).isEmpty();
    Policy sixteenths = Policy.of(new BigFraction[][][] {{{BigFraction.of(1, 16), BigFraction.of(15, 16)}}});
    assertThat(guard.beforeEvaluation(3, start, sixteenths)).contains(new Stop(Stop.SIZE,
        "iterate 3 has a 2-digit denominator, above --max-denominator-digits 1"));
  }

  @Test
  void theSizeGuardPredictsTheEvaluationDigitsFromTheCalibrationAtTheStart() {
    TabularMarkovGame g = coordination();
    Policy uniform = Policy.uniform(g);
    Evaluation start = Evaluation.of(g, uniform);
    Policy candidate = both(BigFraction.of(1, 16));
    StoppingRule<Policy, Evaluation, Object> two = StoppingRules.exactSize(g, 2);
    two.afterIterate(0, start, "r");
    assertThat(two.beforeEvaluation(1, start, candidate)).contains(new Stop(Stop.SIZE, "evaluating iterate 1 would"
        + " need denominators of about 3 digits (iterate 1 has 2-digit denominators), above --max-denominator-digits"
        + " 2"));
    StoppingRule<Policy, Evaluation, Object> three = StoppingRules.exactSize(g, 3);
    three.afterIterate(0, start, "r");
    assertThat(three.beforeEvaluation(1, start, candidate)).as("predicted 3 digits = the limit").isEmpty();
    // a later iterate does not recalibrate: from pi^1 = candidate (V = 227/256, three digits), uniform is still
    // predicted at 1 digit, and the guard at 1 digit admits it
    StoppingRule<Policy, Evaluation, Object> one = StoppingRules.exactSize(g, 1);
    one.afterIterate(0, start, "r");
    one.afterIterate(1, Evaluation.of(g, candidate), "r");
    assertThat(one.beforeEvaluation(2, Evaluation.of(g, candidate), uniform)).isEmpty();
  }

  @Test
  void fewerRowDigitsThanAtTheStartPredictTheStartsEvaluationDigits() {
    TabularMarkovGame g = coordination();
    Policy sixteenths = both(BigFraction.of(1, 16));
    Evaluation start = Evaluation.of(g, sixteenths);
    // V = 2/256 + 225/256 = 227/256: three digits; row digits 2 + 2 = 4; uniform has row digits 2, so the
    // prediction is 3 + max(0, 2 - 4) = 3
    StoppingRule<Policy, Evaluation, Object> guard = StoppingRules.exactSize(g, 2);
    guard.afterIterate(0, start, "r");
    assertThat(guard.beforeEvaluation(1, start, Policy.uniform(g))).contains(new Stop(Stop.SIZE, "evaluating iterate"
        + " 1 would need denominators of about 3 digits (iterate 1 has 1-digit denominators), above"
        + " --max-denominator-digits 2"));
  }

  @Test
  void theSizeGuardRefusesAnEvaluationAboveTheWorkLimit() {
    TabularMarkovGame g = coordination();
    Evaluation start = Evaluation.of(g, Policy.uniform(g));
    StoppingRule<Policy, Evaluation, Object> guard = StoppingRules.exactSize(g, 10);
    guard.afterIterate(0, start, "r"); // calibrated under the default limits; the limit is read at each check
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork(1).install()) {
      // quarters: one digit, predicted 1 digit, 0.92 work units <= 1
      assertThat(guard.beforeEvaluation(1, start, both(BigFraction.of(1, 4)))).isEmpty();
      // sixteenths in one row only: row digits 1 + 2 = 3, predicted 1 + 1 = 2 digits, 3.67 units > 1
      BigFraction[] q = {BigFraction.of(1, 16), BigFraction.of(15, 16)};
      BigFraction[] h = {BigFraction.of(1, 2), BigFraction.of(1, 2)};
      Policy mixed = Policy.of(new BigFraction[][][] {{q}, {h}});
      assertThat(guard.beforeEvaluation(2, start, mixed)).contains(new Stop(Stop.SIZE, "evaluating iterate 2"
          + " (denominators of about 2 digits) needs about 4 work units, above --max-work 1"));
    }
  }

  @Test
  void allOfJoinsTheNonEmptyReasonsUnderTheFirstKind() {
    StoppingRule<Object, Object, Object> silent = new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, Object current, Object record) {
        return Optional.of(new Stop("mine", ""));
      }

      @Override
      public Optional<Stop> beforeEvaluation(int t, Object previous, Object candidate) {
        return Optional.of(new Stop("early", "a"));
      }
    };
    StoppingRule<Object, Object, Object> budget = StoppingRules.iterations(2);
    StoppingRule<Object, Object, Object> all = StoppingRule.allOf(silent, budget);
    assertThat(all.afterIterate(1, "g", "r")).as("only one of two stops").isEmpty();
    assertThat(all.afterIterate(2, "g", "r")).contains(new Stop("mine", "iteration budget 2 spent"));
    assertThat(StoppingRule.allOf(budget, StoppingRules.iterations(1)).afterIterate(2, "g", "r"))
        .contains(new Stop(Stop.ITERATIONS, "iteration budget 2 spent; iteration budget 1 spent"));
    assertThat(StoppingRule.allOf(silent, silent).beforeEvaluation(1, "g", "p")).contains(new Stop("early", "a; a"));
    assertThat(all.beforeEvaluation(1, "g", "p")).as("the budget never stops before an evaluation").isEmpty();
    assertThat(StoppingRule.anyOf(budget, silent).beforeEvaluation(1, "g", "p")).contains(new Stop("early", "a"));
    assertThatThrownBy(() -> StoppingRule.allOf()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a composite stopping rule needs at least one rule");
  }
}
