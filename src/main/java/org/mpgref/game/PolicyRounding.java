package org.mpgref.game;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * Round-then-certify: puts a floating policy onto the simplex on the decimal grid 10^−k, so that an exact evaluation
 * can certify the Nash gap of a nearby rational policy with small denominators (instead of the dyadic rationals of
 * {@link Policy#ofDoublePolicy}, whose denominators are about 2^60).
 *
 * <p>For each row x = π_i(·|s) of doubles (every double is converted exactly, {@link BigDecimal#BigDecimal(double)}):
 *
 * <ol>
 *   <li>q_a = x_a rounded to the nearest multiple of 10^−k (ties to even);
 *   <li>L = the index of the largest x_a (lowest index among ties); q_L = 1 − Σ_{a≠L} q_a.
 * </ol>
 *
 * Then every q_a is a multiple of 10^−k, Σ_a q_a = 1 exactly, and, with δ = |1 − Σ_a x_a|, the row moves by
 * ‖q − x‖_1 ≤ δ + (m−1)·10^−k (m = |A_i|; each q_a with a ≠ L by at most 10^−k/2, q_L by at most δ + (m−1)·10^−k/2).
 * q_L ≥ x_L − δ − (m−1)·10^−k/2 ≥ (1 − δ)/m − δ − (m−1)·10^−k/2, which is ≥ 0 for every row that sums to 1 within
 * 10^−9 when m² · 10^−k ≤ 1; if q_L would still be negative the row is refused. The exact L1 distance between the
 * doubles and the rounded policy is reported ({@link Rounded#l1Distance()}).
 */
public final class PolicyRounding {
  /** Largest number of decimal digits k. */
  public static final int MAX_DIGITS = 50;

  private PolicyRounding() {}

  /**
   * A rounded policy.
   *
   * @param policy the exact policy on the 10^−k grid
   * @param decimalDigits k
   * @param l1Distance Σ_i Σ_s Σ_a |x_i(a|s) − q_i(a|s)| exactly, x the doubles as read
   */
  public record Rounded(Policy policy, int decimalDigits, BigFraction l1Distance) {}

  /**
   * Rounds a floating policy onto the simplex on the grid 10^−k.
   *
   * @param policy the floating policy
   * @param decimalDigits k in 1..{@value #MAX_DIGITS}
   * @return the rounded policy and its exact L1 distance from the input
   * @throws InvalidGameException if k is out of range or a row cannot be rounded onto the simplex (naming the row)
   */
  public static Rounded toDecimalGrid(DoublePolicy policy, int decimalDigits) {
    if (decimalDigits < 1 || decimalDigits > MAX_DIGITS) {
      throw new InvalidGameException("rounding digits = " + decimalDigits + " is outside 1.." + MAX_DIGITS);
    }
    int n = policy.agentCount();
    int states = policy.stateCount();
    BigInteger scale = BigInteger.TEN.pow(decimalDigits);
    BigFraction[][][] q = new BigFraction[n][states][];
    BigFraction l1 = BigFraction.ZERO;
    for (int i = 0; i < n; i++) {
      int m = policy.actionCount(i);
      for (int s = 0; s < states; s++) {
        BigFraction[] row = new BigFraction[m];
        int largest = 0;
        for (int a = 0; a < m; a++) {
          double x = policy.prob(i, s, a);
          BigDecimal r = new BigDecimal(x).setScale(decimalDigits, RoundingMode.HALF_EVEN);
          row[a] = BigFraction.of(r.unscaledValue(), scale);
          if (x > policy.prob(i, s, largest)) {
            largest = a;
          }
        }
        Policy.closeAt(row, largest);
        if (row[largest].signum() < 0) {
          throw new InvalidGameException("pi_" + i + "(.|s=" + s + ") cannot be rounded onto the simplex with "
              + decimalDigits + " digits: its largest entry would become " + Rationals.format(row[largest])
              + "; use more digits");
        }
        for (int a = 0; a < m; a++) {
          l1 = l1.add(Rationals.ofDouble(policy.prob(i, s, a)).subtract(row[a]).abs());
        }
        q[i][s] = row;
      }
    }
    return new Rounded(Policy.of(q), decimalDigits, l1);
  }
}
