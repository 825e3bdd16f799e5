package org.mpgref.catalog;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;

/**
 * The "routing" game of the public code of Fox et al. (AISTATS 2022):
 * {@code willoverman/MPG_experiments@9bf9a971f9e21f12f7545b462c1f41a31f1123d5:npg_routing.py} and
 * {@code pg_routing.py}. It is what the code runs in place of the paper's stochastic congestion game (Example 1).
 *
 * <pre>
 *   N agents, U units (published U = 2); state = the previous joint choice, s = Σ_i a_i U^i  (|S| = U^N, agent 0 least
 *   significant, as state_to_num); r_i(s, a) = 1 / #{j : a_j = a_i}  (independent of s); next state = index(a)
 * </pre>
 *
 * γ = 99/100 as in the code; ρ uniform over the U^N states (the code averages its value estimates over every start
 * state). Transitions are deterministic. Declared stage potential: Rosenthal's φ(a) = Σ_u H(c_u), H the harmonic
 * number, a potential of every state game; no Markov-potential condition is claimed (transitions depend on actions).
 * Structured: r̄ is computed from the other agents' count distribution and P̄_i(·|s,a_i) from products of their
 * probabilities, without a joint-action table. Immutable.
 */
public final class RoutingGame implements MarkovGame {
  /** Where the definition comes from. */
  public static final String SOURCE = "Fox et al. AISTATS 2022 public code: willoverman/MPG_experiments@9bf9a971"
      + ":npg_routing.py (get_reward, state_to_num)";
  /** Largest number of states U^N accepted. */
  public static final int MAX_STATES = 1 << 12;

  private final int agents;
  private final int units;
  private final int states;
  private final BigFraction gamma;
  private final BigFraction[] inverse; // 1/k for k = 1..N
  private final BigFraction[] harmonic; // H(k)

  private RoutingGame(int agents, int units, BigFraction gamma) {
    this.agents = agents;
    this.units = units;
    int st = 1;
    for (int i = 0; i < agents; i++) {
      st *= units;
    }
    this.states = st;
    this.gamma = gamma;
    this.inverse = new BigFraction[agents + 1];
    this.harmonic = new BigFraction[agents + 1];
    inverse[0] = BigFraction.ZERO;
    harmonic[0] = BigFraction.ZERO;
    for (int k = 1; k <= agents; k++) {
      inverse[k] = BigFraction.of(1, k);
      harmonic[k] = harmonic[k - 1].add(inverse[k]);
    }
  }

  /**
   * The routing game.
   *
   * @param agents N ≥ 1
   * @param units U ≥ 1
   * @param gamma γ
   * @return the game
   * @throws InvalidGameException if N &lt; 1, U &lt; 1, U^N exceeds {@link #MAX_STATES}, or γ ∉ [0,1)
   */
  public static RoutingGame of(int agents, int units, BigFraction gamma) {
    if (agents < 1 || units < 1) {
      throw new InvalidGameException("routing game: N = " + agents + ", U = " + units + "; both must be >= 1");
    }
    double size = Math.pow(units, agents);
    if (size > MAX_STATES) {
      throw new InvalidGameException("routing game: U^N = " + units + "^" + agents + " states exceeds the limit of " + MAX_STATES);
    }
    org.mpgref.game.TabularMarkovGame.requireDiscount(gamma);
    return new RoutingGame(agents, units, gamma);
  }

  /**
   * The published setting: U = 2 units, γ = 99/100.
   *
   * @param agents N
   * @return the game
   */
  public static RoutingGame published(int agents) {
    return of(agents, 2, BigFraction.of(99, 100));
  }

  @Override
  public int agentCount() {
    return agents;
  }

  @Override
  public int stateCount() {
    return states;
  }

  @Override
  public int actionCount(int agent) {
    return units;
  }

  @Override
  public BigFraction discount() {
    return gamma;
  }

  @Override
  public BigFraction initial(int state) {
    return BigFraction.of(1, states);
  }

  private int digit(int state, int agent) {
    int s = state;
    for (int i = 0; i < agent; i++) {
      s /= units;
    }
    return s % units;
  }

  private int index(int[] a) {
    if (a.length != agents) {
      throw new InvalidGameException("joint action has " + a.length + " entries; the game has " + agents + " agents");
    }
    int s = 0;
    for (int i = agents - 1; i >= 0; i--) {
      if (a[i] < 0 || a[i] >= units) {
        throw new InvalidGameException("action of agent " + i + " is " + a[i] + "; it must be in 0.." + (units - 1));
      }
      s = s * units + a[i];
    }
    return s;
  }

