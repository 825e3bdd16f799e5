package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The work limits of the sparse solves at figures derived by hand (proofs-notes/linalg-cost-model.md, case B and "The
 * running meter"; found by mutation testing, issue 10).
 */
class SparseSolverLimitsTest {
  /**
   * Case B's pattern with 2 on the diagonal and −1 off it: row 0 (2, −1), row 1 (2, −1) in columns 1, 2, row 2 (−1,
   * 2) in columns 0, 2, row 3 (−1, 2) in columns 0, 3 (strictly diagonally dominant by rows). With b = (1, 0, 0, 0):
   * x₁ = 2x₀ − 1, x₂ = 2x₁ = 4x₀ − 2, −x₀ + 2x₂ = 0 gives x₀ = 4/7, so x = (4/7, 1/7, 2/7, 2/7).
   */
  private static double[][] caseB() {
    return new double[][] {{2, -1, 0, 0}, {0, 2, -1, 0}, {-1, 0, 2, 0}, {-1, 0, 0, 2}};
  }

  /** The double sparse path plans 65 work units (m = 1) and one fill entry: it runs at 65 and stops at 64. */
  @Test
  void theDoubleSparseSolveRunsAtItsEstimateAndStopsBelowIt() {
    DoubleSparseMatrix a = DoubleSparseMatrix.ofDense(caseB());
    double[][] b = {{1}, {0}, {0}, {0}};
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(65).install()) {
      double[][] x = SparseDoubleSolver.solveSparse("double test", a, b);
      double[] expected = {4.0 / 7, 1.0 / 7, 2.0 / 7, 2.0 / 7};
      for (int r = 0; r < 4; r++) {
        assertThat(x[r][0]).as("x%d", r).isCloseTo(expected[r], Offset.offset(1e-15));
      }
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(64).install()) {
      assertThatThrownBy(() -> SparseDoubleSolver.solveSparse("double test", a, b))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("double test with at least 9 non-zeros after fill needs more than 64 work units (the estimate"
              + " stopped there); the limit is 64 work units (raise it with --max-work)");
    }
  }

  /**
   * The exact solve of case B's matrix (the one above, exactly) names the fill in its refusal: at a limit of 1 the
   * plan's budget is 100 (the slack); the cycle block is planned first and passes it at its first row update, after
   * the fill entry (1, 0) is counted: 8 + 1 = 9 non-zeros so far.
   */
  @Test
  void anExactEstimateFarAboveTheLimitIsRefusedWithTheFillSoFar() {
    BigFraction[][] dense = new BigFraction[4][4];
    double[][] d = caseB();
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        dense[r][c] = BigFraction.of((int) d[r][c]);
      }
    }
    // put the one-state block first (a sink): state 3 is needed by the cycle, not the other way round
    dense[3][0] = BigFraction.ZERO;
    dense[2][3] = BigFraction.of(-1);
    SparseMatrix a = SparseMatrix.ofDense(dense);
    BigFraction[][] b = {{BigFraction.ONE}, {BigFraction.ZERO}, {BigFraction.ZERO}, {BigFraction.ZERO}};
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(1).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solve("test solve", a, b))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("test solve with at least 9 non-zeros after fill needs more than 100 work units by its"
              + " upper-bound estimate (the estimate stopped there), more than 100 times the limit; the limit is 1"
              + " work units (raise it with --max-work)");
    }
  }

  /**
   * A = [[1, −u], [−u, 1]], u = 2⁻⁶³: the numeric phase charges exactly one operation, l = −u (64 bits) times the
   * stored −u (64 bits): 40 + 2·2·2 = 48 work units. So it completes at a limit of 48, with x = (1, 1)/(1 − u), and
   * stops at 47.
   */
  @Test
  void theRunningMeterStopsAtTheFirstChargeAboveTheLimit() {
    BigFraction u = BigFraction.of(BigInteger.ONE, BigInteger.TWO.pow(63));
    SparseMatrix a = SparseMatrix.ofDense(new BigFraction[][] {{BigFraction.ONE, u.negate()},
        {u.negate(), BigFraction.ONE}});
    BigFraction[][] b = {{BigFraction.ONE}, {BigFraction.ONE}};
    assertThat(SparseExactSolver.plan(a, b, Double.MAX_VALUE).work).as("within the slack of a limit of 47")
        .isLessThanOrEqualTo(47 * WorkMeter.SLACK);
    BigFraction expected = BigFraction.ONE.divide(BigFraction.ONE.subtract(u));
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(48).install()) {
      BigFraction[][] x = SparseExactSolver.solve("test solve", a, b);
      assertThat(x[0][0]).isEqualTo(expected);
      assertThat(x[1][0]).isEqualTo(expected);
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(47).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solve("test solve", a, b))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("test solve (stopped at row 1 of a block of 2 states) needs more than 48 work units; the limit"
              + " is 47 work units (raise it with --max-work)");
    }
  }

  /**
   * The meter's own figures: 40 + 2·w₁·w₂ per charge, w = 1 + bits/64: 44 for (0, 64), then 48 for (64, 64), total
   * 92, not above a limit of 92; then 42 for (0, 0) passes it at 134.
   */
  @Test
  void theMeterAddsEachChargeAndNamesWhereItStopped() {
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(92).install()) {
      WorkMeter meter = new WorkMeter("metered");
      meter.charge(0, 64, () -> "first");
      assertThat(meter.work()).isEqualTo(44.0);
      meter.charge(64, 64, () -> "second");
      assertThat(meter.work()).isEqualTo(92.0);
      assertThatThrownBy(() -> meter.charge(0, 0, () -> "third")).isInstanceOf(LimitExceededException.class)
          .hasMessage("metered (stopped third) needs more than 134 work units; the limit is 92 work units (raise it"
              + " with --max-work)");
    }
  }

  /**
   * The functional-graph estimate m·(3n·mul(B, g + r) + add(B)), B = n·g + r, g = bits(γ), r = the largest bits of
   * b. The 2-cycle's visitation, γ = 1/2 (g = 1 + 2 = 3), b = (1, 0) (bits 2 and 1, r = 2), n = 2, m = 1: B = 8,
   * mul(8, 5) = 40 + 2·(72/64)(69/64) = 42.42578125, add(8) = 40 + 2·(72/64)² = 42.53125, estimate 6·42.42578125 +
   * 42.53125 = 297.0859375: refused at a limit of 297, solved at 298 (d = (4/3, 2/3): d₀ = 1 + d₁/2, d₁ = d₀/2).
   */
  @Test
  void theFunctionalGraphEstimateOfAVisitation() {
    SparseMatrix cycle = SparseMatrix.ofDense(new BigFraction[][] {{BigFraction.ZERO, BigFraction.ONE},
        {BigFraction.ONE, BigFraction.ZERO}});
    BigFraction half = BigFraction.of(1, 2);
    BigFraction[] b = {BigFraction.ONE, BigFraction.ZERO};
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(297).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solveDiscountedTransposed("visitation", half, cycle, b))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("visitation of 2 states (2 non-zeros) along its functional graph needs about 297 work units;"
              + " the limit is 297 work units (raise it with --max-work)");
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(298).install()) {
      assertThat(SparseExactSolver.solveDiscountedTransposed("visitation", half, cycle, b))
          .containsExactly(BigFraction.of(4, 3), BigFraction.of(2, 3));
    }
  }

  /**
   * The same estimate for values: the path 0 → 1 → 2 → 2, γ = 1/2, two columns b = ((1, 0), (0, 0), (4, 1)) (bits 2,
   * 1, 1, 1, 4, 2: r = 4), n = 3, m = 2: B = 9 + 4 = 13, mul(13, 7) = 40 + 2·(77/64)(71/64) = 42.66943359375, add(13)
   * = 40 + 2·(77/64)² = 42.89501953125, estimate 2·(9·42.66943359375 + 42.89501953125) = 853.83984375: refused at
   * 853, solved at 854: x₂ = b₂/(1 − 1/2) = (8, 2), x₁ = b₁ + x₂/2 = (4, 1), x₀ = b₀ + x₁/2 = (3, 1/2).
   */
  @Test
  void theFunctionalGraphEstimateOfValues() {
    BigFraction z = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    SparseMatrix path = SparseMatrix.ofDense(new BigFraction[][] {{z, one, z}, {z, z, one}, {z, z, one}});
    BigFraction half = BigFraction.of(1, 2);
    BigFraction[][] b = {{one, z}, {z, z}, {BigFraction.of(4), one}};
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(853).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solveDiscounted("values", half, path, b))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("values of 3 states (3 non-zeros) along its functional graph needs about 854 work units;"
              + " the limit is 853 work units (raise it with --max-work)");
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(854).install()) {
      BigFraction[][] x = SparseExactSolver.solveDiscounted("values", half, path, b);
      assertThat(x[0]).containsExactly(BigFraction.of(3), half);
      assertThat(x[1]).containsExactly(BigFraction.of(4), one);
      assertThat(x[2]).containsExactly(BigFraction.of(8), BigFraction.of(2));
    }
  }

  /**
   * Systems of at most {@link SparseDoubleSolver#DENSE_BELOW} = 256 states take the dense path, which has no work
   * estimate: the identity of 256 states is solved (x = b) under a limit of 1 work unit. That of 257 states takes the
   * sparse path: 257 one-state blocks of 2·2·1 + 1 = 5 units each, 1285 in all; refused at 1284 (the estimate stops
   * at the last block, with no fill: the message names none), solved at 1285.
   */
  @Test
  void theDensePathEndsAt256States() {
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(1).install()) {
      double[][] x = SparseDoubleSolver.solve("double test", identity(256), ones(256));
      assertThat(x).hasDimensions(256, 1);
      for (double[] row : x) {
        assertThat(row[0]).isEqualTo(1.0);
      }
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(1284).install()) {
      assertThatThrownBy(() -> SparseDoubleSolver.solve("double test", identity(257), ones(257)))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("double test needs more than 1284 work units (the estimate stopped there); the limit is 1284"
              + " work units (raise it with --max-work)");
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(1285).install()) {
      double[][] x = SparseDoubleSolver.solve("double test", identity(257), ones(257));
      assertThat(x).hasDimensions(257, 1);
      for (double[] row : x) {
        assertThat(row[0]).isEqualTo(1.0);
      }
    }
  }

  private static DoubleSparseMatrix identity(int n) {
    double[][] a = new double[n][n];
    for (int r = 0; r < n; r++) {
      a[r][r] = 1;
    }
    return DoubleSparseMatrix.ofDense(a);
  }

  private static double[][] ones(int n) {
    double[][] b = new double[n][1];
    for (double[] row : b) {
      row[0] = 1;
    }
    return b;
  }
}
