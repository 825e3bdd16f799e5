package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;

/**
 * The size guard's arithmetic and messages at its exact limits ({@link SizeGuard}), the potential status's reasons
 * ({@link PotentialStatus}, {@link RegretConstants#notMarkovPotential}), and the closed-form constants of
 * {@link RegretConstants} and {@link MismatchCoefficient#bound} on games small enough to do by hand.
 */
class GuardsAndStatusTest {
  private static final BigFraction HALF = BigFraction.of(1, 2);

  private static MarkovGame shape(int states, int... counts) {
    return ShapeGame.of(states, counts);
  }

  /**
   * pairs = |S| Π|A_i|: 2·3·4 = 24. Saturation: 2^62 − 1 = (2^31 − 1)(2^31 + 1) = 2147483647 · 3 · 715827883, so
   * 3 states with counts (715827883, 2147483647) give exactly 2^62 − 1 = ⌊(2^63 − 1)/2⌋ pairs, and a third agent with 2
   * actions gives 2^63 − 2 (no overflow: the guard p &gt; MAX/m is false at p = MAX/m); 3 actions overflow, so the
   * count saturates at Long.MAX_VALUE.
   */
  @Test
  void pairsByHandAndAtTheOverflowBoundary() {
    assertThat(SizeGuard.pairs(shape(2, 3, 4))).isEqualTo(24L);
    assertThat(SizeGuard.pairs(shape(3, 715827883, 2147483647))).isEqualTo((1L << 62) - 1);
    assertThat(SizeGuard.pairs(shape(3, 715827883, 2147483647, 2))).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(SizeGuard.pairs(shape(3, 715827883, 2147483647, 3))).isEqualTo(Long.MAX_VALUE);
  }

  /**
   * Policy iteration: allowed at exactly 2^18 = 262144 pairs and 64 states, refused one past either limit; the
   * message gives |S| and the joint-action count pairs/|S|.
   */
  @Test
  void policyIterationGuardAtItsLimits() {
    assertThat(SizeGuard.policyIterationTooLarge(shape(1, 1 << 18))).isEmpty();
    assertThat(SizeGuard.policyIterationTooLarge(shape(64, 4096))).isEmpty(); // 64 · 4096 = 2^18
    assertThat(SizeGuard.policyIterationTooLarge(shape(1, (1 << 18) + 1))).contains("1 states x 262145 joint actions"
        + " (limit: 262144 state-joint-action pairs and 64 states)");
    assertThat(SizeGuard.policyIterationTooLarge(shape(65, 1))).contains("65 states x 1 joint actions (limit: 262144"
        + " state-joint-action pairs and 64 states)");
    assertThat(SizeGuard.policyIterationTooLarge(shape(2, 1024, 1024))).contains("2 states x 1048576 joint actions"
        + " (limit: 262144 state-joint-action pairs and 64 states)");
  }

  /** Enumeration: allowed at exactly 2^20 pairs, refused one past it; beyond 2^63 the message says so. */
  @Test
  void enumerationGuardAtItsLimit() {
    assertThat(SizeGuard.enumerationTooLarge(shape(4, 1 << 18))).isEmpty();
    assertThat(SizeGuard.enumerationTooLarge(shape(1, (1 << 20) + 1))).contains("1 states x 1048577 joint actions"
        + " (limit: 1048576 state-joint-action pairs)");
    assertThat(SizeGuard.enumerationTooLarge(shape(3, 715827883, 2147483647, 3))).contains("3 states x more than"
        + " 2^63 joint actions (limit: 1048576 state-joint-action pairs)");
    assertThat(SizeGuard.enumerationTooLarge(shape(3, 715827883, 2147483647, 2))).contains("3 states x "
        + ((Long.MAX_VALUE - 1) / 3) + " joint actions (limit: 1048576 state-joint-action pairs)");
  }

