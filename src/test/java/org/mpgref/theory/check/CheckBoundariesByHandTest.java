package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.CancelledException;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;
import org.mpgref.theory.KlRegretBound;

/**
 * The theory checks at the edges of their rules, by hand: sequences whose steps are not KL steps (so the verdicts come
 * out false and the certified prefix stops where it must), pure policies that put no mass on a best action (the
 * vacuous bound), equilibria (regret and potential increase exactly 0, the boundary of every "≥ 0"), the rounding of
 * rows at the boundary of "keep exactly", the −64 floor of the exp enclosures, stops of the rounded runs, and each
 * validation fed the input it refuses.
 *
 * <p>The one-state coordination game C of proofs-notes/pmd-one-state-example.md (γ = 1/2; r(0,0) = 2, r(1,1) = 1,
 * else 0) is used throughout. At the uniform policy u: V = (3/4)/(1/2) = 3/2 for each agent, Q̄_i = (1 + γV, 1/2 + γV),
 * so the mass on the best action is c = 1/2, h = 1/4 and the Nash gap is 2 − 3/2 = 1/2 (playing 0 earns 1 per step).
 * At the mismatched pure policy m (agent 0 plays 1, agent 1 plays 0) every reward is 0, V = 0; agent 0's best
 * response earns 2/(1 − γ) = 4 and agent 1's earns 1/(1 − γ) = 2, so the Nash gap is 4, and both agents put mass 0
 * on their best action (c = 0). The pure policy e = (0, 0) is a Nash equilibrium: gap 0, c = 1, h = 0.
 */
class CheckBoundariesByHandTest {
  private static final BigFraction HALF = BigFraction.of(1, 2);
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final BigFraction[] ONE_STATE = {ONE};
  private static final TabularMarkovGame COORD = HandGames.coordination(HALF);
  private static final Policy U = Policy.uniform(COORD);
  private static final Policy MISMATCH = Policy.pure(COORD, new int[][] {{1}, {0}});
  private static final Policy EQUILIBRIUM = Policy.pure(COORD, new int[][] {{0}, {0}});

  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /** A step size at which the KL bound applies to C (the largest one it allows, or 1). */
  private static BigFraction klEta() {
    KlRegretBound.Assessment probe = KlRegretBound.assess(COORD, ONE);
    BigFraction eta = probe.applies() ? ONE : probe.stepLimit().orElseThrow();
    assertThat(KlRegretBound.assess(COORD, eta).applies()).isTrue();
    return eta;
  }

  /** One rounded KL step from u at 20 digits (certified in NashRegretKlTest's runs). */
  private static Policy klStepFromUniform(BigFraction eta) {
    return RoundedKlRun.roundedKlRun(COORD, U, eta, 1, 20).get(1);
  }

  /**
   * A one-agent, one-state game with |A| actions and every reward 1 (γ = 0): Ā = 0 for every policy, so an INPG step
   * is the identity before rounding, and the declared potential φ = 1 is exact.
   */
  private static TabularMarkovGame flat(int actions) {
    BigFraction[][][] r = new BigFraction[1][actions][];
    BigFraction[][][] p = new BigFraction[1][actions][];
    BigFraction[][] phi = new BigFraction[1][actions];
    for (int a = 0; a < actions; a++) {
      r[0][a] = new BigFraction[] {ONE};
      p[0][a] = new BigFraction[] {ONE};
      phi[0][a] = ONE;
    }
    return TabularMarkovGame.withPotential("flat" + actions, new int[] {actions}, Z, ONE_STATE, r, p, phi,
        StagePotential.Condition.IDENTICAL_INTEREST);
  }

  private static Policy row(BigFraction... x) {
    return Policy.of(new BigFraction[][][] {{x}});
  }

  // ---------------------------------------------------------------- KlRegretCheck and KlLongRunCheck

