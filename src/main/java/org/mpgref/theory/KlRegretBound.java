package org.mpgref.theory;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.numbers.Rationals;

/**
 * The constants of the Nash-regret bound proven in this project for KL policy mirror descent (multiplicative weights
 * on Q̄, π_i⁺(·|s) ∝ π_i(·|s) exp(η Q̄_i^π(s,·)); Alatur et al. 2024, §IV eq. (3), seed 001) with exact averaged
 * Q-functions in Markov potential games, and whether it applies (proofs-notes/nash-regret-kl-pmd.md). Nothing here
 * touches {@code double}.
 *
 * <p>Per step t, agent i and state s, with x = π_i^t(·|s), x⁺ = π_i^{t+1}(·|s), q = Q̄_i^{π^t}(s,·):
 * g = ⟨x⁺ − x, q⟩ (the step's gain), h = max_a q(a) − ⟨x, q⟩ = max_a Ā_i^{π^t}(s,a) (the largest averaged
 * advantage), B = argmax_a q(a) (all maximisers) and c = x(B) (the mass on best actions). The two step properties
 *
 * <pre>
 *   (P1) g ≥ ‖x⁺ − x‖₁² / η                        (Lemma A: KL(x⁺‖x) + KL(x‖x⁺) = η g, and Pinsker)
 *   (P2) g ≥ c η h² / (1 + c η h)                  (Lemma B: d/dη ⟨x_η, q⟩ = Var_{x_η}(q) ≥ x(B) h(η)²)
 * </pre>
 *
 * hold for every exact KL step and every η &gt; 0. The theorem: for ANY sequence of product policies π^0..π^T whose
 * steps t &lt; T satisfy (P1) and (P2) (so in particular exact KL PMD) in a Markov potential game with visitation floor
 * c_ν ≤ min_{π,s} d_ν^π(s), c_ν &gt; 0, reward half-span R, N agents and 0 &lt; η ≤ η₁ = (1−γ)² c_ν / ((N−1) R)
 * (no limit if N = 1 or R = 0), with c_min = min_{t&lt;T, i, s} π_i^t(B_{i,s}^t|s) &gt; 0 (a trajectory constant,
 * known only a posteriori), ΔΦ = Φ^{π^T}(ν) − Φ^{π^0}(ν) ≤ max_π Φ^π(ν) − min_π Φ^π(ν), and every ρ:
 *
 * <pre>
 *   (implicit)  c_min η x² / (1 + c_min η x) ≤ 2 (1−γ) ΔΦ / (c_ν T),    x = (1−γ) Nash-Regret(T)
 *   (explicit)  Nash-Regret(T) ≤ 2 ΔΦ / (c_ν T) + √( 2 ΔΦ / ((1−γ) η c_min c_ν T) )
 * </pre>
 *
 * The checks of (P1), (P2) and of the conclusion on rational iterates are in {@code org.mpgref.theory.check}
 * ({@code KlRegretCheck}, {@code KlLongRunCheck}). Units: gaps, regret, Q̄, h, g in the game's reward unit
 * (discounted sums); η in 1/(reward unit); c, c_ν, ν, ρ, policies dimensionless.
 */
public final class KlRegretBound {
  private KlRegretBound() {}

  /** Source of the bound. */
  public static final String KL_BOUND = "mpgref, proofs-notes/nash-regret-kl-pmd.md, Theorem (proven here, not from a"
      + " seed): Nash-Regret(T) <= 2 dPhi/(c_nu T) + sqrt(2 dPhi/((1-gamma) eta c_min c_nu T)) for KL PMD with"
      + " eta <= (1-gamma)^2 c_nu/((N-1) R); c_min = min over the trajectory of the mass on best actions";

  /** Source of the update and of the step η_KL it is compared with. */
  public static final String KL_UPDATE = "Alatur, Barakat, He, arXiv 2408.08075 (seed 001), Sec. IV eq. (3):"
      + " pi_i <- pi_i exp(eta Qbar_i)/Z; step eta_KL = (1-gamma)/(2 phi_max sqrt(N)); Theorem V.6 (constants not in"
      + " the seed) depends on a constant c, the mass on best actions along the trajectory";

  /**
   * f_c(h) = c η h² / (1 + c η h), Lemma B's lower bound on the gain of a KL step (increasing and convex in h ≥ 0,
   * increasing in c ≥ 0).
   *
   * @param bestMass c ≥ 0
   * @param eta η &gt; 0
   * @param advantage h ≥ 0
   * @return f_c(h), exact
   * @throws IllegalArgumentException if c &lt; 0, η ≤ 0 or h &lt; 0
   */
  public static BigFraction improvementBound(BigFraction bestMass, BigFraction eta, BigFraction advantage) {
    if (bestMass.signum() < 0 || eta.signum() <= 0 || advantage.signum() < 0) {
      throw new IllegalArgumentException("need c >= 0, eta > 0, h >= 0; got c = " + Rationals.format(bestMass)
          + ", eta = " + Rationals.format(eta) + ", h = " + Rationals.format(advantage));
    }
    BigFraction u = bestMass.multiply(eta).multiply(advantage);
    return u.multiply(advantage).divide(BigFraction.ONE.add(u));
  }

