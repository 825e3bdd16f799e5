package org.mpgref.numbers;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * Rigorous rational enclosures lo ≤ e^x ≤ hi of the exponential at a rational x, never touching {@code double}
 * (proofs-notes/monotone-inpg.md §2).
 *
 * <p>Method: x is first rounded outward to the grid 10^−(E) with E = digits + 2 (x_lo ≤ x ≤ x_hi), and e^x is
 * enclosed by [lower(e^{x_lo}), upper(e^{x_hi})] (e^x is increasing). For z ≥ 0, Taylor's theorem with the Lagrange
 * remainder gives e^z = T_n(z) + e^ξ z^{n+1}/(n+1)!, ξ ∈ [0, z], so T_n(z) ≤ e^z ≤ T_n(z) + 3^c z^{n+1}/(n+1)! with
 * c = ⌈z⌉ (e &lt; 3); n is the least degree with 3^c z^{n+1} 10^E ≤ (n+1)!, so e^z ∈ [T_n(z), T_n(z) + 10^−E]. T_n(z)
 * is evaluated by Horner's rule with every intermediate rounded down (for lo) or up (for hi) on the grid 10^−(E+28),
 * which keeps denominators small and, every Horner map being increasing for z ≥ 0, gives T_n^↓(z) ≤ T_n(z) ≤
 * T_n^↑(z). So e^z ∈ [T_n^↓(z), T_n^↑(z) + 10^−E]. For z &lt; 0, e^z = 1/e^{−z} ∈ [1/(T_n^↑(−z) + 10^−E),
 * 1/T_n^↓(−z)]. The two ends are finally rounded outward to the grid
 * 10^−digits (lo down, hi up), so their denominators stay at most 10^digits. Soundness, lo ≤ e^x ≤ hi, holds
 * unconditionally; the width is of order (1 + e^x)·10^−digits, and callers use the actual width hi − lo, never an
 * assumed one.
 */
public final class RationalExp {
  private RationalExp() {}

  /** Largest |x| accepted: e^64 has 28 digits before the point, enough for every use here. */
  public static final int MAX_ABS_ARGUMENT = 64;

  /**
   * An enclosure lo ≤ e^x ≤ hi.
   *
   * @param lo a rational lower bound
   * @param hi a rational upper bound
   */
  public record Enclosure(BigFraction lo, BigFraction hi) {
    /**
     * @return hi − lo
     */
    public BigFraction width() {
      return hi.subtract(lo);
    }
  }

  /**
   * Encloses e^x. At x = 0 the enclosure is exactly [1, 1].
   *
   * @param x a rational with |x| ≤ {@link #MAX_ABS_ARGUMENT}
   * @param digits the output grid 10^−digits, at least 1
   * @return lo ≤ e^x ≤ hi, both multiples of 10^−digits (except the exact [1, 1] at x = 0)
   * @throws IllegalArgumentException if |x| is too large or digits &lt; 1
   */
  public static Enclosure exp(BigFraction x, int digits) {
    if (digits < 1) {
      throw new IllegalArgumentException("digits must be >= 1, got " + digits);
    }
    if (Rationals.compare(x.abs(), BigFraction.of(MAX_ABS_ARGUMENT)) > 0) {
      throw new IllegalArgumentException("exp enclosure: |x| exceeds " + MAX_ABS_ARGUMENT
          + "; reduce the step size");
    }
    if (x.signum() == 0) {
      return new Enclosure(BigFraction.ONE, BigFraction.ONE);
    }
    int e = digits + 2;
    BigInteger scale = BigInteger.TEN.pow(e);
    BigFraction xLo = BigFraction.of(floor(x.multiply(BigFraction.of(scale))), scale);
    BigFraction xHi = BigFraction.of(ceil(x.multiply(BigFraction.of(scale))), scale);
    BigFraction tol = BigFraction.of(BigInteger.ONE, scale);
    BigFraction lo = lower(xLo, e, tol);
    BigFraction hi = upper(xHi, e, tol);
    BigInteger out = BigInteger.TEN.pow(digits);
    BigFraction outScale = BigFraction.of(out);
    return new Enclosure(BigFraction.of(floor(lo.multiply(outScale)), out),
        BigFraction.of(ceil(hi.multiply(outScale)), out));
  }

  /** A lower bound of e^z. */
  private static BigFraction lower(BigFraction z, int e, BigFraction tol) {
    if (z.signum() >= 0) {
      return horner(z, degree(z, e), e, false);
    }
    BigFraction m = z.negate();
    return BigFraction.ONE.divide(horner(m, degree(m, e), e, true).add(tol));
  }

