package org.mpgref.theory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.limits.Cancellation;
import org.mpgref.numbers.RationalExp;

/**
 * The Nash-regret bound proven in this project for KL policy mirror descent (multiplicative weights on Q̄,
 * π_i⁺(·|s) ∝ π_i(·|s) exp(η Q̄_i^π(s,·)); Alatur et al. 2024, §IV eq. (3), seed 001) with exact averaged Q-functions in
 * Markov potential games (proofs-notes/nash-regret-kl-pmd.md). Nothing here touches {@code double}.
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
 * The exact KL iterates are irrational, so a run is checked on rational iterates that approximate KL steps
 * ({@link #roundedKlRun}); (P1) and (P2) are verified exactly on every computed step, and the theorem's conclusion is
 * asserted only up to the first step where they fail ({@link RunCheck#certifiedSteps}): it is then a proven statement
 * about exactly the rational iterates that were scored. Units: gaps, regret, Q̄, h, g in the game's reward unit
 * (discounted sums); η in 1/(reward unit); c, c_ν, ν, ρ, policies dimensionless. Index shapes: policy rows and
 * Q̄ rows [a] for one agent and state.
 */
public final class NashRegretKl {
  private NashRegretKl() {}

  /** Source of the bound. */
  public static final String KL_BOUND = "mpgref, proofs-notes/nash-regret-kl-pmd.md, Theorem (proven here, not from a"
      + " seed): Nash-Regret(T) <= 2 dPhi/(c_nu T) + sqrt(2 dPhi/((1-gamma) eta c_min c_nu T)) for KL PMD with"
      + " eta <= (1-gamma)^2 c_nu/((N-1) R); c_min = min over the trajectory of the mass on best actions";

  /** Source of the update and of the step η_KL it is compared with. */
  public static final String KL_UPDATE = "Alatur, Barakat, He, arXiv 2408.08075 (seed 001), Sec. IV eq. (3):"
      + " pi_i <- pi_i exp(eta Qbar_i)/Z; step eta_KL = (1-gamma)/(2 phi_max sqrt(N)); Theorem V.6 (constants not in"
      + " the seed) depends on a constant c, the mass on best actions along the trajectory";

  /**
   * The quantities of one row step x → x⁺ with averaged Q-function row q.
   *
   * @param gain g = ⟨x⁺ − x, q⟩ (for {@link #klRowBounds}: a proven lower bound on it)
   * @param l1Squared ‖x⁺ − x‖₁² (for {@link #klRowBounds}: a proven upper bound on it)
   * @param advantage h = max_a q(a) − ⟨x, q⟩ ≥ 0
   * @param bestMass c = x(B), B = argmax_a q(a)
   */
  public record RowStep(BigFraction gain, BigFraction l1Squared, BigFraction advantage, BigFraction bestMass) {
    /**
     * (P1): g η ≥ ‖x⁺ − x‖₁², exactly.
     *
     * @param eta η &gt; 0
     * @return whether it holds
     */
    public boolean lemmaA(BigFraction eta) {
      return Rationals.compare(gain.multiply(eta), l1Squared) >= 0;
    }

    /**
     * (P2): g ≥ c η h² / (1 + c η h), exactly.
     *
     * @param eta η &gt; 0
     * @return whether it holds
     */
    public boolean lemmaB(BigFraction eta) {
      return Rationals.compare(gain, improvementBound(bestMass, eta, advantage)) >= 0;
    }
  }

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
   * The exact quantities of a given row step x → x⁺ (any two rows, KL step or not).
   *
   * @param from x as [a], a distribution
   * @param next x⁺ as [a], a distribution
   * @param q Q̄ row as [a]
   * @return g, ‖x⁺ − x‖₁², h, c = x(argmax q)
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static RowStep rowStep(BigFraction[] from, BigFraction[] next, BigFraction[] q) {
    requireRow(from, q);
    if (next.length != from.length) {
      throw new IllegalArgumentException("rows of different lengths: " + from.length + " and " + next.length);
    }
    BigFraction gain = BigFraction.ZERO;
    BigFraction l1 = BigFraction.ZERO;
    for (int a = 0; a < from.length; a++) {
      BigFraction d = next[a].subtract(from[a]);
      gain = gain.add(d.multiply(q[a]));
      l1 = l1.add(d.abs());
    }
    return new RowStep(gain, l1.multiply(l1), advantage(from, q), bestMass(from, q));
  }

