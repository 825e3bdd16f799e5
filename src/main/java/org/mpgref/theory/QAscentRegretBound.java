package org.mpgref.theory;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.numbers.Rationals;

/**
 * The constants of the Nash-regret bound proven in this project for projected Q-ascent (= Euclidean policy mirror
 * descent) in Markov potential games with exact averaged Q-functions, and whether it applies
 * (proofs-notes/nash-regret-projected-q-ascent.md, Theorem): for a Markov potential game with potential Φ, any
 * weighting distribution ν with visitation floor c ≤ min_{π,s} d_ν^π(s), c &gt; 0, reward half-span
 * R = max_i (max_{s,a} r_i − min_{s,a} r_i)/2, A_max = max_i |A_i|, and projected Q-ascent with
 * 0 &lt; η ≤ η₀ = (1−γ)² c/(R Σ_i |A_i|), for every T ≥ 1 and every ρ:
 *
 * <pre>
 *   Nash-Regret(T)² ≤ 4 ΔΦ (2/η + η A_max R²/(1−γ)²) / ((1−γ) c T),   ΔΦ = Φ^{π^T}(ν) − Φ^{π^0}(ν) ≤ max_π Φ^π(ν) − min_π Φ^π(ν)
 * </pre>
 *
 * with Nash-Regret(T) = (1/T) Σ_{t=0}^{T−1} max_i gap_i(π^t)(ρ) (Ding et al. 2022). The run check that scores a run
 * against it is {@code org.mpgref.theory.check.QAscentRegretCheck}. Units: gaps and regret in the game's reward unit
 * (discounted sums); η in 1/(reward unit); c, ν, ρ dimensionless.
 */
public final class QAscentRegretBound {
  private QAscentRegretBound() {}

  /** Source of the definition of the Nash regret. */
  public static final String NASH_REGRET = "Ding, Wei, Zhang, Jovanovic, ICML 2022, talk slides (seed 003),"
      + " 'Performance measure': Nash-Regret(T) = (1/T) sum_{t=1}^T max_i (max_{pi_i'} V_i^{pi_i', pi_-i^(t)}(rho)"
      + " - V_i^{pi^(t)}(rho))";

  /** Source of the proven bound ({@link Assessment#boundSquared}). */
  public static final String BOUND = "mpgref, proofs-notes/nash-regret-projected-q-ascent.md,"
      + " Theorem (proven here, not from a seed): Nash-Regret(T)^2 <= 4 dPhi (2/eta + eta A_max R^2/(1-gamma)^2)"
      + " / ((1-gamma) c T) for eta <= (1-gamma)^2 c / (R sum_i |A_i|)";

  /**
   * K'² = (2/(1−γ)²)(2/η² + A_max R²/(1−γ)²), the constant of Lemma 1 of the note: for ANY game, any η &gt; 0 and
   * π' the projected Q-ascent step from π, (max_i gap_i(π)(ρ))² ≤ K'² U with U = Σ_i Σ_s ‖π_i'(·|s) − π_i(·|s)‖₂².
   *
   * @param game the game (γ, |A_i|)
   * @param eta η &gt; 0
   * @param halfSpan R ≥ 0
   * @return K'², exact
   * @throws IllegalArgumentException if η ≤ 0 or R &lt; 0
   */
  public static BigFraction gapConstantSquared(MarkovGame game, BigFraction eta, BigFraction halfSpan) {
    if (eta.signum() <= 0 || halfSpan.signum() < 0) {
      throw new IllegalArgumentException("eta = " + Rationals.format(eta) + " must be > 0 and R = "
          + Rationals.format(halfSpan) + " >= 0");
    }
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    BigFraction omg2 = oneMinusGamma.multiply(oneMinusGamma);
    BigFraction inner = BigFraction.of(2).divide(eta.multiply(eta))
        .add(halfSpan.multiply(halfSpan).multiply(RegretConstants.maxActions(game)).divide(omg2));
    return BigFraction.of(2).divide(omg2).multiply(inner);
  }

