package org.mpgref.stability;

import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.game.DoublePolicy;
import org.mpgref.performative.PerformativeGame;

/**
 * The double twin of {@link PseGap}: the Nash gap of π in the double induced game
 * {@link PerformativeGame#induceDouble}(π), computed by {@link DoubleEvaluation} (evaluation and double best response
 * by policy iteration with its tie tolerance). Same formulas and index shapes [i][s]; a floating-point estimate with
 * no error bound, never to be printed as exact. Immutable.
 */
public final class DoublePseGap {
  private final DoubleEvaluation evaluation;

  private DoublePseGap(DoubleEvaluation evaluation) {
    this.evaluation = evaluation;
  }

  /**
   * Builds G(π) in double and evaluates π in it.
   *
   * @param game the performative game
   * @param policy π, deployed and played
   * @return the double PSE gaps of π
   * @throws org.mpgref.game.InvalidGameException if π does not have the game's shape
   */
  public static DoublePseGap of(PerformativeGame game, DoublePolicy policy) {
    return new DoublePseGap(DoubleEvaluation.of(game.induceDouble(policy), policy));
  }

  /**
   * @return the double evaluation of π in G(π)
   */
  public DoubleEvaluation evaluation() {
    return evaluation;
  }

  /**
   * @param agent i
   * @return gap_i(s) for every s, as [s]
   * @throws IndexOutOfBoundsException if i is not an agent
   */
  public double[] gaps(int agent) {
    return evaluation.gaps(agent);
  }

  /**
   * @param agent i
   * @return gap_i(ρ)
   * @throws IndexOutOfBoundsException if i is not an agent
   */
  public double gapAtInitial(int agent) {
    return evaluation.gapAtInitial(agent);
  }

  /**
   * @return max_i gap_i(ρ)
   */
  public double pseGap() {
    return evaluation.nashGap();
  }
}
