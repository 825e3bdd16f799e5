package org.mpgref.catalog;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.ExecutedActionGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.mdp.DoubleMdp;
import org.mpgref.mdp.ExactMdp;
import org.mpgref.mdp.Objective;
import org.mpgref.mdp.PolicyIteration;
import org.mpgref.numbers.RationalExp;
import org.mpgref.numbers.Rationals;
import org.mpgref.performative.InducedGame;
import org.mpgref.performative.PerformativeGame;

/**
 * The safe-distancing game with one intervening agent per learner of Sahitaj, Sasnauskas, Yalın, Mandal and Radanović
 * (AISTATS 2025, arXiv 2504.20593, §5), as a performative game; specs/distancing-intervention-game.md, code
 * {@code PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc} ({@code dist_env.py},
 * {@code dist_alg_common.py:140-145, 315-371}, {@code dist_main_pga.py:72-76, 95-98}).
 *
 * <p>Base game: {@link DistancingGame} with {@link DistancingGame.PenaltyTiming#NEXT_STATE} (published: N = 8,
 * w = (4,3,2,1), penalty 100, thresholds 4 and 2, γ = 99/100, ρ = (1/2,1/2)). Deploying π̄ induces, per agent i and
 * state s, the intervention values Q_int^(i)(s, o) over o ∈ {0..K−1, none = K} (K facilities; see {@link Variant}),
 * the intervener's distribution σ_i(s,·) = softmax(β · Q_int^(i)(s,·)) over K + 1 entries, and the executed-action
 * kernel
 *
 * <pre>
 *   K_i(ã | s, a) = (1 − α + α σ_i(s, K)) · [ã = a] + α σ_i(s, ã),      ã ∈ {0..K−1}
 * </pre>
 *
 * ({@code dist_alg_common.py:140-145}: with probability 1 − α the intervention is "none"; otherwise o ~ σ_i and o ≠ none
 * overrides the chosen action). G(π̄) = {@link ExecutedActionGame} of the base with these kernels, so the count
 * dynamic programme of {@link AnonymousMarkovGame} does the work (no |A|^N table). Perturbed weights w̃^(i) (the
 * intervener's own facility weights, [i][k]) are data: {@link #unperturbedWeights} or {@link #drawPerturbedWeights};
 * JAX's threefry stream of the authors' code cannot be reproduced here.
 *
 * <p>Exactness: σ involves exp, so {@link #induce} encloses every softmax with {@link RationalExp}, picks a rational
 * σ̂ inside the enclosure, builds the rational game Ĝ from K̂ and reports δ_P = min(2, max_s Σ_i α ε_i(s)) and
 * δ_r = (r_max − r_min)/2 · δ_P, ε_i(s) ≥ ‖σ_i(s,·) − σ̂_i(s,·)‖₁ (proofs-notes/intervention-kernel-enclosure.md).
 * At α = 0 or β = 0 the response is rational and both errors are 0. Immutable.
 */
public final class DistancingInterventionGame implements PerformativeGame {
  /** Where the definition comes from. */
  public static final String SOURCE = "Sahitaj et al. AISTATS 2025 (arXiv 2504.20593) §5; code "
      + "PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc:dist_alg_common.py:140-145,315-371";

  /** Gauss–Seidel sweeps of the published Q_int ({@code dist_alg_common.py:359}, the stopping test never fires). */
  public static final int SWEEPS = 20;

  /** The intervention penalty inside Q_int ({@code dist_alg_common.py:16}), reward units. */
  public static final BigFraction INTERVENTION_PENALTY = BigFraction.of(20);

  /** Digits of the exp enclosures (grid 10^−40). */
  public static final int EXP_DIGITS = 40;

  /** The probability 3/10 that a weight is re-drawn ({@code dist_main_pga.py:76}: {@code U > 0.7}). */
  public static final BigFraction PERTURBATION_PROBABILITY = BigFraction.of(3, 10);

