package org.mpgref.catalog;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.Distributions;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.numbers.Rationals;
import org.mpgref.performative.InducedGame;
import org.mpgref.performative.PerformativeGame;

/**
 * The stochastic congestion game of Sahitaj, Sasnauskas, Yalın, Mandal and Radanović (AISTATS 2025, arXiv
 * 2504.20593; the congestion panels of Figures 1–2, right, per the code's README) as a performative game, read from
 * the authors' code
 * {@code PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc:cong_env.py} (lines 16-151) and
 * {@code cong_alg_common.py} (lines 48, 91-94, 121, 167); see {@code specs/stochastic-congestion-game.md} and
 * ../shared/reference/performative.md §1.6.
 *
 * <pre>
 *   agents i = 0..3, nodes 0 → {1, 2} → {3, 4} → 0; every agent has its own node, all move one layer per step
 *   states: the 33 node vectors n = (n_0..n_3) of all_states (cong_env.py:74-112): 0 = (0,0,0,0); 1..16 = {1,2}^4 and
 *     17..32 = {3,4}^4, lexicographic with n_0 most significant (1 = (1,1,1,1), 2 = (1,1,1,2), ..., 16 = (2,2,2,2))
 *   actions a_i ∈ {0, 1}; base target T(n, a) (cong_env.py:16-40): T(0,·) = (1, 2), T(1,·) = (3, 4), T(2,·) = (4, 3),
 *     T(3,·) = T(4,·) = (0, 0); the other node of the next layer O(n, a): O(0,·) = (2, 1), O(1,·) = (4, 3), O(2,·) = (3, 4)
 *   m_i(s, a) = #{j : (n_j, a_j) = (n_i, a_i)}  (per (node, action) pair, also at nodes 3 and 4)
 *   f(1..4) = 50, 15, 5, 1  (step_rewards, cong_env.py:72)
 *   deployed π̄: x_i(s, a_i) = π̄_i(a_i | row_i(s)) − 1/2, y_i = c_p · x_i
 *   r_{i,π̄}(s, a) = f(m_i(s, a)) + c_r · x_i(s, a_i)                                   (cong_env.py:145-146)
 *   next node of agent i ~ normalise(P₀(·|n_i,a_i) + M(·|n_i) · y_i) resolved as below  (cong_env.py:123-127)
 *   agents move independently: P_π̄(s'|s, a) = Π_i q_i(n'_i | n_i, a_i)
 * </pre>
 *
 * From nodes 3, 4 every agent goes to node 0 with probability 1 in both variants (the mask M(·|3) = M(·|4) is node 0
 * itself, so the code normalises (1 + y)/(1 + y) = 1). From n ∈ {0, 1, 2}, base node b = T(n, a_i), other node
 * o = O(n, a_i), the code's weights are (1 + y, y)/(1 + 2y) on (b, o). The two {@link Variant}s:
 *
 * <ul>
 *   <li>{@link Variant#AS_PUBLISHED}: row_i(s) = n_i, i.e. x_i reads policy row "joint state number n_i" (rows 0–4
 *       only, defect A2, cong_alg_common.py:48, 121, 167); negative weights resolved as JAX's sampler does
 *       (jax.random.choice: cumsum, r ∈ (0, 1], 3-level binary search; performative.md §1.6.3): y ≥ 0: (b, o) with
 *       ((1 + y)/(1 + 2y), y/(1 + 2y)); −1/2 &lt; y &lt; 0: b with probability 1; y &lt; −1/2: o with probability 1. At
 *       y = −1/2 exactly the code divides 0 by 0 (NaN weights, no node); mpgref takes b with probability 1 there (the
 *       limit from above, and the value of the corrected model).
 *   <li>{@link Variant#CORRECTED}: row_i(s) = s, the deployed policy at the current joint state; P̃ ∝ max(0, P₀ +
 *       M · y), i.e. with y⁺ = max(0, y): (b, o) with ((1 + y⁺)/(1 + 2y⁺), y⁺/(1 + 2y⁺)). Continuous in π̄.
 * </ul>
 *
 * Strengths: the code sets c = ω/((1 − γ)√(|S||A|)) with |S||A| = 33·2 = 66 (cong_main_pga.py:79-80), irrational for
 * the published ω ∈ {1/10, 3/100}. This class takes c_r, c_p as exact rationals ({@link #of}); {@link #fromOmega}
 * uses the rational {@link #SQRT_66} = 1098305/135192, a continued-fraction convergent of √66 that solves Pell's
 * equation 1098305² − 66·135192² = 1, hence 0 &lt; 1098305/135192 − √66 &lt; 1/(2√66·135192²) &lt; 3.5·10^-12 (12
 * significant digits, 8.12403840464); its c is below the real one by a relative error below 4.3·10^-13.
 * Parameters: c_r ≥ 0, 0 ≤ c_p &lt; 2 (at c_p ≥ 2 a deployed probability 0 makes a weight 1 + y ≤ 0: the clipped row
 * is all zero and the code divides 0 by 0), γ ∈ [0, 1) (published 99/100), ρ a distribution over the 33 states. ρ defaults to uniform, because the code's estimators start rollouts from every
 * row of all_states and sum them (cong_main_pga.py:98-108), an unnormalised uniform ρ; its env_reset state (0,0,0,0)
 * (cong_env.py:12-13) is used only by the reward logger ({@link #codeResetInitial()}).
 *
 * <p>Every induced game is exact (the response is rational in π̄ for rational c): a {@link TabularMarkovGame} of 33
 * states × 16 joint actions (agent 0 fastest, {@link JointActions}), labelled, declaring the stage potential
 * φ_π̄(s, a) = Σ_{(n,a')} Σ_{m=1}^{count(n,a')} f(m) + c_r Σ_i x_i(s, a_i) (Rosenthal's potential of the (node, action)
 * resources plus each agent's own performative term), a potential of every state game; no Markov-potential condition
 * is claimed ({@link StagePotential.Condition#STATE_POTENTIAL_ONLY}: transitions depend on the actions). The double
 * induced game works on primitive arrays: r̄_i from the 8 joint actions of the others, P̄_i(·|s, a_i) as the
 * product of agent i's own next-node law and the others' policy-averaged laws. Immutable.
 */
