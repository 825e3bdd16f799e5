package org.mpgref.dynamics;

/**
 * Computes what an update rule reads of a policy in a game: the exact evaluation ({@code Evaluation::of}), the double
 * evaluation ({@code DoubleEvaluation::of}), or, later, a seeded sampled estimator.
 *
 * @param <M> the game type
 * @param <P> the policy type of the run
 * @param <G> the gradient information, e.g. {@code ExactGradients} or {@code DoubleGradients}
 */
@FunctionalInterface
public interface GradientOracle<M, P, G> {
  /**
   * The gradient information of {@code policy} in {@code game}.
   *
   * @param game the game faced
   * @param policy the current iterate π^t
   * @return Q̄, Ā, V, d (and whatever else G carries) of π^t in the game
   */
  G at(M game, P policy);
}
