package org.mpgref.game;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.numbers.Rationals;

/**
 * A structured Markov game in which N agents share one action set {0..K-1} and the game depends on a joint action
 * only through its count vector c = (c_0..c_{K-1}), c_k = #{j : a_j = k}: the reward of an agent playing k is
 * r(s, k, c) and the transition is P(·|s, c) (anonymous / congestion-type games such as the distancing game of
 * Leonardos et al. 2022, §5). The |A|^N joint-action table is never built: the game tabulates its rule over the
 * C(N+K−1, K−1) count vectors, and {@link #expect} runs a dynamic programme over the other agents' count distribution,
 * O(N² · #counts · K) exact integer operations per state (agents' policies may all differ).
 *
 * <p>Exact arithmetic is done on integer numerators over common denominators (each π_j(·|s) over its least
 * common denominator, each state's reward and transition tables over theirs), dividing once at the end. Immutable.
 */
public final class AnonymousMarkovGame implements MarkovGame {
  /** Largest number of count vectors C(N+K−1, K−1) a game may tabulate. */
  public static final long MAX_COUNT_VECTORS = 2_000_000L;

  /** The game's rule over count vectors (counts include the acting agent). */
  public interface Rule {
    /**
     * @param state s
     * @param action k, the acting agent's action (counts[k] ≥ 1)
     * @param counts c, summing to N
     * @return r(s, k, c)
     */
    BigFraction reward(int state, int action, int[] counts);

    /**
     * @param state s
     * @param counts c, summing to N
     * @return P(·|s, c), a distribution over states
     */
    BigFraction[] transition(int state, int[] counts);
  }

  /** A stage potential over count vectors, φ(s, c), with the claimed condition. */
  public interface PotentialRule {
    /**
     * @param state s
     * @param counts c
     * @return φ(s, c)
     */
    BigFraction phi(int state, int[] counts);

    /**
     * @return the sufficient condition claimed (verified by {@link StagePotential#findViolation()})
     */
    StagePotential.Condition condition();
  }

  private final String name;
  private final int agents;
  private final int actions;
  private final String[] stateLabels;
  private final String[] actionLabels;
  private final BigFraction gamma;
  private final BigFraction[] rho;
  private final int[][][] levels; // [m][c] -> counts, sum m
  private final int[][][] child; // [m][c][k] -> index at level m+1 of c + e_k
  private final Map<List<Integer>, Integer> fullIndex;
  private final BigFraction[][][] reward; // [s][k][c] at level N
  private final BigFraction[][][] transition; // [s][c][t]
  private final BigInteger[][][] rewardNum; // over rewardDen[s]
  private final BigInteger[] rewardDen;
  private final BigInteger[][][] transitionNum; // over transitionDen[s]
  private final BigInteger[] transitionDen;
  private final BigFraction @Nullable [][] phi; // [s][c]
  private final StagePotential.Condition condition;
  private final Twin twin;

