package org.mpgref.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.potential.PotentialCheck;
import org.mpgref.testkit.Seeds;

/**
 * Every state game is a potential game, yet the game is not an MPG: every number of
 * proofs-notes/counterexample-potential-states-not-mpg.md, asserted exactly, and {@link PotentialCheck} finds an
 * exact counterexample on its own.
 */
class PotentialStatesNotMpgCounterexampleTest {
  private static final TabularMarkovGame GAME = PotentialStatesNotMpg.of();

  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /** The catalog's hand-derived 4-cycle (model data) as the potential package's checkable counterexample. */
  private static PotentialCheck.Counterexample handCounterexample() {
    PotentialStatesNotMpg.HandCycle h = PotentialStatesNotMpg.handCycle();
    return new PotentialCheck.Counterexample(GAME, h.base(), h.agentI(), h.deviationI(), h.agentJ(), h.deviationJ(),
        h.state(), h.cycleSum());
  }

  @Test
  void everyStateGameIsAPotentialGameWithTheDeclaredPhi() {
    StagePotential sp = GAME.potential().orElseThrow();
    assertThat(sp.condition()).isEqualTo(StagePotential.Condition.STATE_POTENTIAL_ONLY);
    assertThat(sp.findViolation()).isEmpty();
    // and the data is the one of the note: state 1, agent 0 gets the dummy [a_1 = 1] on top of the coordination payoff
    assertThat(GAME.reward(0, 1, new int[] {0, 1})).isEqualTo(BigFraction.ONE);
    assertThat(GAME.reward(1, 1, new int[] {0, 1})).isEqualTo(BigFraction.ZERO);
    assertThat(GAME.reward(0, 1, new int[] {1, 1})).isEqualTo(BigFraction.of(2));
    assertThat(GAME.transition(0, new int[] {1, 0}, 1)).isEqualTo(BigFraction.ONE);
    assertThat(GAME.transition(0, new int[] {0, 1}, 0)).isEqualTo(BigFraction.ONE);
  }

  /** The eight values of the note's table (section 2), at both states, for the four corners of the cycle. */
  @Test
  void handDerivedValuesOfTheFourCorners() {
    Policy a = Policy.pure(GAME, new int[][] {{0, 0}, {0, 0}});
    Policy b = Policy.pure(GAME, new int[][] {{1, 0}, {0, 0}});
    Policy c = Policy.pure(GAME, new int[][] {{1, 0}, {0, 1}});
    Policy d = Policy.pure(GAME, new int[][] {{0, 0}, {0, 1}});
    // rows: corner; columns: V_0(0), V_1(0), V_0(1), V_1(1)
    Object[][] table = {
        {a, f(2, 1), f(2, 1), f(2, 1), f(2, 1)},
        {b, f(2, 3), f(2, 3), f(4, 3), f(4, 3)},
        {c, f(2, 3), f(0, 1), f(4, 3), f(0, 1)},
        {d, f(2, 1), f(2, 1), f(2, 1), f(1, 1)}};
    for (Object[] row : table) {
      Evaluation ev = Evaluation.of(GAME, (Policy) row[0]);
      assertThatExact(ev.value(0, 0)).isEqualByComparingTo((BigFraction) row[1]);
      assertThatExact(ev.value(1, 0)).isEqualByComparingTo((BigFraction) row[2]);
      assertThatExact(ev.value(0, 1)).isEqualByComparingTo((BigFraction) row[3]);
      assertThatExact(ev.value(1, 1)).isEqualByComparingTo((BigFraction) row[4]);
    }
  }

  @Test
  void theHandCounterexampleVerifiesWithSumsMinusTwoThirdsAndMinusOneThird() {
    PotentialCheck.Counterexample cx = handCounterexample();
    assertThat(cx.verify()).isTrue();
    BigFraction[] sums = PotentialCheck.cycleSums(GAME, cx.base(), 0, cx.deviationI(), 1, cx.deviationJ());
    assertThatExact(sums[0]).isEqualByComparingTo(PotentialStatesNotMpg.CYCLE_SUM_STATE_0);
    assertThatExact(sums[1]).isEqualByComparingTo(PotentialStatesNotMpg.CYCLE_SUM_STATE_1);
    assertThatExact(sums[0]).isEqualByComparingTo(f(-2, 3)); // −γ/(1−γ²) at γ = 1/2
    assertThatExact(sums[1]).isEqualByComparingTo(f(-1, 3));
  }

  /** The declared φ is not a Markov potential: agent 0's deviation C → D changes V_0(0) by 4/3 but Φ(0) by 2. */
  @Test
  void theDeclaredPhiBreaksTheMpgIdentityAtTheCounterexample() {
    Policy c = Policy.pure(GAME, new int[][] {{1, 0}, {0, 1}});
    Policy d = Policy.pure(GAME, new int[][] {{0, 0}, {0, 1}});
    Evaluation ec = Evaluation.of(GAME, c);
    Evaluation ed = Evaluation.of(GAME, d);
    BigFraction dv = ed.value(0, 0).subtract(ec.value(0, 0)); // 2 − 2/3 = 4/3
    BigFraction dphi = ed.potential().orElseThrow()[0].subtract(ec.potential().orElseThrow()[0]);
    assertThatExact(dv).isEqualByComparingTo(f(4, 3));
    // C alternates 0 → 1 → 0 with a = (1,0) then (0,1), φ = 0 in both, so Φ_C(0) = 0; D stays in 0 with φ = 1: Φ_D(0) = 2
    assertThatExact(dphi).isEqualByComparingTo(f(2, 1));
  }

  @Test
  void potentialCheckFindsAnExactCounterexampleByItself() {
    long seed = Seeds.announce("potentialStatesNotMpgCheck", 4511L);
    PotentialCheck.Result r = PotentialCheck.check(GAME, 50, seed);
    assertThat(r).isInstanceOf(PotentialCheck.NotAnMpg.class);
    PotentialCheck.NotAnMpg n = (PotentialCheck.NotAnMpg) r;
    assertThat(n.counterexample().verify()).isTrue();
    assertThat(n.counterexample().cycleSum().signum()).isNotZero();
    assertThat(n.declaredIssue()).isEmpty();
    assertThat(r.describe()).startsWith("not an MPG");
  }
}