  /** A_max = max_i |A_i| = 5 for counts (2, 5, 1); A_sum = 8. */
  @Test
  void actionCountsByHand() {
    assertThat(RegretConstants.maxActions(shape(1, 2, 5, 1))).isEqualTo(5);
    assertThat(RegretConstants.maxActions(shape(1, 5, 2))).isEqualTo(5);
    assertThat(MonotoneBounds.actionSum(shape(1, 2, 5, 1))).isEqualTo(8);
  }

  /** The coordination game with φ = (1, 0, 0, 0) claimed as identical interest, although r = (2, 0, 0, 1). */
  private static TabularMarkovGame wrongPotential() {
    BigFraction z = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    BigFraction two = BigFraction.of(2);
    BigFraction[][][] r = {{{two, two}, {z, z}, {z, z}, {one, one}}};
    BigFraction[][][] p = {{{one}, {one}, {one}, {one}}};
    BigFraction[][] phi = {{one, z, z, z}};
    return TabularMarkovGame.withPotential("wrong", new int[] {2, 2}, HALF, new BigFraction[] {one}, r, p, phi,
        StagePotential.Condition.IDENTICAL_INTEREST);
  }

  /** Every reason of the potential status, and none for a verified potential. */
  @Test
  void potentialStatusReasons() {
    MarkovGame plain = RandomGames.game(1, 2, 2, 5L);
    assertThat(PotentialStatus.problem(plain)).contains(plain.name() + " declares no stage potential");
    assertThat(RegretConstants.notMarkovPotential(plain)).isEqualTo(plain.name() + " declares no stage potential, so"
        + " it is not known to be a Markov potential game");
    MarkovGame distancing = DistancingGame.of(DistancingGame.published(3));
    assertThat(PotentialStatus.problem(distancing)).contains(distancing.name() + " declares only state potentials"
        + " (state-potential-only), not a Markov potential");
    assertThat(RegretConstants.notMarkovPotential(distancing)).isEqualTo(distancing.name() + " declares only state"
        + " potentials (condition STATE_POTENTIAL_ONLY), which does not make it a Markov potential game");
    String violation = wrongPotential().potential().orElseThrow().findViolation().orElseThrow();
    assertThat(violation).startsWith("identical interest fails");
    assertThat(PotentialStatus.problem(wrongPotential())).contains("wrong: the declared condition identical-interest"
        + " fails: " + violation);
    assertThat(RegretConstants.notMarkovPotential(wrongPotential())).isEqualTo("wrong: the declared condition"
        + " IDENTICAL_INTEREST fails: " + violation);
    MarkovGame coord = HandGames.coordination(HALF);
    assertThat(PotentialStatus.problem(coord)).isEmpty();
    assertThat(RegretConstants.notMarkovPotential(coord)).isNull();
    assertThat(PotentialStatus.conditionName(StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS))
        .isEqualTo("state-potential-action-independent-transitions");
  }

  /** The potential status as a constant of {@code bounds}: VIOLATED with the condition as qualifier and the reason. */
  @Test
  void aViolatedPotentialIsReportedAsSuch() {
    TheoryBounds b = TheoryBounds.of(wrongPotential(), TheoryBounds.Expensive.AUTO);
    assertThat(b.potential().status()).isEqualTo(Constant.Status.VIOLATED);
    assertThat(b.potential().qualifiers()).containsExactly("identical-interest");
    assertThat(b.potential().note().orElseThrow()).startsWith("wrong: the declared condition identical-interest fails");
    assertThat(b.pmd().phiMax().status()).isEqualTo(Constant.Status.NOT_APPLICABLE);
    assertThat(b.regret().stepLimit().status()).isEqualTo(Constant.Status.NOT_APPLICABLE);
    TheoryBounds none = TheoryBounds.of(RandomGames.game(1, 2, 2, 5L), TheoryBounds.Expensive.AUTO);
    assertThat(none.potential().status()).isEqualTo(Constant.Status.NONE);
    assertThat(none.potential().qualifiers()).isEmpty();
  }

