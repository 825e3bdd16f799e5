package org.mpgref.theory.check;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.numbers.RationalExp;
import org.mpgref.numbers.Rationals;
import org.mpgref.theory.KlRegretBound;

/**
 * Exact and rigorous arithmetic on one policy row of a KL policy-mirror-descent step (proofs-notes/nash-regret-kl-pmd.md,
 * {@link KlRegretBound}): the quantities g, ‖x⁺ − x‖₁², h, c of a given step x → x⁺
 * ({@link #rowStep}), proven bounds on them for the exact, irrational KL step x⁺ ∝ x e^{η q} ({@link #klRowBounds}),
 * and a rational approximation of that step ({@link #roundedKlRow}). Nothing here touches {@code double}. Index
 * shapes: policy rows x, x⁺ and Q̄ rows q as [a] for one agent and state. Units: q, g, h in the game's reward unit
 * (discounted sums); η in 1/(reward unit); x, c dimensionless.
 */
public final class KlRows {
  private KlRows() {}

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
   * zero entries stay 0, positive entries stay positive, and the largest entry (the lowest index among tied largest
   * entries) closes the row to exactly 1. If the
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

  /**
   * x ∈ (0, 1) rounded to the nearest k/2^e, e = bits − (bitLength(num) − bitLength(den)) ≥ bits (round half up),
   * so k = round(x 2^e) &gt; 2^(bits−1) ≥ 1 and the relative error is at most 2^−bits. Only called on the entries
   * of a normalised row that are not its largest, which lie in (0, 1/2].
   */
  private static BigFraction significant(BigFraction x, int bits) {
    BigInteger num = x.getNumerator().abs();
    BigInteger den = x.getDenominator().abs();
    int e = bits - (num.bitLength() - den.bitLength());
    BigInteger k = num.shiftLeft(e + 1).add(den).divide(den.shiftLeft(1)); // round half up
    return BigFraction.of(k, BigInteger.ONE.shiftLeft(e));
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
}
