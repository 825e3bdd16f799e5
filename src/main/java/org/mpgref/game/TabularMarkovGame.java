package org.mpgref.game;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Markov game stored as dense exact tables over joint actions: r_i(s,a) as [s][a][i] and P(s'|s,a) as [s][a][s'],
 * joint actions indexed by {@link JointActions} (agent 0 fastest). One implementation of {@link MarkovGame} among
 * others, for small games, tests and imported files; refused (with the sizes) when S × Π|A_i| × (N+S) exceeds
 * {@link JointActions#MAX_DENSE_ENTRIES}. Normal-form games are the one-state case. Immutable.
 */
public final class TabularMarkovGame implements MarkovGame {
  private final String name;
  private final int[] actionCounts;
  private final int states;
  private final BigFraction gamma;
  private final BigFraction[] rho;
  private final BigFraction[][][] rewards; // [s][a][i]
  private final BigFraction[][][] transitions; // [s][a][s']
  private final BigFraction @Nullable [][] phi; // [s][a] or null
  private final StagePotential.Condition condition;
  private final String @Nullable [] agentLabels; // [i] or null (indices)
  private final String @Nullable [][] actionLabels; // [i][a] or null (indices)
  private final String @Nullable [] stateLabels; // [s] or null (indices)
  private @Nullable DoubleMarkovGame twin;

  private TabularMarkovGame(String name, int[] actionCounts, int states, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, BigFraction[][][] transitions, BigFraction @Nullable [][] phi,
      StagePotential.Condition condition) {
    this(name, actionCounts, states, gamma, rho, rewards, transitions, phi, condition, null, null, null);
  }

  private TabularMarkovGame(String name, int[] actionCounts, int states, BigFraction gamma, BigFraction[] rho,
      BigFraction[][][] rewards, BigFraction[][][] transitions, BigFraction @Nullable [][] phi,
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
    this.transitions = transitions;
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
    int n = actionCounts.length;
    if (n == 0) {
      throw new InvalidGameException("game has no agents; it needs at least one");
    }
    int states = rho.length;
    if (states == 0) {
      throw new InvalidGameException("game has no states (rho is empty); it needs at least one");
    }
    int joint = JointActions.countDense(actionCounts, states);
    requireDiscount(gamma);
    Rationals.requireDistribution(rho, "rho");
    if (rewards.length != states) {
      throw new InvalidGameException("rewards cover " + rewards.length + " states; rho has " + states);
    }
    if (transitions.length != states) {
      throw new InvalidGameException("transitions cover " + transitions.length + " states; rho has " + states);
    }
    BigFraction[][][] r = new BigFraction[states][joint][];
    BigFraction[][][] p = new BigFraction[states][joint][];
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      if (rewards[s].length != joint || transitions[s].length != joint) {
        throw new InvalidGameException("state " + s + " has " + rewards[s].length + " reward rows and "
            + transitions[s].length + " transition rows; the game has " + joint + " joint actions");
      }
      for (int j = 0; j < joint; j++) {
        JointActions.decode(actionCounts, j, a);
        if (rewards[s][j].length != n) {
          throw new InvalidGameException("r(s=" + s + ",a=" + JointActions.format(a) + ") has " + rewards[s][j].length
              + " entries; the game has " + n + " agents");
        }
        if (transitions[s][j].length != states) {
          throw new InvalidGameException("P(.|s=" + s + ",a=" + JointActions.format(a) + ") has "
              + transitions[s][j].length + " entries; the game has " + states + " states");
        }
        r[s][j] = rewards[s][j].clone();
        p[s][j] = transitions[s][j].clone();
        Rationals.requireDistribution(p[s][j], "P(.|s=" + s + ",a=" + JointActions.format(a) + ")");
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
    return new TabularMarkovGame(name, actionCounts.clone(), states, gamma, rho.clone(), r, p, f, condition);
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
    return new TabularMarkovGame(name, actionCounts, states, gamma, rho, rewards, transitions, phi, condition, ag, acts,
        st);
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
   * Checks 0 ≤ γ < 1.
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

  @Override
  public StageExpectation expect(int state, Policy policy) {
    int n = agentCount();
    int joint = jointActionCount();
    BigFraction[][] rb = new BigFraction[n][];
    BigFraction[][][] pb = new BigFraction[n][][];
    for (int i = 0; i < n; i++) {
      rb[i] = zeros(actionCounts[i]);
      pb[i] = new BigFraction[actionCounts[i]][];
      for (int k = 0; k < actionCounts[i]; k++) {
        pb[i][k] = zeros(states);
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
        for (int t = 0; t < states; t++) {
          if (transitions[state][j][t].signum() != 0) {
            row[t] = row[t].add(w.multiply(transitions[state][j][t]));
          }
        }
      }
    }
    return new StageExpectation(rb, pb);
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
    return transitions[state][JointActions.index(actionCounts, jointAction)][next];
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
          if (condition == Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS) {
            for (int t = 0; t < states; t++) {
              if (!transitions[s][j][t].equals(transitions[s][0][t])) {
                return Optional.of("transitions depend on the action at s=" + s + ": P(" + t + "|s," + JointActions.format(a)
                    + ") = " + Rationals.format(transitions[s][j][t]) + " but P(" + t + "|s,a=0) = "
                    + Rationals.format(transitions[s][0][t]));
              }
            }
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
          p[s][j] = toDoubles(transitions[s][j]);
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
      int n = actionCounts.length;
      for (int i = 0; i < n; i++) {
        Arrays.fill(rewardBar[i], 0);
        for (double[] row : transitionBar[i]) {
          Arrays.fill(row, 0);
        }
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
          double[] row = transitionBar[i][a[i]];
          for (int t = 0; t < states; t++) {
            row[t] += w * p[state][j][t];
          }
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
