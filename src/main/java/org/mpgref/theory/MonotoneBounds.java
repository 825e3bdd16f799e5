package org.mpgref.theory;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StageRange;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;

/**
 * Proven constants for the monotone growth of the potential Φ^π(ρ) = E_π[Σ_t γ^t φ(s_t,a_t)] of a Markov potential
 * game with a declared stage potential φ, as exact rationals. Every formula is derived line by line in
 * {@code proofs-notes/monotone-ipg.md} (sections named below); specification: {@code specs/monotone-potential.md}.
 *
 * <pre>
 *   φ̂  = (max_{s,a} φ(s,a) − min_{s,a} φ(s,a)) / 2                      half the span of φ (§1)
 *   C  = (1+γ) φ̂ / (1−γ)^3                                              |d²/dt² Φ^{π+tu}(ρ)| ≤ C ν(u)², ν(u) = max_s Σ_i ‖u_i(·|s)‖_1 (§2)
 *   L  = C · A_sum,  A_sum = Σ_i |A_i|                                   Euclidean smoothness constant (§3)
 *   IPG                 η ≤ 2/L        ⇒ Φ^{t+1}(ρ) ≥ Φ^t(ρ)          η ≤ 1/L ⇒ Φ^{t+1}(ρ) − Φ^t(ρ) ≥ ‖π^{t+1} − π^t‖²/(2η) (§4)
 *   projected Q-ascent  η ≤ 2ρ_min/L   ⇒ Φ^{t+1}(ρ) ≥ Φ^t(ρ)          (§5)
 *   K  = φ̂ / (1−γ)^2                                                    |Φ^π(ρ) − Φ^{π'}(ρ)| ≤ K max_s Σ_i ‖π_i(·|s) − π'_i(·|s)‖_1 (§6)
 * </pre>
 *
 * The bounds hold for every game whose declared Φ is a Markov potential (the update directions of IPG and Q-ascent
 * then equal ∇Φ up to a constant per (i, s), which the simplex projection ignores; §4). They depend on φ only, not on
 * the agents' rewards. A constant φ (φ̂ = 0) makes Φ constant: then no bound is needed and the step-size methods
 * return empty.
 */
public final class MonotoneBounds {
  private MonotoneBounds() {}

  /** Source of every constant here. */
  public static final String SOURCE = "proofs-notes/monotone-ipg.md (own derivation; smoothness in the style of"
      + " Agarwal et al. 2021, App. D, sufficient ascent of projected gradient; Leonardos et al. 2022, Prop. B.1 for"
      + " the gradient of Phi)";

  /**
   * φ̂ = (max φ − min φ)/2 over all states and joint actions of the declared stage potential (enumerates joint
   * actions under the dense size guard). Φ changes by a constant when φ is shifted by a constant, so every bound
   * may use φ̂ in place of max|φ|.
   *
   * @param game a game that declares a stage potential
   * @return φ̂ ≥ 0
   * @throws IllegalArgumentException if the game declares no stage potential
   * @throws org.mpgref.game.InvalidGameException if the joint-action set is too large to enumerate
   */
  public static BigFraction phiHalfSpan(MarkovGame game) {
    StagePotential sp = game.potential().orElseThrow(
        () -> new IllegalArgumentException(game.name() + ": the game declares no stage potential phi"));
    return StageRange.ofPotential(game, sp).halfSpan();
  }

