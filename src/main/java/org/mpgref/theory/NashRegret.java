package org.mpgref.theory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.dynamics.Run;
import org.mpgref.dynamics.PolicyMirrorDescent;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StageRange;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.limits.Cancellation;
import org.mpgref.game.Distributions;

/**
 * Nash regret of a sequence of product policies, exactly, and the Nash-regret bound proven in this project for
 * projected Q-ascent (= Euclidean policy mirror descent) in Markov potential games with exact averaged Q-functions.
 *
 * <pre>
 *   Nash-Regret(T) = (1/T) Σ_{t=0}^{T−1} max_i gap_i(π^t)(ρ),   gap_i(π)(ρ) = max_{π_i'} V_i^{π_i',π_{−i}}(ρ) − V_i^π(ρ)
 * </pre>
 *
 * (Ding et al. 2022, slides "Performance measure", seed 003; the slides number the iterates π^{(1)}..π^{(T)}, here they
 * are π^0..π^{T−1} with π^0 the initial policy.) Gaps are exact ({@link NashGap}); iterates of a double run (e.g. KL
 * PMD) are put exactly on the simplex by {@link Policy#ofDoublePolicy} first, so their gaps are the exact gaps of the
 * rationalised iterates.
 *
 * <p>The proven bound (proofs-notes/nash-regret-projected-q-ascent.md, Theorem): for a Markov potential game with
 * potential Φ, any weighting distribution ν with visitation floor c ≤ min_{π,s} d_ν^π(s), c &gt; 0, reward half-span
 * R = max_i (max_{s,a} r_i − min_{s,a} r_i)/2, A_max = max_i |A_i|, and projected Q-ascent with
 * 0 &lt; η ≤ η₀ = (1−γ)² c/(R Σ_i |A_i|), for every T ≥ 1 and every ρ:
 *
 * <pre>
 *   Nash-Regret(T)² ≤ 4 ΔΦ (2/η + η A_max R²/(1−γ)²) / ((1−γ) c T),   ΔΦ = Φ^{π^T}(ν) − Φ^{π^0}(ν) ≤ max_π Φ^π(ν) − min_π Φ^π(ν)
 * </pre>
 *
 * Units: gaps and regret in the game's reward unit (discounted sums); η in 1/(reward unit); c, ν, ρ dimensionless.
 */
public final class NashRegret {
  private NashRegret() {}

  /** Source of the definition. */
  public static final String SOURCE = "Ding, Wei, Zhang, Jovanovic, ICML 2022, talk slides (seed 003), 'Performance"
      + " measure': Nash-Regret(T) = (1/T) sum_{t=1}^T max_i (max_{pi_i'} V_i^{pi_i', pi_-i^(t)}(rho) - V_i^{pi^(t)}(rho))";

  /** Source of the proven bound ({@link Assessment#boundSquared}). */
  public static final String PROJECTED_Q_ASCENT_BOUND = "mpgref, proofs-notes/nash-regret-projected-q-ascent.md,"
      + " Theorem (proven here, not from a seed): Nash-Regret(T)^2 <= 4 dPhi (2/eta + eta A_max R^2/(1-gamma)^2)"
      + " / ((1-gamma) c T) for eta <= (1-gamma)^2 c / (R sum_i |A_i|)";

  /**
   * The exact Nash gaps max_i gap_i(π^t)(ρ) of exact policies.
   *
   * @param game the game
   * @param iterates π^0, π^1, ...
   * @return the gaps [t]
   * @throws InvalidGameException if a policy does not fit the game
   */
  public static BigFraction[] gaps(MarkovGame game, List<Policy> iterates) {
    BigFraction[] g = new BigFraction[iterates.size()];
    for (int t = 0; t < g.length; t++) {
      g[t] = NashGap.of(game, iterates.get(t)).nashGap();
    }
    return g;
  }

  /**
   * The exact Nash gaps of double iterates, each put exactly on the simplex by {@link Policy#ofDoublePolicy}.
   *
   * @param game the game
   * @param iterates π^0, π^1, ... in double
   * @return the exact gaps of the rationalised iterates [t]
   * @throws InvalidGameException if a policy does not fit the game or a row is far from summing to 1
   */
  public static BigFraction[] gapsOfDoubleIterates(MarkovGame game, List<DoublePolicy> iterates) {
    List<Policy> exact = new ArrayList<>();
    for (DoublePolicy p : iterates) {
      exact.add(Policy.ofDoublePolicy(p));
    }
    return gaps(game, exact);
  }

