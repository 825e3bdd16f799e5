package org.mpgref.linalg;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * Euclidean projection onto the probability simplex Δ = {x : x ≥ 0, Σ x = 1}:
 * Proj_Δ(y) = argmin_{x∈Δ} ‖x − y‖_2 = max(y − τ, 0) with τ = (Σ_{k≤ρ} y_(k) − 1)/ρ, where y_(1) ≥ y_(2) ≥ ... and
 * ρ = max{j : y_(j) − (Σ_{k≤j} y_(k) − 1)/j > 0} (Held, Wolfe and Crowder 1974; Duchi et al. 2008, Fig. 1).
 * Every operation is a rational field operation or a comparison, so the exact version is exact.
 */
public final class SimplexProjection {
  private SimplexProjection() {}

  /**
   * Exact projection.
   *
   * @param y a non-empty vector
   * @return Proj_Δ(y), a distribution summing to exactly 1
   */
  public static BigFraction[] project(BigFraction[] y) {
    int n = y.length;
    BigFraction[] sorted = y.clone();
    Arrays.sort(sorted, Rationals.ORDER.reversed());
    BigFraction prefix = BigFraction.ZERO;
    BigFraction tau = BigFraction.ZERO;
    for (int j = 0; j < n; j++) {
      prefix = prefix.add(sorted[j]);
      BigFraction t = prefix.subtract(BigFraction.ONE).divide(j + 1);
      if (Rationals.compare(sorted[j], t) > 0) {
        tau = t;
      }
    }
    BigFraction[] x = new BigFraction[n];
    for (int k = 0; k < n; k++) {
      BigFraction v = y[k].subtract(tau);
      x[k] = v.signum() > 0 ? v : BigFraction.ZERO;
    }
    return x;
  }

  /**
   * Double projection; the result is renormalised so that it sums to 1 up to one rounding per entry.
   *
   * @param y a non-empty vector
   * @return Proj_Δ(y)
   */
  public static double[] project(double[] y) {
    int n = y.length;
    double[] sorted = y.clone();
    Arrays.sort(sorted);
    double prefix = 0;
    double tau = 0;
    for (int j = 0; j < n; j++) {
      double v = sorted[n - 1 - j];
      prefix += v;
      double t = (prefix - 1) / (j + 1);
      if (v > t) {
        tau = t;
      }
    }
    double[] x = new double[n];
    double s = 0;
    for (int k = 0; k < n; k++) {
      x[k] = Math.max(y[k] - tau, 0);
      s += x[k];
    }
    for (int k = 0; k < n; k++) {
      x[k] /= s;
    }
    return x;
  }
}
