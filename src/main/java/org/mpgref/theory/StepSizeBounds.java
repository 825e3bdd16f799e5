package org.mpgref.theory;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.MarkovGame;
import org.mpgref.numbers.Rationals;

/**
 * Step-size conditions and rates stated by the seed papers, as exact rationals, each with its source in a named
 * {@code String} constant. One place per constant:
 *
 * <ul>
 *   <li>INPG, Fox et al. Theorem 3.1 ({@link #inpgTheorem31});
 *   <li>policy mirror descent, Alatur et al. (seed 001): Euclidean {@link #pmdEuclidean}, KL {@link #pmdKl} (with the
 *       exact {@link #pmdKlSquared} and the documented rational choice below an irrational √N);
 *   <li>rates stated WITHOUT constants by Ding et al.'s slides (seed 003), as shapes with constant 1 (they are not
 *       bounds): Nash regret {@link #dingNashRegretMpgShapeSquared}, {@link #dingNashRegretCooperativeShapeSquared},
 *       iteration counts {@link #dingQAscentIterationsShape}, {@link #ipgLeonardosIterationsShape},
 *       {@link #ipgZhangIterationsShape};
 *   <li>the step condition of the sufficient-ascent lemma proven in this project for projected Q-ascent
 *       ({@link #projectedQAscentSufficientAscent}); the Nash-regret bound it yields is in {@link QAscentRegretBound}.
 * </ul>
 *
 * See specs/policy-mirror-descent.md, specs/nash-regret.md and specs/mismatch-and-step-bounds.md.
 */
public final class StepSizeBounds {
  private StepSizeBounds() {}

  /** Source of {@link #inpgTheorem31}. */
  public static final String INPG_THEOREM_3_1 = "Fox et al. AISTATS 2022, Theorem 3.1 (rewards in [0,1])";

