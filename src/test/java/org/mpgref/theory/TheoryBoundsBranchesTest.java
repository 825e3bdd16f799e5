package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.theory.Constant.Status;

/**
 * The branches of {@link TheoryBounds#of} that the coordination game of {@code TheoryBoundsTest} does not reach, each
 * on a game small enough to do by hand: rewards in [0, 1] (Fox et al.'s Theorem 3.1 gives a step), a violated
 * potential, a potential identically 0 with a state that ρ never starts in, one agent (η_KL rational), a game past
 * both size guards (nothing is enumerated), and the notes and qualifiers of the proven bounds.
 */
class TheoryBoundsBranchesTest {
  private static final BigFraction HALF = BigFraction.of(1, 2);
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;

  private static BigFraction value(TheoryBounds b, String tag) {
    return b.constant(tag).orElseThrow().value().orElseThrow(() -> new AssertionError(tag + " has no value"));
  }

  private static Constant constant(TheoryBounds b, String tag) {
    return b.constant(tag).orElseThrow(() -> new AssertionError("no " + tag));
  }

  private static String note(TheoryBounds b, String tag) {
    return constant(b, tag).note().orElseThrow(() -> new AssertionError(tag + " has no note"));
  }

  /** One state, 2×2, γ = 1/2, r = (1, 0, 0, 1/2) for both agents (joint index, agent 0 fastest) and the given φ. */
  private static TabularMarkovGame unitCoordination(String name, BigFraction[] phi) {
    BigFraction q = BigFraction.of(1, 2);
    BigFraction[][][] r = {{{ONE, ONE}, {Z, Z}, {Z, Z}, {q, q}}};
    BigFraction[][][] p = {{{ONE}, {ONE}, {ONE}, {ONE}}};
    return TabularMarkovGame.withPotential(name, new int[] {2, 2}, HALF, new BigFraction[] {ONE}, r, p,
        new BigFraction[][] {phi}, StagePotential.Condition.IDENTICAL_INTEREST);
  }

  private static TabularMarkovGame unitCoordination() {
    return unitCoordination("unit", new BigFraction[] {ONE, Z, Z, HALF});
  }

