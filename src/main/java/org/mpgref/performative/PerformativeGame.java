package org.mpgref.performative;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;

/**
 * A performative Markov game: the map π̄ ↦ G(π̄) = (N, S, {A_i}, P_π̄, {r_{i,π̄}}, γ, ρ) from a deployed product policy
 * to the Markov game it induces (Sahitaj et al., AISTATS 2025, arXiv 2504.20593, §2, "performative Markov potential
 * games"; ../shared/reference/performative.md §1.5 and §1.6). N, S, A_i, γ and ρ do not depend on π̄; rewards and
 * transitions may. Index shapes as in {@link MarkovGame}: agents i, states s, actions a of agent i.
 *
 * <p>Two worlds, as everywhere in mpgref: {@link #induce(Policy)} is exact (a rational π̄ gives the rational G(π̄), or a
 * rational game with proven error bounds where the response is irrational), {@link #induceDouble(DoublePolicy)} runs
 * on primitive arrays. Every ordinary Markov game is the constant map ({@link #stationary(MarkovGame)}).
 * Implementations are immutable and validated at construction: a response that can leave the simplex is refused then,
 * not when it is first met.
 */
public interface PerformativeGame {
  /**
   * @return a short name for reports
   */
  String name();

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
   * @throws IndexOutOfBoundsException if i is not an agent
   */
  int actionCount(int agent);

  /**
   * @return γ in [0, 1), the same in every induced game
   */
  BigFraction discount();

  /**
   * G(π̄) exactly, or a rational game within the stated error bounds of it ({@link InducedGame}).
   *
   * @param deployed π̄, a product policy of this game's shape
   * @return the induced game
   * @throws org.mpgref.game.InvalidGameException if π̄ has the wrong shape
   */
  InducedGame induce(Policy deployed);

  /**
   * G(π̄) in double arithmetic, on primitive arrays.
   *
   * @param deployed π̄, a double product policy of this game's shape
   * @return the induced double game
   * @throws org.mpgref.game.InvalidGameException if π̄ has the wrong shape
   */
  DoubleMarkovGame induceDouble(DoublePolicy deployed);

  /**
   * The game that does not respond to the deployed policy: G(π̄) = game for every π̄.
   *
   * @param game the game
   * @return the constant map, exact with both error bounds 0
   */
  static PerformativeGame stationary(MarkovGame game) {
    return new PerformativeGame() {
      private final InducedGame induced = InducedGame.exact(game);

      @Override
      public String name() {
        return game.name();
      }

      @Override
      public int agentCount() {
        return game.agentCount();
      }

      @Override
      public int stateCount() {
        return game.stateCount();
      }

      @Override
      public int actionCount(int agent) {
        return game.actionCount(agent);
      }

      @Override
      public BigFraction discount() {
        return game.discount();
      }

      @Override
      public InducedGame induce(Policy deployed) {
        return induced;
      }

      @Override
      public DoubleMarkovGame induceDouble(DoublePolicy deployed) {
        return game.toDouble();
      }
    };
  }
}
