package org.mpgref.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The exact order and formatting helpers, and the canary of Commons Numbers' {@code BigFraction.compareTo}: version
 * 1.2 ordered two negative values by magnitude (NUMBERS-207, fixed in 1.3); the pom requires 1.3.
 */
class RationalsTest {
  @Test
  void compareOrdersNegativeNumbersCorrectly() {
    BigFraction a = BigFraction.of(-18197, 2); // -9098.5
    BigFraction b = BigFraction.of(-9091);
    assertThat(Rationals.compare(a, b)).isEqualTo(-1);
    assertThat(Rationals.compare(b, a)).isEqualTo(1);
    assertThat(Rationals.compare(BigFraction.of(3, -8), BigFraction.of(-1, 8))).isEqualTo(-1);
    assertThat(Rationals.compare(BigFraction.of(-2, 4), BigFraction.of(1, -2))).isZero();
  }

  /**
   * Hand-picked pairs (x, y, sign(x − y)), the sign worked out by hand: two negatives (the case 1.2 got wrong, among
   * them NUMBERS-207's −10 versus −5 and fractions written with a negative denominator), two positives, mixed signs,
   * zero, and equal values written differently.
   */
  private static final Object[][] PAIRS = {
    {BigFraction.of(-18197, 2), BigFraction.of(-9091), -1}, // -9098.5 < -9091
    {BigFraction.of(-10), BigFraction.of(-5), -1},
    {BigFraction.of(-1, 3), BigFraction.of(-1, 2), 1}, // -2/6 > -3/6
    {BigFraction.of(3, -8), BigFraction.of(-1, 8), -1}, // -3/8 < -1/8
    {BigFraction.of(-7, 5), BigFraction.of(7, -5), 0},
    {BigFraction.of(-2, 4), BigFraction.of(1, -2), 0},
    {BigFraction.of(2, 3), BigFraction.of(3, 4), -1}, // 8/12 < 9/12
    {BigFraction.of(5), BigFraction.of(9, 2), 1},
    {BigFraction.of(-1, 1000), BigFraction.of(1, 1000), -1},
    {BigFraction.ZERO, BigFraction.of(-1, 7), 1},
    {BigFraction.ZERO, BigFraction.of(0, -3), 0},
  };

  @Test
  void commonsNumbersCompareToAgreesWithRationalsCompareOnHandPickedPairs() {
    // Canary of the library version: with Commons Numbers 1.2 the two-negative rows fail (NUMBERS-207).
    for (Object[] row : PAIRS) {
      BigFraction x = (BigFraction) row[0];
      BigFraction y = (BigFraction) row[1];
      int expected = (Integer) row[2];
      assertThat(Rationals.compare(x, y)).as("Rationals.compare(%s, %s)", x, y).isEqualTo(expected);
      assertThat(Rationals.compare(y, x)).as("Rationals.compare(%s, %s)", y, x).isEqualTo(-expected);
      assertThat(Integer.signum(x.compareTo(y))).as("%s.compareTo(%s)", x, y).isEqualTo(expected);
      assertThat(Integer.signum(y.compareTo(x))).as("%s.compareTo(%s)", y, x).isEqualTo(-expected);
    }
  }

  @Test
  void formatNormalisesTheSign() {
    assertThat(Rationals.format(BigFraction.of(3, -8))).isEqualTo("-3/8");
    assertThat(Rationals.format(BigFraction.of(6, 3))).isEqualTo("2");
    assertThat(Rationals.format(BigFraction.of(-1, -3))).isEqualTo("1/3");
  }

  @Test
  void doublesConvertExactly() {
    assertThat(Rationals.ofDouble(0.1)).isEqualTo(BigFraction.of(3602879701896397L, 36028797018963968L));
    assertThat(Rationals.ofDouble(0.5)).isEqualTo(BigFraction.of(1, 2));
  }
}
