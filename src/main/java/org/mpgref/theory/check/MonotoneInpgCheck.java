package org.mpgref.theory.check;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.dynamics.Engine;
import org.mpgref.dynamics.Environment;
import org.mpgref.dynamics.GradientOracle;
import org.mpgref.dynamics.Listener;
import org.mpgref.dynamics.Recorder;
import org.mpgref.dynamics.StoppingRule;
import org.mpgref.dynamics.StoppingRules;
import org.mpgref.dynamics.UpdateRule;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StageRange;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.numbers.RationalExp;
import org.mpgref.theory.MonotoneBounds;

/**
 * Rigorous check of Fox et al. 2022, Lemma 3.4 ("Φ is non-decreasing under INPG") one step at a time, without
 * floating point (proofs-notes/monotone-inpg.md).
 *
 * <p>What is certified. Let T_η be the exact (real) INPG map on interior policies, T_η(π)_i(a|s) =
 * π_i(a|s) exp(η Ā_i^π(s,a)/(1−γ)) / Z_{i,s} (Fox et al., Lemma 2.1 and Remark 2; a rational interior π is
 * softmax(log π), so T_η(π) is exactly one INPG step from the logits log π). For a rational interior policy π̃ this
 * class computes a rational policy π̃⁺ with a proven bound δ ≥ max_s Σ_i ‖π̃⁺_i(·|s) − T_η(π̃)_i(·|s)‖_1, and with
 * K = φ̂/(1−γ)² ({@link MonotoneBounds#lipschitz}) it reports
 *
 * <pre>
 *   lower = Φ^{π̃⁺}(ρ) − Φ^{π̃}(ρ) − Kδ  ≤  Φ^{T_η(π̃)}(ρ) − Φ^{π̃}(ρ)  ≤  Φ^{π̃⁺}(ρ) − Φ^{π̃}(ρ) + Kδ = upper
 * </pre>
 *
 * and the verdict CERTIFIED_NON_DECREASING if lower ≥ 0, CERTIFIED_DECREASE if upper &lt; 0, else UNDECIDED. A run
 * restarts from the rational π̃⁺ at every step: each verdict is a statement about one exact INPG step from the
 * rational iterate π̃^t (which is within δ of the true step from π̃^{t−1}), never about the floating-point or the
 * infinitely precise trajectory from θ = 0.
 *
 * <p>Construction of π̃⁺ at each (i, s): x_a = η Ā_i(s,a)/(1−γ) exactly; y_a = x_a − max_b x_b ≤ 0 (the map is
 * invariant to the shift); [lo_a, hi_a] ∋ e^{y_a} from {@link RationalExp} (exactly [1,1] at the maximiser);
 * ŵ_a = π̃_a lo_a; π̂ = ŵ/Σŵ; then
 * δ_exp = 2 Σ_a π̃_a (hi_a − lo_a) / Σ_a π̃_a lo_a bounds ‖π̂ − T_η(π̃)_i(·|s)‖_1 (normalisation lemma, §3 of the note);
 * π̃⁺ rounds π̂ to the grid 10^−digits (entries kept ≥ 10^−digits, the largest entry closes the row to exactly 1)
 * unless π̂'s row is positive with a common denominator ≤ 10^digits (then it is kept exactly), and the exact rounding
 * distance ‖π̃⁺ − π̂‖_1 is added. δ = max_s Σ_i (δ_exp + rounding).
 */
public final class MonotoneInpgCheck {
  private MonotoneInpgCheck() {}

  /** The three possible outcomes of one certified step. */
  public enum Verdict {
    /** lower ≥ 0: the exact INPG step does not decrease Φ(ρ). */
    CERTIFIED_NON_DECREASING,
    /** upper &lt; 0: the exact INPG step decreases Φ(ρ). */
    CERTIFIED_DECREASE,
    /** lower &lt; 0 ≤ upper: the enclosure does not decide. */
    UNDECIDED
  }

  /**
   * One certified step.
   *
   * @param t the index of the step (π̃^t → π̃^{t+1})
   * @param from π̃^t, rational and interior
   * @param next π̃^{t+1}, the rational approximation of T_η(π̃^t)
   * @param delta δ ≥ max_s Σ_i ‖π̃^{t+1}_i(·|s) − T_η(π̃^t)_i(·|s)‖_1, proven
   * @param lipschitz K
   * @param phiFrom Φ^{π̃^t}(ρ)
   * @param phiNext Φ^{π̃^{t+1}}(ρ)
   * @param lower proven lower bound on Φ^{T_η(π̃^t)}(ρ) − Φ^{π̃^t}(ρ)
   * @param upper proven upper bound on the same
   * @param verdict the decision
   */
  public record Step(int t, Policy from, Policy next, BigFraction delta, BigFraction lipschitz, BigFraction phiFrom,
      BigFraction phiNext, BigFraction lower, BigFraction upper, Verdict verdict) {}

