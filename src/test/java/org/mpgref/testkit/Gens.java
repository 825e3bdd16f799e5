package org.mpgref.testkit;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.performative.AffinePerformativeGame;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of small exact tabular games built only from shrinkable integer parts, so that a failing
 * property shrinks to a small rational game rather than to another seed. Drawn in this order: the sizes (states,
 * agents, |A_i| per agent), then γ = n/d with d ∈ 1..10 and n ∈ 0..d−1, ρ and every P(·|s,a) as integer weights
 * w ∈ 0..4 normalised exactly (an all-zero row becomes the point mass on state 0), and rewards p/q with
 * p ∈ −10..10 and q ∈ 1..6 (for state potential games φ(s,a) and u_i(s,a_{-i}) drawn so, and one P(·|s) per state).
 * Every part shrinks towards its lower end (fewer states, agents and actions, γ = 0,
 * point masses on state 0, reward −10/1).
 */
public final class Gens {
  private Gens() {}

  /** A game with its generated parts, for display of a shrunk counterexample. */
  private static String describe(TabularMarkovGame g) {
    return g.name();
  }

  /**
   * Arbitrary games (each agent's rewards drawn separately).
   *
   * @param maxStates largest |S| (≥ 1)
   * @param maxAgents largest N (≥ 1)
   * @param maxActions largest |A_i| (≥ 1)
   * @return the generator
   */
  public static Gen<TabularMarkovGame> games(int maxStates, int maxAgents, int maxActions) {
    Gen<TabularMarkovGame> g = in -> build(in, maxStates, 1, maxAgents, maxActions, Kind.GENERAL);
    return g.describedAs(Gens::describe);
  }

  /**
   * Identical-interest games r_i = φ for every agent, declared {@link StagePotential.Condition#IDENTICAL_INTEREST}
   * (exact Markov potential games).
   *
   * @param maxStates largest |S|
   * @param maxAgents largest N
   * @param maxActions largest |A_i|
   * @return the generator
   */
  public static Gen<TabularMarkovGame> identicalInterest(int maxStates, int maxAgents, int maxActions) {
    Gen<TabularMarkovGame> g = in -> build(in, maxStates, 1, maxAgents, maxActions, Kind.IDENTICAL);
    return g.describedAs(Gens::describe);
  }

  /**
   * Exact Markov potential games of the two kinds the model declares: identical interest (r_i = φ) and state potential
   * games with action-independent transitions, r_i(s, a) = φ(s, a) + u_i(s, a_{-i}) with P(·|s, a) one distribution
   * per state ({@link StagePotential.Condition#STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS}; Leonardos et al. 2022,
   * arXiv:2106.01969, Prop. 3.2). The dummy terms u_i are drawn like rewards and shrink to −10.
   *
   * @param maxStates largest |S| (≥ 1)
   * @param minAgents smallest N (≥ 1; 2 for properties that need two deviators)
   * @param maxAgents largest N (≥ minAgents)
   * @param maxActions largest |A_i| (≥ 1)
   * @return the generator
   */
  public static Gen<TabularMarkovGame> potentialGames(int maxStates, int minAgents, int maxAgents, int maxActions) {
    Gen<TabularMarkovGame> identical = in -> build(in, maxStates, minAgents, maxAgents, maxActions, Kind.IDENTICAL);
    Gen<TabularMarkovGame> state = in -> build(in, maxStates, minAgents, maxAgents, maxActions, Kind.STATE_POTENTIAL);
    return identical.mix(state).describedAs(Gens::describe);
  }

  /**
   * Policies of a given game, rows of integer weights 0..4 normalised exactly (all zero: pure on action 0).
   *
   * @param game the game (for sizes)
   * @return the generator
   */
  public static Gen<Policy> policies(MarkovGame game) {
    Gen<Policy> g = in -> policy(in, game);
    return g.describedAs(Policy::toString);
  }

  /**
   * The evaluation and Nash-gap properties' input: a game of at most 3 states, 3 agents and 3 actions each (general
   * or identical interest) with a rational policy for it.
   *
   * @return the generator
   */
  public static Gen<GameAndPolicy> smallGamesWithPolicy() {
    return withPolicy(games(3, 3, 3).mix(identicalInterest(3, 3, 3)));
  }

  /**
   * A game together with a policy of it, whose rows are integer weights 0..4 normalised exactly (all zero: pure on
   * action 0), so the policy shrinks too.
   *
   * @param games the game generator
   * @return the generator of (game, policy)
   */
  public static Gen<GameAndPolicy> withPolicy(Gen<TabularMarkovGame> games) {
    Gen<GameAndPolicy> g = in -> {
      TabularMarkovGame game = games.generate(in);
      return new GameAndPolicy(game, policy(in, game));
    };
    return g.describedAs(gp -> gp.game().name() + " pi=" + gp.policy());
  }

