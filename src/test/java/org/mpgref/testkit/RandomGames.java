package org.mpgref.testkit;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * Deterministic generators of small random exact games and policies for the property tests. Everything is drawn
 * from an explicit {@code long} seed through {@link RandomSource#XO_RO_SHI_RO_128_PP}, so a failing case is replayed
 * from (sizes, seed) alone. The size parameters (states, agents, largest action count) are arguments, so that
 * QuickTheories draws and shrinks them while the seed fills in the data.
 *
 * <p>Data drawn: γ = k/10 with k ∈ 0..9 (γ = 0 boosted to about one game in six); ρ and every P(·|s,a) random
 * rational distributions with denominators ≤ 12, often with zero entries and sometimes pure (in about one game in
 * four every P(·|s,a) is pure, so that pure policies give 0/1 transition matrices); rewards p/q with p ∈ −10..10 and
 * q ∈ 1..6; each agent has between 2 and the given largest number of actions.
 *
 * <p>Joint actions are indexed here by our own mixed-radix code (agent 0 fastest, the order documented for
 * {@link TabularMarkovGame}); {@link org.mpgref.testkit.RandomGamesTest} checks it against the game's queries.
 */
public final class RandomGames {
  /** Largest denominator of a generated probability. */
  public static final int MAX_PROBABILITY_DENOMINATOR = 12;

  private RandomGames() {}

  /**
   * The generator every helper uses.
   *
   * @param seed the seed
   * @return a fresh XO_RO_SHI_RO_128_PP generator
   */
  public static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  /**
   * A small reward p/q with p ∈ −10..10, q ∈ 1..6.
   *
   * @param r randomness
   * @return the rational
   */
  public static BigFraction reward(UniformRandomProvider r) {
    return BigFraction.of(r.nextInt(-10, 11), r.nextInt(1, 7));
  }

  /**
   * γ = k/10, k ∈ 0..9, with γ = 0 drawn about one time in six.
   *
   * @param r randomness
   * @return γ ∈ [0, 1)
   */
  public static BigFraction discount(UniformRandomProvider r) {
    if (r.nextInt(6) == 0) {
      return BigFraction.ZERO;
    }
    return BigFraction.of(r.nextInt(10), 10);
  }

  /**
   * A random rational distribution over {@code n} outcomes: a denominator D ∈ 1..12 and D units thrown uniformly at
   * the outcomes (so small D gives zero entries), or, one time in four, a pure (point-mass) distribution.
   *
   * @param r randomness
   * @param n number of outcomes, at least 1
   * @return entries ≥ 0 summing to exactly 1
   */
  public static BigFraction[] distribution(UniformRandomProvider r, int n) {
    BigFraction[] p = new BigFraction[n];
    Arrays.fill(p, BigFraction.ZERO);
    if (r.nextInt(4) == 0) {
      p[r.nextInt(n)] = BigFraction.ONE;
      return p;
    }
    int den = r.nextInt(1, MAX_PROBABILITY_DENOMINATOR + 1);
    int[] units = new int[n];
    for (int u = 0; u < den; u++) {
      units[r.nextInt(n)]++;
    }
    for (int k = 0; k < n; k++) {
      p[k] = BigFraction.of(units[k], den);
    }
    return p;
  }

  /**
   * A point mass on a uniformly drawn outcome.
   *
   * @param r randomness
   * @param n number of outcomes
   * @return the unit vector
   */
  public static BigFraction[] pointMass(UniformRandomProvider r, int n) {
    BigFraction[] p = new BigFraction[n];
    Arrays.fill(p, BigFraction.ZERO);
    p[r.nextInt(n)] = BigFraction.ONE;
    return p;
  }

  private static BigFraction[] transitionRow(UniformRandomProvider r, int states, boolean deterministic) {
    return deterministic ? pointMass(r, states) : distribution(r, states);
  }

  /**
   * Action counts, each in 2..maxActions.
   *
   * @param r randomness
   * @param agents N
   * @param maxActions largest |A_i| (at least 2)
   * @return |A_i| per agent
   */
  public static int[] actionCounts(UniformRandomProvider r, int agents, int maxActions) {
    int[] counts = new int[agents];
    for (int i = 0; i < agents; i++) {
      counts[i] = r.nextInt(2, maxActions + 1);
    }
    return counts;
  }

  /**
   * Π_i |A_i|.
   *
   * @param counts |A_i|
   * @return the number of joint actions
   */
  public static int jointCount(int[] counts) {
    int j = 1;
    for (int c : counts) {
      j *= c;
    }
    return j;
  }

  /**
   * Decodes a joint-action index, agent 0 fastest (independent of {@code JointActions}).
   *
   * @param counts |A_i|
   * @param index the index
   * @return a = (a_0..a_{N-1})
   */
  public static int[] decode(int[] counts, int index) {
    int[] a = new int[counts.length];
    int rest = index;
    for (int i = 0; i < counts.length; i++) {
      a[i] = rest % counts[i];
      rest /= counts[i];
    }
    return a;
  }

  /**
   * Index of a joint action with agent {@code agent}'s action replaced by 0: the key of a_{-i}.
   *
   * @param counts |A_i|
   * @param a the joint action
   * @param agent i
   * @return an index identifying a_{-i}
   */
  static int othersKey(int[] counts, int[] a, int agent) {
    int idx = 0;
    for (int i = counts.length - 1; i >= 0; i--) {
      idx = idx * counts[i] + (i == agent ? 0 : a[i]);
    }
    return idx;
  }

  /**
   * A general random game (no declared potential).
   *
   * @param states |S| ≥ 1
   * @param agents N ≥ 1
   * @param maxActions largest |A_i| ≥ 2
   * @param seed the seed
   * @return the game, named {@code random(S,N,A,seed)}
   */
  public static TabularMarkovGame game(int states, int agents, int maxActions, long seed) {
    UniformRandomProvider r = rng(seed);
    int[] counts = actionCounts(r, agents, maxActions);
    int joint = jointCount(counts);
    BigFraction gamma = discount(r);
    BigFraction[] rho = distribution(r, states);
    boolean deterministic = r.nextInt(4) == 0;
    BigFraction[][][] rewards = new BigFraction[states][joint][agents];
    BigFraction[][][] transitions = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        for (int i = 0; i < agents; i++) {
          rewards[s][j][i] = reward(r);
        }
        transitions[s][j] = transitionRow(r, states, deterministic);
      }
    }
    return TabularMarkovGame.of(name("random", states, agents, maxActions, seed), counts, gamma, rho, rewards,
        transitions);
  }

  /**
   * An identical-interest (Markov team) game: r_i(s,a) = φ(s,a) for every agent, arbitrary action-dependent
   * transitions, declared with {@link StagePotential.Condition#IDENTICAL_INTEREST}. Φ^π = V_i^π is then an exact
   * Markov potential.
   *
   * @param states |S|
   * @param agents N
   * @param maxActions largest |A_i|
   * @param seed the seed
   * @return the game
   */
  public static TabularMarkovGame identicalInterest(int states, int agents, int maxActions, long seed) {
    UniformRandomProvider r = rng(seed);
    int[] counts = actionCounts(r, agents, maxActions);
    int joint = jointCount(counts);
    BigFraction gamma = discount(r);
    BigFraction[] rho = distribution(r, states);
    boolean deterministic = r.nextInt(4) == 0;
    BigFraction[][] phi = new BigFraction[states][joint];
    BigFraction[][][] rewards = new BigFraction[states][joint][agents];
    BigFraction[][][] transitions = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        phi[s][j] = reward(r);
        Arrays.fill(rewards[s][j], phi[s][j]);
        transitions[s][j] = transitionRow(r, states, deterministic);
      }
    }
    return TabularMarkovGame.withPotential(name("identical", states, agents, maxActions, seed), counts, gamma, rho,
        rewards, transitions, phi, StagePotential.Condition.IDENTICAL_INTEREST);
  }

  /**
   * A game whose every state game is a potential game: r_i(s,a) = φ(s,a) + u_i(s,a_{-i}) with random dummy terms u_i
   * that ignore a_i. With {@code actionIndependentTransitions} P(·|s,a) is one random distribution per state for all
   * a and the game declares {@link StagePotential.Condition#STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS} (an exact
   * MPG, Leonardos et al. 2022, Prop. 3.2); otherwise P(·|s,a) is drawn per joint action and the game declares only
   * {@link StagePotential.Condition#STATE_POTENTIAL_ONLY} (in general not an MPG).
   *
   * @param states |S|
   * @param agents N
   * @param maxActions largest |A_i|
   * @param seed the seed
   * @param actionIndependentTransitions whether P ignores the joint action
   * @return the game
   */
  public static TabularMarkovGame statePotential(int states, int agents, int maxActions, long seed,
      boolean actionIndependentTransitions) {
    UniformRandomProvider r = rng(seed);
    int[] counts = actionCounts(r, agents, maxActions);
    int joint = jointCount(counts);
    BigFraction gamma = discount(r);
    BigFraction[] rho = distribution(r, states);
    boolean deterministic = r.nextInt(4) == 0;
    BigFraction[][] phi = new BigFraction[states][joint];
    BigFraction[][][] dummy = new BigFraction[states][agents][joint]; // u_i(s, key(a_{-i}))
    BigFraction[][][] rewards = new BigFraction[states][joint][agents];
    BigFraction[][][] transitions = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      for (int i = 0; i < agents; i++) {
        for (int k = 0; k < joint; k++) {
          dummy[s][i][k] = reward(r);
        }
      }
      BigFraction[] stateRow = transitionRow(r, states, deterministic);
      for (int j = 0; j < joint; j++) {
        phi[s][j] = reward(r);
        int[] a = decode(counts, j);
        for (int i = 0; i < agents; i++) {
          rewards[s][j][i] = phi[s][j].add(dummy[s][i][othersKey(counts, a, i)]);
        }
        transitions[s][j] = actionIndependentTransitions ? stateRow.clone() : transitionRow(r, states, deterministic);
      }
    }
    return TabularMarkovGame.withPotential(
        name(actionIndependentTransitions ? "statePotential" : "statePotentialActionDependent", states, agents,
            maxActions, seed),
        counts, gamma, rho, rewards, transitions, phi,
        actionIndependentTransitions
            ? StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS
            : StagePotential.Condition.STATE_POTENTIAL_ONLY);
  }

  /**
   * An exact Markov potential game built with a declared potential: identical interest or a state potential game
   * with action-independent transitions, chosen by the seed.
   *
   * @param states |S|
   * @param agents N
   * @param maxActions largest |A_i|
   * @param seed the seed
   * @return the game
   */
  public static TabularMarkovGame potentialGame(int states, int agents, int maxActions, long seed) {
    return (seed & 1L) == 0
        ? identicalInterest(states, agents, maxActions, seed)
        : statePotential(states, agents, maxActions, seed, true);
  }

  /**
   * Any of the three kinds: a general random game, an identical-interest game, or a state
   * potential game with action-independent transitions, chosen by the seed (a general game half of the time).
   *
   * @param states |S|
   * @param agents N
   * @param maxActions largest |A_i|
   * @param seed the seed
   * @return the game
   */
  public static TabularMarkovGame anyGame(int states, int agents, int maxActions, long seed) {
    switch ((int) Math.floorMod(seed, 4L)) {
      case 0:
        return identicalInterest(states, agents, maxActions, seed);
      case 1:
        return statePotential(states, agents, maxActions, seed, true);
      default:
        return game(states, agents, maxActions, seed);
    }
  }

  /**
   * A random rational product policy for a game: each π_i(·|s) drawn by {@link #distribution} (denominators ≤ 12,
   * zero entries, pure rows).
   *
   * @param game the game (for sizes)
   * @param r randomness
   * @return the policy, built through {@link Policy#of}
   */
  public static Policy policy(MarkovGame game, UniformRandomProvider r) {
    BigFraction[][][] p = new BigFraction[game.agentCount()][game.stateCount()][];
    for (int i = 0; i < p.length; i++) {
      for (int s = 0; s < p[i].length; s++) {
        p[i][s] = distribution(r, game.actionCount(i));
      }
    }
    return Policy.of(p);
  }

  /**
   * A random policy that is pure one time in three (exercising deterministic P_π), else {@link #policy}.
   *
   * @param game the game
   * @param r randomness
   * @return the policy
   */
  public static Policy mixedOrPurePolicy(MarkovGame game, UniformRandomProvider r) {
    return r.nextInt(3) == 0 ? Policy.pure(game, pureActions(game, r)) : policy(game, r);
  }

  /**
   * Random deterministic actions [i][s] for {@link Policy#pure}.
   *
   * @param game the game
   * @param r randomness
   * @return actions[i][s] ∈ 0..|A_i|-1
   */
  public static int[][] pureActions(MarkovGame game, UniformRandomProvider r) {
    int[][] acts = new int[game.agentCount()][game.stateCount()];
    for (int i = 0; i < acts.length; i++) {
      for (int s = 0; s < acts[i].length; s++) {
        acts[i][s] = r.nextInt(game.actionCount(i));
      }
    }
    return acts;
  }

  private static String name(String kind, int states, int agents, int maxActions, long seed) {
    return kind + "(S=" + states + ",N=" + agents + ",A<=" + maxActions + ",seed=" + seed + ")";
  }
}
