package org.mpgref.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.evaluation.DoubleGradients;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.linalg.SimplexProjection;

/**
 * Independent policy mirror descent (PMD) with exact-model averaged Q-functions (Alatur, Barakat and He, arXiv
 * 2408.08075, §IV, eqs. (2) and (3); seed 001). Every agent i, at every state s, simultaneously:
 *
 * <pre>
 *   π_i^{t+1}(·|s) = argmax_{p ∈ Δ(A_i)} { η ⟨Q̄_i^{π^t}(s,·), p⟩ − D_h(p, π_i^t(·|s)) }
 *   EUCLIDEAN  h = ½‖·‖²,  D_h(p,q) = ½‖p − q‖²:   π_i^{t+1}(·|s) = Proj_Δ( π_i^t(·|s) + η Q̄_i^{π^t}(s,·) )
 *   KL         h = Σ p log p, D_h = KL(p‖q):       π_i^{t+1}(a|s) = π_i^t(a|s) exp(η Q̄_i^{π^t}(s,a)) / Z_{i,s}
 * </pre>
 *
 * Euclidean PMD is projected Q-ascent (Ding et al. 2022, Algorithm 1) and is computed by
 * {@link ExactDynamics#step} with {@link Algorithm#PROJECTED_Q_ASCENT}, exactly, or in double here. KL PMD is
 * multiplicative weights on Q̄ (equivalently on Ā = Q̄ − V, whose shift cancels in Z), i.e. INPG (Fox et al. 2022,
 * Remark 2) with INPG's η equal to η_PMD (1−γ); it involves exp and runs in double only; score its iterates exactly
 * with {@link Policy#ofDoublePolicy}. Index shapes: policies [s][i][a] (state-major double) or agent-major exact;
 * η is in 1/(reward unit) because Q̄ is in reward units. The paper's step sizes are in
 * {@code org.mpgref.theory.StepSizeBounds}.
 */
public final class PolicyMirrorDescent {
  private PolicyMirrorDescent() {}

  /** Source of the update. */
  public static final String SOURCE = "Alatur, Barakat, He, arXiv 2408.08075, Sec. IV, eqs. (2) Euclidean and (3) KL"
      + " (seed 001): pi_i <- argmax_p { eta <Qbar_i(s,.), p> - D_h(p, pi_i(.|s)) }";

  /**
   * One exact Euclidean PMD step of all agents: Proj_Δ(π_i^t(·|s) + η Q̄_i^{π^t}(s,·)), identical to
   * {@code ExactDynamics.step(evaluation, Algorithm.PROJECTED_Q_ASCENT, eta)}.
   *
   * @param evaluation the exact evaluation of π^t
   * @param eta η &gt; 0
   * @return π^{t+1}, exact
   * @throws IllegalArgumentException if η ≤ 0
   */
  public static Policy exactEuclideanStep(Evaluation evaluation, BigFraction eta) {
    return ExactDynamics.step(evaluation, Algorithm.PROJECTED_Q_ASCENT, eta);
  }

  /**
   * Runs Euclidean PMD exactly: {@link ExactDynamics#run} with {@link Algorithm#PMD_EUCLIDEAN} (it stops early at
   * an exact fixed point, or when denominators exceed the guard).
   *
   * @param game the game
   * @param start π^0
   * @param eta η &gt; 0
   * @param iterations the largest number of steps T ≥ 0
   * @param maxDenominatorDigits size guard on the iterates' denominators (decimal digits)
   * @return the exact iterates with their exact Nash gaps
   * @throws IllegalArgumentException if η ≤ 0 or iterations &lt; 0
   * @throws InvalidGameException if the start policy does not fit the game
   */
  public static Run<ExactIterate> runExactEuclidean(MarkovGame game, Policy start, BigFraction eta, int iterations,
      int maxDenominatorDigits) {
    return ExactDynamics.run(game, start, Algorithm.PMD_EUCLIDEAN, eta, iterations, maxDenominatorDigits);
  }

