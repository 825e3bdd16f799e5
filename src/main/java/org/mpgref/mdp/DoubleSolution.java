package org.mpgref.mdp;

/**
 * The result of double policy iteration ({@link PolicyIteration#doubles}). Immutable.
 */
public final class DoubleSolution {
  private final int[] actions;
  private final double[] values;
  private final int iterations;
  private final boolean converged;

  DoubleSolution(int[] actions, double[] values, int iterations, boolean converged) {
    this.actions = actions;
    this.values = values;
    this.iterations = iterations;
    this.converged = converged;
  }

  /**
   * @return σ as a fresh array [s]: on convergence the lowest-index action within τ of the extremum at every state
   */
  public int[] actions() {
    return actions.clone();
  }

  /**
   * @return W as a fresh array [s], the value of the last policy evaluated
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * @return the number of policy evaluations
   */
  public int iterations() {
    return iterations;
  }

  /**
   * @return whether the last step switched no action (false: the step cap was reached)
   */
  public boolean converged() {
    return converged;
  }
}
