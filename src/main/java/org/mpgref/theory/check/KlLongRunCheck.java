package org.mpgref.theory.check;

import java.math.BigInteger;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.limits.Cancellation;
import org.mpgref.theory.KlRegretBound;
import org.mpgref.theory.KlRegretBound.Assessment;
import org.mpgref.theory.StepSizeBounds;

/**
 * The check of a long sequence of rational policies (e.g. thousands of double KL iterates put on the simplex) against
 * the KL Nash-regret bound ({@link KlRegretBound}, proofs-notes/nash-regret-kl-pmd.md) at its largest certified
 * horizon only: the per-step checks are those of {@link KlRegretCheck}, and the regret is kept as an unreduced sum
 * so that no gcd of numbers with hundreds of thousands of digits is taken. Units: regret in the game's reward unit.
 */
public final class KlLongRunCheck {
  private KlLongRunCheck() {}

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
     * The exact Nash gaps.
     *
     * @return a copy of the gaps [t]
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
    Assessment as = KlRegretBound.assess(game, eta, nu);
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
      KlRegretCheck.StepCheck sc = KlRegretCheck.stepCheck(t, prev, iterates.get(t + 1), phi[t], phi[t + 1], eta, as);
      prefix &= sc.certified();
      if (prefix) {
        certified++;
        ascent &= sc.ascent();
        cMin = KlRegretCheck.min(cMin, sc.bestMass());
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

  /**
   * L + r with r ≤ √S rational: a rational lower bound on the explicit bound L + √S (r = 0 when S = 0, e.g. a run
   * that starts at an equilibrium).
   */
  private static BigFraction explicitUpper(Assessment as, int horizon, BigFraction increase, BigFraction cMin) {
    BigFraction s = as.rootTermSquared(horizon, increase, cMin);
    BigFraction root = s.signum() == 0 ? BigFraction.ZERO : StepSizeBounds.sqrtAtMost(s).value();
    return as.linearTerm(horizon, increase).add(root);
  }

  /** num/den ≤ x for den &gt; 0 (x's denominator of either sign), by cross-multiplication (no gcd). */
  static boolean atMost(BigInteger num, BigInteger den, BigFraction x) {
    BigInteger p = x.getNumerator();
    BigInteger q = x.getDenominator();
    if (q.signum() < 0) {
      p = p.negate();
      q = q.negate();
    }
    return num.multiply(q).compareTo(p.multiply(den)) <= 0;
  }
}