  /** How Q_int is computed. */
  public enum Variant {
    /**
     * The authors' code in exact expectation ({@code dist_alg_common.py:315-371}, defect A8 of
     * performative.md §1.9): q = 0, then exactly {@link #SWEEPS} Gauss–Seidel sweeps, s = 0..|S|−1 and a = 0..K−1 in
     * place, each with the table m(t) = max_b q[t,b] (over all K + 1 entries) taken before the update,
     * q[s,a] ← π̄_i(a|s)·E[r̃_i(s,a,a_{−i}) − 20 + γ m(s′)] (line 330, 352) and then
     * q[s,K] ← π̄_i(a|s)·E[r_i(s,a,a_{−i}) + γ m(s′)] (line 334, 353: true weights, no −20; set, not added, so the
     * last a wins); expectations over a_{−i} ~ π̄_{−i}(·|s) without interventions (line 325-326). Q_int = β·q
     * ({@code dist_main_pga.py:98}).
     */
    AS_PUBLISHED,
    /**
     * The optimal Q of the intervening agent's MDP against π̄: states s, actions o ∈ {0..K−1, none}; o &lt; K executes
     * facility o for agent i at reward r̃_i − 20, none lets agent i play a ~ π̄_i(·|s) at reward r̃_i; the others play
     * π̄_{−i} without interventions; γ of the game. Q_int = β·Q* with Q*(s,o) = r̂(s,o) + γ Σ_{s′} P̂(s′|s,o) V*(s′),
     * V* = max_o Q*, solved exactly by policy iteration.
     */
    CORRECTED
  }

  private final DistancingGame.Parameters parameters;
  private final AnonymousMarkovGame base;
  private final DoubleMarkovGame baseTwin;
  private final Variant variant;
  private final BigFraction alpha;
  private final BigFraction beta;
  private final BigFraction[][] perturbed; // [i][k]
  private final BigFraction[][] shift; // w̃ − w, [i][k]
  private final double[][] shiftD;
  private final BigFraction halfRange;
  private final int facilities;
  private final String name;

  private DistancingInterventionGame(DistancingGame.Parameters parameters, AnonymousMarkovGame base, Variant variant,
      BigFraction alpha, BigFraction beta, BigFraction[][] perturbed, boolean unperturbed) {
    this.parameters = parameters;
    this.base = base;
    this.baseTwin = base.toDouble();
    this.variant = variant;
    this.alpha = alpha;
    this.beta = beta;
    this.perturbed = perturbed;
    BigFraction[] w = parameters.weights();
    this.facilities = w.length;
    this.shift = new BigFraction[perturbed.length][facilities];
    this.shiftD = new double[perturbed.length][facilities];
    for (int i = 0; i < perturbed.length; i++) {
      for (int k = 0; k < facilities; k++) {
        shift[i][k] = perturbed[i][k].subtract(w[k]);
        shiftD[i][k] = shift[i][k].doubleValue();
      }
    }
    BigFraction[] range = base.rewardRange();
    this.halfRange = range[1].subtract(range[0]).divide(2);
    this.name = "distancing-intervention(" + variant + ", alpha=" + Rationals.format(alpha) + ", beta="
        + Rationals.format(beta) + ", w~=" + (unperturbed ? "w" : "given") + ", " + base.name() + ")";
  }

