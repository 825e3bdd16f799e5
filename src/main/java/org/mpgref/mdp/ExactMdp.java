package org.mpgref.mdp;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * A finite discounted Markov decision process in exact arithmetic: states s ∈ {0..S−1}, at each state the actions
 * k ∈ {0..K_s−1}, a reward r(s,k) and a sparse next-state row P(·|s,k) (the positive entries, columns strictly
 * increasing, summing to exactly 1), and a discount γ ∈ [0,1). The action value of a value vector W is
 * Q_W(s,k) = r(s,k) + γ Σ_{s'} P(s'|s,k) W(s') (Puterman 1994, §6.1). Units: those of r (a discounted sum).
 *
 * <p>Immutable: the factories copy their arrays. The double twin is {@link DoubleMdp}.
 */
public final class ExactMdp {
  private final BigFraction gamma;
  private final BigFraction[][] reward; // [s][k]
  private final int[][][] next; // [s][k][j]
  private final BigFraction[][][] prob; // [s][k][j]

  private ExactMdp(BigFraction gamma, BigFraction[][] reward, int[][][] next, BigFraction[][][] prob) {
    this.gamma = gamma;
    this.reward = reward;
    this.next = next;
    this.prob = prob;
  }

  /**
   * An MDP from sparse rows. Zero probabilities are dropped.
   *
   * @param gamma γ in [0,1)
   * @param reward r as [s][k]
   * @param next the columns s' of each row P(·|s,k), strictly increasing, as [s][k][j]
   * @param probability P(next[s][k][j] | s, k) ≥ 0 as [s][k][j]; each row sums to exactly 1
   * @return the MDP
   * @throws IllegalArgumentException naming the entry if γ is outside [0,1), there is no state, a state has no action,
   *     the shapes differ, a column is out of order or range, a probability is negative or a row does not sum to 1
   */
  public static ExactMdp sparse(BigFraction gamma, BigFraction[][] reward, int[][][] next,
      BigFraction[][][] probability) {
    int states = reward.length;
    checkShape(gamma, states, next.length, probability.length);
    BigFraction[][] r = new BigFraction[states][];
    int[][][] idx = new int[states][][];
    BigFraction[][][] val = new BigFraction[states][][];
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
      val[s] = new BigFraction[actions][];
      for (int k = 0; k < actions; k++) {
        if (next[s][k].length != probability[s][k].length) {
          throw new IllegalArgumentException("row (" + s + ", " + k + ") has " + next[s][k].length + " columns but "
              + probability[s][k].length + " probabilities");
        }
        int positive = 0;
        BigFraction sum = BigFraction.ZERO;
        for (int j = 0; j < next[s][k].length; j++) {
          int t = next[s][k][j];
          if (t < 0 || t >= states || (j > 0 && next[s][k][j - 1] >= t)) {
            throw new IllegalArgumentException("row (" + s + ", " + k + "): column " + t
                + " out of order or outside 0.." + (states - 1));
          }
          BigFraction p = probability[s][k][j];
          if (p.signum() < 0) {
            throw new IllegalArgumentException("P(" + t + " | " + s + ", " + k + ") = " + Rationals.format(p)
                + " is negative");
          }
          if (p.signum() > 0) {
            positive++;
            sum = sum.add(p);
          }
        }
        if (!sum.equals(BigFraction.ONE)) {
          throw new IllegalArgumentException("row (" + s + ", " + k + ") sums to " + Rationals.format(sum)
              + ", not 1");
        }
        idx[s][k] = new int[positive];
        val[s][k] = new BigFraction[positive];
        int m = 0;
        for (int j = 0; j < next[s][k].length; j++) {
          if (probability[s][k][j].signum() > 0) {
            idx[s][k][m] = next[s][k][j];
            val[s][k][m++] = probability[s][k][j];
          }
        }
      }
    }
    return new ExactMdp(gamma, r, idx, val);
  }

  /**
   * An MDP from dense rows.
   *
   * @param gamma γ in [0,1)
   * @param reward r as [s][k]
   * @param rows P(s'|s,k) as [s][k][s'], each of length S
   * @return the MDP (zero entries dropped)
   * @throws IllegalArgumentException as {@link #sparse}, or if a row does not have S entries
   */
  public static ExactMdp dense(BigFraction gamma, BigFraction[][] reward, BigFraction[][][] rows) {
    int states = reward.length;
    checkShape(gamma, states, rows.length, rows.length);
    int[][][] next = new int[states][][];
    for (int s = 0; s < states; s++) {
      next[s] = new int[rows[s].length][];
      for (int k = 0; k < rows[s].length; k++) {
        if (rows[s][k].length != states) {
          throw new IllegalArgumentException("row (" + s + ", " + k + ") has " + rows[s][k].length
              + " entries; expected " + states);
        }
        next[s][k] = new int[states];
        for (int t = 0; t < states; t++) {
          next[s][k][t] = t;
        }
      }
    }
    return sparse(gamma, reward, next, rows);
  }

  private static void checkShape(BigFraction gamma, int states, int nextLength, int probLength) {
    if (gamma.signum() < 0 || Rationals.compare(gamma, BigFraction.ONE) >= 0) {
      throw new IllegalArgumentException("gamma = " + Rationals.format(gamma) + " is outside [0, 1)");
    }
    if (states == 0) {
      throw new IllegalArgumentException("an MDP needs at least one state");
    }
    if (nextLength != states || probLength != states) {
      throw new IllegalArgumentException(states + " states of rewards but " + nextLength + " of next-state rows and "
          + probLength + " of probabilities");
    }
  }

  /**
   * The same states, actions, transitions and γ with other rewards (the rows are shared, not re-validated).
   *
   * @param reward r' as [s][k], of the same shape
   * @return the MDP with r'
   * @throws IllegalArgumentException if the shape differs
   */
  public ExactMdp withRewards(BigFraction[][] reward) {
    if (reward.length != this.reward.length) {
      throw new IllegalArgumentException(reward.length + " states of rewards; the MDP has " + this.reward.length);
    }
    BigFraction[][] r = new BigFraction[reward.length][];
    for (int s = 0; s < reward.length; s++) {
      if (reward[s].length != this.reward[s].length) {
        throw new IllegalArgumentException("state " + s + " has " + reward[s].length + " rewards; the MDP has "
            + this.reward[s].length + " actions");
      }
      r[s] = reward[s].clone();
    }
    return new ExactMdp(gamma, r, next, prob);
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
  public BigFraction discount() {
    return gamma;
  }

  /**
   * @param state s
   * @param action k
   * @return r(s,k)
   */
  public BigFraction reward(int state, int action) {
    return reward[state][action];
  }

  /**
   * @param state s
   * @param action k
   * @return the number of positive entries of P(·|s,k)
   */
  public int rowLength(int state, int action) {
    return next[state][action].length;
  }

  /**
   * @param state s
   * @param action k
   * @param j an index below {@link #rowLength}
   * @return the j-th next state s' of P(·|s,k) (increasing in j)
   */
  public int next(int state, int action, int j) {
    return next[state][action][j];
  }

  /**
   * @param state s
   * @param action k
   * @param j an index below {@link #rowLength}
   * @return P(s'|s,k) &gt; 0 for s' = {@link #next}(s, k, j)
   */
  public BigFraction probability(int state, int action, int j) {
    return prob[state][action][j];
  }

  /**
   * Q_W(s,k) = r(s,k) + γ Σ_{s'} P(s'|s,k) W(s').
   *
   * @param state s
   * @param action k
   * @param w W as [s]
   * @return Q_W(s,k), exact
   */
  public BigFraction q(int state, int action, BigFraction[] w) {
    BigFraction cont = BigFraction.ZERO;
    int[] idx = next[state][action];
    BigFraction[] val = prob[state][action];
    for (int j = 0; j < idx.length; j++) {
      cont = cont.add(val[j].multiply(w[idx[j]]));
    }
    return reward[state][action].add(gamma.multiply(cont));
  }

  /**
   * @param state s
   * @param w W as [s]
   * @return Q_W(s,·) as [k]
   */
  public BigFraction[] qRow(int state, BigFraction[] w) {
    BigFraction[] row = new BigFraction[reward[state].length];
    for (int k = 0; k < row.length; k++) {
      row[k] = q(state, k, w);
    }
    return row;
  }
}