  private AnonymousMarkovGame(String name, int agents, String[] stateLabels, String[] actionLabels, BigFraction gamma,
      BigFraction[] rho, Rule rule, @Nullable PotentialRule potentialRule) {
    this.name = name;
    this.agents = agents;
    this.actions = actionLabels.length;
    this.stateLabels = stateLabels;
    this.actionLabels = actionLabels;
    this.gamma = gamma;
    this.rho = rho;
    int states = rho.length;
    int k = actions;
    this.levels = new int[agents + 1][][];
    this.child = new int[agents][][];
    levels[0] = new int[][] {new int[k]};
    Map<List<Integer>, Integer> index = new HashMap<>();
    for (int m = 0; m < agents; m++) {
      index = new HashMap<>();
      List<int[]> next = new ArrayList<>();
      child[m] = new int[levels[m].length][k];
      for (int c = 0; c < levels[m].length; c++) {
        for (int a = 0; a < k; a++) {
          int[] v = levels[m][c].clone();
          v[a]++;
          List<Integer> key = key(v);
          Integer at = index.get(key);
          if (at == null) {
            at = next.size();
            index.put(key, at);
            next.add(v);
          }
          child[m][c][a] = at;
        }
      }
      levels[m + 1] = next.toArray(new int[0][]);
    }
    if (agents == 0) {
      index.put(key(new int[k]), 0);
    }
    this.fullIndex = index;
    int[][] full = levels[agents];
    this.reward = new BigFraction[states][k][full.length];
    this.transition = new BigFraction[states][full.length][];
    this.rewardNum = new BigInteger[states][k][];
    this.rewardDen = new BigInteger[states];
    this.transitionNum = new BigInteger[states][full.length][];
    this.transitionDen = new BigInteger[states];
    for (int s = 0; s < states; s++) {
      List<BigFraction> all = new ArrayList<>();
      for (int a = 0; a < k; a++) {
        for (int c = 0; c < full.length; c++) {
          BigFraction r = full[c][a] > 0 ? rule.reward(s, a, full[c].clone()) : BigFraction.ZERO;
          reward[s][a][c] = r;
          all.add(r);
        }
      }
      rewardDen[s] = Rationals.lcmOfDenominators(all.toArray(new BigFraction[0]));
      for (int a = 0; a < k; a++) {
        rewardNum[s][a] = Rationals.numeratorsOver(reward[s][a], rewardDen[s]);
      }
      List<BigFraction> allP = new ArrayList<>();
      for (int c = 0; c < full.length; c++) {
        BigFraction[] p = rule.transition(s, full[c].clone()).clone();
        if (p.length != states) {
          throw new InvalidGameException("P(.|s=" + stateLabels[s] + ",counts=" + Arrays.toString(full[c]) + ") has "
              + p.length + " entries; the game has " + states + " states");
        }
        Distributions.require(p, "P(.|s=" + stateLabels[s] + ",counts=" + Arrays.toString(full[c]) + ")");
        transition[s][c] = p;
        allP.addAll(Arrays.asList(p));
      }
      transitionDen[s] = Rationals.lcmOfDenominators(allP.toArray(new BigFraction[0]));
      for (int c = 0; c < full.length; c++) {
        transitionNum[s][c] = Rationals.numeratorsOver(transition[s][c], transitionDen[s]);
      }
    }
    if (potentialRule == null) {
      this.phi = null;
      this.condition = StagePotential.Condition.STATE_POTENTIAL_ONLY;
    } else {
      BigFraction[][] f = new BigFraction[states][full.length];
      for (int s = 0; s < states; s++) {
        for (int c = 0; c < full.length; c++) {
          f[s][c] = potentialRule.phi(s, full[c].clone());
        }
      }
      this.phi = f;
      this.condition = potentialRule.condition();
    }
    this.twin = new Twin();
  }

  private static List<Integer> key(int[] v) {
    List<Integer> l = new ArrayList<>(v.length);
    for (int x : v) {
      l.add(x);
    }
    return l;
  }