  /**
   * Builds and validates the game.
   *
   * @param parameters the base distancing game (two states), used with the next-state penalty
   * @param variant how Q_int is computed
   * @param alpha α ∈ [0,1], the probability that the intervener acts
   * @param beta β ≥ 0, the softmax inverse temperature (the code's {@code --beta})
   * @param perturbedWeights w̃ as [i][k], one row of K positive weights per agent
   * @return the performative game
   * @throws InvalidGameException naming the entry if α ∉ [0,1], β &lt; 0, w̃ does not have N rows of K entries, an
   *     entry of w̃ is not positive, or the base game is refused ({@link DistancingGame#of(DistancingGame.Parameters,
   *     DistancingGame.PenaltyTiming)})
   */
  public static DistancingInterventionGame of(DistancingGame.Parameters parameters, Variant variant, BigFraction alpha,
      BigFraction beta, BigFraction[][] perturbedWeights) {
    if (alpha.signum() < 0 || Rationals.compare(alpha, BigFraction.ONE) > 0) {
      throw new InvalidGameException("alpha = " + Rationals.format(alpha) + " must be in [0, 1]");
    }
    if (beta.signum() < 0) {
      throw new InvalidGameException("beta = " + Rationals.format(beta) + " must be >= 0");
    }
    AnonymousMarkovGame base = DistancingGame.of(parameters, DistancingGame.PenaltyTiming.NEXT_STATE);
    int agents = parameters.agents();
    BigFraction[] w = parameters.weights();
    if (perturbedWeights.length != agents) {
      throw new InvalidGameException("perturbed weights have " + perturbedWeights.length + " rows; there are " + agents
          + " agents");
    }
    BigFraction[][] copy = new BigFraction[agents][];
    boolean unperturbed = true;
    for (int i = 0; i < agents; i++) {
      if (perturbedWeights[i].length != w.length) {
        throw new InvalidGameException("perturbed weights of agent " + i + " have " + perturbedWeights[i].length
            + " entries; there are " + w.length + " facilities");
      }
      copy[i] = perturbedWeights[i].clone();
      for (int k = 0; k < w.length; k++) {
        if (copy[i][k].signum() <= 0) {
          throw new InvalidGameException("perturbed weight w~[" + i + "][" + k + "] = " + Rationals.format(copy[i][k])
              + " must be > 0");
        }
        unperturbed &= copy[i][k].equals(w[k]);
      }
    }
    return new DistancingInterventionGame(parameters, base, variant, alpha, beta, copy, unperturbed);
  }

  /**
   * The published setting: {@link DistancingGame#publishedSahitaj}(8), β = 1 ({@code util/util.py} default), the
   * unperturbed weights w̃^(i) = w for every agent, and the given α (the paper's runs: 3/20 and 1/100).
   *
   * @param variant how Q_int is computed
   * @param alpha α ∈ [0,1]
   * @return the performative game
   * @throws InvalidGameException if α ∉ [0,1]
   */
  public static DistancingInterventionGame published(Variant variant, BigFraction alpha) {
    DistancingGame.Parameters p = DistancingGame.publishedSahitaj(8);
    return of(p, variant, alpha, BigFraction.ONE, unperturbedWeights(p));
  }

  /**
   * w̃^(i) = w for every agent.
   *
   * @param parameters the base game
   * @return [i][k]
   */
  public static BigFraction[][] unperturbedWeights(DistancingGame.Parameters parameters) {
    BigFraction[][] out = new BigFraction[parameters.agents()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = parameters.weights();
    }
    return out;
  }

  /**
   * A seeded draw with the rule of {@code dist_main_pga.py:72-76}: for each agent i (in order) a uniformly random
   * permutation τ of the facility indices is drawn ({@link PermutationSampler#shuffle}), then for k = 0..K−1 a coin
   * with probability {@link #PERTURBATION_PROBABILITY} = 3/10 ({@code nextInt(10) < 3}); if it shows, w̃^(i)_k = w_{τ(k)}
   * (the entry at position k of the permuted weights, which may equal w_k), else w̃^(i)_k = w_k. Generator: Commons
   * RNG {@code XO_RO_SHI_RO_128_PP} with the given seed. The authors draw with JAX's threefry2x32 from
   * {@code PRNGKey(1)} (and reuse one key for the coins and the permutation, defect A13); that stream cannot be
   * reproduced here, so these are not the paper's weights, only the paper's rule.
   *
   * @param parameters the base game (N and w)
   * @param seed the seed
   * @return w̃ as [i][k]
   */
  public static BigFraction[][] drawPerturbedWeights(DistancingGame.Parameters parameters, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    BigFraction[] w = parameters.weights();
    BigFraction[][] out = new BigFraction[parameters.agents()][w.length];
    for (int i = 0; i < out.length; i++) {
      int[] tau = PermutationSampler.natural(w.length);
      PermutationSampler.shuffle(rng, tau);
      for (int k = 0; k < w.length; k++) {
        out[i][k] = rng.nextInt(10) < 3 ? w[tau[k]] : w[k];
      }
    }
    return out;
  }

