package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.dynamics.Run;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.PolicyMirrorDescent;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;
import org.mpgref.theory.QAscentRegretBound;
import org.mpgref.theory.RegretConstants;
import org.mpgref.theory.StepSizeBounds;

/**
 * Nash regret and the proven bound for projected Q-ascent (proofs-notes/nash-regret-projected-q-ascent.md): the hand
 * example (proofs-notes/pmd-one-state-example.md), each lemma checked exactly on random games, the theorem checked on
 * exact runs, the visitation floor against brute force, and the exponent measurement on known data.
 */
class NashRegretTest {
  private static final TabularMarkovGame COORD = HandGames.coordination(BigFraction.ZERO);
  private static final BigFraction[] ONE_STATE = {BigFraction.ONE};

  /** pmd-one-state-example.md §2 and §4: gaps 1/4 and 4221/16384, Nash-Regret(2) = 8317/32768, the lemmas' numbers. */
  @Test
  void handDerivedExample() {
    BigFraction eta = BigFraction.of(1, 32);
    Run<ExactIterate> run = PolicyMirrorDescent.runExactEuclidean(COORD, Policy.uniform(COORD), eta, 1, 1000);
    BigFraction[] gaps = NashRegret.gapsOfRun(run.iterates());
    assertThat(gaps).containsExactly(BigFraction.of(1, 4), BigFraction.of(4221, 16384));
    assertThat(NashRegret.regret(gaps, 1)).isEqualTo(BigFraction.of(1, 4));
    assertThat(NashRegret.regret(gaps, 2)).isEqualTo(BigFraction.of(8317, 32768));
    assertThat(RegretConstants.rewardHalfSpan(COORD)).isEqualTo(BigFraction.ONE);
    assertThat(RegretConstants.visitationFloor(COORD, ONE_STATE)).isEqualTo(BigFraction.ONE);
    assertThat(RegretConstants.coverage(COORD)).contains(BigFraction.ONE);
    // Lemma 1: U = 1/4096, K'^2 = 2 (2·32² + 2·1) = 4100, gap^2 = 1/16 <= 4100/4096
    Policy p0 = run.iterates().get(0).policy();
    Policy p1 = run.iterates().get(1).policy();
    assertThat(NashRegret.stepNormSquared(p0, p1)).isEqualTo(BigFraction.of(1, 4096));
    assertThat(QAscentRegretBound.gapConstantSquared(COORD, eta, BigFraction.ONE)).isEqualTo(BigFraction.of(4100));
    // Lemma 2: Phi increases by 131/16384 >= c U / (2 eta (1-gamma)) = 64/16384
    BigFraction increase = NashRegret.potentialAt(COORD, p1, ONE_STATE).subtract(NashRegret.potentialAt(COORD, p0, ONE_STATE));
    assertThat(increase).isEqualTo(BigFraction.of(131, 16384));
    // Theorem: eta_0 = 1/4; a-priori bound on NR(T)^2 is 1025/(2T) at eta = 1/32 and 68/T at eta = 1/4
    QAscentRegretBound.Assessment as = QAscentRegretBound.assess(COORD, eta, ONE_STATE);
    assertThat(as.applies()).isTrue();
    assertThat(as.stepLimit()).contains(BigFraction.of(1, 4));
    assertThat(as.potentialRange()).contains(BigFraction.of(2));
    assertThat(as.aPrioriSquared(3)).isEqualTo(BigFraction.of(1025, 6));
    assertThat(QAscentRegretBound.assess(COORD, BigFraction.of(1, 4), ONE_STATE).aPrioriSquared(1))
        .isEqualTo(BigFraction.of(68));
  }

