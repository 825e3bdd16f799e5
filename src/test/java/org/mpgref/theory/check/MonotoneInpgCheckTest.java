package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.dynamics.DoubleDynamics;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;
import org.mpgref.theory.MismatchCoefficient;
import org.mpgref.theory.MonotoneTestGames;
import org.mpgref.theory.StepSizeBounds;

/**
 * Fox et al. Lemma 3.4 certified step by step (proofs-notes/monotone-inpg.md): on tiny MPGs with rewards in [0, 1]
 * and η just below the Theorem 3.1 bound (with the exact mismatch coefficient), every certified INPG step from the
 * rational iterate is CERTIFIED_NON_DECREASING at 30 digits; no step is ever certified to decrease. The enclosure's
 * error bound δ is itself checked against a 60-digit run.
 */
class MonotoneInpgCheckTest {
  private static final int DIGITS = 30;

  /** η = (99/100) · (1−γ)^3/(27 n² A_max² M), M exact. */
  static BigFraction belowTheorem31(MarkovGame g) {
    BigFraction m = MismatchCoefficient.of(g).value().orElseThrow();
    return StepSizeBounds.inpgTheorem31(g, m).multiply(BigFraction.of(99, 100));
  }

  @Test
  void belowTheTheorem31BoundEveryStepIsCertifiedNonDecreasing() {
    Seeds.property("monotoneInpgCertified", 5011L, 20)
        .forAll(integers().between(1, 2), longs().all())
        .checkAssert((states, seed) -> {
          MarkovGame g = MonotoneTestGames.unitMpg(states, seed);
          assertThat(MonotoneInpgCheck.rewardsInUnitInterval(g)).isTrue();
          BigFraction eta = belowTheorem31(g);
          Policy start = (seed & 4L) == 0 ? Policy.uniform(g)
              : MonotoneTestGames.interiorPolicy(g, RandomGames.rng(~seed));
          List<MonotoneInpgCheck.Step> run = MonotoneInpgCheck.run(g, start, eta, 3, DIGITS);
          assertThat(run).hasSize(3);
          for (MonotoneInpgCheck.Step st : run) {
            String what = g.name() + " INPG step " + st.t() + " at eta = " + Rationals.format(eta) + ", gain ~ "
                + st.phiNext().subtract(st.phiFrom()).doubleValue() + ", K delta ~ "
                + st.lipschitz().multiply(st.delta()).doubleValue();
            assertThat(st.verdict()).as(what).isEqualTo(MonotoneInpgCheck.Verdict.CERTIFIED_NON_DECREASING);
            assertThatExact(st.lower()).as(what).isGreaterThanOrEqualTo(BigFraction.ZERO);
            // δ is tiny at 30 digits: the rounding of |A_i| entries per agent dominates
            assertThatExact(st.delta()).as(what).isLessThanOrEqualTo(BigFraction.of(BigInteger.TEN,
                BigInteger.TEN.pow(DIGITS)));
          }
        });
  }

  /** The 30-digit iterate lies within δ30 + δ60 of the 60-digit one (both enclose the same exact INPG step). */
  @Test
  void errorBoundIsConsistentWithAHigherPrecisionRun() {
    MarkovGame g = MonotoneTestGames.unitMpg(2, 5002L);
    Policy pi = MonotoneTestGames.interiorPolicy(g, RandomGames.rng(5003L));
    BigFraction eta = BigFraction.of(1, 3); // far above the bound, so that the exp arguments are not tiny
    MonotoneInpgCheck.Step lo = MonotoneInpgCheck.step(g, pi, eta, DIGITS);
    MonotoneInpgCheck.Step hi = MonotoneInpgCheck.step(g, pi, eta, 60);
    for (int s = 0; s < g.stateCount(); s++) {
      BigFraction d = BigFraction.ZERO;
      for (int i = 0; i < g.agentCount(); i++) {
        for (int a = 0; a < g.actionCount(i); a++) {
          d = d.add(lo.next().prob(i, s, a).subtract(hi.next().prob(i, s, a)).abs());
        }
      }
      assertThatExact(d).isLessThanOrEqualTo(lo.delta().add(hi.delta()));
    }
    // both intervals contain the true change of Φ, so they overlap; the 60-digit one is narrower
    assertThatExact(hi.lower()).isLessThanOrEqualTo(lo.upper());
    assertThatExact(lo.lower()).isLessThanOrEqualTo(hi.upper());
    assertThatExact(hi.delta()).isLessThanOrEqualTo(lo.delta());
  }

