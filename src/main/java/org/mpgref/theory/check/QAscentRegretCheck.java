package org.mpgref.theory.check;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.dynamics.PolicyMirrorDescent;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.limits.Cancellation;
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
    Assessment as = QAscentRegretBound.assess(game, eta, nu);
    if (as.notApplicable().isPresent()) {
      throw new IllegalArgumentException("the Nash-regret bound does not apply: " + as.notApplicable().get());
    }
    ExactDynamics.Run run = PolicyMirrorDescent.runExactEuclidean(game, start, eta, horizon, maxDenominatorDigits);
    List<ExactIterate> it = run.iterates();
    int available = run.stoppedBySize() ? it.size() - 1 : horizon;
    BigFraction[] gaps = new BigFraction[available + 1];
    BigFraction[] phi = new BigFraction[available + 1];
    for (int t = 0; t <= available; t++) {
      Cancellation.check();
      if (t < it.size()) {
        gaps[t] = it.get(t).nashGap();
        phi[t] = NashRegret.potentialAt(game, it.get(t).policy(), nu);
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
    BigFraction[] nr = NashRegret.regrets(gaps, horizons);
    for (int t = 1; t <= available; t++) {
      BigFraction increase = phi[t].subtract(phi[0]);
      checks.add(new Check(t, nr[t - 1], as.boundSquared(t, increase), as.aPrioriSquared(t)));
    }
    return new RunCheck(as, gaps, phi, checks, run.stoppedBySize());
  }
}