public final class StochasticCongestionGame implements PerformativeGame {
  /** Where the definition comes from. */
  public static final String SOURCE = "Sahitaj et al. AISTATS 2025 (arXiv 2504.20593), Figures 1-2 right; code "
      + "PauliusSasnauskas/performative-mpgs@da85aa2:cong_env.py:16-151, cong_main_pga.py:79-80, "
      + "cong_alg_common.py:48,91-94,121,167";
  /** N = 4 agents. */
  public static final int AGENTS = 4;
  /** 5 nodes 0..4. */
  public static final int NODES = 5;
  /** |S| = 33 joint states. */
  public static final int STATES = 33;
  /** |A_i| = 2 actions per agent. */
  public static final int ACTIONS = 2;
  /** The published discount γ = 99/100 (util/util.py, {@code --gamma 0.99}). */
  public static final BigFraction PUBLISHED_DISCOUNT = BigFraction.of(99, 100);
  /**
   * The rational stand-in for √66 used by {@link #strength}: p/q = 1098305/135192, the convergent of √66 = [8; 8, 16,
   * 8, 16, ...] with p² − 66q² = 1, so 0 &lt; p/q − √66 = 1/(q(p + q√66)) &lt; 1/(2√66·q²) &lt; 3.5·10^-12. Chosen over a
   * 12-decimal truncation for its small height (20-bit numerator and denominator), which keeps exact induced games
   * cheap.
   */
  public static final BigFraction SQRT_66 = BigFraction.of(1_098_305, 135_192);

  private static final int[] ACTION_COUNTS = {ACTIONS, ACTIONS, ACTIONS, ACTIONS};
  private static final int JOINT = 16;
  private static final BigFraction HALF = BigFraction.of(1, 2);
  /** f(m) for m = 0..4 (m = 0 never occurs for an agent's own resource). */
  private static final int[] F = {0, 50, 15, 5, 1};
  /** T(n, a): the base target node. */
  private static final int[][] TARGET = {{1, 2}, {3, 4}, {4, 3}, {0, 0}, {0, 0}};
  /** The 33 node vectors [s][i]. */
  private static final int[][] NODE_VECTORS = nodeVectors();
  /** f(m_i(s, a)) as [s][jointIndex][i]. */
  private static final int[][][] CONGESTION = congestionRewards();
  /** Rosenthal's potential Σ_e Σ_{m ≤ count_e} f(m) as [s][jointIndex]. */
  private static final int[][] ROSENTHAL = rosenthal();

  /** The two models of the performative response; see the class comment. */
  public enum Variant {
    /** The code's model: x_i from policy row n_i (defect A2) and JAX's sampler semantics for negative weights (A3). */
    AS_PUBLISHED("as-published"),
    /** The intended model: x_i from the current joint state, P̃ ∝ max(0, P₀ + M·c_p·x). */
    CORRECTED("corrected");

