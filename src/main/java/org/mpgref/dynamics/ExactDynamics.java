package org.mpgref.dynamics;

import java.math.BigInteger;
import java.util.function.Consumer;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.ExactGradients;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;

/**
 * Exact steps of the rational dynamics (IPG, projected Q-ascent): every operation is a field operation on rationals or
 * the exact simplex projection, so iterates are exact rational policies. Denominators can grow quickly (each step
 * composes a rational function of π of degree about N·|S|); callers bound the run length.
 */
public final class ExactDynamics {
  private static final double LOG10_2 = Math.log10(2);

  private ExactDynamics() {}

  /**
   * One simultaneous step of all agents.
   *
   * @param evaluation the exact evaluation of the current π
   * @param algorithm IPG or PROJECTED_Q_ASCENT
   * @param eta η > 0
   * @return the next policy
   * @throws IllegalArgumentException if the algorithm is not rational (INPG) or η ≤ 0
   */
  public static Policy step(Evaluation evaluation, Algorithm algorithm, BigFraction eta) {
    if (!algorithm.isRational()) {
      throw new IllegalArgumentException(algorithm.label() + " uses exp and cannot run exactly; run it in double");
    }
    if (eta.signum() <= 0) {
      throw new IllegalArgumentException("eta must be > 0");
    }
    return ExactRules.step(evaluation, eta, algorithm == Algorithm.IPG);
  }

  /**
   * Runs a rational dynamics exactly from {@code start} for at most {@code iterations} steps, stopping early when the
   * policy no longer changes (exact fixed point) or when the size guard predicts that the next iterate would be too
   * large; equivalent to {@link #run(MarkovGame, Policy, Algorithm, BigFraction, int, int, Consumer)} with a consumer
   * that does nothing.
   *
   * @param game the game
   * @param start π^0
   * @param algorithm IPG or PROJECTED_Q_ASCENT
   * @param eta η > 0
   * @param iterations the largest number of steps T ≥ 0
   * @param maxDenominatorDigits size guard on the iterates and their evaluations, e.g. 10,000 decimal digits
   * @return the exact iterates π^0..π^T' and why the run stopped
   * @throws IllegalArgumentException if the algorithm is INPG, η ≤ 0, iterations &lt; 0 or maxDenominatorDigits &lt; 1
   * @throws InvalidGameException if the start policy does not fit the game
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted (a time limit)
   */
  public static Run<ExactIterate> run(MarkovGame game, Policy start, Algorithm algorithm, BigFraction eta,
      int iterations, int maxDenominatorDigits) {
    return run(game, start, algorithm, eta, iterations, maxDenominatorDigits, it -> { });
  }

