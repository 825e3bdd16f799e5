package org.mpgref.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.assertj.core.api.AbstractComparableAssert;
import org.mpgref.numbers.Rationals;

/**
 * AssertJ entry point for exact rationals that orders by {@link Rationals#ORDER} (sign of the difference), never by
 * {@code BigFraction.compareTo}, which in Commons Numbers 1.2 reverses the order of two negative numbers
 * (specs/exact-vs-double.md, rule 5). Use it for every BigFraction assertion, in particular
 * {@code isGreaterThan}, {@code isGreaterThanOrEqualTo}, {@code isLessThanOrEqualTo} and {@code isEqualByComparingTo}.
 */
public final class ExactAssertions {
  private ExactAssertions() {}

  /**
   * @param actual the exact value under test
   * @return an assertion comparing with the exact order
   */
  public static AbstractComparableAssert<?, BigFraction> assertThatExact(BigFraction actual) {
    return assertThat(actual).usingComparator(Rationals.ORDER);
  }
}
