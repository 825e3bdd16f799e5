package org.mpgref.dynamics;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.Policy;

/**
 * One iterate of an exact run: everything is an exact rational.
 *
 * @param t iteration index (0 = initial policy)
 * @param policy π^t
 * @param values V_i^{π^t}(ρ) per agent [i]; empty if the run did not record them
 * @param nashGap max_i gap_i(ρ), exact and certified; empty if the run did not record it
 * @param potential Φ^{π^t}(ρ) for the declared stage potential, if any
 * @param l1Change (1/N) Σ_i Σ_s Σ_a |π_i^t(a|s) − π_i^{t−1}(a|s)|, exactly; empty at t = 0
 */
public record ExactIterate(int t, Policy policy, BigFraction[] values, Optional<BigFraction> nashGap,
    Optional<BigFraction> potential, Optional<BigFraction> l1Change) {
  /**
   * Copies the values.
   *
   * @param t t
   * @param policy π^t
   * @param values [i]
   * @param nashGap gap
   * @param potential Φ(ρ)
   * @param l1Change L1 change
   */
  public ExactIterate {
    values = values.clone();
  }

  @Override
  public BigFraction[] values() {
    return values.clone();
  }
}