  /**
   * The exact Nash gaps recorded by an exact run.
   *
   * @param iterates the run's iterates
   * @return [t]
   */
  public static BigFraction[] gapsOfRun(List<ExactIterate> iterates) {
    BigFraction[] g = new BigFraction[iterates.size()];
    for (int t = 0; t < g.length; t++) {
      ExactIterate it = iterates.get(t);
      g[t] = it.nashGap().orElseThrow(() -> new IllegalArgumentException("iterate " + it.t()
          + " has no recorded Nash gap"));
    }
    return g;
  }

  /**
   * Nash-Regret(T) = (1/T) Σ_{t=0}^{T−1} gaps[t].
   *
   * @param gaps the per-iterate Nash gaps [t], at least T of them
   * @param horizon T ≥ 1
   * @return the exact Nash regret
   * @throws IllegalArgumentException if T &lt; 1 or fewer than T gaps are given
   */
  public static BigFraction regret(BigFraction[] gaps, int horizon) {
    return regrets(gaps, new int[] {horizon})[0];
  }

  /**
   * Nash-Regret(T) exactly at several horizons in one pass. Gaps of different iterates have unrelated denominators,
   * so the running sum is kept as an unreduced pair (numerator, common denominator) grown by q/gcd(D, q) per term and
   * reduced only at the requested horizons; summing thousands of gaps with {@code BigFraction.add}, which reduces by
   * a gcd of the growing numbers at every step, is much slower.
   *
   * @param gaps the per-iterate Nash gaps [t]
   * @param horizons strictly increasing T_1 &lt; T_2 &lt; ..., each in 1..gaps.length
   * @return Nash-Regret(T_k) for each k, exact
   * @throws IllegalArgumentException if a horizon is out of range or the horizons are not increasing
   */
  public static BigFraction[] regrets(BigFraction[] gaps, int[] horizons) {
    BigInteger[][] sums = sums(gaps, horizons);
    BigFraction[] out = new BigFraction[horizons.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = BigFraction.of(sums[k][0], sums[k][1].multiply(BigInteger.valueOf(horizons[k])));
    }
    return out;
  }

  /**
   * Nash-Regret(T) at several horizons, each the exact sum of the exact gaps divided by T and rounded once to double
   * (relative error below 2^−60 before the final rounding): for long runs of iterates with unrelated denominators
   * (KL PMD, double runs scored exactly) the exact regret has hundreds of thousands of digits and reducing it costs
   * more than the whole run; the logarithms of the exponent measurement need only doubles.
   *
   * @param gaps the per-iterate Nash gaps [t]
   * @param horizons strictly increasing, each in 1..gaps.length
   * @return Nash-Regret(T_k) in double
   * @throws IllegalArgumentException if a horizon is out of range or the horizons are not increasing
   */
  public static double[] regretsToDouble(BigFraction[] gaps, int[] horizons) {
    BigInteger[][] sums = sums(gaps, horizons);
    double[] out = new double[horizons.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = toDouble(sums[k][0], sums[k][1].multiply(BigInteger.valueOf(horizons[k])));
    }
    return out;
  }

  /** num/den (den &gt; 0) rounded to double after a shift keeping 120 significant bits (display and logarithms only). */
  static double toDouble(BigInteger num, BigInteger den) {
    int shift = Math.max(0, Math.min(num.abs().bitLength(), den.bitLength()) - 120);
    return num.shiftRight(shift).doubleValue() / den.shiftRight(shift).doubleValue();
  }

  /** Unreduced running sums (numerator, positive common denominator) of gaps[0..T−1] at each horizon T. */
  static BigInteger[][] sums(BigFraction[] gaps, int[] horizons) {
    BigInteger[][] out = new BigInteger[horizons.length][];
    BigInteger num = BigInteger.ZERO;
    BigInteger den = BigInteger.ONE;
    int done = 0;
    for (int k = 0; k < horizons.length; k++) {
      int h = horizons[k];
      if (h < 1 || h > gaps.length || (k > 0 && h <= horizons[k - 1])) {
        throw new IllegalArgumentException("horizon T = " + h + " must be in 1.." + gaps.length
            + " (the number of gaps given) and larger than the previous horizon");
      }
      for (; done < h; done++) {
        BigInteger p = gaps[done].getNumerator();
        BigInteger q = gaps[done].getDenominator();
        if (q.signum() < 0) {
          p = p.negate();
          q = q.negate();
        }
        BigInteger g = den.gcd(q);
        BigInteger qg = q.divide(g);
        num = num.multiply(qg).add(p.multiply(den.divide(g)));
        den = den.multiply(qg);
      }
      out[k] = new BigInteger[] {num, den};
    }
    return out;
  }