    private final String label;

    Variant(String label) {
      this.label = label;
    }

    /**
     * @return the variant's name in reports, {@code as-published} or {@code corrected}
     */
    public String label() {
      return label;
    }
  }

  private final Variant variant;
  private final BigFraction rewardStrength;
  private final BigFraction transitionStrength;
  private final BigFraction gamma;
  private final BigFraction[] rho;
  private final String name;
  private final String[] stateLabels;

  private StochasticCongestionGame(Variant variant, BigFraction cR, BigFraction cP, BigFraction gamma,
      BigFraction[] rho) {
    this.variant = variant;
    this.rewardStrength = cR;
    this.transitionStrength = cP;
    this.gamma = gamma;
    this.rho = rho;
    boolean uniform = Arrays.stream(rho).allMatch(p -> p.equals(BigFraction.of(1, STATES)));
    this.name = "stochastic-congestion(variant=" + variant.label() + ", c_r=" + Rationals.format(cR) + ", c_p="
        + Rationals.format(cP) + ", gamma=" + Rationals.format(gamma) + ", rho="
        + (uniform ? "uniform" : DistancingGame.formatAll(rho)) + ")";
    this.stateLabels = new String[STATES];
    for (int s = 0; s < STATES; s++) {
      int[] n = NODE_VECTORS[s];
      stateLabels[s] = "(" + n[0] + "," + n[1] + "," + n[2] + "," + n[3] + ")";
    }
  }

  /**
   * The game with exact strengths, discount and initial distribution.
   *
   * @param variant which model of the response
   * @param rewardStrength c_r ≥ 0 (reward units per unit of x_i)
   * @param transitionStrength c_p ∈ [0, 2) (dimensionless)
   * @param gamma γ ∈ [0, 1)
   * @param rho ρ over the 33 states [s]
   * @return the performative game
   * @throws InvalidGameException naming the entry if c_r &lt; 0, c_p ∉ [0, 2), γ ∉ [0, 1), ρ does not have 33 entries
   *     or is not a distribution
   */
  public static StochasticCongestionGame of(Variant variant, BigFraction rewardStrength,
      BigFraction transitionStrength, BigFraction gamma, BigFraction[] rho) {
    if (rewardStrength.signum() < 0) {
      throw new InvalidGameException("stochastic congestion game: c_r = " + Rationals.format(rewardStrength)
          + " must be >= 0");
    }
    if (transitionStrength.signum() < 0 || Rationals.compare(transitionStrength, BigFraction.of(2)) >= 0) {
      throw new InvalidGameException("stochastic congestion game: c_p = " + Rationals.format(transitionStrength)
          + " must be in [0, 2) (at c_p >= 2 a deployed probability 0 gives a transition weight 1 + c_p*x <= 0)");
    }
    if (gamma.signum() < 0 || Rationals.compare(gamma, BigFraction.ONE) >= 0) {
      throw new InvalidGameException("stochastic congestion game: gamma = " + Rationals.format(gamma)
          + " is outside [0, 1)");
    }
    if (rho.length != STATES) {
      throw new InvalidGameException("stochastic congestion game: rho has " + rho.length + " entries; the game has "
          + STATES + " states");
    }
    Distributions.require(rho, "stochastic congestion game: rho");
    return new StochasticCongestionGame(variant, rewardStrength, transitionStrength, gamma, rho.clone());
  }

  /**
   * The game with exact strengths, the published γ = 99/100 and the code-faithful uniform ρ.
   *
   * @param variant which model
   * @param rewardStrength c_r ≥ 0
   * @param transitionStrength c_p ∈ [0, 2)
   * @return the performative game
   * @throws InvalidGameException if c_r &lt; 0 or c_p ∉ [0, 2)
   */
  public static StochasticCongestionGame of(Variant variant, BigFraction rewardStrength,
      BigFraction transitionStrength) {
    return of(variant, rewardStrength, transitionStrength, PUBLISHED_DISCOUNT, uniformInitial());
  }

  /**
   * The game in the paper's parameters: c_r = {@link #strength}(ω_r, γ), c_p = {@link #strength}(ω_p, γ).
   *
   * @param variant which model
   * @param omegaR ω_r ≥ 0 (published 1/10 or 3/100)
   * @param omegaP ω_p ≥ 0 (published = ω_r)
   * @param gamma γ ∈ [0, 1)
   * @param rho ρ over the 33 states
   * @return the performative game
   * @throws InvalidGameException if ω_r or ω_p is negative, the resulting c_p is not below 2, γ ∉ [0, 1) or ρ is not a
   *     distribution over 33 states
   */
  public static StochasticCongestionGame fromOmega(Variant variant, BigFraction omegaR, BigFraction omegaP,
      BigFraction gamma, BigFraction[] rho) {
    return of(variant, strength(omegaR, gamma, "omega_r"), strength(omegaP, gamma, "omega_p"), gamma, rho);
  }