  /**
   * One certified INPG step from a rational interior policy.
   *
   * @param game a game with a declared stage potential
   * @param from π̃, every entry &gt; 0
   * @param eta η &gt; 0
   * @param digits the grid 10^−digits of π̃⁺ (the enclosure of exp uses digits + 6)
   * @return the step with its verdict
   * @throws IllegalArgumentException if the game declares no potential, η ≤ 0, digits &lt; 1, an entry of π̃ is 0,
   *     or some |η Ā/(1−γ)| spread exceeds {@link RationalExp#MAX_ABS_ARGUMENT}
   * @throws org.mpgref.game.InvalidGameException if the policy does not fit the game
   */
  public static Step step(MarkovGame game, Policy from, BigFraction eta, int digits) {
    requireStep(eta, digits);
    BigFraction k = MonotoneBounds.lipschitz(game);
    Evaluation ev = Evaluation.of(game, from);
    Rounded next = rounded(ev, eta, digits);
    return certify(0, ev, Evaluation.of(game, next.policy()), next.delta(), k);
  }

  /** Refuses η ≤ 0 and digits &lt; 1. */
  private static void requireStep(BigFraction eta, int digits) {
    if (eta.signum() <= 0) {
      throw new IllegalArgumentException("eta must be > 0, got " + Rationals.format(eta));
    }
    if (digits < 1) {
      throw new IllegalArgumentException("digits must be >= 1, got " + digits);
    }
  }

  /**
   * A rational policy with the proven distance δ of its rows to the exact INPG step it approximates (0 for π̃^0).
   *
   * @param policy π̃^t
   * @param delta δ ≥ max_s Σ_i ‖π̃^t_i(·|s) − T_η(π̃^{t−1})_i(·|s)‖_1
   */
  private record Rounded(Policy policy, BigFraction delta) {}

  /**
   * The exact evaluation of a rounded iterate, with its δ.
   *
   * @param evaluation the exact evaluation of π̃^t
   * @param delta its δ
   */
  private record Evaluated(Evaluation evaluation, BigFraction delta) {}

  /** π̃⁺ and δ from the evaluation of π̃ (the construction of the class comment). */
  private static Rounded rounded(Evaluation ev, BigFraction eta, int digits) {
    MarkovGame game = ev.game();
    Policy from = ev.policy();
    BigFraction oneMinus = BigFraction.ONE.subtract(game.discount());
    BigInteger grid = BigInteger.TEN.pow(digits);
    BigFraction unit = BigFraction.of(BigInteger.ONE, grid);
    int n = game.agentCount();
    BigFraction[][][] next = new BigFraction[n][game.stateCount()][];
    BigFraction delta = BigFraction.ZERO;
    for (int s = 0; s < game.stateCount(); s++) {
      BigFraction stateDelta = BigFraction.ZERO;
      for (int i = 0; i < n; i++) {
        int m = game.actionCount(i);
        BigFraction[] x = new BigFraction[m];
        int argmax = 0;
        for (int a = 0; a < m; a++) {
          if (from.prob(i, s, a).signum() == 0) {
            throw new IllegalArgumentException("pi_" + i + "(" + a + "|s=" + s + ") = 0; the INPG check needs an"
                + " interior policy (finite logits)");
          }
          x[a] = eta.multiply(ev.advantage(i, s, a)).divide(oneMinus);
          if (Rationals.compare(x[a], x[argmax]) > 0) {
            argmax = a;
          }
        }
        BigFraction[] w = new BigFraction[m];
        BigFraction sumW = BigFraction.ZERO;
        BigFraction widths = BigFraction.ZERO;
        for (int a = 0; a < m; a++) {
          RationalExp.Enclosure e = RationalExp.exp(x[a].subtract(x[argmax]), digits + 6);
          BigFraction p = from.prob(i, s, a);
          w[a] = p.multiply(e.lo());
          sumW = sumW.add(w[a]);
          widths = widths.add(p.multiply(e.width()));
        }
        // sumW >= pi(argmax) * 1 > 0 because the enclosure at the maximiser is exactly [1, 1].
        BigFraction deltaExp = widths.multiply(2).divide(sumW);
        BigFraction[] hat = new BigFraction[m];
        int largest = 0;
        boolean positive = true;
        for (int a = 0; a < m; a++) {
          hat[a] = w[a].divide(sumW);
          positive &= hat[a].signum() > 0;
          if (Rationals.compare(hat[a], hat[largest]) > 0) {
            largest = a;
          }
        }
        BigFraction[] row = new BigFraction[m];
        if (positive && Rationals.lcmOfDenominators(hat).compareTo(grid) <= 0) {
          row = hat.clone(); // already small (e.g. an exact fixed point, Ā = 0): keep it exactly
        } else {
          BigFraction others = BigFraction.ZERO;
          for (int a = 0; a < m; a++) {
            if (a == largest) {
              continue;
            }
            BigInteger q = RationalExp.floor(hat[a].multiply(BigFraction.of(grid)).add(BigFraction.of(1, 2)));
            row[a] = q.signum() > 0 ? BigFraction.of(q, grid) : unit;
            others = others.add(row[a]);
          }
          row[largest] = BigFraction.ONE.subtract(others);
        }
        BigFraction rounding = BigFraction.ZERO;
        for (int a = 0; a < m; a++) {
          rounding = rounding.add(row[a].subtract(hat[a]).abs());
        }
        next[i][s] = row;
        stateDelta = stateDelta.add(deltaExp).add(rounding);
      }
      if (Rationals.compare(stateDelta, delta) > 0) {
        delta = stateDelta;
      }
    }
    return new Rounded(Policy.of(next), delta);
  }

