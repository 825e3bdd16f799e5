package org.mpgref.theory;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.Distributions;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;
import org.mpgref.game.StageRange;
import org.mpgref.limits.Cancellation;
import org.mpgref.numbers.Rationals;

/**
 * The game constants shared by the Nash-regret bounds proven in this project ({@link QAscentRegretBound} for
 * projected Q-ascent, {@link KlRegretBound} for KL policy mirror descent; proofs-notes/nash-regret-projected-q-ascent.md
 * and proofs-notes/nash-regret-kl-pmd.md): the reward half-span R, the visitation floor c_ν of a weighting ν, Ding et
 * al.'s coverage d, and A_max = max_i |A_i|.
 *
 * <p>Units: R in the game's reward unit (per step); c_ν, d, ν dimensionless. Index shapes: ν as [s].
 */
public final class RegretConstants {
  private RegretConstants() {}

  /**
   * R = max_i (max_{s,a} r_i(s,a) − min_{s,a} r_i(s,a)) / 2, over joint actions a (enumerated; the dense size guard
   * applies). Projected Q-ascent, KL PMD and all gaps are unchanged when a constant is added to r_i, so the bounds may
   * use the centred rewards, |r_i − mid_i| ≤ R.
   *
   * @param game the game
   * @return R ≥ 0
   * @throws InvalidGameException if the joint-action set is too large to enumerate
   */
  public static BigFraction rewardHalfSpan(MarkovGame game) {
    BigFraction best = BigFraction.ZERO;
    for (int i = 0; i < game.agentCount(); i++) {
      BigFraction half = StageRange.ofReward(game, i).halfSpan();
      if (Rationals.compare(half, best) > 0) {
        best = half;
      }
    }
    return best;
  }

  /**
   * The uniform distribution over states, the default weighting ν of the bounds.
   *
   * @param game the game
   * @return ν(s) = 1/|S| as [s]
   */
  public static BigFraction[] uniform(MarkovGame game) {
    BigFraction[] nu = new BigFraction[game.stateCount()];
    Arrays.fill(nu, BigFraction.of(1, game.stateCount()));
    return nu;
  }

  /**
   * The exact visitation floor c_ν = min_s min_π d_ν^π(s) over product policies, by exact policy iteration on the
   * joint-action MDP with reward 1{s = s*} for each s* (d_ν^π(s*) = (1−γ) Σ_{s_0} ν(s_0) W^π(s_0); see
   * {@link PhiMax#extremes}).
   *
   * @param game the game
   * @param nu ν as [s], a distribution
   * @return c_ν (0 if some state can be avoided from ν)
   * @throws InvalidGameException if ν is not a distribution over the game's states or the joint actions are too many
   */
  public static BigFraction visitationFloor(MarkovGame game, BigFraction[] nu) {
    requireWeights(game, nu);
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    BigFraction floor = BigFraction.ONE;
    for (int target = 0; target < game.stateCount(); target++) {
      Cancellation.check();
      final int st = target;
      PhiMax.Extremes e = PhiMax.extremes(game, (s, a) -> s == st ? BigFraction.ONE : BigFraction.ZERO);
      BigFraction d = oneMinusGamma.multiply(e.minAt(nu));
      if (Rationals.compare(d, floor) < 0) {
        floor = d;
      }
    }
    return floor;
  }

  /**
   * The closed-form visitation floor (1−γ) min_s ν(s) ≤ c_ν (the t = 0 term of d_ν^π;
   * proofs-notes/mismatch-coefficient.md).
   *
   * @param game the game (for γ)
   * @param nu ν as [s]
   * @return (1−γ) min_s ν(s)
   * @throws InvalidGameException if ν is not a distribution over the game's states
   */
  public static BigFraction visitationFloorBound(MarkovGame game, BigFraction[] nu) {
    requireWeights(game, nu);
    BigFraction min = nu[0];
    for (BigFraction x : nu) {
      if (Rationals.compare(x, min) < 0) {
        min = x;
      }
    }
    return BigFraction.ONE.subtract(game.discount()).multiply(min);
  }

  /**
   * Ding et al.'s coverage d = sup_π ‖d_ρ^π / ρ‖_∞ = max_s max_π d_ρ^π(s)/ρ(s), exactly (states with ρ(s) = 0 that
   * some policy visits make it infinite), and d_p = min(d, S) is then {@code min(d, stateCount)}.
   *
   * @param game the game
   * @return d, or empty if it is infinite
   * @throws InvalidGameException if the joint actions are too many
   */
  public static Optional<BigFraction> coverage(MarkovGame game) {
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    BigFraction[] rho = new BigFraction[game.stateCount()];
    for (int s = 0; s < rho.length; s++) {
      rho[s] = game.initial(s);
    }
    BigFraction d = BigFraction.ZERO;
    for (int target = 0; target < game.stateCount(); target++) {
      Cancellation.check();
      final int st = target;
      PhiMax.Extremes e = PhiMax.extremes(game, (s, a) -> s == st ? BigFraction.ONE : BigFraction.ZERO);
      BigFraction visit = oneMinusGamma.multiply(e.maxAt(rho));
      if (visit.signum() == 0) {
        continue;
      }
      if (rho[target].signum() == 0) {
        return Optional.empty();
      }
      BigFraction ratio = visit.divide(rho[target]);
      if (Rationals.compare(ratio, d) > 0) {
        d = ratio;
      }
    }
    return Optional.of(d);
  }

  /**
   * A_max = max_i |A_i|.
   *
   * @param game the game
   * @return the largest action count
   */
  public static int maxActions(MarkovGame game) {
    int m = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      m = Math.max(m, game.actionCount(i));
    }
    return m;
  }

  /**
   * Why the game is not known to be a Markov potential game, in the wording of the Nash-regret assessments, or null if
   * it declares a stage potential with a sufficient condition (identical interest, or state potentials with
   * action-independent transitions; Leonardos et al. 2022, Prop. 3.2) that its data satisfy exactly.
   */
  static @Nullable String notMarkovPotential(MarkovGame game) {
    Optional<StagePotential> sp = game.potential();
    if (sp.isEmpty()) {
      return game.name() + " declares no stage potential, so it is not known to be a Markov potential game";
    }
    if (sp.get().condition() == StagePotential.Condition.STATE_POTENTIAL_ONLY) {
      return game.name() + " declares only state potentials (condition STATE_POTENTIAL_ONLY), which does not make"
          + " it a Markov potential game";
    }
    Optional<String> violation = sp.get().findViolation();
    if (violation.isPresent()) {
      return game.name() + ": the declared condition " + sp.get().condition() + " fails: " + violation.get();
    }
    return null;
  }

  /** Requires ν to be a distribution over the game's states. */
  static void requireWeights(MarkovGame game, BigFraction[] nu) {
    if (nu.length != game.stateCount()) {
      throw new InvalidGameException("nu has " + nu.length + " entries; the game has " + game.stateCount() + " states");
    }
    Distributions.require(nu, "nu");
  }

  /** (x_0, x_1, ...) with exact entries. */
  static String format(BigFraction[] xs) {
    StringBuilder b = new StringBuilder("(");
    for (int k = 0; k < xs.length; k++) {
      b.append(k > 0 ? ", " : "").append(Rationals.format(xs[k]));
    }
    return b.append(')').toString();
  }
}
