package org.mpgref.game;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * An exact product stochastic policy π = (π_0..π_{N-1}), π_i(·|s) ∈ Δ(A_i) (Fox et al. 2022, §2). Immutable and
 * validated: every entry non-negative and every π_i(·|s) summing to exactly 1. Stored state-major as [s][i][a].
 */
public final class Policy {
  private final BigFraction[][][] p; // [s][i][a]

  private Policy(BigFraction[][][] p) {
    this.p = p;
  }

  /**
   * A policy from agent-major probabilities π_i(a|s) given as [i][s][a], validated exactly.
   *
   * @param probabilities [i][s][a]
   * @return the policy
   * @throws InvalidGameException if a row is empty, an entry is negative or a row does not sum to exactly 1, or the
   *     shape is ragged across agents
   */
  public static Policy of(BigFraction[][][] probabilities) {
    int n = probabilities.length;
    if (n == 0) {
      throw new InvalidGameException("policy has no agents");
    }
    int states = probabilities[0].length;
    if (states == 0) {
      throw new InvalidGameException("policy of agent 0 has no states; a policy needs at least one state");
    }
    BigFraction[][][] q = new BigFraction[states][n][];
    for (int i = 0; i < n; i++) {
      if (probabilities[i].length != states) {
        throw new InvalidGameException(
            "policy of agent " + i + " has " + probabilities[i].length + " states; agent 0 has " + states);
      }
      for (int s = 0; s < states; s++) {
        if (probabilities[i][s].length != probabilities[i][0].length) {
          throw new InvalidGameException("pi_" + i + "(.|s=" + s + ") has " + probabilities[i][s].length
              + " actions but pi_" + i + "(.|s=0) has " + probabilities[i][0].length);
        }
        BigFraction[] row = probabilities[i][s].clone();
        Distributions.require(row, "pi_" + i + "(.|s=" + s + ")");
        q[s][i] = row;
      }
    }
    return new Policy(q);
  }

  /**
   * Uniform policy π_i(a|s) = 1/|A_i| for a game.
   *
   * @param game the game
   * @return the uniform product policy
   */
  public static Policy uniform(MarkovGame game) {
    BigFraction[][][] q = new BigFraction[game.stateCount()][game.agentCount()][];
    for (int s = 0; s < q.length; s++) {
      for (int i = 0; i < q[s].length; i++) {
        int m = game.actionCount(i);
        BigFraction[] row = new BigFraction[m];
        Arrays.fill(row, BigFraction.of(1, m));
        q[s][i] = row;
      }
    }
    return new Policy(q);
  }

  /**
   * Deterministic policy: agent i plays {@code actions[i][s]} with probability 1 in state s.
   *
   * @param game the game (for action counts)
   * @param actions [i][s]
   * @return the pure policy
   * @throws InvalidGameException if an action is out of range or the shape does not match the game
   */
  public static Policy pure(MarkovGame game, int[][] actions) {
    if (actions.length != game.agentCount()) {
      throw new InvalidGameException("pure policy has " + actions.length + " agents; the game has " + game.agentCount());
    }
    BigFraction[][][] q = new BigFraction[game.stateCount()][game.agentCount()][];
    for (int i = 0; i < actions.length; i++) {
      if (actions[i].length != game.stateCount()) {
        throw new InvalidGameException("pure policy of agent " + i + " has " + actions[i].length + " states; the game has " + game.stateCount());
      }
      for (int s = 0; s < q.length; s++) {
        int m = game.actionCount(i);
        if (actions[i][s] < 0 || actions[i][s] >= m) {
          throw new InvalidGameException("pure policy action of agent " + i + " at s=" + s + " is " + actions[i][s] + "; it must be in 0.." + (m - 1));
        }
        BigFraction[] row = new BigFraction[m];
        Arrays.fill(row, BigFraction.ZERO);
        row[actions[i][s]] = BigFraction.ONE;
        q[s][i] = row;
      }
    }
    return new Policy(q);
  }

