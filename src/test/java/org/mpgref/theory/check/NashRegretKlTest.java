package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.PolicyMirrorDescent;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;
import org.mpgref.numbers.Rationals;
import org.mpgref.theory.KlRegretBound;
import org.mpgref.theory.PhiMax;
import org.mpgref.theory.StepSizeBounds;

/**
 * The Nash-regret bound for KL policy mirror descent (proofs-notes/nash-regret-kl-pmd.md): the hand example, Lemmas A
 * and B on random rows (rigorously, with rational exp enclosures), Lemma C on random MPGs, the theorem on rounded KL
 * runs and on rationalised double runs, and the refusals.
 */
class NashRegretKlTest {
  private static final TabularMarkovGame COORD = HandGames.coordination(BigFraction.ZERO);
  private static final BigFraction[] ONE_STATE = {BigFraction.ONE};
  private static final int DIGITS = 30;

  /**
   * nash-regret-kl-pmd.md, "Hand check": the coordination game from uniform at η = 2 ln 3 moves both agents to
   * (3/4, 1/4) (pmd-one-state-example.md §3). With q = Q̄ = (1, 1/2): g = 1/8, ‖Δ‖₁² = 1/4, h = 1/4, c = 1/2,
   * h after the step = 1/8. (P1) ⇔ ln 3 ≥ 1, (P2) ⇔ ln 3 ≤ 4; checked at rational η below / above 2 ln 3
   * (ln 3 ∈ [1.0986, 1.0987]) since g η is increasing and f_c(h) increasing in η. Constants of the theorem:
   * R = 1, c_ν = 1, N = 2, η₁ = 1 ≥ η_KL = 1/(4√2); at η = 1/4, c_min = 1/2, T = 1: L = 4, S = 32.
   */
  @Test
  void handDerivedExample() {
    BigFraction[] p = {BigFraction.of(1, 2), BigFraction.of(1, 2)};
    BigFraction[] next = {BigFraction.of(3, 4), BigFraction.of(1, 4)};
    BigFraction[] q = KlRows.qRow(Evaluation.of(COORD, Policy.uniform(COORD)), 0, 0);
    assertThat(q).containsExactly(BigFraction.ONE, BigFraction.of(1, 2));
    RowStep rs = KlRows.rowStep(p, next, q);
    assertThat(rs.gain()).isEqualTo(BigFraction.of(1, 8));
    assertThat(rs.l1Squared()).isEqualTo(BigFraction.of(1, 4));
    assertThat(rs.advantage()).isEqualTo(BigFraction.of(1, 4));
    assertThat(rs.bestMass()).isEqualTo(BigFraction.of(1, 2));
    BigFraction etaLo = BigFraction.of(2 * 10986, 10000);
    BigFraction etaHi = BigFraction.of(2 * 10987, 10000);
    assertThat(rs.lemmaA(etaLo)).isTrue();
    assertThat(rs.lemmaB(etaHi)).isTrue();
    // h(eta) = 1/8 <= h(0)/(1 + c eta h(0)) = 1/(4 + ln 3)
    assertThat(KlRows.advantage(next, q)).isEqualTo(BigFraction.of(1, 8));
    assertThatExact(BigFraction.of(1, 8)).isLessThanOrEqualTo(
        BigFraction.of(1, 4).divide(BigFraction.ONE.add(BigFraction.of(1, 8).multiply(etaHi))));
    // f_c(h) at eta = 2: (1/4)(1/4)/(5/4) = 1/20
    assertThat(KlRegretBound.improvementBound(BigFraction.of(1, 2), BigFraction.of(2), BigFraction.of(1, 4)))
        .isEqualTo(BigFraction.of(1, 20));
    // the rigorous enclosure of the exact step at eta = 2: x+ = (e^(1/2), 1)/(e^(1/2) + 1), so
    // ||Delta||_1 = tanh(1/2) = 0.46211715726..., g = tanh(1/2)/4 = 0.11552928931500243...
    BigFraction two = BigFraction.of(2);
    RowStep enc = KlRows.klRowBounds(p, q, two, DIGITS);
    // tanh(1/2)^2 = 0.21355226703407258985...: the proven upper bound on ||Delta||_1^2 lies within 1e-17 above it
    assertThatExact(enc.l1Squared()).isGreaterThanOrEqualTo(BigFraction.of(21355226703407258L, 100000000000000000L))
        .isLessThanOrEqualTo(BigFraction.of(2135522670340726L, 10000000000000000L));
    assertThatExact(enc.gain()).isLessThanOrEqualTo(BigFraction.of(11552928931500244L, 100000000000000000L))
        .isGreaterThanOrEqualTo(BigFraction.of(11552928931500243L, 100000000000000000L));
    assertThat(enc.lemmaA(two)).isTrue();
    assertThat(enc.lemmaB(two)).isTrue();
    // theorem constants
    KlRegretBound.Assessment as = KlRegretBound.assess(COORD, BigFraction.of(1, 4), ONE_STATE);
    assertThat(as.applies()).isTrue();
    assertThat(as.halfSpan()).isEqualTo(BigFraction.ONE);
    assertThat(as.visitationFloor()).isEqualTo(BigFraction.ONE);
    assertThat(as.stepLimit()).contains(BigFraction.ONE);
    assertThat(as.potentialRange()).contains(BigFraction.of(2));
    assertThat(as.ascentFactor()).isEqualTo(BigFraction.of(1, 2));
    assertThat(KlRegretBound.alaturStepWithinLimit(COORD, BigFraction.of(2), as.stepLimit())).isTrue();
    assertThat(as.linearTerm(1, BigFraction.of(2))).isEqualTo(BigFraction.of(4));
    assertThat(as.rootTermSquared(1, BigFraction.of(2), BigFraction.of(1, 2))).isEqualTo(BigFraction.of(32));
    assertThat(KlRegretCheck.trajectoryConstant(COORD, List.of(Policy.uniform(COORD)))).isEqualTo(BigFraction.of(1, 2));
    // the first rounded step at eta = 1/4 satisfies both step properties, and the run satisfies the theorem
    KlRegretCheck.RunCheck run = KlRegretCheck.checkRoundedRun(COORD, Policy.uniform(COORD), BigFraction.of(1, 4),
        ONE_STATE, 16, DIGITS);
    assertThat(run.holds()).isTrue();
    assertThat(run.checks()).hasSize(16);
    assertThat(run.checks().get(0).regret()).isEqualTo(BigFraction.of(1, 4));
  }

