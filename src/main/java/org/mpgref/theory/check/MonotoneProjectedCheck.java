package org.mpgref.theory.check;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.Engine;
import org.mpgref.dynamics.Environment;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.GradientOracle;
import org.mpgref.dynamics.Listener;
import org.mpgref.dynamics.Recorder;
import org.mpgref.dynamics.Stop;
import org.mpgref.dynamics.StoppingRule;
import org.mpgref.dynamics.StoppingRules;
import org.mpgref.dynamics.UpdateRule;
import org.mpgref.evaluation.ExactGradients;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.theory.MonotoneBounds;

/**
 * Exact check of the monotone-potential lemma for the rational dynamics (IPG, projected Q-ascent) in a Markov
 * potential game with a declared, verified stage potential: every step is computed exactly
 * ({@link ExactDynamics#step}) and the change of Φ(ρ) is compared, exactly, with every link of the proof in
 * {@code proofs-notes/monotone-ipg.md} (§4, §5). For a step u = π^{t+1} − π^t, with g = ∇Φ(π^t),
 * g_{i,s,a} = d_ρ(s) Q̄_i(s,a)/(1−γ) (agent i's own Q̄; in an MPG it equals ∇_{π_i}Φ up to a constant per (i,s), which
 * pairs to 0 with u):
 *
 * <pre>
 *   gain        = Φ^{π^{t+1}}(ρ) − Φ^{π^t}(ρ)
 *   inner       = ⟨g, u⟩ = Σ_s d(s)/(1−γ) Σ_i Σ_a u_i(a|s) Q̄_i(s,a)
 *   projection  = ‖u‖²/η (IPG)  or  Σ_s d(s) ‖u(·|s)‖²/(η(1−γ)) (Q-ascent)        inner ≥ projection   (projection inequality)
 *   remainder   = C ν²/2, ν = max_s Σ_i ‖u_i(·|s)‖_1                                 gain ≥ inner − remainder (smoothness, §2)
 *   guaranteed  = projection − (L/2) max_s ‖u(·|s)‖²                                 ≤ inner − remainder ≤ gain
 * </pre>
 *
 * and guaranteed ≥ 0 whenever η ≤ {@link MonotoneBounds#ipgNonDecreasing} (IPG) or
 * {@link MonotoneBounds#qAscentNonDecreasing} (Q-ascent). Norms are Euclidean over all (i, a) at a state unless
 * marked _1. Everything is exact; nothing is a tolerance.
 */
public final class MonotoneProjectedCheck {
  private MonotoneProjectedCheck() {}

  /**
   * One exact step and the quantities of the proof.
   *
   * @param t the index of the step (π^t → π^{t+1})
   * @param before π^t
   * @param after π^{t+1}
   * @param phiBefore Φ^{π^t}(ρ)
   * @param phiAfter Φ^{π^{t+1}}(ρ)
   * @param inner ⟨∇Φ(π^t), u⟩
   * @param projection the projection-inequality lower bound on {@code inner}
   * @param nu ν = max_s Σ_i ‖u_i(·|s)‖_1
   * @param remainder C ν²/2
   * @param squaredDistance ‖u‖² over all (i, s, a)
   * @param maxStateSquaredDistance max_s Σ_i ‖u_i(·|s)‖²
   * @param guaranteed projection − (L/2) max_s ‖u(·|s)‖², a proven lower bound on the gain
   */
  public record Step(int t, Policy before, Policy after, BigFraction phiBefore, BigFraction phiAfter,
      BigFraction inner, BigFraction projection, BigFraction nu, BigFraction remainder, BigFraction squaredDistance,
      BigFraction maxStateSquaredDistance, BigFraction guaranteed) {
    /**
     * @return Φ^{π^{t+1}}(ρ) − Φ^{π^t}(ρ), exactly
     */
    public BigFraction gain() {
      return phiAfter.subtract(phiBefore);
    }

    /**
     * @return whether Φ(ρ) did not decrease, decided exactly
     */
    public boolean nonDecreasing() {
      return gain().signum() >= 0;
    }

    /**
     * @return whether gain ≥ inner − remainder (the smoothness lemma along this step), exactly
     */
    public boolean smoothnessHolds() {
      return Rationals.compare(gain(), inner.subtract(remainder)) >= 0;
    }
  }

