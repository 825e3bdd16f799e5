package org.mpgref.dynamics;

/**
 * The environment of a learning run: the game the learners face when the product policy {@code deployed} is in use.
 * A fixed game ignores the policy ({@link #fixed}); a performative game (Perdomo et al., ICML 2020, arXiv 2002.06673;
 * Sahitaj et al., AISTATS 2025) maps the deployed policy π̄ to an induced game G(π̄).
 *
 * @param <M> the game type ({@code MarkovGame} exact, {@code DoubleMarkovGame} double)
 * @param <P> the policy type the run produces
 */
@FunctionalInterface
public interface Environment<M, P> {
  /**
   * The game faced while {@code deployed} is in use.
   *
   * @param deployed the deployed policy π̄ (the current iterate)
   * @return the game G(π̄)
   */
  M gameFor(P deployed);

  /**
   * The environment that is the same game whatever the policy.
   *
   * @param game the game
   * @param <M> the game type
   * @param <P> the policy type
   * @return the constant map π̄ ↦ game
   */
  static <M, P> Environment<M, P> fixed(M game) {
    return deployed -> game;
  }
}