  /**
   * The published setting for one ω: ω_r = ω_p = ω, γ = 99/100, ρ uniform.
   *
   * @param variant which model
   * @param omega ω ≥ 0 (published 1/10 and 3/100)
   * @return the performative game
   * @throws InvalidGameException if ω &lt; 0 or c_p = {@link #strength}(ω, 99/100) ≥ 2 (ω ≥ about 0.1625)
   */
  public static StochasticCongestionGame fromOmega(Variant variant, BigFraction omega) {
    return fromOmega(variant, omega, omega, PUBLISHED_DISCOUNT, uniformInitial());
  }

  /**
   * The code's strength c = ω / ((1 − γ) √66) (cong_main_pga.py:79-80) with √66 replaced by {@link #SQRT_66}:
   * c = ω / ((1 − γ) · 1098305/135192), below the irrational value by a relative error under 4.3·10^-13. For ω = 1/10
   * and 3/100 at γ = 99/100 this is 1.23091490979282 and 0.36927447293785 (the code's formula in float64 gives
   * 1.2309149097933263 and 0.36927447293799787).
   *
   * @param omega ω ≥ 0
   * @param gamma γ ∈ [0, 1)
   * @return c, exact
   * @throws InvalidGameException if ω &lt; 0 or γ ∉ [0, 1)
   */
  public static BigFraction strength(BigFraction omega, BigFraction gamma) {
    return strength(omega, gamma, "omega");
  }

  private static BigFraction strength(BigFraction omega, BigFraction gamma, String what) {
    if (omega.signum() < 0) {
      throw new InvalidGameException("stochastic congestion game: " + what + " = " + Rationals.format(omega)
          + " must be >= 0");
    }
    if (gamma.signum() < 0 || Rationals.compare(gamma, BigFraction.ONE) >= 0) {
      throw new InvalidGameException("stochastic congestion game: gamma = " + Rationals.format(gamma)
          + " is outside [0, 1)");
    }
    return omega.divide(BigFraction.ONE.subtract(gamma).multiply(SQRT_66));
  }

  /**
   * @return ρ(s) = 1/33 for every state, the code's implicit ρ (estimators start from every row and sum)
   */
  public static BigFraction[] uniformInitial() {
    BigFraction[] u = new BigFraction[STATES];
    Arrays.fill(u, BigFraction.of(1, STATES));
    return u;
  }

  /**
   * @return the point mass on state 0 = (0,0,0,0), the code's env_reset (cong_env.py:12-13), used only by its logger
   */
  public static BigFraction[] codeResetInitial() {
    BigFraction[] u = new BigFraction[STATES];
    Arrays.fill(u, BigFraction.ZERO);
    u[0] = BigFraction.ONE;
    return u;
  }

  /**
   * The node vector of a state, as the row of all_states (cong_env.py:74-112).
   *
   * @param state s ∈ 0..32
   * @return (n_0, n_1, n_2, n_3), a fresh array
   * @throws IndexOutOfBoundsException if s is not a state
   */
  public static int[] nodes(int state) {
    return NODE_VECTORS[state].clone();
  }

  /**
   * The state of a node vector: 0 for (0,0,0,0), 1 + Σ_i (n_i − 1)·2^{3−i} for {1,2}^4, 17 + Σ_i (n_i − 3)·2^{3−i} for
   * {3,4}^4.
   *
   * @param nodes (n_0..n_3)
   * @return s
   * @throws InvalidGameException if the vector has not 4 entries or is not one of the 33 rows (agents in different
   *     layers or a node outside 0..4)
   */
  public static int state(int[] nodes) {
    if (nodes.length != AGENTS) {
      throw new InvalidGameException("node vector has " + nodes.length + " entries; the game has " + AGENTS + " agents");
    }
    for (int s = 0; s < STATES; s++) {
      if (Arrays.equals(NODE_VECTORS[s], nodes)) {
        return s;
      }
    }
    throw new InvalidGameException("node vector " + Arrays.toString(nodes) + " is not a state: all agents must be in"
        + " the same layer {0}, {1,2} or {3,4}");
  }

