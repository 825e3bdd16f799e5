package org.mpgref.dynamics;

import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.ExactGradients;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;

/**
 * The exact gradients of a policy, evaluated on first use ({@link Evaluation#of}) and then kept: a run whose recorder
 * keeps only the policies evaluates an iterate only when the update rule reads it, so the last iterate of a run is
 * never evaluated. Thread-safe.
 */
public final class LazyEvaluation implements ExactGradients {
  private final MarkovGame game;
  private final Policy policy;
  private @Nullable Evaluation evaluation;

  /**
   * @param game the game
   * @param policy π, not yet evaluated
   */
  public LazyEvaluation(MarkovGame game, Policy policy) {
    this.game = game;
    this.policy = policy;
  }

  /**
   * @return the exact evaluation of π, computed now if it was not yet
   * @throws org.mpgref.game.InvalidGameException if the policy does not fit the game
   */
  public synchronized Evaluation evaluation() {
    Evaluation e = evaluation;
    if (e == null) {
      e = Evaluation.of(game, policy);
      evaluation = e;
    }
    return e;
  }

  @Override
  public MarkovGame game() {
    return game;
  }

  @Override
  public Policy policy() {
    return policy;
  }

  @Override
  public BigFraction qBar(int agent, int state, int action) {
    return evaluation().qBar(agent, state, action);
  }

  @Override
  public BigFraction advantage(int agent, int state, int action) {
    return evaluation().advantage(agent, state, action);
  }

  @Override
  public BigFraction value(int agent, int state) {
    return evaluation().value(agent, state);
  }

  @Override
  public BigFraction visitation(int state) {
    return evaluation().visitation(state);
  }
}