  /**
   * r = φ ∈ [0, 1] (both ends attained), one state: M = 1, so Theorem 3.1 gives η &lt; (1−γ)³/(27 N² A_max² M) =
   * (1/8)/(27·4·4) = 1/3456. φ_max = max_π r_π/(1−γ) = 1/(1/2) = 2; η_E = (1−γ)/(4 φ_max Σ|A_i|) = (1/2)/32 = 1/64;
   * η_KL² = (1−γ)²/(4 φ_max² N) = (1/4)/32 = 1/128 (irrational root). φ̂ = 1/2, L = (1+γ) φ̂ Σ|A_i|/(1−γ)³ =
   * (3/2)(1/2)·4·8 = 24: 2/L = 1/12, 1/L = 1/24, 2ρ_min/L = 1/12. R = 1/2, c = 1: η₀ = (1/4)·1/((1/2)·4) = 1/8.
   */
  @Test
  void rewardsInTheUnitIntervalGiveTheInpgStep() {
    TheoryBounds b = TheoryBounds.of(unitCoordination(), TheoryBounds.Expensive.AUTO);
    assertThat(value(b, "REWARDMIN")).isEqualTo(Z);
    assertThat(value(b, "REWARDMAX")).isEqualTo(ONE);
    assertThat(value(b, "REWARDHALFSPAN")).isEqualTo(HALF);
    assertThat(constant(b, "REWARDHALFSPAN").qualifiers()).containsExactly("exact");
    assertThat(constant(b, "REWARDHALFSPAN").note()).isEmpty();
    assertThat(value(b, "INPGFORMULA")).isEqualTo(BigFraction.of(1, 3456));
    assertThat(note(b, "INPGFORMULA")).startsWith("the formula's value with M exact, whatever the rewards");
    assertThat(constant(b, "INPGFORMULA").qualifiers()).containsExactly("m-exact");
    assertThat(value(b, "INPGSTEP")).isEqualTo(BigFraction.of(1, 3456));
    assertThat(note(b, "INPGSTEP")).isEqualTo("strict: eta < value; M exact");
    assertThat(constant(b, "INPGSTEP").qualifiers()).containsExactly("m-exact");
    assertThat(value(b, "PHIMAX")).isEqualTo(BigFraction.of(2));
    assertThat(constant(b, "PHIMAX").note()).isEmpty();
    assertThat(value(b, "PMDSTEPEUCLID")).isEqualTo(BigFraction.of(1, 64));
    assertThat(constant(b, "PMDSTEPEUCLID").note()).isEmpty();
    assertThat(constant(b, "PMDSTEPEUCLID").qualifiers()).containsExactly("phimax-exact");
    assertThat(value(b, "PMDSTEPKLSQUARED")).isEqualTo(BigFraction.of(1, 128));
    assertThat(note(b, "PMDSTEPKLSQUARED")).isEqualTo("eta_KL^2 = (1-gamma)^2/(4 phi_max^2 N), exact");
    assertThat(note(b, "PMDSTEPKL")).isEqualTo("eta_KL is irrational; the largest k/2^m <= eta_KL with k of 53 bits"
        + " (a double; eta_KL - value < 2^-52 value)");
    assertThat(constant(b, "PMDSTEPKL").qualifiers()).containsExactly("phimax-exact", "rounded-down");
    assertThat(value(b, "PHIHALFSPAN")).isEqualTo(HALF);
    assertThat(value(b, "IPGSTEPNONDECREASING")).isEqualTo(BigFraction.of(1, 12));
    assertThat(value(b, "IPGSTEPASCENT")).isEqualTo(BigFraction.of(1, 24));
    assertThat(value(b, "QASCENTSTEPNONDECREASING")).isEqualTo(BigFraction.of(1, 12));
    assertThat(value(b, "VISITATIONFLOOR")).isEqualTo(ONE);
    assertThat(constant(b, "VISITATIONFLOOR").note()).isEmpty();
    assertThat(value(b, "NASHREGRETSTEP")).isEqualTo(BigFraction.of(1, 8));
    assertThat(note(b, "NASHREGRETSTEP")).isEqualTo("eta_0 = (1-gamma)^2 c/(R sum_i |A_i|), nu uniform");
    assertThat(constant(b, "NASHREGRETSTEP").qualifiers()).containsExactly("c-exact", "r-exact");
  }