  /**
   * The least-squares slope of log(values) against log(horizons): the measured exponent β in value ≈ C T^β.
   *
   * @param horizons T_k ≥ 1, at least two distinct
   * @param values the measured values at T_k, all &gt; 0
   * @return β
   * @throws IllegalArgumentException if the lengths differ, fewer than two distinct horizons are given, or a value is
   *     not positive (its logarithm is undefined)
   */
  public static double exponent(long[] horizons, double[] values) {
    if (horizons.length != values.length) {
      throw new IllegalArgumentException(horizons.length + " horizons but " + values.length + " values");
    }
    int n = horizons.length;
    double mx = 0;
    double my = 0;
    for (int k = 0; k < n; k++) {
      if (horizons[k] < 1) {
        throw new IllegalArgumentException("horizon[" + k + "] = " + horizons[k] + " must be >= 1");
      }
      if (!(values[k] > 0) || !Double.isFinite(values[k])) {
        throw new IllegalArgumentException("value[" + k + "] = " + values[k] + " at T = " + horizons[k]
            + " must be a positive finite number (its logarithm is taken)");
      }
      mx += Math.log(horizons[k]);
      my += Math.log(values[k]);
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int k = 0; k < n; k++) {
      double dx = Math.log(horizons[k]) - mx;
      sxy += dx * (Math.log(values[k]) - my);
      sxx += dx * dx;
    }
    if (!(sxx > 0)) {
      throw new IllegalArgumentException("the horizons must contain at least two distinct values");
    }
    return sxy / sxx;
  }

  /**
   * The measured exponent of Nash-Regret(T) over T = 2^k, k = kFrom..kTo.
   *
   * @param gaps per-iterate gaps, at least 2^kTo of them
   * @param kFrom first k ≥ 0
   * @param kTo last k &gt; kFrom
   * @return the least-squares slope of log Nash-Regret(2^k) against log 2^k
   * @throws IllegalArgumentException if the range is empty, too few gaps are given or some regret is 0
   */
  public static double exponentOverPowersOfTwo(BigFraction[] gaps, int kFrom, int kTo) {
    if (kFrom < 0 || kTo <= kFrom || kTo > 30) {
      throw new IllegalArgumentException("k range " + kFrom + ".." + kTo + " must satisfy 0 <= kFrom < kTo <= 30");
    }
    long[] h = new long[kTo - kFrom + 1];
    int[] hi = new int[h.length];
    for (int k = kFrom; k <= kTo; k++) {
      h[k - kFrom] = 1L << k;
      hi[k - kFrom] = 1 << k;
    }
    return exponent(h, regretsToDouble(gaps, hi));
  }

