package org.mpgref.theory.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.theory.QAscentRegretBound;

/**
 * Nash regret of a sequence of product policies, exactly: the measure the Nash-regret checks score runs with.
 *
 * <pre>
 *   Nash-Regret(T) = (1/T) Σ_{t=0}^{T−1} max_i gap_i(π^t)(ρ),   gap_i(π)(ρ) = max_{π_i'} V_i^{π_i',π_{−i}}(ρ) − V_i^π(ρ)
 * </pre>
 *
 * (Ding et al. 2022, slides "Performance measure", seed 003, {@link QAscentRegretBound#NASH_REGRET};
 * the slides number the iterates π^{(1)}..π^{(T)}, here they are π^0..π^{T−1} with π^0 the initial policy.) Gaps are
 * exact ({@link NashGap}); iterates of a double run (e.g. KL PMD) are put exactly on the simplex by
 * {@link Policy#ofDoublePolicy} first, so their gaps are the exact gaps of the rationalised iterates. Also the
 * measured exponent β of Nash-Regret(T) ≈ C T^β, the squared length of a step and Φ^π(ν).
 *
 * <p>Units: gaps and regret in the game's reward unit (discounted sums); ν, ρ dimensionless.
 */
public final class NashRegret {
  private NashRegret() {}

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
    for (int k = 0; k < n; k++) {
      if (horizons[k] < 1) {
        throw new IllegalArgumentException("horizon[" + k + "] = " + horizons[k] + " must be >= 1");
      }
      if (!(values[k] > 0) || !Double.isFinite(values[k])) {
        throw new IllegalArgumentException("value[" + k + "] = " + values[k] + " at T = " + horizons[k]
            + " must be a positive finite number (its logarithm is taken)");
      }
      mx += Math.log(horizons[k]);
    }
    mx /= n;
    double sxy = 0;
    double sxx = 0;
    for (int k = 0; k < n; k++) {
      double dx = Math.log(horizons[k]) - mx;
      sxy += dx * Math.log(values[k]); // Σ dx = 0, so centring log v would add nothing
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
}