  /** An upper bound of e^z. */
  private static BigFraction upper(BigFraction z, int e, BigFraction tol) {
    if (z.signum() >= 0) {
      return horner(z, degree(z, e), e, true).add(tol);
    }
    BigFraction m = z.negate();
    return BigFraction.ONE.divide(horner(m, degree(m, e), e, false));
  }

  /**
   * The least n with 3^c z^{n+1} 10^e ≤ (n+1)!, c = ⌈z⌉ (z ≥ 0): then the Lagrange remainder of the degree-n Taylor
   * polynomial at z, e^ξ z^{n+1}/(n+1)! with ξ ∈ [0, z], is at most e^c z^{n+1}/(n+1)! ≤ 10^−e. For z &gt; 1 the test
   * uses c^{n+1} ≥ z^{n+1} (integers only, a possibly larger but still sufficient degree).
   *
   * @param z z ≥ 0
   * @param e the exponent of the tolerance
   * @return the degree n
   */
  static int degree(BigFraction z, int e) {
    BigInteger c = ceil(z);
    if (c.signum() == 0) {
      return 0;
    }
    BigInteger lhsBase = BigInteger.valueOf(3).pow(c.intValueExact()).multiply(BigInteger.TEN.pow(e));
    BigInteger fact = BigInteger.ONE; // (n+1)!
    int n = 0;
    if (c.compareTo(BigInteger.ONE) > 0) {
      BigInteger cPow = c; // c^{n+1}
      while (true) {
        fact = fact.multiply(BigInteger.valueOf(n + 1));
        if (lhsBase.multiply(cPow).compareTo(fact) <= 0) {
          return n;
        }
        n++;
        cPow = cPow.multiply(c);
      }
    }
    BigFraction base = BigFraction.of(lhsBase);
    BigFraction zPow = z; // z^{n+1}, z ≤ 1
    while (true) {
      fact = fact.multiply(BigInteger.valueOf(n + 1));
      if (Rationals.compare(base.multiply(zPow), BigFraction.of(fact)) <= 0) {
        return n;
      }
      n++;
      zPow = zPow.multiply(z);
    }
  }

  /**
   * A directed-rounding Horner evaluation of T_n(z) = Σ_{k=0}^{n} z^k/k! for 0 ≤ z ≤ {@link #MAX_ABS_ARGUMENT}:
   * h_n = 1, h_{k−1} = round(1 + (z/k) h_k), h_0 returned, every rounding to the grid 10^−(e+28) in one direction.
   * Each map h ↦ 1 + (z/k)h is increasing (z ≥ 0), so rounding down at every step gives h_0 ≤ T_n(z) and rounding up
   * gives h_0 ≥ T_n(z) (induction on k). The error is at most 10^−(e+28)·Σ_k z^k/k! ≤ 10^−(e+28) e^64 &lt; 10^−e.
   *
   * @param z 0 ≤ z ≤ 64
   * @param n the degree
   * @param e the exponent of the target accuracy
   * @param up round up (an upper bound of T_n(z)) or down (a lower bound)
   * @return the bound
   */
  static BigFraction horner(BigFraction z, int n, int e, boolean up) {
    BigInteger work = BigInteger.TEN.pow(e + 28);
    BigFraction workScale = BigFraction.of(work);
    BigFraction h = BigFraction.ONE;
    for (int k = n; k >= 1; k--) {
      BigFraction exact = BigFraction.ONE.add(z.multiply(h).divide(k)).multiply(workScale);
      h = BigFraction.of(up ? ceil(exact) : floor(exact), work);
    }
    return h;
  }

  /**
   * T_n(z) = Σ_{k=0}^{n} z^k/k!, exactly (for tests of {@link #horner}).
   *
   * @param z the point
   * @param n the degree
   * @return the Taylor polynomial's value
   */
  static BigFraction taylor(BigFraction z, int n) {
    BigFraction term = BigFraction.ONE;
    BigFraction sum = BigFraction.ONE;
    for (int k = 1; k <= n; k++) {
      term = term.multiply(z).divide(k);
      sum = sum.add(term);
    }
    return sum;
  }

  /**
   * ⌊x⌋ for a rational x (any sign).
   *
   * @param x the rational
   * @return the largest integer ≤ x
   */
  public static BigInteger floor(BigFraction x) {
    BigInteger n = x.getNumerator();
    BigInteger d = x.getDenominator();
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger[] qr = n.divideAndRemainder(d);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /**
   * ⌈x⌉ for a rational x (any sign).
   *
   * @param x the rational
   * @return the least integer ≥ x
   */
  static BigInteger ceil(BigFraction x) {
    return floor(x.negate()).negate();
  }
}