  /**
   * Lemma 1, for ANY game (MPG or not), any policy π and any η &gt; 0: with π⁺ the projected Q-ascent step,
   * (max_i gap_i(π)(ρ))² ≤ K'² U, K'² = (2/(1−γ)²)(2/η² + A_max R²/(1−γ)²), U = ‖π⁺ − π‖₂². Exact.
   */
  @Test
  void lemma1GapIsBoundedByTheStep() {
    Seeds.property("nashRegretLemma1", 4401L, 80)
        .forAll(integers().between(1, 3), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          int etaDen = 1 + (int) Math.floorMod(seed, 200L); // η = 1/etaDen, 1/200..1
          TabularMarkovGame game = RandomGames.anyGame(states, agents, actions, seed);
          Policy pi = RandomGames.mixedOrPurePolicy(game, RandomGames.rng(~seed));
          BigFraction eta = BigFraction.of(1, etaDen);
          Evaluation ev = Evaluation.of(game, pi);
          Policy next = PolicyMirrorDescent.exactEuclideanStep(ev, eta);
          BigFraction gap = NashGap.of(ev).nashGap();
          BigFraction bound = QAscentRegretBound.gapConstantSquared(game, eta, RegretConstants.rewardHalfSpan(game))
              .multiply(NashRegret.stepNormSquared(pi, next));
          assertThatExact(gap.multiply(gap)).as("Lemma 1 in %s at eta = %s from%n%s", game.name(), eta, pi)
              .isLessThanOrEqualTo(bound);
        });
  }

  /**
   * Lemma 2, for random Markov potential games (identical interest, or state potentials with action-independent
   * transitions), random π, ν uniform and η = η₀ k/4 (k = 1..4): Φ^{π⁺}(ν) − Φ^π(ν) ≥ c U / (2η(1−γ)). Exact.
   */
  @Test
  void lemma2SufficientAscent() {
    Seeds.property("nashRegretLemma2", 4402L, 80)
        .forAll(integers().between(1, 2), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          int quarter = 1 + (int) Math.floorMod(seed >> 8, 4L); // η = η₀ k/4, k = 1..4
          TabularMarkovGame game = RandomGames.potentialGame(states, agents, actions, seed);
          BigFraction[] nu = RegretConstants.uniform(game);
          BigFraction c = RegretConstants.visitationFloor(game, nu);
          BigFraction r = RegretConstants.rewardHalfSpan(game);
          if (r.signum() == 0) {
            return; // constant rewards: nothing moves
          }
          BigFraction eta = StepSizeBounds.projectedQAscentSufficientAscent(game, c, r).multiply(quarter).divide(4);
          Policy pi = RandomGames.mixedOrPurePolicy(game, RandomGames.rng(~seed));
          Policy next = PolicyMirrorDescent.exactEuclideanStep(Evaluation.of(game, pi), eta);
          BigFraction increase = NashRegret.potentialAt(game, next, nu).subtract(NashRegret.potentialAt(game, pi, nu));
          BigFraction oneMinusGamma = BigFraction.ONE.subtract(game.discount());
          BigFraction lower = c.multiply(NashRegret.stepNormSquared(pi, next))
              .divide(eta.multiply(2).multiply(oneMinusGamma));
          assertThatExact(increase).as("Lemma 2 in %s at eta = %s from%n%s", game.name(), eta, pi)
              .isGreaterThanOrEqualTo(lower);
        });
  }

  /**
   * The theorem on exact runs: for random MPGs whose exact iterates stay small (one state, or action-independent
   * transitions), 6 exact steps at η₀ from a random interior-or-boundary start; for every T ≤ 6,
   * 0 ≤ Nash-Regret(T) and Nash-Regret(T)² ≤ both the a-posteriori and the a-priori bound.
   */
  @Test
  void theoremHoldsOnExactRuns() {
    Seeds.property("nashRegretTheorem", 4403L, 40)
        .forAll(integers().between(1, 2), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = states == 1 ? RandomGames.potentialGame(1, agents, actions, seed)
              : RandomGames.statePotential(states, agents, actions, seed, true);
          BigFraction[] nu = RegretConstants.uniform(game);
          BigFraction r = RegretConstants.rewardHalfSpan(game);
          if (r.signum() == 0) {
            return;
          }
          QAscentRegretBound.Assessment probe = QAscentRegretBound.assess(game, BigFraction.ONE, nu);
          BigFraction eta = probe.stepLimit().orElseThrow();
          Policy start = RandomGames.policy(game, RandomGames.rng(~seed));
          QAscentRegretCheck.RunCheck check = QAscentRegretCheck.checkExactRun(game, start, eta, nu, 6, 600);
          assertThat(check.checks()).isNotEmpty();
          for (QAscentRegretCheck.Check c : check.checks()) {
            assertThatExact(c.regret()).isGreaterThanOrEqualTo(BigFraction.ZERO);
            assertThat(c.holds()).as("T = %d in %s: NR^2 = %s, bounds %s, %s", c.horizon(), game.name(),
                c.regret().multiply(c.regret()).doubleValue(), c.aPosterioriSquared().doubleValue(),
                c.aPrioriSquared().doubleValue()).isTrue();
          }
          BigFraction[] phi = check.potentials();
          for (int t = 1; t < phi.length; t++) {
            assertThatExact(phi[t]).as("Phi is non-decreasing (Lemma 2)").isGreaterThanOrEqualTo(phi[t - 1]);
          }
        });
  }

  /**
   * The identical-interest games of the heavy sweep (NashRegretSweepTest; specs/nash-regret.md) on short exact runs at
   * their η₀ from the uniform policy: 32 steps for the one-state game, 5 for the two-state games (their exact iterates'
   * denominators grow geometrically). Nash regret is non-negative and below both bounds at every T.
   */
  @Test
  void measuredGamesSatisfyTheBoundOnShortExactRuns() {
    long[] seeds = {11L, 12L, 13L};
    int[] states = {1, 2, 2};
    int[] horizon = {32, 5, 5};
    for (int k = 0; k < 3; k++) {
      TabularMarkovGame g = RandomGames.identicalInterest(states[k], 2, 2, seeds[k]);
      BigFraction[] nu = RegretConstants.uniform(g);
      BigFraction eta0 = QAscentRegretBound.assess(g, BigFraction.ONE, nu).stepLimit().orElseThrow();
      QAscentRegretCheck.RunCheck check = QAscentRegretCheck.checkExactRun(g, Policy.uniform(g), eta0, nu, horizon[k], 10_000);
      assertThat(check.stoppedBySize()).as(g.name()).isFalse();
      assertThat(check.checks()).hasSize(horizon[k]);
      for (QAscentRegretCheck.Check c : check.checks()) {
        assertThatExact(c.regret()).isGreaterThanOrEqualTo(BigFraction.ZERO);
        assertThat(c.holds()).as("T = %d in %s", c.horizon(), g.name()).isTrue();
      }
    }
  }

  /**
   * The hand game at η₀ = 1/4 reaches the pure Nash policy (0,0) exactly after a few steps, so every later gap is 0
   * and Nash-Regret(T) = (sum of the first gaps)/T: the measured exponent over T = 8..64 is exactly −1 (up to
   * rounding of the logarithms), faster than the T^{−1/2} of the bound.
   */
  @Test
  void exponentOfAConvergedRunIsMinusOne() {
    QAscentRegretCheck.RunCheck check = QAscentRegretCheck.checkExactRun(COORD, Policy.uniform(COORD), BigFraction.of(1, 4), ONE_STATE,
        64, 1000);
    assertThat(check.holds()).isTrue();
    BigFraction[] gaps = check.gaps();
    assertThat(gaps[8]).isEqualTo(BigFraction.ZERO);
    assertThat(NashRegret.exponentOverPowersOfTwo(gaps, 3, 6)).isCloseTo(-1.0, Offset.offset(1e-12));
  }

  /** The one-pass unreduced summation of {@link NashRegret#regrets} equals the naive BigFraction sum / T. */
  @Test
  void regretsEqualTheNaiveAverage() {
    Seeds.property("regretsNaive", 4405L, 100)
        .forAll(integers().between(1, 40), longs().all())
        .checkAssert((n, seed) -> {
          UniformRandomProvider r = RandomGames.rng(seed);
          BigFraction[] gaps = new BigFraction[n];
          for (int t = 0; t < n; t++) {
            gaps[t] = BigFraction.of(r.nextInt(0, 1000), r.nextInt(1, 1000));
          }
          int[] hs = {1, Math.max(1, n / 3) + (n / 3 >= 1 ? 1 : 0), n};
          hs = java.util.Arrays.stream(hs).distinct().sorted().filter(h -> h <= n).toArray();
          BigFraction[] fast = NashRegret.regrets(gaps, hs);
          for (int k = 0; k < hs.length; k++) {
            BigFraction sum = BigFraction.ZERO;
            for (int t = 0; t < hs[k]; t++) {
              sum = sum.add(gaps[t]);
            }
            assertThat(fast[k]).isEqualTo(sum.divide(hs[k]));
            assertThat(NashRegret.regretsToDouble(gaps, hs)[k]).isCloseTo(sum.divide(hs[k]).doubleValue(),
                Offset.offset(Math.ulp(sum.divide(hs[k]).doubleValue()) * 2));
          }
        });
  }

  /** The least-squares slope recovers the exponent of exact power laws. */
  @Test
  void exponentOfAPowerLaw() {
    long[] t = {1, 2, 4, 8, 16, 32};
    double[] v = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      v[k] = 3 / Math.sqrt(t[k]);
    }
    assertThat(NashRegret.exponent(t, v)).isCloseTo(-0.5, Offset.offset(1e-12));
    assertThatThrownBy(() -> NashRegret.exponent(new long[] {1, 2}, new double[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value[1] = 0.0 at T = 2");
    assertThatThrownBy(() -> NashRegret.regret(new BigFraction[] {BigFraction.ONE}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon T = 2 must be in 1..1");
  }

  /** The exact-run check is refused, with a one-line reason, where the bound does not apply. */
  @Test
  void checkExactRunRefusedAboveTheStepLimit() {
    assertThatThrownBy(() -> QAscentRegretCheck.checkExactRun(COORD, Policy.uniform(COORD), BigFraction.ONE, ONE_STATE, 2, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the Nash-regret bound does not apply: eta = 1");
  }

  private static BigFraction min(BigFraction a, BigFraction b) {
    return Rationals.compare(a, b) <= 0 ? a : b;
  }
}