  /**
   * u → u is not a KL step: g = 0 and ‖Δ‖₁ = 0 satisfy (P1) (0 ≥ 0), but (P2) needs g ≥ c η h²/(1 + c η h) &gt; 0
   * (c = 1/2, h = 1/4). u → (1/4, 3/4) for both agents moves away from the best action: Δ = (−1/4, 1/4) per agent,
   * g = −1/4 + 1/8 = −1/8 per agent, so (P1) η g ≥ ‖Δ‖₁² = 1/4 and (P2) both fail.
   */
  @Test
  void stepsThatAreNotKlStepsFailTheLemmas() {
    BigFraction eta = klEta();
    KlRegretCheck.RunCheck still = KlRegretCheck.checkIterates(COORD, List.of(U, U), eta, ONE_STATE);
    assertThat(still.steps().get(0).lemmaA()).isTrue();
    assertThat(still.steps().get(0).lemmaB()).isFalse();
    assertThat(still.steps().get(0).gain()).isEqualTo(Z);
    BigFraction[] away = {f(1, 4), f(3, 4)};
    Policy wrong = Policy.of(new BigFraction[][][] {{away}, {away}});
    KlRegretCheck.StepCheck bad = KlRegretCheck.checkIterates(COORD, List.of(U, wrong), eta, ONE_STATE).steps().get(0);
    assertThat(bad.gain()).isEqualTo(f(-1, 4)); // −1/8 for each agent
    assertThat(bad.lemmaA()).isFalse();
    assertThat(bad.lemmaB()).isFalse();
    assertThat(bad.certified()).isFalse();
  }

  /**
   * The certified prefix ends at the first uncertified step: u, u, KL(u) has an uncertified first step, so no step
   * counts although the second is a KL step; u, KL(u), KL(u) counts one (the repeat of KL(u), not an equilibrium, is
   * not a KL step). A run with an uncertified step does not hold; a long run with none certified holds nothing.
   */
  @Test
  void theCertifiedPrefixStopsAtTheFirstFailure() {
    BigFraction eta = klEta();
    Policy kl = klStepFromUniform(eta);
    KlRegretCheck.RunCheck late = KlRegretCheck.checkIterates(COORD, List.of(U, U, kl), eta, ONE_STATE);
    assertThat(late.steps().get(1).certified()).isTrue();
    assertThat(late.certifiedSteps()).isZero();
    assertThat(late.checks()).isEmpty();
    assertThat(late.holds()).isFalse();
    KlRegretCheck.RunCheck early = KlRegretCheck.checkIterates(COORD, List.of(U, kl, kl), eta, ONE_STATE);
    assertThat(early.certifiedSteps()).isEqualTo(1);
    assertThat(early.checks()).hasSize(1);
    assertThat(early.holds()).isFalse();

    KlLongRunCheck.LongRunCheck none = KlLongRunCheck.checkLongRun(COORD, List.of(U, U, kl), eta, ONE_STATE);
    assertThat(none.certifiedSteps()).isZero();
    assertThat(none.steps()).isEqualTo(2);
    assertThat(none.holds()).isFalse();
    assertThat(none.potentialIncrease()).isEqualTo(Z);
    assertThat(none.gaps()).containsExactly(HALF, HALF, NashRegret.gaps(COORD, List.of(kl))[0]);
    KlLongRunCheck.LongRunCheck one = KlLongRunCheck.checkLongRun(COORD, List.of(U, kl, kl), eta, ONE_STATE);
    assertThat(one.certifiedSteps()).isEqualTo(1);
    assertThat(one.holds()).isTrue();
  }

