package org.mpgref.dynamics;

import org.mpgref.evaluation.DoubleGradients;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.linalg.SimplexProjection;

/**
 * The update rules of {@link Algorithm} on primitive doubles, reading Q̄, Ā and d of the current iterate from a
 * {@link DoubleGradients} (the exact-model {@code DoubleEvaluation}, or an estimator). Policies are state-major
 * [s][i][a]. Every updated row must be finite.
 */
final class DoubleRules {
  private DoubleRules() {}

  /** Rules whose step is a projected ascent step Proj_Δ(π_i(·|s) + w(s) Q̄_i(s,·)) with a per-state weight w. */
  private abstract static class Projected implements UpdateRule<DoublePolicy, DoubleGradients> {
    private final String label;
    final double eta;

    Projected(String label, double eta) {
      this.label = label;
      this.eta = requireStep(eta);
    }

    abstract double weight(DoubleGradients g, int state);

    @Override
    public String label() {
      return label;
    }

    @Override
    public Stepper<DoublePolicy, DoubleGradients> begin(DoublePolicy start) {
      return (t, g) -> {
        DoubleMarkovGame game = g.game();
        DoublePolicy policy = g.policy();
        int n = game.agentCount();
        double[][][] next = new double[game.stateCount()][n][];
        for (int s = 0; s < game.stateCount(); s++) {
          double w = weight(g, s);
          for (int i = 0; i < n; i++) {
            int m = game.actionCount(i);
            double[] y = new double[m];
            for (int a = 0; a < m; a++) {
              y[a] = policy.prob(i, s, a) + w * g.qBar(i, s, a);
            }
            next[s][i] = SimplexProjection.project(y);
            Recorders.requireFinite(t, i, s, next[s][i], eta);
          }
        }
        return DoublePolicy.ofStateMajor(next);
      };
    }
  }

  /**
   * IPG: π_i(·|s) ← Proj_Δ(π_i(·|s) + η d_ρ(s) Q̄_i(s,·)/(1−γ)).
   *
   * @param eta η &gt; 0
   * @return the rule
   */
  static UpdateRule<DoublePolicy, DoubleGradients> ipg(double eta) {
    return new Projected(Algorithm.IPG.label(), eta) {
      @Override
      double weight(DoubleGradients g, int state) {
        return eta * g.visitation(state) / (1 - g.game().discount());
      }
    };
  }

  /**
   * Projected Q-ascent (= Euclidean PMD): π_i(·|s) ← Proj_Δ(π_i(·|s) + η Q̄_i(s,·)).
   *
   * @param label the display name
   * @param eta η &gt; 0
   * @return the rule
   */
  static UpdateRule<DoublePolicy, DoubleGradients> projectedQAscent(String label, double eta) {
    return new Projected(label, eta) {
      @Override
      double weight(DoubleGradients g, int state) {
        return eta;
      }
    };
  }

  /**
   * Softmax rules keeping logits θ [s][i][a]: θ ← θ + c·x with x = Ā (INPG, c = η/(1−γ)) or x = Q̄ (KL PMD, c = η),
   * π = softmax θ with the maximum subtracted.
   *
   * @param label the display name
   * @param eta η &gt; 0
   * @param advantage true: INPG's x = Ā and θ^0 = log π^0 − max log π^0 (0 for the uniform start); false: KL PMD's
   *     x = Q̄ and θ^0 = log π^0
   * @return the rule
   */
  static UpdateRule<DoublePolicy, DoubleGradients> softmax(String label, double eta, boolean advantage) {
    return softmax(label, eta, advantage, 0);
  }

  /**
   * {@link #softmax(String, double, boolean)} with a log-barrier of weight λ ≥ 0 added to INPG's logit step: θ ← θ +
   * η (Ā/(1−γ) + λ/(d_ρ(s) π(a|s)) − λ|A_i|/d_ρ(s)), the softmax gradient of V_i + λ Σ_{s,a} log π_i(a|s) divided by
   * d_ρ(s) π_i(a|s) (Sahitaj et al., AISTATS 2025, arXiv 2504.20593, INPG with log-barrier; code
   * PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc:dist_main_inpg.py:108-112). λ = 0
   * adds nothing (the INPG rule, bit for bit).
   *
   * @param label the display name
   * @param eta η &gt; 0
   * @param advantage as in {@link #softmax(String, double, boolean)}
   * @param lambda λ ≥ 0 (only with {@code advantage})
   * @return the rule
   */
  static UpdateRule<DoublePolicy, DoubleGradients> softmax(String label, double eta, boolean advantage, double lambda) {
    double step = requireStep(eta);
    if (!(lambda >= 0) || !Double.isFinite(lambda) || (lambda > 0 && !advantage)) {
      throw new IllegalArgumentException("lambda = " + lambda + " must be a finite number >= 0 (and 0 unless INPG)");
    }
    return new UpdateRule<>() {
      @Override
      public String label() {
        return label;
      }

      @Override
      public Stepper<DoublePolicy, DoubleGradients> begin(DoublePolicy start) {
        int n = start.agentCount();
        double[][][] theta = new double[start.stateCount()][n][];
        for (int s = 0; s < theta.length; s++) {
          for (int i = 0; i < n; i++) {
            theta[s][i] = new double[start.actionCount(i)];
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < theta[s][i].length; a++) {
              theta[s][i][a] = Math.log(start.prob(i, s, a));
              max = Math.max(max, theta[s][i][a]);
            }
            if (advantage) {
              for (int a = 0; a < theta[s][i].length; a++) {
                theta[s][i][a] -= max;
              }
            }
          }
        }
        return (t, g) -> {
          double oneMinusGamma = 1 - g.game().discount();
          double[][][] rows = new double[theta.length][n][];
          for (int s = 0; s < theta.length; s++) {
            for (int i = 0; i < n; i++) {
              for (int a = 0; a < theta[s][i].length; a++) {
                theta[s][i][a] += advantage ? step * g.advantage(i, s, a) / oneMinusGamma : step * g.qBar(i, s, a);
              }
              if (lambda > 0) {
                double d = g.visitation(s);
                int m = theta[s][i].length;
                for (int a = 0; a < m; a++) {
                  theta[s][i][a] += step * (lambda / (d * g.policy().prob(i, s, a)) - lambda * m / d);
                }
              }
              rows[s][i] = DoubleDynamics.softmax(theta[s][i]);
              Recorders.requireFinite(t, i, s, rows[s][i], step);
            }
          }
          return DoublePolicy.ofStateMajor(rows);
        };
      }
    };
  }

  private static double requireStep(double eta) {
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("eta = " + eta + " must be a positive finite number");
    }
    return eta;
  }
}
