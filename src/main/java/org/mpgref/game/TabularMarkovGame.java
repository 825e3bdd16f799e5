package org.mpgref.game;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.numbers.Rationals;

/**
 * A Markov game stored as exact tables over joint actions: r_i(s,a) as [s][a][i] (dense) and P(·|s,a) as sparse rows
 * (the successors s' with P(s'|s,a) ≠ 0, increasing, and their probabilities), joint actions indexed by
 * {@link JointActions} (agent 0 fastest). One implementation of {@link MarkovGame} among others, for small games,
 * tests and imported files; memory is O(S·Π|A_i|·N + non-zeros of P), refused (with the sizes) by
 * {@link JointActions#countTable} before the table is built. Normal-form games are the one-state case. Immutable.
 */
public final class TabularMarkovGame implements MarkovGame {
  private final String name;
  private final int[] actionCounts;
  private final int states;
  private final BigFraction gamma;
  private final BigFraction[] rho;
  private final BigFraction[][][] rewards; // [s][a][i]
  private final int[][][] successors; // [s][a][k] -> s', increasing
  private final BigFraction[][][] probabilities; // [s][a][k], non-zero
  private final BigFraction @Nullable [][] phi; // [s][a] or null
  private final StagePotential.Condition condition;
  private final String @Nullable [] agentLabels; // [i] or null (indices)
  private final String @Nullable [][] actionLabels; // [i][a] or null (indices)
  private final String @Nullable [] stateLabels; // [s] or null (indices)
  private @Nullable DoubleMarkovGame twin;

  private TabularMarkovGame(String name, int[] actionCounts, int states, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, int[][][] successors, BigFraction[][][] probabilities, BigFraction @Nullable [][] phi,
      StagePotential.Condition condition) {
    this(name, actionCounts, states, gamma, rho, rewards, successors, probabilities, phi, condition, null, null, null);
  }

  private TabularMarkovGame(String name, int[] actionCounts, int states, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, int[][][] successors, BigFraction[][][] probabilities, BigFraction @Nullable [][] phi,
      StagePotential.Condition condition, String @Nullable [] agentLabels, String @Nullable [][] actionLabels,
      String @Nullable [] stateLabels) {
    this.agentLabels = agentLabels;
    this.actionLabels = actionLabels;
    this.stateLabels = stateLabels;
    this.name = name;
    this.actionCounts = actionCounts;
    this.states = states;
    this.gamma = gamma;
    this.rho = rho;
    this.rewards = rewards;
    this.successors = successors;
    this.probabilities = probabilities;
    this.phi = phi;
    this.condition = condition;
  }

  /**
   * Builds and validates a dense game. Arrays are copied.
   *
   * @param name short name for reports
   * @param actionCounts |A_i| per agent
   * @param gamma γ in [0,1)
   * @param rho initial distribution [s]
   * @param rewards r_i(s,a) as [s][jointIndex][i]
   * @param transitions P(s'|s,a) as [s][jointIndex][s']
   * @return the game
   * @throws InvalidGameException naming the entry if γ ∉ [0,1), ρ or some P(·|s,a) is not a distribution, a
   *     dimension mismatches, an action set is empty, or the table is too large
   */
  public static TabularMarkovGame of(String name, int[] actionCounts, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, BigFraction[][][] transitions) {
    return build(name, actionCounts, gamma, rho, rewards, transitions, null, StagePotential.Condition.STATE_POTENTIAL_ONLY);
  }

  /**
   * Builds a dense game that declares a stage potential φ(s,a) [s][jointIndex] with a claimed condition.
   *
   * @param name short name
   * @param actionCounts |A_i|
   * @param gamma γ
   * @param rho ρ
   * @param rewards [s][a][i]
   * @param transitions [s][a][s']
   * @param phi [s][a]
   * @param condition the sufficient condition claimed (verified later, never trusted)
   * @return the game
   * @throws InvalidGameException as {@link #of}, or if φ has the wrong shape
   */
  public static TabularMarkovGame withPotential(String name, int[] actionCounts, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, BigFraction[][][] transitions, BigFraction[][] phi, StagePotential.Condition condition) {
    return build(name, actionCounts, gamma, rho, rewards, transitions, phi, condition);
  }