  /**
   * The authors' {@code index_of(all_states, nodes) = argmax(all_states == nodes)} (cong_alg_common.py:91-94): the
   * flattened index r·4 + c of the first entry (row-major) of the 33×4 table with all_states[r][c] = nodes[c], or 0 if
   * no entry matches (defect A1: it is the row index only for rows 0 and 4).
   *
   * @param nodes (n_0..n_3)
   * @return the flattened index in 0..131
   * @throws InvalidGameException if the vector has not 4 entries
   */
  public static int codeIndexOf(int[] nodes) {
    if (nodes.length != AGENTS) {
      throw new InvalidGameException("node vector has " + nodes.length + " entries; the game has " + AGENTS + " agents");
    }
    for (int r = 0; r < STATES; r++) {
      for (int c = 0; c < AGENTS; c++) {
        if (NODE_VECTORS[r][c] == nodes[c]) {
          return r * AGENTS + c;
        }
      }
    }
    return 0;
  }

  /**
   * {@link #codeIndexOf} of every row: what the code uses as the index of state s (performative.md §1.6.4).
   *
   * @return [s], a fresh array
   */
  public static int[] codeIndexOfImage() {
    int[] out = new int[STATES];
    for (int s = 0; s < STATES; s++) {
      out[s] = codeIndexOf(NODE_VECTORS[s]);
    }
    return out;
  }

  /**
   * T(n, a), the base game's next node (cong_env.py:16-40).
   *
   * @param node n ∈ 0..4
   * @param action a ∈ {0, 1}
   * @return the node reached with probability 1 when c_p = 0
   * @throws IndexOutOfBoundsException if n or a is out of range
   */
  public static int baseNext(int node, int action) {
    return TARGET[node][action];
  }

  /**
   * @return the variant
   */
  public Variant variant() {
    return variant;
  }

  /**
   * @return c_r
   */
  public BigFraction rewardStrength() {
    return rewardStrength;
  }

  /**
   * @return c_p
   */
  public BigFraction transitionStrength() {
    return transitionStrength;
  }