  /**
   * Work of {@link #expect} at every state: per agent i and unit u, the Poisson-binomial distribution (N² products) and
   * the depth-first spread over the other agents' supports (one product per joint action of positive probability,
   * Π_{j≠i} |supp π_j(·|s)| of them). The stage tables hold as many entries; their memory is checked here too
   * ({@link org.mpgref.linalg.MemoryBudget}).
   *
   * @throws org.mpgref.limits.LimitExceededException if the stage tables would not fit in memory
   */
  @Override
  public double expectationWork(Policy policy) {
    double work = 0;
    double entries = 0;
    for (int s = 0; s < states; s++) {
      double[] support = new double[agents];
      for (int j = 0; j < agents; j++) {
        for (int a = 0; a < units; a++) {
          if (policy.prob(j, s, a).signum() != 0) {
            support[j]++;
          }
        }
      }
      for (int i = 0; i < agents; i++) {
        double leaves = 1;
        for (int j = 0; j < agents; j++) {
          if (j != i) {
            leaves *= support[j];
          }
        }
        entries += units * leaves;
        work += units * ((double) agents * agents + leaves * agents) * 100;
      }
    }
    org.mpgref.linalg.MemoryBudget.require("the stage expectations of " + name() + " (" + states + " states, "
        + String.format(java.util.Locale.ROOT, "%.0f", entries) + " transition entries)",
        entries * (8 + org.mpgref.linalg.MemoryBudget.FRACTION_BYTES));
    return work;
  }

  @Override
  public StageExpectation expect(int state, Policy policy) {
    BigFraction[][] rb = new BigFraction[agents][units];
    BigFraction[][][] pb = new BigFraction[agents][units][states];
    for (int i = 0; i < agents; i++) {
      for (int u = 0; u < units; u++) {
        // distribution of the number of others on unit u (Poisson-binomial), exact
        BigFraction[] q = new BigFraction[agents - 1];
        for (int j = 0, k = 0; j < agents; j++) {
          if (j != i) {
            q[k++] = policy.prob(j, state, u);
          }
        }
        BigFraction[] dist = poissonBinomial(q);
        int m = agents - 1;
        BigFraction r = BigFraction.ZERO;
        for (int k = 0; k <= m; k++) {
          r = r.add(dist[k].multiply(inverse[k + 1]));
        }
        rb[i][u] = r;
        Arrays.fill(pb[i][u], BigFraction.ZERO);
        spread(policy, state, i, 0, u * power(i), BigFraction.ONE, pb[i][u]);
      }
    }
    return new StageExpectation(rb, pb);
  }

  /**
   * Poisson-binomial distribution: Pr(k of the independent events with probabilities q_j occur), k = 0..|q|, exactly.
   *
   * @param q probabilities
   * @return [k]
   */
  static BigFraction[] poissonBinomial(BigFraction[] q) {
    BigFraction[] dist = new BigFraction[q.length + 1];
    Arrays.fill(dist, BigFraction.ZERO);
    dist[0] = BigFraction.ONE;
    for (int j = 0; j < q.length; j++) {
      BigFraction nq = BigFraction.ONE.subtract(q[j]);
      for (int k = j + 1; k >= 0; k--) {
        BigFraction v = k <= j ? dist[k].multiply(nq) : BigFraction.ZERO;
        dist[k] = k > 0 ? v.add(dist[k - 1].multiply(q[j])) : v;
      }
    }
    return dist;
  }

  /**
   * Double twin of {@link #poissonBinomial(BigFraction[])}.
   *
   * @param q probabilities
   * @return [k]
   */
  static double[] poissonBinomial(double[] q) {
    double[] dist = new double[q.length + 1];
    dist[0] = 1;
    for (int j = 0; j < q.length; j++) {
      for (int k = j + 1; k >= 0; k--) {
        double v = k <= j ? dist[k] * (1 - q[j]) : 0;
        dist[k] = k > 0 ? v + dist[k - 1] * q[j] : v;
      }
    }
    return dist;
  }

  private int power(int agent) {
    int p = 1;
    for (int k = 0; k < agent; k++) {
      p *= units;
    }
    return p;
  }

  /**
   * Depth-first over the supports of the other agents' policies: adds Π_{j≠i} π_j(a_j|s) to out[index(a)] for every
   * a with a_i fixed (already in {@code partial}), visiting only joint actions of positive probability.
   */
  private void spread(Policy policy, int state, int agent, int j, int partial, BigFraction weight, BigFraction[] out) {
    if (j == agents) {
      out[partial] = out[partial].add(weight);
      return;
    }
    if (j == agent) {
      spread(policy, state, agent, j + 1, partial, weight, out);
      return;
    }
    int pj = power(j);
    for (int a = 0; a < units; a++) {
      BigFraction q = policy.prob(j, state, a);
      if (q.signum() != 0) {
        spread(policy, state, agent, j + 1, partial + a * pj, weight.multiply(q), out);
      }
    }
  }

