package org.mpgref.catalog;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;

/**
 * The distancing game of Leonardos, Overman, Panageas and Piliouras (ICLR 2022, §5), reused by Fox et al. (AISTATS
 * 2022, §4.1) and Ding et al. (ICML 2022). Source of the exact definition:
 * {@code willoverman/MPG_experiments@9bf9a971f9e21f12f7545b462c1f41a31f1123d5:congestionMPG_plots.py} and
 * {@code congestion_games.py}; see {@code specs/distancing-game.md}.
 *
 * <pre>
 *   agents N, facilities k = 0..K-1 (A, B, C, D), each agent picks one facility; states 0 = safe, 1 = distancing
 *   r_i(s, a) = c_{a_i} · w_{a_i} − penalty · [s = distancing]         (the penalty follows the CURRENT state)
 *   from safe:        next = distancing iff max_k c_k > safeThreshold          (published: N/2)
 *   from distancing:  next = distancing iff max_k c_k > distancingThreshold    (published: N/4)
 * </pre>
 *
 * Published: N = 8, w = (1, 2, 4, 6), penalty 100, γ = 99/100, ρ = (1/2, 1/2). Declared stage potential (Rosenthal):
 * φ(s, c) = Σ_k w_k c_k (c_k + 1)/2 − penalty · [s = distancing], a potential of every state game; the transitions
 * depend on the actions, so no sufficient condition for a Markov potential is claimed.
 *
 * <p>Variant {@link PenaltyTiming#NEXT_STATE} (Sahitaj et al., AISTATS 2025, arXiv 2504.20593, §5; code
 * {@code PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc:dist_env.py:20-32}): the penalty
 * follows the state the joint action leads to, r_i(s, a) = c_{a_i} · w_{a_i} − penalty · [next(s, c) = distancing];
 * its declared stage potential is φ(s, c) = Σ_k w_k c_k (c_k + 1)/2 − penalty · [next(s, c) = distancing] (the penalty
 * is common to all agents). Published there ({@link #publishedSahitaj(int)}): N = 8, w = (4, 3, 2, 1), penalty 100,
 * thresholds ⌊N/2⌋ and ⌊N/4⌋, γ = 99/100, ρ = (1/2, 1/2).
 */
public final class DistancingGame {
  /** Where the definition comes from. */
  public static final String SOURCE = "Leonardos et al. ICLR 2022 §5; code willoverman/MPG_experiments@9bf9a971"
      + ":congestionMPG_plots.py (get_next_state, CongGame weights [[1,0],[2,0],[4,0],[6,0]] / [[1,-100],...])";

  /** Where the next-state-penalty variant comes from. */
  public static final String SOURCE_SAHITAJ = "Sahitaj et al. AISTATS 2025 (arXiv 2504.20593) §5; code "
      + "PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc:dist_env.py:11-32";

  private DistancingGame() {}

  /** Which state's penalty a reward carries. */
  public enum PenaltyTiming {
    /** r_i(s, a) = c_{a_i} w_{a_i} − penalty · [s = distancing] (Leonardos et al.). */
    CURRENT_STATE,
    /** r_i(s, a) = c_{a_i} w_{a_i} − penalty · [next(s, c) = distancing] (Sahitaj et al., {@code dist_env.py:29-30}). */
    NEXT_STATE
  }

  /**
   * The parameters of the game.
   *
   * @param agents N ≥ 1
   * @param weights w_k > 0 per facility (K = weights.length ≥ 1)
   * @param penalty the constant subtracted from every reward in the distancing state
   * @param safeThreshold from safe, go to distancing iff some count exceeds this
   * @param distancingThreshold from distancing, stay iff some count exceeds this
   * @param gamma γ
   * @param rho ρ = (ρ(safe), ρ(distancing))
   */
  public record Parameters(int agents, BigFraction[] weights, BigFraction penalty, BigFraction safeThreshold,
      BigFraction distancingThreshold, BigFraction gamma, BigFraction[] rho) {
    /**
     * Copies the arrays.
     *
     * @param agents N
     * @param weights w
     * @param penalty penalty
     * @param safeThreshold threshold from safe
     * @param distancingThreshold threshold from distancing
     * @param gamma γ
     * @param rho ρ
     */
    public Parameters {
      weights = weights.clone();
      rho = rho.clone();
    }

    /**
     * @return a copy of the component {@code weights} (the record is immutable)
     */
    @Override
    public BigFraction[] weights() {
      return weights.clone();
    }

    /**
     * @return a copy of the component {@code rho} (the record is immutable)
     */
    @Override
    public BigFraction[] rho() {
      return rho.clone();
    }
  }