  /**
   * The same game with proven bounds only: M ≤ 1/((1−γ) ρ_min) = 2 gives (1/8)/(27·16·2) = 1/6912; φ_max ≤ max|φ|/(1−γ)
   * = 2 (the same number, now a bound); c ≥ (1−γ) min ν = 1/2 gives η₀ = (1/4)(1/2)/((1/2)·4) = 1/16.
   */
  @Test
  void provenBoundsCarryTheirNotes() {
    TheoryBounds b = TheoryBounds.of(unitCoordination(), TheoryBounds.Expensive.NEVER);
    String fallback = "exact value not computed: --expensive never; proven bound";
    assertThat(value(b, "MISMATCH")).isEqualTo(BigFraction.of(2));
    assertThat(note(b, "MISMATCH")).isEqualTo(fallback + " 1/((1-gamma) min_s rho(s))");
    assertThat(constant(b, "MISMATCH").qualifiers()).containsExactly("bound");
    assertThat(value(b, "INPGFORMULA")).isEqualTo(BigFraction.of(1, 6912));
    assertThat(note(b, "INPGFORMULA")).startsWith("the formula's value with M replaced by its bound, whatever");
    assertThat(constant(b, "INPGFORMULA").qualifiers()).containsExactly("m-bound");
    assertThat(value(b, "INPGSTEP")).isEqualTo(BigFraction.of(1, 6912));
    assertThat(note(b, "INPGSTEP")).isEqualTo("strict: eta < value; M replaced by its bound (a larger M gives a"
        + " smaller, still valid, step)");
    assertThat(constant(b, "INPGSTEP").qualifiers()).containsExactly("m-bound");
    assertThat(value(b, "PHIMAX")).isEqualTo(BigFraction.of(2));
    assertThat(note(b, "PHIMAX")).isEqualTo(fallback + " max_{s,a} |phi(s,a)|/(1-gamma) >= phi_max");
    String bound = "computed with the bound on phi_max: a smaller, more conservative step than the seed's";
    assertThat(note(b, "PMDSTEPEUCLID")).isEqualTo(bound);
    assertThat(constant(b, "PMDSTEPEUCLID").qualifiers()).containsExactly("phimax-bound");
    assertThat(note(b, "PMDSTEPKLSQUARED")).isEqualTo("eta_KL^2 = (1-gamma)^2/(4 phi_max^2 N), exact; " + bound);
    assertThat(note(b, "PMDSTEPKL")).startsWith("eta_KL is irrational").endsWith("; " + bound);
    assertThat(value(b, "VISITATIONFLOOR")).isEqualTo(HALF);
    assertThat(note(b, "VISITATIONFLOOR")).isEqualTo(fallback + " (1-gamma) min_s nu(s) <= c");
    assertThat(value(b, "NASHREGRETSTEP")).isEqualTo(BigFraction.of(1, 16));
    assertThat(note(b, "NASHREGRETSTEP")).isEqualTo("eta_0 = (1-gamma)^2 c/(R sum_i |A_i|), nu uniform; computed"
        + " with bounds on c and/or R (a smaller, still valid, limit)");
  }

  /**
   * φ = (1, 0, 0, 0) claimed as identical interest although r = (1, 0, 0, 1/2): the potential is violated, yet the
   * rewards are in [0, 1], so Theorem 3.1's step is reported with the caveat that the game is not known to be an MPG.
   */
  @Test
  void aViolatedPotentialKeepsTheInpgStepWithACaveat() {
    TabularMarkovGame g = unitCoordination("wrong", new BigFraction[] {ONE, Z, Z, Z});
    TheoryBounds b = TheoryBounds.of(g, TheoryBounds.Expensive.AUTO);
    assertThat(b.potential().status()).isEqualTo(Status.VIOLATED);
    String problem = b.potential().note().orElseThrow();
    assertThat(problem).startsWith("wrong: the declared condition identical-interest fails");
    assertThat(value(b, "INPGSTEP")).isEqualTo(BigFraction.of(1, 3456));
    assertThat(note(b, "INPGSTEP")).isEqualTo("strict: eta < value; M exact; the theorem assumes a Markov potential"
        + " game, which is not established here: " + problem);
    for (String tag : new String[] {"PHIMAX", "PMDSTEPEUCLID", "PMDSTEPKLSQUARED", "PMDSTEPKL", "PHIHALFSPAN",
        "IPGSTEPNONDECREASING", "IPGSTEPASCENT", "QASCENTSTEPNONDECREASING", "NASHREGRETSTEP"}) {
      assertThat(constant(b, tag).status()).as(tag).isEqualTo(Status.NOT_APPLICABLE);
      assertThat(note(b, tag)).as(tag).isEqualTo(problem);
    }
  }

  /** Two states, one agent with one action, 0 → 1 → 1 surely, γ = 1/2, r = φ = 0 (identical interest, verified). */
  private static TabularMarkovGame zeroChain(BigFraction rho0) {
    BigFraction[][][] r = {{{Z}}, {{Z}}};
    BigFraction[][][] p = {{{Z, ONE}}, {{Z, ONE}}};
    return TabularMarkovGame.withPotential("zero-chain", new int[] {1}, HALF, new BigFraction[] {rho0,
        ONE.subtract(rho0)}, r, p, new BigFraction[][] {{Z}, {Z}}, StagePotential.Condition.IDENTICAL_INTEREST);
  }