  /**
   * m → m: the KL step from a pure policy is the policy itself (its support cannot grow), g = 0, and with c = 0 both
   * lemmas hold with equality: a certified step whose trajectory constant is 0, where the bound is +∞ (vacuous) and
   * holds; Nash-Regret(1) = gap(m) = 4.
   */
  @Test
  void noMassOnABestActionMakesTheBoundVacuous() {
    BigFraction eta = klEta();
    KlRegretCheck.RunCheck run = KlRegretCheck.checkIterates(COORD, List.of(MISMATCH, MISMATCH), eta, ONE_STATE);
    assertThat(run.certifiedSteps()).isEqualTo(1);
    KlRegretCheck.Check check = run.checks().get(0);
    assertThat(check.trajectoryConstant()).isEqualTo(Z);
    assertThat(check.regret()).isEqualTo(BigFraction.of(4));
    assertThat(check.rootTermSquared()).isEmpty();
    assertThat(check.aPosteriori()).isTrue();
    assertThat(check.aPriori()).isTrue();
    assertThat(run.holds()).isTrue();
    KlLongRunCheck.LongRunCheck longRun = KlLongRunCheck.checkLongRun(COORD, List.of(MISMATCH, MISMATCH), eta,
        ONE_STATE);
    assertThat(longRun.trajectoryConstant()).isEqualTo(Z);
    assertThat(longRun.holds()).isTrue();
    assertThat(longRun.regret()).isEqualTo(4.0);
    assertThat(longRun.aPosterioriBound()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(longRun.aPrioriBound()).isEqualTo(Double.POSITIVE_INFINITY);
    // the trajectory constant of a sequence is the least mass on best actions: 0 at m, 1/2 at u
    assertThat(KlRegretCheck.trajectoryConstant(COORD, List.of(MISMATCH, U))).isEqualTo(Z);
    assertThat(KlRegretCheck.trajectoryConstant(COORD, List.of(U, EQUILIBRIUM))).isEqualTo(HALF);
    assertThat(KlRegretCheck.trajectoryConstant(COORD, List.of(EQUILIBRIUM))).isEqualTo(ONE);
  }

  /**
   * e → e at an equilibrium: g = 0, h = 0, c = 1, certified; every gap is 0, so Nash-Regret = 0 and ΔΦ = 0 sit exactly
   * on the boundary of "regret ≥ 0" and "ΔΦ ≥ 0", and both bounds hold.
   */
  @Test
  void anEquilibriumSitsOnEveryBoundary() {
    BigFraction eta = klEta();
    KlRegretCheck.RunCheck run = KlRegretCheck.checkIterates(COORD, List.of(EQUILIBRIUM, EQUILIBRIUM, EQUILIBRIUM),
        eta, ONE_STATE);
    assertThat(run.certifiedSteps()).isEqualTo(2);
    for (KlRegretCheck.Check c : run.checks()) {
      assertThat(c.regret()).isEqualTo(Z);
      assertThat(c.potentialIncrease()).isEqualTo(Z);
      assertThat(c.aPosteriori()).isTrue();
      assertThat(c.aPriori()).isTrue();
    }
    KlLongRunCheck.LongRunCheck longRun = KlLongRunCheck.checkLongRun(COORD, List.of(EQUILIBRIUM, EQUILIBRIUM), eta,
        ONE_STATE);
    assertThat(longRun.aPosteriori()).isTrue();
    assertThat(longRun.aPriori()).isTrue();
    assertThat(longRun.regret()).isEqualTo(0.0);
  }

  /** The exact comparison num/den ≤ x of the long-run check, with x's denominator of either sign. */
  @Test
  void crossMultipliedComparison() {
    BigInteger two = BigInteger.TWO;
    assertThat(KlLongRunCheck.atMost(BigInteger.valueOf(3), two, f(3, 2))).isTrue(); // 3/2 ≤ 3/2
    assertThat(KlLongRunCheck.atMost(BigInteger.valueOf(4), two, f(3, 2))).isFalse(); // 2 > 3/2
    BigFraction minusThreeHalves = BigFraction.of(3, -2); // kept with a negative denominator
    assertThat(minusThreeHalves.getDenominator().signum()).isNegative();
    assertThat(KlLongRunCheck.atMost(BigInteger.valueOf(-3), two, minusThreeHalves)).isTrue(); // −3/2 ≤ −3/2
    assertThat(KlLongRunCheck.atMost(BigInteger.valueOf(-2), two, minusThreeHalves)).isFalse(); // −1 > −3/2
  }

  /** Fewer than two iterates, an empty list, a step size above the bound's limit: refused with one-line reasons. */
  @Test
  void runChecksRefuseWhatTheyCannotCheck() {
    BigFraction eta = klEta();
    assertThatThrownBy(() -> KlRegretCheck.checkIterates(COORD, List.of(U), eta, ONE_STATE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("need pi^0..pi^T with T >= 1; got 1 policies");
    assertThatThrownBy(() -> KlLongRunCheck.checkLongRun(COORD, List.of(U), eta, ONE_STATE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("need pi^0..pi^T with T >= 1; got 1 policies");
    assertThat(KlLongRunCheck.checkLongRun(COORD, List.of(U, klStepFromUniform(eta)), eta, ONE_STATE).steps())
        .isEqualTo(1);
    BigFraction tooLarge = eta.multiply(2);
    assertThatThrownBy(() -> KlRegretCheck.checkIterates(COORD, List.of(U, U), tooLarge, ONE_STATE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the KL Nash-regret bound does not apply");
    assertThatThrownBy(() -> KlLongRunCheck.checkLongRun(COORD, List.of(U, U), tooLarge, ONE_STATE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the KL Nash-regret bound does not apply");
    assertThatThrownBy(() -> KlRegretCheck.checkRoundedRun(COORD, U, tooLarge, ONE_STATE, 1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the KL Nash-regret bound does not apply");
    assertThatThrownBy(() -> KlRegretCheck.checkRoundedRun(COORD, U, eta, ONE_STATE, 0, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("horizon T = 0 must be >= 1");
    assertThat(KlRegretCheck.checkRoundedRun(COORD, U, eta, ONE_STATE, 1, 20).steps()).hasSize(1);
    assertThatThrownBy(() -> KlRegretCheck.trajectoryConstant(COORD, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("at least one iterate is needed");
  }

  /** An interrupted thread stops the checks between evaluations (the time limit of the CLI and the server). */
  @Test
  void interruptedChecksStop() {
    BigFraction eta = klEta();
    try {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> KlRegretCheck.checkIterates(COORD, List.of(U, U), eta, ONE_STATE))
          .isInstanceOf(CancelledException.class);
      assertThatThrownBy(() -> KlLongRunCheck.checkLongRun(COORD, List.of(U, U), eta, ONE_STATE))
          .isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }

  // ---------------------------------------------------------------- KlRows

  /** A policy row longer than its Q̄ row is refused before it is read. */
  @Test
  void longerPolicyRowsAreRefused() {
    BigFraction[] three = {f(1, 3), f(1, 3), f(1, 3)};
    BigFraction[] two = {ONE, Z};
    String message = "policy row has 3 entries but Qbar row has 2; both must have |A_i| >= 1 entries";
    assertThatThrownBy(() -> KlRows.rowStep(three, three, two)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> KlRows.klRowBounds(three, two, ONE, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    BigFraction[] x = {HALF, HALF};
    assertThatThrownBy(() -> KlRows.klRowBounds(x, two, ONE, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("digits must be >= 1, got 0");
    assertThat(KlRows.klRowBounds(x, two, ONE, 1).gain().signum()).isPositive(); // 1 digit is allowed
    BigFraction[] one = KlRows.roundedKlRow(x, two, ONE, 1);
    assertThat(one[0].add(one[1])).isEqualTo(ONE);
  }

  /**
   * With q constant the KL step is the identity (weights x·e^0 = x). At 3 digits B = ⌈3.322·3⌉ = 10 bits: x = (1/1000,
   * 999/1000) has denominator 1000 &lt; 2^10 and is kept exactly; x = (1/1025, 1024/1025) (1025 ≥ 2^10) is rounded:
   * 1/1025 has bit lengths 1 and 11, so e = 10 − (1 − 11) = 20 and k = round(2^20/1025) = round(1023.0009…) = 1023,
   * and the largest entry closes the row.
   */
  @Test
  void roundingKeepsSmallDenominatorsAndRoundsToBBits() {
    BigFraction[] flatQ = {BigFraction.of(5), BigFraction.of(5)};
    assertThat(KlRows.roundedKlRow(new BigFraction[] {f(1, 1000), f(999, 1000)}, flatQ, ONE, 3))
        .containsExactly(f(1, 1000), f(999, 1000));
    BigFraction small = f(1023, 1 << 20);
    assertThat(KlRows.roundedKlRow(new BigFraction[] {f(1, 1025), f(1024, 1025)}, flatQ, ONE, 3))
        .containsExactly(small, ONE.subtract(small));
    // the largest entry may sit anywhere: x = (1024/1025, 1/1025) rounds the same way, mirrored
    assertThat(KlRows.roundedKlRow(new BigFraction[] {f(1024, 1025), f(1, 1025)}, flatQ, ONE, 3))
        .containsExactly(ONE.subtract(small), small);
  }

  /**
   * Zero entries stay 0 through the rounding; an argument of exactly −64 still has a positive lower enclosure end
   * (RationalExp covers it), one below −64 has lower end 0, so its weight vanishes.
   */
  @Test
  void zerosAndTheFloorOfTheExpEnclosure() {
    BigFraction[] rounded = KlRows.roundedKlRow(new BigFraction[] {Z, HALF, HALF}, new BigFraction[] {Z, ONE, Z}, ONE,
        3);
    assertThat(rounded[0]).isEqualTo(Z);
    assertThat(rounded[1].add(rounded[2])).isEqualTo(ONE);
    assertThat(rounded[2].signum()).isPositive();
    BigFraction[] x = {HALF, HALF};
    BigFraction[] at = KlRows.roundedKlRow(x, new BigFraction[] {BigFraction.of(64), Z}, ONE, 30);
    // e^{−64} = 1.60381…e−28, so x⁺_1 = e^{−64}/(1 + e^{−64}) lies in (1.6e−28, 1.7e−28)
    assertThat(at[1].multiply(BigFraction.of(BigInteger.TEN.pow(29))).subtract(BigFraction.of(16)).signum()).isPositive();
    assertThat(at[1].multiply(BigFraction.of(BigInteger.TEN.pow(29))).subtract(BigFraction.of(17)).signum()).isNegative();
    BigFraction[] below = KlRows.roundedKlRow(x, new BigFraction[] {BigFraction.of(65), Z}, ONE, 30);
    assertThat(below).containsExactly(ONE, Z);
  }

  /**
   * A tiny entry keeps about B significant bits: x = (1/2, 1/2), q = (1, 0), η = 10 gives x⁺_1 = 1/(1 + e^{10}) ∈
   * [4.5397868e−5, 4.5397869e−5] (e^{10} = 22026.4657948…); at 3 digits (10 bits) the rounded entry is within a relative
   * 2^−10 of it, and 1/(1 + e) ∈ [0.2689414213, 0.2689414214] (η = 1) within 2^−12 absolute (its exponent e is 11 or
   * 12, so the rounding error is at most 2^−12 and the enclosure's error is below 10^−9 · 2).
   */
  @Test
  void roundedEntriesKeepTheirSignificantBits() {
    BigFraction[] x = {HALF, HALF};
    BigFraction[] q = {ONE, Z};
    BigFraction tiny = KlRows.roundedKlRow(x, q, BigFraction.of(10), 3)[1];
    BigFraction lo = f(45397868, 1_000_000_000_000L);
    BigFraction hi = f(45397869, 1_000_000_000_000L);
    BigFraction rel = f(1, 1024);
    assertThat(tiny.compareTo(lo.multiply(ONE.subtract(rel)))).isPositive();
    assertThat(tiny.compareTo(hi.multiply(ONE.add(rel)))).isNegative();
    BigFraction mid = KlRows.roundedKlRow(x, q, ONE, 3)[1];
    BigFraction tol = f(1, 4096);
    assertThat(mid.compareTo(f(2689414213L, 10_000_000_000L).subtract(tol))).isPositive();
    assertThat(mid.compareTo(f(2689414214L, 10_000_000_000L).add(tol))).isNegative();
  }

  // ---------------------------------------------------------------- NashRegret

  /** The gaps of C's u, m and e are 1/2, 4 and 0 (class comment); from double iterates and from recorded runs too. */
  @Test
  void gapsOfPoliciesByHand() {
    assertThat(NashRegret.gaps(COORD, List.of(U, MISMATCH, EQUILIBRIUM))).containsExactly(HALF, BigFraction.of(4), Z);
    assertThat(NashRegret.gapsOfDoubleIterates(COORD, List.of(U.toDouble(), EQUILIBRIUM.toDouble())))
        .containsExactly(HALF, Z);
    BigFraction[] values = {Z, Z};
    ExactIterate recorded = new ExactIterate(0, U, values, Optional.of(HALF), Optional.empty(), Optional.empty());
    ExactIterate bare = new ExactIterate(1, U, values, Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(NashRegret.gapsOfRun(List.of(recorded))).containsExactly(HALF);
    assertThatThrownBy(() -> NashRegret.gapsOfRun(List.of(recorded, bare))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iterate 1 has no recorded Nash gap");
    TabularMarkovGame none = RandomGames.game(1, 2, 2, 3L);
    assertThatThrownBy(() -> NashRegret.potentialAt(none, Policy.uniform(none), ONE_STATE))
        .isInstanceOf(InvalidGameException.class).hasMessage(none.name() + " declares no stage potential");
  }

  /** The running sums keep a positive denominator even when a gap carries a negative one: −1/2, then −1/2 + 1/3. */
  @Test
  void runningSumsHaveAPositiveDenominator() {
    BigInteger[][] sums = NashRegret.sums(new BigFraction[] {BigFraction.of(1, -2), f(1, 3)}, new int[] {1, 2});
    assertThat(sums[0][1].signum()).isPositive();
    assertThat(BigFraction.of(sums[0][0], sums[0][1])).isEqualTo(f(-1, 2));
    assertThat(sums[1][1].signum()).isPositive();
    assertThat(BigFraction.of(sums[1][0], sums[1][1])).isEqualTo(f(-1, 6));
  }

  /** The k range of the power-of-two fit: 0 is a valid start, 30 a valid end (refused later for too few gaps). */
  @Test
  void powersOfTwoRangeBoundaries() {
    BigFraction[] sixteen = new BigFraction[16];
    java.util.Arrays.fill(sixteen, ONE);
    assertThat(NashRegret.exponentOverPowersOfTwo(sixteen, 0, 1)).isBetween(-1e-12, 1e-12);
    assertThatThrownBy(() -> NashRegret.exponentOverPowersOfTwo(sixteen, 0, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("horizon T = 32 must be in 1..16");
    // a fit of T^{-1/2} at T = 1, 4 (only the centred horizons matter)
    assertThat(NashRegret.exponent(new long[] {1, 4}, new double[] {2, 1})).isBetween(-0.5 - 1e-12, -0.5 + 1e-12);
    Policy twoStates = Policy.uniform(RandomGames.game(2, 2, 2, 7L));
    assertThatThrownBy(() -> NashRegret.stepNormSquared(U, twoStates)).isInstanceOf(InvalidGameException.class)
        .hasMessage("policies of different shapes: 2 agents x 1 states vs 2 x 2");
  }

  // ---------------------------------------------------------------- QAscentRegretCheck, RoundedKlRun

  /**
   * Projected Q-ascent at η = η₀ = 1/16 from u: Q̄_i = (7/4, 5/4), u + η Q̄ = (39/64, 37/64), projected (33/64, 31/64):
   * a 2-digit denominator, so a 1-digit size guard stops before π^1 is evaluated and only T = 0 is available.
   */
  @Test
  void exactRegretRunsStopBySizeAndRefuseAnEmptyHorizon() {
    BigFraction eta = f(1, 16);
    assertThat(ExactDynamics.step(Evaluation.of(COORD, U), Algorithm.PMD_EUCLIDEAN, eta).prob(0, 0, 0))
        .isEqualTo(f(33, 64));
    QAscentRegretCheck.RunCheck stopped = QAscentRegretCheck.checkExactRun(COORD, U, eta, ONE_STATE, 5, 1);
    assertThat(stopped.stoppedBySize()).isTrue();
    assertThat(stopped.gaps()).containsExactly(HALF);
    assertThat(stopped.checks()).isEmpty();
    QAscentRegretCheck.RunCheck one = QAscentRegretCheck.checkExactRun(COORD, U, eta, ONE_STATE, 1, 100);
    assertThat(one.stoppedBySize()).isFalse();
    assertThat(one.checks()).hasSize(1);
    assertThat(one.checks().get(0).regret()).isEqualTo(HALF);
    assertThatThrownBy(() -> QAscentRegretCheck.checkExactRun(COORD, U, eta, ONE_STATE, 0, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("horizon T = 0 must be >= 1");
  }

  /** A rounded KL run of 0 steps is π^0 alone; negative steps and a start of another shape are refused. */
  @Test
  void roundedKlRunEdges() {
    assertThat(RoundedKlRun.roundedKlRun(COORD, U, ONE, 0, 10)).containsExactly(U);
    assertThatThrownBy(() -> RoundedKlRun.roundedKlRun(COORD, U, ONE, -1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("steps must be >= 0, got -1");
    Policy other = Policy.uniform(RandomGames.game(2, 2, 2, 7L));
    assertThatThrownBy(() -> RoundedKlRun.roundedKlRun(COORD, other, ONE, 1, 10))
        .isInstanceOf(InvalidGameException.class);
  }

  // ---------------------------------------------------------------- MonotoneInpgCheck

  /**
   * In a game with Ā = 0 the INPG weights are x itself. At 1 digit (grid 1/10): (1/3, 2/3) has denominator 3 ≤ 10 and
   * is kept exactly (δ = 0, ΔΦ = 0, lower = 0: certified non-decreasing on the boundary); (5/11, 5/11, 1/11) is rounded
   * to (⌊50/11 + 1/2⌋, ·, ⌊10/11 + 1/2⌋)/10 = 5/10, 1/10 for the entries that are not the first largest, which closes
   * the row: (4/10, 5/10, 1/10); with the largest second, (1/11, 5/11, 5/11) → (1/10, 4/10, 5/10); and (1/100, 99/100)
   * rounds 1/100 to 0 on the grid, which is raised to one grid unit: (1/10, 9/10).
   */
  @Test
  void inpgRoundingOnTheGridByHand() {
    TabularMarkovGame two = flat(2);
    MonotoneInpgCheck.Step kept = MonotoneInpgCheck.step(two, row(f(1, 3), f(2, 3)), ONE, 1);
    assertThat(kept.next()).isEqualTo(row(f(1, 3), f(2, 3)));
    assertThat(kept.delta()).isEqualTo(Z);
    assertThat(kept.lower()).isEqualTo(Z);
    assertThat(kept.verdict()).isEqualTo(MonotoneInpgCheck.Verdict.CERTIFIED_NON_DECREASING);
    TabularMarkovGame three = flat(3);
    assertThat(MonotoneInpgCheck.step(three, row(f(5, 11), f(5, 11), f(1, 11)), ONE, 1).next())
        .isEqualTo(row(f(2, 5), HALF, f(1, 10)));
    assertThat(MonotoneInpgCheck.step(three, row(f(1, 11), f(5, 11), f(5, 11)), ONE, 1).next())
        .isEqualTo(row(f(1, 10), f(2, 5), HALF));
    assertThat(MonotoneInpgCheck.step(two, row(f(1, 100), f(99, 100)), ONE, 1).next())
        .isEqualTo(row(f(1, 10), f(9, 10)));
  }

  /**
   * In C at u, Ā_i = (1/4, −1/4), so at η = 30 the INPG exponents differ by η(1/2)/(1 − γ) = 30: e^{−30} ≈ 9.4e−14 has
   * lower enclosure end 0 on the 10^−7 grid of 1 digit, the weight of action 1 vanishes, and the row is raised back to
   * the interior: (9/10, 1/10).
   */
  @Test
  void inpgRowsStayInterior() {
    MonotoneInpgCheck.Step st = MonotoneInpgCheck.step(COORD, U, BigFraction.of(30), 1);
    assertThat(st.next().prob(0, 0, 1)).isEqualTo(f(1, 10));
    assertThat(st.next().prob(1, 0, 1)).isEqualTo(f(1, 10));
  }

  /** INPG runs: 0 steps is an empty list whatever η, bad η and steps are refused, steps are numbered from 0. */
  @Test
  void inpgRunEdges() {
    assertThat(MonotoneInpgCheck.run(COORD, U, Z, 0, 10)).isEmpty();
    assertThatThrownBy(() -> MonotoneInpgCheck.run(COORD, U, ONE, -1, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be >= 0, got -1");
    assertThatThrownBy(() -> MonotoneInpgCheck.run(COORD, U, Z, 1, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eta must be > 0, got 0");
    List<MonotoneInpgCheck.Step> run = MonotoneInpgCheck.run(COORD, U, f(1, 10), 2, 10);
    assertThat(run).extracting(MonotoneInpgCheck.Step::t).containsExactly(0, 1);
    assertThat(run.get(1).from()).isEqualTo(run.get(0).next());
    assertThat(MonotoneInpgCheck.step(flat(2), row(HALF, HALF), ONE, 1).next()).isEqualTo(row(HALF, HALF));
    TabularMarkovGame none = RandomGames.game(1, 1, 2, 3L);
    assertThatThrownBy(() -> MonotoneInpgCheck.step(none, Policy.uniform(none), ONE, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(": the game declares no stage potential phi");
  }

  // ---------------------------------------------------------------- MonotoneProjectedCheck

  /**
   * Projected runs: 0 steps is an empty run (also for an algorithm that cannot run exactly), a run from the pure
   * equilibrium e stops after its first step (the projection of e + η∇ is e), steps are numbered from 0, and the size
   * guard stops a run exactly when an iterate's denominator has more digits than allowed.
   */
  @Test
  void projectedRunEdges() {
    MonotoneProjectedCheck.Run empty = MonotoneProjectedCheck.run(COORD, U, Algorithm.INPG, ONE, 0, 10);
    assertThat(empty.steps()).isEmpty();
    assertThat(empty.stoppedBySize()).isFalse();
    assertThatThrownBy(() -> MonotoneProjectedCheck.run(COORD, U, Algorithm.INPG, ONE, 1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("uses exp and cannot run exactly; run it in double");
    TabularMarkovGame none = RandomGames.game(1, 2, 2, 3L);
    assertThatThrownBy(() -> MonotoneProjectedCheck.run(none, Policy.uniform(none), Algorithm.IPG, ONE, 1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no stage potential");
    MonotoneProjectedCheck.Run fixed = MonotoneProjectedCheck.run(COORD, EQUILIBRIUM, Algorithm.IPG, f(1, 4), 5, 100);
    assertThat(fixed.steps()).hasSize(1);
    assertThat(fixed.steps().get(0).after()).isEqualTo(EQUILIBRIUM);
    MonotoneProjectedCheck.Run two = MonotoneProjectedCheck.run(COORD, U, Algorithm.IPG, f(1, 4), 2, 100);
    assertThat(two.steps()).extracting(MonotoneProjectedCheck.Step::t).containsExactly(0, 1);
    BigFraction eta = f(1, 13);
    Policy first = ExactDynamics.step(Evaluation.of(COORD, U), Algorithm.IPG, eta);
    int digits = ExactDynamics.largestDenominatorDigits(first);
    assertThat(digits).isGreaterThanOrEqualTo(2);
    assertThat(MonotoneProjectedCheck.run(COORD, U, Algorithm.IPG, eta, 1, digits).stoppedBySize()).isFalse();
    MonotoneProjectedCheck.Run cut = MonotoneProjectedCheck.run(COORD, U, Algorithm.IPG, eta, 3, digits - 1);
    assertThat(cut.stoppedBySize()).isTrue();
    assertThat(cut.steps()).hasSize(1);
  }
}
