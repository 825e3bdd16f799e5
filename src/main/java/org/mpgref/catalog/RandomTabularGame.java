package org.mpgref.catalog;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;

/**
 * Seeded random dense games with small rational data, for conformance vectors and examples. The same arguments give
 * the same game on every machine (Commons RNG XO_RO_SHI_RO_128_PP). Rewards are p/q with p ∈ [−10, 10], q ∈ [1, 6];
 * transitions, ρ and policies are random distributions with denominators ≤ 12 (some entries zero); γ = k/10, k ∈ [0, 9].
 */
public final class RandomTabularGame {
  private RandomTabularGame() {}

  /**
   * A random game.
   *
   * @param seed the seed
   * @param states |S| ≥ 1
   * @param agents N ≥ 1
   * @param actions |A_i| ≥ 1 for every agent
   * @return the game, named {@code random(seed=.., S=.., N=.., A=..)}
   * @throws InvalidGameException if a size is below 1 or the table is too large
   */
  public static TabularMarkovGame of(long seed, int states, int agents, int actions) {
    if (states < 1 || agents < 1 || actions < 1) {
      throw new InvalidGameException("random game: states, agents and actions must be >= 1");
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] counts = new int[agents];
    java.util.Arrays.fill(counts, actions);
    int joint = JointActions.countDense(counts, states);
    BigFraction gamma = BigFraction.of(rng.nextInt(10), 10);
    BigFraction[] rho = distribution(rng, states);
    BigFraction[][][] r = new BigFraction[states][joint][agents];
    BigFraction[][][] p = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        for (int i = 0; i < agents; i++) {
          r[s][j][i] = BigFraction.of(rng.nextInt(21) - 10, 1 + rng.nextInt(6));
        }
        p[s][j] = distribution(rng, states);
      }
    }
    String name = "random(seed=" + seed + ", S=" + states + ", N=" + agents + ", A=" + actions + ")";
    return TabularMarkovGame.of(name, counts, gamma, rho, r, p);
  }

  /**
   * A random rational policy for a game (denominators ≤ 12, some zero entries, some pure rows).
   *
   * @param game the game
   * @param seed the seed
   * @return the policy
   */
  public static Policy policy(org.mpgref.game.MarkovGame game, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    BigFraction[][][] q = new BigFraction[game.agentCount()][game.stateCount()][];
    for (int i = 0; i < q.length; i++) {
      for (int s = 0; s < q[i].length; s++) {
        q[i][s] = distribution(rng, game.actionCount(i));
      }
    }
    return Policy.of(q);
  }

  private static BigFraction[] distribution(UniformRandomProvider rng, int m) {
    int den = 1 + rng.nextInt(12);
    int[] w = new int[m];
    int left = den;
    for (int k = 0; k < m - 1; k++) {
      w[k] = rng.nextInt(left + 1);
      left -= w[k];
    }
    w[m - 1] = left;
    // shuffle so that the remainder does not always land last
    for (int k = m - 1; k > 0; k--) {
      int o = rng.nextInt(k + 1);
      int t = w[k];
      w[k] = w[o];
      w[o] = t;
    }
    BigFraction[] d = new BigFraction[m];
    for (int k = 0; k < m; k++) {
      d[k] = BigFraction.of(w[k], den);
    }
    return d;
  }
}