  /**
   * R = max_i (max_{s,a} r_i(s,a) − min_{s,a} r_i(s,a)) / 2, over joint actions a (enumerated; the dense size guard
   * applies). Projected Q-ascent and all gaps are unchanged when a constant is added to r_i, so the bound may use
   * the centred rewards, |r_i − mid_i| ≤ R.
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
   * The uniform distribution over states, the default weighting ν of the bound.
   *
   * @param game the game
   * @return ν(s) = 1/|S|
   */
  public static BigFraction[] uniform(MarkovGame game) {
    BigFraction[] nu = new BigFraction[game.stateCount()];
    java.util.Arrays.fill(nu, BigFraction.of(1, game.stateCount()));
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
   * The closed-form visitation floor (1−γ) min_s ν(s) ≤ c_ν (the t = 0 term of d_ν^π; proofs-notes/mismatch-coefficient.md).
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
   * U = Σ_i Σ_s ‖π_i'(·|s) − π_i(·|s)‖₂², the squared Euclidean length of a step.
   *
   * @param from π
   * @param to π' of the same shape
   * @return U, exact
   * @throws InvalidGameException if the shapes differ
   */
  public static BigFraction stepNormSquared(Policy from, Policy to) {
    if (from.agentCount() != to.agentCount() || from.stateCount() != to.stateCount()) {
      throw new InvalidGameException("policies of different shapes: " + from.agentCount() + " agents x "
          + from.stateCount() + " states vs " + to.agentCount() + " x " + to.stateCount());
    }
    BigFraction u = BigFraction.ZERO;
    for (int i = 0; i < from.agentCount(); i++) {
      if (from.actionCount(i) != to.actionCount(i)) {
        throw new InvalidGameException("agent " + i + " has " + from.actionCount(i) + " actions in one policy and "
            + to.actionCount(i) + " in the other");
      }
      for (int s = 0; s < from.stateCount(); s++) {
        for (int a = 0; a < from.actionCount(i); a++) {
          BigFraction d = to.prob(i, s, a).subtract(from.prob(i, s, a));
          u = u.add(d.multiply(d));
        }
      }
    }
    return u;
  }

  /**
   * K'² = (2/(1−γ)²)(2/η² + A_max R²/(1−γ)²), the constant of Lemma 1 of the note: for ANY game, any η &gt; 0 and
   * π' the projected Q-ascent step from π, (max_i gap_i(π)(ρ))² ≤ K'² U with U = {@link #stepNormSquared}(π, π').
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
        .add(halfSpan.multiply(halfSpan).multiply(maxActions(game)).divide(omg2));
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
  public static Assessment projectedQAscent(MarkovGame game, BigFraction eta, BigFraction[] nu) {
    if (eta.signum() <= 0) {
      throw new IllegalArgumentException("eta = " + Rationals.format(eta) + " must be > 0");
    }
    BigFraction r = rewardHalfSpan(game);
    BigFraction c = visitationFloor(game, nu);
    Optional<BigFraction> limit = r.signum() == 0 || c.signum() == 0 ? Optional.empty()
        : Optional.of(StepSizeBounds.projectedQAscentSufficientAscent(game, c, r));
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
        reason = "the visitation floor min_{pi,s} d_nu^pi(s) is 0 for nu = " + format(nu) + "; choose nu > 0";
      } else if (limit.isPresent() && Rationals.compare(eta, limit.get()) > 0) {
        reason = "eta = " + Rationals.format(eta) + " exceeds the sufficient-ascent step eta_0 = (1-gamma)^2 c/(R sum|A_i|) = "
            + Rationals.format(limit.get());
      }
    }
    return new Assessment(eta, nu, game.discount(), maxActions(game), r, c, limit, range, Optional.ofNullable(reason));
  }

  /**
   * {@link #projectedQAscent(MarkovGame, BigFraction, BigFraction[])} with ν uniform over states.
   *
   * @param game the game
   * @param eta η &gt; 0
   * @return the assessment
   * @throws IllegalArgumentException if η ≤ 0
   * @throws InvalidGameException if the joint actions are too many
   */
  public static Assessment projectedQAscent(MarkovGame game, BigFraction eta) {
    return projectedQAscent(game, eta, uniform(game));
  }

  /**
   * One horizon of a checked run.
   *
   * @param horizon T
   * @param regret Nash-Regret(T), exact
   * @param aPosterioriSquared the bound on its square with the realised ΔΦ = Φ^{π^T}(ν) − Φ^{π^0}(ν)
   * @param aPrioriSquared the bound on its square with ΔΦ = the range of Φ at ν
   */
  public record Check(int horizon, BigFraction regret, BigFraction aPosterioriSquared, BigFraction aPrioriSquared) {
    /**
     * @return 0 ≤ Nash-Regret(T) and Nash-Regret(T)² ≤ both bounds, exactly
     */
    public boolean holds() {
      BigFraction sq = regret.multiply(regret);
      return regret.signum() >= 0 && Rationals.compare(sq, aPosterioriSquared) <= 0
          && Rationals.compare(sq, aPrioriSquared) <= 0;
    }
  }

  /**
   * An exact projected Q-ascent run checked against the proven bound at every horizon.
   *
   * @param assessment the assessment (it applies)
   * @param gaps exact Nash gaps of π^0..π^{T'} (padded with the fixed point if the run reached one)
   * @param potentials Φ^{π^t}(ν) for the same iterates
   * @param checks one per horizon 1..T'
   * @param stoppedBySize whether the denominator guard ended the run before the requested horizon
   */
  public record RunCheck(Assessment assessment, BigFraction[] gaps, BigFraction[] potentials, List<Check> checks,
      boolean stoppedBySize) {
    /**
     * Copies.
     *
     * @param assessment assessment
     * @param gaps gaps
     * @param potentials potentials
     * @param checks checks
     * @param stoppedBySize flag
     */
    public RunCheck {
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
     * @return whether every horizon satisfies the bound
     */
    public boolean holds() {
      return checks.stream().allMatch(Check::holds);
    }
  }

  /**
   * Runs Euclidean PMD (projected Q-ascent) exactly from {@code start} and checks Nash-Regret(T) against the proven
   * bound for T = 1..horizon (fewer if the denominator guard stops the run).
   *
   * @param game a game the bound applies to
   * @param start π^0
   * @param eta η with 0 &lt; η ≤ η₀
   * @param nu the weighting ν [s]
   * @param horizon the largest T ≥ 1
   * @param maxDenominatorDigits the exact run's size guard
   * @return the checked run
   * @throws IllegalArgumentException if the bound does not apply (the reason is in the message) or T &lt; 1
   * @throws InvalidGameException if the start policy or ν does not fit the game
   */
  public static RunCheck checkExactRun(MarkovGame game, Policy start, BigFraction eta, BigFraction[] nu, int horizon,
      int maxDenominatorDigits) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon T = " + horizon + " must be >= 1");
    }
    Assessment as = projectedQAscent(game, eta, nu);
    if (as.notApplicable().isPresent()) {
      throw new IllegalArgumentException("the Nash-regret bound does not apply: " + as.notApplicable().get());
    }
    Run<ExactIterate> run = PolicyMirrorDescent.runExactEuclidean(game, start, eta, horizon, maxDenominatorDigits);
    List<ExactIterate> it = run.iterates();
    int available = run.stoppedBySize() ? it.size() - 1 : horizon;
    BigFraction[] gaps = new BigFraction[available + 1];
    BigFraction[] phi = new BigFraction[available + 1];
    for (int t = 0; t <= available; t++) {
      Cancellation.check();
      if (t < it.size()) {
        gaps[t] = it.get(t).nashGap().orElseThrow();
        phi[t] = potentialAt(game, it.get(t).policy(), nu);
      } else { // the run stopped at an exact fixed point: every later iterate is the same policy
        gaps[t] = gaps[t - 1];
        phi[t] = phi[t - 1];
      }
    }
    List<Check> checks = new ArrayList<>();
    int[] horizons = new int[available];
    for (int t = 1; t <= available; t++) {
      horizons[t - 1] = t;
    }
    BigFraction[] nr = regrets(gaps, horizons);
    for (int t = 1; t <= available; t++) {
      BigFraction increase = phi[t].subtract(phi[0]);
      checks.add(new Check(t, nr[t - 1], as.boundSquared(t, increase), as.aPrioriSquared(t)));
    }
    return new RunCheck(as, gaps, phi, checks, run.stoppedBySize());
  }