  /**
   * Lemmas A and B on random rows: for random x (with zeros), q and η ∈ [1/50, 5], the exact KL step (enclosed
   * rigorously) satisfies (P1) g ≥ ‖x⁺ − x‖₁²/η and (P2) g ≥ c η h²/(1 + c η h); so does the rounded rational step
   * (checked exactly on the rational row). A constant twice as large in (P1) fails on some rows (tightness).
   */
  @Test
  void lemmasAandBOnRandomRows() {
    int[] failuresOfDoubledConstant = {0};
    Seeds.property("klLemmasAB", 4501L, 200)
        .forAll(integers().between(1, 5), longs().all())
        .checkAssert((n, seed) -> {
          UniformRandomProvider r = RandomGames.rng(seed);
          BigFraction[] x = RandomGames.distribution(r, n);
          BigFraction[] q = new BigFraction[n];
          for (int a = 0; a < n; a++) {
            q[a] = BigFraction.of(r.nextInt(-40, 41), r.nextInt(1, 13));
          }
          BigFraction eta = BigFraction.of(r.nextInt(1, 251), 50);
          RowStep enc = KlRows.klRowBounds(x, q, eta, DIGITS);
          assertThat(enc.lemmaA(eta)).as("(P1) for x = %s, q = %s, eta = %s", List.of(x), List.of(q), eta).isTrue();
          assertThat(enc.lemmaB(eta)).as("(P2) for x = %s, q = %s, eta = %s", List.of(x), List.of(q), eta).isTrue();
          RowStep rounded = KlRows.rowStep(x, KlRows.roundedKlRow(x, q, eta, DIGITS), q);
          assertThat(rounded.lemmaA(eta) && rounded.lemmaB(eta)).as("rounded step, x = %s, q = %s, eta = %s",
              List.of(x), List.of(q), eta).isTrue();
          if (org.mpgref.numbers.Rationals.compare(rounded.gain().multiply(eta), rounded.l1Squared().multiply(2)) < 0) {
            failuresOfDoubledConstant[0]++;
          }
        });
    assertThat(failuresOfDoubledConstant[0]).as("g eta >= 2 ||Delta||_1^2 must fail somewhere").isPositive();
  }

