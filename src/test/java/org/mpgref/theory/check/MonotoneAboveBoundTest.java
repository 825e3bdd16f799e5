package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.function.Supplier;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.testkit.RandomGames;
import org.mpgref.theory.MismatchCoefficient;
import org.mpgref.theory.MonotoneBounds;
import org.mpgref.theory.MonotoneTestGames;
import org.mpgref.theory.StepSizeBounds;

/**
 * Regression instances where a step size ABOVE the proven bound decreases Φ(ρ): exactly for IPG and projected
 * Q-ascent, certified for INPG. They were found once by {@link MonotoneAboveBoundSearch} (120 seeds × 2 generators,
 * 1–2 states, 4 random policies each for IPG/Q-ascent and 2 interior policies for INPG, factors
 * 1, 5/4, 3/2, 2, 5/2, 3, 4, 6, 8, 12, 16, 32, …, 65536 of the bound); each is the pair with the smallest factor in
 * its class (γ = 0 or γ &gt; 0, 1 or 2 states). The games were not tuned: they are the generators' output for the
 * seed, and each instance checks that the generator still produces them (γ, ρ, the stored policy). Each instance
 * asserts: no decrease at the bound, no decrease at the previous factor of the grid, a decrease at the found factor.
 * Derivations: proofs-notes/monotone-ipg.md §7–§8, proofs-notes/monotone-inpg.md §6.
 */
class MonotoneAboveBoundTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  private static BigFraction f(long p) {
    return BigFraction.of(p);
  }

  /** π from agent-major rows [i][s][a]. */
  private static Policy policy(BigFraction[][][] rows) {
    return Policy.of(rows);
  }

  /** The k-th draw (0-based) of the search's policy stream for a seed. */
  private static Policy draw(MarkovGame g, long seed, int k, boolean interior) {
    UniformRandomProvider r = RandomGames.rng(~seed);
    Policy p = null;
    for (int j = 0; j <= k; j++) {
      p = interior ? MonotoneTestGames.interiorPolicy(g, r) : RandomGames.policy(g, r);
    }
    return p;
  }

  private static void assertProvenance(MarkovGame g, BigFraction gamma, BigFraction[] rho, Policy stored,
      long seed, int k, boolean interior) {
    assertThat(g.discount()).as("generator drift: gamma of %s", g.name()).isEqualTo(gamma);
    for (int s = 0; s < rho.length; s++) {
      assertThat(g.initial(s)).as("generator drift: rho of %s", g.name()).isEqualTo(rho[s]);
    }
    assertThat(draw(g, seed, k, interior)).as("policy draw %d of seed %d", k, seed).isEqualTo(stored);
  }

  /**
   * One projected-dynamics instance: Φ does not decrease at the bound and at {@code below} × bound, and changes by
   * exactly {@code gain} &lt; 0 at {@code above} × bound.
   */
  private static void projected(Supplier<MarkovGame> game, Algorithm alg, Policy pi, BigFraction bound,
      BigFraction below, BigFraction above, BigFraction gain) {
    MarkovGame g = game.get();
    BigFraction actual = alg == Algorithm.IPG ? MonotoneBounds.ipgNonDecreasing(g).orElseThrow()
        : MonotoneBounds.qAscentNonDecreasing(g).orElseThrow();
    assertThat(actual).as("bound of %s", g.name()).isEqualTo(bound);
    for (BigFraction ok : new BigFraction[] {BigFraction.ONE, below}) {
      MonotoneProjectedCheck.Step st = MonotoneProjectedCheck.step(g, pi, alg, bound.multiply(ok));
      assertThat(st.nonDecreasing()).as("%s %s at %s x bound", g.name(), alg, ok).isTrue();
    }
    MonotoneProjectedCheck.Step st = MonotoneProjectedCheck.step(g, pi, alg, bound.multiply(above));
    assertThat(st.gain()).as("%s %s at %s x bound", g.name(), alg, above).isEqualTo(gain);
    assertThat(st.gain().signum()).isNegative();
    assertThat(st.smoothnessHolds()).isTrue(); // the lemma holds at every η; only the sign condition fails
  }

  /** One INPG instance: certified non-decreasing at the bound and at {@code below} × bound, certified decrease above. */
  private static void inpg(MarkovGame g, Policy pi, BigFraction bound, long below, long above) {
    BigFraction m = MismatchCoefficient.of(g).value().orElseThrow();
    assertThat(StepSizeBounds.inpgTheorem31(g, m)).isEqualTo(bound);
    assertThat(MonotoneInpgCheck.rewardsInUnitInterval(g)).isTrue();
    for (long ok : new long[] {1, below}) {
      assertThat(MonotoneInpgCheck.step(g, pi, bound.multiply(ok), 30).verdict()).as("%s at %d x bound", g.name(), ok)
          .isEqualTo(MonotoneInpgCheck.Verdict.CERTIFIED_NON_DECREASING);
    }
    MonotoneInpgCheck.Step st = MonotoneInpgCheck.step(g, pi, bound.multiply(above), 30);
    assertThat(st.verdict()).as("%s at %d x bound", g.name(), above)
        .isEqualTo(MonotoneInpgCheck.Verdict.CERTIFIED_DECREASE);
    assertThatExact(st.upper()).isLessThan(BigFraction.ZERO);
  }

  /** Hand instance (monotone-ipg.md §7): coordination game, p = 3/5, q = 2/5; Φ changes by η(2−η)/50. */
  @Test
  void coordinationGameDecreasesOnlyAboveTwiceTheBound() {
    Policy pi = policy(new BigFraction[][][] {{{f(3, 5), f(2, 5)}}, {{f(2, 5), f(3, 5)}}});
    for (long k = 1; k <= 5; k++) {
      BigFraction eta = f(k);
      MonotoneProjectedCheck.Step st = MonotoneProjectedCheck.step(MonotoneTestGames.coordination(), pi,
          Algorithm.IPG, eta);
      assertThat(st.gain()).as("eta = %d", k).isEqualTo(eta.multiply(f(2).subtract(eta)).divide(50));
    }
  }

  // IPG, γ = 0, one state: RandomGames.potentialGame(1, 2, 2, 1118) (identical interest, φ = (−2, −5/4, −4/3, −5/2)),
  // policy draw 1 = both agents pure on action 0; bound 2/L = 4/5; no decrease at 5/2 × bound, −103/600 at 3 × bound.
  // Projected Q-ascent is the same map here (one state, γ = 0) and has the same bound and the same instance.
  @Test
  void ipgGammaZeroOneState() {
    MarkovGame g = RandomGames.potentialGame(1, 2, 2, 1118L);
    Policy pi = policy(new BigFraction[][][] {{{f(1), f(0)}}, {{f(1), f(0)}}});
    assertProvenance(g, f(0), new BigFraction[] {f(1)}, pi, 1118L, 1, false);
    for (Algorithm alg : new Algorithm[] {Algorithm.IPG, Algorithm.PROJECTED_Q_ASCENT}) {
      projected(() -> g, alg, pi, f(4, 5), f(5, 2), f(3), f(-103, 600));
    }
  }

  // IPG, γ = 0, two states but ρ = (1, 0): RandomGames.potentialGame(2, 2, 2, 1013) (state potential, C1), draw 2;
  // bound 12/41; no decrease at 3 × bound, −61/902 at 4 × bound.
  @Test
  void ipgGammaZeroTwoStates() {
    MarkovGame g = RandomGames.potentialGame(2, 2, 2, 1013L);
    Policy pi = policy(new BigFraction[][][] {
        {{f(6, 11), f(5, 11)}, {f(8, 11), f(3, 11)}}, {{f(0), f(1)}, {f(0), f(1)}}});
    assertProvenance(g, f(0), new BigFraction[] {f(1), f(0)}, pi, 1013L, 2, false);
    projected(() -> g, Algorithm.IPG, pi, f(12, 41), f(3), f(4), f(-61, 902));
  }

  // γ = 1/5, one state: RandomGames.potentialGame(1, 2, 2, 1024) (identical interest), draw 0; bound 32/825 for both
  // algorithms. IPG: no decrease at 4 ×, −565/384 at 6 ×. Q-ascent: no decrease at 6 ×, −565/384 at 8 ×.
  @Test
  void gammaOneFifthOneState() {
    MarkovGame g = RandomGames.potentialGame(1, 2, 2, 1024L);
    Policy pi = policy(new BigFraction[][][] {{{f(1, 6), f(5, 6)}}, {{f(3, 4), f(1, 4)}}});
    assertProvenance(g, f(1, 5), new BigFraction[] {f(1)}, pi, 1024L, 0, false);
    projected(() -> g, Algorithm.IPG, pi, f(32, 825), f(4), f(6), f(-565, 384));
    projected(() -> g, Algorithm.PROJECTED_Q_ASCENT, pi, f(32, 825), f(6), f(8), f(-565, 384));
  }

  // IPG, γ = 1/4, two states: MonotoneTestGames.unitMpg(2, 1095) (state potential, rewards in [0,1]), draw 0;
  // bound 27/32; no decrease at 8 ×, −29730761/5531904000 ≈ −0.0054 at 12 ×.
  @Test
  void ipgGammaQuarterTwoStates() {
    MarkovGame g = MonotoneTestGames.unitMpg(2, 1095L);
    Policy pi = policy(new BigFraction[][][] {
        {{f(5, 6), f(1, 6)}, {f(3, 7), f(4, 7)}}, {{f(1, 3), f(2, 3)}, {f(0), f(1)}}});
    assertProvenance(g, f(1, 4), new BigFraction[] {f(3, 4), f(1, 4)}, pi, 1095L, 0, false);
    projected(() -> g, Algorithm.IPG, pi, f(27, 32), f(8), f(12), f(-29730761, 5531904000L));
  }

  // Q-ascent, γ = 0, two states: MonotoneTestGames.unitMpg(2, 1009), draw 1; bound 2ρ_min/L = 40/27; no decrease at
  // 16 ×, −1/693 at 32 ×.
  @Test
  void qAscentGammaZeroTwoStates() {
    MarkovGame g = MonotoneTestGames.unitMpg(2, 1009L);
    Policy pi = policy(new BigFraction[][][] {
        {{f(1), f(0)}, {f(5, 7), f(2, 7)}}, {{f(5, 8), f(3, 8)}, {f(3, 11), f(8, 11)}}});
    assertProvenance(g, f(0), new BigFraction[] {f(4, 9), f(5, 9)}, pi, 1009L, 1, false);
    projected(() -> g, Algorithm.PROJECTED_Q_ASCENT, pi, f(40, 27), f(16), f(32), f(-1, 693));
  }

  // Q-ascent, γ = 1/4, two states: MonotoneTestGames.unitMpg(2, 1013), draw 2; bound 27/70; no decrease at 32 ×,
  // −936/48125 at 64 ×.
  @Test
  void qAscentGammaQuarterTwoStates() {
    MarkovGame g = MonotoneTestGames.unitMpg(2, 1013L);
    Policy pi = policy(new BigFraction[][][] {
        {{f(6, 11), f(5, 11)}, {f(8, 11), f(3, 11)}}, {{f(0), f(1)}, {f(0), f(1)}}});
    assertProvenance(g, f(1, 4), new BigFraction[] {f(3, 5), f(2, 5)}, pi, 1013L, 2, false);
    projected(() -> g, Algorithm.PROJECTED_Q_ASCENT, pi, f(27, 70), f(32), f(64), f(-936, 48125));
  }

  // INPG, γ = 0, one state: MonotoneTestGames.unitMpg(1, 1088) (identical interest, φ = (1/2, 3/10, 0, 4/5)), interior
  // draw 1; Theorem 3.1 bound 1/432 (M = 1); certified non-decreasing at 12288 ×, certified decrease at 16384 ×
  // (η = 1024/27 ≈ 37.9, Φ change in [−0.0261, −0.0260]).
  @Test
  void inpgGammaZeroOneState() {
    MarkovGame g = MonotoneTestGames.unitMpg(1, 1088L);
    Policy pi = policy(new BigFraction[][][] {{{f(4, 7), f(3, 7)}}, {{f(2, 5), f(3, 5)}}});
    assertProvenance(g, f(0), new BigFraction[] {f(1)}, pi, 1088L, 1, true);
    inpg(g, pi, f(1, 432), 12288, 16384);
  }

  // INPG, γ = 0, two states: MonotoneTestGames.unitMpg(2, 1103), interior draw 0; bound 1/432; certified
  // non-decreasing at 8192 ×, certified decrease at 12288 × (η = 256/9).
  @Test
  void inpgGammaZeroTwoStates() {
    MarkovGame g = MonotoneTestGames.unitMpg(2, 1103L);
    Policy pi = policy(new BigFraction[][][] {
        {{f(4, 9), f(5, 9)}, {f(1, 2), f(1, 2)}}, {{f(3, 4), f(1, 4)}, {f(1, 2), f(1, 2)}}});
    assertProvenance(g, f(0), new BigFraction[] {f(1, 2), f(1, 2)}, pi, 1103L, 0, true);
    inpg(g, pi, f(1, 432), 8192, 12288);
  }

  // INPG, γ = 1/4, two states: MonotoneTestGames.unitMpg(2, 1021), interior draw 1; bound 1/1024; certified
  // non-decreasing at 12288 ×, certified decrease at 16384 × (η = 16).
  @Test
  void inpgGammaQuarterTwoStates() {
    MarkovGame g = MonotoneTestGames.unitMpg(2, 1021L);
    Policy pi = policy(new BigFraction[][][] {
        {{f(4, 5), f(1, 5)}, {f(5, 6), f(1, 6)}}, {{f(1, 2), f(1, 2)}, {f(1, 4), f(3, 4)}}});
    assertProvenance(g, f(1, 4), new BigFraction[] {f(2, 3), f(1, 3)}, pi, 1021L, 1, true);
    inpg(g, pi, f(1, 1024), 12288, 16384);
  }

  // INPG, γ = 1/2, one state: MonotoneTestGames.unitMpg(1, 1064), interior draw 0; bound 1/3456; certified
  // non-decreasing at 16384 ×, certified decrease at 32768 × (η = 256/27).
  @Test
  void inpgGammaHalfOneState() {
    MarkovGame g = MonotoneTestGames.unitMpg(1, 1064L);
    Policy pi = policy(new BigFraction[][][] {{{f(2, 5), f(3, 5)}}, {{f(1, 3), f(2, 3)}}});
    assertProvenance(g, f(1, 2), new BigFraction[] {f(1)}, pi, 1064L, 0, true);
    inpg(g, pi, f(1, 3456), 16384, 32768);
  }
}
