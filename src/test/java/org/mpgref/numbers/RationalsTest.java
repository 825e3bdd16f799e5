package org.mpgref.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The exact order and formatting helpers, including the regression that made us stop using BigFraction.compareTo. */
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

  @Test
  void commonsNumbersCompareToIsWrongOnNegativesWhichIsWhyWeDoNotUseIt() {
    // Documents the upstream behaviour (Commons Numbers 1.2): if this starts failing, the library was fixed.
    assertThat(BigFraction.of(-18197, 2).compareTo(BigFraction.of(-9091))).isEqualTo(1);
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