  /**
   * Builds and validates an anonymous game.
   *
   * @param name short name with parameters
   * @param agents N ≥ 1
   * @param stateLabels labels of the states (their number is |S|)
   * @param actionLabels labels of the shared actions (their number is K ≥ 1)
   * @param gamma γ in [0,1)
   * @param rho initial distribution [s]
   * @param rule rewards and transitions over count vectors
   * @param potentialRule declared stage potential, or null
   * @return the game
   * @throws InvalidGameException naming the entry if N &lt; 1, K &lt; 1, γ ∉ [0,1), ρ is not a distribution, some
   *     P(·|s,c) is not a distribution, or the number of count vectors exceeds {@link #MAX_COUNT_VECTORS}
   */
  public static AnonymousMarkovGame of(String name, int agents, String[] stateLabels, String[] actionLabels,
      BigFraction gamma, BigFraction[] rho, Rule rule, @Nullable PotentialRule potentialRule) {
    if (agents < 1) {
      throw new InvalidGameException("N = " + agents + "; a game needs at least one agent");
    }
    if (actionLabels.length < 1) {
      throw new InvalidGameException("the action set is empty; every agent needs at least one action");
    }
    if (stateLabels.length != rho.length || rho.length == 0) {
      throw new InvalidGameException("rho has " + rho.length + " entries but there are " + stateLabels.length + " states");
    }
    TabularMarkovGame.requireDiscount(gamma);
    Distributions.require(rho, "rho");
    BigInteger vectors = binomial(agents + actionLabels.length - 1, actionLabels.length - 1);
    if (vectors.compareTo(BigInteger.valueOf(MAX_COUNT_VECTORS)) > 0) {
      throw new InvalidGameException("N = " + agents + " agents over K = " + actionLabels.length + " actions give " + vectors
          + " count vectors, more than the limit of " + MAX_COUNT_VECTORS);
    }
    int k = actionLabels.length;
    int states = rho.length;
    double all = binomial(agents + k, k).doubleValue(); // count vectors of every level m = 0..N
    double full = vectors.doubleValue();
    // levels and child tables: two int[K] per vector of every level; per state the reward and transition tables over
    // the full level (a slot, a BigFraction and a BigInteger numerator each) and the double twin's copies
    double bytes = all * (2 * (16 + 4.0 * k) + 16)
        + states * full * (k + states) * (4 + 8 + 56 + 0.25 * org.mpgref.linalg.MemoryBudget.FRACTION_BYTES);
    org.mpgref.linalg.MemoryBudget.require("the count-vector tables of N = " + agents + " agents over K = " + k
        + " actions (" + vectors + " count vectors, " + String.format(java.util.Locale.ROOT, "%.0f", all)
        + " over all levels) and " + states + " states", bytes);
    return new AnonymousMarkovGame(name, agents, stateLabels.clone(), actionLabels.clone(), gamma, rho.clone(), rule,
        potentialRule);
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger r = BigInteger.ONE;
    for (int j = 1; j <= k; j++) {
      r = r.multiply(BigInteger.valueOf(n - k + j)).divide(BigInteger.valueOf(j));
    }
    return r;
  }

  @Override
  public int agentCount() {
    return agents;
  }

  @Override
  public int stateCount() {
    return rho.length;
  }

  @Override
  public int actionCount(int agent) {
    return actions;
  }

  @Override
  public BigFraction discount() {
    return gamma;
  }

  @Override
  public BigFraction initial(int state) {
    return rho[state];
  }

  @Override
  public String actionLabel(int agent, int action) {
    return actionLabels[action];
  }

  @Override
  public String stateLabel(int state) {
    return stateLabels[state];
  }

  /**
   * @return the number of count vectors of N agents over K actions
   */
  public int countVectorCount() {
    return levels[agents].length;
  }

  /**
   * Distribution over count vectors at level m as integer weights over a common denominator. When every counted agent
   * has the same row (num_0..num_{K−1})/D — the symmetric iterates of the catalog games — the weights are the
   * multinomial closed form m!/(Π_k c_k!) Π_k num_k^{c_k} over D^m, exactly what the agent-by-agent recursion below sums
   * to, in one pass over the count vectors instead of m.
   *
   * @param rows every agent's row at the state over its common denominator ({@link #rowsAt}) [j]
   * @param skipAgent the agent left out (its own row does not matter), or −1 to count all N agents
   * @param denominatorOut out: [0] = the common denominator Π_j D_j
   * @return the integer weights [c] over the count vectors of level N − 1 (or N)
   */
  BigInteger[] countDistribution(BigInteger[][] rows, int skipAgent, BigInteger[] denominatorOut) {
    BigInteger @Nullable [] common = commonRow(rows, skipAgent);
    if (common != null) {
      return multinomial(common, skipAgent < 0 ? agents : agents - 1, denominatorOut);
    }
    return recursiveCountDistribution(rows, skipAgent, denominatorOut);
  }

