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
   * The same expectations with sparse transition rows: fills r̄_i(s,a_i) and, for every i and a_i, the successors
   * {@code index[i][a_i]} (increasing) and the values {@code value[i][a_i]} of P̄_i(·|s,a_i) ≠ 0. Implementations
   * with sparse tables override it to stay O(non-zeros); the default goes through the dense {@link #expect}.
   *
   * @param state s
   * @param policyAtState π_j(a|s) as [j][a]
   * @param rewardBar out: [i][a_i]
   * @param index out: [i][a_i] receives the successor array
   * @param value out: [i][a_i] receives the value array
   */
  default void expectSparse(int state, double[][] policyAtState, double[][] rewardBar, int[][][] index,
      double[][][] value) {
    int n = agentCount();
    int states = stateCount();
    double[][][] dense = new double[n][][];
    for (int i = 0; i < n; i++) {
      dense[i] = new double[actionCount(i)][states];
    }
    expect(state, policyAtState, rewardBar, dense);
    int[] identity = new int[states];
    for (int t = 0; t < states; t++) {
      identity[t] = t;
    }
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < dense[i].length; a++) {
        compress(dense[i][a], identity, index[i], value[i], a);
      }
    }
  }

  /**
   * Stores the non-zeros of {@code row} (whose position q stands for state {@code support[q]}) as
   * {@code index[a]}, {@code value[a]}.
   *
   * @param row values over the support
   * @param support increasing states
   * @param index out: index[a]
   * @param value out: value[a]
   * @param a the row's slot
   */
  static void compress(double[] row, int[] support, int[][] index, double[][] value, int a) {
    int count = 0;
    for (double x : row) {
      if (x != 0) {
        count++;
      }
    }
    int[] idx = new int[count];
    double[] val = new double[count];
    count = 0;
    for (int q = 0; q < row.length; q++) {
      if (row[q] != 0) {
        idx[count] = support[q];
        val[count++] = row[q];
      }
    }
    index[a] = idx;
    value[a] = val;
  }

  /**
   * The declared stage potential's expectation E_{a~π(·|s)} φ(s,a), or NaN if the game declares none.
   *
   * @param state s
   * @param policyAtState [j][a]
   * @return the expectation or NaN
   */
  double expectedPhi(int state, double[][] policyAtState);
}