  /**
   * {@link #runExactEuclidean(MarkovGame, Policy, BigFraction, int, int)}, handing each certified iterate to
   * {@code completed} ({@link ExactDynamics#run(MarkovGame, Policy, Algorithm, BigFraction, int, int,
   * java.util.function.Consumer)}).
   *
   * @param game the game
   * @param start π^0
   * @param eta η &gt; 0
   * @param iterations T ≥ 0
   * @param maxDenominatorDigits size guard (decimal digits)
   * @param completed receives each certified iterate
   * @return the run
   * @throws IllegalArgumentException if η ≤ 0 or iterations &lt; 0
   * @throws InvalidGameException if the start policy does not fit the game
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted
   */
  public static Run<ExactIterate> runExactEuclidean(MarkovGame game, Policy start, BigFraction eta, int iterations,
      int maxDenominatorDigits, Consumer<ExactIterate> completed) {
    return ExactDynamics.run(game, start, Algorithm.PMD_EUCLIDEAN, eta, iterations, maxDenominatorDigits, completed);
  }

  /**
   * The Euclidean update of one row: Proj_Δ(p + η q).
   *
   * @param p π_i^t(·|s) as [a]
   * @param q Q̄_i^{π^t}(s,·) as [a]
   * @param eta η &gt; 0
   * @return π_i^{t+1}(·|s)
   * @throws IllegalArgumentException if the lengths differ or η is not a positive finite number
   */
  public static double[] euclideanRow(double[] p, double[] q, double eta) {
    requireRow(p, q, eta);
    double[] y = new double[p.length];
    for (int a = 0; a < p.length; a++) {
      y[a] = p[a] + eta * q[a];
    }
    return SimplexProjection.project(y);
  }

  /**
   * The KL update of one row, the normalised multiplicative update p(a) exp(η q(a)) / Σ_b p(b) exp(η q(b)), computed
   * with max_b q(b) subtracted from q so that exp never overflows.
   *
   * @param p π_i^t(·|s) as [a], non-negative with at least one positive entry
   * @param q Q̄_i^{π^t}(s,·) as [a]
   * @param eta η &gt; 0
   * @return π_i^{t+1}(·|s)
   * @throws IllegalArgumentException if the lengths differ or η is not a positive finite number
   */
  public static double[] klRow(double[] p, double[] q, double eta) {
    requireRow(p, q, eta);
    double max = Double.NEGATIVE_INFINITY;
    for (double x : q) {
      max = Math.max(max, x);
    }
    double[] w = new double[p.length];
    double z = 0;
    for (int a = 0; a < p.length; a++) {
      w[a] = p[a] * Math.exp(eta * (q[a] - max));
      z += w[a];
    }
    for (int a = 0; a < p.length; a++) {
      w[a] /= z;
    }
    return w;
  }

  /**
   * One double PMD step of all agents from an evaluation of π^t, by the row maps {@link #euclideanRow} and
   * {@link #klRow} (the KL run of {@link #runDoubleRecorded} keeps logits instead, the same map in exact arithmetic).
   *
   * @param evaluation the double evaluation of π^t
   * @param algorithm {@link Algorithm#PMD_EUCLIDEAN} or {@link Algorithm#PMD_KL}
   * @param eta η &gt; 0
   * @return π^{t+1}
   * @throws IllegalArgumentException if η is not a positive finite number or the algorithm is not a PMD
   */
  public static DoublePolicy doubleStep(DoubleEvaluation evaluation, Algorithm algorithm, double eta) {
    boolean euclidean = requireMirrorDescent(algorithm) == Algorithm.PMD_EUCLIDEAN;
    DoubleMarkovGame game = evaluation.game();
    DoublePolicy pi = evaluation.policy();
    int n = game.agentCount();
    double[][][] next = new double[game.stateCount()][n][];
    for (int s = 0; s < game.stateCount(); s++) {
      for (int i = 0; i < n; i++) {
        int m = game.actionCount(i);
        double[] p = new double[m];
        double[] q = new double[m];
        for (int a = 0; a < m; a++) {
          p[a] = pi.prob(i, s, a);
          q[a] = evaluation.qBar(i, s, a);
        }
        next[s][i] = euclidean ? euclideanRow(p, q, eta) : klRow(p, q, eta);
      }
    }
    return DoublePolicy.ofStateMajor(next);
  }

