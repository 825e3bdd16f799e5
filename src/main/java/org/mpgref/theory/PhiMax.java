package org.mpgref.theory;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StageRange;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.mdp.ExactMdp;
import org.mpgref.mdp.ExactSolution;
import org.mpgref.mdp.Objective;
import org.mpgref.mdp.PolicyIteration;

/**
 * The potential bound φ_max of Alatur, Barakat and He (arXiv 2408.08075, seed 001), computed exactly for a game that
 * declares a stage potential φ(s, a), and the exact extremes over product policies of any discounted joint-action
 * value.
 *
 * <p>Definition used here (the seed only says that φ_max bounds the potential; Alatur, Barakat, He, arXiv
 * 2408.08075):
 *
 * <pre>
 *   Φ^π(s)  = E_π[ Σ_t γ^t φ(s_t, a_t) | s_0 = s ]                  (declared stage potential, as declared: no re-centring)
 *   φ_max   = max_{π, s} |Φ^π(s)|  = max_s max( |max_π Φ^π(s)|, |min_π Φ^π(s)| )
 *   φ_max  ≤ max_{s,a} |φ(s,a)| / (1−γ)                                  ({@link #stageBound}, a cheaper upper bound)
 * </pre>
 *
 * The extremes over product policies equal those of the single-agent MDP whose actions are joint actions (every
 * product policy is a joint policy, and the MDP's optimal and pessimal values are attained by deterministic stationary
 * joint policies, which are product policies; Puterman 1994, Thm 6.2.10); they are found by exact policy iteration
 * over joint actions, so the joint-action set is enumerated (the dense size guard applies). Units: the game's reward
 * unit (a discounted sum). See proofs-notes/pmd-phi-max-and-steps.md.
 */
public final class PhiMax {
  private static final String WHAT = "exact phi_max policy iteration solve";

  private PhiMax() {}

  /** A stage reward f(s, a) on joint actions whose discounted value is extremised. */
  @FunctionalInterface
  public interface StageReward {
    /**
     * f(s, a).
     *
     * @param state s
     * @param jointAction a = (a_0..a_{N−1})
     * @return the reward
     */
    BigFraction at(int state, int[] jointAction);
  }

  /**
   * Per-state extremes of W^π(s) = E_π[Σ_t γ^t f(s_t, a_t) | s_0 = s] over product policies π.
   *
   * @param max max_π W^π(s) as [s]
   * @param min min_π W^π(s) as [s]
   * @param argmax a deterministic joint policy attaining every max at once, as joint actions [s][i] (the
   *     lowest-index optimal joint action at every state)
   * @param argmin one attaining every min at once, [s][i] (likewise)
   */
  public record Extremes(BigFraction[] max, BigFraction[] min, int[][] argmax, int[][] argmin) {
    /**
     * Copies the arrays.
     *
     * @param max [s]
     * @param min [s]
     * @param argmax [s][i]
     * @param argmin [s][i]
     */
    public Extremes {
      max = max.clone();
      min = min.clone();
      argmax = deepCopy(argmax);
      argmin = deepCopy(argmin);
    }

    /**
     * @return a copy of the component {@code max} (the record is immutable)
     */
    @Override
    public BigFraction[] max() {
      return max.clone();
    }

    /**
     * @return a copy of the component {@code min} (the record is immutable)
     */
    @Override
    public BigFraction[] min() {
      return min.clone();
    }

    /**
     * @return a copy of the component {@code argmax} (the record is immutable)
     */
    @Override
    public int[][] argmax() {
      return deepCopy(argmax);
    }

    /**
     * @return a copy of the component {@code argmin} (the record is immutable)
     */
    @Override
    public int[][] argmin() {
      return deepCopy(argmin);
    }

    /**
     * max_π Σ_s ν(s) W^π(s) = Σ_s ν(s) max(s) (one deterministic policy is optimal from every start state).
     *
     * @param nu a weight vector [s]
     * @return the largest ν-weighted value
     */
    public BigFraction maxAt(BigFraction[] nu) {
      return dot(nu, max);
    }

    /**
     * min_π Σ_s ν(s) W^π(s) = Σ_s ν(s) min(s).
     *
     * @param nu a weight vector [s]
     * @return the smallest ν-weighted value
     */
    public BigFraction minAt(BigFraction[] nu) {
      return dot(nu, min);
    }
  }

  /**
   * φ_max and the data it comes from.
   *
   * @param phiMax max_{π,s} |Φ^π(s)|, exact
   * @param extremes per-state max and min of Φ^π(s) over product policies
   * @param stageBound max_{s,a}|φ(s,a)|/(1−γ) ≥ φ_max
   */
  public record Result(BigFraction phiMax, Extremes extremes, BigFraction stageBound) {
    /**
     * The range of the potential at a start distribution: max_π Φ^π(ν) − min_π Φ^π(ν).
     *
     * @param nu ν as [s]
     * @return the exact range (≥ 0)
     */
    public BigFraction rangeAt(BigFraction[] nu) {
      return extremes.maxAt(nu).subtract(extremes.minAt(nu));
    }
  }