  /**
   * Puts a double policy exactly on the simplex: every probability converts exactly to its dyadic rational, then in
   * each row the largest entry (lowest index among ties) is replaced by 1 minus the exact sum of the others. The
   * correction is 1 minus the exact sum of the row's doubles, which for rows produced by normalisation is at most
   * (u + γ_{m−1})/(1 − γ_{m−1}) = m·u + O(m²u²) with u = 2^-53, m = |A_i|, γ_k = ku/(1−ku) (Higham 2002, §3.1); so
   * the rational policy differs from the double one by at most that in L1, and stays non-negative because the
   * largest entry is at least about 1/m. See specs/policy.md and proofs-notes/double-policy-on-simplex.md.
   *
   * @param policy a double policy whose rows sum to 1 up to rounding
   * @return the exact policy
   * @throws InvalidGameException if the correction would make an entry negative (a row far from summing to 1)
   */
  public static Policy ofDoublePolicy(DoublePolicy policy) {
    int states = policy.stateCount();
    int n = policy.agentCount();
    BigFraction[][][] q = new BigFraction[states][n][];
    for (int s = 0; s < states; s++) {
      for (int i = 0; i < n; i++) {
        int m = policy.actionCount(i);
        BigFraction[] row = new BigFraction[m];
        int largest = 0;
        for (int a = 0; a < m; a++) {
          double x = policy.prob(i, s, a);
          row[a] = Rationals.ofDouble(x);
          if (x > policy.prob(i, s, largest)) {
            largest = a;
          }
        }
        closeAt(row, largest);
        Distributions.require(row, "pi_" + i + "(.|s=" + s + ") put on the simplex");
        q[s][i] = row;
      }
    }
    return new Policy(q);
  }

  /**
   * Makes a row sum to exactly 1 by setting one entry to 1 minus the sum of the others (the entry that absorbs the
   * rounding; callers choose the largest, so it stays non-negative, and check it).
   *
   * @param row the row, changed in place
   * @param at the index of the entry that absorbs the difference
   */
  static void closeAt(BigFraction[] row, int at) {
    BigFraction others = BigFraction.ZERO;
    for (int a = 0; a < row.length; a++) {
      if (a != at) {
        others = others.add(row[a]);
      }
    }
    row[at] = BigFraction.ONE.subtract(others);
  }

  /**
   * @return N
   */
  public int agentCount() {
    return p[0].length;
  }

  /**
   * @return |S|
   */
  public int stateCount() {
    return p.length;
  }

  /**
   * @param agent i
   * @return |A_i|
   */
  public int actionCount(int agent) {
    return p[0][agent].length;
  }

  /**
   * π_i(a|s).
   *
   * @param agent i
   * @param state s
   * @param action a
   * @return the probability
   */
  public BigFraction prob(int agent, int state, int action) {
    return p[state][agent][action];
  }

  /**
   * π_i(·|s) as a fresh array.
   *
   * @param agent i
   * @param state s
   * @return copy of the row
   */
  public BigFraction[] row(int agent, int state) {
    return p[state][agent].clone();
  }

  /**
   * The row π_i(·|s) as integer numerators over its least common denominator: π_i(a|s) = num[a]/den.
   *
   * @param agent i
   * @param state s
   * @return {num[0..|A_i|-1], den} as an array of length |A_i|+1 whose last entry is den
   */
  public BigInteger[] rowOverCommonDenominator(int agent, int state) {
    BigFraction[] row = p[state][agent];
    BigInteger den = Rationals.lcmOfDenominators(row);
    BigInteger[] num = Rationals.numeratorsOver(row, den);
    BigInteger[] out = new BigInteger[num.length + 1];
    System.arraycopy(num, 0, out, 0, num.length);
    out[num.length] = den;
    return out;
  }

  /**
   * A copy with agent i's policy replaced (a unilateral deviation (π_i', π_{-i})).
   *
   * @param agent i
   * @param replacement a policy whose agent {@code agent} rows are used
   * @return (replacement_i, this_{-i})
   * @throws InvalidGameException if shapes differ
   */
  public Policy withAgent(int agent, Policy replacement) {
    if (replacement.stateCount() != stateCount() || replacement.actionCount(agent) != actionCount(agent)) {
      throw new InvalidGameException("deviation of agent " + agent + " has a different shape from the policy");
    }
    BigFraction[][][] q = new BigFraction[p.length][][];
    for (int s = 0; s < p.length; s++) {
      q[s] = p[s].clone();
      q[s][agent] = replacement.p[s][agent];
    }
    return new Policy(q);
  }

