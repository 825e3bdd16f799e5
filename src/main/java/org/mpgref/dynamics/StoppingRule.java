package org.mpgref.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a run ends, in the manner of Hipparchus's {@code ConvergenceChecker}: asked once before each candidate iterate
 * is evaluated (cheap guards such as the size of exact denominators; a stop there drops the candidate) and once
 * after each iterate is recorded (budgets, L1 change, Nash gap; a stop there keeps the iterate). Rules compose with
 * {@link #anyOf} and {@link #allOf}; factories are in {@link StoppingRules}. A rule may keep state across the calls of
 * one run (e.g. a calibration at t = 0), so each run gets its own instance.
 *
 * @param <P> the policy type of the run
 * @param <G> the gradient information of an iterate
 * @param <R> the record type
 */
public interface StoppingRule<P, G, R> {
  /**
   * Whether to stop before the candidate π^t is evaluated.
   *
   * @param t the candidate's index, t ≥ 1
   * @param previous the gradient information of π^{t−1}
   * @param candidate π^t
   * @return the stop, or empty to evaluate π^t
   */
  default Optional<Stop> beforeEvaluation(int t, G previous, P candidate) {
    return Optional.empty();
  }

  /**
   * Whether to stop after iterate t was recorded (it is kept).
   *
   * @param t the iterate's index, t ≥ 0
   * @param current the gradient information of π^t
   * @param record its record
   * @return the stop, or empty to take another step
   */
  default Optional<Stop> afterIterate(int t, G current, R record) {
    return Optional.empty();
  }

  /**
   * Stops as soon as one of the rules stops; every rule sees every call (so stateful rules stay calibrated), and the
   * first rule in the given order that stops names the reason.
   *
   * @param rules the rules, at least one
   * @param <P> the policy type
   * @param <G> the gradient information
   * @param <R> the record type
   * @return the composite rule
   * @throws IllegalArgumentException if no rule is given
   */
  @SafeVarargs
  static <P, G, R> StoppingRule<P, G, R> anyOf(StoppingRule<P, ? super G, ? super R>... rules) {
    List<StoppingRule<P, ? super G, ? super R>> all = new ArrayList<>();
    for (StoppingRule<P, ? super G, ? super R> r : rules) { // copied here: passing the array on is heap pollution
      all.add(r);
    }
    return composite((stops, asked) -> stops.isEmpty() ? Optional.empty() : Optional.of(stops.get(0)), all);
  }

  /**
   * Stops when all the rules stop at the same call; the stop has the first rule's kind and the reasons joined by
   * {@code "; "}.
   *
   * @param rules the rules, at least one
   * @param <P> the policy type
   * @param <G> the gradient information
   * @param <R> the record type
   * @return the composite rule
   * @throws IllegalArgumentException if no rule is given
   */
  @SafeVarargs
  static <P, G, R> StoppingRule<P, G, R> allOf(StoppingRule<P, ? super G, ? super R>... rules) {
    List<StoppingRule<P, ? super G, ? super R>> all = new ArrayList<>();
    for (StoppingRule<P, ? super G, ? super R> r : rules) { // copied here: passing the array on is heap pollution
      all.add(r);
    }
    return composite(StoppingRule::joined, all);
  }

  /**
   * A rule that asks every rule at every call (so stateful rules stay calibrated) and combines the stops they gave,
   * in the rules' order, with {@code combine} (which also receives the number of rules asked).
   */
  private static <P, G, R> StoppingRule<P, G, R> composite(
      java.util.function.BiFunction<List<Stop>, Integer, Optional<Stop>> combine,
      List<StoppingRule<P, ? super G, ? super R>> all) {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("a composite stopping rule needs at least one rule");
    }
    return new StoppingRule<>() {
      @Override
      public Optional<Stop> beforeEvaluation(int t, G previous, P candidate) {
        List<Stop> stops = new ArrayList<>();
        for (StoppingRule<P, ? super G, ? super R> r : all) {
          r.beforeEvaluation(t, previous, candidate).ifPresent(stops::add);
        }
        return combine.apply(stops, all.size());
      }

      @Override
      public Optional<Stop> afterIterate(int t, G current, R record) {
        List<Stop> stops = new ArrayList<>();
        for (StoppingRule<P, ? super G, ? super R> r : all) {
          r.afterIterate(t, current, record).ifPresent(stops::add);
        }
        return combine.apply(stops, all.size());
      }
    };
  }

  private static Optional<Stop> joined(List<Stop> stops, int needed) {
    if (stops.size() < needed) {
      return Optional.empty();
    }
    StringBuilder reason = new StringBuilder();
    for (Stop s : stops) {
      if (!s.reason().isEmpty()) {
        reason.append(reason.length() > 0 ? "; " : "").append(s.reason());
      }
    }
    return Optional.of(new Stop(stops.get(0).kind(), reason.toString()));
  }
}
