package org.mpgref.evaluation;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StageExpectation;
import org.mpgref.mdp.ExactMdp;
import org.mpgref.mdp.ExactSolution;
import org.mpgref.mdp.Objective;
import org.mpgref.mdp.PolicyIteration;

/**
 * Agent i's exact best response to π_{-i}: an optimal deterministic stationary policy σ of agent i's induced MDP
 * (states S, actions A_i, reward r̄_i(s,a_i), transitions P̄_i(s'|s,a_i), discount γ), found by the policy-iteration
 * kernel ({@link PolicyIteration#exact}, Howard's policy iteration in exact arithmetic; specs/policy-iteration.md),
 * starting from the greedy action of Q̄_i^π (lowest index among ties) and switching an action only on strict
 * improvement (to the lowest-index maximiser), which terminates after finitely many steps (Puterman 1994,
 * Thm 6.4.2). The optimal value V_i^*(s) = max_{π_i'} V_i^{π_i',π_{-i}}(s) holds for every start state simultaneously.
 *
 * <p>Ties: the reported action is, at every state, the <em>lowest-index optimal action</em>,
 * σ(s) = min{a : Q*(s,a) = max_b Q*(s,b)} with Q*(s,a) = r̄_i(s,a) + γ Σ_{s'} P̄_i(s'|s,a) V*(s'), compared exactly.
 * Policy iteration alone does not give this (on a tie it keeps its current action, which may have a higher index),
 * so once it has converged (W = V*) the kernel re-derives the action greedily from Q* of the final evaluation. Any
 * policy greedy with respect to V* is optimal, so the values and the certificate are unchanged.
 *
 * <p>Certificate: {@link #verify()} re-checks Bellman optimality exactly, V*(s) = Q*(s,σ(s)) ≥ Q*(s,a) for all s, a,
 * which implies V* is the optimal value (the optimality equation has a unique solution for γ &lt; 1), and that σ(s)
 * is the lowest-index optimal action.
 */
public final class BestResponse {
  private final MarkovGame game;
  private final StageExpectation[] stage;
  private final int agent;
  private final int[] actions;
  private final BigFraction[] value;
  private final int iterations;

  private BestResponse(MarkovGame game, StageExpectation[] stage, int agent, int[] actions, BigFraction[] value,
      int iterations) {
    this.game = game;
    this.stage = stage;
    this.agent = agent;
    this.actions = actions;
    this.value = value;
    this.iterations = iterations;
  }

  /**
   * The same deterministic policy and values for another agent whose induced MDP is identical (a twin, see
   * {@code Evaluation.twins}); its certificate ({@link #verify}) is checked against that agent's own data.
   *
   * @param other the twin agent
   * @return the best response of {@code other}
   */
  BestResponse forAgent(int other) {
    return new BestResponse(game, stage, other, actions.clone(), value.clone(), iterations);
  }

  /**
   * Computes agent i's best response to the other agents' part of an evaluated policy, by the kernel's exact policy
   * iteration ({@link PolicyIteration#exact}, maximising) on agent i's induced MDP ({@link #inducedMdp}), started from
   * the lowest-index greedy action of Q̄_i^π.
   *
   * @param evaluation the evaluation of π (supplies r̄_i, P̄_i and Q̄_i^π)
   * @param agent i
   * @return the best response and its value
   * @throws org.mpgref.limits.LimitExceededException if a policy evaluation is above the work or memory limits
   */
  public static BestResponse of(Evaluation evaluation, int agent) {
    MarkovGame game = evaluation.game();
    int states = game.stateCount();
    int m = game.actionCount(agent);
    StageExpectation[] stage = new StageExpectation[states];
    int[] sigma = new int[states];
    BigFraction[] q = new BigFraction[m];
    for (int s = 0; s < states; s++) {
      stage[s] = evaluation.stage(s);
      for (int a = 0; a < m; a++) {
        q[a] = evaluation.qBar(agent, s, a);
      }
      sigma[s] = PolicyIteration.bestIndex(q, Objective.MAXIMISE);
    }
    ExactSolution x = PolicyIteration.exact("exact best-response solve (agent " + agent + ")",
        inducedMdp(game, stage, agent), Objective.MAXIMISE, sigma);
    return new BestResponse(game, stage, agent, x.actions(), x.values(), x.iterations());
  }

  /**
   * Agent i's induced MDP against π_{−i}: states S, actions A_i, reward r̄_i(s,a_i), rows P̄_i(·|s,a_i), discount γ,
   * read from the stage expectations (sparse rows as stored).
   *
   * @param game the game (for γ and |A_i|)
   * @param stage the stage expectations of π, [s]
   * @param agent i
   * @return the MDP
   */
  static ExactMdp inducedMdp(MarkovGame game, StageExpectation[] stage, int agent) {
    int states = stage.length;
    int m = game.actionCount(agent);
    BigFraction[][] r = new BigFraction[states][m];
    int[][][] next = new int[states][m][];
    BigFraction[][][] p = new BigFraction[states][m][];
    for (int s = 0; s < states; s++) {
      StageExpectation e = stage[s];
      for (int a = 0; a < m; a++) {
        r[s][a] = e.rewardBar(agent, a);
        int nnz = e.transitionNonZeros(agent, a);
        next[s][a] = new int[nnz];
        p[s][a] = new BigFraction[nnz];
        for (int k = 0; k < nnz; k++) {
          next[s][a][k] = e.transitionIndex(agent, a, k);
          p[s][a][k] = e.transitionValue(agent, a, k);
        }
      }
    }
    return ExactMdp.sparse(game.discount(), r, next, p);
  }

  /**
   * @return i
   */
  public int agent() {
    return agent;
  }

  /**
   * @param state s
   * @return σ(s), the best-response action: the lowest-index action a with Q*(s,a) = V*(s) exactly
   */
  public int action(int state) {
    return actions[state];
  }

  /**
   * @return σ as a fresh array [s] (at each state the lowest-index optimal action, see {@link #action})
   */
  public int[] actions() {
    return actions.clone();
  }

  /**
   * @param state s
   * @return V_i^*(s) = max_{π_i'} V_i^{π_i', π_{-i}}(s)
   */
  public BigFraction value(int state) {
    return value[state];
  }

  /**
   * @return number of policy-evaluation steps policy iteration took
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Re-checks exactly that V* satisfies the Bellman optimality equation with σ attaining the maximum:
   * V*(s) = r̄_i(s,σ(s)) + γ P̄_i(·|s,σ(s))·V* and V*(s) ≥ r̄_i(s,a) + γ P̄_i(·|s,a)·V* for every s and a, and no
   * a &lt; σ(s) attains V*(s) ({@link PolicyIteration#certifies} on this agent's own induced MDP).
   *
   * @return true iff the certificate holds
   */
  public boolean verify() {
    return PolicyIteration.certifies(inducedMdp(game, stage, agent), Objective.MAXIMISE, actions, value);
  }
}
