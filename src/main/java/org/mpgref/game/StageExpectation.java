package org.mpgref.game;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * What a Markov game answers at one state s under a product policy π(·|s): for every agent i and own action a_i,
 * the expectations over the other agents' actions a_{-i} ~ π_{-i}(·|s),
 *
 * <pre>
 *   r̄_i(s, a_i)     = E_{a_{-i}} r_i(s, a_i, a_{-i})          rewardBar(i, a_i)
 *   P̄_i(s'|s, a_i)  = E_{a_{-i}} P(s' | s, a_i, a_{-i})        transitionBar(i, a_i, s')
 * </pre>
 *
 * These are agent i's induced MDP against π_{-i} at s (Leonardos et al. 2022, §2; Fox et al. 2022, Lemma 2.1).
 * They do not depend on π_i(·|s). Index shapes: rewardBar [i][a_i], transitionBar [i][a_i][s']. Rewards are in
 * the game's reward unit per step. The rows P̄_i(·|s, a_i) are stored sparse (their non-zeros, by increasing s'),
 * so memory is O(non-zeros), never O(|S|) per row; {@link #transitionNonZeros}, {@link #transitionIndex} and
 * {@link #transitionValue} iterate over them. Immutable; the arrays are owned and never exposed.
 */
public final class StageExpectation {
  private final BigFraction[][] rewardBar;
  private final int[][][] index; // [i][a][k] -> s', increasing
  private final BigFraction[][][] value; // [i][a][k], non-zero

  private StageExpectation(BigFraction[][] rewardBar, int[][][] index, BigFraction[][][] value) {
    this.rewardBar = rewardBar;
    this.index = index;
    this.value = value;
  }

  /**
   * Wraps dense arrays that the caller hands over and no longer touches (zeros of the transition rows are dropped).
   *
   * @param rewardBar [i][a_i]
   * @param transitionBar [i][a_i][s']
   */
  public StageExpectation(BigFraction[][] rewardBar, BigFraction[][][] transitionBar) {
    this.rewardBar = rewardBar;
    int n = transitionBar.length;
    this.index = new int[n][][];
    this.value = new BigFraction[n][][];
    for (int i = 0; i < n; i++) {
      index[i] = new int[transitionBar[i].length][];
      value[i] = new BigFraction[transitionBar[i].length][];
      for (int a = 0; a < transitionBar[i].length; a++) {
        BigFraction[] row = transitionBar[i][a];
        int count = 0;
        for (BigFraction x : row) {
          if (x.signum() != 0) {
            count++;
          }
        }
        int[] idx = new int[count];
        BigFraction[] val = new BigFraction[count];
        count = 0;
        for (int t = 0; t < row.length; t++) {
          if (row[t].signum() != 0) {
            idx[count] = t;
            val[count++] = row[t];
          }
        }
        index[i][a] = idx;
        value[i][a] = val;
      }
    }
  }

  /**
   * Wraps sparse rows that the caller hands over and no longer touches.
   *
   * @param rewardBar [i][a_i]
   * @param index the successors s' of each row P̄_i(·|s,a_i), strictly increasing [i][a_i][k]
   * @param value P̄_i(s'|s,a_i) at those successors, non-zero [i][a_i][k]
   * @return the stage expectation
   * @throws IllegalArgumentException if the shapes differ, a row is not increasing or holds a zero
   */
  public static StageExpectation sparse(BigFraction[][] rewardBar, int[][][] index, BigFraction[][][] value) {
    if (index.length != rewardBar.length || value.length != rewardBar.length) {
      throw new IllegalArgumentException("stage expectation: agents differ between rewards and transitions");
    }
    for (int i = 0; i < index.length; i++) {
      if (index[i].length != rewardBar[i].length || value[i].length != rewardBar[i].length) {
        throw new IllegalArgumentException("stage expectation: actions of agent " + i + " differ");
      }
      for (int a = 0; a < index[i].length; a++) {
        if (index[i][a].length != value[i][a].length) {
          throw new IllegalArgumentException("stage expectation: row (" + i + "," + a + ") has mismatched lengths");
        }
        for (int k = 0; k < index[i][a].length; k++) {
          if ((k > 0 && index[i][a][k] <= index[i][a][k - 1]) || value[i][a][k].signum() == 0) {
            throw new IllegalArgumentException("stage expectation: row (" + i + "," + a + ") not sparse-sorted");
          }
        }
      }
    }
    return new StageExpectation(rewardBar, index, value);
  }

  /**
   * r̄_i(s, a_i).
   *
   * @param agent i
   * @param action a_i
   * @return E_{a_{-i}} r_i(s, a_i, a_{-i})
   */
  public BigFraction rewardBar(int agent, int action) {
    return rewardBar[agent][action];
  }

  /**
   * P̄_i(s'|s, a_i), by binary search in the sparse row (O(log non-zeros)).
   *
   * @param agent i
   * @param action a_i
   * @param next s'
   * @return E_{a_{-i}} P(s'|s, a_i, a_{-i})
   */
  public BigFraction transitionBar(int agent, int action, int next) {
    int k = Arrays.binarySearch(index[agent][action], next);
    return k >= 0 ? value[agent][action][k] : BigFraction.ZERO;
  }

  /**
   * @param agent i
   * @param action a_i
   * @return the number of successors s' with P̄_i(s'|s,a_i) ≠ 0
   */
  public int transitionNonZeros(int agent, int action) {
    return index[agent][action].length;
  }

  /**
   * @param agent i
   * @param action a_i
   * @param k 0 ≤ k &lt; {@link #transitionNonZeros}
   * @return the k-th successor s' (increasing in k)
   */
  public int transitionIndex(int agent, int action, int k) {
    return index[agent][action][k];
  }

  /**
   * @param agent i
   * @param action a_i
   * @param k 0 ≤ k &lt; {@link #transitionNonZeros}
   * @return P̄_i(s'|s,a_i) at the k-th successor (non-zero)
   */
  public BigFraction transitionValue(int agent, int action, int k) {
    return value[agent][action][k];
  }

  /**
   * Whether two agents' rows for one action are equal exactly.
   *
   * @param agent i
   * @param other j
   * @param action a (an action of both)
   * @return P̄_i(·|s,a) = P̄_j(·|s,a)
   */
  public boolean sameTransitions(int agent, int other, int action) {
    return Arrays.equals(index[agent][action], index[other][action])
        && Arrays.equals(value[agent][action], value[other][action]);
  }
}
