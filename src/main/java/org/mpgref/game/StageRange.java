package org.mpgref.game;

import java.util.Objects;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * The exact range [min, max] of a stage quantity f(s, a) over every state s and every joint action a = (a_0..a_{N−1})
 * of a game: a reward r_i, all agents' rewards, or a declared stage potential φ. The joint actions are enumerated
 * (agent 0 fastest), so the dense size guard of {@link JointActions#countDense} applies. Comparisons are exact
 * ({@link Rationals#compare}); no {@code double} is involved.
 *
 * <p>Used by the constants of the theorems: R = max_i (max r_i − min r_i)/2 (Nash-regret bounds), φ̂ = (max φ − min
 * φ)/2 (smoothness of Φ), max|φ|/(1−γ) (a bound on φ_max), and the [0, 1] reward assumption of Fox et al. Theorem 3.1.
 *
 * @param min min_{s,a} f(s, a)
 * @param max max_{s,a} f(s, a), ≥ min
 */
public record StageRange(BigFraction min, BigFraction max) {

  /** A stage quantity f(s, a) (units: those of f). */
  @FunctionalInterface
  public interface StageFunction {
    /**
     * f(s, a).
     *
     * @param state s ∈ {0..|S|−1}
     * @param jointAction a = (a_0..a_{N−1}); the array is reused by the caller and must not be kept
     * @return the value, exact
     */
    BigFraction at(int state, int[] jointAction);
  }

  /**
   * A range with min ≤ max.
   *
   * @param min the smallest value
   * @param max the largest value
   * @throws IllegalArgumentException if min &gt; max
   * @throws NullPointerException if either is null
   */
  public StageRange {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (Rationals.compare(min, max) > 0) {
      throw new IllegalArgumentException("range minimum " + Rationals.format(min) + " exceeds maximum "
          + Rationals.format(max));
    }
  }

  /**
   * (max − min)/2.
   *
   * @return the half-span, ≥ 0
   */
  public BigFraction halfSpan() {
    return max.subtract(min).divide(2);
  }

  /**
   * max(|min|, |max|) = max_{s,a} |f(s, a)|.
   *
   * @return the largest absolute value
   */
  public BigFraction maxAbs() {
    BigFraction a = min.abs();
    BigFraction b = max.abs();
    return Rationals.compare(a, b) >= 0 ? a : b;
  }

  /**
   * Whether lo ≤ min and max ≤ hi.
   *
   * @param lo the lower end
   * @param hi the upper end
   * @return true iff every value lies in [lo, hi]
   */
  public boolean within(BigFraction lo, BigFraction hi) {
    return Rationals.compare(lo, min) <= 0 && Rationals.compare(max, hi) <= 0;
  }

  /**
   * The range of f over all states and joint actions of the game.
   *
   * @param game the game (for |S| and the action sets)
   * @param f the stage quantity
   * @return [min f, max f]
   * @throws InvalidGameException if the joint-action set is too large to enumerate (with the numbers)
   */
  public static StageRange over(MarkovGame game, StageFunction f) {
    int n = game.agentCount();
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = game.actionCount(i);
    }
    int joint = JointActions.countDense(counts, game.stateCount());
    int[] a = new int[n];
    BigFraction min = f.at(0, a);
    BigFraction max = min;
    for (int s = 0; s < game.stateCount(); s++) {
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        BigFraction v = f.at(s, a);
        if (Rationals.compare(v, min) < 0) {
          min = v;
        }
        if (Rationals.compare(v, max) > 0) {
          max = v;
        }
      }
    }
    return new StageRange(min, max);
  }

  /**
   * The range of agent i's reward r_i(s, a).
   *
   * @param game the game
   * @param agent i ∈ {0..N−1}
   * @return [min r_i, max r_i]
   * @throws IndexOutOfBoundsException if the agent does not exist
   * @throws InvalidGameException if the joint-action set is too large to enumerate
   */
  public static StageRange ofReward(MarkovGame game, int agent) {
    Objects.checkIndex(agent, game.agentCount());
    return over(game, (s, a) -> game.reward(agent, s, a));
  }

  /**
   * The range of every agent's reward: [min_{i,s,a} r_i(s,a), max_{i,s,a} r_i(s,a)].
   *
   * @param game the game
   * @return the union of the agents' reward ranges
   * @throws InvalidGameException if the joint-action set is too large to enumerate
   */
  public static StageRange ofAllRewards(MarkovGame game) {
    StageRange all = ofReward(game, 0);
    for (int i = 1; i < game.agentCount(); i++) {
      StageRange r = ofReward(game, i);
      all = new StageRange(Rationals.compare(r.min, all.min) < 0 ? r.min : all.min,
          Rationals.compare(r.max, all.max) > 0 ? r.max : all.max);
    }
    return all;
  }

  /**
   * The range of a stage potential φ(s, a).
   *
   * @param game the game (for the states and action sets)
   * @param phi the stage potential
   * @return [min φ, max φ]
   * @throws InvalidGameException if the joint-action set is too large to enumerate
   */
  public static StageRange ofPotential(MarkovGame game, StagePotential phi) {
    return over(game, phi::phi);
  }
}