  /**
   * Every agent's row at a state over its least common denominator ({@link Policy#rowOverCommonDenominator}).
   *
   * @param state s
   * @param policy π
   * @return [j] = {num_0..num_{K−1}, D}
   */
  BigInteger[][] rowsAt(int state, Policy policy) {
    BigInteger[][] rows = new BigInteger[agents][];
    for (int j = 0; j < agents; j++) {
      rows[j] = policy.rowOverCommonDenominator(j, state);
    }
    return rows;
  }

  /** The row shared by every agent except {@code skipAgent}, or null if rows differ. */
  private static BigInteger @Nullable [] commonRow(BigInteger[][] rows, int skipAgent) {
    BigInteger @Nullable [] common = null;
    for (int j = 0; j < rows.length; j++) {
      if (j == skipAgent) {
        continue;
      }
      BigInteger[] row = rows[j];
      if (common == null) {
        common = row;
      } else if (!Arrays.equals(common, row)) {
        return null;
      }
    }
    return common;
  }

  /** m!/(Π c_k!) Π num_k^{c_k} for every count vector c of level m, over D^m (row = {num_0..num_{K−1}, D}). */
  private BigInteger[] multinomial(BigInteger[] row, int m, BigInteger[] denominatorOut) {
    BigInteger[] factorial = new BigInteger[m + 1];
    factorial[0] = BigInteger.ONE;
    for (int e = 1; e <= m; e++) {
      factorial[e] = factorial[e - 1].multiply(BigInteger.valueOf(e));
    }
    BigInteger[][] power = new BigInteger[actions][m + 1];
    for (int a = 0; a < actions; a++) {
      power[a][0] = BigInteger.ONE;
      for (int e = 1; e <= m; e++) {
        power[a][e] = power[a][e - 1].multiply(row[a]);
      }
    }
    int[][] level = levels[m];
    BigInteger[] dist = new BigInteger[level.length];
    for (int c = 0; c < level.length; c++) {
      BigInteger w = factorial[m];
      BigInteger below = BigInteger.ONE;
      for (int a = 0; a < actions; a++) {
        below = below.multiply(factorial[level[c][a]]);
      }
      w = w.divide(below);
      for (int a = 0; a < actions && w.signum() != 0; a++) {
        w = w.multiply(power[a][level[c][a]]);
      }
      dist[c] = w;
    }
    denominatorOut[0] = row[actions].pow(m);
    return dist;
  }

  /** The agent-by-agent recursion over count vectors (any rows). */
  BigInteger[] recursiveCountDistribution(BigInteger[][] rows, int skipAgent, BigInteger[] denominatorOut) {
    BigInteger[] dist = {BigInteger.ONE};
    BigInteger den = BigInteger.ONE;
    int m = 0;
    for (int j = 0; j < agents; j++) {
      if (j == skipAgent) {
        continue;
      }
      BigInteger[] row = rows[j];
      den = den.multiply(row[actions]);
      BigInteger[] next = new BigInteger[levels[m + 1].length];
      Arrays.fill(next, BigInteger.ZERO);
      for (int c = 0; c < dist.length; c++) {
        if (dist[c].signum() == 0) {
          continue;
        }
        for (int a = 0; a < actions; a++) {
          if (row[a].signum() != 0) {
            int t = child[m][c][a];
            next[t] = next[t].add(dist[c].multiply(row[a]));
          }
        }
      }
      dist = next;
      m++;
    }
    denominatorOut[0] = den;
    return dist;
  }

