package org.mpgref.game;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A Markov game whose agents' chosen actions are replaced, independently per agent, by executed actions drawn from
 * per-agent kernels before the base game sees them: a ~ π, ã_i ~ K_i(·|s, a_i) independently over i, then rewards and
 * transitions are the base game's at the executed joint action ã (the intervening agents of Sahitaj et al., AISTATS
 * 2025, arXiv 2504.20593, §5; code {@code PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc
 * :dist_alg_common.py:140-145}; specs/distancing-intervention-game.md §2). Per joint action,
 *
 * <pre>
 *   r_i(s, a)     = Σ_ã Π_j K_j(ã_j|s,a_j) · r^base_i(s, ã)
 *   P(s'|s, a)    = Σ_ã Π_j K_j(ã_j|s,a_j) · P^base(s'|s, ã)
 * </pre>
 *
 * and the stage expectations never enumerate ã: with the effective policies π̃_j(ã|s) = Σ_a π_j(a|s) K_j(ã|s,a),
 * r̄_i(s,a_i) = Σ_ã K_i(ã|s,a_i) · r̄^base_i(s,ã) and P̄_i(·|s,a_i) = Σ_ã K_i(ã|s,a_i) · P̄^base_i(·|s,ã), where the
 * base expectations are taken at π̃ (the others' executed actions are independent of agent i's). So a structured base
 * (e.g. {@link AnonymousMarkovGame}) keeps doing the work with its own count dynamic programme.
 *
 * <p>Index shapes: the kernel is [i][s][a_i][ã_i], a_i ∈ 0..m_i−1 the chosen actions (m_i = {@link #actionCount}),
 * ã_i ∈ 0..|Ã_i|−1 the base game's actions of agent i; every row K_i(·|s,a_i) is a distribution. Rewards are in the
 * base game's unit. If the base declares a stage potential φ with a condition, this game declares
 * φ̂(s,a) = Σ_ã Π_j K_j(ã_j|s,a_j) φ(s,ã) with the same condition, which is inherited: r_i − φ not depending on ã_i
 * implies r̂_i − φ̂ not depending on a_i, r_i = φ implies r̂_i = φ̂, and action-independent P stays action-independent
 * (proofs-notes/intervention-kernel-enclosure.md §4); its {@link StagePotential#findViolation()} checks the base.
 * Immutable; the exact world. {@link #toDouble()} and {@link #ofDouble} give the twin on primitive arrays.
 */
public final class ExecutedActionGame implements MarkovGame {
  private final String name;
  private final MarkovGame base;
  private final BigFraction[][][][] kernel; // [i][s][a][ã]
  private final DoubleMarkovGame twin;

  private ExecutedActionGame(String name, MarkovGame base, BigFraction[][][][] kernel) {
    this.name = name;
    this.base = base;
    this.kernel = kernel;
    double[][][][] k = new double[kernel.length][][][];
    for (int i = 0; i < kernel.length; i++) {
      k[i] = new double[kernel[i].length][][];
      for (int s = 0; s < kernel[i].length; s++) {
        k[i][s] = new double[kernel[i][s].length][];
        for (int a = 0; a < kernel[i][s].length; a++) {
          k[i][s][a] = new double[kernel[i][s][a].length];
          for (int b = 0; b < k[i][s][a].length; b++) {
            k[i][s][a][b] = kernel[i][s][a][b].doubleValue();
          }
        }
      }
    }
    this.twin = new Twin(base.toDouble(), k);
  }

  /**
   * Builds and validates the game.
   *
   * @param name a short name with parameters
   * @param base the base game (rewards and transitions at executed actions)
   * @param kernel K_i(ã|s,a) as [i][s][a][ã] (copied)
   * @return the game
   * @throws InvalidGameException naming the entry if the kernel does not have one block per agent and state, agent
   *     i's blocks have no chosen action or differ in size between states, a row's length is not |Ã_i| of the base,
   *     or a row is not a distribution (negative entry or sum ≠ 1 exactly)
   */
  public static ExecutedActionGame of(String name, MarkovGame base, BigFraction[][][][] kernel) {
    int agents = base.agentCount();
    int states = base.stateCount();
    requireShape(agents, states, base::actionCount, kernel.length, i -> kernel[i].length,
        (i, s) -> kernel[i][s].length, (i, s, a) -> kernel[i][s][a].length);
    BigFraction[][][][] copy = new BigFraction[agents][states][][];
    for (int i = 0; i < agents; i++) {
      int chosen = kernel[i][0].length;
      for (int s = 0; s < states; s++) {
        copy[i][s] = new BigFraction[chosen][];
        for (int a = 0; a < chosen; a++) {
          BigFraction[] row = kernel[i][s][a].clone();
          String what = "K_" + i + "(.|s=" + s + ",a=" + a + ")";
          Distributions.require(row, what);
          copy[i][s][a] = row;
        }
      }
    }
    return new ExecutedActionGame(name, base, copy);
  }

  /**
   * The double game with executed-action kernels: the twin of {@link #of} on primitive arrays (same formulas).
   *
   * @param base the base double game
   * @param kernel K_i(ã|s,a) as [i][s][a][ã] (copied)
   * @return the double game
   * @throws InvalidGameException naming the entry if the shapes are as refused by {@link #of}, an entry is negative or
   *     not finite, or a row's sum differs from 1 by more than 1e−9
   */
  public static DoubleMarkovGame ofDouble(DoubleMarkovGame base, double[][][][] kernel) {
    int agents = base.agentCount();
    int states = base.stateCount();
    requireShape(agents, states, base::actionCount, kernel.length, i -> kernel[i].length,
        (i, s) -> kernel[i][s].length, (i, s, a) -> kernel[i][s][a].length);
    double[][][][] copy = new double[agents][states][][];
    for (int i = 0; i < agents; i++) {
      int chosen = kernel[i][0].length;
      for (int s = 0; s < states; s++) {
        copy[i][s] = new double[chosen][];
        for (int a = 0; a < chosen; a++) {
          double[] row = kernel[i][s][a].clone();
          String what = "K_" + i + "(.|s=" + s + ",a=" + a + ")";
          double sum = 0;
          for (int b = 0; b < row.length; b++) {
            if (!(row[b] >= 0) || row[b] == Double.POSITIVE_INFINITY) {
              throw new InvalidGameException(what + "[" + b + "] = " + row[b] + " must be a finite number >= 0");
            }
            sum += row[b];
          }
          if (!(Math.abs(sum - 1) <= 1e-9)) {
            throw new InvalidGameException(what + " sums to " + sum + "; it must sum to 1 within 1e-9");
          }
          copy[i][s][a] = row;
        }
      }
    }
    return new Twin(base, copy);
  }

  /**
   * @return the base game
   */
  public MarkovGame base() {
    return base;
  }

  /**
   * K_i(ã|s,a).
   *
   * @param agent i
   * @param state s
   * @param chosen a, the chosen action
   * @param executed ã, the executed action (an action of agent i in the base game)
   * @return the probability
   */
  public BigFraction kernel(int agent, int state, int chosen, int executed) {
    return kernel[agent][state][chosen][executed];
  }

  /**
   * The effective policy at one state, π̃_j(ã|s) = Σ_a π_j(a|s) K_j(ã|s,a), as a policy of the base game. Rows at
   * other states are the point mass on action 0 (the base's {@link MarkovGame#expect} reads only state s).
   *
   * @param state s
   * @param policy π, a policy of this game
   * @return π̃ at s
   * @throws InvalidGameException if π does not have this game's shape
   */
  public Policy effectivePolicy(int state, Policy policy) {
    policy.requireShapeOf(this);
    BigFraction[][] rows = new BigFraction[kernel.length][];
    for (int j = 0; j < kernel.length; j++) {
      rows[j] = mix(kernel[j][state], policy.row(j, state));
    }
    return atState(state, rows);
  }

  /** Σ_a weight[a] · rows[a]. */
  private static BigFraction[] mix(BigFraction[][] rows, BigFraction[] weight) {
    BigFraction[] out = new BigFraction[rows[0].length];
    Arrays.fill(out, BigFraction.ZERO);
    for (int a = 0; a < rows.length; a++) {
      if (weight[a].signum() == 0) {
        continue;
      }
      for (int b = 0; b < out.length; b++) {
        if (rows[a][b].signum() != 0) {
          out[b] = out[b].add(weight[a].multiply(rows[a][b]));
        }
      }
    }
    return out;
  }

  /** A base-game policy with the given rows at state s and point masses on action 0 elsewhere. */
  private Policy atState(int state, BigFraction[][] rows) {
    int states = base.stateCount();
    BigFraction[][][] p = new BigFraction[rows.length][states][];
    for (int j = 0; j < rows.length; j++) {
      for (int t = 0; t < states; t++) {
        if (t == state) {
          p[j][t] = rows[j];
        } else {
          BigFraction[] point = new BigFraction[base.actionCount(j)];
          Arrays.fill(point, BigFraction.ZERO);
          point[0] = BigFraction.ONE;
          p[j][t] = point;
        }
      }
    }
    return Policy.of(p);
  }

  /** The base-game "policy" whose row of agent j at s is K_j(·|s,a_j), for one chosen joint action a. */
  private Policy kernelRowsAt(int state, int[] jointAction) {
    if (jointAction.length != kernel.length) {
      throw new InvalidGameException("joint action has " + jointAction.length + " entries; the game has "
          + kernel.length + " agents");
    }
    BigFraction[][] rows = new BigFraction[kernel.length][];
    for (int j = 0; j < kernel.length; j++) {
      int a = jointAction[j];
      if (a < 0 || a >= kernel[j][state].length) {
        throw new InvalidGameException("action of agent " + j + " is " + a + "; it must be in 0.."
            + (kernel[j][state].length - 1));
      }
      rows[j] = kernel[j][state][a];
    }
    return atState(state, rows);
  }

  @Override
  public int agentCount() {
    return base.agentCount();
  }

  @Override
  public int stateCount() {
    return base.stateCount();
  }

  @Override
  public int actionCount(int agent) {
    return kernel[agent][0].length;
  }

  @Override
  public BigFraction discount() {
    return base.discount();
  }

  @Override
  public BigFraction initial(int state) {
    return base.initial(state);
  }

  /**
   * The base's expectations at the effective policies π̃(·|s), contracted with each agent's kernel rows. Cost: one base
   * {@link MarkovGame#expect} plus O(N · m · |Ã| · (1 + |S|)) rational operations.
   */
  @Override
  public StageExpectation expect(int state, Policy policy) {
    StageExpectation e = base.expect(state, effectivePolicy(state, policy));
    int agents = kernel.length;
    int states = base.stateCount();
    BigFraction[][] rb = new BigFraction[agents][];
    BigFraction[][][] pb = new BigFraction[agents][][];
    for (int i = 0; i < agents; i++) {
      int m = kernel[i][state].length;
      rb[i] = new BigFraction[m];
      pb[i] = new BigFraction[m][];
      for (int a = 0; a < m; a++) {
        BigFraction[] k = kernel[i][state][a];
        BigFraction r = BigFraction.ZERO;
        BigFraction[] p = new BigFraction[states];
        Arrays.fill(p, BigFraction.ZERO);
        for (int b = 0; b < k.length; b++) {
          if (k[b].signum() == 0) {
            continue;
          }
          r = r.add(k[b].multiply(e.rewardBar(i, b)));
          for (int q = 0; q < e.transitionNonZeros(i, b); q++) {
            int t = e.transitionIndex(i, b, q);
            p[t] = p[t].add(k[b].multiply(e.transitionValue(i, b, q)));
          }
        }
        rb[i][a] = r;
        pb[i][a] = p;
      }
    }
    return new StageExpectation(rb, pb);
  }

  /** The base's estimate at the effective policies, plus the contraction. */
  @Override
  public double expectationWork(Policy policy) {
    policy.requireShapeOf(this);
    int agents = kernel.length;
    int states = base.stateCount();
    BigFraction[][][] p = new BigFraction[agents][states][];
    double contraction = 0;
    for (int j = 0; j < agents; j++) {
      for (int s = 0; s < states; s++) {
        p[j][s] = mix(kernel[j][s], policy.row(j, s));
        contraction += 100.0 * kernel[j][s].length * kernel[j][s][0].length * (2 + states);
      }
    }
    return base.expectationWork(Policy.of(p)) + states * contraction;
  }

  /**
   * r_i(s,a) = Σ_ã K_i(ã|s,a_i) · E_{ã_{−i} ~ K_{−i}(·|s,a_{−i})} r^base_i(s, ã): one base {@link MarkovGame#expect}
   * at the kernel rows of a (never an enumeration of ã).
   */
  @Override
  public BigFraction reward(int agent, int state, int[] jointAction) {
    StageExpectation e = base.expect(state, kernelRowsAt(state, jointAction));
    BigFraction[] k = kernel[agent][state][jointAction[agent]];
    BigFraction r = BigFraction.ZERO;
    for (int b = 0; b < k.length; b++) {
      if (k[b].signum() != 0) {
        r = r.add(k[b].multiply(e.rewardBar(agent, b)));
      }
    }
    return r;
  }

  /** P(s'|s,a), computed as {@link #reward} through agent 0's expectations. */
  @Override
  public BigFraction transition(int state, int[] jointAction, int next) {
    StageExpectation e = base.expect(state, kernelRowsAt(state, jointAction));
    BigFraction[] k = kernel[0][state][jointAction[0]];
    BigFraction p = BigFraction.ZERO;
    for (int b = 0; b < k.length; b++) {
      if (k[b].signum() != 0) {
        p = p.add(k[b].multiply(e.transitionBar(0, b, next)));
      }
    }
    return p;
  }

  @Override
  public Optional<StagePotential> potential() {
    Optional<StagePotential> bp = base.potential();
    if (bp.isEmpty()) {
      return Optional.empty();
    }
    StagePotential phi = bp.get();
    return Optional.of(new StagePotential() {
      @Override
      public Condition condition() {
        return phi.condition();
      }

      @Override
      public Optional<String> findViolation() {
        return phi.findViolation().map(v -> "base game of the executed-action game: " + v);
      }

      @Override
      public BigFraction phi(int state, int[] jointAction) {
        return phi.expectedPhi(state, kernelRowsAt(state, jointAction));
      }

      @Override
      public BigFraction expectedPhi(int state, Policy policy) {
        return phi.expectedPhi(state, effectivePolicy(state, policy));
      }

      @Override
      public double expectedPhi(int state, double[][] policyAtState) {
        return twin.expectedPhi(state, policyAtState);
      }
    });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DoubleMarkovGame toDouble() {
    return twin;
  }

  @Override
  public String agentLabel(int agent) {
    return base.agentLabel(agent);
  }

  @Override
  public String actionLabel(int agent, int action) {
    return base.actionLabel(agent, action);
  }

  @Override
  public String stateLabel(int state) {
    return base.stateLabel(state);
  }

  /** The double game: effective rows, one base expect, contraction; thread-safe (scratch arrays per call). */
  private static final class Twin implements DoubleMarkovGame {
    private final DoubleMarkovGame base;
    private final double[][][][] k; // [i][s][a][ã]

    Twin(DoubleMarkovGame base, double[][][][] k) {
      this.base = base;
      this.k = k;
    }

    private double[][] effective(int state, double[][] pi) {
      double[][] eff = new double[k.length][];
      for (int j = 0; j < k.length; j++) {
        double[][] rows = k[j][state];
        double[] out = new double[rows[0].length];
        for (int a = 0; a < rows.length; a++) {
          double w = pi[j][a];
          if (w == 0) {
            continue;
          }
          double[] row = rows[a];
          for (int b = 0; b < out.length; b++) {
            out[b] += w * row[b];
          }
        }
        eff[j] = out;
      }
      return eff;
    }

    @Override
    public int agentCount() {
      return base.agentCount();
    }

    @Override
    public int stateCount() {
      return base.stateCount();
    }

    @Override
    public int actionCount(int agent) {
      return k[agent][0].length;
    }

    @Override
    public double discount() {
      return base.discount();
    }

    @Override
    public double[] initial() {
      return base.initial();
    }

    @Override
    public void expect(int state, double[][] policyAtState, double[][] rewardBar, double[][][] transitionBar) {
      int agents = k.length;
      int states = base.stateCount();
      double[][] rb = new double[agents][];
      double[][][] tb = new double[agents][][];
      for (int i = 0; i < agents; i++) {
        rb[i] = new double[base.actionCount(i)];
        tb[i] = new double[base.actionCount(i)][states];
      }
      base.expect(state, effective(state, policyAtState), rb, tb);
      for (int i = 0; i < agents; i++) {
        double[][] rows = k[i][state];
        for (int a = 0; a < rows.length; a++) {
          double[] row = rows[a];
          double r = 0;
          double[] p = transitionBar[i][a];
          Arrays.fill(p, 0);
          for (int b = 0; b < row.length; b++) {
            double w = row[b];
            if (w == 0) {
              continue;
            }
            r += w * rb[i][b];
            double[] br = tb[i][b];
            for (int t = 0; t < states; t++) {
              p[t] += w * br[t];
            }
          }
          rewardBar[i][a] = r;
        }
      }
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      return base.expectedPhi(state, effective(state, policyAtState));
    }
  }

  /** The block lengths of a kernel [i][s][a][ã], read through accessors so that both worlds share one check. */
  private interface Length2 {
    int of(int i, int s);
  }

  /** The length of row (i, s, a). */
  private interface Length3 {
    int of(int i, int s, int a);
  }

  /**
   * Checks a kernel's shape: one block per agent and state, the same number ≥ 1 of chosen actions at every state, and
   * rows of |Ã_i| entries (the base game's actions).
   */
  private static void requireShape(int agents, int states, java.util.function.IntUnaryOperator baseActions,
      int agentBlocks, java.util.function.IntUnaryOperator stateBlocks, Length2 chosenRows, Length3 rowLength) {
    if (agentBlocks != agents) {
      throw new InvalidGameException("kernel has " + agentBlocks + " agents; the base game has " + agents);
    }
    for (int i = 0; i < agents; i++) {
      if (stateBlocks.applyAsInt(i) != states) {
        throw new InvalidGameException("kernel of agent " + i + " has " + stateBlocks.applyAsInt(i)
            + " states; the base game has " + states);
      }
      int chosen = chosenRows.of(i, 0);
      for (int s = 0; s < states; s++) {
        if (chosenRows.of(i, s) == 0 || chosenRows.of(i, s) != chosen) {
          throw new InvalidGameException("kernel of agent " + i + " at s=" + s + " has " + chosenRows.of(i, s)
              + " chosen actions; it must have the same number >= 1 at every state (" + chosen + " at s=0)");
        }
        for (int a = 0; a < chosen; a++) {
          if (rowLength.of(i, s, a) != baseActions.applyAsInt(i)) {
            throw new InvalidGameException("K_" + i + "(.|s=" + s + ",a=" + a + ") has " + rowLength.of(i, s, a)
                + " entries; agent " + i + " has " + baseActions.applyAsInt(i) + " actions in the base game");
          }
        }
      }
    }
  }
}
