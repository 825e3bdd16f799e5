package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;
import org.mpgref.theory.KlRegretBound;
import org.mpgref.theory.QAscentRegretBound;

/**
 * Small pieces of {@code theory.check} by hand: one KL row step with (P1) and (P2) hit exactly at their boundary, the
 * mass on tied best actions, the validations of {@link KlRows} and {@link NashRegret}, and the verdicts of the check
 * records observed false (every run in the other tests satisfies them).
 */
class CheckPiecesByHandTest {
  private static final BigFraction HALF = BigFraction.of(1, 2);
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final MarkovGame COORD = HandGames.coordination(HALF);

  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /**
   * x = (1/2, 1/2) → x⁺ = (3/4, 1/4) with q = (1, 1/2): x⁺ − x = (1/4, −1/4), g = 1/4 − 1/8 = 1/8, ‖x⁺ − x‖₁² = 1/4,
   * h = 1 − 3/4 = 1/4, c = x(argmax q) = 1/2. (P1) g η ≥ 1/4 iff η ≥ 2. (P2): u = c η h = η/8 and
   * f = u h/(1 + u); at η = 8, u = 1 and f = (1/4)/2 = 1/8 = g (holds, with equality); at η = 9, u = 9/8 and
   * f = (9/32)/(17/8) = 9/68 &gt; 1/8 (fails).
   */
  @Test
  void oneRowStepByHand() {
    BigFraction[] x = {HALF, HALF};
    RowStep rs = KlRows.rowStep(x, new BigFraction[] {f(3, 4), f(1, 4)}, new BigFraction[] {ONE, HALF});
    assertThat(rs).isEqualTo(new RowStep(f(1, 8), f(1, 4), f(1, 4), HALF));
    assertThat(rs.lemmaA(BigFraction.of(2))).isTrue();
    assertThat(rs.lemmaA(f(199, 100))).isFalse();
    assertThat(rs.lemmaB(BigFraction.of(8))).isTrue();
    assertThat(rs.lemmaB(BigFraction.of(9))).isFalse();
    // ties: q = (1, 1, 0) has two best actions, c = 1/4 + 1/4; h = 1 − (1/4 + 1/4) = 1/2
    BigFraction[] y = {f(1, 4), f(1, 4), HALF};
    BigFraction[] q = {ONE, ONE, Z};
    assertThat(KlRows.bestMass(y, q)).isEqualTo(HALF);
    assertThat(KlRows.advantage(y, q)).isEqualTo(HALF);
  }

