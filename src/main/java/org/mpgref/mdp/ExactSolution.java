package org.mpgref.mdp;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The result of exact policy iteration ({@link PolicyIteration#exact}): the optimal (or pessimal) value V*(s) for
 * every start state at once, the lowest-index optimal action σ(s) at every state, the number of policy evaluations,
 * and the Bellman certificate ({@link #verify}) re-checked exactly against the MDP. Immutable.
 */
public final class ExactSolution {
  private final ExactMdp mdp;
  private final Objective objective;
  private final int[] actions;
  private final BigFraction[] values;
  private final int iterations;

  ExactSolution(ExactMdp mdp, Objective objective, int[] actions, BigFraction[] values, int iterations) {
    this.mdp = mdp;
    this.objective = objective;
    this.actions = actions;
    this.values = values;
    this.iterations = iterations;
  }

  /**
   * @return the MDP solved
   */
  public ExactMdp mdp() {
    return mdp;
  }

  /**
   * @return maximise or minimise
   */
  public Objective objective() {
    return objective;
  }

  /**
   * @param state s
   * @return σ(s): the lowest-index k with Q*(s,k) = V*(s)
   */
  public int action(int state) {
    return actions[state];
  }

  /**
   * @return σ as a fresh array [s]
   */
  public int[] actions() {
    return actions.clone();
  }

  /**
   * @param state s
   * @return V*(s)
   */
  public BigFraction value(int state) {
    return values[state];
  }

  /**
   * @return V* as a fresh array [s]
   */
  public BigFraction[] values() {
    return values.clone();
  }

  /**
   * @return the number of policy evaluations (≥ 1)
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Re-checks the certificate exactly ({@link PolicyIteration#certifies}).
   *
   * @return true iff V* satisfies the Bellman optimality equation with σ its lowest-index optimal actions
   */
  public boolean verify() {
    return PolicyIteration.certifies(mdp, objective, actions, values);
  }
}