  /**
   * φ_max exactly for the game's declared stage potential (whatever condition it claims; whether Φ is a Markov
   * potential is decided elsewhere).
   *
   * @param game the game
   * @return φ_max with the extremes, or empty if the game declares no stage potential
   * @throws InvalidGameException if the joint-action set is too large to enumerate
   */
  public static Optional<Result> of(MarkovGame game) {
    Optional<StagePotential> sp = game.potential();
    if (sp.isEmpty()) {
      return Optional.empty();
    }
    StagePotential phi = sp.get();
    Extremes e = extremes(game, phi::phi);
    BigFraction m = BigFraction.ZERO;
    for (int s = 0; s < game.stateCount(); s++) {
      m = larger(m, e.max[s].abs());
      m = larger(m, e.min[s].abs());
    }
    return Optional.of(new Result(m, e, stageBound(game, phi)));
  }

  /**
   * The upper bound max_{s,a}|φ(s,a)|/(1−γ) on φ_max (|Φ^π(s)| ≤ Σ_t γ^t max|φ|).
   *
   * @param game the game (for γ and the joint actions)
   * @param phi the stage potential
   * @return the bound
   * @throws InvalidGameException if the joint-action set is too large to enumerate
   */
  public static BigFraction stageBound(MarkovGame game, StagePotential phi) {
    return StageRange.ofPotential(game, phi).maxAbs().divide(BigFraction.ONE.subtract(game.discount()));
  }

  /**
   * Exact per-state max and min over product policies of the discounted value of a stage reward, by the kernel's
   * exact policy iteration ({@link PolicyIteration#exact}, from joint action 0 at every state; switching only on a
   * strict exact improvement, so it terminates) on the MDP whose actions are the joint actions in the order of
   * {@link JointActions#decode}. The joint policies reported are, at every state, the lowest-index optimal joint
   * action.
   *
   * @param game the game (for S, the joint actions, P and γ)
   * @param f the stage reward f(s, a)
   * @return the extremes with deterministic joint policies attaining them
   * @throws InvalidGameException if the joint-action set is too large to enumerate
   */
  public static Extremes extremes(MarkovGame game, StageReward f) {
    int states = game.stateCount();
    int[] counts = counts(game);
    int joint = JointActions.countDense(counts, states);
    // one policy-iteration step reads every joint action's row (S·Π|A_i|·S entries) and solves an S-state system;
    // at least one step per extreme: refuse before the tables are built
    org.mpgref.limits.Limits.requireWork("phi_max policy iteration over " + states + " states x " + joint + " joint actions",
        2.0 * states * (double) joint * states * 100);
    BigFraction[][] reward = new BigFraction[states][joint];
    BigFraction[][][] rows = new BigFraction[states][joint][states];
    int[] a = new int[counts.length];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        reward[s][j] = f.at(s, a);
        for (int t = 0; t < states; t++) {
          rows[s][j][t] = game.transition(s, a, t);
        }
      }
    }
    ExactMdp mdp = ExactMdp.dense(game.discount(), reward, rows);
    ExactSolution best = PolicyIteration.exact(WHAT, mdp, Objective.MAXIMISE, new int[states]);
    ExactSolution worst = PolicyIteration.exact(WHAT, mdp, Objective.MINIMISE, new int[states]);
    return new Extremes(best.values(), worst.values(), decodeAll(counts, best.actions()),
        decodeAll(counts, worst.actions()));
  }

  private static int[] counts(MarkovGame game) {
    int[] counts = new int[game.agentCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = game.actionCount(i);
    }
    return counts;
  }

  private static int[][] decodeAll(int[] counts, int[] choice) {
    int[][] out = new int[choice.length][counts.length];
    for (int s = 0; s < choice.length; s++) {
      JointActions.decode(counts, choice[s], out[s]);
    }
    return out;
  }

  private static BigFraction larger(BigFraction x, BigFraction y) {
    return Rationals.compare(y, x) > 0 ? y : x;
  }

  private static BigFraction dot(BigFraction[] nu, BigFraction[] w) {
    if (nu.length != w.length) {
      throw new IllegalArgumentException("weights have " + nu.length + " entries; the game has " + w.length + " states");
    }
    BigFraction t = BigFraction.ZERO;
    for (int s = 0; s < w.length; s++) {
      t = t.add(nu[s].multiply(w[s]));
    }
    return t;
  }

  private static int[][] deepCopy(int[][] x) {
    int[][] c = new int[x.length][];
    for (int k = 0; k < x.length; k++) {
      c[k] = x[k].clone();
    }
    return c;
  }
}
