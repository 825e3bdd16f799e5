package org.mpgref.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked figures of the bottom {@code numbers} package: the helpers of {@link Rationals} (sums, common
 * denominators, numerators over them, the exact double conversion's refusal), {@link RationalExp#floor} on fractions
 * whose denominator carries the sign (Commons Numbers keeps {@code BigFraction.of(1, -2)} as 1/−2), the Taylor degree
 * rule of {@link RationalExp#degree} at the values where its two branches and its stopping test are decided, and the
 * argument and grid bounds of {@link RationalExp#exp}.
 */
class NumbersByHandTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /** Σ(1/2, 1/3, −1/6) = 2/3; lcm(2, 3, 6) = 6 with numerators (3, 2, −1); a sign on the denominator is moved up. */
  @Test
  void sumsAndCommonDenominators() {
    BigFraction[] xs = {f(1, 2), f(1, 3), f(-1, 6)};
    assertThat(Rationals.sum(xs)).isEqualTo(f(2, 3));
    assertThat(Rationals.sum(new BigFraction[0])).isEqualTo(BigFraction.ZERO);
    assertThat(Rationals.lcmOfDenominators(xs)).isEqualTo(BigInteger.valueOf(6));
    assertThat(Rationals.lcmOfDenominators(new BigFraction[0])).isEqualTo(BigInteger.ONE);
    assertThat(Rationals.numeratorsOver(xs, BigInteger.valueOf(6)))
        .containsExactly(BigInteger.valueOf(3), BigInteger.valueOf(2), BigInteger.valueOf(-1));
    // 1/−4 = −1/4 and −3/−4 = 3/4 over 12: −3 and 9; lcm(|−4|, 10) = 20
    BigFraction[] signed = {BigFraction.of(1, -4), BigFraction.of(-3, -4)};
    assertThat(Rationals.numeratorsOver(signed, BigInteger.valueOf(12)))
        .containsExactly(BigInteger.valueOf(-3), BigInteger.valueOf(9));
    assertThat(Rationals.lcmOfDenominators(new BigFraction[] {BigFraction.of(1, -4), f(1, 10)}))
        .isEqualTo(BigInteger.valueOf(20));
    assertThat(Rationals.format(BigFraction.of(1, -4))).isEqualTo("-1/4");
    assertThat(Rationals.format(BigFraction.of(-6, -3))).isEqualTo("2");
  }

  /** NaN and ±∞ are refused with the value named; 0.1 converts to its exact dyadic value 3602879701896397/2^55. */
  @Test
  void doublesConvertExactlyOrAreRefused() {
    assertThatThrownBy(() -> Rationals.ofDouble(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value NaN is not a finite number");
    assertThatThrownBy(() -> Rationals.ofDouble(Double.NEGATIVE_INFINITY))
        .hasMessage("value -Infinity is not a finite number");
    assertThat(Rationals.ofDouble(0.1))
        .isEqualTo(BigFraction.of(BigInteger.valueOf(3602879701896397L), BigInteger.TWO.pow(55)));
  }

  /** ⌊·⌋ of 1/−2 is −1, of 3/−2 is −2, of −3/−2 is 1, of −1/2 is −1, of 4/2 is 2 and of −4/2 is −2. */
  @Test
  void floorOfEverySign() {
    assertThat(RationalExp.floor(BigFraction.of(1, -2))).isEqualTo(BigInteger.valueOf(-1));
    assertThat(RationalExp.floor(BigFraction.of(3, -2))).isEqualTo(BigInteger.valueOf(-2));
    assertThat(RationalExp.floor(BigFraction.of(-3, -2))).isEqualTo(BigInteger.ONE);
    assertThat(RationalExp.floor(f(-1, 2))).isEqualTo(BigInteger.valueOf(-1));
    assertThat(RationalExp.floor(f(4, 2))).isEqualTo(BigInteger.TWO);
    assertThat(RationalExp.floor(f(-4, 2))).isEqualTo(BigInteger.valueOf(-2));
    assertThat(RationalExp.ceil(BigFraction.of(1, -2))).isEqualTo(BigInteger.ZERO);
  }

  /**
   * The least n with 3^c z^{n+1} 10^e ≤ (n+1)!, c = ⌈z⌉, at e = 0 (for z &gt; 1 with c^{n+1} in place of z^{n+1}):
   * <ul>
   *   <li>z = 1/3: n = 0 already, 3 · 1/3 = 1 ≤ 1! (equality: the test is ≤, not &lt;);
   *   <li>z = 1/2: 3/2 &gt; 1, then 3/4 ≤ 2: n = 1;
   *   <li>z = 1: 3 &gt; 1, 3 &gt; 2, 3 ≤ 6: n = 2;
   *   <li>z = 3/2 (c = 2): 9 · 2^m ≤ m! first at m = 6 (576 ≤ 720; 288 &gt; 120): n = 5, although
   *       9 · (3/2)^5 ≈ 68.3 ≤ 120 would give 4: the integer branch is taken for c &gt; 1;
   *   <li>z = 2 (c = 2): the same inequality, n = 5; z = 0: n = 0.
   * </ul>
   * With e = 1, z = 1: 30 ≤ (n+1)! first at 5! = 120 (4! = 24 &lt; 30): n = 4.
   */
  @Test
  void taylorDegreeByHand() {
    assertThat(RationalExp.degree(f(1, 3), 0)).isZero();
    assertThat(RationalExp.degree(f(1, 2), 0)).isEqualTo(1);
    assertThat(RationalExp.degree(BigFraction.ONE, 0)).isEqualTo(2);
    assertThat(RationalExp.degree(f(3, 2), 0)).isEqualTo(5);
    assertThat(RationalExp.degree(BigFraction.of(2), 0)).isEqualTo(5);
    assertThat(RationalExp.degree(BigFraction.ZERO, 0)).isZero();
    assertThat(RationalExp.degree(BigFraction.ONE, 1)).isEqualTo(4);
  }

  /**
   * The argument bound is inclusive (|x| = 64 is enclosed, 64 + 10^−9 refused), one digit is allowed and zero is
   * refused; e^64 · e^−64 = 1 lies in the product of the two enclosures; for x = 10^−9 at 3 digits the lower end is
   * exactly 1 (x rounds down to the grid point 0 of 10^−5 and e^0 = 1 is taken, not 1/(1 + 10^−5)).
   */
  @Test
  void argumentAndGridBounds() {
    RationalExp.Enclosure up = RationalExp.exp(BigFraction.of(64), 1);
    RationalExp.Enclosure down = RationalExp.exp(BigFraction.of(-64), 1);
    assertThat(up.lo().multiply(down.lo()).compareTo(BigFraction.ONE)).isLessThanOrEqualTo(0);
    assertThat(up.hi().multiply(down.hi()).compareTo(BigFraction.ONE)).isGreaterThanOrEqualTo(0);
    // 6.2e27 < e^64 < 6.3e27: ln 6.2 + 27 ln 10 = 1.8245 + 62.1698 = 63.994 and ln 6.3 + 62.1698 = 64.010
    assertThat(up.lo().compareTo(BigFraction.of(BigInteger.valueOf(62).multiply(BigInteger.TEN.pow(26)))))
        .isPositive();
    assertThat(up.hi().compareTo(BigFraction.of(BigInteger.valueOf(63).multiply(BigInteger.TEN.pow(26)))))
        .isNegative();
    assertThatThrownBy(() -> RationalExp.exp(BigFraction.of(64).add(f(1, 1_000_000_000)), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("|x| exceeds 64");
    assertThat(RationalExp.exp(f(1, 2), 1).lo()).isEqualTo(f(16, 10)); // e^{1/2} = 1.6487...
    assertThatThrownBy(() -> RationalExp.exp(f(1, 2), 0)).hasMessage("digits must be >= 1, got 0");
    assertThat(RationalExp.exp(f(1, 1_000_000_000), 3).lo()).isEqualTo(BigFraction.ONE);
  }
}
