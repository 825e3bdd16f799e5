package org.mpgref.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mpgref.limits.Cancellation;

/**
 * The one loop of every learning dynamics in mpgref. From π^0 it evaluates the current iterate in the game the
 * environment presents, records it, asks the stopping rule, and lets the update rule produce the next iterate:
 *
 * <pre>
 *   g_0 = oracle(env(π^0), π^0);  record(0, −, g_0);  stop?
 *   for t = 1, 2, ...:  π^t = rule(t, g_{t−1});  stop before evaluating π^t?
 *                       g_t = oracle(env(π^t), π^t);  record(t, g_{t−1}, g_t);  stop?
 * </pre>
 *
 * Every algorithm (IPG, projected Q-ascent, INPG, Euclidean and KL policy mirror descent, the rounded runs of the
 * theory checks) is an {@link UpdateRule}; the figures kept are a {@link Recorder}; when to end is a {@link
 * StoppingRule}. The loop checks {@link Cancellation#check()} before each step and each evaluation.
 */
public final class Engine {
  private Engine() {}

  /**
   * Runs a dynamics.
   *
   * @param environment the game faced under each deployed iterate
   * @param oracle the gradient information of an iterate in a game (exact or double evaluation, or an estimator)
   * @param rule the update rule
   * @param start π^0
   * @param recorder what is kept of each iterate
   * @param stopping when to end; it must stop eventually (e.g. include {@link StoppingRules#iterations})
   * @param listener sees each record when complete and the progress after each step
   * @param <M> the game type
   * @param <P> the policy type
   * @param <G> the gradient information
   * @param <R> the record type
   * @return the records of π^0..π^T and the stop
   * @throws IllegalArgumentException if the rule cannot start from π^0 or a step leaves the range of its numbers
   * @throws IllegalStateException if the stopping rule never stops within {@link Integer#MAX_VALUE} steps
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted (a time limit); the records handed to
   *     the listener stay valid
   */
  public static <M, P, G, R> Run<R> run(Environment<M, P> environment, GradientOracle<M, P, G> oracle,
      UpdateRule<P, ? super G> rule, P start, Recorder<? super G, R> recorder,
      StoppingRule<P, ? super G, ? super R> stopping, Listener<? super R> listener) {
    UpdateRule.Stepper<P, ? super G> stepper = rule.begin(start);
    List<R> out = new ArrayList<>();
    Cancellation.check();
    G current = oracle.at(environment.gameFor(start), start);
    R record = recorder.record(0, null, current);
    out.add(record);
    listener.completed(record);
    Optional<Stop> stop = stopping.afterIterate(0, current, record);
    for (int t = 1; stop.isEmpty(); t++) {
      if (t == Integer.MAX_VALUE) {
        throw new IllegalStateException("the stopping rule did not stop within " + (t - 1) + " steps");
      }
      Cancellation.check();
      P candidate = stepper.next(t, current);
      stop = stopping.beforeEvaluation(t, current, candidate);
      if (stop.isPresent()) {
        break;
      }
      Cancellation.check();
      G next = oracle.at(environment.gameFor(candidate), candidate);
      record = recorder.record(t, current, next);
      out.add(record);
      listener.completed(record);
      listener.progress(t);
      stop = stopping.afterIterate(t, next, record);
      current = next;
    }
    return new Run<>(out, stop);
  }
}