  /**
   * Work of {@link #expect} at every state: per state and distinct agent row, the count distribution (the multinomial
   * closed form, K products per count vector, or N·K per vector by the recursion when rows differ) and, per action,
   * one multiply-add per count vector and successor, on integers of about N·log₂(D) + b bits (D the row denominators,
   * b the table numerators).
   */
  @Override
  public double expectationWork(Policy policy) {
    int states = rho.length;
    double c = levels[agents].length;
    double work = 0;
    for (int s = 0; s < states; s++) {
      BigInteger[][] rows = rowsAt(s, policy);
      java.util.Set<List<BigInteger>> distinct = new java.util.HashSet<>();
      double denBits = 0;
      for (BigInteger[] row : rows) {
        distinct.add(List.of(row));
        denBits = Math.max(denBits, row[actions].bitLength());
      }
      double bits = agents * denBits + Math.max(rewardDen[s].bitLength(), transitionDen[s].bitLength()) + 64;
      double op = 40 + 2 * (1 + bits / 64) * 2;
      double dist = distinct.size() == 1 ? c * actions : (double) agents * c * actions;
      work += distinct.size() * (dist + actions * c * (1 + states)) * op;
    }
    return work;
  }

  @Override
  public StageExpectation expect(int state, Policy policy) {
    int states = rho.length;
    BigFraction[][] rb = new BigFraction[agents][actions];
    BigFraction[][][] pb = new BigFraction[agents][actions][states];
    BigInteger[] den = new BigInteger[1];
    // Agents whose rows at this state are equal face the same multiset of others, so the same expectations: compute
    // once per distinct row (the symmetric runs of the catalog games have one distinct row for all N agents).
    BigInteger[][] rows = rowsAt(state, policy);
    Map<List<BigInteger>, Integer> firstWithRow = new HashMap<>();
    for (int i = 0; i < agents; i++) {
      Integer same = firstWithRow.putIfAbsent(List.of(rows[i]), i);
      if (same != null) {
        rb[i] = rb[same].clone();
        for (int a = 0; a < actions; a++) {
          pb[i][a] = pb[same][a].clone();
        }
        continue;
      }
      BigInteger[] dist = countDistribution(rows, i, den);
      int[][] step = child[agents - 1];
      for (int a = 0; a < actions; a++) {
        BigInteger r = BigInteger.ZERO;
        BigInteger[] p = new BigInteger[states];
        Arrays.fill(p, BigInteger.ZERO);
        for (int c = 0; c < dist.length; c++) {
          if (dist[c].signum() == 0) {
            continue;
          }
          int full = step[c][a];
          r = r.add(dist[c].multiply(rewardNum[state][a][full]));
          BigInteger[] pn = transitionNum[state][full];
          for (int t = 0; t < states; t++) {
            if (pn[t].signum() != 0) {
              p[t] = p[t].add(dist[c].multiply(pn[t]));
            }
          }
        }
        rb[i][a] = BigFraction.of(r, den[0].multiply(rewardDen[state]));
        BigInteger pd = den[0].multiply(transitionDen[state]);
        for (int t = 0; t < states; t++) {
          pb[i][a][t] = BigFraction.of(p[t], pd);
        }
      }
    }
    return new StageExpectation(rb, pb);
  }

  private int fullIndexOf(int[] jointAction) {
    if (jointAction.length != agents) {
      throw new InvalidGameException("joint action has " + jointAction.length + " entries; the game has " + agents + " agents");
    }
    int c = 0;
    for (int m = 0; m < agents; m++) {
      int a = jointAction[m];
      if (a < 0 || a >= actions) {
        throw new InvalidGameException("action of agent " + m + " is " + a + "; it must be in 0.." + (actions - 1));
      }
      c = child[m][c][a];
    }
    return c;
  }

  @Override
  public BigFraction reward(int agent, int state, int[] jointAction) {
    int c = fullIndexOf(jointAction);
    return reward[state][jointAction[agent]][c];
  }

  @Override
  public BigFraction transition(int state, int[] jointAction, int next) {
    return transition[state][fullIndexOf(jointAction)][next];
  }

