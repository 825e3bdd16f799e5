package org.mpgref.theory.check;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;
import org.mpgref.theory.KlRegretBound;

/**
 * The quantities of one row step x → x⁺ with averaged Q-function row q.
 *
 * @param gain g = ⟨x⁺ − x, q⟩ (for {@link KlRows#klRowBounds}: a proven lower bound on it)
 * @param l1Squared ‖x⁺ − x‖₁² (for {@link KlRows#klRowBounds}: a proven upper bound on it)
 * @param advantage h = max_a q(a) − ⟨x, q⟩ ≥ 0
 * @param bestMass c = x(B), B = argmax_a q(a)
 */
public record RowStep(BigFraction gain, BigFraction l1Squared, BigFraction advantage, BigFraction bestMass) {
  /**
   * (P1): g η ≥ ‖x⁺ − x‖₁², exactly.
   *
   * @param eta η &gt; 0
   * @return whether it holds
   */
  public boolean lemmaA(BigFraction eta) {
    return Rationals.compare(gain.multiply(eta), l1Squared) >= 0;
  }

  /**
   * (P2): g ≥ c η h² / (1 + c η h), exactly.
   *
   * @param eta η &gt; 0
   * @return whether it holds
   */
  public boolean lemmaB(BigFraction eta) {
    return Rationals.compare(gain, KlRegretBound.improvementBound(bestMass, eta, advantage)) >= 0;
  }
}