  /**
   * Lemma C on random Markov potential games: for random π, ν uniform, η = η₁ k/4 (k = 1..4) and π⁺ the rounded KL
   * step — any π⁺ satisfying (P1), which is checked first — Φ^{π⁺}(ν) − Φ^π(ν) ≥ c_ν/(2(1−γ)) Σ_i Σ_s g_{i,s}. Exact.
   */
  @Test
  void lemmaCSufficientAscent() {
    Seeds.property("klLemmaC", 4502L, 60)
        .forAll(integers().between(1, 2), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          int quarter = 1 + (int) Math.floorMod(seed >> 8, 4L);
          TabularMarkovGame game = RandomGames.potentialGame(states, agents, actions, seed);
          KlRegretBound.Assessment probe = KlRegretBound.assess(game, BigFraction.ONE);
          if (probe.stepLimit().isEmpty()) {
            return; // R = 0: constant rewards, nothing moves
          }
          BigFraction eta = probe.stepLimit().get().multiply(quarter).divide(4);
          Policy pi = RandomGames.mixedOrPurePolicy(game, RandomGames.rng(~seed));
          Policy next = RoundedKlRun.roundedKlStep(Evaluation.of(game, pi), eta, DIGITS);
          KlRegretCheck.RunCheck check = KlRegretCheck.checkIterates(game, List.of(pi, next), eta, probe.nu());
          KlRegretCheck.StepCheck step = check.steps().get(0);
          assertThat(step.lemmaA()).as("(P1) on the rounded step in %s", game.name()).isTrue();
          assertThat(step.ascent()).as("Lemma C in %s at eta = %s: increase %s, kappa G = %s", game.name(), eta,
              step.potentialIncrease().doubleValue(), probe.ascentFactor().multiply(step.gain()).doubleValue()).isTrue();
        });
  }

  /**
   * The theorem on rounded KL runs of random MPGs (one state, or action-independent transitions), 6 steps at η₁ from a
   * random interior policy: every step certified ((P1), (P2)), Lemma C at every step, and both forms of the bound with
   * the realised ΔΦ and with the range of Φ at every T.
   */
  @Test
  void theoremHoldsOnRoundedKlRuns() {
    Seeds.property("klTheorem", 4503L, 30)
        .forAll(integers().between(1, 2), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = states == 1 ? RandomGames.potentialGame(1, agents, actions, seed)
              : RandomGames.statePotential(states, agents, actions, seed, true);
          KlRegretBound.Assessment probe = KlRegretBound.assess(game, BigFraction.ONE);
          if (probe.stepLimit().isEmpty()) {
            return;
          }
          Policy start = interior(game, RandomGames.rng(~seed));
          KlRegretCheck.RunCheck check = KlRegretCheck.checkRoundedRun(game, start, probe.stepLimit().get(), probe.nu(),
              6, DIGITS);
          assertThat(check.certifiedSteps()).as("certified steps in %s", game.name()).isEqualTo(6);
          for (KlRegretCheck.Check c : check.checks()) {
            assertThat(c.holds()).as("T = %d in %s: NR = %s, c_min = %s", c.horizon(), game.name(),
                c.regret().doubleValue(), c.trajectoryConstant().doubleValue()).isTrue();
          }
          assertThat(check.holds()).isTrue();
        });
  }

  /**
   * The sweep's identical-interest games (NashRegretSweepTest) on short rounded KL runs from uniform at η = min(η_KL',
   * η₁) (η_KL' the 53-bit dyadic below Alatur et al.'s step): 24 steps for the one-state game, 6 for the two-state
   * ones; and the first 64 double KL iterates of the one-state game at η_KL', put on the simplex, are certified and
   * satisfy the theorem at every T ({@code checkIterates}) and at T = 64 ({@code checkLongRun}, same numbers).
   */
  @Test
  void measuredGamesSatisfyTheBound() {
    long[] seeds = {11L, 12L, 13L};
    int[] states = {1, 2, 2};
    int[] horizon = {24, 6, 6};
    for (int k = 0; k < 3; k++) {
      TabularMarkovGame g = RandomGames.identicalInterest(states[k], 2, 2, seeds[k]);
      BigFraction etaKl = StepSizeBounds.pmdKl(g, PhiMax.of(g).orElseThrow().phiMax()).value();
      KlRegretBound.Assessment probe = KlRegretBound.assess(g, etaKl);
      BigFraction eta = probe.applies() ? etaKl : probe.stepLimit().orElseThrow();
      KlRegretCheck.RunCheck check = KlRegretCheck.checkRoundedRun(g, Policy.uniform(g), eta, probe.nu(), horizon[k],
          DIGITS);
      assertThat(check.holds()).as(g.name()).isTrue();
    }
    TabularMarkovGame g1 = RandomGames.identicalInterest(1, 2, 2, 11L);
    BigFraction etaKl = StepSizeBounds.pmdKl(g1, PhiMax.of(g1).orElseThrow().phiMax()).value();
    List<DoublePolicy> it = PolicyMirrorDescent.runDouble(g1.toDouble(), Policy.uniform(g1).toDouble(), Algorithm.PMD_KL,
        etaKl.doubleValue(), 64);
    List<Policy> exact = it.stream().map(Policy::ofDoublePolicy).toList();
    KlRegretCheck.RunCheck check = KlRegretCheck.checkIterates(g1, exact, etaKl, ONE_STATE);
    assertThat(check.certifiedSteps()).isEqualTo(64);
    assertThat(check.holds()).isTrue();
    KlLongRunCheck.LongRunCheck longRun = KlLongRunCheck.checkLongRun(g1, exact, etaKl, ONE_STATE);
    assertThat(longRun.holds()).isTrue();
    assertThat(longRun.certifiedSteps()).isEqualTo(64);
    KlRegretCheck.Check last = check.checks().get(63);
    assertThat(longRun.trajectoryConstant()).isEqualTo(last.trajectoryConstant());
    assertThat(longRun.potentialIncrease()).isEqualTo(last.potentialIncrease());
    // the long run's regret is the exact Nash-Regret(64) rounded once to double (display): within one ulp of it, exactly
    assertThatExact(BigFraction.from(longRun.regret()).subtract(last.regret()).abs())
        .isLessThanOrEqualTo(BigFraction.from(Math.ulp(longRun.regret())));
    // the displayed a-priori bound is L + √S rounded to double: with b its exact value and u = 4 ulp(b),
    // (b − L − u)² ≤ S ≤ (b − L + u)², compared exactly (no double on the exact side)
    BigFraction b = BigFraction.from(longRun.aPrioriBound());
    BigFraction u = BigFraction.from(4 * Math.ulp(longRun.aPrioriBound()));
    BigFraction root = b.subtract(last.linearTerm());
    BigFraction s = last.rootTermSquared().orElseThrow();
    assertThat(root.subtract(u).signum()).isPositive();
    assertThatExact(root.subtract(u).multiply(root.subtract(u))).isLessThanOrEqualTo(s);
    assertThatExact(s).isLessThanOrEqualTo(root.add(u).multiply(root.add(u)));
    assertThat(longRun.regret()).isLessThan(longRun.aPosterioriBound()).isLessThan(longRun.aPrioriBound());
  }

  /** The run checks are refused, with a one-line reason, where the bound does not apply or a row is malformed. */
  @Test
  void runChecksRefusedAboveTheStepLimit() {
    assertThatThrownBy(() -> KlRegretCheck.checkRoundedRun(COORD, Policy.uniform(COORD), BigFraction.of(2), ONE_STATE, 2,
        DIGITS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the KL Nash-regret bound does not apply: eta = 2");
    assertThatThrownBy(() -> KlRows.rowStep(new BigFraction[] {BigFraction.ONE}, new BigFraction[0],
        new BigFraction[] {BigFraction.ONE})).isInstanceOf(IllegalArgumentException.class);
  }

  /** A random policy mixed half-and-half with the uniform one: every entry positive. */
  private static Policy interior(MarkovGame game, UniformRandomProvider r) {
    Policy p = RandomGames.policy(game, r);
    Policy u = Policy.uniform(game);
    BigFraction[][][] x = new BigFraction[game.agentCount()][game.stateCount()][];
    for (int i = 0; i < game.agentCount(); i++) {
      for (int s = 0; s < game.stateCount(); s++) {
        x[i][s] = new BigFraction[game.actionCount(i)];
        for (int a = 0; a < x[i][s].length; a++) {
          x[i][s][a] = p.prob(i, s, a).add(u.prob(i, s, a)).divide(2);
        }
      }
    }
    return Policy.of(x);
  }
}
