package org.mpgref.game;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A finite discounted Markov game G = (N, S, {A_i}, P, {r_i}, γ, ρ) with exact rational data (Fox et al. 2022,
 * §2; Leonardos et al. 2022, §2). Agents are 0..N-1, states 0..|S|-1, agent i's actions 0..|A_i|-1.
 *
 * <p>A game is asked, never enumerated: evaluation needs only {@link #expect(int, Policy)}, the expectations of
 * rewards and transitions over the other agents under a product policy, so a structured game (e.g. an anonymous
 * congestion game with hundreds of agents) never materialises its |A|^N joint-action table. Single joint actions
 * can be queried for checks and samplers. Implementations are immutable and validated at construction.
 *
 * <p>This is the exact world; {@link #toDouble()} gives its twin on primitive arrays.
 */
public interface MarkovGame {
  /**
   * @return N, the number of agents (at least 1)
   */
  int agentCount();

  /**
   * @return |S|, the number of states (at least 1)
   */
  int stateCount();

  /**
   * @param agent i
   * @return |A_i| (at least 1)
   */
  int actionCount(int agent);

  /**
   * @return γ in [0, 1)
   */
  BigFraction discount();

  /**
   * @param state s
   * @return ρ(s), the initial-state probability
   */
  BigFraction initial(int state);

  /**
   * The expectations at state s of every agent's reward and of the transition, conditioned on the agent's own action,
   * under the product policy π(·|s). Only π_j(·|s) for the given s is read.
   *
   * @param state s
   * @param policy a product policy of this game
   * @return r̄_i(s,a_i) and P̄_i(·|s,a_i) for all i, a_i
   */
  StageExpectation expect(int state, Policy policy);

  /**
   * An estimate, in work units ({@link org.mpgref.limits.Limits#maxWork()}), of {@link #expect} at every state under
   * π, computed cheaply before the work so that evaluations can refuse it. The default assumes a table of
   * Π|A_i| joint actions per state; structured games override it.
   *
   * @param policy π
   * @return the estimated work of the stage expectations of all states
   */
  default double expectationWork(Policy policy) {
    double joint = 1;
    for (int i = 0; i < agentCount(); i++) {
      joint *= actionCount(i);
    }
    return 100.0 * stateCount() * joint * agentCount() * (1 + stateCount());
  }

  /**
   * r_i(s, a) for one joint action.
   *
   * @param agent i
   * @param state s
   * @param jointAction a = (a_0..a_{N-1})
   * @return the reward
   */
  BigFraction reward(int agent, int state, int[] jointAction);

  /**
   * P(s'|s, a) for one joint action.
   *
   * @param state s
   * @param jointAction a
   * @param next s'
   * @return the probability
   */
  BigFraction transition(int state, int[] jointAction, int next);

  /**
   * The stage potential φ(s, a) the game declares, with the sufficient condition it claims; empty if none.
   *
   * @return the declared potential
   */
  Optional<StagePotential> potential();

  /**
   * @return a short name with parameters, e.g. {@code distancing(N=8, ...)}
   */
  String name();

  /**
   * The same game on primitive doubles: every rational rounded to the nearest double.
   *
   * @return the double twin
   */
  DoubleMarkovGame toDouble();

  /**
   * Label of an agent (for reports and files).
   *
   * @param agent i
   * @return a label, by default the index
   */
  default String agentLabel(int agent) {
    return Integer.toString(agent);
  }

  /**
   * Labels of an agent's actions (for reports).
   *
   * @param agent i
   * @param action a_i
   * @return a label, by default the index
   */
  default String actionLabel(int agent, int action) {
    return Integer.toString(action);
  }

  /**
   * Label of a state (for reports).
   *
   * @param state s
   * @return a label, by default the index
   */
  default String stateLabel(int state) {
    return Integer.toString(state);
  }
}