  /**
   * The step limit of Lemma C, η₁ = (1−γ)² c_ν / ((N−1) R).
   *
   * @param game the game (γ, N)
   * @param visitationFloor c_ν &gt; 0
   * @param halfSpan R ≥ 0
   * @return η₁, empty if N = 1 or R = 0 (no limit)
   * @throws IllegalArgumentException if c_ν ≤ 0 or R &lt; 0
   */
  public static Optional<BigFraction> stepLimit(MarkovGame game, BigFraction visitationFloor, BigFraction halfSpan) {
    if (visitationFloor.signum() <= 0 || halfSpan.signum() < 0) {
      throw new IllegalArgumentException("need c_nu > 0 and R >= 0; got c_nu = " + Rationals.format(visitationFloor)
          + ", R = " + Rationals.format(halfSpan));
    }
    if (game.agentCount() == 1 || halfSpan.signum() == 0) {
      return Optional.empty();
    }
    BigFraction omg = BigFraction.ONE.subtract(game.discount());
    return Optional.of(omg.multiply(omg).multiply(visitationFloor).divide(halfSpan.multiply(game.agentCount() - 1)));
  }

  /**
   * Whether Alatur et al.'s η_KL = (1−γ)/(2 φ_max √N) is at most η₁, decided exactly by comparing η_KL² with η₁².
   *
   * @param game the game
   * @param phiMax φ_max &gt; 0 ({@link PhiMax})
   * @param stepLimit η₁, empty = no limit
   * @return η_KL ≤ η₁
   * @throws IllegalArgumentException if φ_max ≤ 0
   */
  public static boolean alaturStepWithinLimit(MarkovGame game, BigFraction phiMax, Optional<BigFraction> stepLimit) {
    BigFraction sq = StepSizeBounds.pmdKlSquared(game, phiMax);
    return stepLimit.map(l -> Rationals.compare(sq, l.multiply(l)) <= 0).orElse(true);
  }

