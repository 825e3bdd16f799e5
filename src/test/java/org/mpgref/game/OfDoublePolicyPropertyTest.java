package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.testkit.Seeds;

/**
 * specs/policy.md (i)–(ii) for {@link Policy#ofDoublePolicy}: on a row normalised in double, x_a = fl(y_a/ŝ_y) with
 * small positive integers y (drawn by QuickTheories, so a failure shrinks to a short row of small weights), the exact
 * row sums to exactly 1, keeps every entry but the largest (lowest index among ties) exactly, and moves that one by
 * exactly δ = |1 − Σ x_a|.
 */
class OfDoublePolicyPropertyTest {
  @Test
  void ofDoublePolicyMovesOnlyTheLargestEntryByTheExactDefect() {
    Seeds.property("ofDoublePolicyDefect", 6301L, 300)
        .forAll(lists().of(integers().between(1, 1000)).ofSizeBetween(1, 7))
        .checkAssert(ys -> {
          double s = 0;
          for (int y : ys) {
            s += y;
          }
          double[] x = new double[ys.size()];
          int largest = 0;
          BigFraction sum = BigFraction.ZERO;
          for (int a = 0; a < x.length; a++) {
            x[a] = ys.get(a) / s;
            largest = x[a] > x[largest] ? a : largest;
            sum = sum.add(BigFraction.from(x[a]));
          }
          Policy q = Policy.ofDoublePolicy(DoublePolicy.ofStateMajor(new double[][][] {{x}}));
          BigFraction total = BigFraction.ZERO;
          for (int a = 0; a < x.length; a++) {
            total = total.add(q.prob(0, 0, a));
            if (a != largest) {
              assertThat(q.prob(0, 0, a)).as("entry %d of %s", a, List.of(x)).isEqualTo(BigFraction.from(x[a]));
            }
          }
          assertThat(total).isEqualTo(BigFraction.ONE);
          BigFraction delta = BigFraction.ONE.subtract(sum).abs();
          assertThat(q.prob(0, 0, largest).subtract(BigFraction.from(x[largest])).abs()).isEqualTo(delta);
        });
  }
}
