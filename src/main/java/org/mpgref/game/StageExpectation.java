package org.mpgref.game;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * What a Markov game answers at one state s under a product policy π(·|s): for every agent i and own action a_i,
 * the expectations over the other agents' actions a_{-i} ~ π_{-i}(·|s),
 *
 * <pre>
 *   r̄_i(s, a_i)     = E_{a_{-i}} r_i(s, a_i, a_{-i})          rewardBar(i, a_i)
 *   P̄_i(s'|s, a_i)  = E_{a_{-i}} P(s' | s, a_i, a_{-i})        transitionBar(i, a_i, s')
 * </pre>
 *
 * These are agent i's induced MDP against π_{-i} at s (Leonardos et al. 2022, §2; Fox et al. 2022, Lemma 2.1).
 * They do not depend on π_i(·|s). Index shapes: rewardBar [i][a_i], transitionBar [i][a_i][s']. Rewards are in
 * the game's reward unit per step. Immutable; the arrays are owned and never exposed.
 */
public final class StageExpectation {
  private final BigFraction[][] rewardBar;
  private final BigFraction[][][] transitionBar;

  /**
   * Wraps arrays that the caller hands over and no longer touches.
   *
   * @param rewardBar [i][a_i]
   * @param transitionBar [i][a_i][s']
   */
  public StageExpectation(BigFraction[][] rewardBar, BigFraction[][][] transitionBar) {
    this.rewardBar = rewardBar;
    this.transitionBar = transitionBar;
  }

  /**
   * r̄_i(s, a_i).
   *
   * @param agent i
   * @param action a_i
   * @return E_{a_{-i}} r_i(s, a_i, a_{-i})
   */
  public BigFraction rewardBar(int agent, int action) {
    return rewardBar[agent][action];
  }

  /**
   * P̄_i(s'|s, a_i).
   *
   * @param agent i
   * @param action a_i
   * @param next s'
   * @return E_{a_{-i}} P(s'|s, a_i, a_{-i})
   */
  public BigFraction transitionBar(int agent, int action, int next) {
    return transitionBar[agent][action][next];
  }
}