  /**
   * h = max_a q(a) − ⟨x, q⟩, i.e. max_a Ā(s,a) when q = Q̄_i(s,·) and x = π_i(·|s).
   *
   * @param from x as [a]
   * @param q q as [a]
   * @return h ≥ 0 for a distribution x
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static BigFraction advantage(BigFraction[] from, BigFraction[] q) {
    requireRow(from, q);
    BigFraction mean = BigFraction.ZERO;
    for (int a = 0; a < from.length; a++) {
      mean = mean.add(from[a].multiply(q[a]));
    }
    return max(q).subtract(mean);
  }

  /**
   * c = x(B) with B = argmax_a q(a) (every maximiser, exact ties): the mass on best actions. It is 1 whenever h = 0.
   *
   * @param from x as [a]
   * @param q q as [a]
   * @return x(B)
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static BigFraction bestMass(BigFraction[] from, BigFraction[] q) {
    requireRow(from, q);
    BigFraction m = max(q);
    BigFraction c = BigFraction.ZERO;
    for (int a = 0; a < from.length; a++) {
      if (Rationals.compare(q[a], m) == 0) {
        c = c.add(from[a]);
      }
    }
    return c;
  }

  /**
   * Proven bounds on the gain and the step length of the exact (irrational) KL step x⁺ ∝ x e^{η q}: with rational
   * enclosures lo_b ≤ e^{η(q_b − m)} ≤ hi_b ({@link RationalExp}; m = max of q over x's support, where the
   * enclosure is exactly [1, 1]; [0, e^{−64}] below −64),
   * x⁺_a ∈ [x_a lo_a / Σ_b x_b hi_b, x_a hi_a / Σ_b x_b lo_b]; since q − m ≤ 0 on the support the gain
   * g = ⟨x⁺, q − m⟩ − ⟨x, q − m⟩ is at least Σ_a hiEnd_a (q_a − m) − ⟨x, q − m⟩, and ‖x⁺ − x‖₁ is at most
   * Σ_a max(hiEnd_a − x_a, x_a − loEnd_a). So {@link RowStep#lemmaA} and {@link RowStep#lemmaB} of the result, when
   * true, are proofs of (P1) and (P2) for the exact KL step.
   *
   * @param from x as [a], a distribution
   * @param q q as [a]
   * @param eta η &gt; 0
   * @param digits the grid 10^−digits of the exp enclosures, at least 1
   * @return gain = a lower bound on g, l1Squared = an upper bound on ‖x⁺ − x‖₁², h and c exact
   * @throws IllegalArgumentException if the lengths differ or are 0, η ≤ 0 or digits &lt; 1
   */
  public static RowStep klRowBounds(BigFraction[] from, BigFraction[] q, BigFraction eta, int digits) {
    requireRow(from, q);
    requirePositive(eta);
    BigFraction m = maxOnSupport(from, q);
    int n = from.length;
    BigFraction[] lo = new BigFraction[n];
    BigFraction[] hi = new BigFraction[n];
    BigFraction sumLo = BigFraction.ZERO;
    BigFraction sumHi = BigFraction.ZERO;
    for (int a = 0; a < n; a++) {
      if (from[a].signum() == 0) {
        lo[a] = BigFraction.ZERO;
        hi[a] = BigFraction.ZERO;
        continue;
      }
      RationalExp.Enclosure e = expBelowZero(eta.multiply(q[a].subtract(m)), digits);
      lo[a] = from[a].multiply(e.lo());
      hi[a] = from[a].multiply(e.hi());
      sumLo = sumLo.add(lo[a]);
      sumHi = sumHi.add(hi[a]);
    }
    // sumLo >= x(b) > 0 for a maximiser b of q on x's support: its enclosure is exactly [1, 1]. Entries off the
    // support are 0 in x and in x+ (lo = hi = 0) and contribute nothing below.
    BigFraction gainLower = BigFraction.ZERO;
    BigFraction l1Upper = BigFraction.ZERO;
    for (int a = 0; a < n; a++) {
      BigFraction low = lo[a].divide(sumHi);
      BigFraction high = hi[a].divide(sumLo);
      BigFraction shifted = q[a].subtract(m);
      gainLower = gainLower.add(high.multiply(shifted)).subtract(from[a].multiply(shifted));
      BigFraction up = high.subtract(from[a]);
      BigFraction down = from[a].subtract(low);
      l1Upper = l1Upper.add(Rationals.compare(up, down) >= 0 ? up : down);
    }
    return new RowStep(gainLower, l1Upper.multiply(l1Upper), advantage(from, q), bestMass(from, q));
  }

