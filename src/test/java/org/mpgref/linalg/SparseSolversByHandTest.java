package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The sparse discounted solves on small systems solved by hand (found by mutation testing, issue 10), γ = 1/2.
 *
 * <ul>
 *   <li>P = [[0, 1/2, 1/2], [0, 0, 0], [1/4, 0, 3/4]], b = (1, 1, 1): (I − P/2)x = b gives x_1 = 1, x_0 = 5/4 +
 *       x_2/4 and 5x_2 = 8 + x_0, so x = (33/19, 1, 37/19). The transposed system (I − P^T/2)d = (1, 0, 0) gives d_1
 *       = d_0/4, d_2 = 2d_0/5 and d_0 − d_2/8 = 1, so d = (20/19, 5/19, 8/19).
 *   <li>The path 0 → 1 → 2 → 2 (one unit entry per row: the functional-graph solve), b = (1, 0, 4): x_2 = 4/(1 −
 *       1/2) = 8, x_1 = 0 + 8/2 = 4, x_0 = 1 + 4/2 = 3.
 *   <li>P = [[1/2]] has one entry per row, but not 1: the general solve, x = 1/(1 − 1/4) = 4/3.
 * </ul>
 */
class SparseSolversByHandTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;
  private static final BigFraction HALF = BigFraction.of(1, 2);
  private static final SparseMatrix P = SparseMatrix.ofDense(new BigFraction[][] {{Z, HALF, HALF}, {Z, Z, Z},
      {BigFraction.of(1, 4), Z, BigFraction.of(3, 4)}});
  private static final DoubleSparseMatrix PD = DoubleSparseMatrix.ofDense(new double[][] {{0, 0.5, 0.5}, {0, 0, 0},
      {0.25, 0, 0.75}});

  private static BigFraction[][] column(BigFraction... xs) {
    BigFraction[][] out = new BigFraction[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      out[i] = new BigFraction[] {xs[i]};
    }
    return out;
  }

  @Test
  void theGeneralSolvesMatchTheHandSolution() {
    BigFraction[][] x = SparseExactSolver.solveDiscounted("values", HALF, P, column(ONE, ONE, ONE));
    assertThat(new BigFraction[] {x[0][0], x[1][0], x[2][0]}).containsExactly(BigFraction.of(33, 19), ONE,
        BigFraction.of(37, 19));
    BigFraction[] d = SparseExactSolver.solveDiscountedTransposed("visitation", HALF, P, new BigFraction[] {ONE, Z, Z});
    assertThat(d).containsExactly(BigFraction.of(20, 19), BigFraction.of(5, 19), BigFraction.of(8, 19));
    double[][] xd = SparseDoubleSolver.solveDiscounted("values", 0.5, PD, new double[][] {{1}, {1}, {1}});
    assertThat(xd[0][0]).isCloseTo(33.0 / 19, Offset.offset(1e-15));
    assertThat(xd[1][0]).isCloseTo(1.0, Offset.offset(1e-15));
    assertThat(xd[2][0]).isCloseTo(37.0 / 19, Offset.offset(1e-15));
    double[] dd = SparseDoubleSolver.solveDiscountedTransposed("visitation", 0.5, PD, new double[] {1, 0, 0});
    assertThat(dd[0]).isCloseTo(20.0 / 19, Offset.offset(1e-15));
    assertThat(dd[1]).isCloseTo(5.0 / 19, Offset.offset(1e-15));
    assertThat(dd[2]).isCloseTo(8.0 / 19, Offset.offset(1e-15));
  }

  @Test
  void aFunctionalGraphIsSolvedAlongItsPaths() {
    SparseMatrix path = SparseMatrix.ofDense(new BigFraction[][] {{Z, ONE, Z}, {Z, Z, ONE}, {Z, Z, ONE}});
    assertThat(SparseExactSolver.unitSuccessors(path)).containsExactly(1, 2, 2);
    BigFraction[][] x = SparseExactSolver.solveDiscounted("values", HALF, path, column(ONE, Z, BigFraction.of(4)));
    assertThat(new BigFraction[] {x[0][0], x[1][0], x[2][0]}).containsExactly(BigFraction.of(3), BigFraction.of(4),
        BigFraction.of(8));
    // the transpose of the 2-cycle is the 2-cycle: d_0 = 1 + d_1/2, d_1 = d_0/2, so d = (4/3, 2/3)
    SparseMatrix cycle = SparseMatrix.ofDense(new BigFraction[][] {{Z, ONE}, {ONE, Z}});
    assertThat(SparseExactSolver.solveDiscountedTransposed("visitation", HALF, cycle, new BigFraction[] {ONE, Z}))
        .containsExactly(BigFraction.of(4, 3), BigFraction.of(2, 3));
  }

  @Test
  void aSingleEntryThatIsNotOneIsNotAFunctionalGraph() {
    SparseMatrix half = SparseMatrix.ofDense(new BigFraction[][] {{HALF}});
    assertThat(SparseExactSolver.unitSuccessors(half)).isNull();
    assertThat(SparseExactSolver.unitSuccessors(P)).isNull();
    assertThat(SparseExactSolver.solveDiscounted("values", HALF, half, column(ONE))[0][0])
        .isEqualTo(BigFraction.of(4, 3));
    assertThat(SparseExactSolver.solveDiscountedTransposed("visitation", HALF, half, new BigFraction[] {ONE})[0])
        .isEqualTo(BigFraction.of(4, 3));
  }

  @Test
  void mismatchedShapesAreRefused() {
    assertThatThrownBy(() -> SparseExactSolver.solve("x", P, column(ONE))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A has 3 rows but B has 1");
    assertThatThrownBy(() -> SparseDoubleSolver.solve("x", PD, new double[][] {{1}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("A has 3 rows but B has 1");
  }
}
