package org.mpgref.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.linalg.SimplexProjection;

/**
 * Exact steps of the rational dynamics (IPG, projected Q-ascent): every operation is a field operation on rationals or
 * the exact simplex projection, so iterates are exact rational policies. Denominators can grow quickly (each step
 * composes a rational function of π of degree about N·|S|); callers bound the run length.
 */
public final class ExactDynamics {
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
    MarkovGame game = evaluation.game();
    Policy pi = evaluation.policy();
    int n = game.agentCount();
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    BigFraction[][][] next = new BigFraction[n][game.stateCount()][];
    for (int s = 0; s < game.stateCount(); s++) {
      BigFraction scale = algorithm == Algorithm.IPG
          ? eta.multiply(evaluation.visitation(s)).divide(oneMinusGamma)
          : eta;
      for (int i = 0; i < n; i++) {
        int m = game.actionCount(i);
        BigFraction[] y = new BigFraction[m];
        for (int a = 0; a < m; a++) {
          y[a] = pi.prob(i, s, a).add(scale.multiply(evaluation.qBar(i, s, a)));
        }
        next[i][s] = SimplexProjection.project(y);
      }
    }
    return Policy.of(next);
  }

  /**
   * Runs a rational dynamics exactly from {@code start} for at most {@code iterations} steps, stopping early when the
   * policy no longer changes (exact fixed point) or when an iterate's largest denominator exceeds
   * {@code maxDenominatorDigits} decimal digits (exact iterates grow geometrically; the run then ends with the iterates
   * computed so far and the caller is told by {@link Run#stoppedBySize()}).
   *
   * @param game the game
   * @param start π^0
   * @param algorithm IPG or PROJECTED_Q_ASCENT
   * @param eta η > 0
   * @param iterations the largest number of steps T ≥ 0
   * @param maxDenominatorDigits size guard on the iterates, e.g. 10,000
   * @return the exact iterates π^0..π^T' and why the run stopped
   * @throws IllegalArgumentException if the algorithm is INPG, η ≤ 0 or iterations < 0
   * @throws InvalidGameException if the start policy does not fit the game
   */
  public static Run run(MarkovGame game, Policy start, Algorithm algorithm, BigFraction eta, int iterations,
      int maxDenominatorDigits) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0");
    }
    List<ExactIterate> out = new ArrayList<>();
    Policy pi = start;
    Evaluation ev = Evaluation.of(game, pi);
    out.add(record(0, ev, Optional.empty()));
    boolean bySize = false;
    for (int t = 1; t <= iterations; t++) {
      Policy next = step(ev, algorithm, eta);
      BigFraction l1 = next.l1Distance(pi).divide(game.agentCount());
      pi = next;
      ev = Evaluation.of(game, pi);
      out.add(record(t, ev, Optional.of(l1)));
      if (l1.signum() == 0) {
        break;
      }
      if (largestDenominatorDigits(pi) > maxDenominatorDigits) {
        bySize = true;
        break;
      }
    }
    return new Run(out, bySize);
  }

  /**
   * The result of an exact run.
   *
   * @param iterates π^0..π^T'
   * @param stoppedBySize whether the denominator guard ended the run
   */
  public record Run(List<ExactIterate> iterates, boolean stoppedBySize) {
    /**
     * Copies the list.
     *
     * @param iterates iterates
     * @param stoppedBySize flag
     */
    public Run {
      iterates = List.copyOf(iterates);
    }
  }

  private static ExactIterate record(int t, Evaluation ev, Optional<BigFraction> l1) {
    int n = ev.game().agentCount();
    BigFraction[] v = new BigFraction[n];
    for (int i = 0; i < n; i++) {
      v[i] = ev.valueAtInitial(i);
    }
    return new ExactIterate(t, ev.policy(), v, NashGap.of(ev).nashGap(), ev.potentialAtInitial(), l1);
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