  /**
   * A rational approximation of the KL row step x e^{η q}/Z: weights x_a·lo_a with lo_a the lower end of an enclosure
   * of e^{η(q_a − m)} (m = max of q over x's support) on the grid 10^−(digits+6) (arguments below −64 use e^{−64}),
   * normalised, and rounded in floating-point fashion: every entry but the largest to the nearest k/2^e with k of
   * B = ⌈3.322·digits⌉ bits (relative error ≤ 2^−B, so ≈ digits significant decimal digits even for tiny entries),
   * zero entries stay 0, positive entries stay positive, and the largest entry closes the row to exactly 1. If the
   * normalised row already has a common denominator below 2^B it is kept exactly (e.g. h = 0, where the KL step is
   * the identity). The result is NOT the exact KL step; callers verify (P1) and (P2) on it.
   *
   * @param from x as [a], a distribution
   * @param q q as [a]
   * @param eta η &gt; 0
   * @param digits significant decimal digits, at least 1
   * @return x⁺ as [a], a distribution with dyadic entries (but the largest)
   * @throws IllegalArgumentException if the lengths differ or are 0, η ≤ 0 or digits &lt; 1
   */
  public static BigFraction[] roundedKlRow(BigFraction[] from, BigFraction[] q, BigFraction eta, int digits) {
    requireRow(from, q);
    requirePositive(eta);
    if (digits < 1) {
      throw new IllegalArgumentException("digits must be >= 1, got " + digits);
    }
    BigFraction m = maxOnSupport(from, q);
    int n = from.length;
    BigFraction[] w = new BigFraction[n];
    BigFraction sum = BigFraction.ZERO;
    for (int a = 0; a < n; a++) {
      w[a] = from[a].signum() == 0 ? BigFraction.ZERO
          : from[a].multiply(expBelowZero(eta.multiply(q[a].subtract(m)), digits + 6).lo());
      sum = sum.add(w[a]);
    }
    int bits = (digits * 3322 + 999) / 1000; // >= digits log2(10)
    BigFraction[] hat = new BigFraction[n];
    int largest = 0;
    for (int a = 0; a < n; a++) {
      hat[a] = w[a].divide(sum);
      if (Rationals.compare(hat[a], hat[largest]) > 0) {
        largest = a;
      }
    }
    if (Rationals.lcmOfDenominators(hat).bitLength() <= bits) {
      return hat;
    }
    BigFraction[] row = new BigFraction[n];
    BigFraction others = BigFraction.ZERO;
    for (int a = 0; a < n; a++) {
      if (a == largest) {
        continue;
      }
      row[a] = hat[a].signum() == 0 ? BigFraction.ZERO : significant(hat[a], bits);
      others = others.add(row[a]);
    }
    row[largest] = BigFraction.ONE.subtract(others);
    return row;
  }