  /** Rows of different or zero length, η ≤ 0 and digits &lt; 1 are refused with one-line messages. */
  @Test
  void rowValidations() {
    BigFraction[] two = {HALF, HALF};
    BigFraction[] three = {ONE, Z, Z};
    String lengths = "policy row has 2 entries but Qbar row has 3; both must have |A_i| >= 1 entries";
    assertThatThrownBy(() -> KlRows.rowStep(two, two, three)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(lengths);
    assertThatThrownBy(() -> KlRows.rowStep(two, new BigFraction[] {ONE}, two))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rows of different lengths: 2 and 1");
    assertThatThrownBy(() -> KlRows.advantage(two, three)).hasMessage(lengths);
    assertThatThrownBy(() -> KlRows.bestMass(two, three)).hasMessage(lengths);
    assertThatThrownBy(() -> KlRows.advantage(new BigFraction[0], new BigFraction[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KlRows.klRowBounds(two, three, ONE, 10)).hasMessage(lengths);
    assertThatThrownBy(() -> KlRows.klRowBounds(two, two, Z, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eta = 0 must be > 0");
    assertThatThrownBy(() -> KlRows.roundedKlRow(two, three, ONE, 10)).hasMessage(lengths);
    assertThatThrownBy(() -> KlRows.roundedKlRow(two, two, f(-1, 2), 10)).hasMessage("eta = -1/2 must be > 0");
    assertThatThrownBy(() -> KlRows.roundedKlRow(two, two, ONE, 0)).hasMessage("digits must be >= 1, got 0");
  }

  /**
   * A KL step with h = 0 (q constant) is the identity, and x = (1/3, 2/3) has the small denominator 3, so it is kept
   * exactly. With x = (1/2, 1/2), q = (1, 0), η = 1 the exact step is x⁺ = (e, 1)/(e + 1), so x⁺_1 = 1/(1 + e) ∈
   * [0.2689414213, 0.2689414214] (e ∈ [2.7182818284, 2.7182818285]); the rounded row at 3 digits (10 bits) sums to 1
   * and its entry 1 is within 2^−9 of it.
   */
  @Test
  void roundedRowsByHand() {
    BigFraction[] third = {f(1, 3), f(2, 3)};
    assertThat(KlRows.roundedKlRow(third, new BigFraction[] {BigFraction.of(5), BigFraction.of(5)}, ONE, 3))
        .containsExactly(f(1, 3), f(2, 3));
    BigFraction[] row = KlRows.roundedKlRow(new BigFraction[] {HALF, HALF}, new BigFraction[] {ONE, Z}, ONE, 3);
    assertThat(row[0].add(row[1])).isEqualTo(ONE);
    BigFraction lo = f(2689414213L, 10_000_000_000L);
    BigFraction hi = f(2689414214L, 10_000_000_000L);
    BigFraction tol = f(1, 512);
    assertThat(row[1].subtract(hi.add(tol)).signum()).isNegative();
    assertThat(row[1].subtract(lo.subtract(tol)).signum()).isPositive();
    // the proven bounds of the exact step: g = (x⁺_0 − 1/2)·1 + (x⁺_1 − 1/2)·0 = 1/2 − 1/(1+e) ∈ [0.2310585786,
    // 0.2310585787]; the lower bound on g is below it and within 10^−8
    RowStep enc = KlRows.klRowBounds(new BigFraction[] {HALF, HALF}, new BigFraction[] {ONE, Z}, ONE, 12);
    assertThat(enc.gain().subtract(f(2310585787L, 10_000_000_000L)).signum()).isNegative();
    assertThat(enc.gain().subtract(f(2310585786L, 10_000_000_000L).subtract(f(1, 100_000_000))).signum())
        .isPositive();
    // ‖x⁺ − x‖₁ = 2 (1/2 − 1/(1+e)) ∈ [0.4621171572, 0.4621171574], squared ∈ [0.2135522, 0.2135523]
    assertThat(enc.l1Squared().subtract(f(2135522, 10_000_000)).signum()).isPositive();
    assertThat(enc.l1Squared().subtract(f(2135523, 10_000_000)).signum()).isNegative();
  }

  /** The validations of the Nash-regret arithmetic and of the exponent fit. */
  @Test
  void regretAndExponentValidations() {
    BigFraction[] gaps = {HALF, f(1, 4)};
    assertThat(NashRegret.regrets(gaps, new int[] {1, 2})).containsExactly(HALF, f(3, 8));
    assertThatThrownBy(() -> NashRegret.regrets(gaps, new int[] {0})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon T = 0 must be in 1..2 (the number of gaps given) and larger than the previous horizon");
    assertThatThrownBy(() -> NashRegret.regrets(gaps, new int[] {3})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NashRegret.regrets(gaps, new int[] {2, 2})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NashRegret.regrets(gaps, new int[] {2, 1})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NashRegret.exponent(new long[] {1, 2}, new double[] {1, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("2 horizons but 3 values");
    assertThatThrownBy(() -> NashRegret.exponent(new long[] {0, 2}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("horizon[0] = 0 must be >= 1");
    assertThatThrownBy(() -> NashRegret.exponent(new long[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NashRegret.exponent(new long[] {2, 2}, new double[] {1, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the horizons must contain at least two distinct values");
    // 3 T^−1 at T = 1, 2, 8 (uneven spacing): the slope is −1 up to rounding
    assertThat(NashRegret.exponent(new long[] {1, 2, 8}, new double[] {3, 1.5, 0.375})).isBetween(-1 - 1e-12,
        -1 + 1e-12);
    BigFraction[] sixteen = new BigFraction[16];
    java.util.Arrays.fill(sixteen, ONE);
    // constant gaps: Nash-Regret(T) = 1 for every T, slope 0 over k = 3..4 (the smallest range)
    assertThat(NashRegret.exponentOverPowersOfTwo(sixteen, 3, 4)).isBetween(-1e-12, 1e-12);
    for (int[] bad : new int[][] {{-1, 2}, {2, 2}, {3, 2}, {0, 31}}) {
      assertThatThrownBy(() -> NashRegret.exponentOverPowersOfTwo(sixteen, bad[0], bad[1]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("k range");
    }
  }

  /** Policies of different shapes have no step length. */
  @Test
  void stepNormOfPoliciesOfDifferentShapes() {
    Policy coord = Policy.uniform(COORD);
    assertThat(NashRegret.stepNormSquared(coord, coord)).isEqualTo(Z);
    Policy oneAgent = Policy.uniform(RandomGames.game(1, 1, 2, 7L));
    assertThatThrownBy(() -> NashRegret.stepNormSquared(coord, oneAgent)).isInstanceOf(InvalidGameException.class)
        .hasMessage("policies of different shapes: 2 agents x 1 states vs 1 x 1");
    Policy wider = Policy.of(new BigFraction[][][] {{{f(1, 3), f(1, 3), f(1, 3)}}, {{HALF, HALF}}});
    assertThatThrownBy(() -> NashRegret.stepNormSquared(coord, wider)).isInstanceOf(InvalidGameException.class)
        .hasMessage("agent 0 has 2 actions in one policy and 3 in the other");
  }

  /** Each verdict of the check records, observed false and at its boundary. */
  @Test
  void verdictsOfTheCheckRecords() {
    assertThat(new QAscentRegretCheck.Check(1, ONE, ONE, ONE).holds()).isTrue(); // 1² ≤ 1 and 1² ≤ 1
    assertThat(new QAscentRegretCheck.Check(1, ONE, f(99, 100), ONE).holds()).isFalse();
    assertThat(new QAscentRegretCheck.Check(1, ONE, ONE, f(99, 100)).holds()).isFalse();
    assertThat(new QAscentRegretCheck.Check(1, f(-1, 10), ONE, ONE).holds()).isFalse();
    assertThat(new QAscentRegretCheck.Check(1, Z, Z, Z).holds()).isTrue();
    QAscentRegretBound.Assessment qa = QAscentRegretBound.assess(COORD, f(1, 16));
    assertThat(new QAscentRegretCheck.RunCheck(qa, new BigFraction[] {ONE}, new BigFraction[] {ONE},
        List.of(new QAscentRegretCheck.Check(1, ONE, f(1, 2), ONE)), false).holds()).isFalse();

    KlRegretCheck.StepCheck good = new KlRegretCheck.StepCheck(0, true, true, ONE, ONE, ONE, true);
    assertThat(good.certified()).isTrue();
    assertThat(new KlRegretCheck.StepCheck(0, false, true, ONE, ONE, ONE, true).certified()).isFalse();
    assertThat(new KlRegretCheck.StepCheck(0, true, false, ONE, ONE, ONE, true).certified()).isFalse();
    KlRegretCheck.Check ok = new KlRegretCheck.Check(1, Z, ONE, Z, true, true, Optional.of(ONE), ONE);
    assertThat(ok.holds()).isTrue();
    assertThat(new KlRegretCheck.Check(1, Z, ONE, Z, true, false, Optional.of(ONE), ONE).holds()).isFalse();
    assertThat(new KlRegretCheck.Check(1, Z, ONE, Z, false, true, Optional.of(ONE), ONE).holds()).isFalse();
    KlRegretBound.Assessment kl = KlRegretBound.assess(COORD, f(1, 8));
    BigFraction[] two = {ONE, ONE};
    assertThat(new KlRegretCheck.RunCheck(kl, List.of(good), 1, two, two, List.of(ok)).holds()).isTrue();
    assertThat(new KlRegretCheck.RunCheck(kl, List.of(good), 0, two, two, List.of(ok)).holds()).isFalse();
    assertThat(new KlRegretCheck.RunCheck(kl, List.of(new KlRegretCheck.StepCheck(0, true, true, ONE, ONE, ONE,
        false)), 1, two, two, List.of(ok)).holds()).isFalse();

    assertThat(new KlLongRunCheck.LongRunCheck(1, 1, true, two, ONE, Z, true, true, 0, 1, 1).holds()).isTrue();
    assertThat(new KlLongRunCheck.LongRunCheck(1, 0, true, two, ONE, Z, true, true, 0, 1, 1).holds()).isFalse();
    assertThat(new KlLongRunCheck.LongRunCheck(1, 1, false, two, ONE, Z, true, true, 0, 1, 1).holds()).isFalse();
    assertThat(new KlLongRunCheck.LongRunCheck(1, 1, true, two, ONE, Z, false, true, 0, 1, 1).holds()).isFalse();
    assertThat(new KlLongRunCheck.LongRunCheck(1, 1, true, two, ONE, Z, true, false, 0, 1, 1).holds()).isFalse();

    Policy pi = Policy.uniform(COORD);
    // gain = phiAfter − phiBefore; smoothness: gain ≥ inner − remainder
    MonotoneProjectedCheck.Step flat = new MonotoneProjectedCheck.Step(0, pi, pi, ONE, ONE, ONE, Z, Z, ONE, Z, Z, Z);
    assertThat(flat.nonDecreasing()).isTrue(); // gain 0
    assertThat(flat.smoothnessHolds()).isTrue(); // 0 ≥ 1 − 1
    MonotoneProjectedCheck.Step down = new MonotoneProjectedCheck.Step(0, pi, pi, ONE, HALF, Z, Z, Z, Z, Z, Z, Z);
    assertThat(down.nonDecreasing()).isFalse();
    assertThat(down.smoothnessHolds()).isFalse(); // −1/2 < 0 − 0
  }
}
