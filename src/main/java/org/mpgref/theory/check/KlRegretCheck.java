package org.mpgref.theory.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.limits.Cancellation;
import org.mpgref.numbers.Rationals;
import org.mpgref.theory.KlRegretBound;
import org.mpgref.theory.KlRegretBound.Assessment;

/**
 * The check of a sequence of rational policies against the Nash-regret bound proven in this project for KL policy
 * mirror descent ({@link KlRegretBound}, proofs-notes/nash-regret-kl-pmd.md, "What is checked"): (P1) and (P2) are
 * verified exactly on every step, agent and state ({@link KlRows#rowStep}), Lemma C's ascent on every step, and the
 * theorem's conclusion, both forms, at every horizon up to the first step where (P1) or (P2) fails
 * ({@link RunCheck#certifiedSteps}); it is then a proven statement about exactly the rational iterates that were
 * scored. Units: gaps, regret in the game's reward unit (discounted sums); η in 1/(reward unit).
 */
public final class KlRegretCheck {
  private KlRegretCheck() {}

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
        c = min(c, KlRows.bestMass(ev.policy().row(i, s), KlRows.qRow(ev, i, s)));
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
     * @return every step certified, every step's ascent inequality and every horizon's bound hold
     */
    public boolean holds() {
      return certifiedSteps == steps.size() && steps.stream().allMatch(StepCheck::ascent)
          && checks.stream().allMatch(Check::holds);
    }
  }

  /**
   * Checks a given sequence of rational policies (e.g. {@link RoundedKlRun#roundedKlRun}, or double KL iterates put on the simplex
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
    Assessment as = KlRegretBound.assess(game, eta, nu);
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
  static StepCheck stepCheck(int t, Evaluation from, Policy next, BigFraction phiFrom, BigFraction phiNext,
      BigFraction eta, Assessment as) {
    MarkovGame game = from.game();
    boolean a = true;
    boolean b = true;
    BigFraction c = BigFraction.ONE;
    BigFraction gain = BigFraction.ZERO;
    for (int i = 0; i < game.agentCount(); i++) {
      for (int s = 0; s < game.stateCount(); s++) {
        RowStep rs = KlRows.rowStep(from.policy().row(i, s), next.row(i, s), KlRows.qRow(from, i, s));
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
   * Runs {@link RoundedKlRun#roundedKlRun} for {@code horizon} steps and checks it with {@link #checkIterates}.
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
    Assessment as = KlRegretBound.assess(game, eta, nu);
    if (as.notApplicable().isPresent()) {
      throw new IllegalArgumentException("the KL Nash-regret bound does not apply: " + as.notApplicable().get());
    }
    return checkIterates(game, RoundedKlRun.roundedKlRun(game, start, eta, horizon, digits), eta, nu);
  }

  static BigFraction min(BigFraction a, BigFraction b) {
    return Rationals.compare(a, b) <= 0 ? a : b;
  }
}