  private int count(int[] a, int unit) {
    int c = 0;
    for (int x : a) {
      if (x == unit) {
        c++;
      }
    }
    return c;
  }

  @Override
  public BigFraction reward(int agent, int state, int[] jointAction) {
    index(jointAction);
    return inverse[count(jointAction, jointAction[agent])];
  }

  @Override
  public BigFraction transition(int state, int[] jointAction, int next) {
    return index(jointAction) == next ? BigFraction.ONE : BigFraction.ZERO;
  }

  @Override
  public Optional<StagePotential> potential() {
    return Optional.of(new StagePotential() {
      @Override
      public Condition condition() {
        return Condition.STATE_POTENTIAL_ONLY;
      }

      @Override
      public BigFraction phi(int state, int[] jointAction) {
        index(jointAction);
        BigFraction f = BigFraction.ZERO;
        for (int u = 0; u < units; u++) {
          f = f.add(harmonic[count(jointAction, u)]);
        }
        return f;
      }

      @Override
      public BigFraction expectedPhi(int state, Policy policy) {
        // E Σ_u H(c_u): by linearity, per unit the Poisson-binomial distribution of c_u over all agents.
        BigFraction t = BigFraction.ZERO;
        for (int u = 0; u < units; u++) {
          BigFraction[] q = new BigFraction[agents];
          for (int j = 0; j < agents; j++) {
            q[j] = policy.prob(j, state, u);
          }
          BigFraction[] dist = poissonBinomial(q);
          for (int k = 0; k <= agents; k++) {
            t = t.add(dist[k].multiply(harmonic[k]));
          }
        }
        return t;
      }

      @Override
      public double expectedPhi(int state, double[][] pi) {
        double t = 0;
        for (int u = 0; u < units; u++) {
          double[] q = new double[agents];
          for (int j = 0; j < agents; j++) {
            q[j] = pi[j][u];
          }
          double[] dist = poissonBinomial(q);
          for (int k = 0; k <= agents; k++) {
            t += dist[k] * harmonic[k].doubleValue();
          }
        }
        return t;
      }

      @Override
      public Optional<String> findViolation() {
        // Every state game is Rosenthal's congestion game with cost 1/k, whose potential is Σ_u H(c_u):
        // moving one agent from unit v to u changes its reward by 1/(c_u+1) − 1/c_v and φ by H(c_u+1) − H(c_u)
        // + H(c_v−1) − H(c_v) = 1/(c_u+1) − 1/c_v. Checked here over all count pairs.
        for (int cu = 0; cu < agents; cu++) {
          for (int cv = 1; cu + cv <= agents; cv++) {
            BigFraction dr = inverse[cu + 1].subtract(inverse[cv]);
            BigFraction dphi = harmonic[cu + 1].subtract(harmonic[cu]).add(harmonic[cv - 1]).subtract(harmonic[cv]);
            if (!dr.equals(dphi)) {
              return Optional.of("state potential fails for counts " + cu + "/" + cv);
            }
          }
        }
        return Optional.empty();
      }
    });
  }

  @Override
  public String name() {
    return "routing(N=" + agents + ", U=" + units + ", gamma=" + Rationals.format(gamma) + ", rho=uniform)";
  }

  @Override
  public DoubleMarkovGame toDouble() {
    return new DoubleRouting();
  }

  /** Double twin. */
  private final class DoubleRouting implements DoubleMarkovGame {
    @Override
    public int agentCount() {
      return agents;
    }

    @Override
    public int stateCount() {
      return states;
    }

    @Override
    public int actionCount(int agent) {
      return units;
    }

    @Override
    public double discount() {
      return gamma.doubleValue();
    }

    @Override
    public double[] initial() {
      double[] r = new double[states];
      Arrays.fill(r, 1.0 / states);
      return r;
    }

    @Override
    public void expect(int state, double[][] pi, double[][] rewardBar, double[][][] transitionBar) {
      for (int i = 0; i < agents; i++) {
        for (int u = 0; u < units; u++) {
          double[] q = new double[agents - 1];
          for (int j = 0, k = 0; j < agents; j++) {
            if (j != i) {
              q[k++] = pi[j][u];
            }
          }
          double[] dist = poissonBinomial(q);
          int m = agents - 1;
          double r = 0;
          for (int k = 0; k <= m; k++) {
            r += dist[k] / (k + 1);
          }
          rewardBar[i][u] = r;
          for (int t = 0; t < states; t++) {
            if (digit(t, i) != u) {
              transitionBar[i][u][t] = 0;
              continue;
            }
            double w = 1;
            for (int j = 0; j < agents; j++) {
              if (j != i) {
                w *= pi[j][digit(t, j)];
              }
            }
            transitionBar[i][u][t] = w;
          }
        }
      }
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      return potential().map(p -> p.expectedPhi(state, policyAtState)).orElse(Double.NaN);
    }
  }
}