  /**
   * Everything the bound needs for one game, step and weighting, and whether it applies.
   *
   * @param eta η
   * @param nu the weighting ν [s]
   * @param gamma γ
   * @param agents N
   * @param halfSpan R
   * @param visitationFloor c_ν, exact
   * @param stepLimit η₁, empty = no limit
   * @param potentialRange max_π Φ^π(ν) − min_π Φ^π(ν), empty if no potential is declared
   * @param notApplicable why the theorem does not cover this case (one line), empty if it does
   */
  public record Assessment(BigFraction eta, BigFraction[] nu, BigFraction gamma, int agents, BigFraction halfSpan,
      BigFraction visitationFloor, Optional<BigFraction> stepLimit, Optional<BigFraction> potentialRange,
      Optional<String> notApplicable) {
    /**
     * Copies ν.
     *
     * @param eta η
     * @param nu ν
     * @param gamma γ
     * @param agents N
     * @param halfSpan R
     * @param visitationFloor c_ν
     * @param stepLimit η₁
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
     * κ = c_ν / (2(1−γ)), Lemma C's ascent factor: Φ^{π⁺}(ν) − Φ^π(ν) ≥ κ Σ_i Σ_s g_{i,s}.
     *
     * @return κ
     */
    public BigFraction ascentFactor() {
      return visitationFloor.divide(BigFraction.ONE.subtract(gamma).multiply(2));
    }

    /**
     * The first term of the explicit bound, 2 ΔΦ / (c_ν T).
     *
     * @param horizon T ≥ 1
     * @param potentialIncrease ΔΦ ≥ 0
     * @return the term
     * @throws IllegalStateException if the theorem does not apply
     * @throws IllegalArgumentException if T &lt; 1 or ΔΦ &lt; 0
     */
    public BigFraction linearTerm(long horizon, BigFraction potentialIncrease) {
      requireApplies(horizon, potentialIncrease);
      return potentialIncrease.multiply(2).divide(visitationFloor.multiply(horizon));
    }

    /**
     * The square of the second term of the explicit bound, 2 ΔΦ / ((1−γ) η c_min c_ν T).
     *
     * @param horizon T ≥ 1
     * @param potentialIncrease ΔΦ ≥ 0
     * @param trajectoryConstant c_min &gt; 0
     * @return the squared term
     * @throws IllegalStateException if the theorem does not apply
     * @throws IllegalArgumentException if T &lt; 1, ΔΦ &lt; 0 or c_min ≤ 0
     */
    public BigFraction rootTermSquared(long horizon, BigFraction potentialIncrease, BigFraction trajectoryConstant) {
      requireApplies(horizon, potentialIncrease);
      if (trajectoryConstant.signum() <= 0) {
        throw new IllegalArgumentException("c_min = " + Rationals.format(trajectoryConstant) + " must be > 0");
      }
      return potentialIncrease.multiply(2).divide(BigFraction.ONE.subtract(gamma).multiply(eta)
          .multiply(trajectoryConstant).multiply(visitationFloor).multiply(horizon));
    }

    /**
     * The explicit bound, exactly: 0 ≤ NR and (NR ≤ L or (NR − L)² ≤ S) with L = {@link #linearTerm},
     * S = {@link #rootTermSquared}, i.e. NR ≤ L + √S.
     *
     * @param regret Nash-Regret(T)
     * @param horizon T ≥ 1
     * @param potentialIncrease ΔΦ ≥ 0
     * @param trajectoryConstant c_min &gt; 0
     * @return whether NR ≤ L + √S
     * @throws IllegalStateException if the theorem does not apply
     * @throws IllegalArgumentException as {@link #rootTermSquared}
     */
    public boolean explicitHolds(BigFraction regret, long horizon, BigFraction potentialIncrease,
        BigFraction trajectoryConstant) {
      BigFraction l = linearTerm(horizon, potentialIncrease);
      BigFraction sq = rootTermSquared(horizon, potentialIncrease, trajectoryConstant);
      BigFraction excess = regret.subtract(l);
      return regret.signum() >= 0 && (excess.signum() <= 0 || Rationals.compare(excess.multiply(excess), sq) <= 0);
    }

    /**
     * The implicit (sharper) form, exactly: with x = (1−γ) NR, c_min η x² c_ν T ≤ 2 (1−γ) ΔΦ (1 + c_min η x).
     *
     * @param regret Nash-Regret(T) ≥ 0
     * @param horizon T ≥ 1
     * @param potentialIncrease ΔΦ ≥ 0
     * @param trajectoryConstant c_min &gt; 0
     * @return whether it holds (false if NR &lt; 0)
     * @throws IllegalStateException if the theorem does not apply
     * @throws IllegalArgumentException as {@link #rootTermSquared}
     */
    public boolean implicitHolds(BigFraction regret, long horizon, BigFraction potentialIncrease,
        BigFraction trajectoryConstant) {
      rootTermSquared(horizon, potentialIncrease, trajectoryConstant); // validates
      BigFraction omg = BigFraction.ONE.subtract(gamma);
      BigFraction x = omg.multiply(regret);
      BigFraction u = trajectoryConstant.multiply(eta).multiply(x);
      BigFraction lhs = u.multiply(x).multiply(visitationFloor).multiply(horizon);
      BigFraction rhs = omg.multiply(2).multiply(potentialIncrease).multiply(BigFraction.ONE.add(u));
      return regret.signum() >= 0 && Rationals.compare(lhs, rhs) <= 0;
    }

    private void requireApplies(long horizon, BigFraction potentialIncrease) {
      if (notApplicable.isPresent()) {
        throw new IllegalStateException("the KL Nash-regret bound does not apply: " + notApplicable.get());
      }
      if (horizon < 1) {
        throw new IllegalArgumentException("horizon T = " + horizon + " must be >= 1");
      }
      if (potentialIncrease.signum() < 0) {
        throw new IllegalArgumentException("the potential increase " + Rationals.format(potentialIncrease)
            + " must be >= 0");
      }
    }
  }

  /**
   * Assesses the KL bound for step η and weighting ν: it applies iff the game declares a stage potential with a
   * sufficient condition for a Markov potential (identical interest, or state potentials with action-independent
   * transitions; Leonardos et al. 2022, Prop. 3.2) that its data satisfy exactly, c_ν &gt; 0, and η ≤ η₁ (or no limit).
   *
   * @param game the game
   * @param eta η &gt; 0
   * @param nu ν as [s], a distribution
   * @return the assessment
   * @throws IllegalArgumentException if η ≤ 0
   * @throws InvalidGameException if ν is not a distribution over the states or the joint actions are too many
   */
  public static Assessment assess(MarkovGame game, BigFraction eta, BigFraction[] nu) {
    requirePositive(eta);
    BigFraction r = RegretConstants.rewardHalfSpan(game);
    BigFraction c = RegretConstants.visitationFloor(game, nu);
    Optional<BigFraction> limit = c.signum() == 0 ? Optional.empty() : stepLimit(game, c, r);
    Optional<BigFraction> range = PhiMax.of(game).map(res -> res.rangeAt(nu));
    @Nullable String reason = RegretConstants.notMarkovPotential(game);
    if (reason == null) {
      if (c.signum() == 0) {
        reason = "the visitation floor min_{pi,s} d_nu^pi(s) is 0 for this nu; choose nu > 0";
      } else if (limit.isPresent() && Rationals.compare(eta, limit.get()) > 0) {
        reason = "eta = " + Rationals.format(eta) + " exceeds the KL step limit eta_1 = (1-gamma)^2 c_nu/((N-1) R) = "
            + Rationals.format(limit.get());
      }
    }
    return new Assessment(eta, nu, game.discount(), game.agentCount(), r, c, limit, range,
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

  /** Requires η &gt; 0. */
  static void requirePositive(BigFraction eta) {
    if (eta.signum() <= 0) {
      throw new IllegalArgumentException("eta = " + Rationals.format(eta) + " must be > 0");
    }
  }
}