  /**
   * A copy with agent i's policy replaced by the deterministic policy s ↦ actions[s].
   *
   * @param agent i
   * @param actions [s]
   * @return the deviation
   */
  public Policy withPureAgent(int agent, int[] actions) {
    if (agent < 0 || agent >= agentCount()) {
      throw new InvalidGameException("agent " + agent + " is not in 0.." + (agentCount() - 1));
    }
    if (actions.length != p.length) {
      throw new InvalidGameException("pure deviation of agent " + agent + " has " + actions.length + " states; the policy has " + p.length);
    }
    for (int s = 0; s < actions.length; s++) {
      if (actions[s] < 0 || actions[s] >= actionCount(agent)) {
        throw new InvalidGameException("pure deviation of agent " + agent + " at s=" + s + " is " + actions[s]
            + "; it must be in 0.." + (actionCount(agent) - 1));
      }
    }
    BigFraction[][][] q = new BigFraction[p.length][][];
    for (int s = 0; s < p.length; s++) {
      q[s] = p[s].clone();
      BigFraction[] row = new BigFraction[actionCount(agent)];
      Arrays.fill(row, BigFraction.ZERO);
      row[actions[s]] = BigFraction.ONE;
      q[s][agent] = row;
    }
    return new Policy(q);
  }

  /**
   * Checks that this policy fits a game's shape.
   *
   * @param game the game
   * @throws InvalidGameException naming the mismatch
   */
  public void requireShapeOf(MarkovGame game) {
    if (agentCount() != game.agentCount()) {
      throw new InvalidGameException("policy has " + agentCount() + " agents; the game has " + game.agentCount());
    }
    if (stateCount() != game.stateCount()) {
      throw new InvalidGameException("policy has " + stateCount() + " states; the game has " + game.stateCount());
    }
    for (int i = 0; i < agentCount(); i++) {
      if (actionCount(i) != game.actionCount(i)) {
        throw new InvalidGameException(
            "policy of agent " + i + " has " + actionCount(i) + " actions; the game has " + game.actionCount(i));
      }
    }
  }

  /**
   * Nearest double policy (each probability rounded to nearest).
   *
   * @return the double twin
   */
  public DoublePolicy toDouble() {
    double[][][] d = new double[stateCount()][agentCount()][];
    for (int s = 0; s < d.length; s++) {
      for (int i = 0; i < d[s].length; i++) {
        d[s][i] = new double[p[s][i].length];
        for (int a = 0; a < d[s][i].length; a++) {
          d[s][i][a] = p[s][i][a].doubleValue();
        }
      }
    }
    return DoublePolicy.wrapStateMajor(d);
  }

  /**
   * Exact L1 distance Σ_i Σ_s Σ_a |π_i(a|s) − σ_i(a|s)|.
   *
   * @param other σ of the same shape
   * @return the distance
   */
  public BigFraction l1Distance(Policy other) {
    BigFraction t = BigFraction.ZERO;
    for (int s = 0; s < p.length; s++) {
      for (int i = 0; i < p[s].length; i++) {
        for (int a = 0; a < p[s][i].length; a++) {
          t = t.add(p[s][i][a].subtract(other.p[s][i][a]).abs());
        }
      }
    }
    return t;
  }

  @Override
  public boolean equals(@org.checkerframework.checker.nullness.qual.Nullable Object o) {
    return o instanceof Policy && Arrays.deepEquals(p, ((Policy) o).p);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(p);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < agentCount(); i++) {
      for (int s = 0; s < stateCount(); s++) {
        b.append("pi_").append(i).append("(.|").append(s).append(") = (");
        for (int a = 0; a < actionCount(i); a++) {
          b.append(a > 0 ? ", " : "").append(Rationals.format(p[s][i][a]));
        }
        b.append(")\n");
      }
    }
    return b.toString();
  }
}
