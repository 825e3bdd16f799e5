package org.mpgref.performative;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;
import org.mpgref.numbers.Rationals;

/**
 * The game G(π̄) induced by a deployed policy, as a rational game Ĝ together with proven bounds on how far Ĝ is from
 * the true G(π̄): rewardError ≥ max_{i,s,a} |r_{i,π̄}(s,a) − r̂_i(s,a)| (a the joint action, reward units) and
 * transitionError ≥ max_{s,a} ‖P_π̄(·|s,a) − P̂(·|s,a)‖₁ (dimensionless). Both are 0 exactly when the response is
 * rational and Ĝ = G(π̄); they are positive when the response involves an irrational function (e.g. a softmax) and
 * Ĝ is built from a proven enclosure of it. γ and ρ are never perturbed. Immutable.
 *
 * @param game Ĝ, a rational Markov game with the performative game's agents, states, actions, γ and ρ
 * @param rewardError the bound δ_r ≥ 0 on the reward error
 * @param transitionError the bound δ_P ∈ [0, 2] on the L1 transition error
 */
public record InducedGame(MarkovGame game, BigFraction rewardError, BigFraction transitionError) {
  /**
   * Checks the bounds.
   *
   * @param game Ĝ
   * @param rewardError δ_r ≥ 0
   * @param transitionError δ_P ∈ [0, 2]
   * @throws IllegalArgumentException if an error bound is negative or δ_P &gt; 2 (no L1 distance of two distributions is)
   */
  public InducedGame {
    if (rewardError.signum() < 0) {
      throw new IllegalArgumentException("rewardError = " + Rationals.format(rewardError) + " must be >= 0");
    }
    if (transitionError.signum() < 0 || Rationals.compare(transitionError, BigFraction.of(2)) > 0) {
      throw new IllegalArgumentException("transitionError = " + Rationals.format(transitionError)
          + " must be in [0, 2]");
    }
  }

  /**
   * The induced game of a rational response: Ĝ = G(π̄) exactly.
   *
   * @param game G(π̄)
   * @return the induced game with both error bounds 0
   */
  public static InducedGame exact(MarkovGame game) {
    return new InducedGame(game, BigFraction.ZERO, BigFraction.ZERO);
  }

  /**
   * @return true iff both error bounds are 0, i.e. {@link #game()} is G(π̄) itself
   */
  public boolean isExact() {
    return rewardError.signum() == 0 && transitionError.signum() == 0;
  }
}
