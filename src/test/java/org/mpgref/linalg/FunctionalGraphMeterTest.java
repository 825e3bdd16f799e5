package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The running work meter of the functional-graph solve: the visitation of a deterministic cycle s → s+1 (mod L)
 * started at state 0 is d(s) = (1−γ) γ^s / (1 − γ^L) (proofs-notes/deterministic-cycle.md), whose size grows with s;
 * the solve either completes with exactly these values or stops with the limit named once the work so far passes it.
 */
class FunctionalGraphMeterTest {
  private static final BigFraction GAMMA = BigFraction.of(99, 100);

  private static SparseMatrix cycle(int length) {
    SparseMatrix.Builder b = new SparseMatrix.Builder(length);
    for (int s = 0; s < length; s++) {
      b.add((s + 1) % length, BigFraction.ONE).endRow();
    }
    return b.build();
  }

  private static BigFraction[] startAtZero(int length) {
    BigFraction[] rhs = new BigFraction[length];
    for (int s = 0; s < length; s++) {
      rhs[s] = s == 0 ? BigFraction.ONE.subtract(GAMMA) : BigFraction.ZERO;
    }
    return rhs;
  }

  @Test
  void completesWithTheClosedFormWithinTheLimit() {
    int length = 60;
    BigFraction[] d = SparseExactSolver.solveDiscountedTransposed("test visitation", GAMMA, cycle(length),
        startAtZero(length));
    BigFraction scale = BigFraction.ONE.subtract(GAMMA).divide(BigFraction.ONE.subtract(GAMMA.pow(length)));
    for (int s = 0; s < length; s++) {
      assertThat(d[s]).as("d(%d)", s).isEqualTo(scale.multiply(GAMMA.pow(s)));
    }
  }

  @Test
  void stopsOnceTheWorkSoFarPassesTheLimit() {
    int length = 3000;
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork(100_000_000).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solveDiscountedTransposed("test visitation", GAMMA, cycle(length),
          startAtZero(length)))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("test visitation of 3000 states (3000 non-zeros) along its functional graph")
          .hasMessageContaining("stopped after").hasMessageContaining("the limit is 1e8 work units (raise it with --max-work)");
    }
  }
}