  /**
   * A two-state chain, one agent with one action: 0 → 1 → 1 surely, γ = 1/2. With W the value of the reward
   * 1{s = s*}: for s* = 0, W(1) = γ W(1) = 0 and W(0) = 1; for s* = 1, W(1) = 1/(1−γ) = 2 and W(0) = γ·2 = 1.
   * d_ρ(s*) = (1−γ) Σ_s ρ(s) W(s).
   */
  private static TabularMarkovGame chain(BigFraction rho0) {
    BigFraction z = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    BigFraction[][][] r = {{{z}}, {{z}}};
    BigFraction[][][] p = {{{z, one}}, {{z, one}}};
    return TabularMarkovGame.of("chain", new int[] {1}, HALF, new BigFraction[] {rho0, one.subtract(rho0)}, r, p);
  }

  /**
   * Coverage d = max_s d_ρ(s)/ρ(s) on the chain: ρ = (1/2, 1/2): d(0) = (1/2)(1/2) = 1/4, ratio 1/2;
   * d(1) = (1/2)(1/2 + 1) = 3/4, ratio 3/2; so d = 3/2. ρ = (1, 0): state 1 is visited (d(1) = 1/2) but ρ(1) = 0,
   * so d = +∞ (empty). ρ = (0, 1): state 0 is never visited (d(0) = 0, skipped) and d(1) = 1, ratio 1.
   */
  @Test
  void coverageOfAChainByHand() {
    assertThat(RegretConstants.coverage(chain(HALF))).contains(BigFraction.of(3, 2));
    assertThat(RegretConstants.coverage(chain(BigFraction.ONE))).isEmpty();
    assertThat(RegretConstants.coverage(chain(BigFraction.ZERO))).contains(BigFraction.ONE);
  }

  /**
   * The visitation floor of the chain at ν: one policy, so c_ν = min_s d_ν(s): ν = (1/2, 1/2) gives min(1/4, 3/4) =
   * 1/4; ν = (1, 0) gives d(0) = 1/2, d(1) = 1/2, so 1/2; the closed form (1−γ) min ν is 1/4 and 0. The mismatch bound
   * 1/((1−γ) min ρ): 4 at ρ = (1/2, 1/2), none when ρ(1) = 0; the exact M of one policy is 1.
   */
  @Test
  void visitationFloorAndMismatchOfAChainByHand() {
    TabularMarkovGame g = chain(HALF);
    assertThat(RegretConstants.visitationFloor(g, new BigFraction[] {HALF, HALF})).isEqualTo(BigFraction.of(1, 4));
    assertThat(RegretConstants.visitationFloor(g, new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}))
        .isEqualTo(HALF);
    assertThat(RegretConstants.visitationFloorBound(g, new BigFraction[] {HALF, HALF})).isEqualTo(BigFraction.of(1, 4));
    assertThat(RegretConstants.visitationFloorBound(g, new BigFraction[] {BigFraction.of(3, 4), BigFraction.of(1, 4)}))
        .isEqualTo(BigFraction.of(1, 8));
    assertThat(RegretConstants.visitationFloorBound(g, new BigFraction[] {BigFraction.of(1, 4), BigFraction.of(3, 4)}))
        .isEqualTo(BigFraction.of(1, 8));
    assertThat(RegretConstants.visitationFloorBound(g, new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}))
        .isEqualTo(BigFraction.ZERO);
    assertThatThrownBy(() -> RegretConstants.visitationFloorBound(g, new BigFraction[] {BigFraction.ONE}))
        .hasMessage("nu has 1 entries; the game has 2 states");
    assertThat(MismatchCoefficient.bound(g)).contains(BigFraction.of(4));
    assertThat(MismatchCoefficient.bound(chain(BigFraction.of(3, 4)))).contains(BigFraction.of(8));
    assertThat(MismatchCoefficient.bound(chain(BigFraction.of(1, 4)))).contains(BigFraction.of(8));
    assertThat(MismatchCoefficient.bound(chain(BigFraction.ONE))).isEmpty();
    assertThat(RegretConstants.uniform(g)).containsExactly(HALF, HALF);
    assertThat(RegretConstants.format(new BigFraction[] {HALF, BigFraction.of(2)})).isEqualTo("(1/2, 2)");
  }
}