  /**
   * The zero chain started in state 1 (ρ = (0, 1)): state 0 is never visited, so min_π d_ρ^π(0) = 0 and M = +∞ (no
   * INPG formula, no INPG step); ρ_min = 0 leaves no closed-form mismatch bound and no Q-ascent step; φ = 0 makes
   * φ_max = 0 (PMD steps undefined) and φ̂ = 0 (IPG steps unbounded); R = 0 makes the Nash-regret step unbounded. The
   * visitation floor at ν uniform: d_ν(0) = (1−γ)(1/2)·1 = 1/4 (W(0) = 1, W(1) = 0 for the target 0) and
   * d_ν(1) = (1−γ)((1/2)·1 + (1/2)·2) = 3/4 (W(0) = γ·2 = 1, W(1) = 1/(1−γ) = 2), so c = 1/4.
   */
  @Test
  void aPotentialIdenticallyZeroOnAChainThatRhoStartsPastItsFirstState() {
    TheoryBounds b = TheoryBounds.of(zeroChain(Z), TheoryBounds.Expensive.AUTO);
    assertThat(value(b, "RHOMIN")).isEqualTo(Z);
    assertThat(value(b, "STATES")).isEqualTo(BigFraction.of(2));
    assertThat(constant(b, "MISMATCH").status()).isEqualTo(Status.INFINITE);
    assertThat(note(b, "MISMATCH")).isEqualTo("min_pi d_rho^pi(s) = 0 at state 0: some product policy never visits"
        + " it");
    assertThat(constant(b, "MISMATCHBOUND").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(note(b, "MISMATCHBOUND")).isEqualTo("some rho(s) = 0");
    assertThat(b.constant("INPGFORMULA")).isEmpty();
    assertThat(b.inpg().formula()).isEmpty();
    assertThat(constant(b, "INPGSTEP").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(note(b, "INPGSTEP")).isEqualTo("no finite mismatch coefficient M (see MISMATCH)");
    assertThat(value(b, "PHIMAX")).isEqualTo(Z);
    for (String tag : new String[] {"PMDSTEPEUCLID", "PMDSTEPKLSQUARED", "PMDSTEPKL"}) {
      assertThat(constant(b, tag).status()).as(tag).isEqualTo(Status.NOT_APPLICABLE);
      assertThat(note(b, tag)).as(tag).startsWith("phi_max = 0: the declared potential is identically 0");
    }
    assertThat(value(b, "PHIHALFSPAN")).isEqualTo(Z);
    for (String tag : new String[] {"IPGSTEPNONDECREASING", "IPGSTEPASCENT"}) {
      assertThat(constant(b, tag).status()).as(tag).isEqualTo(Status.UNBOUNDED);
      assertThat(note(b, tag)).as(tag).isEqualTo("phi is constant, so Phi is constant and every step keeps it");
    }
    assertThat(constant(b, "QASCENTSTEPNONDECREASING").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(note(b, "QASCENTSTEPNONDECREASING")).isEqualTo("some rho(s) = 0; the bound needs rho > 0");
    assertThat(value(b, "VISITATIONFLOOR")).isEqualTo(BigFraction.of(1, 4));
    assertThat(value(b, "REWARDHALFSPAN")).isEqualTo(Z);
    assertThat(constant(b, "NASHREGRETSTEP").status()).isEqualTo(Status.UNBOUNDED);
    assertThat(note(b, "NASHREGRETSTEP")).isEqualTo("R = 0: every agent's reward is constant");

    TheoryBounds never = TheoryBounds.of(zeroChain(Z), TheoryBounds.Expensive.NEVER);
    assertThat(constant(never, "MISMATCH").status()).isEqualTo(Status.NOT_COMPUTED);
    assertThat(note(never, "MISMATCH")).isEqualTo("exact value not computed: --expensive never; no closed-form bound"
        + " either, since some rho(s) = 0");
    assertThat(constant(never, "INPGSTEP").status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  /**
   * ρ = (3/4, 1/4) and (1/4, 3/4): ρ_min = 1/4 wherever it sits; with ρ &gt; 0 and φ constant the Q-ascent step is
   * unbounded.
   */
  @Test
  void rhoMinIsTheSmallestEntryWhereverItSits() {
    TheoryBounds late = TheoryBounds.of(zeroChain(BigFraction.of(3, 4)), TheoryBounds.Expensive.NEVER);
    assertThat(value(late, "RHOMIN")).isEqualTo(BigFraction.of(1, 4));
    TheoryBounds early = TheoryBounds.of(zeroChain(BigFraction.of(1, 4)), TheoryBounds.Expensive.NEVER);
    assertThat(value(early, "RHOMIN")).isEqualTo(BigFraction.of(1, 4));
    assertThat(constant(early, "QASCENTSTEPNONDECREASING").status()).isEqualTo(Status.UNBOUNDED);
    assertThat(note(early, "QASCENTSTEPNONDECREASING")).isEqualTo("phi is constant, so Phi is constant and every step"
        + " keeps it");
  }

  /**
   * One agent, one state, two actions, r = φ = (1, 0), γ = 1/2: φ_max = 1/(1−γ) = 2, and with N = 1 the KL step
   * (1−γ)/(2 φ_max √1) = (1/2)/4 = 1/8 is rational, so it is reported exactly; η_KL² = 1/64.
   */
  @Test
  void oneAgentHasARationalKlStep() {
    BigFraction[][][] r = {{{ONE}, {Z}}};
    BigFraction[][][] p = {{{ONE}, {ONE}}};
    TabularMarkovGame g = TabularMarkovGame.withPotential("single", new int[] {2}, HALF, new BigFraction[] {ONE}, r,
        p, new BigFraction[][] {{ONE, Z}}, StagePotential.Condition.IDENTICAL_INTEREST);
    TheoryBounds b = TheoryBounds.of(g, TheoryBounds.Expensive.AUTO);
    assertThat(value(b, "PHIMAX")).isEqualTo(BigFraction.of(2));
    assertThat(value(b, "PMDSTEPKLSQUARED")).isEqualTo(BigFraction.of(1, 64));
    assertThat(value(b, "PMDSTEPKL")).isEqualTo(BigFraction.of(1, 8));
    assertThat(note(b, "PMDSTEPKL")).isEqualTo("eta_KL is rational; exact");
    assertThat(constant(b, "PMDSTEPKL").qualifiers()).containsExactly("phimax-exact", "exact");
  }

  /**
   * One state and 2^21 actions of one agent with a declared potential that verifies: past both guards
   * (2^21 &gt; 2^20 &gt; 2^18 pairs), so nothing is enumerated and no policy iteration runs. M ≤ 1/((1−γ)·1) = 2,
   * INPG's formula (1/8)/(27·1·(2^21)²·2) = 1/(27·2^46); c ≥ (1−γ)·1 = 1/2; everything else is not computed, with
   * the guards' reasons.
   */
  @Test
  void pastBothGuardsNothingIsEnumerated() {
    TheoryBounds b = TheoryBounds.of(ShapeGame.withVerifiedPotential(1, 1 << 21), TheoryBounds.Expensive.AUTO);
    String pi = "1 states x 2097152 joint actions (limit: 262144 state-joint-action pairs and 64 states)";
    String en = "1 states x 2097152 joint actions (limit: 1048576 state-joint-action pairs)";
    for (String tag : new String[] {"REWARDMIN", "REWARDMAX", "REWARDHALFSPAN"}) {
      assertThat(constant(b, tag).status()).as(tag).isEqualTo(Status.NOT_COMPUTED);
      assertThat(note(b, tag)).as(tag).isEqualTo("joint actions not enumerated: " + en);
    }
    assertThat(b.potential().status()).isEqualTo(Status.VERIFIED);
    assertThat(value(b, "MISMATCH")).isEqualTo(BigFraction.of(2));
    assertThat(note(b, "MISMATCH")).isEqualTo("exact value not computed: " + pi + "; proven bound 1/((1-gamma) min_s"
        + " rho(s))");
    assertThat(value(b, "INPGFORMULA")).isEqualTo(BigFraction.of(1).divide(BigFraction.of(27L << 46)));
    assertThat(constant(b, "INPGSTEP").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(note(b, "INPGSTEP")).isEqualTo("the theorem assumes rewards in [0,1], and the reward range was not"
        + " computed (joint actions not enumerated: " + en + ")");
    String phiNote = "phi_max not computed: " + pi + "; joint actions not enumerated: " + en;
    for (String tag : new String[] {"PHIMAX", "PMDSTEPEUCLID", "PMDSTEPKLSQUARED", "PMDSTEPKL"}) {
      assertThat(constant(b, tag).status()).as(tag).isEqualTo(Status.NOT_COMPUTED);
      assertThat(note(b, tag)).as(tag).isEqualTo(phiNote);
    }
    for (String tag : new String[] {"PHIHALFSPAN", "IPGSTEPNONDECREASING", "IPGSTEPASCENT",
        "QASCENTSTEPNONDECREASING"}) {
      assertThat(constant(b, tag).status()).as(tag).isEqualTo(Status.NOT_COMPUTED);
      assertThat(note(b, tag)).as(tag).isEqualTo("joint actions not enumerated: " + en);
    }
    assertThat(value(b, "VISITATIONFLOOR")).isEqualTo(HALF);
    assertThat(constant(b, "VISITATIONFLOOR").qualifiers()).containsExactly("bound");
    assertThat(constant(b, "NASHREGRETSTEP").status()).isEqualTo(Status.NOT_COMPUTED);
    assertThat(note(b, "NASHREGRETSTEP")).isEqualTo("R not computed (see REWARDHALFSPAN)");
  }

  /**
   * Distancing with N = 20 (specs/distancing-game.md): 2 states × 4^20 = 2^40 joint actions, past the enumeration
   * guard, but an anonymous game's count table gives the reward range: r_i = c_{a_i} w_{a_i} − 100·[distancing] with
   * w = (1, 2, 4, 6) and 1 ≤ c_{a_i} ≤ 20, so max = 20·6 = 120 (everyone on D, safe) and min = 1·1 − 100 = −99 (alone on
   * A, distancing); (120 − (−99))/2 = 219/2 ≥ R, reported as a bound. M ≤ 1/((1−γ) ρ_min) = 1/((1/100)(1/2)) = 200.
   */
  @Test
  void anAnonymousGamePastTheEnumerationGuardStillHasItsRewardRange() {
    TheoryBounds b = TheoryBounds.of(DistancingGame.of(DistancingGame.published(20)), TheoryBounds.Expensive.AUTO);
    String en = "2 states x 1099511627776 joint actions (limit: 1048576 state-joint-action pairs)";
    assertThat(value(b, "REWARDMIN")).isEqualTo(BigFraction.of(-99));
    assertThat(value(b, "REWARDMAX")).isEqualTo(BigFraction.of(120));
    assertThat(value(b, "REWARDHALFSPAN")).isEqualTo(BigFraction.of(219, 2));
    assertThat(constant(b, "REWARDHALFSPAN").qualifiers()).containsExactly("bound");
    assertThat(note(b, "REWARDHALFSPAN")).isEqualTo("joint actions not enumerated: " + en + "; (max - min)/2 over all"
        + " agents' rewards (from the anonymous game's count table), >= R");
    assertThat(value(b, "MISMATCH")).isEqualTo(BigFraction.of(200));
    assertThat(note(b, "INPGSTEP")).contains("this game's rewards span [-99, 120]");
  }
}
