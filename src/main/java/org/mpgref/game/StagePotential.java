package org.mpgref.game;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A stage potential φ(s, a) declared by a game, and the sufficient condition under which
 * Φ^π(s) = E_π[Σ_t γ^t φ(s_t, a_t) | s_0 = s] is a Markov potential (Leonardos et al. 2022, Definition 3.1 and
 * Proposition 3.2). The condition is a claim to be verified by {@code org.mpgref.potential}, never trusted.
 */
public interface StagePotential {
  /** Sufficient conditions for Φ^π to be a Markov potential. */
  enum Condition {
    /** r_i(s,a) = φ(s,a) for every agent i (identical interest / Markov team game). */
    IDENTICAL_INTEREST,
    /**
     * Every state game is a potential game with potential φ(s,·) (r_i(s,a_i,a_{-i}) − φ(s,a_i,a_{-i}) does not
     * depend on a_i) and P(s'|s,a) does not depend on a (Leonardos et al. 2022, Proposition 3.2, condition C1).
     */
    STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS,
    /**
     * Every state game is a potential game with potential φ(s,·), but no sufficient condition for a Markov potential
     * is claimed: Φ^π is then only a candidate.
     */
    STATE_POTENTIAL_ONLY
  }

  /**
   * @return the claimed condition
   */
  Condition condition();

  /**
   * Checks the claimed condition exactly against the game's own data, using the game's structure (a dense game
   * enumerates joint actions; a structured game checks its count tables), and returns the first entry where it fails.
   * For {@link Condition#STATE_POTENTIAL_ONLY} only the state-potential property is checked.
   *
   * @return a one-line description of the first violation, or empty if the condition holds
   */
  java.util.Optional<String> findViolation();

  /**
   * φ(s, a) for one joint action.
   *
   * @param state s
   * @param jointAction a
   * @return φ(s,a)
   */
  BigFraction phi(int state, int[] jointAction);

  /**
   * E_{a ~ π(·|s)} φ(s, a) under a product policy.
   *
   * @param state s
   * @param policy product policy
   * @return the expectation
   */
  BigFraction expectedPhi(int state, Policy policy);

  /**
   * Double twin of {@link #expectedPhi}.
   *
   * @param state s
   * @param policyAtState π_j(a|s) as [j][a]
   * @return the expectation in double
   */
  double expectedPhi(int state, double[][] policyAtState);
}
