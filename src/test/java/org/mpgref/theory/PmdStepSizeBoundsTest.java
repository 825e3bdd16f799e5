package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * The step sizes and rate shapes added to {@link StepSizeBounds} for issue 4 (proofs-notes/pmd-phi-max-and-steps.md):
 * hand values on the one-state coordination game, the exact/dyadic KL step, the seeds' rate shapes.
 */
class PmdStepSizeBoundsTest {
  private static final MarkovGame COORD = HandGames.coordination(BigFraction.ZERO);
  private static final BigFraction TWO = BigFraction.of(2);

  /** pmd-one-state-example.md §1: φ_max = 2, Σ|A_i| = 4, N = 2, γ = 0. */
  @Test
  void handDerivedSteps() {
    assertThat(StepSizeBounds.pmdEuclidean(COORD, TWO)).isEqualTo(BigFraction.of(1, 32));
    assertThat(StepSizeBounds.pmdKlSquared(COORD, TWO)).isEqualTo(BigFraction.of(1, 32));
    StepSizeBounds.SquareRoot kl = StepSizeBounds.pmdKl(COORD, TWO);
    assertThat(kl.exact()).isFalse(); // 1/(4 √2) is irrational
    // the largest k/2^m ≤ 1/(4√2) with k of 53 bits: 1/(4√2) = 0.17677..., in [2^-3, 2^-2), so m = 55
    BigInteger k = BigInteger.ONE.shiftLeft(2 * 55).divide(BigInteger.valueOf(32)).sqrt();
    assertThat(kl.value()).isEqualTo(BigFraction.of(k, BigInteger.ONE.shiftLeft(55)));
    assertThat(k.bitLength()).isEqualTo(53);
    // exactly the largest such dyadic: value² ≤ 1/32 < (value + 2^-55)², compared exactly (1/(4√2))² = 1/32
    BigFraction ulp = BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(55));
    assertThat(kl.value().multiply(kl.value()).compareTo(BigFraction.of(1, 32))).isLessThanOrEqualTo(0);
    assertThat(kl.value().add(ulp).multiply(kl.value().add(ulp)).compareTo(BigFraction.of(1, 32))).isPositive();
    assertThat(StepSizeBounds.projectedQAscentSufficientAscent(COORD, BigFraction.ONE, BigFraction.ONE))
        .isEqualTo(BigFraction.of(1, 4));
  }

  /** With N = 4 agents √N = 2 and the KL step is exact: η = (1−γ)/(4 φ_max). */
  @Test
  void klStepIsExactForSquareAgentCounts() {
    TabularMarkovGame g = RandomGames.identicalInterest(1, 4, 2, 3L);
    BigFraction phiMax = PhiMax.of(g).orElseThrow().phiMax();
    StepSizeBounds.SquareRoot kl = StepSizeBounds.pmdKl(g, phiMax);
    assertThat(kl.exact()).isTrue();
    assertThat(kl.value()).isEqualTo(BigFraction.ONE.subtract(g.discount()).divide(phiMax.multiply(4)));
  }

  /**
   * For random rationals x &gt; 0: r = sqrtAtMost(x) satisfies r² ≤ x; if not exact then (r (1 + 2^−52))² &gt; x (it is
   * within one unit in the 53rd bit) and r is exactly a double.
   */
  @Test
  void sqrtAtMostIsTheLargest53BitDyadicBelow() {
    Seeds.property("sqrtAtMost", 4301L, 300)
        .forAll(longs().between(1, Long.MAX_VALUE), longs().between(1, Long.MAX_VALUE), integers().between(-40, 40))
        .checkAssert((p, q, e) -> {
          BigFraction x = BigFraction.of(BigInteger.valueOf(p), BigInteger.valueOf(q));
          x = e >= 0 ? x.multiply(BigFraction.of(BigInteger.ONE.shiftLeft(e), BigInteger.ONE))
              : x.divide(BigFraction.of(BigInteger.ONE.shiftLeft(-e), BigInteger.ONE));
          StepSizeBounds.SquareRoot r = StepSizeBounds.sqrtAtMost(x);
          BigFraction sq = r.value().multiply(r.value());
          if (r.exact()) {
            assertThat(sq).isEqualTo(x);
          } else {
            assertThatExact(sq).as("r^2 <= x for x = %s", x).isLessThan(x);
            BigFraction up = r.value().multiply(BigFraction.ONE.add(BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(52))));
            assertThatExact(up.multiply(up)).as("(r(1+2^-52))^2 > x for x = %s", x).isGreaterThan(x);
            assertThat(BigFraction.from(r.value().doubleValue())).isEqualTo(r.value());
          }
        });
    assertThat(StepSizeBounds.sqrtAtMost(BigFraction.of(9, 4))).isEqualTo(new StepSizeBounds.SquareRoot(BigFraction.of(3, 2), true));
  }

  /** The seeds' rate shapes are the stated formulas with constant 1. */
  @Test
  void rateShapesAreTheStatedFormulas() {
    // d_p^4 A N / T with d_p = 2, A = 3, N = 5, T = 10: 16·15/10 = 24
    assertThat(StepSizeBounds.dingNashRegretMpgShapeSquared(TWO, 3, 5, 10)).isEqualTo(BigFraction.of(24));
    // d_c A N / T = 2·15/10 = 3
    assertThat(StepSizeBounds.dingNashRegretCooperativeShapeSquared(TWO, 3, 5, 10)).isEqualTo(BigFraction.of(3));
    // A N d^4 / eps^2 = 15·16·100 at eps = 1/10
    assertThat(StepSizeBounds.dingQAscentIterationsShape(TWO, 3, 5, BigFraction.of(1, 10))).isEqualTo(BigFraction.of(24000));
    // S A N d^2 / eps^2 = 2·15·4·100
    assertThat(StepSizeBounds.ipgLeonardosIterationsShape(2, TWO, 3, 5, BigFraction.of(1, 10))).isEqualTo(BigFraction.of(12000));
    assertThat(StepSizeBounds.ipgZhangIterationsShape(2, TWO, 3, 5, BigFraction.of(1, 10))).isEqualTo(BigFraction.of(12000));
    assertThat(StepSizeBounds.PMD_EUCLIDEAN).contains("2408.08075");
    assertThat(StepSizeBounds.DING_NASH_REGRET_MPG).contains("seed 003").contains("no constants");
  }

  @Test
  void badArgumentsAreRefusedWithOneLine() {
    assertThatThrownBy(() -> StepSizeBounds.pmdEuclidean(COORD, BigFraction.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("phi_max = 0 must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.pmdKl(COORD, BigFraction.of(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("phi_max = -1 must be > 0");
    assertThatThrownBy(() -> StepSizeBounds.dingNashRegretMpgShapeSquared(TWO, 2, 2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("horizon T = 0 must be >= 1");
    assertThatThrownBy(() -> StepSizeBounds.projectedQAscentSufficientAscent(COORD, BigFraction.ZERO, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the visitation floor c = 0 must be > 0");
  }
}