  /**
   * Fox et al. Theorem 3.1: INPG converges (and Lemma 3.4: Φ is non-decreasing) for η &lt; (1−γ)^3 / (27 n² A_max² M),
   * with n agents, A_max = max_i |A_i| and M the mismatch coefficient. The theorem assumes rewards in [0, 1].
   *
   * @param game the game (for γ, n, A_max)
   * @param mismatch M, or an upper bound on it (a larger M gives a smaller, still valid, threshold)
   * @return the strict upper bound on η
   * @throws IllegalArgumentException if M ≤ 0
   */
  public static BigFraction inpgTheorem31(MarkovGame game, BigFraction mismatch) {
    if (mismatch.signum() <= 0) {
      throw new IllegalArgumentException("the mismatch coefficient must be > 0");
    }
    int aMax = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      aMax = Math.max(aMax, game.actionCount(i));
    }
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    long n = game.agentCount();
    return oneMinusGamma.pow(3).divide(BigFraction.of(27L * n * n * aMax * aMax).multiply(mismatch));
  }

  /** Source of {@link #pmdEuclidean}. */
  public static final String PMD_EUCLIDEAN = "Alatur, Barakat, He, arXiv 2408.08075 (seed 001), Sec. IV, Euclidean PMD"
      + " (projected Q-ascent): eta = (1-gamma)/(4 phi_max sum_i |A_i|); phi_max as in org.mpgref.theory.PhiMax";

  /** Source of {@link #pmdKl} and {@link #pmdKlSquared}. */
  public static final String PMD_KL = "Alatur, Barakat, He, arXiv 2408.08075 (seed 001), Sec. IV/V.B, KL PMD (natural"
      + " policy gradient): eta = (1-gamma)/(2 phi_max sqrt(N)); phi_max as in org.mpgref.theory.PhiMax";

  /** Source of {@link #dingNashRegretMpgShapeSquared}. */
  public static final String DING_NASH_REGRET_MPG = "Ding, Wei, Zhang, Jovanovic, ICML 2022, talk slides (seed 003),"
      + " 'Nash-Regret bound', Theorem (informal), Markov potential game: Nash-Regret(T) <~ d_p^2 sqrt(A N / T),"
      + " d_p = min(d, S), d = sup_pi ||d_rho^pi / rho||_inf; no constants given";

  /** Source of {@link #dingNashRegretCooperativeShapeSquared}. */
  public static final String DING_NASH_REGRET_COOPERATIVE = "Ding, Wei, Zhang, Jovanovic, ICML 2022, talk slides"
      + " (seed 003), 'Nash-Regret bound', Theorem (informal), Markov cooperative game: Nash-Regret(T) <~"
      + " sqrt(d_c) sqrt(A N / T), d_c = min_rho d; no constants given";

  /** Source of {@link #dingQAscentIterationsShape}. */
  public static final String DING_Q_ASCENT_ITERATIONS = "Ding, Wei, Zhang, Jovanovic, ICML 2022, talk slides (seed 003),"
      + " table 'Glimpse of our results (MPG)', row 'Our method' (independent projected Q-ascent):"
      + " iterations A N d^4 / eps^2; no constants given";

  /** Source of {@link #ipgLeonardosIterationsShape}. */
  public static final String IPG_LEONARDOS_ITERATIONS = "Ding, Wei, Zhang, Jovanovic, ICML 2022, talk slides (seed 003),"
      + " table 'Glimpse of our results (MPG)', row 'Projected PG ascent 1' (Leonardos et al. ICLR 2022, IPG):"
      + " iterations S A N d^2 / eps^2; no constants given";

  /** Source of {@link #ipgZhangIterationsShape}. */
  public static final String IPG_ZHANG_ITERATIONS = "Ding, Wei, Zhang, Jovanovic, ICML 2022, talk slides (seed 003),"
      + " table 'Glimpse of our results (MPG)', row 'Projected PG ascent 2' (Zhang, Ren, Li, arXiv 2106.00198, IPG):"
      + " iterations S A N dhat^2 / eps^2, dhat = sup_{pi,pi'} ||d_rho^pi' / d_rho^pi||_inf (= M); no constants given";

  /** Source of {@link #projectedQAscentSufficientAscent}. */
  public static final String PROJECTED_Q_ASCENT_SUFFICIENT_ASCENT = "mpgref, proofs-notes/nash-regret-projected-q-ascent.md,"
      + " Lemma 2 (proven here, not from a seed): eta <= (1-gamma)^2 c / (R sum_i |A_i|) gives"
      + " Phi^{t+1}(nu) - Phi^t(nu) >= c U_t / (2 eta (1-gamma))";

  /**
   * Alatur et al.'s step for Euclidean PMD (= projected Q-ascent): η = (1−γ) / (4 φ_max Σ_i |A_i|).
   *
   * @param game the game (for γ and the |A_i|)
   * @param phiMax φ_max &gt; 0 (see {@link PhiMax}; a larger value gives a smaller step)
   * @return η, exact
   * @throws IllegalArgumentException if φ_max ≤ 0
   */
  public static BigFraction pmdEuclidean(MarkovGame game, BigFraction phiMax) {
    requirePositive(phiMax, "phi_max");
    long sum = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      sum += game.actionCount(i);
    }
    return BigFraction.ONE.subtract(game.discount()).divide(phiMax.multiply(4 * sum));
  }

  /**
   * The square of Alatur et al.'s KL step, exactly: η² = (1−γ)² / (4 φ_max² N).
   *
   * @param game the game (for γ and N)
   * @param phiMax φ_max &gt; 0
   * @return η², exact
   * @throws IllegalArgumentException if φ_max ≤ 0
   */
  public static BigFraction pmdKlSquared(MarkovGame game, BigFraction phiMax) {
    requirePositive(phiMax, "phi_max");
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    return oneMinusGamma.multiply(oneMinusGamma).divide(phiMax.multiply(phiMax).multiply(4L * game.agentCount()));
  }

  /**
   * A rational step η' ≤ η_KL = (1−γ)/(2 φ_max √N) (Alatur et al.). η_KL is irrational unless its square is the
   * square of a rational; then η' = η_KL exactly. Otherwise η' is the largest k/2^m ≤ η_KL with k of exactly 53 bits
   * (so η' is also a double, and η_KL − η' &lt; 2^−52 η'), found by exact comparison of squares:
   * k = ⌊√⌊η_KL² 4^m⌋⌋ (see {@link #sqrtAtMost}).
   *
   * @param game the game
   * @param phiMax φ_max &gt; 0
   * @return η' with whether it equals η_KL
   * @throws IllegalArgumentException if φ_max ≤ 0
   */
  public static SquareRoot pmdKl(MarkovGame game, BigFraction phiMax) {
    return sqrtAtMost(pmdKlSquared(game, phiMax));
  }

  /**
   * A rational lower approximation of a square root.
   *
   * @param value the rational r ≤ √x
   * @param exact whether r = √x
   */
  public record SquareRoot(BigFraction value, boolean exact) {}

  /**
   * The exact √x when x is the square of a rational; otherwise the largest r = k/2^m ≤ √x with k of exactly 53 bits
   * (m may be negative), so √x − r &lt; 2^−52 r. Uses ⌊√q⌋ = ⌊√⌊q⌋⌋ for rational q ≥ 0: k² ≤ x 4^m ⟺ k² ≤ ⌊x 4^m⌋.
   *
   * @param x a rational &gt; 0
   * @return r ≤ √x
   * @throws IllegalArgumentException if x ≤ 0
   */
  public static SquareRoot sqrtAtMost(BigFraction x) {
    requirePositive(x, "the radicand");
    BigInteger p = x.getNumerator().abs();
    BigInteger q = x.getDenominator().abs();
    BigInteger rp = p.sqrt();
    BigInteger rq = q.sqrt();
    if (rp.multiply(rp).equals(p) && rq.multiply(rq).equals(q)) {
      return new SquareRoot(BigFraction.of(rp, rq), true);
    }
    // log2 sqrt(x) is about (bits(p) - bits(q)) / 2; start there and adjust until k has exactly 53 bits.
    int m = 53 - (p.bitLength() - q.bitLength()) / 2;
    while (true) {
      BigInteger k = floorSqrtScaled(p, q, m);
      if (k.bitLength() > 53) {
        m--;
      } else if (k.bitLength() < 53) {
        m++;
      } else {
        BigFraction r = m >= 0 ? BigFraction.of(k, BigInteger.ONE.shiftLeft(m))
            : BigFraction.of(k.shiftLeft(-m), BigInteger.ONE);
        return new SquareRoot(r, false);
      }
    }
  }

  /** ⌊√(p/q · 4^m)⌋ exactly. */
  private static BigInteger floorSqrtScaled(BigInteger p, BigInteger q, int m) {
    BigInteger floor = m >= 0 ? p.shiftLeft(2 * m).divide(q) : p.divide(q.shiftLeft(-2 * m));
    return floor.sqrt();
  }

  /**
   * The square of the rate shape d_p² √(A N / T) of Ding et al.'s informal MPG Nash-regret theorem, with constant 1:
   * d_p⁴ A N / T. The slides give no constants, so this is a shape to compare exponents and implied constants with, NOT
   * a bound. A is the number of actions per agent (A = |A_i| for all i in the slides; use max_i |A_i|).
   *
   * @param dp d_p = min(d, S)
   * @param actions A
   * @param agents N
   * @param horizon T ≥ 1
   * @return d_p⁴ A N / T
   * @throws IllegalArgumentException if T &lt; 1
   */
  public static BigFraction dingNashRegretMpgShapeSquared(BigFraction dp, int actions, int agents, long horizon) {
    requireHorizon(horizon);
    return dp.pow(4).multiply((long) actions * agents).divide(BigFraction.of(horizon));
  }

  /**
   * The square of the rate shape √d_c √(A N / T) of Ding et al.'s informal cooperative-game Nash-regret theorem,
   * constant 1: d_c A N / T. Not a bound (no constants in the source).
   *
   * @param dc d_c
   * @param actions A
   * @param agents N
   * @param horizon T ≥ 1
   * @return d_c A N / T
   * @throws IllegalArgumentException if T &lt; 1
   */
  public static BigFraction dingNashRegretCooperativeShapeSquared(BigFraction dc, int actions, int agents, long horizon) {
    requireHorizon(horizon);
    return dc.multiply((long) actions * agents).divide(BigFraction.of(horizon));
  }

  /**
   * Iteration-count shape of Ding et al.'s projected Q-ascent in MPGs (slides' table), constant 1: A N d⁴ / ε².
   *
   * @param d d = sup_π ‖d_ρ^π / ρ‖_∞
   * @param actions A
   * @param agents N
   * @param epsilon ε &gt; 0 (target Nash regret)
   * @return A N d⁴ / ε²
   * @throws IllegalArgumentException if ε ≤ 0
   */
  public static BigFraction dingQAscentIterationsShape(BigFraction d, int actions, int agents, BigFraction epsilon) {
    requirePositive(epsilon, "epsilon");
    return d.pow(4).multiply((long) actions * agents).divide(epsilon.multiply(epsilon));
  }

  /**
   * Iteration-count shape of IPG as listed for Leonardos et al. in Ding et al.'s slides, constant 1: S A N d² / ε².
   *
   * @param states S
   * @param d d = sup_π ‖d_ρ^π / ρ‖_∞
   * @param actions A
   * @param agents N
   * @param epsilon ε &gt; 0
   * @return S A N d² / ε²
   * @throws IllegalArgumentException if ε ≤ 0
   */
  public static BigFraction ipgLeonardosIterationsShape(int states, BigFraction d, int actions, int agents,
      BigFraction epsilon) {
    requirePositive(epsilon, "epsilon");
    return d.multiply(d).multiply((long) states * actions * agents).divide(epsilon.multiply(epsilon));
  }

  /**
   * Iteration-count shape of IPG as listed for Zhang, Ren and Li in Ding et al.'s slides, constant 1:
   * S A N d̂² / ε², with d̂ the mismatch coefficient M of {@link MismatchCoefficient}.
   *
   * @param states S
   * @param dHat d̂ = M
   * @param actions A
   * @param agents N
   * @param epsilon ε &gt; 0
   * @return S A N d̂² / ε²
   * @throws IllegalArgumentException if ε ≤ 0
   */
  public static BigFraction ipgZhangIterationsShape(int states, BigFraction dHat, int actions, int agents,
      BigFraction epsilon) {
    return ipgLeonardosIterationsShape(states, dHat, actions, agents, epsilon);
  }

  /**
   * The largest step of our sufficient-ascent lemma for projected Q-ascent / Euclidean PMD in an MPG (proven in
   * proofs-notes/nash-regret-projected-q-ascent.md, Lemma 2): η₀ = (1−γ)² c / (R Σ_i |A_i|), where
   * c ≤ min_{π,s} d_ν^π(s) is a visitation floor at the weighting distribution ν and R = max_i (max r_i − min r_i)/2
   * is the largest reward half-span. For 0 &lt; η ≤ η₀: Φ^{t+1}(ν) − Φ^t(ν) ≥ c U_t / (2η(1−γ)), with U_t the squared
   * step Σ_i Σ_s ‖π_i^{t+1}(·|s) − π_i^t(·|s)‖₂².
   *
   * @param game the game (γ, |A_i|)
   * @param visitationFloor c &gt; 0
   * @param rewardHalfSpan R &gt; 0 (if R = 0 every step satisfies the lemma: rewards are constant per agent)
   * @return η₀, exact
   * @throws IllegalArgumentException if c ≤ 0 or R ≤ 0
   */
  public static BigFraction projectedQAscentSufficientAscent(MarkovGame game, BigFraction visitationFloor,
      BigFraction rewardHalfSpan) {
    requirePositive(visitationFloor, "the visitation floor c");
    requirePositive(rewardHalfSpan, "the reward half-span R");
    long sum = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      sum += game.actionCount(i);
    }
    BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
    return oneMinusGamma.multiply(oneMinusGamma).multiply(visitationFloor).divide(rewardHalfSpan.multiply(sum));
  }

  private static void requirePositive(BigFraction x, String what) {
    if (x.signum() <= 0) {
      throw new IllegalArgumentException(what + " = " + Rationals.format(x) + " must be > 0");
    }
  }

  private static void requireHorizon(long horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon T = " + horizon + " must be >= 1");
    }
  }
}
