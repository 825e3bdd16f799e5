package org.mpgref.evaluation;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StageExpectation;
import org.mpgref.linalg.SparseExactSolver;
import org.mpgref.linalg.SparseMatrix;

/**
 * Agent i's exact best response to π_{-i}: an optimal deterministic stationary policy σ of agent i's induced MDP
 * (states S, actions A_i, reward r̄_i(s,a_i), transitions P̄_i(s'|s,a_i), discount γ), found by Howard's policy
 * iteration in exact arithmetic, starting from the greedy action of Q̄_i^π (lowest index among ties) and switching
 * an action only on strict improvement (to the lowest-index maximiser), which terminates after finitely many steps
 * (Puterman 1994, Thm 6.4.2). The optimal value V_i^*(s) = max_{π_i'} V_i^{π_i',π_{-i}}(s) holds for every start
 * state simultaneously.
 *
 * <p>Ties: the reported action is, at every state, the <em>lowest-index optimal action</em>,
 * σ(s) = min{a : Q*(s,a) = max_b Q*(s,b)} with Q*(s,a) = r̄_i(s,a) + γ Σ_{s'} P̄_i(s'|s,a) V*(s'), compared exactly.
 * Policy iteration alone does not give this (on a tie it keeps its current action, which may have a higher index),
 * so once it has converged (W = V*) the action is re-derived greedily from Q* of the final evaluation. Any policy
 * greedy with respect to V* is optimal, so the values and the certificate are unchanged.
 *
 * <p>Certificate: {@link #verify()} re-checks Bellman optimality exactly, V*(s) = Q*(s,σ(s)) ≥ Q*(s,a) for all s, a,
 * which implies V* is the optimal value (the optimality equation has a unique solution for γ &lt; 1).
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
   * Computes agent i's best response to the other agents' part of an evaluated policy.
   *
   * @param evaluation the evaluation of π (supplies r̄_i, P̄_i and Q̄_i^π)
   * @param agent i
   * @return the best response and its value
   */
  public static BestResponse of(Evaluation evaluation, int agent) {
    MarkovGame game = evaluation.game();
    int states = game.stateCount();
    int m = game.actionCount(agent);
    StageExpectation[] stage = new StageExpectation[states];
    int[] sigma = new int[states];
    for (int s = 0; s < states; s++) {
      stage[s] = evaluation.stage(s);
      int best = 0;
      for (int a = 1; a < m; a++) {
        if (Rationals.compare(evaluation.qBar(agent, s, a), evaluation.qBar(agent, s, best)) > 0) {
          best = a;
        }
      }
      sigma[s] = best;
    }
    int iterations = 0;
    while (true) {
      iterations++;
      BigFraction[] w = evaluate(game, stage, agent, sigma);
      boolean improved = false;
      int[] lowestOptimal = new int[states];
      for (int s = 0; s < states; s++) {
        BigFraction[] q = Evaluation.qRow(game, stage[s], agent, w);
        int best = 0; // the lowest-index maximiser of q
        for (int a = 1; a < m; a++) {
          if (Rationals.compare(q[a], q[best]) > 0) {
            best = a;
          }
        }
        lowestOptimal[s] = best;
        // switch only on strict improvement over the current action (a tie must not switch: it could cycle)
        if (best != sigma[s] && Rationals.compare(q[best], q[sigma[s]]) > 0) {
          sigma[s] = best;
          improved = true;
        }
      }
      if (!improved) {
        // converged: w = V*, q = Q*; report the lowest-index optimal action at every state
        return new BestResponse(game, stage, agent, lowestOptimal, w, iterations);
      }
    }
  }

  private static BigFraction[] evaluate(MarkovGame game, StageExpectation[] stage, int agent, int[] sigma) {
    int states = sigma.length;
    SparseMatrix.Builder p = new SparseMatrix.Builder(states);
    BigFraction[][] r = new BigFraction[states][1];
    for (int s = 0; s < states; s++) {
      StageExpectation e = stage[s];
      for (int k = 0; k < e.transitionNonZeros(agent, sigma[s]); k++) {
        p.add(e.transitionIndex(agent, sigma[s], k), e.transitionValue(agent, sigma[s], k));
      }
      p.endRow();
      r[s][0] = e.rewardBar(agent, sigma[s]);
    }
    BigFraction[][] x = SparseExactSolver.solveDiscounted("exact best-response solve (agent " + agent + ")",
        game.discount(), p.build(), r);
    BigFraction[] w = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      w[s] = x[s][0];
    }
    return w;
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
   * V*(s) = r̄_i(s,σ(s)) + γ P̄_i(·|s,σ(s))·V* and V*(s) ≥ r̄_i(s,a) + γ P̄_i(·|s,a)·V* for every s and a.
   *
   * @return true iff the certificate holds
   */
  public boolean verify() {
    for (int s = 0; s < value.length; s++) {
      BigFraction[] q = Evaluation.qRow(game, stage[s], agent, value);
      if (!q[actions[s]].equals(value[s])) {
        return false;
      }
      for (BigFraction x : q) {
        if (Rationals.compare(x, value[s]) > 0) {
          return false;
        }
      }
    }
    return true;
  }
}