  /**
   * Runs PMD in double for exactly {@code iterations} steps from {@code start}: {@link #runDoubleRecorded} without the
   * early stop, keeping the policies only.
   *
   * @param game the double game
   * @param start π^0
   * @param algorithm {@link Algorithm#PMD_EUCLIDEAN} or {@link Algorithm#PMD_KL}
   * @param eta η &gt; 0
   * @param iterations T ≥ 0
   * @return π^0..π^T (T+1 policies)
   * @throws IllegalArgumentException if η is not a positive finite number or iterations &lt; 0
   * @throws InvalidGameException if the start policy does not fit the game
   */
  public static List<DoublePolicy> runDouble(DoubleMarkovGame game, DoublePolicy start, Algorithm algorithm,
      double eta, int iterations) {
    List<DoublePolicy> out = new ArrayList<>();
    for (Iterate it : runDoubleRecorded(game, start, algorithm, eta, iterations, 0, t -> { })) {
      out.add(it.policy());
    }
    return out;
  }

  /**
   * Runs PMD in double from {@code start}, recording each iterate like {@link DoubleDynamics#run} (V_i(ρ), the double
   * Nash gap, Φ(ρ), and the L1 change (1/N) Σ_i ‖π_i^t − π_i^{t−1}‖_1), for at most {@code maxIterations} steps and
   * stopping after the first iterate whose L1 change is below {@code stopL1} (0: never early). The KL run keeps logits
   * θ^t = log π^0 + η Σ_{u&lt;t} Q̄^{π^u} and forms π^t = softmax θ^t (maximum subtracted), which is the same map as
   * repeating {@link #klRow} but cannot underflow a probability to 0 by repeated multiplication.
   *
   * @param game the double game
   * @param start π^0
   * @param algorithm {@link Algorithm#PMD_EUCLIDEAN} or {@link Algorithm#PMD_KL}
   * @param eta η &gt; 0
   * @param maxIterations T ≥ 0
   * @param stopL1 the stopping threshold on the L1 change
   * @param progress called with t after each step
   * @return the iterates from t = 0
   * @throws IllegalArgumentException if η is not a positive finite number or maxIterations &lt; 0
   * @throws InvalidGameException if the start policy does not fit the game
   */
  public static List<Iterate> runDoubleRecorded(DoubleMarkovGame game, DoublePolicy start, Algorithm algorithm,
      double eta, int maxIterations, double stopL1, IntConsumer progress) {
    return runDoubleRecorded(game, start, algorithm, eta, maxIterations, stopL1, progress, it -> { });
  }

  /**
   * {@link #runDoubleRecorded(DoubleMarkovGame, DoublePolicy, Algorithm, double, int, double, IntConsumer)}, handing
   * every completed iterate to {@code completed} as soon as it is computed (a caller stopped by a time limit keeps
   * them). Each step checks {@link org.mpgref.limits.Cancellation#check()}; every updated row and evaluation must be
   * finite.
   *
   * @param game the double game
   * @param start π^0
   * @param algorithm {@link Algorithm#PMD_EUCLIDEAN} or {@link Algorithm#PMD_KL}
   * @param eta η &gt; 0
   * @param maxIterations T ≥ 0
   * @param stopL1 the stopping threshold on the L1 change
   * @param progress called with t after each step
   * @param completed receives π^0, π^1, ... in order
   * @return the iterates from t = 0
   * @throws IllegalArgumentException if η is not a positive finite number, maxIterations &lt; 0, or a step leaves
   *     the range of double (naming the iteration, agent and state)
   * @throws InvalidGameException if the start policy does not fit the game
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted
   */
  public static List<Iterate> runDoubleRecorded(DoubleMarkovGame game, DoublePolicy start, Algorithm algorithm,
      double eta, int maxIterations, double stopL1, IntConsumer progress, Consumer<Iterate> completed) {
    UpdateRule<DoublePolicy, DoubleGradients> rule = requireMirrorDescent(algorithm).doubleRule(eta);
    return DoubleDynamics.run(game, rule, start, maxIterations, stopL1, Listener.of(completed, progress)).iterates();
  }

  private static Algorithm requireMirrorDescent(Algorithm algorithm) {
    if (!algorithm.isMirrorDescent()) {
      throw new IllegalArgumentException(algorithm.label() + " is not a policy-mirror-descent algorithm; use "
          + Algorithm.PMD_EUCLIDEAN + " or " + Algorithm.PMD_KL);
    }
    return algorithm;
  }

  private static void requireRow(double[] p, double[] q, double eta) {
    if (p.length != q.length || p.length == 0) {
      throw new IllegalArgumentException("policy row has " + p.length + " entries but Qbar row has " + q.length
          + "; both must have |A_i| >= 1 entries");
    }
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("eta = " + eta + " must be a positive finite number");
    }
  }
}