  /**
   * Φ^π(ν) = Σ_s ν(s) Φ^π(s) for the game's declared stage potential.
   *
   * @param game the game
   * @param policy π
   * @param nu ν [s]
   * @return the potential at ν
   * @throws InvalidGameException if the game declares no potential or shapes differ
   */
  public static BigFraction potentialAt(MarkovGame game, Policy policy, BigFraction[] nu) {
    return potentialAt(Evaluation.of(game, policy), nu);
  }

  /** Φ^π(ν) = Σ_s ν(s) Φ^π(s) of an evaluated policy; throws InvalidGameException if no potential is declared. */
  static BigFraction potentialAt(Evaluation ev, BigFraction[] nu) {
    BigFraction[] phi = ev.potential()
        .orElseThrow(() -> new InvalidGameException(ev.game().name() + " declares no stage potential"));
    BigFraction t = BigFraction.ZERO;
    for (int s = 0; s < phi.length; s++) {
      t = t.add(nu[s].multiply(phi[s]));
    }
    return t;
  }

  private static void requireWeights(MarkovGame game, BigFraction[] nu) {
    if (nu.length != game.stateCount()) {
      throw new InvalidGameException("nu has " + nu.length + " entries; the game has " + game.stateCount() + " states");
    }
    Distributions.require(nu, "nu");
  }

  private static int maxActions(MarkovGame game) {
    int m = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      m = Math.max(m, game.actionCount(i));
    }
    return m;
  }

  private static String format(BigFraction[] xs) {
    StringBuilder b = new StringBuilder("(");
    for (int k = 0; k < xs.length; k++) {
      b.append(k > 0 ? ", " : "").append(Rationals.format(xs[k]));
    }
    return b.append(')').toString();
  }
}
