package org.mpgref.game;

/**
 * The double twin of a {@link MarkovGame}: same model, data rounded to nearest double, answers on primitive arrays.
 * Made by {@link MarkovGame#toDouble()}. Thread-safe and immutable.
 */
public interface DoubleMarkovGame {
  /**
   * @return N
   */
  int agentCount();

  /**
   * @return |S|
   */
  int stateCount();

  /**
   * @param agent i
   * @return |A_i|
   */
  int actionCount(int agent);

  /**
   * @return γ
   */
  double discount();

  /**
   * @return ρ as a fresh array [s]
   */
  double[] initial();

  /**
   * Fills r̄_i(s,a_i) = E_{a_{-i}~π_{-i}(·|s)} r_i(s,a_i,a_{-i}) and P̄_i(s'|s,a_i) likewise, for all i and a_i.
   *
   * @param state s
   * @param policyAtState π_j(a|s) as [j][a]
   * @param rewardBar out: [i][a_i]
   * @param transitionBar out: [i][a_i][s']
   */
  void expect(int state, double[][] policyAtState, double[][] rewardBar, double[][][] transitionBar);

  /**
   * The declared stage potential's expectation E_{a~π(·|s)} φ(s,a), or NaN if the game declares none.
   *
   * @param state s
   * @param policyAtState [j][a]
   * @return the expectation or NaN
   */
  double expectedPhi(int state, double[][] policyAtState);
}