  /**
   * The smallest and largest one-step reward r(s, k, c) over all states, actions and count vectors with c_k ≥ 1,
   * i.e. over every reward any agent can receive.
   *
   * @return {min, max}
   */
  public BigFraction[] rewardRange() {
    BigFraction min = null;
    BigFraction max = null;
    int[][] full = levels[agents];
    for (int s = 0; s < rho.length; s++) {
      for (int a = 0; a < actions; a++) {
        for (int c = 0; c < full.length; c++) {
          if (full[c][a] == 0) {
            continue;
          }
          BigFraction r = reward[s][a][c];
          if (min == null || Rationals.compare(r, min) < 0) {
            min = r;
          }
          if (max == null || Rationals.compare(r, max) > 0) {
            max = r;
          }
        }
      }
    }
    if (min == null || max == null) {
      throw new IllegalStateException("no reward tabulated");
    }
    return new BigFraction[] {min, max};
  }

  /**
   * Expected number of agents choosing each action in a state, E[c_k | s] = Σ_i π_i(k|s).
   *
   * @param state s
   * @param policy π
   * @return [k]
   */
  public BigFraction[] expectedCounts(int state, Policy policy) {
    BigFraction[] e = new BigFraction[actions];
    Arrays.fill(e, BigFraction.ZERO);
    for (int i = 0; i < agents; i++) {
      for (int a = 0; a < actions; a++) {
        e[a] = e[a].add(policy.prob(i, state, a));
      }
    }
    return e;
  }