  /**
   * The result of a run: the steps taken and whether the denominator guard ended it.
   *
   * @param steps the checked steps
   * @param stoppedBySize whether an iterate's largest denominator exceeded the guard
   */
  public record Run(List<Step> steps, boolean stoppedBySize) {
    /**
     * Copies the list.
     *
     * @param steps steps
     * @param stoppedBySize flag
     */
    public Run {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Checks that the game declares a stage potential with a sufficient MPG condition that verifies exactly, so that
   * Φ^π = E_π[Σ γ^t φ] is a Markov potential and the lemma applies.
   *
   * @param game the game
   * @throws IllegalArgumentException naming the game if it declares no potential, only
   *     {@link StagePotential.Condition#STATE_POTENTIAL_ONLY}, or a condition that fails on its data
   */
  public static void requireVerifiedPotential(MarkovGame game) {
    StagePotential sp = game.potential().orElseThrow(
        () -> new IllegalArgumentException(game.name() + ": the game declares no stage potential"));
    if (sp.condition() == StagePotential.Condition.STATE_POTENTIAL_ONLY) {
      throw new IllegalArgumentException(game.name() + ": the declared phi claims no MPG condition"
          + " (STATE_POTENTIAL_ONLY); the monotone-potential lemma needs a Markov potential");
    }
    Optional<String> violation = sp.findViolation();
    if (violation.isPresent()) {
      throw new IllegalArgumentException(game.name() + ": declared " + sp.condition() + " fails: " + violation.get());
    }
  }

  /**
   * One exact step of IPG or projected Q-ascent from π with all the proof's quantities.
   *
   * @param game an MPG with a declared, verified stage potential
   * @param pi π^t
   * @param algorithm IPG or PROJECTED_Q_ASCENT
   * @param eta η &gt; 0
   * @return the step
   * @throws IllegalArgumentException if the potential is not verified, the algorithm is INPG or η ≤ 0
   */
  public static Step step(MarkovGame game, Policy pi, Algorithm algorithm, BigFraction eta) {
    requireVerifiedPotential(game);
    Evaluation ev = Evaluation.of(game, pi);
    Evaluation evNext = Evaluation.of(game, ExactDynamics.step(ev, algorithm, eta));
    return measure(game, ev, evNext, algorithm, eta, 0, MonotoneBounds.curvature(game),
        MonotoneBounds.smoothness(game));
  }

  private static Step measure(MarkovGame game, Evaluation ev, Evaluation evNext, Algorithm algorithm,
      BigFraction eta, int t, BigFraction curvature, BigFraction smoothness) {
    Policy pi = ev.policy();
    Policy next = evNext.policy();
    BigFraction oneMinus = BigFraction.ONE.subtract(game.discount());
    BigFraction inner = BigFraction.ZERO;
    BigFraction squared = BigFraction.ZERO;
    BigFraction maxStateSquared = BigFraction.ZERO;
    BigFraction nu = BigFraction.ZERO;
    BigFraction weightedSquared = BigFraction.ZERO; // Σ_s d(s) ‖u(·|s)‖²
    for (int s = 0; s < game.stateCount(); s++) {
      BigFraction stateInner = BigFraction.ZERO;
      BigFraction stateSquared = BigFraction.ZERO;
      BigFraction stateL1 = BigFraction.ZERO;
      for (int i = 0; i < game.agentCount(); i++) {
        for (int a = 0; a < game.actionCount(i); a++) {
          BigFraction u = next.prob(i, s, a).subtract(pi.prob(i, s, a));
          if (u.signum() == 0) {
            continue;
          }
          stateInner = stateInner.add(u.multiply(ev.qBar(i, s, a)));
          stateSquared = stateSquared.add(u.multiply(u));
          stateL1 = stateL1.add(u.abs());
        }
      }
      BigFraction d = ev.visitation(s);
      inner = inner.add(d.multiply(stateInner));
      squared = squared.add(stateSquared);
      weightedSquared = weightedSquared.add(d.multiply(stateSquared));
      if (Rationals.compare(stateSquared, maxStateSquared) > 0) {
        maxStateSquared = stateSquared;
      }
      if (Rationals.compare(stateL1, nu) > 0) {
        nu = stateL1;
      }
    }
    inner = inner.divide(oneMinus);
    BigFraction projection = algorithm == Algorithm.IPG
        ? squared.divide(eta)
        : weightedSquared.divide(eta.multiply(oneMinus));
    BigFraction remainder = curvature.multiply(nu.multiply(nu)).divide(2);
    BigFraction guaranteed = projection.subtract(smoothness.multiply(maxStateSquared).divide(2));
    BigFraction phiBefore = ev.potentialAtInitial().orElseThrow();
    BigFraction phiAfter = evNext.potentialAtInitial().orElseThrow();
    return new Step(t, pi, next, phiBefore, phiAfter, inner, projection, nu, remainder, squared, maxStateSquared,
        guaranteed);
  }

  /**
   * Runs IPG or projected Q-ascent exactly for at most {@code steps} steps on the {@link Engine} and checks every step:
   * the update rule is the algorithm's exact rule ({@link Algorithm#exactRule}), the recorder {@link #measure}s each
   * step π^{t−1} → π^t, and the run stops after {@code steps} steps, at an exact fixed point (the step is kept), or
   * when the new iterate's largest denominator has more than {@code maxDenominatorDigits} digits (the step is kept
   * and {@link Run#stoppedBySize} is set), checked in that order.
   *
   * @param game an MPG with a declared, verified stage potential
   * @param start π^0
   * @param algorithm IPG or PROJECTED_Q_ASCENT
   * @param eta η &gt; 0
   * @param steps the largest number of steps, ≥ 0
   * @param maxDenominatorDigits the size guard on iterates
   * @return the checked steps
   * @throws IllegalArgumentException if the potential is not verified, the algorithm is INPG, η ≤ 0 or steps &lt; 0
   */
  public static Run run(MarkovGame game, Policy start, Algorithm algorithm, BigFraction eta, int steps,
      int maxDenominatorDigits) {
    requireVerifiedPotential(game);
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    if (steps == 0) {
      Evaluation.of(game, start); // validates π^0 against the game, as every run does
      return new Run(List.of(), false);
    }
    UpdateRule<Policy, ExactGradients> rule = algorithm.exactRule(eta).orElseThrow(() -> new IllegalArgumentException(
        algorithm.label() + " uses exp and cannot run exactly; run it in double"));
    BigFraction curvature = MonotoneBounds.curvature(game);
    BigFraction smoothness = MonotoneBounds.smoothness(game);
    Recorder<Evaluation, Optional<Step>> recorder = (t, previous, current) -> previous == null ? Optional.empty()
        : Optional.of(measure(game, previous, current, algorithm, eta, t - 1, curvature, smoothness));
    StoppingRule<Policy, Evaluation, Optional<Step>> fixedPoint = new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, Evaluation current, Optional<Step> record) {
        return record.filter(st -> st.after().equals(st.before()))
            .map(st -> new Stop(Stop.FIXED_POINT, "step " + st.t() + " left the policy unchanged"));
      }
    };
    StoppingRule<Policy, Evaluation, Optional<Step>> size = new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, Evaluation current, Optional<Step> record) {
        int digits = ExactDynamics.largestDenominatorDigits(current.policy());
        return digits > maxDenominatorDigits ? Optional.of(new Stop(Stop.SIZE, "iterate " + t + " has a " + digits
            + "-digit denominator, above " + maxDenominatorDigits)) : Optional.empty();
      }
    };
    GradientOracle<MarkovGame, Policy, Evaluation> oracle = Evaluation::of;
    org.mpgref.dynamics.Run<Optional<Step>> run = Engine.run(Environment.fixed(game), oracle, rule, start, recorder,
        StoppingRule.anyOf(fixedPoint, size, StoppingRules.iterations(steps)), Listener.none());
    return new Run(run.iterates().stream().flatMap(Optional::stream).toList(), run.stoppedBySize());
  }
}