  /**
   * One rounded KL step of all agents from π: {@link #roundedKlRow} of π_i(·|s) with the exact Q̄_i^π(s,·).
   *
   * @param evaluation the exact evaluation of π
   * @param eta η &gt; 0
   * @param digits significant decimal digits of the rounding
   * @return π⁺, exact rational
   * @throws IllegalArgumentException if η ≤ 0 or digits &lt; 1
   */
  public static Policy roundedKlStep(Evaluation evaluation, BigFraction eta, int digits) {
    MarkovGame game = evaluation.game();
    Policy pi = evaluation.policy();
    int n = game.agentCount();
    BigFraction[][][] next = new BigFraction[n][game.stateCount()][];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < game.stateCount(); s++) {
        next[i][s] = roundedKlRow(pi.row(i, s), qRow(evaluation, i, s), eta, digits);
      }
    }
    return Policy.of(next);
  }

  /**
   * π^0 and {@code steps} rounded KL steps, each from the previous rational iterate with its exact Q̄.
   *
   * @param game the game
   * @param start π^0
   * @param eta η &gt; 0
   * @param steps T ≥ 0
   * @param digits significant decimal digits of the iterates
   * @return π^0..π^T
   * @throws IllegalArgumentException if η ≤ 0, steps &lt; 0 or digits &lt; 1
   * @throws InvalidGameException if the start policy does not fit the game
   */
  public static List<Policy> roundedKlRun(MarkovGame game, Policy start, BigFraction eta, int steps, int digits) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    start.requireShapeOf(game);
    List<Policy> out = new ArrayList<>();
    out.add(start);
    Policy pi = start;
    for (int t = 0; t < steps; t++) {
      Cancellation.check();
      pi = roundedKlStep(Evaluation.of(game, pi), eta, digits);
      out.add(pi);
    }
    return out;
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
     * @return a copy of the component {@code nu} (the record is immutable)
     */
    @Override
    public BigFraction[] nu() {
      return nu.clone();
    }

    /**
     * @return whether the theorem covers this game and step
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
    BigFraction r = NashRegret.rewardHalfSpan(game);
    BigFraction c = NashRegret.visitationFloor(game, nu);
    Optional<BigFraction> limit = c.signum() == 0 ? Optional.empty() : stepLimit(game, c, r);
    Optional<StagePotential> sp = game.potential();
    Optional<BigFraction> range = PhiMax.of(game).map(res -> res.rangeAt(nu));
    String reason = null;
    if (sp.isEmpty()) {
      reason = game.name() + " declares no stage potential, so it is not known to be a Markov potential game";
    } else if (sp.get().condition() == StagePotential.Condition.STATE_POTENTIAL_ONLY) {
      reason = game.name() + " declares only state potentials (condition STATE_POTENTIAL_ONLY), which does not make"
          + " it a Markov potential game";
    } else {
      Optional<String> violation = sp.get().findViolation();
      if (violation.isPresent()) {
        reason = game.name() + ": the declared condition " + sp.get().condition() + " fails: " + violation.get();
      } else if (c.signum() == 0) {
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
    return assess(game, eta, NashRegret.uniform(game));
  }

  /**
   * The trajectory constant c_min = min_{t, i, s} π_i^t(B_{i,s}^t | s), B_{i,s}^t = argmax_a Q̄_i^{π^t}(s,a), over
   * ALL given policies (pass π^0..π^{T−1} for horizon T), exactly. (Where max_a Ā = 0 the mass on B is 1, so those
   * rows never lower it.)
   *
   * @param game the game
   * @param iterates π^0..π^{T−1}, at least one
   * @return c_min ∈ [0, 1]
   * @throws IllegalArgumentException if no iterate is given
   * @throws InvalidGameException if a policy does not fit the game
   */
  public static BigFraction trajectoryConstant(MarkovGame game, List<Policy> iterates) {
    if (iterates.isEmpty()) {
      throw new IllegalArgumentException("at least one iterate is needed");
    }
    BigFraction c = BigFraction.ONE;
    for (Policy pi : iterates) {
      c = min(c, bestMassOf(Evaluation.of(game, pi)));
    }
    return c;
  }

  /** min_{i,s} π_i(B_{i,s}|s) for one evaluated policy. */
  private static BigFraction bestMassOf(Evaluation ev) {
    BigFraction c = BigFraction.ONE;
    for (int i = 0; i < ev.game().agentCount(); i++) {
      for (int s = 0; s < ev.game().stateCount(); s++) {
        c = min(c, bestMass(ev.policy().row(i, s), qRow(ev, i, s)));
      }
    }
    return c;
  }

  /**
   * The exact checks of one step π^t → π^{t+1}.
   *
   * @param t the step's index
   * @param lemmaA (P1) at every agent and state
   * @param lemmaB (P2) at every agent and state
   * @param bestMass min_{i,s} π_i^t(B|s)
   * @param gain G_t = Σ_i Σ_s g_{i,s}
   * @param potentialIncrease Φ^{π^{t+1}}(ν) − Φ^{π^t}(ν)
   * @param ascent Lemma C's conclusion, potentialIncrease ≥ κ G_t (a consequence of (P1) when η ≤ η₁)
   */
  public record StepCheck(int t, boolean lemmaA, boolean lemmaB, BigFraction bestMass, BigFraction gain,
      BigFraction potentialIncrease, boolean ascent) {
    /**
     * @return (P1) and (P2) hold at every agent and state
     */
    public boolean certified() {
      return lemmaA && lemmaB;
    }
  }

  /**
   * One horizon of a checked run.
   *
   * @param horizon T
   * @param regret Nash-Regret(T), exact
   * @param trajectoryConstant c_min over t &lt; T
   * @param potentialIncrease ΔΦ = Φ^{π^T}(ν) − Φ^{π^0}(ν)
   * @param aPosteriori implicit and explicit forms hold with the realised ΔΦ
   * @param aPriori implicit and explicit forms hold with ΔΦ = the range of Φ at ν
   * @param rootTermSquared 2 ΔΦ_range/((1−γ) η c_min c_ν T), the square of the a-priori bound's second term; empty
   *     if c_min = 0 (then the bound is +∞ and holds vacuously)
   * @param linearTerm 2 ΔΦ_range/(c_ν T), the a-priori bound's first term
   */
  public record Check(int horizon, BigFraction regret, BigFraction trajectoryConstant, BigFraction potentialIncrease,
      boolean aPosteriori, boolean aPriori, Optional<BigFraction> rootTermSquared, BigFraction linearTerm) {
    /**
     * @return both forms hold
     */
    public boolean holds() {
      return aPosteriori && aPriori;
    }
  }

  /**
   * A checked sequence of iterates.
   *
   * @param assessment the assessment (it applies)
   * @param steps one per step t = 0..T−1
   * @param certifiedSteps the number of leading steps with (P1) and (P2) at every agent and state
   * @param gaps exact Nash gaps of π^0..π^T
   * @param potentials Φ^{π^t}(ν), t = 0..T
   * @param checks the theorem at T = 1..certifiedSteps
   */
  public record RunCheck(Assessment assessment, List<StepCheck> steps, int certifiedSteps, BigFraction[] gaps,
      BigFraction[] potentials, List<Check> checks) {
    /**
     * Copies.
     *
     * @param assessment assessment
     * @param steps steps
     * @param certifiedSteps count
     * @param gaps gaps
     * @param potentials potentials
     * @param checks checks
     */
    public RunCheck {
      steps = List.copyOf(steps);
      gaps = gaps.clone();
      potentials = potentials.clone();
      checks = List.copyOf(checks);
    }

    /**
     * @return a copy of the component {@code gaps} (the record is immutable)
     */
    @Override
    public BigFraction[] gaps() {
      return gaps.clone();
    }

    /**
     * @return a copy of the component {@code potentials} (the record is immutable)
     */
    @Override
    public BigFraction[] potentials() {
      return potentials.clone();
    }

    /**
     * @return every step certified, every step's ascent inequality and every horizon's bound hold
     */
    public boolean holds() {
      return certifiedSteps == steps.size() && steps.stream().allMatch(StepCheck::ascent)
          && checks.stream().allMatch(Check::holds);
    }
  }

  /**
   * Checks a given sequence of rational policies (e.g. {@link #roundedKlRun}, or double KL iterates put on the simplex
   * with {@link Policy#ofDoublePolicy}) against the theorem: verifies (P1) and (P2) exactly at every step, agent and
   * state, Lemma C's ascent at every step, and, for every T up to the first uncertified step, both forms of the bound
   * with the realised ΔΦ and with the range of Φ. Where (P1) and (P2) hold the theorem is a proven statement about
   * these very iterates (proofs-notes/nash-regret-kl-pmd.md, "What is checked").
   *
   * @param game a game the bound applies to at η
   * @param iterates π^0..π^T, T ≥ 1
   * @param eta η
   * @param nu ν [s]
   * @return the checked sequence
   * @throws IllegalArgumentException if the bound does not apply (the reason is in the message) or fewer than two
   *     iterates are given
   * @throws InvalidGameException if a policy or ν does not fit the game
   */
  public static RunCheck checkIterates(MarkovGame game, List<Policy> iterates, BigFraction eta, BigFraction[] nu) {
    if (iterates.size() < 2) {
      throw new IllegalArgumentException("need pi^0..pi^T with T >= 1; got " + iterates.size() + " policies");
    }
    Assessment as = assess(game, eta, nu);
    if (as.notApplicable().isPresent()) {
      throw new IllegalArgumentException("the KL Nash-regret bound does not apply: " + as.notApplicable().get());
    }
    int horizon = iterates.size() - 1;
    BigFraction[] gaps = new BigFraction[horizon + 1];
    BigFraction[] phi = new BigFraction[horizon + 1];
    Evaluation[] ev = new Evaluation[horizon + 1];
    for (int t = 0; t <= horizon; t++) {
      Cancellation.check();
      ev[t] = Evaluation.of(game, iterates.get(t));
      gaps[t] = NashGap.of(ev[t]).nashGap();
      phi[t] = NashRegret.potentialAt(ev[t], nu);
    }
    List<StepCheck> steps = new ArrayList<>();
    int certified = 0;
    boolean prefix = true;
    for (int t = 0; t < horizon; t++) {
      StepCheck sc = stepCheck(t, ev[t], iterates.get(t + 1), phi[t], phi[t + 1], eta, as);
      steps.add(sc);
      prefix &= sc.certified();
      if (prefix) {
        certified++;
      }
    }
    List<Check> checks = new ArrayList<>();
    if (certified > 0) {
      int[] hs = new int[certified];
      for (int t = 1; t <= certified; t++) {
        hs[t - 1] = t;
      }
      BigFraction[] nr = NashRegret.regrets(gaps, hs);
      BigFraction range = as.potentialRange().orElseThrow(); // a verified MPG declares a potential
      BigFraction cMin = BigFraction.ONE;
      for (int t = 1; t <= certified; t++) {
        cMin = min(cMin, steps.get(t - 1).bestMass());
        BigFraction inc = phi[t].subtract(phi[0]);
        BigFraction r = nr[t - 1];
        boolean vacuous = cMin.signum() == 0; // the bound is +infinity
        boolean post = r.signum() >= 0 && inc.signum() >= 0
            && (vacuous || as.implicitHolds(r, t, inc, cMin) && as.explicitHolds(r, t, inc, cMin));
        boolean prior = r.signum() >= 0
            && (vacuous || as.implicitHolds(r, t, range, cMin) && as.explicitHolds(r, t, range, cMin));
        Optional<BigFraction> sq = vacuous ? Optional.empty() : Optional.of(as.rootTermSquared(t, range, cMin));
        checks.add(new Check(t, r, cMin, inc, post, prior, sq, as.linearTerm(t, range)));
      }
    }
    return new RunCheck(as, steps, certified, gaps, phi, checks);
  }

  /** (P1), (P2), c, G_t and Lemma C's inequality for the step from the evaluated π^t to π^{t+1}. */
  private static StepCheck stepCheck(int t, Evaluation from, Policy next, BigFraction phiFrom, BigFraction phiNext,
      BigFraction eta, Assessment as) {
    MarkovGame game = from.game();
    boolean a = true;
    boolean b = true;
    BigFraction c = BigFraction.ONE;
    BigFraction gain = BigFraction.ZERO;
    for (int i = 0; i < game.agentCount(); i++) {
      for (int s = 0; s < game.stateCount(); s++) {
        RowStep rs = rowStep(from.policy().row(i, s), next.row(i, s), qRow(from, i, s));
        a &= rs.lemmaA(eta);
        b &= rs.lemmaB(eta);
        c = min(c, rs.bestMass());
        gain = gain.add(rs.gain());
      }
    }
    BigFraction inc = phiNext.subtract(phiFrom);
    boolean ascent = Rationals.compare(inc, as.ascentFactor().multiply(gain)) >= 0;
    return new StepCheck(t, a, b, c, gain, inc, ascent);
  }

  /**
   * The check of a long sequence at its largest certified horizon only.
   *
   * @param steps T, the number of steps given
   * @param certifiedSteps T_c ≤ T, the number of leading steps with (P1) and (P2) everywhere
   * @param ascentEverywhere Lemma C's inequality at every step t &lt; T_c
   * @param gaps exact Nash gaps of π^0..π^T
   * @param trajectoryConstant c_min over t &lt; T_c
   * @param potentialIncrease ΔΦ = Φ^{π^{T_c}}(ν) − Φ^{π^0}(ν)
   * @param aPosteriori Nash-Regret(T_c) ≤ L + r with the realised ΔΦ, r ≤ √S a rational (exact comparison)
   * @param aPriori the same with ΔΦ = the range of Φ at ν
   * @param regret Nash-Regret(T_c), the exact value rounded once to double (for display)
   * @param aPosterioriBound L + √S with the realised ΔΦ, in double (for display)
   * @param aPrioriBound L + √S with the range, in double (for display)
   */
  public record LongRunCheck(int steps, int certifiedSteps, boolean ascentEverywhere, BigFraction[] gaps,
      BigFraction trajectoryConstant, BigFraction potentialIncrease, boolean aPosteriori, boolean aPriori,
      double regret, double aPosterioriBound, double aPrioriBound) {
    /**
     * Copies.
     *
     * @param steps T
     * @param certifiedSteps T_c
     * @param ascentEverywhere flag
     * @param gaps gaps
     * @param trajectoryConstant c_min
     * @param potentialIncrease ΔΦ
     * @param aPosteriori flag
     * @param aPriori flag
     * @param regret NR(T_c)
     * @param aPosterioriBound bound
     * @param aPrioriBound bound
     */
    public LongRunCheck {
      gaps = gaps.clone();
    }

    /**
     * @return a copy of the component {@code gaps} (the record is immutable)
     */
    @Override
    public BigFraction[] gaps() {
      return gaps.clone();
    }

    /**
     * @return at least one step certified, Lemma C everywhere, and both bounds hold at T_c
     */
    public boolean holds() {
      return certifiedSteps > 0 && ascentEverywhere && aPosteriori && aPriori;
    }
  }

  /**
   * Checks a long sequence of rational policies (e.g. thousands of double KL iterates put on the simplex with
   * {@link Policy#ofDoublePolicy}): (P1), (P2) and Lemma C at every step, and the explicit bound at the largest
   * certified horizon T_c only. The regret there is kept as an unreduced sum (no gcd of numbers with hundreds of
   * thousands of digits) and compared exactly with L + r, where r = {@link StepSizeBounds#sqrtAtMost}(S) ≤ √S is
   * rational; so a true verdict proves Nash-Regret(T_c) ≤ L + √S for these iterates.
   *
   * @param game a game the bound applies to at η
   * @param iterates π^0..π^T, T ≥ 1
   * @param eta η
   * @param nu ν [s]
   * @return the check
   * @throws IllegalArgumentException if the bound does not apply (the reason is in the message) or fewer than two
   *     iterates are given
   * @throws InvalidGameException if a policy or ν does not fit the game
   */
  public static LongRunCheck checkLongRun(MarkovGame game, List<Policy> iterates, BigFraction eta, BigFraction[] nu) {
    if (iterates.size() < 2) {
      throw new IllegalArgumentException("need pi^0..pi^T with T >= 1; got " + iterates.size() + " policies");
    }
    Assessment as = assess(game, eta, nu);
    if (as.notApplicable().isPresent()) {
      throw new IllegalArgumentException("the KL Nash-regret bound does not apply: " + as.notApplicable().get());
    }
    int horizon = iterates.size() - 1;
    BigFraction[] gaps = new BigFraction[horizon + 1];
    BigFraction[] phi = new BigFraction[horizon + 1];
    Evaluation prev = Evaluation.of(game, iterates.get(0));
    gaps[0] = NashGap.of(prev).nashGap();
    phi[0] = NashRegret.potentialAt(prev, nu);
    int certified = 0;
    boolean prefix = true;
    boolean ascent = true;
    BigFraction cMin = BigFraction.ONE;
    for (int t = 0; t < horizon; t++) {
      Cancellation.check();
      Evaluation ev = Evaluation.of(game, iterates.get(t + 1));
      gaps[t + 1] = NashGap.of(ev).nashGap();
      phi[t + 1] = NashRegret.potentialAt(ev, nu);
      StepCheck sc = stepCheck(t, prev, iterates.get(t + 1), phi[t], phi[t + 1], eta, as);
      prefix &= sc.certified();
      if (prefix) {
        certified++;
        ascent &= sc.ascent();
        cMin = min(cMin, sc.bestMass());
      }
      prev = ev;
    }
    if (certified == 0) {
      return new LongRunCheck(horizon, 0, ascent, gaps, cMin, BigFraction.ZERO, false, false, Double.NaN, Double.NaN,
          Double.NaN);
    }
    BigFraction inc = phi[certified].subtract(phi[0]);
    BigFraction range = as.potentialRange().orElseThrow();
    // Nash-Regret(T_c) = sum[0] / (sum[1] T_c), the running sum kept unreduced
    BigInteger[] sum = NashRegret.sums(gaps, new int[] {certified})[0];
    BigInteger den = sum[1].multiply(BigInteger.valueOf(certified));
    boolean vacuous = cMin.signum() == 0;
    boolean post = inc.signum() >= 0 && sum[0].signum() >= 0
        && (vacuous || atMost(sum[0], den, explicitUpper(as, certified, inc, cMin)));
    boolean prior = sum[0].signum() >= 0 && (vacuous || atMost(sum[0], den, explicitUpper(as, certified, range, cMin)));
    double postBound = vacuous ? Double.POSITIVE_INFINITY : as.linearTerm(certified, inc).doubleValue()
        + Math.sqrt(as.rootTermSquared(certified, inc, cMin).doubleValue());
    double priorBound = vacuous ? Double.POSITIVE_INFINITY : as.linearTerm(certified, range).doubleValue()
        + Math.sqrt(as.rootTermSquared(certified, range, cMin).doubleValue());
    return new LongRunCheck(horizon, certified, ascent, gaps, cMin, inc, post, prior, NashRegret.toDouble(sum[0], den),
        postBound, priorBound);
  }

  /** L + r with r ≤ √S rational: a rational lower bound on the explicit bound L + √S. */
  private static BigFraction explicitUpper(Assessment as, int horizon, BigFraction increase, BigFraction cMin) {
    return as.linearTerm(horizon, increase)
        .add(StepSizeBounds.sqrtAtMost(as.rootTermSquared(horizon, increase, cMin)).value());
  }

  /** num/den ≤ x for den &gt; 0, by cross-multiplication (no gcd). */
  private static boolean atMost(BigInteger num, BigInteger den, BigFraction x) {
    BigInteger p = x.getNumerator();
    BigInteger q = x.getDenominator();
    if (q.signum() < 0) {
      p = p.negate();
      q = q.negate();
    }
    return num.multiply(q).compareTo(p.multiply(den)) <= 0;
  }

  /**
   * Runs {@link #roundedKlRun} for {@code horizon} steps and checks it with {@link #checkIterates}.
   *
   * @param game a game the bound applies to at η
   * @param start π^0
   * @param eta η with 0 &lt; η ≤ η₁
   * @param nu ν [s]
   * @param horizon T ≥ 1
   * @param digits significant decimal digits of the iterates
   * @return the checked run
   * @throws IllegalArgumentException if the bound does not apply (the reason is in the message), T &lt; 1 or digits
   *     &lt; 1
   * @throws InvalidGameException if the start policy or ν does not fit the game
   */
  public static RunCheck checkRoundedRun(MarkovGame game, Policy start, BigFraction eta, BigFraction[] nu, int horizon,
      int digits) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon T = " + horizon + " must be >= 1");
    }
    Assessment as = assess(game, eta, nu);
    if (as.notApplicable().isPresent()) {
      throw new IllegalArgumentException("the KL Nash-regret bound does not apply: " + as.notApplicable().get());
    }
    return checkIterates(game, roundedKlRun(game, start, eta, horizon, digits), eta, nu);
  }

  /**
   * Q̄_i^π(s,·) as [a].
   *
   * @param ev the evaluation of π
   * @param agent i
   * @param state s
   * @return the row
   */
  public static BigFraction[] qRow(Evaluation ev, int agent, int state) {
    BigFraction[] q = new BigFraction[ev.game().actionCount(agent)];
    for (int a = 0; a < q.length; a++) {
      q[a] = ev.qBar(agent, state, a);
    }
    return q;
  }

  /** An enclosure of e^x for x ≤ 0; below −64 (outside RationalExp's range) [0, upper end of e^{−64}]. */
  private static RationalExp.Enclosure expBelowZero(BigFraction x, int digits) {
    if (digits < 1) {
      throw new IllegalArgumentException("digits must be >= 1, got " + digits);
    }
    BigFraction floor = BigFraction.of(-RationalExp.MAX_ABS_ARGUMENT);
    if (Rationals.compare(x, floor) < 0) {
      return new RationalExp.Enclosure(BigFraction.ZERO, RationalExp.exp(floor, digits).hi());
    }
    return RationalExp.exp(x, digits);
  }

  private static void requireRow(BigFraction[] from, BigFraction[] q) {
    if (from.length != q.length || from.length == 0) {
      throw new IllegalArgumentException("policy row has " + from.length + " entries but Qbar row has " + q.length
          + "; both must have |A_i| >= 1 entries");
    }
  }

  private static void requirePositive(BigFraction eta) {
    if (eta.signum() <= 0) {
      throw new IllegalArgumentException("eta = " + Rationals.format(eta) + " must be > 0");
    }
  }

  private static BigFraction max(BigFraction[] xs) {
    BigFraction m = xs[0];
    for (BigFraction x : xs) {
      if (Rationals.compare(x, m) > 0) {
        m = x;
      }
    }
    return m;
  }

  /** x &gt; 0 rounded to the nearest k/2^e with k of about {@code bits} bits (relative error ≤ 2^−bits), k ≥ 1. */
  private static BigFraction significant(BigFraction x, int bits) {
    BigInteger num = x.getNumerator().abs();
    BigInteger den = x.getDenominator().abs();
    int e = bits - (num.bitLength() - den.bitLength());
    BigInteger scaledNum = e >= 0 ? num.shiftLeft(e) : num;
    BigInteger scaledDen = e >= 0 ? den : den.shiftLeft(-e);
    BigInteger k = scaledNum.shiftLeft(1).add(scaledDen).divide(scaledDen.shiftLeft(1)); // round half up
    if (k.signum() == 0) {
      k = BigInteger.ONE;
    }
    return e >= 0 ? BigFraction.of(k, BigInteger.ONE.shiftLeft(e)) : BigFraction.of(k.shiftLeft(-e));
  }

  /** max_{a: x_a > 0} q_a (the KL step is unchanged by this shift, and q_a − it ≤ 0 on the support). */
  private static BigFraction maxOnSupport(BigFraction[] from, BigFraction[] q) {
    BigFraction m = max(q);
    boolean found = false;
    for (int a = 0; a < from.length; a++) {
      if (from[a].signum() > 0 && (!found || Rationals.compare(q[a], m) > 0)) {
        m = q[a];
        found = true;
      }
    }
    return m;
  }

  private static BigFraction min(BigFraction a, BigFraction b) {
    return Rationals.compare(a, b) <= 0 ? a : b;
  }
}