  /**
   * @return the base game (next-state penalty)
   */
  public AnonymousMarkovGame base() {
    return base;
  }

  /**
   * @return the variant
   */
  public Variant variant() {
    return variant;
  }

  /**
   * @return α
   */
  public BigFraction alpha() {
    return alpha;
  }

  /**
   * @return β
   */
  public BigFraction beta() {
    return beta;
  }

  /**
   * @param agent i
   * @param facility k
   * @return w̃^(i)_k
   */
  public BigFraction perturbedWeight(int agent, int facility) {
    return perturbed[agent][facility];
  }

  @Override
  public String name() {
    return name;
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
    return base.actionCount(agent);
  }

  @Override
  public BigFraction discount() {
    return base.discount();
  }

  /**
   * The exact response to a deployed policy: Q_int, the enclosures of σ, the chosen rational σ̂ and the kernel errors.
   * Index shapes [i][s][o], o ∈ 0..K (K = none). Immutable.
   */
  public static final class Response {
    private final BigFraction[][][] q;
    private final BigFraction[][][] lower;
    private final BigFraction[][][] upper;
    private final BigFraction[][][] chosen;
    private final BigFraction[][] kernelError;

    Response(BigFraction[][][] q, BigFraction[][][] lower, BigFraction[][][] upper, BigFraction[][][] chosen,
        BigFraction[][] kernelError) {
      this.q = q;
      this.lower = lower;
      this.upper = upper;
      this.chosen = chosen;
      this.kernelError = kernelError;
    }

    /**
     * @param agent i
     * @param state s
     * @param option o ∈ 0..K (K = none)
     * @return Q_int^(i)(s, o) = β·q, exact, reward units
     */
    public BigFraction q(int agent, int state, int option) {
      return q[agent][state][option];
    }

    /**
     * @param agent i
     * @param state s
     * @param option o
     * @return a proven lower bound of σ_i(s, o)
     */
    public BigFraction sigmaLower(int agent, int state, int option) {
      return lower[agent][state][option];
    }

    /**
     * @param agent i
     * @param state s
     * @param option o
     * @return a proven upper bound of σ_i(s, o)
     */
    public BigFraction sigmaUpper(int agent, int state, int option) {
      return upper[agent][state][option];
    }

    /**
     * @param agent i
     * @param state s
     * @param option o
     * @return σ̂_i(s, o), the rational distribution inside the bounds from which K̂ is built
     */
    public BigFraction sigmaChosen(int agent, int state, int option) {
      return chosen[agent][state][option];
    }

    /**
     * @param agent i
     * @param state s
     * @return α·Σ_o (upper − lower) ≥ ‖K_i(·|s,a) − K̂_i(·|s,a)‖₁ for every a
     */
    public BigFraction kernelError(int agent, int state) {
      return kernelError[agent][state];
    }
  }

