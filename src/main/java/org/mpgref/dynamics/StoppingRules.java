package org.mpgref.dynamics;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.limits.Limits;
import org.mpgref.numbers.Rationals;

/**
 * The stopping rules of the dynamics; compose them with {@link StoppingRule#anyOf} and {@link StoppingRule#allOf}.
 * Each factory returns a fresh rule for one run.
 */
public final class StoppingRules {
  private StoppingRules() {}

  /**
   * Stops after iterate {@code max} (the iteration budget T: the run keeps π^0..π^T).
   *
   * @param max T ≥ 0
   * @param <P> the policy type
   * @param <G> the gradient information
   * @param <R> the record type
   * @return the rule, of kind {@link Stop#ITERATIONS}
   * @throws IllegalArgumentException if max &lt; 0
   */
  public static <P, G, R> StoppingRule<P, G, R> iterations(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("iterations = " + max + " must be >= 0");
    }
    return new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, G current, R record) {
        return t >= max ? Optional.of(new Stop(Stop.ITERATIONS, "iteration budget " + max + " spent"))
            : Optional.empty();
      }
    };
  }

  /**
   * Stops after the first double iterate whose L1 change (1/N) Σ_i ‖π_i^t − π_i^{t−1}‖_1 is below {@code x} (the
   * published codes' rule with x = 1e−15; Leonardos et al., ICLR 2022 code,
   * willoverman/MPG_experiments@9bf9a971f9e21f12f7545b462c1f41a31f1123d5). Never at t = 0 (no change yet).
   *
   * @param x the threshold (0: never)
   * @param <P> the policy type
   * @param <G> the gradient information
   * @return the rule, of kind {@link Stop#L1}
   */
  public static <P, G> StoppingRule<P, G, Iterate> l1Below(double x) {
    return new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, G current, Iterate record) {
        return record.l1Change() < x
            ? Optional.of(new Stop(Stop.L1, "L1 change " + record.l1Change() + " < " + x)) : Optional.empty();
      }
    };
  }

  /**
   * Stops after the first double iterate whose Nash gap is below {@code x} (needs {@link Figure#NASH_GAP}
   * recorded; a NaN gap never stops).
   *
   * @param x the threshold
   * @param <P> the policy type
   * @param <G> the gradient information
   * @return the rule, of kind {@link Stop#GAP}
   */
  public static <P, G> StoppingRule<P, G, Iterate> gapBelow(double x) {
    return new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, G current, Iterate record) {
        return record.nashGap() < x
            ? Optional.of(new Stop(Stop.GAP, "Nash gap " + record.nashGap() + " < " + x)) : Optional.empty();
      }
    };
  }

  /**
   * Stops after the first exact iterate that equals its predecessor (L1 change exactly 0): an exact fixed point of
   * the update, which every later step would repeat.
   *
   * @param <P> the policy type
   * @param <G> the gradient information
   * @return the rule, of kind {@link Stop#FIXED_POINT}
   */
  public static <P, G> StoppingRule<P, G, ExactIterate> fixedPoint() {
    return new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, G current, ExactIterate record) {
        return record.l1Change().map(l -> l.signum() == 0).orElse(false)
            ? Optional.of(new Stop(Stop.FIXED_POINT, "iterate " + t + " equals iterate " + (t - 1)))
            : Optional.empty();
      }
    };
  }

  /**
   * Stops after the first exact iterate whose certified Nash gap is at most {@code x} (needs {@link Figure#NASH_GAP}
   * recorded).
   *
   * @param x the threshold, exact
   * @param <P> the policy type
   * @param <G> the gradient information
   * @return the rule, of kind {@link Stop#GAP}
   */
  public static <P, G> StoppingRule<P, G, ExactIterate> gapAtMost(BigFraction x) {
    return new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, G current, ExactIterate record) {
        return record.nashGap().filter(g -> Rationals.compare(g, x) <= 0)
            .map(g -> new Stop(Stop.GAP, "certified Nash gap " + Rationals.format(g) + " <= " + Rationals.format(x)));
      }
    };
  }

  /**
   * The size and work guard of exact runs, checked on the candidate π^{t+1} <em>before</em> its exact evaluation: the
   * step π^t → π^{t+1} is cheap (field operations and a projection on rows of |A_i| entries), the evaluation (a linear
   * solve whose denominators have about Σ_s (Σ_i L_i(s) + L_P(s)) digits, with L_i(s) the digits of the common
   * denominator of π_i(·|s) and L_P(s) those of the game's data in row s, by Cramer's rule and Hadamard's bound) and
   * its best responses are not. The guard refuses π^{t+1} when its own largest denominator has more than
   * {@code maxDenominatorDigits} digits, or when the predicted evaluation digits E(π^{t+1}) = E(π^0) + max(0, Σ_{s,i}
   * L_i(s)(π^{t+1}) − Σ_{s,i} L_i(s)(π^0)), calibrated on the measured evaluation of π^0 (at t = 0), do, or when the
   * estimated work of that evaluation ({@link ExactDynamics#evaluationWork}) passes {@code
   * Limits.current().maxWork()} (read at each check).
   *
   * @param game the game (for the work estimate)
   * @param maxDenominatorDigits the size guard in decimal digits, ≥ 1
   * @return the rule, of kind {@link Stop#SIZE}
   * @throws IllegalArgumentException if maxDenominatorDigits &lt; 1
   */
  public static StoppingRule<Policy, Evaluation, Object> exactSize(MarkovGame game, int maxDenominatorDigits) {
    if (maxDenominatorDigits < 1) {
      throw new IllegalArgumentException("maxDenominatorDigits must be >= 1");
    }
    return new StoppingRule<>() {
      private long startRows;
      private long startEvaluation;

      @Override
      public Optional<Stop> afterIterate(int t, Evaluation current, Object record) {
        if (t == 0) {
          startRows = ExactDynamics.rowDenominatorDigits(current.policy());
          startEvaluation = ExactDynamics.evaluationDenominatorDigits(current);
        }
        return Optional.empty();
      }

      @Override
      public Optional<Stop> beforeEvaluation(int t, Evaluation previous, Policy next) {
        @Nullable String stop = null;
        int digits = ExactDynamics.largestDenominatorDigits(next);
        long predicted = startEvaluation + Math.max(0, ExactDynamics.rowDenominatorDigits(next) - startRows);
        if (digits > maxDenominatorDigits) {
          stop = "iterate " + t + " has a " + digits + "-digit denominator, above --max-denominator-digits "
              + maxDenominatorDigits;
        } else if (predicted > maxDenominatorDigits) {
          stop = "evaluating iterate " + t + " would need denominators of about " + predicted + " digits (iterate "
              + t + " has " + digits + "-digit denominators), above --max-denominator-digits " + maxDenominatorDigits;
        } else {
          double work = ExactDynamics.evaluationWork(game, predicted);
          if (work > Limits.current().maxWork()) {
            stop = "evaluating iterate " + t + " (denominators of about " + predicted + " digits) needs about "
                + Limits.sci(work) + " work units, above --max-work " + Limits.sci(Limits.current().maxWork());
          }
        }
        return stop == null ? Optional.empty() : Optional.of(new Stop(Stop.SIZE, stop));
      }
    };
  }
}