  /** The certificate of the step from the evaluated π̃^t to the evaluated π̃^{t+1} at distance δ. */
  private static Step certify(int t, Evaluation ev, Evaluation evNext, BigFraction delta, BigFraction k) {
    MarkovGame game = ev.game();
    BigFraction phiFrom = ev.potentialAtInitial().orElseThrow(
        () -> new IllegalArgumentException(game.name() + ": the game declares no stage potential"));
    BigFraction phiNext = evNext.potentialAtInitial().orElseThrow();
    BigFraction gain = phiNext.subtract(phiFrom);
    BigFraction slack = k.multiply(delta);
    BigFraction lower = gain.subtract(slack);
    BigFraction upper = gain.add(slack);
    Verdict verdict = lower.signum() >= 0
        ? Verdict.CERTIFIED_NON_DECREASING
        : upper.signum() < 0 ? Verdict.CERTIFIED_DECREASE : Verdict.UNDECIDED;
    return new Step(t, ev.policy(), evNext.policy(), delta, k, phiFrom, phiNext, lower, upper, verdict);
  }

  /**
   * Certified INPG steps from π̃^0, each restarted from the previous rational iterate, run on the {@link Engine}: the
   * update rule is the rounded INPG step (its policy type carries the proven δ), the oracle evaluates the rational
   * iterate exactly, the recorder certifies each step π̃^{t−1} → π̃^t, and the run stops after {@code steps} steps.
   *
   * @param game a game with a declared stage potential
   * @param start π̃^0, interior (e.g. uniform, i.e. θ = 0)
   * @param eta η &gt; 0
   * @param steps the number of steps, ≥ 0
   * @param digits the grid of the rational iterates
   * @return the steps in order
   * @throws IllegalArgumentException as {@link #step}, or if steps &lt; 0
   */
  public static List<Step> run(MarkovGame game, Policy start, BigFraction eta, int steps, int digits) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    if (steps == 0) {
      return List.of();
    }
    requireStep(eta, digits);
    BigFraction k = MonotoneBounds.lipschitz(game);
    UpdateRule<Rounded, Evaluated> rule = new UpdateRule<>() {
      @Override
      public String label() {
        return "INPG (rounded, certified)";
      }

      @Override
      public Stepper<Rounded, Evaluated> begin(Rounded first) {
        return (t, current) -> rounded(current.evaluation(), eta, digits);
      }
    };
    GradientOracle<MarkovGame, Rounded, Evaluated> oracle =
        (g, p) -> new Evaluated(Evaluation.of(g, p.policy()), p.delta());
    Recorder<Evaluated, Optional<Step>> recorder = (t, previous, current) -> previous == null ? Optional.empty()
        : Optional.of(certify(t - 1, previous.evaluation(), current.evaluation(), current.delta(), k));
    StoppingRule<Rounded, Evaluated, Optional<Step>> stop = StoppingRules.iterations(steps);
    return Engine.run(Environment.fixed(game), oracle, rule, new Rounded(start, BigFraction.ZERO), recorder, stop,
        Listener.none()).iterates().stream().flatMap(Optional::stream).toList();
  }

  /**
   * Whether every reward r_i(s,a) lies in [0, 1], the assumption of Fox et al. Theorem 3.1 (enumerates joint actions
   * under the dense size guard).
   *
   * @param game the game
   * @return true iff 0 ≤ r_i(s,a) ≤ 1 for all i, s, a
   * @throws org.mpgref.game.InvalidGameException if the joint-action set is too large to enumerate
   */
  public static boolean rewardsInUnitInterval(MarkovGame game) {
    return StageRange.ofAllRewards(game).within(BigFraction.ZERO, BigFraction.ONE);
  }
}
