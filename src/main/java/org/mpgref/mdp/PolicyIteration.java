package org.mpgref.mdp;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.limits.Cancellation;
import org.mpgref.linalg.DoubleSparseMatrix;
import org.mpgref.linalg.SparseDoubleSolver;
import org.mpgref.linalg.SparseExactSolver;
import org.mpgref.linalg.SparseMatrix;
import org.mpgref.numbers.Rationals;

/**
 * The one policy-iteration kernel of mpgref: Howard's policy iteration (Howard 1960; Puterman 1994, §6.4) on a finite
 * discounted MDP, maximising or minimising the value V^σ(s) = E_σ[Σ_t γ^t r(s_t, σ(s_t)) | s_0 = s] over deterministic
 * stationary policies σ, from a given start policy. See specs/policy-iteration.md.
 *
 * <p>Each step evaluates σ exactly (or in double) by solving (I − γP_σ) W = r_σ with the sparse solvers of
 * {@code linalg} ({@link SparseExactSolver}, {@link SparseDoubleSolver}: their work and memory limits apply, and a
 * refusal names the computation {@code what}), then improves state by state with Q_W(s,k) = r(s,k) + γ P(·|s,k)·W.
 * The improvement rule, with τ = 0 in exact arithmetic and the caller's tolerance τ ≥ 0 in double (written for
 * maximisation; minimisation mirrors every comparison):
 *
 * <pre>
 *   b ← σ(s);  for k = 0, 1, ..., K_s − 1:  if Q_W(s,k) &gt; Q_W(s,b) + τ then b ← k;  σ'(s) ← b
 * </pre>
 *
 * For τ = 0 this switches σ(s) to the lowest-index maximiser of Q_W(s,·) exactly when that maximiser is strictly
 * better than Q_W(s,σ(s)), and keeps σ(s) on a tie (switching on a tie could cycle). The iteration stops at the first
 * step with no switch; then W = V* (exact) and the reported policy is, at every state, the lowest-index action within
 * τ of the extremum of Q_W(s,·) ({@link #bestIndex}), which is optimal too (any policy greedy for V* is). In exact
 * arithmetic every switching step strictly improves V^σ at some state and never worsens it, so no policy repeats and
 * the iteration stops after at most Π_s K_s steps (Puterman 1994, Thm 6.4.2; proofs-notes/policy-iteration.md).
 * Each step calls {@link Cancellation#check()}.
 */
public final class PolicyIteration {
  /** The step cap of the double iteration used by best responses (round-off cannot make it cycle below τ). */
  public static final int DOUBLE_MAX_STEPS = 1000;

  private PolicyIteration() {}

  /**
   * Exact policy iteration with strict improvement and ties to the lowest index.
   *
   * @param what the computation, for a solver's refusal (e.g. {@code "exact best-response solve (agent 0)"})
   * @param mdp the MDP
   * @param objective maximise or minimise
   * @param start the start policy σ_0 as [s], σ_0(s) in 0..K_s−1
   * @return the optimal (or pessimal) value, the lowest-index optimal actions and their certificate
   * @throws IllegalArgumentException if the start policy does not fit the MDP
   * @throws org.mpgref.limits.LimitExceededException if a policy evaluation is above the work or memory limits
   * @throws org.mpgref.limits.CancelledException if the computation is cancelled
   */
  public static ExactSolution exact(String what, ExactMdp mdp, Objective objective, int[] start) {
    int states = mdp.stateCount();
    int[] sigma = checkStart(start, states, mdp::actionCount);
    int iterations = 0;
    while (true) {
      Cancellation.check();
      iterations++;
      BigFraction[] w = evaluate(what, mdp, sigma);
      boolean improved = false;
      int[] lowest = new int[states];
      for (int s = 0; s < states; s++) {
        BigFraction[] q = mdp.qRow(s, w);
        int best = bestIndex(q, objective);
        lowest[s] = best;
        if (better(q[best], q[sigma[s]], objective)) {
          sigma[s] = best;
          improved = true;
        }
      }
      if (!improved) {
        return new ExactSolution(mdp, objective, lowest, w, iterations);
      }
    }
  }

