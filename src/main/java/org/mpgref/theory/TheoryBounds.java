package org.mpgref.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;

/**
 * The theory constants of a game as data ("bounds as code"; {@code mpgref bounds} and the server's {@code bounds}
 * operation only render it): which theorem applies to the game, with which constants, exact, each with its source
 * and, where a theorem does not cover the game or a constant is not computed, the reason. Expensive exact constants
 * (φ_max, the exact mismatch coefficient, the exact visitation floor) are replaced by their proven bounds beyond the
 * {@link SizeGuard} unless {@link Expensive#ALWAYS}; the constant's qualifiers and note say which.
 *
 * <p>Sections (tags in order, specs/cli.md "bounds"): the game's own data ({@link GameFacts}), its rewards
 * ({@link Rewards}), the status of its declared potential, the mismatch coefficient of Fox et al. 2022
 * ({@link Mismatch}), Fox et al.'s Theorem 3.1 INPG step ({@link Inpg}), φ_max and Alatur et al.'s PMD steps
 * ({@link Pmd}), the monotone-potential steps proven here ({@link Monotone}), and the visitation floor and Nash-regret
 * step limit of projected Q-ascent proven here ({@link Regret}).
 *
 * @param game the game's name
 * @param expensive whether the expensive exact constants were asked for
 * @param facts GAMMA, AGENTS, STATES, ACTIONSUM, ACTIONMAX, RHOMIN
 * @param rewards REWARDMIN, REWARDMAX, REWARDHALFSPAN
 * @param potential POTENTIAL: the status of the declared potential (qualifier: its condition)
 * @param mismatch MISMATCH, MISMATCHBOUND
 * @param inpg INPGFORMULA (when a finite M is known), INPGSTEP
 * @param pmd PHIMAX, PMDSTEPEUCLID, PMDSTEPKLSQUARED, PMDSTEPKL
 * @param monotone PHIHALFSPAN, IPGSTEPNONDECREASING, IPGSTEPASCENT, QASCENTSTEPNONDECREASING
 * @param regret VISITATIONFLOOR, NASHREGRETSTEP
 */
