package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The double projection's renormalisation, on a case solved by hand (found by mutation testing, issue 10). */
class SimplexProjectionByHandTest {
  /**
   * y = (2.5, 2.5, 2.5): all three coordinates enter (ρ = 3), τ = (7.5 − 1)/3 = 13/6 and the projection is (1/3, 1/3,
   * 1/3). In double, 6.5/3 rounds down to 2.1666666666666665, so y − τ = 0.3333333333333335, three units in the last
   * place (about 1.7·10⁻¹⁶) above 1/3, and the three sum to 1.0000000000000004; dividing by that sum brings each entry
   * back to within one unit in the last place (5.6·10⁻¹⁷) of 1/3.
   */
  @Test
  void theRenormalisationRemovesTheRoundingOfTau() {
    double[] x = SimplexProjection.project(new double[] {2.5, 2.5, 2.5});
    for (double v : x) {
      assertThat(v).isCloseTo(1.0 / 3, Offset.offset(1e-16));
    }
  }
}
