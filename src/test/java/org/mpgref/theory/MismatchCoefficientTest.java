package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;

/** The exact mismatch coefficient (hand-derived for the distancing game; proofs-notes/mismatch-coefficient.md) and the Theorem 3.1 bound. */
class MismatchCoefficientTest {
  @Test
  void distancingWithEightAgentsHasMExactly199() {
    MarkovGame g = DistancingGame.of(DistancingGame.published(8));
    MismatchCoefficient.Result r = MismatchCoefficient.of(g);
    // max d(safe) = (1-γ)(1/2·1/(1-γ) + 1/2·γ/(1-γ)) = (1+γ)/2 = 199/200; min d(safe) = (1-γ)/2 = 1/200.
    assertThat(r.value()).contains(BigFraction.of(199));
    assertThat(r.maxVisitation()).isEqualTo(BigFraction.of(199, 200));
    assertThat(r.minVisitation()).isEqualTo(BigFraction.of(1, 200));
    assertThat(r.bound()).contains(BigFraction.of(200));
  }

  @Test
  void everyPolicysVisitationRatioIsWithinM() {
    MarkovGame g = DistancingGame.of(DistancingGame.published(3));
    BigFraction m = MismatchCoefficient.of(g).value().orElseThrow();
    assertThat(m).isEqualTo(BigFraction.of(100)); // from distancing the game never leaves (threshold 3/4)
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    for (int trial = 0; trial < 10; trial++) {
      Evaluation a = Evaluation.of(g, randomPure(g, rng));
      Evaluation b = Evaluation.of(g, randomPure(g, rng));
      for (int s = 0; s < g.stateCount(); s++) {
        assertThat(Rationals.compare(a.visitation(s).divide(b.visitation(s)), m)).isLessThanOrEqualTo(0);
      }
    }
  }

  @Test
  void theorem31BoundIsTheStatedFormula() {
    MarkovGame g = DistancingGame.of(DistancingGame.published(8));
    // (1/100)^3 / (27 · 8^2 · 4^2 · 199)
    assertThat(StepSizeBounds.inpgTheorem31(g, BigFraction.of(199)))
        .isEqualTo(BigFraction.of(1, 1_000_000L * 27 * 64 * 16 * 199));
  }

  private static Policy randomPure(MarkovGame g, UniformRandomProvider rng) {
    int[][] a = new int[g.agentCount()][g.stateCount()];
    for (int[] row : a) {
      for (int s = 0; s < row.length; s++) {
        row[s] = rng.nextInt(4);
      }
    }
    return Policy.pure(g, a);
  }
}