  /**
   * Double policy iteration with tolerance τ: the rule of the class comment; it stops at the first step without a
   * switch (converged), or after {@code maxSteps} evaluations. On convergence the actions are, at every state, the
   * lowest-index action within τ of the extremum of Q_W(s,·); otherwise they are the policy the last improvement
   * chose (not evaluated) and the values are those of the policy before it.
   *
   * @param what the computation, for a solver's refusal
   * @param mdp the MDP
   * @param objective maximise or minimise
   * @param start σ_0 as [s]
   * @param tolerance τ ≥ 0 in reward units (absolute): a switch needs an improvement larger than τ, and actions within
   *     τ of the extremum count as tied (e.g. {@code DoubleEvaluation.tieTolerance} for best responses)
   * @param maxSteps the most policy evaluations, ≥ 1 (e.g. {@link #DOUBLE_MAX_STEPS})
   * @return the values W of the last policy evaluated, the actions, the number of evaluations and whether it converged
   * @throws IllegalArgumentException if the start policy does not fit, τ is negative or not finite, or maxSteps &lt; 1
   * @throws org.mpgref.limits.LimitExceededException if a policy evaluation is above the work or memory limits
   * @throws org.mpgref.limits.CancelledException if the computation is cancelled
   */
  public static DoubleSolution doubles(String what, DoubleMdp mdp, Objective objective, int[] start, double tolerance,
      int maxSteps) {
    if (!(tolerance >= 0) || tolerance == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("tolerance " + tolerance + " is not a finite number >= 0");
    }
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps " + maxSteps + " is below 1");
    }
    int states = mdp.stateCount();
    int[] sigma = checkStart(start, states, mdp::actionCount);
    double[] w = new double[states];
    boolean max = objective == Objective.MAXIMISE;
    for (int step = 0; step < maxSteps; step++) {
      Cancellation.check();
      w = evaluate(what, mdp, sigma);
      boolean improved = false;
      int[] lowest = new int[states];
      for (int s = 0; s < states; s++) {
        double[] q = mdp.qRow(s, w);
        lowest[s] = bestIndex(q, objective, tolerance);
        int best = sigma[s];
        for (int a = 0; a < q.length; a++) {
          if (max ? q[a] > q[best] + tolerance : q[a] < q[best] - tolerance) {
            best = a;
          }
        }
        if (best != sigma[s]) {
          sigma[s] = best;
          improved = true;
        }
      }
      if (!improved) {
        return new DoubleSolution(lowest, w, step + 1, true);
      }
    }
    return new DoubleSolution(sigma, w, maxSteps, false);
  }

  /**
   * W = V^σ exactly: the solution of (I − γP_σ) W = r_σ by {@link SparseExactSolver#solveDiscounted}.
   *
   * @param what the computation, for a refusal
   * @param mdp the MDP
   * @param policy σ as [s]
   * @return W as [s]
   * @throws org.mpgref.limits.LimitExceededException if the solve is above the work or memory limits
   */
  public static BigFraction[] evaluate(String what, ExactMdp mdp, int[] policy) {
    int states = mdp.stateCount();
    SparseMatrix.Builder p = new SparseMatrix.Builder(states);
    BigFraction[][] r = new BigFraction[states][1];
    for (int s = 0; s < states; s++) {
      int k = policy[s];
      for (int j = 0; j < mdp.rowLength(s, k); j++) {
        p.add(mdp.next(s, k, j), mdp.probability(s, k, j));
      }
      p.endRow();
      r[s][0] = mdp.reward(s, k);
    }
    BigFraction[][] x = SparseExactSolver.solveDiscounted(what, mdp.discount(), p.build(), r);
    BigFraction[] w = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      w[s] = x[s][0];
    }
    return w;
  }

  /**
   * W = V^σ in double, by {@link SparseDoubleSolver#solveDiscounted}.
   *
   * @param what the computation, for a refusal
   * @param mdp the MDP
   * @param policy σ as [s]
   * @return W as [s]
   * @throws org.mpgref.limits.LimitExceededException if the solve is above the work or memory limits
   */
  public static double[] evaluate(String what, DoubleMdp mdp, int[] policy) {
    int states = mdp.stateCount();
    DoubleSparseMatrix.Builder p = new DoubleSparseMatrix.Builder(states);
    double[][] r = new double[states][1];
    for (int s = 0; s < states; s++) {
      int k = policy[s];
      for (int j = 0; j < mdp.rowLength(s, k); j++) {
        p.add(mdp.next(s, k, j), mdp.probability(s, k, j));
      }
      p.endRow();
      r[s][0] = mdp.reward(s, k);
    }
    double[][] x = SparseDoubleSolver.solveDiscounted(what, mdp.discount(), p.build(), r);
    double[] w = new double[states];
    for (int s = 0; s < states; s++) {
      w[s] = x[s][0];
    }
    return w;
  }

  /**
   * The tie rule in exact arithmetic: the lowest index k with q[k] = max q (or = min q), compared exactly.
   *
   * @param q the values of one state's actions, at least one
   * @param objective maximise or minimise
   * @return the lowest-index extremiser
   */
  public static int bestIndex(BigFraction[] q, Objective objective) {
    int best = 0;
    for (int k = 1; k < q.length; k++) {
      if (better(q[k], q[best], objective)) {
        best = k;
      }
    }
    return best;
  }

  /**
   * The tie rule in double: the lowest index k with q[k] ≥ max q − τ (or q[k] ≤ min q + τ); 0 if q holds a NaN.
   *
   * @param q the values of one state's actions, at least one
   * @param objective maximise or minimise
   * @param tolerance τ ≥ 0
   * @return the lowest index within τ of the extremum
   */
  public static int bestIndex(double[] q, Objective objective, double tolerance) {
    boolean max = objective == Objective.MAXIMISE;
    double extreme = q[0];
    for (double x : q) {
      extreme = max ? Math.max(extreme, x) : Math.min(extreme, x);
    }
    for (int k = 0; k < q.length; k++) {
      if (max ? q[k] >= extreme - tolerance : q[k] <= extreme + tolerance) {
        return k;
      }
    }
    return 0;
  }

  /**
   * The Bellman certificate, re-checked exactly: for every state s, W(s) = Q_W(s,σ(s)); W(s) ≥ Q_W(s,k) for every k
   * (≤ when minimising); and Q_W(s,k) ≠ W(s) for every k &lt; σ(s) (σ(s) is the lowest-index optimal action). The
   * first two imply that W is the optimal (pessimal) value V*, the unique fixed point of the Bellman optimality
   * operator for γ &lt; 1 (Puterman 1994, Thm 6.2.5), and that σ attains it.
   *
   * @param mdp the MDP
   * @param objective maximise or minimise
   * @param actions σ as [s]
   * @param values W as [s]
   * @return true iff every condition holds
   * @throws IllegalArgumentException if the arrays do not have S entries or an action is out of range
   */
  public static boolean certifies(ExactMdp mdp, Objective objective, int[] actions, BigFraction[] values) {
    int states = mdp.stateCount();
    checkStart(actions, states, mdp::actionCount);
    if (values.length != states) {
      throw new IllegalArgumentException(values.length + " values for " + states + " states");
    }
    for (int s = 0; s < states; s++) {
      BigFraction[] q = mdp.qRow(s, values);
      if (!q[actions[s]].equals(values[s])) {
        return false;
      }
      for (int k = 0; k < q.length; k++) {
        if (better(q[k], values[s], objective) || (k < actions[s] && q[k].equals(values[s]))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean better(BigFraction x, BigFraction y, Objective objective) {
    int c = Rationals.compare(x, y);
    return objective == Objective.MAXIMISE ? c > 0 : c < 0;
  }

  private static int[] checkStart(int[] start, int states, java.util.function.IntUnaryOperator actions) {
    if (start.length != states) {
      throw new IllegalArgumentException("policy has " + start.length + " entries; the MDP has " + states + " states");
    }
    for (int s = 0; s < states; s++) {
      if (start[s] < 0 || start[s] >= actions.applyAsInt(s)) {
        throw new IllegalArgumentException("action " + start[s] + " at state " + s + " is outside 0.."
            + (actions.applyAsInt(s) - 1));
      }
    }
    return start.clone();
  }
}
