package org.mpgref.dynamics;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
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
}
