package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * Edge cases of the sparse and dense solvers, each solved by hand (found by mutation testing, issue 10): the empty
 * system, a zero diagonal that the elimination fills in, zero pivots, a dense block whose rows meet their earlier pivots
 * in decreasing order, interruption, the meter of a long tail, and the fast-path test of the dense discounted solve.
 */
class SparseSolverEdgesTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final BigFraction HALF = BigFraction.of(1, 2);

  private static BigFraction f(long v) {
    return BigFraction.of(v);
  }

  @Test
  void theEmptySystemHasTheEmptySolution() {
    SparseMatrix empty = SparseMatrix.ofDense(new BigFraction[0][]);
    assertThat(SparseExactSolver.solve("x", empty, new BigFraction[0][])).isEmpty();
    assertThat(SparseExactSolver.solveDiscounted("x", HALF, empty, new BigFraction[0][])).isEmpty();
    assertThat(SparseExactSolver.solveDiscountedTransposed("x", HALF, empty, new BigFraction[0])).isEmpty();
    DoubleSparseMatrix emptyD = DoubleSparseMatrix.ofDense(new double[0][]);
    assertThat(SparseDoubleSolver.solve("x", emptyD, new double[0][])).isEmpty();
    assertThat(SparseDoubleSolver.solveSparse("x", emptyD, new double[0][])).isEmpty();
  }

  /**
   * A = [[0, 1, 1], [1, 2, 0], [1, 0, 2]] (state 0 has no diagonal entry), b = (1, 0, 0). Tarjan pops 2, 1, 0; all
   * three Markowitz keys are 1, so the pivots are 2, 1, 0: the (0,0) entry is created by eliminating pivot 2, 0 − 1·1/2,
   * and reduced by pivot 1 to −1, a valid last pivot. By hand: x₀ + 2x₁ = 0 and x₀ + 2x₂ = 0 give x₁ = x₂ = −x₀/2, and
   * x₁ + x₂ = 1 gives x₀ = −1: x = (−1, 1/2, 1/2) (halves: exact in double too).
   */
  @Test
  void aZeroDiagonalFilledInByTheEliminationIsAValidPivot() {
    BigFraction[][] a = {{Z, ONE, ONE}, {ONE, f(2), Z}, {ONE, Z, f(2)}};
    BigFraction[][] x = SparseExactSolver.solve("x", SparseMatrix.ofDense(a), new BigFraction[][] {{ONE}, {Z}, {Z}});
    assertThat(new BigFraction[] {x[0][0], x[1][0], x[2][0]}).containsExactly(f(-1), HALF, HALF);
    double[][] xd = SparseDoubleSolver.solveSparse("x", DoubleSparseMatrix.ofDense(new double[][] {{0, 1, 1}, {1, 2, 0},
        {1, 0, 2}}), new double[][] {{1}, {0}, {0}});
    assertThat(new double[] {xd[0][0], xd[1][0], xd[2][0]}).containsExactly(-1, 0.5, 0.5);
  }

  /**
   * Zero pivots. [[0, 1], [1, 0]]: both keys 0, state 1 (popped first by Tarjan) is pivoted first and has no diagonal
   * entry. [[1, 1], [1, 1]]: pivot 1 is 1, then state 0's pivot is 1 − 1·1/1 = 0.
   */
  @Test
  void zeroPivotsNameTheirState() {
    BigFraction[][] b = {{ONE}, {ONE}};
    assertThatThrownBy(() -> SparseExactSolver.solve("x", SparseMatrix.ofDense(new BigFraction[][] {{Z, ONE},
        {ONE, Z}}), b)).isInstanceOf(ArithmeticException.class)
        .hasMessage("zero pivot at state 1 (the matrix is singular or not diagonally dominant)");
    assertThatThrownBy(() -> SparseExactSolver.solve("x", SparseMatrix.ofDense(new BigFraction[][] {{ONE, ONE},
        {ONE, ONE}}), b)).isInstanceOf(ArithmeticException.class)
        .hasMessage("zero pivot at state 0 (the matrix is singular or not diagonally dominant)");
    double[][] bd = {{1}, {1}};
    assertThatThrownBy(() -> SparseDoubleSolver.solveSparse("x", DoubleSparseMatrix.ofDense(new double[][] {{0, 1},
        {1, 0}}), bd)).isInstanceOf(ArithmeticException.class).hasMessage("zero pivot at state 1");
    assertThatThrownBy(() -> SparseDoubleSolver.solveSparse("x", DoubleSparseMatrix.ofDense(new double[][] {{1, 1},
        {1, 1}}), bd)).isInstanceOf(ArithmeticException.class).hasMessage("zero pivot at state 0");
  }

  /**
   * A dense 5 × 5 block, A(r,c) = 30 on the diagonal and (r + 2c) mod 5 + 1 ∈ [1, 5] elsewhere (strictly diagonally
   * dominant: 4·5 &lt; 30), all Markowitz keys equal, so the pivots are 4, 3, 2, 1, 0 and row 0 meets the earlier pivots
   * in the column order 1, 2, 3, 4, i.e. in decreasing pivot position (its pending-pivot heap receives 3, 2, 1, 0). The
   * solution x = (1, −1, 2, 0, 1/2) is chosen and b = A·x computed from it.
   */
  @Test
  void aDenseBlockIsEliminatedInPivotOrder() {
    int n = 5;
    BigFraction[] x = {ONE, f(-1), f(2), Z, HALF};
    BigFraction[][] a = new BigFraction[n][n];
    double[][] ad = new double[n][n];
    BigFraction[][] b = new BigFraction[n][1];
    double[][] bd = new double[n][1];
    for (int r = 0; r < n; r++) {
      BigFraction sum = Z;
      for (int c = 0; c < n; c++) {
        a[r][c] = r == c ? f(30) : f((r + 2 * c) % 5 + 1);
        ad[r][c] = a[r][c].doubleValue();
        sum = sum.add(a[r][c].multiply(x[c]));
      }
      b[r][0] = sum;
      bd[r][0] = sum.doubleValue();
    }
    BigFraction[][] got = SparseExactSolver.solve("x", SparseMatrix.ofDense(a), b);
    double[][] gotD = SparseDoubleSolver.solveSparse("x", DoubleSparseMatrix.ofDense(ad), bd);
    for (int r = 0; r < n; r++) {
      assertThat(got[r][0]).as("x%d", r).isEqualTo(x[r]);
      assertThat(gotD[r][0]).as("x%d (double)", r).isCloseTo(x[r].doubleValue(), Offset.offset(1e-14));
    }
  }

  /** An interrupted functional-graph solve stops at its first cycle sum (2-cycle, γ = 1/2). */
  @Test
  void anInterruptedFunctionalGraphSolveStops() {
    SparseMatrix cycle = SparseMatrix.ofDense(new BigFraction[][] {{Z, ONE}, {ONE, Z}});
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> SparseExactSolver.solveDiscounted("x", HALF, cycle, new BigFraction[][] {{ONE}, {Z}}))
          .isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }

  /** The meter checks the interrupt at every 1024th charge, not before. */
  @Test
  void theMeterChecksTheInterruptEvery1024Charges() {
    WorkMeter meter = new WorkMeter("x");
    Thread.currentThread().interrupt();
    try {
      for (int k = 1; k < 1024; k++) {
        meter.charge(0, 0, () -> "here");
      }
      assertThat(meter.work()).isEqualTo(1023 * 42.0);
      assertThatThrownBy(() -> meter.charge(0, 0, () -> "here")).isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }

  /**
   * The value solve of a 3000-state path 0 → 1 → … → 2999 ↺ with γ = 99/100 (g = 7 + 7 = 14 bits) and b = e₂₉₉₉/100
   * (8 bits): x(2999) = 1 and x(2999 − j) = 99^j/100^j. The a-priori estimate, 3·3000·(40 + 2·w(42008)·w(22)) + 40 +
   * 2·w(42008)² ≈ 1.7·10^7 (w(b) = 1 + b/64, 42008 = 3000·14 + 8), is below the limit 10^8, so the solve runs. Its
   * t-th tail step (state 2999 − t) charges 40 + 2·w(B)·w(14) + 40 + 2·w(B)², B = max(14, bits(99^(t−1)/100^(t−1))).
   * Summed with the exact bit lengths of 99^j and 100^j, the total is about 10^8 − 10^5 after step 1508 and passes
   * 10^8 at step 1509, where B = bitLength(99^1508) + bitLength(100^1508) = 9998 + 10019 = 20017 (a step costs about
   * 2·(1 + 20017/64)² ≈ 2·10^5, far more than the margins).
   */
  @Test
  void theMeterStopsAlongATail() {
    int n = 3000;
    SparseMatrix.Builder p = new SparseMatrix.Builder(n);
    for (int s = 0; s < n; s++) {
      p.add(Math.min(s + 1, n - 1), ONE).endRow();
    }
    BigFraction[][] b = new BigFraction[n][];
    for (int s = 0; s < n; s++) {
      b[s] = new BigFraction[] {s == n - 1 ? BigFraction.of(1, 100) : Z};
    }
    SparseMatrix path = p.build();
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork(100_000_000).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solveDiscounted("test values", BigFraction.of(99, 100), path, b))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("test values of 3000 states (3000 non-zeros) along its functional graph (stopped after 1509 of"
              + " 3000 steps, where the values have grown to 20017 bits) needs more than 1e8 work units; the limit is"
              + " 1e8 work units (raise it with --max-work)");
    }
  }

  /**
   * The dense fast path needs unit rows: P = [[1/2, 0], [0, 1]] has one entry per row but the first is not 1, so with
   * γ = 1/2 and b = (1, 1): x₀ = 1/(1 − 1/4) = 4/3, x₁ = 1/(1 − 1/2) = 2.
   */
  @Test
  void aSingleEntryBelowOneIsNotAUnitRow() {
    BigFraction[][] x = ExactLinearSolver.solveDiscounted(HALF, new BigFraction[][] {{HALF, Z}, {Z, ONE}},
        new BigFraction[][] {{ONE}, {ONE}});
    assertThat(x[0][0]).isEqualTo(BigFraction.of(4, 3));
    assertThat(x[1][0]).isEqualTo(f(2));
  }
}
