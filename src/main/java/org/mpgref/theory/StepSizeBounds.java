package org.mpgref.theory;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;

/**
 * Step-size conditions stated by the seed papers, as exact rationals, each with its source. One place per constant.
 */
public final class StepSizeBounds {
  private StepSizeBounds() {}

  /** Source of {@link #inpgTheorem31}. */
  public static final String INPG_THEOREM_3_1 = "Fox et al. AISTATS 2022, Theorem 3.1 (rewards in [0,1])";

  /**
   * Fox et al. Theorem 3.1: INPG converges (and Lemma 3.4: Φ is non-decreasing) for η &lt; (1−γ)^3 / (27 n² A_max² M),
   * with n agents, A_max = max_i |A_i| and M the mismatch coefficient. The theorem assumes rewards in [0, 1].
   *
   * @param game the game (for γ, n, A_max)
   * @param mismatch M, or an upper bound on it (a larger M gives a smaller, still valid, threshold)
   * @return the strict upper bound on η
   * @throws IllegalArgumentException if M ≤ 0
   */
  public static BigFraction inpgTheorem31(MarkovGame game, BigFraction mismatch) {
    if (mismatch.signum() <= 0) {
      throw new IllegalArgumentException("the mismatch coefficient must be > 0");
    }
    int aMax = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      aMax = Math.max(aMax, game.actionCount(i));
    }
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    long n = game.agentCount();
    return oneMinusGamma.pow(3).divide(BigFraction.of(27L * n * n * aMax * aMax).multiply(mismatch));
  }
}
