package org.mpgref.evaluation;

import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.limits.Cancellation;
import org.mpgref.linalg.DoubleSparseMatrix;
import org.mpgref.linalg.SparseDoubleSolver;
import org.mpgref.mdp.DoubleMdp;
import org.mpgref.mdp.DoubleSolution;
import org.mpgref.mdp.Objective;
import org.mpgref.mdp.PolicyIteration;

/**
 * The double twin of {@link Evaluation} and {@link NashGap}, on primitive arrays: V_i^π(s), Q̄_i^π(s,a_i),
 * Ā_i^π, d_ρ^π, and (on request) best responses by policy iteration and the Nash gaps, with the same formulas.
 * Policy iteration (the kernel's {@link PolicyIteration#doubles}) switches an action only when it improves by more
 * than the tie tolerance τ_i (see {@link #tieTolerance}) so that round-off cannot make it cycle; it is capped at
 * {@link PolicyIteration#DOUBLE_MAX_STEPS} steps; like the exact {@link BestResponse} it reports at every state the lowest-index action whose Q is within τ_i of the maximum. Index
 * shapes: value [i][s], qBar [i][s][a], visitation [s]. Transition rows are sparse ({@link
 * DoubleMarkovGame#expectSparse}) and the solves are {@link SparseDoubleSolver}'s, with the same work and memory
 * guards as the exact world.
 * Immutable after construction.
 */
public final class DoubleEvaluation implements DoubleGradients {
  private final DoubleMarkovGame game;
  private final DoublePolicy policy;
  private final double[][][] rewardBar; // [s][i][a]
  private final int[][][][] barIndex; // [s][i][a][k] -> s'
  private final double[][][][] barValue; // [s][i][a][k]
  private final DoubleSparseMatrix transition; // [s][s']
  private final double[][] value; // [i][s]
  private final double[][][] qBar; // [i][s][a]
  private final double[] visitation;

  private DoubleEvaluation(DoubleMarkovGame game, DoublePolicy policy, double[][][] rewardBar, int[][][][] barIndex,
      double[][][][] barValue, DoubleSparseMatrix transition, double[][] value, double[][][] qBar, double[] visitation) {
    this.game = game;
    this.policy = policy;
    this.rewardBar = rewardBar;
    this.barIndex = barIndex;
    this.barValue = barValue;
    this.transition = transition;
    this.value = value;
    this.qBar = qBar;
    this.visitation = visitation;
  }

