package org.mpgref.linalg;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/** Integer helpers of the exact solvers: common denominators and numerators over them. */
final class Integers {
  private Integers() {}

  /**
   * @param xs fractions
   * @return the least common multiple of their denominators (positive)
   */
  static BigInteger lcmOfDenominators(BigFraction[] xs) {
    BigInteger l = BigInteger.ONE;
    for (BigFraction x : xs) {
      BigInteger d = x.getDenominator().abs();
      l = l.divide(l.gcd(d)).multiply(d);
    }
    return l;
  }

  /**
   * @param x a fraction whose denominator divides d
   * @param d a common denominator
   * @return x·d, an integer
   */
  static BigInteger numeratorOver(BigFraction x, BigInteger d) {
    BigInteger num = x.getNumerator();
    BigInteger den = x.getDenominator();
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    return num.multiply(d.divide(den));
  }
}
