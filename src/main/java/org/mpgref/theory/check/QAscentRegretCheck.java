package org.mpgref.theory.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.Engine;
import org.mpgref.dynamics.Environment;
import org.mpgref.dynamics.GradientOracle;
import org.mpgref.dynamics.Listener;
import org.mpgref.dynamics.Recorder;
import org.mpgref.dynamics.Run;
import org.mpgref.dynamics.Stop;
import org.mpgref.dynamics.StoppingRule;
import org.mpgref.dynamics.StoppingRules;
import org.mpgref.dynamics.UpdateRule;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.ExactGradients;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.theory.QAscentRegretBound;
import org.mpgref.theory.QAscentRegretBound.Assessment;

/**
 * The check of an exact projected Q-ascent (= Euclidean PMD) run against the Nash-regret bound proven in this project
 * ({@link QAscentRegretBound}, proofs-notes/nash-regret-projected-q-ascent.md): the run's exact Nash regret
 * ({@link NashRegret}) at every horizon T is compared, exactly, with the bound on its square, once with the realised
 * increase of the potential and once with the range of Φ at ν. Units: regret in the game's reward unit.
 */
public final class QAscentRegretCheck {
  private QAscentRegretCheck() {}

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
     * The exact Nash gaps.
     *
     * @return a copy of the gaps [t]
     */
    @Override
    public BigFraction[] gaps() {
      return gaps.clone();
    }

    /**
     * The potentials Φ^{π^t}(ν).
     *
     * @return a copy of the potentials [t]
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
   * The score of one exact iterate.
   *
   * @param gap max_i gap_i(π^t)(ρ), exact
   * @param potential Φ^{π^t}(ν)
   * @param unchanged whether π^t equals π^{t−1} (an exact fixed point)
   */
  private record Scored(BigFraction gap, BigFraction potential, boolean unchanged) {}

  /**
   * Runs Euclidean PMD (projected Q-ascent) exactly from {@code start} on the {@link Engine} and checks Nash-Regret(T)
   * against the proven bound for T = 1..horizon (fewer if the denominator guard stops the run): the update rule is
   * {@link Algorithm#PMD_EUCLIDEAN}'s exact rule, the recorder scores each iterate (exact Nash gap and Φ(ν)), and the
   * run stops as {@link org.mpgref.dynamics.ExactDynamics#run} does (the size and work guard
   * {@link StoppingRules#exactSize} before an evaluation, an exact fixed point, the horizon).
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
    Assessment as = QAscentRegretBound.assess(game, eta, nu);
    if (as.notApplicable().isPresent()) {
      throw new IllegalArgumentException("the Nash-regret bound does not apply: " + as.notApplicable().get());
    }
    UpdateRule<Policy, ExactGradients> rule = Algorithm.PMD_EUCLIDEAN.exactRule(eta).orElseThrow();
    Recorder<Evaluation, Scored> recorder = (t, previous, current) -> new Scored(NashGap.of(current).nashGap(),
        NashRegret.potentialAt(current, nu), previous != null && current.policy().l1Distance(previous.policy())
            .signum() == 0);
    StoppingRule<Policy, Evaluation, Scored> fixedPoint = new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, Evaluation current, Scored record) {
        return record.unchanged() ? Optional.of(new Stop(Stop.FIXED_POINT, "iterate " + t + " equals iterate "
            + (t - 1))) : Optional.empty();
      }
    };
    GradientOracle<MarkovGame, Policy, Evaluation> oracle = Evaluation::of;
    Run<Scored> run = Engine.run(Environment.fixed(game), oracle, rule, start, recorder, StoppingRule.anyOf(
        StoppingRules.exactSize(game, maxDenominatorDigits), fixedPoint, StoppingRules.iterations(horizon)),
        Listener.none());
    List<Scored> it = run.iterates();
    int available = run.stoppedBySize() ? it.size() - 1 : horizon;
    BigFraction[] gaps = new BigFraction[available + 1];
    BigFraction[] phi = new BigFraction[available + 1];
    for (int t = 0; t <= available; t++) {
      // past an exact fixed point every later iterate is the same policy: repeat its gap and potential
      Scored sc = it.get(Math.min(t, it.size() - 1));
      gaps[t] = sc.gap();
      phi[t] = sc.potential();
    }
    List<Check> checks = new ArrayList<>();
    int[] horizons = new int[available];
    for (int t = 1; t <= available; t++) {
      horizons[t - 1] = t;
    }
    BigFraction[] nr = NashRegret.regrets(gaps, horizons);
    for (int t = 1; t <= available; t++) {
      BigFraction increase = phi[t].subtract(phi[0]);
      checks.add(new Check(t, nr[t - 1], as.boundSquared(t, increase), as.aPrioriSquared(t)));
    }
    return new RunCheck(as, gaps, phi, checks, run.stoppedBySize());
  }
}