  private static TabularMarkovGame build(String name, int[] actionCounts, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, BigFraction[][][] transitions, BigFraction @Nullable [][] phi,
      StagePotential.Condition condition) {
    int states = rho.length;
    int joint = JointActions.countTable(actionCounts, states);
    if (transitions.length != states) {
      throw new InvalidGameException("transitions cover " + transitions.length + " states; rho has " + states);
    }
    int n = actionCounts.length;
    int[][][] succ = new int[states][][];
    BigFraction[][][] prob = new BigFraction[states][][];
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      if (transitions[s].length != joint) {
        throw new InvalidGameException("state " + s + " has " + transitions[s].length
            + " transition rows; the game has " + joint + " joint actions");
      }
      succ[s] = new int[joint][];
      prob[s] = new BigFraction[joint][];
      for (int j = 0; j < joint; j++) {
        JointActions.decode(actionCounts, j, a);
        BigFraction[] row = transitions[s][j];
        if (row.length != states) {
          throw new InvalidGameException("P(.|s=" + s + ",a=" + JointActions.format(a) + ") has "
              + row.length + " entries; the game has " + states + " states");
        }
        Distributions.require(row, "P(.|s=" + s + ",a=" + JointActions.format(a) + ")");
        int count = 0;
        for (BigFraction x : row) {
          if (x.signum() != 0) {
            count++;
          }
        }
        succ[s][j] = new int[count];
        prob[s][j] = new BigFraction[count];
        count = 0;
        for (int t = 0; t < states; t++) {
          if (row[t].signum() != 0) {
            succ[s][j][count] = t;
            prob[s][j][count++] = row[t];
          }
        }
      }
    }
    return buildSparse(name, actionCounts, gamma, rho, rewards, succ, prob, phi, condition);
  }

  /**
   * Builds and validates a game whose transition rows are given sparse: P(succ[s][j][k] | s, a^j) = prob[s][j][k].
   * Every row's successors must be strictly increasing state indices with positive probabilities summing to 1. Memory
   * is O(S·Π|A_i|·N + non-zeros), checked by {@link JointActions#countTable} first. Arrays are copied.
   *
   * @param name short name
   * @param actionCounts |A_i|
   * @param gamma γ in [0,1)
   * @param rho ρ [s]
   * @param rewards r_i(s,a) as [s][jointIndex][i]
   * @param successors s' per row [s][jointIndex][k], strictly increasing
   * @param probabilities P(s'|s,a) per row [s][jointIndex][k], positive, summing to 1
   * @param phi declared stage potential [s][jointIndex], or null
   * @param condition the condition claimed for φ (ignored without φ)
   * @return the game
   * @throws InvalidGameException naming the entry if γ ∉ [0,1), ρ or a row is not a distribution, a successor is out of
   *     range or out of order, a dimension mismatches, an action set is empty, or the table is too large
   */
  public static TabularMarkovGame ofSparse(String name, int[] actionCounts, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, int[][][] successors, BigFraction[][][] probabilities, BigFraction @Nullable [][] phi,
      StagePotential.Condition condition) {
    int states = rho.length;
    int joint = JointActions.countTable(actionCounts, states);
    if (successors.length != states || probabilities.length != states) {
      throw new InvalidGameException("transitions cover " + successors.length + " states; rho has " + states);
    }
    int n = actionCounts.length;
    int[][][] succ = new int[states][][];
    BigFraction[][][] prob = new BigFraction[states][][];
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      if (successors[s].length != joint || probabilities[s].length != joint) {
        throw new InvalidGameException("state " + s + " has " + successors[s].length
            + " transition rows; the game has " + joint + " joint actions");
      }
      succ[s] = new int[joint][];
      prob[s] = new BigFraction[joint][];
      for (int j = 0; j < joint; j++) {
        JointActions.decode(actionCounts, j, a);
        String what = "P(.|s=" + s + ",a=" + JointActions.format(a) + ")";
        int[] idx = successors[s][j];
        BigFraction[] val = probabilities[s][j];
        if (idx.length != val.length || idx.length == 0) {
          throw new InvalidGameException(what + " has " + idx.length + " successors and " + val.length
              + " probabilities; a row needs at least one successor and one probability per successor");
        }
        for (int k = 0; k < idx.length; k++) {
          if (idx[k] < 0 || idx[k] >= states || (k > 0 && idx[k] <= idx[k - 1])) {
            throw new InvalidGameException(what + ": successor " + idx[k] + " is out of range 0.." + (states - 1)
                + " or not after the previous one");
          }
          if (val[k].signum() <= 0) {
            throw new InvalidGameException(what + "(" + idx[k] + ") = " + Rationals.format(val[k])
                + "; a listed successor needs a positive probability");
          }
        }
        Distributions.require(val, what);
        succ[s][j] = idx.clone();
        prob[s][j] = val.clone();
      }
    }
    return buildSparse(name, actionCounts, gamma, rho, rewards, succ, prob, phi, condition);
  }

  private static TabularMarkovGame buildSparse(String name, int[] actionCounts, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, int[][][] succ, BigFraction[][][] prob, BigFraction @Nullable [][] phi,
      StagePotential.Condition condition) {
    int n = actionCounts.length;
    int states = rho.length;
    int joint = JointActions.countTable(actionCounts, states);
    requireDiscount(gamma);
    Distributions.require(rho, "rho");
    if (rewards.length != states) {
      throw new InvalidGameException("rewards cover " + rewards.length + " states; rho has " + states);
    }
    BigFraction[][][] r = new BigFraction[states][joint][];
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      if (rewards[s].length != joint) {
        throw new InvalidGameException("state " + s + " has " + rewards[s].length + " reward rows; the game has "
            + joint + " joint actions");
      }
      for (int j = 0; j < joint; j++) {
        JointActions.decode(actionCounts, j, a);
        if (rewards[s][j].length != n) {
          throw new InvalidGameException("r(s=" + s + ",a=" + JointActions.format(a) + ") has " + rewards[s][j].length
              + " entries; the game has " + n + " agents");
        }
        r[s][j] = rewards[s][j].clone();
      }
    }
    BigFraction @Nullable [][] f = null;
    if (phi != null) {
      if (phi.length != states) {
        throw new InvalidGameException("phi covers " + phi.length + " states; the game has " + states);
      }
      f = new BigFraction[states][];
      for (int s = 0; s < states; s++) {
        if (phi[s].length != joint) {
          throw new InvalidGameException("phi(s=" + s + ",.) has " + phi[s].length + " entries; the game has " + joint + " joint actions");
        }
        f[s] = phi[s].clone();
      }
    }
    return new TabularMarkovGame(name, actionCounts.clone(), states, gamma, rho.clone(), r, succ, prob, f, condition);
  }

  /**
   * The same game with labels for agents, actions and states (used in reports and files; the default labels are the
   * indices). The tables are shared, not copied (the game is immutable); the label arrays are copied.
   *
   * @param agentLabels a label per agent [i]
   * @param actionLabels a label per action of each agent [i][a_i]
   * @param stateLabels a label per state [s]
   * @return the labelled game
   * @throws InvalidGameException if an array has the wrong length or a label is empty
   */
  public TabularMarkovGame withLabels(String[] agentLabels, String[][] actionLabels, String[] stateLabels) {
    int n = actionCounts.length;
    if (agentLabels.length != n || actionLabels.length != n) {
      throw new InvalidGameException("labels cover " + agentLabels.length + " agents and action labels "
          + actionLabels.length + " agents; the game has " + n);
    }
    if (stateLabels.length != states) {
      throw new InvalidGameException("labels cover " + stateLabels.length + " states; the game has " + states);
    }
    String[][] acts = new String[n][];
    for (int i = 0; i < n; i++) {
      if (actionLabels[i].length != actionCounts[i]) {
        throw new InvalidGameException("agent " + i + " has " + actionLabels[i].length + " action labels; it has "
            + actionCounts[i] + " actions");
      }
      acts[i] = actionLabels[i].clone();
      requireLabels(acts[i], "action label of agent " + i);
    }
    String[] ag = agentLabels.clone();
    String[] st = stateLabels.clone();
    requireLabels(ag, "agent label");
    requireLabels(st, "state label");
    return new TabularMarkovGame(name, actionCounts, states, gamma, rho, rewards, successors, probabilities, phi,
        condition, ag, acts, st);
  }

  private static void requireLabels(String[] labels, String what) {
    for (int k = 0; k < labels.length; k++) {
      if (labels[k].isEmpty()) {
        throw new InvalidGameException(what + " " + k + " is empty; a label needs at least one character");
      }
    }
  }

  @Override
  public String agentLabel(int agent) {
    String[] l = agentLabels;
    return l == null ? Integer.toString(agent) : l[agent];
  }

  @Override
  public String actionLabel(int agent, int action) {
    String[][] l = actionLabels;
    return l == null ? Integer.toString(action) : l[agent][action];
  }

  @Override
  public String stateLabel(int state) {
    String[] l = stateLabels;
    return l == null ? Integer.toString(state) : l[state];
  }

  /**
   * Checks 0 ≤ γ &lt; 1.
   *
   * @param gamma γ
   * @throws InvalidGameException if not
   */
  public static void requireDiscount(BigFraction gamma) {
    if (gamma.signum() < 0 || Rationals.compare(gamma, BigFraction.ONE) >= 0) {
      throw new InvalidGameException("gamma = " + Rationals.format(gamma) + " is outside [0, 1)");
    }
  }

  @Override
  public int agentCount() {
    return actionCounts.length;
  }

  @Override
  public int stateCount() {
    return states;
  }

  @Override
  public int actionCount(int agent) {
    return actionCounts[agent];
  }

  @Override
  public BigFraction discount() {
    return gamma;
  }

  @Override
  public BigFraction initial(int state) {
    return rho[state];
  }

  /**
   * @return the number of joint actions Π|A_i|
   */
  public int jointActionCount() {
    return rewards[0].length;
  }

  /**
   * The successors of state s over all joint actions, increasing (the support of every P̄_i(·|s,a_i)).
   *
   * @param state s
   * @return the union of the rows' successors
   */
  int[] support(int state) {
    int total = 0;
    for (int[] row : successors[state]) {
      total += row.length;
    }
    int[] all = new int[total];
    int k = 0;
    for (int[] row : successors[state]) {
      System.arraycopy(row, 0, all, k, row.length);
      k += row.length;
    }
    Arrays.sort(all);
    int u = 0;
    for (int q = 0; q < all.length; q++) {
      if (q == 0 || all[q] != all[q - 1]) {
        all[u++] = all[q];
      }
    }
    return Arrays.copyOf(all, u);
  }

  /**
   * @return the number of stored transition probabilities (non-zeros of P over all states and joint actions)
   */
  public long transitionNonZeros() {
    long t = 0;
    for (int[][] st : successors) {
      for (int[] row : st) {
        t += row.length;
      }
    }
    return t;
  }

  @Override
  public double expectationWork(Policy policy) {
    int n = agentCount();
    double bits = 0;
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < rewards[s].length; j++) {
        for (int i = 0; i < n; i++) {
          bits = Math.max(bits, rewards[s][j][i].getNumerator().bitLength() + rewards[s][j][i].getDenominator().bitLength());
        }
      }
    }
    // per state and joint action: 2N prefix/suffix products, and per agent a weight, a reward and each successor
    double w = 40 + 2 * (1 + bits / 64) * (1 + bits / 64);
    return w * ((double) states * jointActionCount() * n * 3 + (double) transitionNonZeros() * n);
  }

  @Override
  public StageExpectation expect(int state, Policy policy) {
    int n = agentCount();
    int joint = jointActionCount();
    int[] support = support(state);
    BigFraction[][] rb = new BigFraction[n][];
    BigFraction[][][] pb = new BigFraction[n][][];
    for (int i = 0; i < n; i++) {
      rb[i] = zeros(actionCounts[i]);
      pb[i] = new BigFraction[actionCounts[i]][];
      for (int k = 0; k < actionCounts[i]; k++) {
        pb[i][k] = zeros(support.length);
      }
    }
    int[] a = new int[n];
    BigFraction[] prefix = new BigFraction[n + 1];
    BigFraction[] suffix = new BigFraction[n + 1];
    for (int j = 0; j < joint; j++) {
      JointActions.decode(actionCounts, j, a);
      prefix[0] = BigFraction.ONE;
      for (int i = 0; i < n; i++) {
        prefix[i + 1] = prefix[i].multiply(policy.prob(i, state, a[i]));
      }
      suffix[n] = BigFraction.ONE;
      for (int i = n - 1; i >= 0; i--) {
        suffix[i] = suffix[i + 1].multiply(policy.prob(i, state, a[i]));
      }
      for (int i = 0; i < n; i++) {
        BigFraction w = prefix[i].multiply(suffix[i + 1]); // prod_{k != i} pi_k(a_k|s)
        if (w.signum() == 0) {
          continue;
        }
        rb[i][a[i]] = rb[i][a[i]].add(w.multiply(rewards[state][j][i]));
        BigFraction[] row = pb[i][a[i]];
        int[] succ = successors[state][j];
        for (int k = 0; k < succ.length; k++) {
          int at = Arrays.binarySearch(support, succ[k]);
          row[at] = row[at].add(w.multiply(probabilities[state][j][k]));
        }
      }
    }
    int[][][] idx = new int[n][][];
    BigFraction[][][] val = new BigFraction[n][][];
    for (int i = 0; i < n; i++) {
      idx[i] = new int[actionCounts[i]][];
      val[i] = new BigFraction[actionCounts[i]][];
      for (int k = 0; k < actionCounts[i]; k++) {
        BigFraction[] row = pb[i][k];
        int count = 0;
        for (BigFraction x : row) {
          if (x.signum() != 0) {
            count++;
          }
        }
        idx[i][k] = new int[count];
        val[i][k] = new BigFraction[count];
        count = 0;
        for (int q = 0; q < row.length; q++) {
          if (row[q].signum() != 0) {
            idx[i][k][count] = support[q];
            val[i][k][count++] = row[q];
          }
        }
      }
    }
    return StageExpectation.sparse(rb, idx, val);
  }

  private static BigFraction[] zeros(int m) {
    BigFraction[] z = new BigFraction[m];
    Arrays.fill(z, BigFraction.ZERO);
    return z;
  }

  @Override
  public BigFraction reward(int agent, int state, int[] jointAction) {
    return rewards[state][JointActions.index(actionCounts, jointAction)][agent];
  }

  @Override
  public BigFraction transition(int state, int[] jointAction, int next) {
    int j = JointActions.index(actionCounts, jointAction);
    int k = Arrays.binarySearch(successors[state][j], next);
    return k >= 0 ? probabilities[state][j][k] : BigFraction.ZERO;
  }

  @Override
  public Optional<StagePotential> potential() {
    BigFraction[][] f = phi;
    if (f == null) {
      return Optional.empty();
    }
    return Optional.of(new TabularPotential(f));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized DoubleMarkovGame toDouble() {
    DoubleMarkovGame t = twin;
    if (t == null) {
      t = new DoubleTabular();
      twin = t;
    }
    return t;
  }

  /** The declared φ over the dense table; verification enumerates joint actions. */
  private final class TabularPotential implements StagePotential {
    private final BigFraction[][] f;

    TabularPotential(BigFraction[][] f) {
      this.f = f;
    }

    @Override
    public Condition condition() {
      return condition;
    }

    @Override
    public BigFraction phi(int state, int[] jointAction) {
      return f[state][JointActions.index(actionCounts, jointAction)];
    }

    @Override
    public Optional<String> findViolation() {
      int n = agentCount();
      int[] a = new int[n];
      int[] b = new int[n];
      for (int s = 0; s < states; s++) {
        for (int j = 0; j < f[s].length; j++) {
          JointActions.decode(actionCounts, j, a);
          for (int i = 0; i < n; i++) {
            if (condition == Condition.IDENTICAL_INTEREST && !rewards[s][j][i].equals(f[s][j])) {
              return Optional.of("identical interest fails: r_" + i + "(s=" + s + ",a=" + JointActions.format(a) + ") = "
                  + Rationals.format(rewards[s][j][i]) + " but phi = " + Rationals.format(f[s][j]));
            }
            System.arraycopy(a, 0, b, 0, n);
            for (int k = 0; k < actionCounts[i]; k++) {
              b[i] = k;
              int jb = JointActions.index(actionCounts, b);
              BigFraction dr = rewards[s][j][i].subtract(rewards[s][jb][i]);
              BigFraction dphi = f[s][j].subtract(f[s][jb]);
              if (!dr.equals(dphi)) {
                return Optional.of("state potential fails at s=" + s + ", agent " + i + ": a=" + JointActions.format(a)
                    + " vs " + JointActions.format(b) + " changes r_" + i + " by " + Rationals.format(dr) + " but phi by "
                    + Rationals.format(dphi));
              }
            }
          }
          if (condition == Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS
              && !(Arrays.equals(successors[s][j], successors[s][0])
                  && Arrays.equals(probabilities[s][j], probabilities[s][0]))) {
            int t = firstDifference(s, j);
            BigFraction pj = rowValue(s, j, t);
            BigFraction p0 = rowValue(s, 0, t);
            return Optional.of("transitions depend on the action at s=" + s + ": P(" + t + "|s," + JointActions.format(a)
                + ") = " + Rationals.format(pj) + " but P(" + t + "|s,a=0) = " + Rationals.format(p0));
          }
        }
      }
      return Optional.empty();
    }

    @Override
    public BigFraction expectedPhi(int state, Policy policy) {
      int n = agentCount();
      int[] a = new int[n];
      BigFraction t = BigFraction.ZERO;
      for (int j = 0; j < f[state].length; j++) {
        JointActions.decode(actionCounts, j, a);
        BigFraction w = BigFraction.ONE;
        for (int i = 0; i < n && w.signum() != 0; i++) {
          w = w.multiply(policy.prob(i, state, a[i]));
        }
        if (w.signum() != 0) {
          t = t.add(w.multiply(f[state][j]));
        }
      }
      return t;
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      int n = agentCount();
      int[] a = new int[n];
      double t = 0;
      for (int j = 0; j < f[state].length; j++) {
        JointActions.decode(actionCounts, j, a);
        double w = 1;
        for (int i = 0; i < n; i++) {
          w *= policyAtState[i][a[i]];
        }
        t += w * f[state][j].doubleValue();
      }
      return t;
    }
  }

  private BigFraction rowValue(int s, int j, int t) {
    int k = Arrays.binarySearch(successors[s][j], t);
    return k >= 0 ? probabilities[s][j][k] : BigFraction.ZERO;
  }

  /** The smallest state t with P(t|s,a^j) ≠ P(t|s,a^0) (the rows differ). */
  private int firstDifference(int s, int j) {
    for (int t = 0; t < states; t++) {
      if (!rowValue(s, j, t).equals(rowValue(s, 0, t))) {
        return t;
      }
    }
    return 0;
  }

  /** Double twin over the same tables, rounded to nearest once. */
  private final class DoubleTabular implements DoubleMarkovGame {
    private final double[][][] r = new double[states][][];
    private final double[][][] p = new double[states][][];
    private final double @Nullable [][] f;
    private final double[] rhoD = new double[states];

    DoubleTabular() {
      for (int s = 0; s < states; s++) {
        rhoD[s] = rho[s].doubleValue();
        r[s] = new double[rewards[s].length][];
        p[s] = new double[rewards[s].length][];
        for (int j = 0; j < r[s].length; j++) {
          r[s][j] = toDoubles(rewards[s][j]);
          p[s][j] = toDoubles(probabilities[s][j]);
        }
      }
      BigFraction[][] ph = phi;
      if (ph == null) {
        f = null;
      } else {
        double[][] g = new double[states][];
        for (int s = 0; s < states; s++) {
          g[s] = toDoubles(ph[s]);
        }
        f = g;
      }
    }

    @Override
    public int agentCount() {
      return actionCounts.length;
    }

    @Override
    public int stateCount() {
      return states;
    }

    @Override
    public int actionCount(int agent) {
      return actionCounts[agent];
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
      // the dense rows are the sparse ones scattered (the same sums in the same order, so the same doubles)
      int n = actionCounts.length;
      int[][][] index = new int[n][][];
      double[][][] value = new double[n][][];
      for (int i = 0; i < n; i++) {
        index[i] = new int[actionCounts[i]][];
        value[i] = new double[actionCounts[i]][];
      }
      expectSparse(state, pi, rewardBar, index, value);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < actionCounts[i]; k++) {
          double[] row = transitionBar[i][k];
          Arrays.fill(row, 0);
          for (int e = 0; e < index[i][k].length; e++) {
            row[index[i][k][e]] = value[i][k][e];
          }
        }
      }
    }

    @Override
    public void expectSparse(int state, double[][] pi, double[][] rewardBar, int[][][] index, double[][][] value) {
      int n = actionCounts.length;
      int[] support = support(state);
      double[][][] acc = new double[n][][];
      for (int i = 0; i < n; i++) {
        acc[i] = new double[actionCounts[i]][support.length];
        Arrays.fill(rewardBar[i], 0);
      }
      int[] a = new int[n];
      double[] prefix = new double[n + 1];
      double[] suffix = new double[n + 1];
      for (int j = 0; j < r[state].length; j++) {
        JointActions.decode(actionCounts, j, a);
        prefix[0] = 1;
        for (int i = 0; i < n; i++) {
          prefix[i + 1] = prefix[i] * pi[i][a[i]];
        }
        suffix[n] = 1;
        for (int i = n - 1; i >= 0; i--) {
          suffix[i] = suffix[i + 1] * pi[i][a[i]];
        }
        for (int i = 0; i < n; i++) {
          double w = prefix[i] * suffix[i + 1];
          if (w == 0) {
            continue;
          }
          rewardBar[i][a[i]] += w * r[state][j][i];
          double[] row = acc[i][a[i]];
          int[] succ = successors[state][j];
          for (int k = 0; k < succ.length; k++) {
            row[Arrays.binarySearch(support, succ[k])] += w * p[state][j][k];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < actionCounts[i]; k++) {
          DoubleMarkovGame.compress(acc[i][k], support, index[i], value[i], k);
        }
      }
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      if (f == null) {
        return Double.NaN;
      }
      Optional<StagePotential> sp = potential();
      return sp.isPresent() ? sp.get().expectedPhi(state, policyAtState) : Double.NaN;
    }
  }

  private static double[] toDoubles(BigFraction[] xs) {
    double[] d = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      d[k] = xs[k].doubleValue();
    }
    return d;
  }
}