  /**
   * Evaluates π in double.
   *
   * @param game the double game
   * @param policy π
   * @return the evaluation
   * @throws InvalidGameException if shapes differ
   */
  public static DoubleEvaluation of(DoubleMarkovGame game, DoublePolicy policy) {
    int n = game.agentCount();
    int states = game.stateCount();
    if (policy.agentCount() != n || policy.stateCount() != states) {
      throw new InvalidGameException("policy shape (" + policy.agentCount() + " agents, " + policy.stateCount()
          + " states) does not match the game (" + n + ", " + states + ")");
    }
    double gamma = game.discount();
    double[][][] rb = new double[states][n][];
    int[][][][] pi_ = new int[states][n][][];
    double[][][][] pv = new double[states][n][][];
    DoubleSparseMatrix.Builder pbuild = new DoubleSparseMatrix.Builder(states);
    double[][] r = new double[states][n];
    java.util.TreeMap<Integer, Double> row = new java.util.TreeMap<>();
    for (int s = 0; s < states; s++) {
      Cancellation.check();
      double[][] pi = policy.atState(s);
      for (int i = 0; i < n; i++) {
        if (pi[i].length != game.actionCount(i)) {
          throw new InvalidGameException("policy of agent " + i + " has " + pi[i].length + " actions; the game has "
              + game.actionCount(i));
        }
        rb[s][i] = new double[game.actionCount(i)];
        pi_[s][i] = new int[game.actionCount(i)][];
        pv[s][i] = new double[game.actionCount(i)][];
      }
      game.expectSparse(s, pi, rb[s], pi_[s], pv[s]);
      row.clear();
      for (int a = 0; a < pi[0].length; a++) {
        if (pi[0][a] != 0) {
          for (int k = 0; k < pi_[s][0][a].length; k++) {
            row.merge(pi_[s][0][a][k], pi[0][a] * pv[s][0][a][k], Double::sum);
          }
        }
      }
      for (java.util.Map.Entry<Integer, Double> x : row.entrySet()) {
        pbuild.add(x.getKey(), x.getValue());
      }
      pbuild.endRow();
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < pi[i].length; a++) {
          r[s][i] += pi[i][a] * rb[s][i][a];
        }
      }
    }
    DoubleSparseMatrix p = pbuild.build();
    double[][] v = SparseDoubleSolver.solveDiscounted("double value solve", gamma, p, r);
    double[][] value = new double[n][states];
    double[][][] q = new double[n][states][];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < states; s++) {
        value[i][s] = v[s][i];
      }
    }
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < states; s++) {
        q[i][s] = qRow(gamma, rb[s][i], pi_[s][i], pv[s][i], value[i]);
      }
    }
    double[] rhs = new double[states];
    double[] rho = game.initial();
    for (int s = 0; s < states; s++) {
      rhs[s] = (1 - gamma) * rho[s];
    }
    double[] d = SparseDoubleSolver.solveDiscountedTransposed("double visitation solve", gamma, p, rhs);
    return new DoubleEvaluation(game, policy, rb, pi_, pv, p, value, q, d);
  }

  private static double[] qRow(double gamma, double[] rBar, int[][] index, double[][] value, double[] w) {
    double[] row = new double[rBar.length];
    for (int a = 0; a < row.length; a++) {
      double cont = 0;
      for (int k = 0; k < index[a].length; k++) {
        cont += value[a][k] * w[index[a][k]];
      }
      row[a] = rBar[a] + gamma * cont;
    }
    return row;
  }

  /**
   * @param agent i
   * @param state s
   * @return V_i^π(s)
   */
  public double value(int agent, int state) {
    return value[agent][state];
  }

  /**
   * @param agent i
   * @return V_i^π(ρ)
   */
  public double valueAtInitial(int agent) {
    double[] rho = game.initial();
    double t = 0;
    for (int s = 0; s < rho.length; s++) {
      t += rho[s] * value[agent][s];
    }
    return t;
  }

  /**
   * @param agent i
   * @param state s
   * @param action a_i
   * @return Q̄_i^π(s,a_i)
   */
  public double qBar(int agent, int state, int action) {
    return qBar[agent][state][action];
  }

  /**
   * @param agent i
   * @param state s
   * @param action a_i
   * @return Ā_i^π(s,a_i)
   */
  public double advantage(int agent, int state, int action) {
    return qBar[agent][state][action] - value[agent][state];
  }

  /**
   * @param state s
   * @return d_ρ^π(s)
   */
  public double visitation(int state) {
    return visitation[state];
  }

  /**
   * @param state s
   * @param next s'
   * @return P_π(s'|s)
   */
  public double transition(int state, int next) {
    return transition.get(state, next);
  }

  /**
   * Agent i's optimal value V_i^*(s) against π_{-i}, by policy iteration.
   *
   * @param agent i
   * @return V_i^* as [s]
   */
  public double[] bestResponseValue(int agent) {
    return policyIteration(agent, new int[game.stateCount()]);
  }

  /**
   * Agent i's best-response actions against π_{-i}, by the policy iteration of {@link #bestResponseValue}: at every
   * state the lowest-index action a with Q(s,a) ≥ max_b Q(s,b) − τ_i ({@link #tieTolerance}), Q computed from the
   * final evaluation. This is the exact world's rule (lowest index among exact ties, {@link BestResponse#action})
   * with exact equality widened to the rounding error of the double computation; two actions whose exact Q* differ
   * by less than τ_i count as tied.
   *
   * @param agent i
   * @return σ_i as [s]
   */
  public int[] bestResponseActions(int agent) {
    int[] sigma = new int[game.stateCount()];
    policyIteration(agent, sigma);
    return sigma;
  }

  /**
   * The tie tolerance of agent i's double best response, in reward units (absolute):
   * τ_i = 64 · |S| · ε · (1 + γ)/(1 − γ) · M_i, with ε = 2^−52 (the double epsilon) and
   * M_i = max_{s,a} |r̄_i(s,a)| / (1 − γ) + max_{s,a} |r̄_i(s,a)|, a bound on |V| plus |r̄|.
   *
   * <p>Derivation: W solves (I − γP_σ)W = r̄_σ by Gaussian elimination with partial pivoting, backward stable with a
   * perturbation ‖E‖_∞ ≤ c·|S|·ε·‖I − γP_σ‖_∞ ≤ c·|S|·ε·(1 + γ) (growth factor ≤ 2 for this diagonally dominant
   * matrix); with ‖(I − γP_σ)^{−1}‖_∞ ≤ 1/(1 − γ) the computed W is off by at most c·|S|·ε·(1 + γ)/(1 − γ)·‖W‖_∞.
   * Each Q(s,a) = r̄ + γ P̄·W adds |S|·ε·(|r̄| + γ‖W‖_∞) of its own and the round-off already in r̄, P̄ (a sum over
   * a_{−i} of products, relative error ≲ N·ε per entry, below the first term for the sizes mpgref handles densely).
   * Two Q values of a true tie therefore differ by less than τ_i; the factor 64 covers c, the two Q's of a
   * comparison and the Σ_{a_{−i}} rounding. With |S| = 25, γ = 0.9, M = 100 this is about 7·10^−10. Limitation: the
   * rounding of r̄ is relative to max |r_i|, not to max |r̄_i|; in a game whose rewards cancel in the average
   * (|r̄| ≪ |r|) τ_i can be below it, and a true tie may then be broken differently from the exact world. Actions
   * whose Q are bitwise equal (duplicated actions, identical rows) are always tied.
   *
   * @param agent i
   * @return τ_i ≥ 0
   */
  public double tieTolerance(int agent) {
    double gamma = game.discount();
    double rmax = 0;
    for (int s = 0; s < game.stateCount(); s++) {
      for (double x : rewardBar[s][agent]) {
        rmax = Math.max(rmax, Math.abs(x));
      }
    }
    double scale = rmax / (1 - gamma) + rmax;
    return 64 * game.stateCount() * Math.ulp(1.0) * (1 + gamma) / (1 - gamma) * scale;
  }

  /**
   * Policy iteration for agent i by the kernel ({@link PolicyIteration#doubles}, maximising, tolerance τ_i, at most
   * {@link PolicyIteration#DOUBLE_MAX_STEPS} steps) on agent i's induced double MDP, from the greedy action of Q̄_i^π
   * (lowest index within τ_i of the maximum); on return σ holds the lowest-index actions within τ_i of the maximum
   * of Q of the final evaluation.
   *
   * @param agent i
   * @param sigma [s], overwritten with the best-response actions
   * @return W, the value of the last policy evaluated, [s]
   */
  private double[] policyIteration(int agent, int[] sigma) {
    int states = game.stateCount();
    double tol = tieTolerance(agent);
    double[][] r = new double[states][];
    int[][][] next = new int[states][][];
    double[][][] p = new double[states][][];
    for (int s = 0; s < states; s++) {
      sigma[s] = PolicyIteration.bestIndex(qBar[agent][s], Objective.MAXIMISE, tol);
      r[s] = rewardBar[s][agent];
      next[s] = barIndex[s][agent];
      p[s] = barValue[s][agent];
    }
    DoubleSolution x = PolicyIteration.doubles("double best-response solve (agent " + agent + ")",
        DoubleMdp.sparse(game.discount(), r, next, p), Objective.MAXIMISE, sigma, tol, PolicyIteration.DOUBLE_MAX_STEPS);
    System.arraycopy(x.actions(), 0, sigma, 0, states);
    return x.values();
  }

  /**
   * @param agent i
   * @return gap_i(s) = V_i^*(s) − V_i^π(s) as [s]
   */
  public double[] gaps(int agent) {
    double[] w = bestResponseValue(agent);
    for (int s = 0; s < w.length; s++) {
      w[s] -= value[agent][s];
    }
    return w;
  }

  /**
   * @param agent i
   * @return gap_i(ρ)
   */
  public double gapAtInitial(int agent) {
    double[] g = gaps(agent);
    double[] rho = game.initial();
    double t = 0;
    for (int s = 0; s < g.length; s++) {
      t += rho[s] * g[s];
    }
    return t;
  }

  /**
   * @return max_i gap_i(ρ)
   */
  public double nashGap() {
    double m = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      m = Math.max(m, gapAtInitial(i));
    }
    return m;
  }

  /**
   * @return Φ^π(ρ) for the declared stage potential, or NaN if none
   */
  public double potentialAtInitial() {
    int states = game.stateCount();
    double[][] phi = new double[states][1];
    for (int s = 0; s < states; s++) {
      phi[s][0] = game.expectedPhi(s, policyAt(s));
      if (Double.isNaN(phi[s][0])) {
        return Double.NaN;
      }
    }
    double[][] x = SparseDoubleSolver.solveDiscounted("double potential solve", game.discount(), transition, phi);
    double[] rho = game.initial();
    double t = 0;
    for (int s = 0; s < states; s++) {
      t += rho[s] * x[s][0];
    }
    return t;
  }

  private double[][] policyAt(int state) {
    return policy.atState(state);
  }

  /**
   * @return the policy evaluated
   */
  public DoublePolicy policy() {
    return policy;
  }

  /**
   * @return the double game
   */
  public DoubleMarkovGame game() {
    return game;
  }
}
