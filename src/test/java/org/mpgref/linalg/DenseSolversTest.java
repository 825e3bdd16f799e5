package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The dense solvers, exact (fraction-free Bareiss) and double (partial pivoting), on systems solved by hand (found by
 * mutation testing, issue 10).
 *
 * <ul>
 *   <li>A = [[0, 1], [2, 0]], B = [[3, 1], [4, 2]]: a zero in the first pivot position, so a row swap is needed; X =
 *       [[2, 1], [3, 1]].
 *   <li>A = [[1, 2], [2, 4]] is singular: after eliminating column 0 nothing is left in column 1.
 *   <li>(I − γP) X = B with γ = 1/2, P = [[0, 1], [0, 1]], B = [[1], [1]]: x_1 = 1/(1 − 1/2) = 2, x_0 = 1 + x_1/2 =
 *       2.
 * </ul>
 */
class DenseSolversTest {
  private static BigFraction[][] exact(double[][] m) {
    BigFraction[][] out = new BigFraction[m.length][];
    for (int r = 0; r < m.length; r++) {
      out[r] = new BigFraction[m[r].length];
      for (int c = 0; c < m[r].length; c++) {
        out[r][c] = BigFraction.from(m[r][c]);
      }
    }
    return out;
  }

  @Test
  void aZeroPivotIsSwappedAway() {
    double[][] a = {{0, 1}, {2, 0}};
    double[][] b = {{3, 1}, {4, 2}};
    double[][] x = DoubleLinearSolver.solve(a, b);
    assertThat(x[0]).containsExactly(2.0, 1.0);
    assertThat(x[1]).containsExactly(3.0, 1.0);
    BigFraction[][] e = ExactLinearSolver.solve(exact(a), exact(b));
    assertThat(e[0]).containsExactly(BigFraction.of(2), BigFraction.ONE);
    assertThat(e[1]).containsExactly(BigFraction.of(3), BigFraction.ONE);
  }

  @Test
  void theLargerPivotIsChosenInDouble() {
    // [[1, 1], [4, 2]] x = [3, 10]: x = (2, 1); pivoting on 4 keeps every intermediate dyadic
    double[][] x = DoubleLinearSolver.solve(new double[][] {{1, 1}, {4, 2}}, new double[][] {{3}, {10}});
    assertThat(x[0][0]).isEqualTo(2.0);
    assertThat(x[1][0]).isEqualTo(1.0);
    // three rows, the largest pivot of column 0 in the last row
    double[][] y = DoubleLinearSolver.solve(new double[][] {{1, 0, 0}, {0, 1, 0}, {2, 0, 1}},
        new double[][] {{1}, {2}, {3}});
    assertThat(new double[] {y[0][0], y[1][0], y[2][0]}).containsExactly(1.0, 2.0, 1.0);
  }

  @Test
  void aSingularMatrixNamesTheColumnWithoutPivot() {
    double[][] a = {{1, 2}, {2, 4}};
    double[][] b = {{1}, {1}};
    assertThatThrownBy(() -> DoubleLinearSolver.solve(a, b)).isInstanceOf(ArithmeticException.class)
        .hasMessage("singular matrix: no pivot in column 1");
    assertThatThrownBy(() -> ExactLinearSolver.solve(exact(a), exact(b))).isInstanceOf(ArithmeticException.class)
        .hasMessage("singular matrix: no pivot in column 1");
  }

  @Test
  void theDiscountedSolvesBuildIMinusGammaP() {
    double[][] p = {{0, 1}, {0, 1}};
    double[][] b = {{1}, {1}};
    double[][] x = DoubleLinearSolver.solveDiscounted(0.5, p, b);
    assertThat(new double[] {x[0][0], x[1][0]}).containsExactly(2.0, 2.0);
    BigFraction[][] e = ExactLinearSolver.solveDiscounted(BigFraction.of(1, 2), exact(p), exact(b));
    assertThat(new BigFraction[] {e[0][0], e[1][0]}).containsExactly(BigFraction.of(2), BigFraction.of(2));
  }

  @Test
  void theExactSolverRefusesMismatchedShapes() {
    BigFraction[][] a = exact(new double[][] {{1, 0}, {0, 1}});
    assertThatThrownBy(() -> ExactLinearSolver.solve(a, exact(new double[][] {{1}})))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("A has 2 rows but B has 1");
    assertThatThrownBy(() -> ExactLinearSolver.solve(a, exact(new double[][] {{1}, {1, 2}})))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1 of A or B has the wrong length");
    assertThatThrownBy(() -> ExactLinearSolver.solve(exact(new double[][] {{1, 0}, {0}}), exact(new double[][] {{1},
        {1}}))).isInstanceOf(IllegalArgumentException.class).hasMessage("row 1 of A or B has the wrong length");
    assertThat(ExactLinearSolver.solve(new BigFraction[0][], new BigFraction[0][])).isEmpty();
    assertThat(DoubleLinearSolver.solve(new double[0][], new double[0][])).isEmpty();
  }

  /** Rational entries with negative and different denominators are brought to one integer row exactly. */
  @Test
  void rationalRowsAreSolvedExactly() {
    // [[1/2, 1/3], [1/4, -1/6]] x = [1, 0]: from row 2, x_1 = (3/2) x_0; then x_0/2 + x_0/2 = 1: x = (1, 3/2)
    BigFraction[][] a = {{BigFraction.of(1, 2), BigFraction.of(1, 3)}, {BigFraction.of(1, 4), BigFraction.of(1, -6)}};
    BigFraction[][] b = {{BigFraction.ONE}, {BigFraction.ZERO}};
    BigFraction[][] x = ExactLinearSolver.solve(a, b);
    assertThat(x[0][0]).isEqualTo(BigFraction.ONE);
    assertThat(x[1][0]).isEqualTo(BigFraction.of(3, 2));
  }
}