  /**
   * Runs a rational dynamics exactly from {@code start} for at most {@code iterations} steps, handing every completed
   * iterate (π^t with its exact evaluation and Nash gap) to {@code completed} as soon as it is certified, so that a
   * caller interrupted by a time limit keeps what was done.
   *
   * <p>The run stops early when the policy no longer changes (exact fixed point), or, <em>before</em> the expensive
   * work, when the size guard {@code maxDenominatorDigits} would be passed ({@link Run#stoppedBySize()}): the step
   * π^t → π^{t+1} is cheap (field operations and a projection on rows of |A_i| entries), the exact evaluation of
   * π^{t+1} (a linear solve whose denominators have about Σ_s (Σ_i L_i(s) + L_P(s)) digits, with L_i(s) the digits of
   * the common denominator of π_i(·|s) and L_P(s) those of the game's data in row s, by Cramer's rule and Hadamard's
   * bound) and its best responses are not. So the guard refuses π^{t+1} when its own largest denominator passes the
   * guard, or when the predicted evaluation digits E(π^{t+1}) = E(π^0) + Σ_{s,i} (L_i(s)(π^{t+1}) − L_i(s)(π^0)),
   * calibrated on the measured evaluation of π^0, do, or when the estimated work of that evaluation ({@link
   * #evaluationWork}) passes {@code Limits.current().maxWork()}; the reason is in {@link Run#stopReason()}
   * ({@link StoppingRules#exactSize}).
   *
   * @param game the game
   * @param start π^0
   * @param algorithm IPG or PROJECTED_Q_ASCENT
   * @param eta η > 0
   * @param iterations the largest number of steps T ≥ 0
   * @param maxDenominatorDigits size guard (decimal digits) on the iterates and their evaluations, e.g. 10,000
   * @param completed receives π^0, π^1, ... in order, each once certified
   * @return the exact iterates π^0..π^T' and why the run stopped
   * @throws IllegalArgumentException if the algorithm is INPG, η ≤ 0, iterations &lt; 0 or maxDenominatorDigits &lt; 1
   * @throws InvalidGameException if the start policy does not fit the game
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted (a time limit); the iterates handed to
   *     {@code completed} stay valid
   */
  public static Run<ExactIterate> run(MarkovGame game, Policy start, Algorithm algorithm, BigFraction eta,
      int iterations, int maxDenominatorDigits, Consumer<ExactIterate> completed) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0");
    }
    UpdateRule<Policy, ExactGradients> rule = algorithm.exactRule(eta).orElseThrow(() -> new IllegalArgumentException(
        algorithm.label() + " uses exp and cannot run exactly; run it in double"));
    return run(game, rule, start, iterations, maxDenominatorDigits, Listener.of(completed, t -> { }));
  }

  /**
   * Runs an exact update rule from {@code start} on the {@link Engine}: every figure recorded ({@link
   * Recorders#exact}), at most {@code iterations} steps, stopping early at an exact fixed point ({@link
   * StoppingRules#fixedPoint}) or, before the expensive evaluation, at the size and work guard ({@link
   * StoppingRules#exactSize}).
   *
   * @param game the game
   * @param rule the exact update rule
   * @param start π^0
   * @param iterations T ≥ 0
   * @param maxDenominatorDigits size guard (decimal digits), ≥ 1
   * @param listener sees each certified iterate
   * @return the run; its stop is {@link Stop#FIXED_POINT}, {@link Stop#SIZE} or {@link Stop#ITERATIONS}
   * @throws IllegalArgumentException if iterations &lt; 0 or maxDenominatorDigits &lt; 1
   * @throws InvalidGameException if the start policy does not fit the game
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted
   */
  public static Run<ExactIterate> run(MarkovGame game, UpdateRule<Policy, ? super Evaluation> rule, Policy start,
      int iterations, int maxDenominatorDigits, Listener<? super ExactIterate> listener) {
    StoppingRule<Policy, Evaluation, ExactIterate> stop = StoppingRule.anyOf(StoppingRules.exactSize(game,
        maxDenominatorDigits), StoppingRules.fixedPoint(), StoppingRules.iterations(iterations));
    GradientOracle<MarkovGame, Policy, Evaluation> oracle = Evaluation::of;
    return Engine.run(Environment.fixed(game), oracle, rule, start, Recorders.exact(Figure.all()), stop, listener);
  }

  /**
   * Σ over agents i and states s of the decimal digits of the common denominator (least common multiple) of the row
   * π_i(·|s): the policy's share of the denominators of its exact evaluation.
   *
   * @param p a policy
   * @return the sum of the rows' denominator digits
   */
  public static long rowDenominatorDigits(Policy p) {
    long sum = 0;
    for (int i = 0; i < p.agentCount(); i++) {
      for (int s = 0; s < p.stateCount(); s++) {
        BigInteger lcm = BigInteger.ONE;
        for (int a = 0; a < p.actionCount(i); a++) {
          BigInteger d = p.prob(i, s, a).getDenominator().abs();
          lcm = lcm.divide(lcm.gcd(d)).multiply(d);
        }
        sum += digits(lcm);
      }
    }
    return sum;
  }

  /**
   * The largest denominator digits of an exact evaluation's V_i(s), Q̄_i(s,a) and d_ρ(s).
   *
   * @param ev the evaluation
   * @return decimal digits (from the bit length; may exceed the exact count by one)
   */
  public static long evaluationDenominatorDigits(Evaluation ev) {
    MarkovGame g = ev.game();
    long max = 0;
    for (int s = 0; s < g.stateCount(); s++) {
      max = Math.max(max, digits(ev.visitation(s).getDenominator()));
      for (int i = 0; i < g.agentCount(); i++) {
        max = Math.max(max, digits(ev.value(i, s).getDenominator()));
        for (int a = 0; a < g.actionCount(i); a++) {
          max = Math.max(max, digits(ev.qBar(i, s, a).getDenominator()));
        }
      }
    }
    return max;
  }

  /**
   * Estimated work of the exact evaluation of a tabular game's policy whose evaluation has denominators of about
   * {@code digits} decimal digits: (S·J·(N+S) + S³ + N·S²·A_max) rational operations (stage expectations over the J
   * joint actions, the elimination, the Q̄ rows), each about 5 w² work units on w = digits/9.63 32-bit words (a
   * product and a gcd-reduction), in the units of the sparse solver's cost model, where 5·10^8 units take about 10 s
   * on this project's machine (specs/limits.md). Measured: S = 4, J = 27, N = 3, 3637 digits, 6.9·10^8 units in
   * about 10 s. Zero (not estimated) for games that are not {@link TabularMarkovGame}s, whose evaluation does not
   * enumerate joint actions.
   *
   * @param game the game
   * @param digits the predicted denominator digits
   * @return the estimate in work units
   */
  public static double evaluationWork(MarkovGame game, long digits) {
    if (!(game instanceof TabularMarkovGame)) {
      return 0;
    }
    double s = game.stateCount();
    double n = game.agentCount();
    double j = ((TabularMarkovGame) game).jointActionCount();
    int aMax = 1;
    for (int i = 0; i < game.agentCount(); i++) {
      aMax = Math.max(aMax, game.actionCount(i));
    }
    double ops = s * j * (n + s) + s * s * s + n * s * s * aMax;
    double w = digits / 9.63;
    return ops * 5 * w * w;
  }

  private static long digits(BigInteger v) {
    return (long) Math.floor((v.abs().bitLength() - 1) * LOG10_2) + 1;
  }

  /**
   * @param p a policy
   * @return the number of decimal digits of its largest denominator
   */
  public static int largestDenominatorDigits(Policy p) {
    int digits = 0;
    for (int i = 0; i < p.agentCount(); i++) {
      for (int s = 0; s < p.stateCount(); s++) {
        for (int a = 0; a < p.actionCount(i); a++) {
          digits = Math.max(digits, p.prob(i, s, a).getDenominator().abs().toString().length());
        }
      }
    }
    return digits;
  }
}