  /**
   * The published setting for N agents: w = (1,2,4,6), penalty 100, thresholds N/2 and N/4, γ = 99/100, ρ = (1/2,1/2).
   *
   * @param agents N
   * @return the parameters
   */
  public static Parameters published(int agents) {
    return new Parameters(agents,
        new BigFraction[] {BigFraction.of(1), BigFraction.of(2), BigFraction.of(4), BigFraction.of(6)},
        BigFraction.of(100), BigFraction.of(agents, 2), BigFraction.of(agents, 4), BigFraction.of(99, 100),
        new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 2)});
  }

  /**
   * The setting of Sahitaj et al. (arXiv 2504.20593; {@code performative-mpgs@da85aa2:dist_env.py:11-32}) for N agents:
   * w = (4,3,2,1) ({@code dist_env.py:11}), penalty 100 (line 12), thresholds ⌊N/2⌋ from safe and ⌊N/4⌋ from distancing
   * ({@code actions.shape[0] // threshold}, lines 25-27), γ = 99/100 (CLI default), ρ = (1/2,1/2) (line 16). Use it
   * with {@link PenaltyTiming#NEXT_STATE}.
   *
   * @param agents N ≥ 1 (published: 8)
   * @return the parameters
   */
  public static Parameters publishedSahitaj(int agents) {
    return new Parameters(agents,
        new BigFraction[] {BigFraction.of(4), BigFraction.of(3), BigFraction.of(2), BigFraction.of(1)},
        BigFraction.of(100), BigFraction.of(agents / 2), BigFraction.of(agents / 4), BigFraction.of(99, 100),
        new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 2)});
  }

  /**
   * Builds the game with the penalty of the current state ({@link PenaltyTiming#CURRENT_STATE}).
   *
   * @param p parameters
   * @return the anonymous game
   * @throws InvalidGameException if N &lt; 1, there is no facility, a weight is not positive, ρ does not have two entries
   *     or is not a distribution, or γ ∉ [0,1)
   */
  public static AnonymousMarkovGame of(Parameters p) {
    return of(p, PenaltyTiming.CURRENT_STATE);
  }

  /**
   * Builds the game.
   *
   * @param p parameters
   * @param timing whether the penalty follows the current or the next state
   * @return the anonymous game
   * @throws InvalidGameException if N &lt; 1, there is no facility, a weight is not positive, ρ does not have two entries
   *     or is not a distribution, or γ ∉ [0,1)
   */
  public static AnonymousMarkovGame of(Parameters p, PenaltyTiming timing) {
    BigFraction[] w = p.weights();
    if (w.length == 0) {
      throw new InvalidGameException("distancing game: weights are empty; there must be at least one facility");
    }
    for (int k = 0; k < w.length; k++) {
      if (w[k].signum() <= 0) {
        throw new InvalidGameException("distancing game: weight w[" + k + "] = " + Rationals.format(w[k]) + " must be > 0");
      }
    }
    if (p.rho().length != 2) {
      throw new InvalidGameException("distancing game: rho has " + p.rho().length + " entries; the game has 2 states (safe, distancing)");
    }
    String[] labels = new String[w.length];
    for (int k = 0; k < w.length; k++) {
      labels[k] = w.length <= 26 ? String.valueOf((char) ('A' + k)) : "f" + k;
    }
    BigFraction penalty = p.penalty();
    AnonymousMarkovGame.Rule rule = new AnonymousMarkovGame.Rule() {
      @Override
      public BigFraction reward(int state, int action, int[] counts) {
        BigFraction r = w[action].multiply(counts[action]);
        return penalised(p, timing, state, counts) ? r.subtract(penalty) : r;
      }

      @Override
      public BigFraction[] transition(int state, int[] counts) {
        return nextIsDistancing(p, state, counts) ? new BigFraction[] {BigFraction.ZERO, BigFraction.ONE}
            : new BigFraction[] {BigFraction.ONE, BigFraction.ZERO};
      }
    };
    AnonymousMarkovGame.PotentialRule potential = new AnonymousMarkovGame.PotentialRule() {
      @Override
      public BigFraction phi(int state, int[] counts) {
        BigFraction f = BigFraction.ZERO;
        for (int k = 0; k < counts.length; k++) {
          f = f.add(w[k].multiply(BigFraction.of((long) counts[k] * (counts[k] + 1), 2)));
        }
        return penalised(p, timing, state, counts) ? f.subtract(penalty) : f;
      }

      @Override
      public StagePotential.Condition condition() {
        return StagePotential.Condition.STATE_POTENTIAL_ONLY;
      }
    };
    String name = "distancing(N=" + p.agents() + ", w=" + formatAll(w) + ", penalty=" + Rationals.format(penalty)
        + ", thresholds=(" + Rationals.format(p.safeThreshold()) + "," + Rationals.format(p.distancingThreshold()) + ")"
        + ", gamma=" + Rationals.format(p.gamma()) + ", rho=" + formatAll(p.rho())
        + (timing == PenaltyTiming.NEXT_STATE ? ", penalty on next state" : "") + ")";
    return AnonymousMarkovGame.of(name, p.agents(), new String[] {"safe", "distancing"}, labels, p.gamma(), p.rho(),
        rule, potential);
  }

  /** Whether the joint action with counts c leads from s to distancing: max_k c_k above the state's threshold. */
  private static boolean nextIsDistancing(Parameters p, int state, int[] counts) {
    int max = Arrays.stream(counts).max().orElse(0);
    BigFraction threshold = state == 0 ? p.safeThreshold() : p.distancingThreshold();
    return Rationals.compare(BigFraction.of(max), threshold) > 0;
  }

  /** Whether the reward at (s, c) carries the penalty under the timing. */
  private static boolean penalised(Parameters p, PenaltyTiming timing, int state, int[] counts) {
    return timing == PenaltyTiming.CURRENT_STATE ? state == 1 : nextIsDistancing(p, state, counts);
  }

  static String formatAll(BigFraction[] xs) {
    StringBuilder b = new StringBuilder("(");
    for (int k = 0; k < xs.length; k++) {
      b.append(k > 0 ? "," : "").append(Rationals.format(xs[k]));
    }
    return b.append(')').toString();
  }
}
