package org.mpgref.dynamics;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.ExactGradients;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.limits.Cancellation;
import org.mpgref.linalg.SimplexProjection;

/**
 * The exact update rules of the rational dynamics (IPG, projected Q-ascent = Euclidean PMD): every operation is a
 * field operation on rationals or the exact simplex projection, so iterates are exact rational policies.
 */
final class ExactRules {
  private ExactRules() {}

  /**
   * π_i(·|s) ← Proj_Δ(π_i(·|s) + w(s) Q̄_i(s,·)) with w(s) = η d_ρ(s)/(1−γ) (IPG) or w = η (projected Q-ascent).
   *
   * @param label the display name
   * @param eta η &gt; 0
   * @param visitationWeighted true for IPG
   * @return the rule
   * @throws IllegalArgumentException if η ≤ 0
   */
  static UpdateRule<Policy, ExactGradients> projected(String label, BigFraction eta, boolean visitationWeighted) {
    if (eta.signum() <= 0) {
      throw new IllegalArgumentException("eta must be > 0");
    }
    return new UpdateRule<>() {
      @Override
      public String label() {
        return label;
      }

      @Override
      public Stepper<Policy, ExactGradients> begin(Policy start) {
        return (t, g) -> step(g, eta, visitationWeighted);
      }
    };
  }

  /**
   * One simultaneous projected step of all agents.
   *
   * @param g the exact gradients of π
   * @param eta η &gt; 0
   * @param visitationWeighted true for IPG's weight η d_ρ(s)/(1−γ), false for η
   * @return the next policy
   */
  static Policy step(ExactGradients g, BigFraction eta, boolean visitationWeighted) {
    MarkovGame game = g.game();
    Policy pi = g.policy();
    int n = game.agentCount();
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    BigFraction[][][] next = new BigFraction[n][game.stateCount()][];
    for (int s = 0; s < game.stateCount(); s++) {
      Cancellation.check();
      BigFraction scale = visitationWeighted ? eta.multiply(g.visitation(s)).divide(oneMinusGamma) : eta;
      for (int i = 0; i < n; i++) {
        int m = game.actionCount(i);
        BigFraction[] y = new BigFraction[m];
        for (int a = 0; a < m; a++) {
          y[a] = pi.prob(i, s, a).add(scale.multiply(g.qBar(i, s, a)));
        }
        next[i][s] = SimplexProjection.project(y);
      }
    }
    return Policy.of(next);
  }
}