  /**
   * A game and a policy of it.
   *
   * @param game the game
   * @param policy the policy
   */
  public record GameAndPolicy(TabularMarkovGame game, Policy policy) {}

  private static int draw(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  private static BigFraction[] weights(RandomnessSource in, int n) {
    int[] w = new int[n];
    int sum = 0;
    for (int k = 0; k < n; k++) {
      w[k] = draw(in, 0, 4);
      sum += w[k];
    }
    BigFraction[] row = new BigFraction[n];
    for (int k = 0; k < n; k++) {
      row[k] = sum == 0 ? (k == 0 ? BigFraction.ONE : BigFraction.ZERO) : BigFraction.of(w[k], sum);
    }
    return row;
  }

  private static Policy policy(RandomnessSource in, MarkovGame game) {
    BigFraction[][][] p = new BigFraction[game.agentCount()][game.stateCount()][];
    for (int i = 0; i < p.length; i++) {
      for (int s = 0; s < p[i].length; s++) {
        p[i][s] = weights(in, game.actionCount(i));
      }
    }
    return Policy.of(p);
  }

  private enum Kind { GENERAL, IDENTICAL, STATE_POTENTIAL }

  private static TabularMarkovGame build(RandomnessSource in, int maxStates, int minAgents, int maxAgents,
      int maxActions, Kind kind) {
    int states = draw(in, 1, maxStates);
    int agents = draw(in, minAgents, maxAgents);
    int[] counts = new int[agents];
    for (int i = 0; i < agents; i++) {
      counts[i] = draw(in, 1, maxActions);
    }
    int joint = RandomGames.jointCount(counts);
    int d = draw(in, 1, 10);
    BigFraction gamma = BigFraction.of(draw(in, 0, d - 1), d);
    BigFraction[] rho = weights(in, states);
    BigFraction[][] phi = new BigFraction[states][joint];
    BigFraction[][][] rewards = new BigFraction[states][joint][agents];
    BigFraction[][][] transitions = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      // u_i(s, a_{-i}) keyed by the joint index with a_i set to 0 (state potential games only)
      BigFraction[][] dummy = new BigFraction[agents][joint];
      BigFraction[] stateRow = kind == Kind.STATE_POTENTIAL ? weights(in, states) : new BigFraction[0];
      for (int j = 0; j < joint; j++) {
        int[] a = RandomGames.decode(counts, j);
        switch (kind) {
          case IDENTICAL -> {
            phi[s][j] = BigFraction.of(draw(in, -10, 10), draw(in, 1, 6));
            Arrays.fill(rewards[s][j], phi[s][j]);
          }
          case STATE_POTENTIAL -> {
            phi[s][j] = BigFraction.of(draw(in, -10, 10), draw(in, 1, 6));
            for (int i = 0; i < agents; i++) {
              int key = RandomGames.othersKey(counts, a, i);
              if (dummy[i][key] == null) {
                dummy[i][key] = BigFraction.of(draw(in, -10, 10), draw(in, 1, 6));
              }
              rewards[s][j][i] = phi[s][j].add(dummy[i][key]);
            }
          }
          case GENERAL -> {
            for (int i = 0; i < agents; i++) {
              rewards[s][j][i] = BigFraction.of(draw(in, -10, 10), draw(in, 1, 6));
            }
          }
        }
        transitions[s][j] = kind == Kind.STATE_POTENTIAL ? stateRow.clone() : weights(in, states);
      }
    }
    String name = switch (kind) {
      case GENERAL -> "gens";
      case IDENTICAL -> "gens-identical";
      case STATE_POTENTIAL -> "gens-state-potential";
    } + "(S=" + states + ", A=" + Arrays.toString(counts)
        + ", gamma=" + gamma + ", rho=" + Arrays.toString(rho) + ", r=" + Arrays.deepToString(rewards) + ", P="
        + Arrays.deepToString(transitions) + ")";
    return switch (kind) {
      case GENERAL -> TabularMarkovGame.of(name, counts, gamma, rho, rewards, transitions);
      case IDENTICAL -> TabularMarkovGame.withPotential(name, counts, gamma, rho, rewards, transitions, phi,
          StagePotential.Condition.IDENTICAL_INTEREST);
      case STATE_POTENTIAL -> TabularMarkovGame.withPotential(name, counts, gamma, rho, rewards, transitions, phi,
          StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
    };
  }

  /**
   * Affine performative games ({@link AffinePerformativeGame}) over a stationary game of {@link #games} or
   * {@link #identicalInterest} (equally often), with up to 4 reward terms and up to 4 transition moves, all from
   * shrinkable integer parts. A reward term draws (s, a, i, j, t, b) and a coefficient p/q (p ∈ −10..10, q ∈ 1..6). A
   * transition move draws (s, a, from, to, j, t, b) and k ∈ 0..4 and moves c = k/4 of the remaining budget of
   * P0(from|s,a) from `from` to `to` with weight π̄_j(b|t): T[..][from] −= c, T[..][to] += c. The budget starts at
   * P0(from|s,a) and each move spends c, so min_π̄ P_π̄(from|s,a) ≥ P0 − Σ c ≥ 0 and every drawn game is valid (k = 4
   * spends the whole budget: the minimum is then exactly 0, the boundary of the rule). Shrinks towards no terms and
   * the stationary game's own shrink.
   *
   * @param maxStates largest |S| (≥ 1)
   * @param maxAgents largest N (≥ 1)
   * @param maxActions largest |A_i| (≥ 1)
   * @return the generator
   */
  public static Gen<AffinePerformativeGame> affinePerformativeGames(int maxStates, int maxAgents, int maxActions) {
    Gen<AffinePerformativeGame> general = in -> affine(in, build(in, maxStates, 1, maxAgents, maxActions,
        Kind.GENERAL));
    Gen<AffinePerformativeGame> identical = in -> affine(in, build(in, maxStates, 1, maxAgents, maxActions,
        Kind.IDENTICAL));
    return general.mix(identical).describedAs(AffinePerformativeGame::toString);
  }

  /**
   * An affine performative game of at most 3 states, 3 agents and 3 actions ({@link #affinePerformativeGames}) with
   * a rational policy of it (rows of weights 0..4, as {@link #policies}).
   *
   * @return the generator of (game, policy)
   */
  public static Gen<PerformativeAndPolicy> smallAffinePerformativeWithPolicy() {
    Gen<AffinePerformativeGame> games = affinePerformativeGames(3, 3, 3);
    Gen<PerformativeAndPolicy> g = in -> {
      AffinePerformativeGame game = games.generate(in);
      return new PerformativeAndPolicy(game, policy(in, game.stationaryGame()));
    };
    return g.describedAs(gp -> gp.game() + " pi=" + gp.policy());
  }

  /**
   * An affine performative game and a policy of it.
   *
   * @param game the game
   * @param policy the policy
   */
  public record PerformativeAndPolicy(AffinePerformativeGame game, Policy policy) {}

  private static AffinePerformativeGame affine(RandomnessSource in, TabularMarkovGame base) {
    int states = base.stateCount();
    int agents = base.agentCount();
    int joint = base.jointActionCount();
    List<AffinePerformativeGame.RewardTerm> rs = new ArrayList<>();
    int rewardCount = draw(in, 0, 4);
    for (int k = 0; k < rewardCount; k++) {
      int s = draw(in, 0, states - 1);
      int a = draw(in, 0, joint - 1);
      int i = draw(in, 0, agents - 1);
      int j = draw(in, 0, agents - 1);
      int t = draw(in, 0, states - 1);
      int b = draw(in, 0, base.actionCount(j) - 1);
      rs.add(new AffinePerformativeGame.RewardTerm(s, a, i, j, t, b,
          BigFraction.of(draw(in, -10, 10), draw(in, 1, 6))));
    }
    List<AffinePerformativeGame.TransitionTerm> ts = new ArrayList<>();
    BigFraction[][][] budget = new BigFraction[states][joint][];
    int moves = draw(in, 0, 4);
    for (int k = 0; k < moves; k++) {
      int s = draw(in, 0, states - 1);
      int a = draw(in, 0, joint - 1);
      int from = draw(in, 0, states - 1);
      int to = draw(in, 0, states - 1);
      int j = draw(in, 0, agents - 1);
      int t = draw(in, 0, states - 1);
      int b = draw(in, 0, base.actionCount(j) - 1);
      int share = draw(in, 0, 4);
      if (budget[s][a] == null) {
        budget[s][a] = new BigFraction[states];
        int[] x = jointAction(base, a);
        for (int q = 0; q < states; q++) {
          budget[s][a][q] = base.transition(s, x, q);
        }
      }
      BigFraction c = budget[s][a][from].multiply(BigFraction.of(share, 4));
      if (from == to || c.signum() == 0) {
        continue;
      }
      budget[s][a][from] = budget[s][a][from].subtract(c);
      ts.add(new AffinePerformativeGame.TransitionTerm(s, a, from, j, t, b, c.negate()));
      ts.add(new AffinePerformativeGame.TransitionTerm(s, a, to, j, t, b, c));
    }
    return AffinePerformativeGame.of("gens-affine", base, rs, ts);
  }

  private static int[] jointAction(TabularMarkovGame game, int index) {
    int[] counts = new int[game.agentCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = game.actionCount(i);
    }
    return RandomGames.decode(counts, index);
  }
}