  /**
   * Q_int, the enclosed softmax and the chosen σ̂ for every agent and state, exactly.
   *
   * @param deployed π̄
   * @return the response
   * @throws InvalidGameException if π̄ does not have the game's shape
   * @throws org.mpgref.limits.LimitExceededException if the CORRECTED policy iteration is above the limits
   */
  public Response response(Policy deployed) {
    deployed.requireShapeOf(base);
    int agents = base.agentCount();
    int states = base.stateCount();
    StageExpectation[] e = new StageExpectation[states];
    for (int s = 0; s < states; s++) {
      e[s] = base.expect(s, deployed);
    }
    BigFraction[][][] q = new BigFraction[agents][][];
    BigFraction[][][] lo = new BigFraction[agents][states][];
    BigFraction[][][] hi = new BigFraction[agents][states][];
    BigFraction[][][] mid = new BigFraction[agents][states][];
    BigFraction[][] err = new BigFraction[agents][states];
    // Agents with equal rows π̄_i(·|s) at every state and equal w̃^(i) face the same multiset of others, so they have
    // the same Q_int: compute it once per such class (the symmetric deployments of the audit have one class).
    java.util.Map<java.util.List<Object>, Integer> first = new java.util.HashMap<>();
    for (int i = 0; i < agents; i++) {
      java.util.List<Object> key = new java.util.ArrayList<>();
      for (int s = 0; s < states; s++) {
        key.add(java.util.List.of(deployed.row(i, s)));
      }
      key.add(java.util.List.of(perturbed[i]));
      Integer same = first.putIfAbsent(key, i);
      if (same != null) {
        q[i] = q[same];
        lo[i] = lo[same];
        hi[i] = hi[same];
        mid[i] = mid[same];
        err[i] = err[same];
        continue;
      }
      q[i] = beta.signum() == 0 ? zeros(states, facilities + 1) : interventionQ(i, deployed, e);
      for (int s = 0; s < states; s++) {
        BigFraction width = enclose(q[i][s], lo[i], hi[i], mid[i], s);
        err[i][s] = alpha.multiply(width);
      }
    }
    return new Response(q, lo, hi, mid, err);
  }

  private static BigFraction[][] zeros(int rows, int columns) {
    BigFraction[][] z = new BigFraction[rows][columns];
    for (BigFraction[] row : z) {
      Arrays.fill(row, BigFraction.ZERO);
    }
    return z;
  }

