package org.mpgref.dynamics;

/**
 * One learning algorithm as an update rule π^{t+1} = F(π^t, gradients of π^t): the part of a dynamics that differs
 * between algorithms; {@link Engine#run} supplies everything else (evaluation, recording, stopping, progress). A rule
 * with state across steps (e.g. the logits θ of INPG, the accumulated Q̄ of KL mirror descent) keeps it in the
 * {@link Stepper} that {@link #begin} creates for one run, so a rule value is immutable and can be reused.
 *
 * @param <P> the policy type it produces (exact {@code Policy}, double {@code DoublePolicy}, or a record carrying a
 *     policy with a by-product of the step)
 * @param <G> the gradient information it reads
 */
public interface UpdateRule<P, G> {
  /**
   * @return a display name of the algorithm, e.g. {@code IPG}
   */
  String label();

  /**
   * Starts a run from π^0.
   *
   * @param start π^0
   * @return the stepper of this run
   * @throws IllegalArgumentException if the rule cannot start from {@code start}
   */
  Stepper<P, G> begin(P start);

  /**
   * The steps of one run.
   *
   * @param <P> the policy type
   * @param <G> the gradient information
   */
  @FunctionalInterface
  interface Stepper<P, G> {
    /**
     * π^t from the gradient information of π^{t−1}.
     *
     * @param t the index of the iterate produced, t ≥ 1
     * @param current the gradient information of π^{t−1}
     * @return π^t
     * @throws IllegalArgumentException if the step leaves the range of its number type (naming t, agent, state)
     */
    P next(int t, G current);
  }
}
