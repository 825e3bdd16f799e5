package org.mpgref.numbers;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Small exact helpers shared by the exact world: formatting as {@code p/q}, exact comparison, sums and common
 * denominators. Never touches {@code double} except in {@link #ofDouble(double)}, which converts exactly.
 */
public final class Rationals {
  private Rationals() {}

  /**
   * Formats a fraction as {@code p/q}, or {@code p} when the denominator is 1.
   *
   * @param x the fraction
   * @return its exact text
   */
  public static String format(BigFraction x) {
    BigInteger d = x.getDenominator();
    BigInteger n = x.getNumerator();
    if (d.signum() < 0) {
      d = d.negate();
      n = n.negate();
    }
    return d.equals(BigInteger.ONE) ? n.toString() : n + "/" + d;
  }

  /**
   * Converts a double exactly (every finite double is a dyadic rational).
   *
   * @param x a finite double
   * @return the rational equal to {@code x}
   * @throws IllegalArgumentException if {@code x} is NaN or infinite
   */
  public static BigFraction ofDouble(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("value " + x + " is not a finite number");
    }
    return BigFraction.from(x);
  }

  /**
   * Exact order of two rationals, sign(x − y), computed from the exact difference. It stays the project's one exact
   * order (and the one behind {@link #ORDER}) although the library is now right: in Commons Numbers 1.2,
   * {@code BigFraction.compareTo} compared magnitudes when both operands were negative, so it reversed the order of
   * negative numbers (it reported −18197/2 &gt; −9091; NUMBERS-207, fixed in 1.3, which the pom requires). This method
   * does not depend on {@code compareTo}, so a downgrade or a new regression there cannot change a result of mpgref;
   * it is also the independent oracle the canary in RationalsTest checks {@code compareTo} against.
   *
   * @param x a fraction
   * @param y a fraction
   * @return −1, 0 or 1 as x &lt; y, x = y, x &gt; y
   */
  public static int compare(BigFraction x, BigFraction y) {
    return x.subtract(y).signum();
  }

  /** The exact ascending order of rationals (see {@link #compare}). */
  public static final java.util.Comparator<BigFraction> ORDER = Rationals::compare;

  /**
   * Sum of the entries.
   *
   * @param xs fractions
   * @return exact sum
   */
  public static BigFraction sum(BigFraction[] xs) {
    BigFraction s = BigFraction.ZERO;
    for (BigFraction x : xs) {
      s = s.add(x);
    }
    return s;
  }

  /**
   * Least common multiple of the denominators.
   *
   * @param xs fractions
   * @return the positive lcm of their denominators (1 for an empty array)
   */
  public static BigInteger lcmOfDenominators(BigFraction[] xs) {
    BigInteger l = BigInteger.ONE;
    for (BigFraction x : xs) {
      BigInteger d = x.getDenominator().abs();
      l = l.divide(l.gcd(d)).multiply(d);
    }
    return l;
  }

  /**
   * Numerators over a common denominator: {@code xs[k] = out[k] / lcm}.
   *
   * @param xs fractions
   * @param lcm a common multiple of their denominators, e.g. from {@link #lcmOfDenominators}
   * @return the integer numerators
   */
  public static BigInteger[] numeratorsOver(BigFraction[] xs, BigInteger lcm) {
    BigInteger[] out = new BigInteger[xs.length];
    for (int k = 0; k < xs.length; k++) {
      BigInteger d = xs[k].getDenominator();
      BigInteger n = xs[k].getNumerator();
      if (d.signum() < 0) {
        d = d.negate();
        n = n.negate();
      }
      out[k] = n.multiply(lcm.divide(d));
    }
    return out;
  }
}