  /** β·q for agent i, exactly, as [s][o]. */
  private BigFraction[][] interventionQ(int agent, Policy pi, StageExpectation[] e) {
    int states = base.stateCount();
    int k = facilities;
    BigFraction gamma = base.discount();
    BigFraction[][] rTrue = new BigFraction[states][k];
    BigFraction[][] rPert = new BigFraction[states][k];
    BigFraction[][][] p = new BigFraction[states][k][states];
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < k; a++) {
        rTrue[s][a] = e[s].rewardBar(agent, a);
        // r̃_i − r_i = (w̃_a − w_a)·c_a and E[c_a | a_i = a] = 1 + Σ_{j≠i} π̄_j(a|s)
        BigFraction count = BigFraction.ONE;
        for (int j = 0; j < base.agentCount(); j++) {
          if (j != agent) {
            count = count.add(pi.prob(j, s, a));
          }
        }
        rPert[s][a] = rTrue[s][a].add(shift[agent][a].multiply(count));
        for (int t = 0; t < states; t++) {
          p[s][a][t] = e[s].transitionBar(agent, a, t);
        }
      }
    }
    BigFraction[][] q;
    if (variant == Variant.AS_PUBLISHED) {
      q = zeros(states, k + 1);
      for (int sweep = 0; sweep < SWEEPS; sweep++) {
        for (int s = 0; s < states; s++) {
          for (int a = 0; a < k; a++) {
            BigFraction cont = BigFraction.ZERO;
            for (int t = 0; t < states; t++) {
              if (p[s][a][t].signum() != 0) {
                cont = cont.add(p[s][a][t].multiply(max(q[t])));
              }
            }
            BigFraction pa = pi.prob(agent, s, a);
            BigFraction future = gamma.multiply(cont);
            BigFraction withIntervention = pa.multiply(rPert[s][a].subtract(INTERVENTION_PENALTY).add(future));
            BigFraction none = pa.multiply(rTrue[s][a].add(future));
            q[s][a] = withIntervention;
            q[s][k] = none;
          }
        }
      }
    } else {
      BigFraction[][] reward = new BigFraction[states][k + 1];
      BigFraction[][][] rows = new BigFraction[states][k + 1][];
      for (int s = 0; s < states; s++) {
        BigFraction rNone = BigFraction.ZERO;
        BigFraction[] pNone = new BigFraction[states];
        Arrays.fill(pNone, BigFraction.ZERO);
        for (int a = 0; a < k; a++) {
          reward[s][a] = rPert[s][a].subtract(INTERVENTION_PENALTY);
          rows[s][a] = p[s][a];
          BigFraction pa = pi.prob(agent, s, a);
          rNone = rNone.add(pa.multiply(rPert[s][a]));
          for (int t = 0; t < states; t++) {
            pNone[t] = pNone[t].add(pa.multiply(p[s][a][t]));
          }
        }
        reward[s][k] = rNone;
        rows[s][k] = pNone;
      }
      ExactMdp mdp = ExactMdp.dense(gamma, reward, rows);
      int[] start = new int[states];
      Arrays.fill(start, k);
      BigFraction[] v = PolicyIteration.exact("intervening agent's Q (agent " + agent + ")", mdp, Objective.MAXIMISE,
          start).values();
      q = new BigFraction[states][];
      for (int s = 0; s < states; s++) {
        q[s] = mdp.qRow(s, v);
      }
    }
    for (BigFraction[] row : q) {
      for (int o = 0; o < row.length; o++) {
        row[o] = beta.multiply(row[o]);
      }
    }
    return q;
  }

  private static BigFraction max(BigFraction[] xs) {
    BigFraction m = xs[0];
    for (BigFraction x : xs) {
      if (greater(x, m)) {
        m = x;
      }
    }
    return m;
  }

  /** x &gt; y by cross-multiplication (no reduction; the Q tables carry thousands of bits). */
  private static boolean greater(BigFraction x, BigFraction y) {
    int sign = x.getDenominator().signum() * y.getDenominator().signum();
    int c = x.getNumerator().multiply(y.getDenominator()).compareTo(y.getNumerator().multiply(x.getDenominator()));
    return c * sign > 0;
  }

  /**
   * Encloses σ = softmax(x) for x = Q_int(s,·): e_o ∈ [l_o, u_o] ∋ exp(x_o − max x) (exactly 1 at the maximum; for
   * x_o − max x &lt; −64, [0, upper(e^−64)]), σ_o ∈ [l_o/(l_o + Σ_{p≠o} u_p), u_o/(u_o + Σ_{p≠o} l_p)], σ̂ the
   * normalised midpoints (inside these bounds: the quotient is increasing in its own entry and decreasing in the
   * others). Fills lo[s], hi[s], mid[s] and returns Σ_o (hi − lo) ≥ ‖σ − σ̂‖₁.
   */
  private static BigFraction enclose(BigFraction[] x, BigFraction[][] lo, BigFraction[][] hi, BigFraction[][] mid,
      int s) {
    int n = x.length;
    BigFraction m = max(x);
    BigFraction[] l = new BigFraction[n];
    BigFraction[] u = new BigFraction[n];
    BigFraction floor = BigFraction.of(-RationalExp.MAX_ABS_ARGUMENT);
    for (int o = 0; o < n; o++) {
      BigFraction d = x[o].subtract(m);
      RationalExp.Enclosure en;
      if (Rationals.compare(d, floor) < 0) {
        en = new RationalExp.Enclosure(BigFraction.ZERO, RationalExp.exp(floor, EXP_DIGITS).hi());
      } else {
        en = RationalExp.exp(d, EXP_DIGITS);
      }
      l[o] = en.lo();
      u[o] = en.hi();
    }
    BigFraction sumL = Rationals.sum(l);
    BigFraction sumU = Rationals.sum(u);
    lo[s] = new BigFraction[n];
    hi[s] = new BigFraction[n];
    mid[s] = new BigFraction[n];
    BigFraction[] middle = new BigFraction[n];
    for (int o = 0; o < n; o++) {
      middle[o] = l[o].add(u[o]).divide(2);
    }
    BigFraction sumM = Rationals.sum(middle);
    BigFraction width = BigFraction.ZERO;
    for (int o = 0; o < n; o++) {
      lo[s][o] = l[o].divide(l[o].add(sumU.subtract(u[o])));
      hi[s][o] = u[o].divide(u[o].add(sumL.subtract(l[o])));
      mid[s][o] = middle[o].divide(sumM);
      width = width.add(hi[s][o].subtract(lo[s][o]));
    }
    return width;
  }

  /**
   * The rational induced game Ĝ with kernels K̂ built from σ̂, and the error bounds δ_r, δ_P of the class comment;
   * at α = 0 the kernels are the identity and the game is the base itself (errors 0).
   *
   * @throws InvalidGameException if π̄ does not have the game's shape
   */
  @Override
  public InducedGame induce(Policy deployed) {
    deployed.requireShapeOf(base);
    int agents = base.agentCount();
    int states = base.stateCount();
    int k = facilities;
    BigFraction[][][][] kernel = new BigFraction[agents][states][k][k];
    BigFraction deltaP = BigFraction.ZERO;
    if (alpha.signum() == 0) {
      for (int i = 0; i < agents; i++) {
        for (int s = 0; s < states; s++) {
          for (int a = 0; a < k; a++) {
            Arrays.fill(kernel[i][s][a], BigFraction.ZERO);
            kernel[i][s][a][a] = BigFraction.ONE;
          }
        }
      }
    } else {
      Response r = response(deployed);
      BigFraction keep = BigFraction.ONE.subtract(alpha);
      for (int s = 0; s < states; s++) {
        BigFraction total = BigFraction.ZERO;
        for (int i = 0; i < agents; i++) {
          total = total.add(r.kernelError(i, s));
          BigFraction stay = keep.add(alpha.multiply(r.sigmaChosen(i, s, k)));
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
              BigFraction over = alpha.multiply(r.sigmaChosen(i, s, b));
              kernel[i][s][a][b] = a == b ? stay.add(over) : over;
            }
          }
        }
        if (Rationals.compare(total, deltaP) > 0) {
          deltaP = total;
        }
      }
    }
    if (Rationals.compare(deltaP, BigFraction.of(2)) > 0) {
      deltaP = BigFraction.of(2);
    }
    ExecutedActionGame g = ExecutedActionGame.of(name + " at a deployed policy", base, kernel);
    return new InducedGame(g, halfRange.multiply(deltaP), deltaP);
  }

  /**
   * β·q for every agent in double arithmetic, same loops as the exact path on the base's double twin.
   *
   * @param deployed π̄
   * @return Q_int as [i][s][o]
   * @throws InvalidGameException if π̄ does not have the game's shape
   */
  public double[][][] interventionQDouble(DoublePolicy deployed) {
    requireShape(deployed);
    int agents = base.agentCount();
    int states = base.stateCount();
    int k = facilities;
    double[][][] rb = new double[states][agents][k];
    double[][][][] tb = new double[states][agents][k][states];
    for (int s = 0; s < states; s++) {
      baseTwin.expect(s, deployed.atState(s), rb[s], tb[s]);
    }
    double gamma = baseTwin.discount();
    double b = beta.doubleValue();
    double[][][] out = new double[agents][][];
    for (int i = 0; i < agents; i++) {
      if (b == 0) {
        out[i] = new double[states][k + 1];
        continue;
      }
      double[][] rPert = new double[states][k];
      for (int s = 0; s < states; s++) {
        for (int a = 0; a < k; a++) {
          double count = 1;
          for (int j = 0; j < agents; j++) {
            if (j != i) {
              count += deployed.prob(j, s, a);
            }
          }
          rPert[s][a] = rb[s][i][a] + shiftD[i][a] * count;
        }
      }
      double[][] q = new double[states][k + 1];
      double penalty = INTERVENTION_PENALTY.doubleValue();
      if (variant == Variant.AS_PUBLISHED) {
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
          for (int s = 0; s < states; s++) {
            for (int a = 0; a < k; a++) {
              double cont = 0;
              for (int t = 0; t < states; t++) {
                cont += tb[s][i][a][t] * max(q[t]);
              }
              double pa = deployed.prob(i, s, a);
              double withIntervention = pa * (rPert[s][a] - penalty + gamma * cont);
              double none = pa * (rb[s][i][a] + gamma * cont);
              q[s][a] = withIntervention;
              q[s][k] = none;
            }
          }
        }
      } else {
        double[][] reward = new double[states][k + 1];
        double[][][] rows = new double[states][k + 1][];
        int[][][] next = new int[states][k + 1][];
        int[] all = new int[states];
        for (int t = 0; t < states; t++) {
          all[t] = t;
        }
        double scale = 1;
        for (int s = 0; s < states; s++) {
          double[] pNone = new double[states];
          for (int a = 0; a < k; a++) {
            reward[s][a] = rPert[s][a] - penalty;
            rows[s][a] = tb[s][i][a].clone();
            next[s][a] = all;
            double pa = deployed.prob(i, s, a);
            reward[s][k] += pa * rPert[s][a];
            for (int t = 0; t < states; t++) {
              pNone[t] += pa * tb[s][i][a][t];
            }
          }
          rows[s][k] = pNone;
          next[s][k] = all;
          for (double r : reward[s]) {
            scale = Math.max(scale, Math.abs(r));
          }
        }
        DoubleMdp mdp = DoubleMdp.sparse(gamma, reward, next, rows);
        int[] start = new int[states];
        Arrays.fill(start, k);
        double[] v = PolicyIteration.doubles("intervening agent's Q (agent " + i + ")", mdp, Objective.MAXIMISE, start,
            1e-12 * scale / (1 - gamma), PolicyIteration.DOUBLE_MAX_STEPS).values();
        for (int s = 0; s < states; s++) {
          q[s] = mdp.qRow(s, v);
        }
      }
      for (double[] row : q) {
        for (int o = 0; o < row.length; o++) {
          row[o] *= b;
        }
      }
      out[i] = q;
    }
    return out;
  }

  private static double max(double[] xs) {
    double m = xs[0];
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * σ_i(s,·) = softmax(Q_int^(i)(s,·)) in double ({@code Math.exp} after subtracting the maximum).
   *
   * @param deployed π̄
   * @return σ as [i][s][o]
   * @throws InvalidGameException if π̄ does not have the game's shape
   */
  public double[][][] interventionDistributionDouble(DoublePolicy deployed) {
    double[][][] q = interventionQDouble(deployed);
    for (double[][] agent : q) {
      for (double[] row : agent) {
        double m = max(row);
        double sum = 0;
        for (int o = 0; o < row.length; o++) {
          row[o] = Math.exp(row[o] - m);
          sum += row[o];
        }
        for (int o = 0; o < row.length; o++) {
          row[o] /= sum;
        }
      }
    }
    return q;
  }

  private void requireShape(DoublePolicy p) {
    if (p.agentCount() != base.agentCount() || p.stateCount() != base.stateCount()) {
      throw new InvalidGameException("policy has " + p.agentCount() + " agents and " + p.stateCount()
          + " states; the game has " + base.agentCount() + " and " + base.stateCount());
    }
    for (int i = 0; i < p.agentCount(); i++) {
      if (p.actionCount(i) != facilities) {
        throw new InvalidGameException("policy of agent " + i + " has " + p.actionCount(i) + " actions; the game has "
            + facilities);
      }
    }
  }

  /** The double induced game: σ by {@code Math.exp}, the kernels, {@link ExecutedActionGame#ofDouble}. */
  @Override
  public DoubleMarkovGame induceDouble(DoublePolicy deployed) {
    requireShape(deployed);
    int agents = base.agentCount();
    int states = base.stateCount();
    int k = facilities;
    double a = alpha.doubleValue();
    double[][][][] kernel = new double[agents][states][k][k];
    double[][][] sigma = a == 0 ? new double[agents][states][k + 1] : interventionDistributionDouble(deployed);
    for (int i = 0; i < agents; i++) {
      for (int s = 0; s < states; s++) {
        double stay = 1 - a + a * sigma[i][s][k];
        for (int c = 0; c < k; c++) {
          for (int e = 0; e < k; e++) {
            kernel[i][s][c][e] = a * sigma[i][s][e] + (c == e ? stay : 0);
          }
        }
      }
    }
    return ExecutedActionGame.ofDouble(baseTwin, kernel);
  }

  /**
   * @return the parameters of the base game
   */
  public DistancingGame.Parameters parameters() {
    return parameters;
  }
}
