package org.mpgref.theory;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;

/**
 * Seeded tiny Markov potential games for the monotone-potential checks: 2 agents with 2 actions each, 1 or 2 states,
 * every reward in [0, 1] (the assumption of Fox et al. Theorem 3.1), ρ with every entry &gt; 0 (needed by the
 * Q-ascent bound and by a finite mismatch coefficient), γ ∈ {0, 1/4, 1/2, 3/4, 9/10}. Two kinds, chosen by the seed's
 * parity, both declared with a sufficient MPG condition that {@code PotentialCheck} verifies:
 *
 * <ul>
 *   <li>identical interest: r_0 = r_1 = φ(s,a) = k/10, k ∈ 0..10; transitions drawn per joint action;
 *   <li>state potential, action-independent transitions (Leonardos et al. Prop. 3.2, C1): φ(s,a) = k/20 and
 *       r_i(s,a) = φ(s,a) + u_i(s, a_{−i}) with u_i = k/20, k ∈ 0..10, so r_i ∈ [0, 1].
 * </ul>
 *
 * Replay a game from (states, seed) alone.
 */
public final class MonotoneTestGames {
  private MonotoneTestGames() {}

  /**
   * A tiny MPG with rewards in [0, 1].
   *
   * @param states 1 or 2
   * @param seed the seed (even: identical interest; odd: state potential with action-independent transitions)
   * @return the game
   */
  public static TabularMarkovGame unitMpg(int states, long seed) {
    UniformRandomProvider r = RandomGames.rng(seed);
    boolean team = (seed & 1L) == 0;
    int[] counts = {2, 2};
    int joint = 4;
    int k = r.nextInt(5);
    BigFraction gamma = k == 4 ? BigFraction.of(9, 10) : BigFraction.of(k, 4);
    BigFraction[] rho = positiveDistribution(r, states);
    BigFraction[][] phi = new BigFraction[states][joint];
    BigFraction[][][] rewards = new BigFraction[states][joint][2];
    BigFraction[][][] transitions = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      BigFraction[] stateRow = RandomGames.distribution(r, states);
      BigFraction[][] dummy = new BigFraction[2][2]; // u_i(s, a_{-i}) as [i][a_{-i}]
      for (int i = 0; i < 2; i++) {
        for (int b = 0; b < 2; b++) {
          dummy[i][b] = BigFraction.of(r.nextInt(11), 20);
        }
      }
      for (int j = 0; j < joint; j++) {
        int a0 = j % 2;
        int a1 = j / 2;
        if (team) {
          phi[s][j] = BigFraction.of(r.nextInt(11), 10);
          Arrays.fill(rewards[s][j], phi[s][j]);
          transitions[s][j] = RandomGames.distribution(r, states);
        } else {
          phi[s][j] = BigFraction.of(r.nextInt(11), 20);
          rewards[s][j][0] = phi[s][j].add(dummy[0][a1]);
          rewards[s][j][1] = phi[s][j].add(dummy[1][a0]);
          transitions[s][j] = stateRow.clone();
        }
      }
    }
    String name = (team ? "unitTeam" : "unitStatePotential") + "(S=" + states + ",seed=" + seed + ")";
    return TabularMarkovGame.withPotential(name, counts, gamma, rho, rewards, transitions, phi,
        team ? StagePotential.Condition.IDENTICAL_INTEREST
            : StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
  }

  /**
   * A distribution with every entry &gt; 0: denominators 1..8 units added to one unit per outcome.
   *
   * @param r randomness
   * @param n outcomes
   * @return the distribution
   */
  public static BigFraction[] positiveDistribution(UniformRandomProvider r, int n) {
    int[] units = new int[n];
    Arrays.fill(units, 1);
    int extra = r.nextInt(8);
    for (int u = 0; u < extra; u++) {
      units[r.nextInt(n)]++;
    }
    int total = n + extra;
    BigFraction[] p = new BigFraction[n];
    for (int k = 0; k < n; k++) {
      p[k] = BigFraction.of(units[k], total);
    }
    return p;
  }

  /**
   * A random interior policy: every π_i(a|s) = k/D with k ≥ 1, D ≤ 10.
   *
   * @param game the game
   * @param r randomness
   * @return the policy
   */
  public static Policy interiorPolicy(MarkovGame game, UniformRandomProvider r) {
    BigFraction[][][] p = new BigFraction[game.agentCount()][game.stateCount()][];
    for (int i = 0; i < p.length; i++) {
      for (int s = 0; s < p[i].length; s++) {
        int m = game.actionCount(i);
        int[] units = new int[m];
        Arrays.fill(units, 1);
        int extra = r.nextInt(10 - m + 1);
        for (int u = 0; u < extra; u++) {
          units[r.nextInt(m)]++;
        }
        p[i][s] = new BigFraction[m];
        for (int a = 0; a < m; a++) {
          p[i][s][a] = BigFraction.of(units[a], m + extra);
        }
      }
    }
    return Policy.of(p);
  }

  /** The 2×2 coordination game, one state, γ = 0: r_0 = r_1 = φ = [a_0 = a_1]. */
  public static TabularMarkovGame coordination() {
    BigFraction[][][] r = new BigFraction[1][4][];
    BigFraction[][][] p = new BigFraction[1][4][];
    BigFraction[][] phi = new BigFraction[1][4];
    for (int j = 0; j < 4; j++) {
      phi[0][j] = j % 2 == j / 2 ? BigFraction.ONE : BigFraction.ZERO;
      r[0][j] = new BigFraction[] {phi[0][j], phi[0][j]};
      p[0][j] = new BigFraction[] {BigFraction.ONE};
    }
    return TabularMarkovGame.withPotential("coordination", new int[] {2, 2}, BigFraction.ZERO,
        new BigFraction[] {BigFraction.ONE}, r, p, phi, StagePotential.Condition.IDENTICAL_INTEREST);
  }
}