  /**
   * @return ρ as a fresh array [s]
   */
  public BigFraction[] initial() {
    return rho.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int agentCount() {
    return AGENTS;
  }

  @Override
  public int stateCount() {
    return STATES;
  }

  @Override
  public int actionCount(int agent) {
    return ACTION_COUNTS[agent];
  }

  @Override
  public BigFraction discount() {
    return gamma;
  }

  /** The policy row that x_i reads at state s: n_i (as published) or s (corrected). */
  private int row(int state, int agent) {
    return variant == Variant.AS_PUBLISHED ? NODE_VECTORS[state][agent] : state;
  }

  /** The layer of a state: 0 (state 0), 1 (states 1..16) or 2 (17..32). */
  private static int layer(int state) {
    return state == 0 ? 0 : state <= 16 ? 1 : 2;
  }

  /** The first state of the next layer, or 0 from layer 2. */
  private static int nextBase(int state) {
    return state == 0 ? 1 : state <= 16 ? 17 : 0;
  }

  /** The lower node of the next layer from a node in layer 0 or 1. */
  private static int lowNode(int node) {
    return node == 0 ? 1 : 3;
  }

  /**
   * q_i(high | n, a): the probability that an agent at node n ∈ {0, 1, 2} with action a moves to the higher node of the
   * next layer (2 from 0, 4 from 1 or 2), given y = c_p·x. Exact.
   */
  BigFraction highProbability(int node, int action, BigFraction y) {
    int b = TARGET[node][action];
    BigFraction toBase;
    if (y.signum() >= 0) {
      toBase = BigFraction.ONE.add(y).divide(BigFraction.ONE.add(y.multiply(2)));
    } else if (variant == Variant.CORRECTED || Rationals.compare(y, HALF.negate()) >= 0) {
      toBase = BigFraction.ONE;
    } else {
      toBase = BigFraction.ZERO;
    }
    return b == lowNode(node) ? BigFraction.ONE.subtract(toBase) : toBase;
  }

  /** The double twin of {@link #highProbability}. */
  double highProbability(int node, int action, double y) {
    int b = TARGET[node][action];
    double toBase;
    if (y >= 0) {
      toBase = (1 + y) / (1 + 2 * y);
    } else if (variant == Variant.CORRECTED || y >= -0.5) {
      toBase = 1;
    } else {
      toBase = 0;
    }
    return b == lowNode(node) ? 1 - toBase : toBase;
  }

  private void requireShape(int agents, int states, int[] actions) {
    if (agents != AGENTS || states != STATES) {
      throw new InvalidGameException("deployed policy has " + agents + " agents and " + states
          + " states; the stochastic congestion game has " + AGENTS + " and " + STATES);
    }
    for (int i = 0; i < AGENTS; i++) {
      if (actions[i] != ACTIONS) {
        throw new InvalidGameException("deployed policy of agent " + i + " has " + actions[i]
            + " actions; the stochastic congestion game has " + ACTIONS);
      }
    }
  }

  /**
   * G(π̄) exactly: r_{i,π̄}(s, a) = f(m_i) + c_r x_i, P_π̄(s'|s, a) = Π_i q_i(n'_i|n_i, a_i), with the stage potential
   * φ_π̄ of the class comment declared ({@link StagePotential.Condition#STATE_POTENTIAL_ONLY}).
   *
   * @param deployed π̄, 4 agents × 33 states × 2 actions
   * @return the exact induced game (both error bounds 0)
   * @throws InvalidGameException if π̄ has the wrong shape
   */
  @Override
  public InducedGame induce(Policy deployed) {
    int[] acts = new int[deployed.agentCount()];
    for (int i = 0; i < acts.length; i++) {
      acts[i] = deployed.actionCount(i);
    }
    requireShape(deployed.agentCount(), deployed.stateCount(), acts);
    BigFraction[][][] x = new BigFraction[STATES][AGENTS][ACTIONS];
    BigFraction[][][] high = new BigFraction[STATES][AGENTS][ACTIONS];
    for (int s = 0; s < STATES; s++) {
      for (int i = 0; i < AGENTS; i++) {
        for (int a = 0; a < ACTIONS; a++) {
          x[s][i][a] = deployed.prob(i, row(s, i), a).subtract(HALF);
          if (layer(s) < 2) {
            high[s][i][a] = highProbability(NODE_VECTORS[s][i], a, transitionStrength.multiply(x[s][i][a]));
          }
        }
      }
    }
    BigFraction[][][] rewards = new BigFraction[STATES][JOINT][AGENTS];
    BigFraction[][] phi = new BigFraction[STATES][JOINT];
    int[][][] successors = new int[STATES][JOINT][];
    BigFraction[][][] probabilities = new BigFraction[STATES][JOINT][];
    int[] a = new int[AGENTS];
    BigFraction[][][] pairs = new BigFraction[2][4][4];
    for (int s = 0; s < STATES; s++) {
      if (layer(s) < 2) {
        pairProducts(high[s], pairs);
      }
      for (int j = 0; j < JOINT; j++) {
        JointActions.decode(ACTION_COUNTS, j, a);
        BigFraction own = BigFraction.ZERO;
        for (int i = 0; i < AGENTS; i++) {
          BigFraction term = rewardStrength.multiply(x[s][i][a[i]]);
          rewards[s][j][i] = BigFraction.of(CONGESTION[s][j][i]).add(term);
          own = own.add(term);
        }
        phi[s][j] = BigFraction.of(ROSENTHAL[s][j]).add(own);
        if (layer(s) == 2) {
          successors[s][j] = new int[] {0};
          probabilities[s][j] = new BigFraction[] {BigFraction.ONE};
          continue;
        }
        int[] idx = new int[JOINT];
        BigFraction[] val = new BigFraction[JOINT];
        int count = 0;
        for (int k = 0; k < JOINT; k++) { // k = Σ_i bit_i 2^{3-i}: increasing successor states
          // agents 0, 1 are the high bits of k, agents 2, 3 the low bits; a_0 + 2a_1 = j & 3, a_2 + 2a_3 = j >> 2
          BigFraction p = pairs[0][j & 3][k >> 2].multiply(pairs[1][j >> 2][k & 3]);
          if (p.signum() != 0) {
            idx[count] = nextBase(s) + k;
            val[count++] = p;
          }
        }
        successors[s][j] = Arrays.copyOf(idx, count);
        BigFraction[] trimmed = new BigFraction[count];
        System.arraycopy(val, 0, trimmed, 0, count);
        probabilities[s][j] = trimmed;
      }
    }
    TabularMarkovGame g = TabularMarkovGame.ofSparse(name + " at a deployed policy", ACTION_COUNTS, gamma, rho,
        rewards, successors, probabilities, phi, StagePotential.Condition.STATE_POTENTIAL_ONLY);
    String[][] actionLabels = new String[AGENTS][];
    String[] agentLabels = new String[AGENTS];
    for (int i = 0; i < AGENTS; i++) {
      agentLabels[i] = Integer.toString(i);
      actionLabels[i] = new String[] {"0", "1"};
    }
    return InducedGame.exact(g.withLabels(agentLabels, actionLabels, stateLabels));
  }

  /**
   * The joint next-node laws of the agent pairs (0, 1) and (2, 3): pairs[p][u][w] = q_{2p}(bit b|u_0)·q_{2p+1}(bit
   * c|u_1) with u = u_0 + 2u_1 the pair's actions and w = 2b + c the pair's bits (1 = higher node), so that
   * P(next base + k | s, a^j) = pairs[0][j &amp; 3][k &gt;&gt; 2] · pairs[1][j &gt;&gt; 2][k &amp; 3].
   */
  private static void pairProducts(BigFraction[][] high, BigFraction[][][] pairs) {
    for (int p = 0; p < 2; p++) {
      for (int u = 0; u < 4; u++) {
        BigFraction h0 = high[2 * p][u & 1];
        BigFraction h1 = high[2 * p + 1][u >> 1];
        for (int w = 0; w < 4; w++) {
          BigFraction first = (w >> 1) == 1 ? h0 : BigFraction.ONE.subtract(h0);
          BigFraction second = (w & 1) == 1 ? h1 : BigFraction.ONE.subtract(h1);
          pairs[p][u][w] = first.multiply(second);
        }
      }
    }
  }

  /**
   * G(π̄) on primitive doubles, the same formulas in double arithmetic (no BigFraction): per state the tables x_i(s,·)
   * and q_i(high|s,·), then r̄_i and P̄_i on demand.
   *
   * @param deployed π̄, 4 agents × 33 states × 2 actions
   * @return the double induced game
   * @throws InvalidGameException if π̄ has the wrong shape
   */
  @Override
  public DoubleMarkovGame induceDouble(DoublePolicy deployed) {
    int[] acts = new int[deployed.agentCount()];
    for (int i = 0; i < acts.length; i++) {
      acts[i] = deployed.actionCount(i);
    }
    requireShape(deployed.agentCount(), deployed.stateCount(), acts);
    double cR = rewardStrength.doubleValue();
    double cP = transitionStrength.doubleValue();
    double[][][] x = new double[STATES][AGENTS][ACTIONS];
    double[][][] high = new double[STATES][AGENTS][ACTIONS];
    for (int s = 0; s < STATES; s++) {
      for (int i = 0; i < AGENTS; i++) {
        for (int a = 0; a < ACTIONS; a++) {
          x[s][i][a] = deployed.prob(i, row(s, i), a) - 0.5;
          if (layer(s) < 2) {
            high[s][i][a] = highProbability(NODE_VECTORS[s][i], a, cP * x[s][i][a]);
          }
        }
      }
    }
    double[] rhoD = new double[STATES];
    for (int s = 0; s < STATES; s++) {
      rhoD[s] = rho[s].doubleValue();
    }
    return new DoubleInduced(gamma.doubleValue(), rhoD, cR, x, high);
  }

  /** The double induced game over the per-state tables x and q(high). */
  private static final class DoubleInduced implements DoubleMarkovGame {
    private final double gamma;
    private final double[] rho;
    private final double cR;
    private final double[][][] x; // [s][i][a]
    private final double[][][] high; // [s][i][a], layers 0 and 1

    DoubleInduced(double gamma, double[] rho, double cR, double[][][] x, double[][][] high) {
      this.gamma = gamma;
      this.rho = rho;
      this.cR = cR;
      this.x = x;
      this.high = high;
    }

    @Override
    public int agentCount() {
      return AGENTS;
    }

    @Override
    public int stateCount() {
      return STATES;
    }

    @Override
    public int actionCount(int agent) {
      return ACTION_COUNTS[agent];
    }

    @Override
    public double discount() {
      return gamma;
    }

    @Override
    public double[] initial() {
      return rho.clone();
    }

    @Override
    public void expect(int state, double[][] pi, double[][] rewardBar, double[][][] transitionBar) {
      int[][][] index = new int[AGENTS][ACTIONS][];
      double[][][] value = new double[AGENTS][ACTIONS][];
      expectSparse(state, pi, rewardBar, index, value);
      for (int i = 0; i < AGENTS; i++) {
        for (int a = 0; a < ACTIONS; a++) {
          Arrays.fill(transitionBar[i][a], 0);
          for (int e = 0; e < index[i][a].length; e++) {
            transitionBar[i][a][index[i][a][e]] = value[i][a][e];
          }
        }
      }
    }

    @Override
    public void expectSparse(int state, double[][] pi, double[][] rewardBar, int[][][] index, double[][][] value) {
      for (int i = 0; i < AGENTS; i++) {
        for (int a = 0; a < ACTIONS; a++) {
          rewardBar[i][a] = cR * x[state][i][a];
        }
      }
      int[][] cong = CONGESTION[state];
      for (int j = 0; j < JOINT; j++) {
        for (int i = 0; i < AGENTS; i++) {
          double w = 1;
          for (int k = 0; k < AGENTS; k++) {
            if (k != i) {
              w *= pi[k][(j >> k) & 1];
            }
          }
          rewardBar[i][(j >> i) & 1] += w * cong[j][i];
        }
      }
      if (layer(state) == 2) {
        for (int i = 0; i < AGENTS; i++) {
          for (int a = 0; a < ACTIONS; a++) {
            index[i][a] = new int[] {0};
            value[i][a] = new double[] {1};
          }
        }
        return;
      }
      double[] mean = new double[AGENTS]; // Σ_a π_k(a|s) q_k(high|s,a)
      for (int k = 0; k < AGENTS; k++) {
        mean[k] = pi[k][0] * high[state][k][0] + pi[k][1] * high[state][k][1];
      }
      int base = nextBase(state);
      double[] h = new double[AGENTS];
      double[] row = new double[JOINT];
      for (int i = 0; i < AGENTS; i++) {
        for (int a = 0; a < ACTIONS; a++) {
          System.arraycopy(mean, 0, h, 0, AGENTS);
          h[i] = high[state][i][a];
          int count = 0;
          for (int k = 0; k < JOINT; k++) {
            double p = 1;
            for (int m = 0; m < AGENTS; m++) {
              p *= ((k >> (AGENTS - 1 - m)) & 1) == 1 ? h[m] : 1 - h[m];
            }
            row[k] = p;
            if (p != 0) {
              count++;
            }
          }
          int[] idx = new int[count];
          double[] val = new double[count];
          count = 0;
          for (int k = 0; k < JOINT; k++) {
            if (row[k] != 0) {
              idx[count] = base + k;
              val[count++] = row[k];
            }
          }
          index[i][a] = idx;
          value[i][a] = val;
        }
      }
    }

    @Override
    public double expectedPhi(int state, double[][] pi) {
      double t = 0;
      for (int j = 0; j < JOINT; j++) {
        double w = 1;
        for (int k = 0; k < AGENTS; k++) {
          w *= pi[k][(j >> k) & 1];
        }
        t += w * ROSENTHAL[state][j];
      }
      for (int i = 0; i < AGENTS; i++) {
        t += cR * (pi[i][0] * x[state][i][0] + pi[i][1] * x[state][i][1]);
      }
      return t;
    }
  }

  private static int[][] nodeVectors() {
    int[][] v = new int[STATES][AGENTS];
    for (int k = 0; k < 16; k++) {
      for (int i = 0; i < AGENTS; i++) {
        int bit = (k >> (AGENTS - 1 - i)) & 1;
        v[1 + k][i] = 1 + bit;
        v[17 + k][i] = 3 + bit;
      }
    }
    return v;
  }

  private static int[][][] congestionRewards() {
    int[][][] r = new int[STATES][JOINT][AGENTS];
    int[] a = new int[AGENTS];
    for (int s = 0; s < STATES; s++) {
      int[] n = NODE_VECTORS[s];
      for (int j = 0; j < JOINT; j++) {
        JointActions.decode(ACTION_COUNTS, j, a);
        for (int i = 0; i < AGENTS; i++) {
          int m = 0;
          for (int k = 0; k < AGENTS; k++) {
            m += n[k] == n[i] && a[k] == a[i] ? 1 : 0;
          }
          r[s][j][i] = F[m];
        }
      }
    }
    return r;
  }

  private static int[][] rosenthal() {
    int[][] phi = new int[STATES][JOINT];
    int[] a = new int[AGENTS];
    for (int s = 0; s < STATES; s++) {
      int[] n = NODE_VECTORS[s];
      for (int j = 0; j < JOINT; j++) {
        JointActions.decode(ACTION_COUNTS, j, a);
        int[][] count = new int[NODES][ACTIONS];
        for (int k = 0; k < AGENTS; k++) {
          count[n[k]][a[k]]++;
        }
        int t = 0;
        for (int[] c : count) {
          for (int e : c) {
            for (int m = 1; m <= e; m++) {
              t += F[m];
            }
          }
        }
        phi[s][j] = t;
      }
    }
    return phi;
  }
}
