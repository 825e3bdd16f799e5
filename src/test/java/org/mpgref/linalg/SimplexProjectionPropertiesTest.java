package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Seeded properties of {@link SimplexProjection}. Exact: the projection of a random rational vector (length 1–6,
 * entries p/q with p ∈ −20..20, q ∈ 1..8, with ties) is a distribution summing to exactly 1, is the identity on
 * distributions, and satisfies the optimality (KKT) condition x_k = max(y_k − τ, 0) for a single τ. Double: the
 * result is non-negative, sums to 1 within 1e−12 and agrees with the exact projection of the same vector.
 */
class SimplexProjectionPropertiesTest {
  private static BigFraction[] randomVector(UniformRandomProvider r, int n) {
    BigFraction[] y = new BigFraction[n];
    for (int k = 0; k < n; k++) {
      y[k] = k > 0 && r.nextInt(5) == 0 ? y[r.nextInt(k)] : BigFraction.of(r.nextInt(-20, 21), r.nextInt(1, 9));
    }
    return y;
  }

  /** Σx = 1 exactly, x ≥ 0, and x_k = max(y_k − τ, 0) with τ = y_k − x_k common to all positive entries. */
  @Test
  void exactProjectionIsTheKktPoint() {
    Seeds.property("simplexProjectionExact", 6001L, 500)
        .forAll(integers().between(1, 6), longs().all())
        .checkAssert((n, seed) -> {
          UniformRandomProvider r = RandomGames.rng(seed);
          BigFraction[] y = randomVector(r, n);
          BigFraction[] x = SimplexProjection.project(y);
          assertThat(x).hasSize(n);
          BigFraction sum = BigFraction.ZERO;
          BigFraction tau = null;
          for (int k = 0; k < n; k++) {
            assertThatExact(x[k]).as("x[%d]", k).isGreaterThanOrEqualTo(BigFraction.ZERO);
            sum = sum.add(x[k]);
            if (x[k].signum() > 0) {
              BigFraction t = y[k].subtract(x[k]);
              if (tau == null) {
                tau = t;
              }
              assertThatExact(t).as("y_k - x_k for positive x[%d]", k).isEqualByComparingTo(tau);
            }
          }
          assertThatExact(sum).isEqualByComparingTo(BigFraction.ONE);
          assertThat(tau).isNotNull();
          for (int k = 0; k < n; k++) {
            if (x[k].signum() == 0) {
              assertThatExact(y[k].subtract(tau)).as("y[%d] - tau for zero x", k).isLessThanOrEqualTo(BigFraction.ZERO);
            }
          }
        });
  }

  /** Projecting a distribution (denominators ≤ 12, with zeros) returns it unchanged; so projecting twice = once. */
  @Test
  void exactProjectionIsIdempotentOnDistributions() {
    Seeds.property("simplexProjectionIdempotent", 6002L, 500)
        .forAll(integers().between(1, 6), longs().all())
        .checkAssert((n, seed) -> {
          BigFraction[] d = RandomGames.distribution(RandomGames.rng(seed), n);
          BigFraction[] x = SimplexProjection.project(d);
          for (int k = 0; k < n; k++) {
            assertThatExact(x[k]).as("x[%d]", k).isEqualByComparingTo(d[k]);
          }
          BigFraction[] once = SimplexProjection.project(randomVector(RandomGames.rng(~seed), n));
          BigFraction[] twice = SimplexProjection.project(once);
          for (int k = 0; k < n; k++) {
            assertThatExact(twice[k]).isEqualByComparingTo(once[k]);
          }
        });
  }

  /** The double projection is non-negative, sums to 1 within 1e−12 and is within 1e−12 of the exact projection. */
  @Test
  void doubleProjectionSumsToOneAndAgreesWithExact() {
    Seeds.property("simplexProjectionDouble", 6003L, 500)
        .forAll(integers().between(1, 6), longs().all())
        .checkAssert((n, seed) -> {
          BigFraction[] y = randomVector(RandomGames.rng(seed), n);
          double[] yd = new double[n];
          for (int k = 0; k < n; k++) {
            yd[k] = y[k].doubleValue();
          }
          double[] x = SimplexProjection.project(yd);
          BigFraction[] exact = SimplexProjection.project(y);
          double sum = 0;
          for (int k = 0; k < n; k++) {
            assertThat(x[k]).isGreaterThanOrEqualTo(0.0);
            sum += x[k];
            assertThat(Math.abs(x[k] - exact[k].doubleValue())).as("x[%d] vs exact", k).isLessThanOrEqualTo(1e-12);
          }
          assertThat(Math.abs(sum - 1)).isLessThanOrEqualTo(1e-12);
        });
  }
}