  @Override
  public Optional<StagePotential> potential() {
    BigFraction[][] f = phi;
    return f == null ? Optional.empty() : Optional.of(new CountPotential(f));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DoubleMarkovGame toDouble() {
    return twin;
  }

  /** φ(s, c) over count vectors; verification ranges over count vectors, never joint actions. */
  private final class CountPotential implements StagePotential {
    private final BigFraction[][] f;

    CountPotential(BigFraction[][] f) {
      this.f = f;
    }

    @Override
    public Condition condition() {
      return condition;
    }

    @Override
    public BigFraction phi(int state, int[] jointAction) {
      return f[state][fullIndexOf(jointAction)];
    }

    @Override
    public BigFraction expectedPhi(int state, Policy policy) {
      BigInteger[] den = new BigInteger[1];
      BigInteger[] dist = countDistribution(rowsAt(state, policy), -1, den);
      BigFraction t = BigFraction.ZERO;
      for (int c = 0; c < dist.length; c++) {
        if (dist[c].signum() != 0) {
          t = t.add(f[state][c].multiply(dist[c]));
        }
      }
      return t.divide(den[0]);
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      double[] dist = twin.countDistribution(policyAtState, -1);
      double t = 0;
      for (int c = 0; c < dist.length; c++) {
        t += dist[c] * f[state][c].doubleValue();
      }
      return t;
    }

    @Override
    public Optional<String> findViolation() {
      int[][] full = levels[agents];
      int states = rho.length;
      for (int s = 0; s < states; s++) {
        for (int c = 0; c < full.length; c++) {
          for (int k = 0; k < actions; k++) {
            if (full[c][k] == 0) {
              continue;
            }
            if (condition == Condition.IDENTICAL_INTEREST && !reward[s][k][c].equals(f[s][c])) {
              return Optional.of("identical interest fails at s=" + stateLabels[s] + ", counts=" + Arrays.toString(full[c])
                  + ": r = " + Rationals.format(reward[s][k][c]) + " for action " + actionLabels[k] + " but phi = "
                  + Rationals.format(f[s][c]));
            }
            for (int k2 = 0; k2 < actions; k2++) {
              int[] v = full[c].clone();
              v[k]--;
              v[k2]++;
              Integer c2 = fullIndex.get(key(v));
              if (c2 == null) {
                throw new IllegalStateException("count vector " + Arrays.toString(v) + " not tabulated");
              }
              BigFraction dr = reward[s][k][c].subtract(reward[s][k2][c2]);
              BigFraction dphi = f[s][c].subtract(f[s][c2]);
              if (!dr.equals(dphi)) {
                return Optional.of("state potential fails at s=" + stateLabels[s] + ": an agent moving from "
                    + actionLabels[k2] + " (counts " + Arrays.toString(v) + ") to " + actionLabels[k] + " (counts "
                    + Arrays.toString(full[c]) + ") gains " + Rationals.format(dr) + " but phi changes by "
                    + Rationals.format(dphi));
              }
            }
          }
          if (condition == Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS
              && !Arrays.equals(transition[s][c], transition[s][0])) {
            return Optional.of("transitions depend on the actions at s=" + stateLabels[s] + ": counts "
                + Arrays.toString(full[c]) + " vs " + Arrays.toString(full[0]));
          }
        }
      }
      return Optional.empty();
    }
  }

  /** The double twin: the same count dynamic programme on primitive arrays. */
  private final class Twin implements DoubleMarkovGame {
    private final double[][][] r; // [s][k][c]
    private final double[][][] p; // [s][c][t]
    private final double[] rhoD;

    Twin() {
      int states = rho.length;
      int[][] full = levels[agents];
      r = new double[states][actions][full.length];
      p = new double[states][full.length][states];
      rhoD = new double[states];
      for (int s = 0; s < states; s++) {
        rhoD[s] = rho[s].doubleValue();
        for (int a = 0; a < actions; a++) {
          for (int c = 0; c < full.length; c++) {
            r[s][a][c] = reward[s][a][c].doubleValue();
          }
        }
        for (int c = 0; c < full.length; c++) {
          for (int t = 0; t < states; t++) {
            p[s][c][t] = transition[s][c][t].doubleValue();
          }
        }
      }
    }

    double[] countDistribution(double[][] pi, int skipAgent) {
      double[] dist = {1.0};
      int m = 0;
      for (int j = 0; j < agents; j++) {
        if (j == skipAgent) {
          continue;
        }
        double[] next = new double[levels[m + 1].length];
        int[][] step = child[m];
        for (int c = 0; c < dist.length; c++) {
          double w = dist[c];
          if (w == 0) {
            continue;
          }
          for (int a = 0; a < actions; a++) {
            next[step[c][a]] += w * pi[j][a];
          }
        }
        dist = next;
        m++;
      }
      return dist;
    }

    @Override
    public int agentCount() {
      return agents;
    }

    @Override
    public int stateCount() {
      return rho.length;
    }

    @Override
    public int actionCount(int agent) {
      return actions;
    }

    @Override
    public double discount() {
      return gamma.doubleValue();
    }

    @Override
    public double[] initial() {
      return rhoD.clone();
    }

    @Override
    public void expect(int state, double[][] pi, double[][] rewardBar, double[][][] transitionBar) {
      int states = rho.length;
      int[][] step = child[agents - 1];
      for (int i = 0; i < agents; i++) {
        // equal rows face the same multiset of others: copy (as in the exact expect)
        int same = -1;
        for (int j = 0; j < i && same < 0; j++) {
          if (Arrays.equals(pi[j], pi[i])) {
            same = j;
          }
        }
        if (same >= 0) {
          System.arraycopy(rewardBar[same], 0, rewardBar[i], 0, actions);
          for (int a = 0; a < actions; a++) {
            System.arraycopy(transitionBar[same][a], 0, transitionBar[i][a], 0, states);
          }
          continue;
        }
        double[] dist = countDistribution(pi, i);
        for (int a = 0; a < actions; a++) {
          double rr = 0;
          double[] pp = transitionBar[i][a];
          Arrays.fill(pp, 0);
          for (int c = 0; c < dist.length; c++) {
            double w = dist[c];
            if (w == 0) {
              continue;
            }
            int full = step[c][a];
            rr += w * r[state][a][full];
            double[] row = p[state][full];
            for (int t = 0; t < states; t++) {
              pp[t] += w * row[t];
            }
          }
          rewardBar[i][a] = rr;
        }
      }
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      Optional<StagePotential> sp = potential();
      return sp.isPresent() ? sp.get().expectedPhi(state, policyAtState) : Double.NaN;
    }
  }
}
