package org.mpgref.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The helpers of {@link Rationals} and the boundaries of {@link RationalExp} that the PIT run of 2026-12-02 left
 * alive, each value by hand (the method of RationalExp is in its class comment and proofs-notes/monotone-inpg.md §2).
 */
class NumbersByHandTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /** 1/2 + 1/3 = 5/6; lcm(4, 6, 1) = 12; 1/4 = 3/12 and −1/6 = −2/12; formats; doubles convert exactly. */
  @Test
  void rationalsByHand() {
    assertThat(Rationals.sum(new BigFraction[] {f(1, 2), f(1, 3)})).isEqualTo(f(5, 6));
    assertThat(Rationals.sum(new BigFraction[0])).isEqualTo(BigFraction.ZERO);
    BigFraction[] xs = {f(1, 4), f(-1, 6), BigFraction.of(2)};
    assertThat(Rationals.lcmOfDenominators(xs)).isEqualTo(BigInteger.valueOf(12));
    assertThat(Rationals.lcmOfDenominators(new BigFraction[0])).isEqualTo(BigInteger.ONE);
    assertThat(Rationals.numeratorsOver(xs, BigInteger.valueOf(12))).containsExactly(BigInteger.valueOf(3),
        BigInteger.valueOf(-2), BigInteger.valueOf(24));
    assertThat(Rationals.format(f(-3, 4))).isEqualTo("-3/4");
    assertThat(Rationals.format(f(6, 3))).isEqualTo("2");
    assertThat(Rationals.ofDouble(0.375)).isEqualTo(f(3, 8));
    assertThatThrownBy(() -> Rationals.ofDouble(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value NaN is not a finite number");
    assertThatThrownBy(() -> Rationals.ofDouble(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }

  /** ⌊−7/2⌋ = −4, ⌊−3⌋ = −3 (remainder 0), ⌊7/2⌋ = 3, ⌈−7/2⌉ = −3, ⌈3⌉ = 3. */
  @Test
  void floorAndCeilByHand() {
    assertThat(RationalExp.floor(f(-7, 2))).isEqualTo(BigInteger.valueOf(-4));
    assertThat(RationalExp.floor(BigFraction.of(-3))).isEqualTo(BigInteger.valueOf(-3));
    assertThat(RationalExp.floor(f(7, 2))).isEqualTo(BigInteger.valueOf(3));
    assertThat(RationalExp.ceil(f(-7, 2))).isEqualTo(BigInteger.valueOf(-3));
    assertThat(RationalExp.ceil(BigFraction.of(3))).isEqualTo(BigInteger.valueOf(3));
  }

  /**
   * The degree is the least n with 3^c z^{n+1} 10^e ≤ (n+1)!, c = ⌈z⌉. z = 1/3, e = 0: 3·(1/3) = 1 ≤ 1! already at
   * n = 0 (equality). z = 3/2 (c = 2 &gt; 1, so c^{n+1} replaces z^{n+1}): 9·2^{n+1} ≤ (n+1)! first at n = 5
   * (576 ≤ 720; n = 4: 288 &gt; 120). z = 0: degree 0.
   */
  @Test
  void degreeByHand() {
    assertThat(RationalExp.degree(f(1, 3), 0)).isEqualTo(0);
    assertThat(RationalExp.degree(f(3, 2), 0)).isEqualTo(5);
    assertThat(RationalExp.degree(BigFraction.ZERO, 5)).isEqualTo(0);
  }

  /**
   * Boundaries of {@link RationalExp#exp}. |x| = 64 is accepted: e^64 = (e^32)² with e^32 = 7.8962960182680695e13,
   * so e^64 = 6.2351490808116...e27, inside [6.2351490808e27, 6.2351490809e27], and at 20 digits the enclosure lies in
   * that bracket. digits = 1 is accepted. x = 10^−8 at 5 digits (E = 7): x rounds outward to [0, 10^−7], so
   * lo = T_0(0) = 1 exactly; x = −10^−8: [−10^−7, 0], so hi = T_0(0) + 10^−7 = 1 + 10^−7, rounded up to the grid
   * 10^−5: 1 + 10^−5.
   */
  @Test
  void expAtItsBoundaries() {
    RationalExp.Enclosure big = RationalExp.exp(BigFraction.of(64), 20);
    BigFraction bracketLo = BigFraction.of(BigInteger.valueOf(62351490808L).multiply(BigInteger.TEN.pow(17)));
    BigFraction bracketHi = BigFraction.of(BigInteger.valueOf(62351490809L).multiply(BigInteger.TEN.pow(17)));
    assertThat(big.lo().subtract(bracketLo).signum()).isPositive();
    assertThat(big.hi().subtract(bracketHi).signum()).isNegative();
    assertThatThrownBy(() -> RationalExp.exp(f(641, 10), 20)).isInstanceOf(IllegalArgumentException.class);
    RationalExp.Enclosure coarse = RationalExp.exp(BigFraction.ONE, 1); // e ∈ [2.7, 2.8]
    assertThat(coarse.lo().subtract(f(27, 10)).signum()).isGreaterThanOrEqualTo(0);
    assertThat(coarse.hi().subtract(f(28, 10)).signum()).isLessThanOrEqualTo(0);
    assertThat(RationalExp.exp(f(1, 100_000_000), 5).lo()).isEqualTo(BigFraction.ONE);
    assertThat(RationalExp.exp(f(-1, 100_000_000), 5).hi()).isEqualTo(f(100_001, 100_000));
  }
}
