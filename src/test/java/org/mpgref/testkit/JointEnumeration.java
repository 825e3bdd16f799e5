package org.mpgref.testkit;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;

/**
 * Reference quantities computed the slow, obvious way: by enumerating every joint action a and querying the game's
 * per-joint-action {@link MarkovGame#reward} and {@link MarkovGame#transition}, with π(a|s) = Π_j π_j(a_j|s). Shares
 * no code with {@code Evaluation} or {@code MarkovGame#expect}, so it is an independent oracle for them. Exact.
 */
public final class JointEnumeration {
  private JointEnumeration() {}

  /**
   * @param game the game
   * @return |A_i| per agent
   */
  public static int[] actionCounts(MarkovGame game) {
    int[] c = new int[game.agentCount()];
    for (int i = 0; i < c.length; i++) {
      c[i] = game.actionCount(i);
    }
    return c;
  }

  /**
   * Every joint action, agent 0 fastest.
   *
   * @param game the game
   * @return the joint actions
   */
  public static int[][] jointActions(MarkovGame game) {
    int[] c = actionCounts(game);
    int[][] out = new int[RandomGames.jointCount(c)][];
    for (int j = 0; j < out.length; j++) {
      out[j] = RandomGames.decode(c, j);
    }
    return out;
  }

  /**
   * Π_{j ≠ skip} π_j(a_j|s).
   *
   * @param policy π
   * @param state s
   * @param a joint action
   * @param skip agent left out of the product, or −1 for none
   * @return the probability
   */
  public static BigFraction prob(Policy policy, int state, int[] a, int skip) {
    BigFraction w = BigFraction.ONE;
    for (int j = 0; j < a.length; j++) {
      if (j != skip) {
        w = w.multiply(policy.prob(j, state, a[j]));
      }
    }
    return w;
  }

  /**
   * r_{i,π}(s) = Σ_a π(a|s) r_i(s,a).
   *
   * @param game the game
   * @param policy π
   * @param agent i
   * @param state s
   * @return the expected stage reward
   */
  public static BigFraction reward(MarkovGame game, Policy policy, int agent, int state) {
    BigFraction t = BigFraction.ZERO;
    for (int[] a : jointActions(game)) {
      t = t.add(prob(policy, state, a, -1).multiply(game.reward(agent, state, a)));
    }
    return t;
  }

  /**
   * P_π(·|s) = Σ_a π(a|s) P(·|s,a).
   *
   * @param game the game
   * @param policy π
   * @param state s
   * @return the row [s']
   */
  public static BigFraction[] transition(MarkovGame game, Policy policy, int state) {
    BigFraction[] row = new BigFraction[game.stateCount()];
    Arrays.fill(row, BigFraction.ZERO);
    for (int[] a : jointActions(game)) {
      BigFraction w = prob(policy, state, a, -1);
      for (int t = 0; t < row.length; t++) {
        row[t] = row[t].add(w.multiply(game.transition(state, a, t)));
      }
    }
    return row;
  }

  /**
   * Q̄_i(s,a_i) = Σ_{a_{-i}} π_{-i}(a_{-i}|s) [r_i(s,a) + γ Σ_{s'} P(s'|s,a) W(s')] for a given value vector W.
   *
   * @param game the game
   * @param policy π (only π_{-i} is read)
   * @param agent i
   * @param state s
   * @param action a_i
   * @param w W [s']
   * @return the averaged Q-value
   */
  public static BigFraction qBar(MarkovGame game, Policy policy, int agent, int state, int action, BigFraction[] w) {
    BigFraction t = BigFraction.ZERO;
    for (int[] a : jointActions(game)) {
      if (a[agent] != action) {
        continue;
      }
      BigFraction cont = BigFraction.ZERO;
      for (int next = 0; next < w.length; next++) {
        cont = cont.add(game.transition(state, a, next).multiply(w[next]));
      }
      BigFraction q = game.reward(agent, state, a).add(game.discount().multiply(cont));
      t = t.add(prob(policy, state, a, agent).multiply(q));
    }
    return t;
  }

  /**
   * Σ_k x_k.
   *
   * @param xs entries
   * @return the exact sum
   */
  public static BigFraction sum(BigFraction[] xs) {
    BigFraction t = BigFraction.ZERO;
    for (BigFraction x : xs) {
      t = t.add(x);
    }
    return t;
  }
}
