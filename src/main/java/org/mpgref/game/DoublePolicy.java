package org.mpgref.game;

/**
 * A product stochastic policy on primitive doubles, stored state-major as [s][i][a]. Immutable: constructors copy.
 * Rows are checked to be non-negative and finite and to sum to 1 within 1e-9 (double rounding).
 */
public final class DoublePolicy {
  private final double[][][] p;

  private DoublePolicy(double[][][] p) {
    this.p = p;
  }

  static DoublePolicy wrapStateMajor(double[][][] p) {
    return new DoublePolicy(p);
  }

  /**
   * The uniform policy π_i(a|s) = 1/|A_i| (each entry the double nearest 1/|A_i|).
   *
   * @param game the game (its states and action counts)
   * @return the uniform policy
   */
  public static DoublePolicy uniform(DoubleMarkovGame game) {
    double[][][] pi = new double[game.stateCount()][game.agentCount()][];
    for (int s = 0; s < pi.length; s++) {
      for (int i = 0; i < pi[s].length; i++) {
        int m = game.actionCount(i);
        pi[s][i] = new double[m];
        java.util.Arrays.fill(pi[s][i], 1.0 / m);
      }
    }
    return ofStateMajor(pi);
  }

  /**
   * From state-major probabilities [s][i][a] (copied and checked).
   *
   * @param stateMajor [s][i][a]
   * @return the policy
   * @throws InvalidGameException if an entry is negative or not finite, or a row sum differs from 1 by more than 1e-9
   */
  public static DoublePolicy ofStateMajor(double[][][] stateMajor) {
    double[][][] q = new double[stateMajor.length][][];
    for (int s = 0; s < q.length; s++) {
      q[s] = new double[stateMajor[s].length][];
      for (int i = 0; i < q[s].length; i++) {
        q[s][i] = stateMajor[s][i].clone();
        double sum = 0;
        for (int a = 0; a < q[s][i].length; a++) {
          double x = q[s][i][a];
          if (!(x >= 0) || !Double.isFinite(x)) {
            throw new InvalidGameException("pi_" + i + "(" + a + "|s=" + s + ") = " + x + " is not a finite probability >= 0");
          }
          sum += x;
        }
        if (Math.abs(sum - 1) > 1e-9) {
          throw new InvalidGameException("pi_" + i + "(.|s=" + s + ") sums to " + sum + "; it must sum to 1");
        }
      }
    }
    return new DoublePolicy(q);
  }

  /**
   * @return N
   */
  public int agentCount() {
    return p[0].length;
  }

  /**
   * @return |S|
   */
  public int stateCount() {
    return p.length;
  }

  /**
   * @param agent i
   * @return |A_i|
   */
  public int actionCount(int agent) {
    return p[0][agent].length;
  }

  /**
   * @param agent i
   * @param state s
   * @param action a
   * @return π_i(a|s)
   */
  public double prob(int agent, int state, int action) {
    return p[state][agent][action];
  }

  /**
   * A copy of π(·|s) as [i][a].
   *
   * @param state s
   * @return the copy
   */
  public double[][] atState(int state) {
    double[][] c = new double[p[state].length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = p[state][i].clone();
    }
    return c;
  }

  /**
   * L1 distance Σ_i Σ_s Σ_a |π_i(a|s) − σ_i(a|s)|.
   *
   * @param other σ of the same shape
   * @return the distance
   */
  public double l1Distance(DoublePolicy other) {
    double t = 0;
    for (int s = 0; s < p.length; s++) {
      for (int i = 0; i < p[s].length; i++) {
        for (int a = 0; a < p[s][i].length; a++) {
          t += Math.abs(p[s][i][a] - other.p[s][i][a]);
        }
      }
    }
    return t;
  }
}
