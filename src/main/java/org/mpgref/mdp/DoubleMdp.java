package org.mpgref.mdp;

/**
 * The double twin of {@link ExactMdp}, on primitive arrays: states s, actions k of each state, reward r(s,k), sparse
 * next-state rows P(·|s,k) (columns strictly increasing, entries finite and ≥ 0; the rows come from double
 * computations, so their sums are not checked against 1), discount γ ∈ [0,1). The action value of W is
 * Q_W(s,k) = r(s,k) + γ · Σ_j P_j W(s'_j), summed in the order of the row.
 *
 * <p>Immutable: the factory copies its arrays.
 */
public final class DoubleMdp {
  private final double gamma;
  private final double[][] reward; // [s][k]
  private final int[][][] next; // [s][k][j]
  private final double[][][] prob; // [s][k][j]

  private DoubleMdp(double gamma, double[][] reward, int[][][] next, double[][][] prob) {
    this.gamma = gamma;
    this.reward = reward;
    this.next = next;
    this.prob = prob;
  }

  /**
   * An MDP from sparse rows (kept as given, zeros included).
   *
   * @param gamma γ in [0,1)
   * @param reward r as [s][k], finite
   * @param next the columns s' of each row, strictly increasing, as [s][k][j]
   * @param probability the entries P(next[s][k][j] | s, k), finite and ≥ 0, as [s][k][j]
   * @return the MDP
   * @throws IllegalArgumentException naming the entry if γ is outside [0,1), there is no state, a state has no action,
   *     the shapes differ, a column is out of order or range, or a number is not finite or a probability negative
   */
  public static DoubleMdp sparse(double gamma, double[][] reward, int[][][] next, double[][][] probability) {
    int states = reward.length;
    if (!(gamma >= 0 && gamma < 1)) {
      throw new IllegalArgumentException("gamma = " + gamma + " is outside [0, 1)");
    }
    if (states == 0) {
      throw new IllegalArgumentException("an MDP needs at least one state");
    }
    if (next.length != states || probability.length != states) {
      throw new IllegalArgumentException(states + " states of rewards but " + next.length + " of next-state rows and "
          + probability.length + " of probabilities");
    }
    double[][] r = new double[states][];
    int[][][] idx = new int[states][][];
    double[][][] val = new double[states][][];
    for (int s = 0; s < states; s++) {
      int actions = reward[s].length;
      if (actions == 0) {
        throw new IllegalArgumentException("state " + s + " has no action");
      }
      if (next[s].length != actions || probability[s].length != actions) {
        throw new IllegalArgumentException("state " + s + " has " + actions + " rewards but " + next[s].length
            + " next-state rows and " + probability[s].length + " probability rows");
      }
      r[s] = reward[s].clone();
      idx[s] = new int[actions][];
      val[s] = new double[actions][];
      for (int k = 0; k < actions; k++) {
        if (!Double.isFinite(r[s][k])) {
          throw new IllegalArgumentException("r(" + s + ", " + k + ") = " + r[s][k] + " is not finite");
        }
        if (next[s][k].length != probability[s][k].length) {
          throw new IllegalArgumentException("row (" + s + ", " + k + ") has " + next[s][k].length + " columns but "
              + probability[s][k].length + " probabilities");
        }
        for (int j = 0; j < next[s][k].length; j++) {
          int t = next[s][k][j];
          if (t < 0 || t >= states || (j > 0 && next[s][k][j - 1] >= t)) {
            throw new IllegalArgumentException("row (" + s + ", " + k + "): column " + t
                + " out of order or outside 0.." + (states - 1));
          }
          double p = probability[s][k][j];
          if (!(p >= 0) || p == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("P(" + t + " | " + s + ", " + k + ") = " + p
                + " is negative or not finite");
          }
        }
        idx[s][k] = next[s][k].clone();
        val[s][k] = probability[s][k].clone();
      }
    }
    return new DoubleMdp(gamma, r, idx, val);
  }

  /**
   * @return S
   */
  public int stateCount() {
    return reward.length;
  }

  /**
   * @param state s
   * @return K_s ≥ 1
   */
  public int actionCount(int state) {
    return reward[state].length;
  }

  /**
   * @return γ
   */
  public double discount() {
    return gamma;
  }

  /**
   * @param state s
   * @param action k
   * @return r(s,k)
   */
  public double reward(int state, int action) {
    return reward[state][action];
  }

  /**
   * @param state s
   * @param action k
   * @return the number of stored entries of P(·|s,k)
   */
  public int rowLength(int state, int action) {
    return next[state][action].length;
  }

  /**
   * @param state s
   * @param action k
   * @param j an index below {@link #rowLength}
   * @return the j-th next state of P(·|s,k)
   */
  public int next(int state, int action, int j) {
    return next[state][action][j];
  }

  /**
   * @param state s
   * @param action k
   * @param j an index below {@link #rowLength}
   * @return the j-th entry of P(·|s,k)
   */
  public double probability(int state, int action, int j) {
    return prob[state][action][j];
  }

  /**
   * Q_W(s,k) = r(s,k) + γ · c with c = Σ_j P_j W(s'_j) accumulated from c = 0 in row order (so results are bit for
   * bit those of the same sum written elsewhere).
   *
   * @param state s
   * @param action k
   * @param w W as [s]
   * @return Q_W(s,k)
   */
  public double q(int state, int action, double[] w) {
    double cont = 0;
    int[] idx = next[state][action];
    double[] val = prob[state][action];
    for (int j = 0; j < idx.length; j++) {
      cont += val[j] * w[idx[j]];
    }
    return reward[state][action] + gamma * cont;
  }

  /**
   * @param state s
   * @param w W as [s]
   * @return Q_W(s,·) as [k]
   */
  public double[] qRow(int state, double[] w) {
    double[] row = new double[reward[state].length];
    for (int k = 0; k < row.length; k++) {
      row[k] = q(state, k, w);
    }
    return row;
  }
}