  /**
   * Everything the proven bound needs for one game, step and weighting, and whether it applies.
   *
   * @param eta η
   * @param nu the weighting distribution ν [s]
   * @param gamma γ of the game
   * @param maxActions A_max = max_i |A_i|
   * @param halfSpan R
   * @param visitationFloor c = min_{π,s} d_ν^π(s), exact
   * @param stepLimit η₀ = (1−γ)² c/(R Σ|A_i|), empty if R = 0 (no limit) or c = 0
   * @param potentialRange max_π Φ^π(ν) − min_π Φ^π(ν) for the declared potential, empty if none is declared
   * @param notApplicable why the theorem does not cover this case (one line), empty if it does
   */
  public record Assessment(BigFraction eta, BigFraction[] nu, BigFraction gamma, int maxActions, BigFraction halfSpan,
      BigFraction visitationFloor, Optional<BigFraction> stepLimit, Optional<BigFraction> potentialRange,
      Optional<String> notApplicable) {
    /**
     * Copies ν.
     *
     * @param eta η
     * @param nu ν
     * @param gamma γ
     * @param maxActions A_max
     * @param halfSpan R
     * @param visitationFloor c
     * @param stepLimit η₀
     * @param potentialRange range of Φ at ν
     * @param notApplicable reason
     */
    public Assessment {
      nu = nu.clone();
    }

    /**
     * The weighting ν.
     *
     * @return a copy of ν as [s]
     */
    @Override
    public BigFraction[] nu() {
      return nu.clone();
    }

    /**
     * Whether the theorem covers this game and step.
     *
     * @return true iff {@link #notApplicable} is empty
     */
    public boolean applies() {
      return notApplicable.isEmpty();
    }

    /**
     * The bound on Nash-Regret(T)²: 4 ΔΦ (2/η + η A_max R²/(1−γ)²) / ((1−γ) c T).
     *
     * @param horizon T ≥ 1
     * @param potentialIncrease ΔΦ ≥ Φ^{π^T}(ν) − Φ^{π^0}(ν) (the realised increase, or the range)
     * @return the bound on the square of the Nash regret
     * @throws IllegalStateException if the theorem does not apply (the reason is in the message)
     * @throws IllegalArgumentException if T &lt; 1
     */
    public BigFraction boundSquared(long horizon, BigFraction potentialIncrease) {
      if (notApplicable.isPresent()) {
        throw new IllegalStateException("the Nash-regret bound does not apply: " + notApplicable.get());
      }
      if (horizon < 1) {
        throw new IllegalArgumentException("horizon T = " + horizon + " must be >= 1");
      }
      BigFraction oneMinusGamma = BigFraction.ONE.subtract(gamma);
      BigFraction inner = BigFraction.of(2).divide(eta)
          .add(eta.multiply(halfSpan).multiply(halfSpan).multiply(maxActions)
              .divide(oneMinusGamma.multiply(oneMinusGamma)));
      return BigFraction.of(4).multiply(potentialIncrease).multiply(inner)
          .divide(oneMinusGamma.multiply(visitationFloor).multiply(horizon));
    }

    /**
     * The a-priori bound on Nash-Regret(T)², with ΔΦ replaced by the range of Φ at ν.
     *
     * @param horizon T ≥ 1
     * @return the bound
     * @throws IllegalStateException if the theorem does not apply
     * @throws IllegalArgumentException if T &lt; 1
     */
    public BigFraction aPrioriSquared(long horizon) {
      if (notApplicable.isPresent() || potentialRange.isEmpty()) {
        throw new IllegalStateException("the Nash-regret bound does not apply: "
            + notApplicable.orElse("the game declares no potential"));
      }
      return boundSquared(horizon, potentialRange.get());
    }
  }

  /**
   * Assesses the proven bound for projected Q-ascent with step η, weighting ν: it applies iff the game declares a
   * stage potential with a sufficient condition for a Markov potential (identical interest, or state potential games
   * with action-independent transitions; Leonardos et al. 2022, Prop. 3.2) that its data satisfy exactly, the
   * visitation floor c_ν is positive, and η ≤ η₀ (or R = 0).
   *
   * @param game the game
   * @param eta η &gt; 0
   * @param nu ν as [s], a distribution
   * @return the assessment
   * @throws IllegalArgumentException if η ≤ 0
   * @throws InvalidGameException if ν is not a distribution over the states or the joint actions are too many
   */
  public static Assessment assess(MarkovGame game, BigFraction eta, BigFraction[] nu) {
    if (eta.signum() <= 0) {
      throw new IllegalArgumentException("eta = " + Rationals.format(eta) + " must be > 0");
    }
    BigFraction r = RegretConstants.rewardHalfSpan(game);
    BigFraction c = RegretConstants.visitationFloor(game, nu);
    Optional<BigFraction> limit = r.signum() == 0 || c.signum() == 0 ? Optional.empty()
        : Optional.of(StepSizeBounds.projectedQAscentSufficientAscent(game, c, r));
    Optional<BigFraction> range = PhiMax.of(game).map(res -> res.rangeAt(nu));
    @Nullable String reason = RegretConstants.notMarkovPotential(game);
    if (reason == null) {
      if (c.signum() == 0) {
        reason = "the visitation floor min_{pi,s} d_nu^pi(s) is 0 for nu = " + RegretConstants.format(nu)
            + "; choose nu > 0";
      } else if (limit.isPresent() && Rationals.compare(eta, limit.get()) > 0) {
        reason = "eta = " + Rationals.format(eta) + " exceeds the sufficient-ascent step eta_0 = (1-gamma)^2 c/(R"
            + " sum|A_i|) = " + Rationals.format(limit.get());
      }
    }
    return new Assessment(eta, nu, game.discount(), RegretConstants.maxActions(game), r, c, limit, range,
        Optional.ofNullable(reason));
  }

  /**
   * {@link #assess(MarkovGame, BigFraction, BigFraction[])} with ν uniform over states.
   *
   * @param game the game
   * @param eta η &gt; 0
   * @return the assessment
   * @throws IllegalArgumentException if η ≤ 0
   * @throws InvalidGameException if the joint actions are too many
   */
  public static Assessment assess(MarkovGame game, BigFraction eta) {
    return assess(game, eta, RegretConstants.uniform(game));
  }
}
