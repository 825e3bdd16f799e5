package org.mpgref.dynamics;

import org.mpgref.game.DoublePolicy;

/**
 * One recorded iterate of a double run (Fox et al. 2022 §4 record the same quantities, but estimated).
 *
 * @param t iteration index (0 = initial policy)
 * @param policy π^t
 * @param values V_i^{π^t}(ρ) per agent [i]
 * @param nashGap max_i gap_i(ρ) in double (exact scoring is separate)
 * @param potential Φ^{π^t}(ρ) for the declared stage potential, NaN if none
 * @param l1Change (1/N) Σ_i Σ_s Σ_a |π_i^t(a|s) − π_i^{t−1}(a|s)|, the authors' code's stopping statistic; NaN at t = 0
 */
public record Iterate(int t, DoublePolicy policy, double[] values, double nashGap, double potential, double l1Change) {
  /**
   * Copies the values.
   *
   * @param t t
   * @param policy π^t
   * @param values [i]
   * @param nashGap gap
   * @param potential Φ
   * @param l1Change L1 change
   */
  public Iterate {
    values = values.clone();
  }

  /**
   * @return a copy of the component {@code values} (the record is immutable)
   */
  @Override
  public double[] values() {
    return values.clone();
  }
}
