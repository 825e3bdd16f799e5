package org.mpgref.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.limits.Cancellation;
import org.mpgref.linalg.SimplexProjection;

/**
 * The dynamics of {@link Algorithm} on primitive doubles with exact-model (oracle) gradients: Q̄, Ā and d are
 * computed from the game's model by {@link DoubleEvaluation}, never sampled. INPG keeps the logits θ [s][i][a]
 * (initially 0, i.e. uniform) and forms π = softmax θ with the maximum subtracted.
 */
public final class DoubleDynamics {
  private DoubleDynamics() {}

  /**
   * Runs from the uniform policy until the L1 change (1/N) Σ_i ‖π_i^t − π_i^{t−1}‖_1 is below {@code stopL1}
   * (the authors' stopping rule, 1e−15) or {@code maxIterations} steps were taken.
   *
   * @param game the double game
   * @param algorithm the dynamics
   * @param eta η > 0
   * @param maxIterations the largest number of steps
   * @param stopL1 stop when the L1 change falls below this
   * @param progress called with t after every step (for progress reports); may do nothing
   * @return the iterates π^0..π^T
   * @throws IllegalArgumentException if η ≤ 0 or maxIterations &lt; 0
   */
  public static List<Iterate> run(DoubleMarkovGame game, Algorithm algorithm, double eta, int maxIterations,
      double stopL1, IntConsumer progress) {
    return run(game, algorithm, eta, maxIterations, stopL1, progress, it -> { });
  }

  /**
   * {@link #run(DoubleMarkovGame, Algorithm, double, int, double, IntConsumer)}, handing every completed iterate to
   * {@code completed} as soon as it is computed (so that a caller stopped by a time limit keeps them). Each step checks
   * {@link Cancellation#check()}, and every updated row and every evaluation must be finite.
   *
   * @param game the double game
   * @param algorithm the dynamics
   * @param eta η > 0, finite
   * @param maxIterations the largest number of steps
   * @param stopL1 stop when the L1 change falls below this
   * @param progress called with t after every step
   * @param completed receives π^0, π^1, ... in order
   * @return the iterates π^0..π^T
   * @throws IllegalArgumentException if η is not a positive finite number, maxIterations &lt; 0, or a step leaves the
   *     range of double (one line naming the iteration, the agent and the state)
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted
   */
  public static List<Iterate> run(DoubleMarkovGame game, Algorithm algorithm, double eta, int maxIterations,
      double stopL1, IntConsumer progress, Consumer<Iterate> completed) {
    if (!(eta > 0) || !Double.isFinite(eta) || maxIterations < 0) {
      throw new IllegalArgumentException("eta = " + eta + " must be a positive finite number and maxIterations >= 0");
    }
    int n = game.agentCount();
    int states = game.stateCount();
    double[][][] theta = new double[states][n][];
    double[][][] pi = new double[states][n][];
    for (int s = 0; s < states; s++) {
      for (int i = 0; i < n; i++) {
        int m = game.actionCount(i);
        theta[s][i] = new double[m];
        pi[s][i] = new double[m];
        java.util.Arrays.fill(pi[s][i], 1.0 / m);
      }
    }
    List<Iterate> out = new ArrayList<>();
    DoublePolicy policy = DoublePolicy.ofStateMajor(pi);
    DoubleEvaluation ev = DoubleEvaluation.of(game, policy);
    Iterate first = record(0, policy, ev, Double.NaN);
    requireFinite(first);
    out.add(first);
    completed.accept(first);
    double oneMinusGamma = 1 - game.discount();
    for (int t = 1; t <= maxIterations; t++) {
      Cancellation.check();
      double[][][] next = new double[states][n][];
      for (int s = 0; s < states; s++) {
        for (int i = 0; i < n; i++) {
          int m = game.actionCount(i);
          double[] y = new double[m];
          switch (algorithm) {
            case IPG: {
              double scale = eta * ev.visitation(s) / oneMinusGamma;
              for (int a = 0; a < m; a++) {
                y[a] = policy.prob(i, s, a) + scale * ev.qBar(i, s, a);
              }
              next[s][i] = SimplexProjection.project(y);
              break;
            }
            case PROJECTED_Q_ASCENT: {
              for (int a = 0; a < m; a++) {
                y[a] = policy.prob(i, s, a) + eta * ev.qBar(i, s, a);
              }
              next[s][i] = SimplexProjection.project(y);
              break;
            }
            case INPG: {
              for (int a = 0; a < m; a++) {
                theta[s][i][a] += eta * ev.advantage(i, s, a) / oneMinusGamma;
              }
              next[s][i] = softmax(theta[s][i]);
              break;
            }
            default:
              throw new IllegalStateException("unknown algorithm " + algorithm);
          }
          requireFinite(t, i, s, next[s][i], eta);
        }
      }
      DoublePolicy nextPolicy = DoublePolicy.ofStateMajor(next);
      double l1 = nextPolicy.l1Distance(policy) / n;
      policy = nextPolicy;
      ev = DoubleEvaluation.of(game, policy);
      Iterate it = record(t, policy, ev, l1);
      requireFinite(it);
      out.add(it);
      completed.accept(it);
      progress.accept(t);
      if (l1 < stopL1) {
        break;
      }
    }
    return out;
  }

  /**
   * Softmax with the maximum subtracted: π(a) = exp(θ_a − max θ) / Σ_b exp(θ_b − max θ).
   *
   * @param theta logits
   * @return the distribution
   */
  public static double[] softmax(double[] theta) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : theta) {
      max = Math.max(max, x);
    }
    double[] p = new double[theta.length];
    double z = 0;
    for (int a = 0; a < p.length; a++) {
      p[a] = Math.exp(theta[a] - max);
      z += p[a];
    }
    for (int a = 0; a < p.length; a++) {
      p[a] /= z;
    }
    return p;
  }

  /**
   * Refuses an updated row that left the range of double (an overflowing step η Q̄, or logits θ that overflowed).
   *
   * @param t the iteration
   * @param agent i
   * @param state s
   * @param row π_i^t(·|s)
   * @param eta η
   * @throws IllegalArgumentException naming the iteration, agent and state
   */
  static void requireFinite(int t, int agent, int state, double[] row, double eta) {
    for (double x : row) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("iteration " + t + ": the double update of agent " + agent + " at state "
            + state + " is not finite (eta = " + eta + " times Qbar leaves the range of double); use a smaller step"
            + " or an exact run");
      }
    }
  }

  /**
   * Refuses an iterate whose double evaluation left the range of double (e.g. rewards near the largest double).
   *
   * @param it the iterate
   * @throws IllegalArgumentException naming the iteration
   */
  static void requireFinite(Iterate it) {
    boolean ok = Double.isFinite(it.nashGap());
    for (double v : it.values()) {
      ok &= Double.isFinite(v);
    }
    if (!ok) {
      throw new IllegalArgumentException("iteration " + it.t() + ": the double evaluation is not finite (values or"
          + " Nash gap overflow double); the game's numbers are too large for a double run; use an exact run");
    }
  }

  static Iterate record(int t, DoublePolicy policy, DoubleEvaluation ev, double l1) {
    int n = ev.game().agentCount();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = ev.valueAtInitial(i);
    }
    return new Iterate(t, policy, v, ev.nashGap(), ev.potentialAtInitial(), l1);
  }
}