public record TheoryBounds(String game, Expensive expensive, GameFacts facts, Rewards rewards, Constant potential,
    Mismatch mismatch, Inpg inpg, Pmd pmd, Monotone monotone, Regret regret) {

  /** Source of the game's own data. */
  public static final String GAME_SOURCE = "game definition";

  /** Source of the exact mismatch coefficient. */
  public static final String MISMATCH_SOURCE = "Fox et al. AISTATS 2022, Definition 3: M = max_{pi,pi'} ||d_rho^pi /"
      + " d_rho^pi'||_inf over product policies; exact by policy iteration (org.mpgref.theory.MismatchCoefficient,"
      + " proofs-notes/mismatch-coefficient.md)";

  /** Source of the closed-form mismatch bound. */
  public static final String MISMATCH_BOUND_SOURCE = "M <= 1/((1-gamma) min_s rho(s)), from d_rho^pi(s) >="
      + " (1-gamma) rho(s) and d_rho^pi(s) <= 1 (org.mpgref.theory.MismatchCoefficient.bound,"
      + " proofs-notes/mismatch-coefficient.md)";

  /** Source of φ_max. */
  public static final String PHI_MAX_SOURCE = "phi_max = max_{pi,s} |Phi^pi(s)| of the declared potential, the"
      + " smallest bound on |Phi| (the seed, Alatur et al. 001, does not define it; org.mpgref.theory.PhiMax,"
      + " proofs-notes/pmd-phi-max-and-steps.md); proven bound: max_{s,a} |phi(s,a)|/(1-gamma)";

  /** Source of the reward half-span and the visitation floor. */
  public static final String REGRET_CONSTANTS_SOURCE = "constants of " + QAscentRegretBound.BOUND;

  /** Whether to compute the expensive exact constants (policy iteration over the joint actions). */
  public enum Expensive {
    /** Within the {@link SizeGuard}; beyond it their proven bounds. */
    AUTO,
    /** Always, whatever the size (may take long; the installed work limits still apply). */
    ALWAYS,
    /** Never: proven bounds only. */
    NEVER
  }

  /**
   * The game's own data.
   *
   * @param gamma GAMMA, γ
   * @param agents AGENTS, N
   * @param states STATES, |S|
   * @param actionSum ACTIONSUM, Σ_i |A_i|
   * @param actionMax ACTIONMAX, max_i |A_i|
   * @param rhoMin RHOMIN, min_s ρ(s)
   */
  public record GameFacts(Constant gamma, Constant agents, Constant states, Constant actionSum, Constant actionMax,
      Constant rhoMin) {}

  /**
   * The reward range over agents, states and joint actions, and the half-span R of the Nash-regret bounds.
   *
   * @param min REWARDMIN, min_{i,s,a} r_i(s,a)
   * @param max REWARDMAX, max_{i,s,a} r_i(s,a)
   * @param halfSpan REWARDHALFSPAN, R = max_i (max_{s,a} r_i − min_{s,a} r_i)/2 (exact), or (max − min)/2 ≥ R
   */
  public record Rewards(Constant min, Constant max, Constant halfSpan) {}

  /**
   * The mismatch coefficient of Fox et al. 2022, Definition 3.
   *
   * @param mismatch MISMATCH: M exact, its closed-form bound, or infinite
   * @param bound MISMATCHBOUND: 1/((1−γ) min_s ρ(s))
   */
  public record Mismatch(Constant mismatch, Constant bound) {}

  /**
   * Fox et al.'s Theorem 3.1 INPG step (1−γ)³/(27 N² A_max² M).
   *
   * @param formula INPGFORMULA: the formula's value with the M of {@link Mismatch}, whatever the rewards; empty if
   *     no finite M is known
   * @param step INPGSTEP: the proven step where the theorem's assumptions hold
   */
  public record Inpg(Optional<Constant> formula, Constant step) {}

  /**
   * φ_max and Alatur et al.'s policy-mirror-descent steps.
   *
   * @param phiMax PHIMAX, max_{π,s} |Φ^π(s)| (exact, or its proven bound)
   * @param euclid PMDSTEPEUCLID, η_E
   * @param klSquared PMDSTEPKLSQUARED, η_KL² (exact)
   * @param kl PMDSTEPKL, η_KL (exact if rational, else rounded down)
   */
  public record Pmd(Constant phiMax, Constant euclid, Constant klSquared, Constant kl) {}

  /**
   * The monotone-potential steps proven in this project ({@link MonotoneBounds}).
   *
   * @param phiHalfSpan PHIHALFSPAN, φ̂ = (max φ − min φ)/2
   * @param ipgNonDecreasing IPGSTEPNONDECREASING, 2/L
   * @param ipgAscent IPGSTEPASCENT, 1/L
   * @param qAscentNonDecreasing QASCENTSTEPNONDECREASING, 2 ρ_min/L
   */
  public record Monotone(Constant phiHalfSpan, Constant ipgNonDecreasing, Constant ipgAscent,
      Constant qAscentNonDecreasing) {}

  /**
   * The constants of the projected Q-ascent Nash-regret bound proven in this project ({@link QAscentRegretBound}).
   *
   * @param visitationFloor VISITATIONFLOOR, c = min_{π,s} d_ν^π(s) for ν uniform (exact, or (1−γ) min_s ν(s) ≤ c)
   * @param stepLimit NASHREGRETSTEP, η₀ = (1−γ)² c/(R Σ_i |A_i|)
   */
  public record Regret(Constant visitationFloor, Constant stepLimit) {}

  /**
   * Computes the theory constants of a game. Beyond the {@link SizeGuard} ({@link Expensive#AUTO}) or with
   * {@link Expensive#NEVER} the expensive exact constants are replaced by their proven bounds; the work of what is
   * computed is bounded by the installed {@link org.mpgref.limits.Limits}.
   *
   * @param game the game
   * @param expensive whether to compute the expensive exact constants
   * @return the constants
   * @throws InvalidGameException if a computation is refused by a size guard of the core
   * @throws org.mpgref.limits.LimitExceededException if an installed work limit is exceeded
   * @throws org.mpgref.limits.CancelledException if the computation is cancelled
   */
  public static TheoryBounds of(MarkovGame game, Expensive expensive) {
    return BoundsComputation.compute(game, expensive);
  }

  /**
   * Every constant in the order of the sections (the order {@code bounds} prints them in).
   *
   * @return the constants, unmodifiable
   */
  public List<Constant> constants() {
    List<Constant> all = new ArrayList<>(List.of(facts.gamma(), facts.agents(), facts.states(), facts.actionSum(),
        facts.actionMax(), facts.rhoMin(), rewards.min(), rewards.max(), rewards.halfSpan(), potential,
        mismatch.mismatch(), mismatch.bound()));
    inpg.formula().ifPresent(all::add);
    all.addAll(List.of(inpg.step(), pmd.phiMax(), pmd.euclid(), pmd.klSquared(), pmd.kl(), monotone.phiHalfSpan(),
        monotone.ipgNonDecreasing(), monotone.ipgAscent(), monotone.qAscentNonDecreasing(), regret.visitationFloor(),
        regret.stepLimit()));
    return List.copyOf(all);
  }

  /**
   * The constant with a tag.
   *
   * @param tag e.g. {@code NASHREGRETSTEP}
   * @return it, or empty if no constant has this tag (INPGFORMULA is absent when no finite M is known)
   */
  public Optional<Constant> constant(String tag) {
    return constants().stream().filter(c -> c.tag().equals(tag)).findFirst();
  }
}