  /**
   * A_sum = Σ_i |A_i|.
   *
   * @param game the game
   * @return the total number of individual actions
   */
  public static int actionSum(MarkovGame game) {
    int t = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      t += game.actionCount(i);
    }
    return t;
  }

  /**
   * C = (1+γ) φ̂/(1−γ)^3: for feasible π and a direction u with Σ_a u_i(a|s) = 0 and π + tu feasible for t ∈ [0,1],
   * |d²/dt² Φ^{π+tu}(ρ)| ≤ C ν(u)² with ν(u) = max_s Σ_i ‖u_i(·|s)‖_1 (proofs-notes/monotone-ipg.md §2).
   *
   * @param game a game with a declared stage potential
   * @return C
   * @throws IllegalArgumentException if the game declares no stage potential
   */
  public static BigFraction curvature(MarkovGame game) {
    BigFraction gamma = game.discount();
    BigFraction oneMinus = BigFraction.ONE.subtract(gamma);
    return BigFraction.ONE.add(gamma).multiply(phiHalfSpan(game)).divide(oneMinus.pow(3));
  }

  /**
   * L = (1+γ) φ̂ A_sum/(1−γ)^3, the smoothness constant of π ↦ Φ^π(ρ) in the Euclidean norm on the directly
   * parametrised joint policy (proofs-notes/monotone-ipg.md §3): Φ(π+u) ≥ Φ(π) + ⟨∇Φ(π), u⟩ − (L/2) max_s ‖u(·|s)‖²
   * ≥ Φ(π) + ⟨∇Φ(π), u⟩ − (L/2)‖u‖² for feasible π, π+u.
   *
   * @param game a game with a declared stage potential
   * @return L
   * @throws IllegalArgumentException if the game declares no stage potential
   */
  public static BigFraction smoothness(MarkovGame game) {
    return curvature(game).multiply(actionSum(game));
  }

  /**
   * The remainder bound of the second-order expansion along a step u: |Φ(π+u) − Φ(π) − ⟨∇Φ(π), u⟩| ≤ C ν²/2
   * (Taylor with Lagrange remainder and §2 of proofs-notes/monotone-ipg.md).
   *
   * @param game a game with a declared stage potential
   * @param nu ν(u) = max_s Σ_i ‖u_i(·|s)‖_1 ≥ 0
   * @return C ν²/2
   * @throws IllegalArgumentException if the game declares no stage potential or ν &lt; 0
   */
  public static BigFraction remainder(MarkovGame game, BigFraction nu) {
    if (nu.signum() < 0) {
      throw new IllegalArgumentException("nu must be >= 0, got " + Rationals.format(nu));
    }
    return curvature(game).multiply(nu.multiply(nu)).divide(2);
  }

  /**
   * IPG never decreases Φ(ρ) for 0 &lt; η ≤ 2/L (proofs-notes/monotone-ipg.md §4): Φ^{t+1}(ρ) − Φ^t(ρ) ≥
   * (1/η − L/2)‖π^{t+1} − π^t‖_2² ≥ 0.
   *
   * @param game an MPG with a declared stage potential that is a Markov potential
   * @return 2/L, or empty if φ is constant (then every η works)
   * @throws IllegalArgumentException if the game declares no stage potential
   */
  public static Optional<BigFraction> ipgNonDecreasing(MarkovGame game) {
    BigFraction l = smoothness(game);
    return l.signum() == 0 ? Optional.empty() : Optional.of(BigFraction.of(2).divide(l));
  }

  /**
   * IPG's sufficient ascent for 0 &lt; η ≤ 1/L: Φ^{t+1}(ρ) − Φ^t(ρ) ≥ ‖π^{t+1} − π^t‖_2²/(2η)
   * (proofs-notes/monotone-ipg.md §4).
   *
   * @param game an MPG with a declared stage potential that is a Markov potential
   * @return 1/L, or empty if φ is constant
   * @throws IllegalArgumentException if the game declares no stage potential
   */
  public static Optional<BigFraction> ipgSufficientAscent(MarkovGame game) {
    BigFraction l = smoothness(game);
    return l.signum() == 0 ? Optional.empty() : Optional.of(BigFraction.ONE.divide(l));
  }

  /**
   * Projected Q-ascent never decreases Φ(ρ) for 0 &lt; η ≤ 2ρ_min/L, ρ_min = min_s ρ(s) (proofs-notes/monotone-ipg.md
   * §5): Φ^{t+1}(ρ) − Φ^t(ρ) ≥ (ρ_min/η − L/2) max_s ‖π^{t+1}(·|s) − π^t(·|s)‖_2² ≥ 0.
   *
   * @param game an MPG with a declared stage potential that is a Markov potential
   * @return 2ρ_min/L, or empty if φ is constant
   * @throws IllegalArgumentException if the game declares no stage potential or some ρ(s) = 0 (the argument needs
   *     d_ρ^π(s) ≥ (1−γ)ρ(s) &gt; 0 in every state)
   */
  public static Optional<BigFraction> qAscentNonDecreasing(MarkovGame game) {
    BigFraction rhoMin = rhoMin(game);
    BigFraction l = smoothness(game);
    return l.signum() == 0 ? Optional.empty() : Optional.of(BigFraction.of(2).multiply(rhoMin).divide(l));
  }

  /**
   * K = φ̂/(1−γ)^2: |Φ^π(ρ) − Φ^{π'}(ρ)| ≤ K max_s Σ_i ‖π_i(·|s) − π'_i(·|s)‖_1 for all product policies π, π'
   * (performance-difference lemma; proofs-notes/monotone-ipg.md §6).
   *
   * @param game a game with a declared stage potential
   * @return K
   * @throws IllegalArgumentException if the game declares no stage potential
   */
  public static BigFraction lipschitz(MarkovGame game) {
    BigFraction oneMinus = BigFraction.ONE.subtract(game.discount());
    return phiHalfSpan(game).divide(oneMinus.multiply(oneMinus));
  }

  /**
   * ρ_min = min_s ρ(s), required to be &gt; 0.
   *
   * @param game the game
   * @return ρ_min
   * @throws IllegalArgumentException if some ρ(s) = 0
   */
  public static BigFraction rhoMin(MarkovGame game) {
    BigFraction min = game.initial(0);
    int at = 0;
    for (int s = 1; s < game.stateCount(); s++) {
      if (Rationals.compare(game.initial(s), min) < 0) {
        min = game.initial(s);
        at = s;
      }
    }
    if (min.signum() == 0) {
      throw new IllegalArgumentException(game.name() + ": rho(" + at + ") = 0; the Q-ascent bound needs rho(s) > 0"
          + " in every state");
    }
    return min;
  }
}
