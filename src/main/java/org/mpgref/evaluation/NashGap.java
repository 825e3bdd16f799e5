package org.mpgref.evaluation;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;

/**
 * Exact Nash gaps of a product policy π (Leonardos et al. 2022, Definition 2.1; Ding et al. 2022, Nash regret):
 *
 * <pre>
 *   gap_i(s) = max_{π_i'} V_i^{π_i',π_{-i}}(s) − V_i^π(s) = V_i^*(s) − V_i^π(s) ≥ 0      per agent and state
 *   gap_i(ρ) = Σ_s ρ(s) gap_i(s)                                                            per agent at ρ
 *   Nash gap  = max_i gap_i(ρ)        NashConv = Σ_i gap_i(ρ)
 * </pre>
 *
 * π is a Nash policy at ρ iff the Nash gap is 0, and a Nash policy in every state (Fox et al. 2022, Definition 1)
 * iff every gap_i(s) is 0. Index shapes: [i][s]. Exact; every best response carries a certificate.
 */
public final class NashGap {
  private final Evaluation evaluation;
  private final BestResponse[] bestResponses;

  private NashGap(Evaluation evaluation, BestResponse[] bestResponses) {
    this.evaluation = evaluation;
    this.bestResponses = bestResponses;
  }

  /**
   * Computes every agent's best response and gap.
   *
   * @param evaluation the evaluation of π
   * @return the gaps
   */
  public static NashGap of(Evaluation evaluation) {
    int n = evaluation.game().agentCount();
    BestResponse[] br = new BestResponse[n];
    // twins (Evaluation.twins: same rows and induced MDP) have the same best response; each keeps its own certificate
    int[] twin = evaluation.twins();
    for (int i = 0; i < n; i++) {
      br[i] = twin[i] == i ? BestResponse.of(evaluation, i) : br[twin[i]].forAgent(i);
    }
    return new NashGap(evaluation, br);
  }

  /**
   * Evaluates π and computes its gaps.
   *
   * @param game the game
   * @param policy π
   * @return the gaps
   */
  public static NashGap of(MarkovGame game, Policy policy) {
    return of(Evaluation.of(game, policy));
  }

  /**
   * @return the evaluation of π
   */
  public Evaluation evaluation() {
    return evaluation;
  }

  /**
   * @param agent i
   * @return agent i's best response
   */
  public BestResponse bestResponse(int agent) {
    return bestResponses[agent];
  }

  /**
   * @param agent i
   * @param state s
   * @return gap_i(s) = V_i^*(s) − V_i^π(s)
   */
  public BigFraction gap(int agent, int state) {
    return bestResponses[agent].value(state).subtract(evaluation.value(agent, state));
  }

  /**
   * @param agent i
   * @return gap_i(ρ)
   */
  public BigFraction gapAtInitial(int agent) {
    MarkovGame g = evaluation.game();
    BigFraction t = BigFraction.ZERO;
    for (int s = 0; s < g.stateCount(); s++) {
      t = t.add(g.initial(s).multiply(gap(agent, s)));
    }
    return t;
  }

  /**
   * @return max_i gap_i(ρ)
   */
  public BigFraction nashGap() {
    BigFraction m = BigFraction.ZERO;
    for (int i = 0; i < bestResponses.length; i++) {
      BigFraction g = gapAtInitial(i);
      if (Rationals.compare(g, m) > 0) {
        m = g;
      }
    }
    return m;
  }

  /**
   * @return NashConv = Σ_i gap_i(ρ)
   */
  public BigFraction nashConv() {
    BigFraction t = BigFraction.ZERO;
    for (int i = 0; i < bestResponses.length; i++) {
      t = t.add(gapAtInitial(i));
    }
    return t;
  }

  /**
   * @return max_{i,s} gap_i(s), zero iff π is a Nash policy from every start state
   */
  public BigFraction maxStateGap() {
    BigFraction m = BigFraction.ZERO;
    for (int i = 0; i < bestResponses.length; i++) {
      for (int s = 0; s < evaluation.game().stateCount(); s++) {
        BigFraction g = gap(i, s);
        if (Rationals.compare(g, m) > 0) {
          m = g;
        }
      }
    }
    return m;
  }

  /**
   * Re-checks every best response's Bellman-optimality certificate exactly.
   *
   * @return true iff all hold
   */
  public boolean verify() {
    for (BestResponse b : bestResponses) {
      if (!b.verify()) {
        return false;
      }
    }
    return true;
  }
}