  /** The rational iterate agrees with the double INPG of DoubleDynamics (sanity, not part of the certificate). */
  @Test
  void rationalIterateAgreesWithTheDoubleRun() {
    MarkovGame g = MonotoneTestGames.unitMpg(2, 5004L);
    double eta = 0.05;
    List<org.mpgref.dynamics.Iterate> dbl = DoubleDynamics.run(g.toDouble(),
        org.mpgref.dynamics.Algorithm.INPG, eta, 2, 0, t -> {});
    List<MonotoneInpgCheck.Step> run = MonotoneInpgCheck.run(g, Policy.uniform(g), BigFraction.of(1, 20), 2, DIGITS);
    for (int t = 0; t < 2; t++) {
      for (int i = 0; i < 2; i++) {
        for (int s = 0; s < 2; s++) {
          for (int a = 0; a < 2; a++) {
            assertThat(run.get(t).next().prob(i, s, a).doubleValue())
                .isCloseTo(dbl.get(t + 1).policy().prob(i, s, a), org.assertj.core.data.Offset.offset(1e-12));
          }
        }
      }
    }
    assertThat(run.get(0).phiFrom()).isEqualTo(Evaluation.of(g, Policy.uniform(g)).potentialAtInitial().orElseThrow());
  }

  /**
   * At an exact interior fixed point (Ā = 0) the step is computed exactly: δ = 0, π̃⁺ = π̃ and the verdict is
   * certified. Game: one state, γ = 0, φ = r_0 = r_1 = 2[a = (0,0)] + [a = (1,1)]; π_i = (1/3, 2/3) equalises
   * Q̄_i = (2q, 1 − q).
   */
  @Test
  void exactFixedPointIsCertifiedWithZeroError() {
    org.mpgref.game.TabularMarkovGame g = org.mpgref.game.TabularMarkovGame.withPotential("mixed coordination",
        new int[] {2, 2}, BigFraction.ZERO, new BigFraction[] {BigFraction.ONE},
        new BigFraction[][][] {{{BigFraction.of(2), BigFraction.of(2)}, {BigFraction.ZERO, BigFraction.ZERO},
            {BigFraction.ZERO, BigFraction.ZERO}, {BigFraction.ONE, BigFraction.ONE}}},
        new BigFraction[][][] {{{BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}}},
        new BigFraction[][] {{BigFraction.of(2), BigFraction.ZERO, BigFraction.ZERO, BigFraction.ONE}},
        org.mpgref.game.StagePotential.Condition.IDENTICAL_INTEREST);
    BigFraction third = BigFraction.of(1, 3);
    BigFraction twoThirds = BigFraction.of(2, 3);
    Policy pi = Policy.of(new BigFraction[][][] {{{third, twoThirds}}, {{third, twoThirds}}});
    MonotoneInpgCheck.Step st = MonotoneInpgCheck.step(g, pi, BigFraction.ONE, DIGITS);
    assertThat(st.delta()).isEqualTo(BigFraction.ZERO);
    assertThat(st.next()).isEqualTo(pi);
    assertThat(st.verdict()).isEqualTo(MonotoneInpgCheck.Verdict.CERTIFIED_NON_DECREASING);
  }

  @Test
  void refusals() {
    MarkovGame g = MonotoneTestGames.unitMpg(1, 5006L);
    Policy pure = Policy.pure(g, new int[][] {{0}, {1}});
    assertThatThrownBy(() -> MonotoneInpgCheck.step(g, pure, BigFraction.ONE, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interior policy");
    assertThatThrownBy(() -> MonotoneInpgCheck.step(g, Policy.uniform(g), BigFraction.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MonotoneInpgCheck.step(g, Policy.uniform(g), BigFraction.ONE, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MonotoneInpgCheck.run(g, Policy.uniform(g), BigFraction.ONE, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    MarkovGame general = RandomGames.game(1, 2, 2, 7L);
    assertThat(MonotoneInpgCheck.rewardsInUnitInterval(general)).isFalse();
  }
}
