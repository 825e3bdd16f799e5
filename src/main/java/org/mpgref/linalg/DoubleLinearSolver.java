package org.mpgref.linalg;

/**
 * Double-precision solution of A X = B by Gaussian elimination with partial pivoting, on primitive arrays. The twin
 * of {@link ExactLinearSolver}; for (I − γP) with γ &lt; 1 the matrix is strictly diagonally dominant by rows, so
 * elimination is stable and the relative error is of order κ·2^-53 with κ ≤ (1+γ)/(1−γ) in the ∞-norm.
 */
public final class DoubleLinearSolver {
  private DoubleLinearSolver() {}

  /**
   * Solves A X = B. The inputs are not modified.
   *
   * @param a n × n [row][col]
   * @param b n × m
   * @return X, n × m
   * @throws ArithmeticException if a pivot is exactly zero
   */
  public static double[][] solve(double[][] a, double[][] b) {
    int n = a.length;
    int m = n == 0 ? 0 : b[0].length;
    double[][] z = new double[n][n + m];
    for (int r = 0; r < n; r++) {
      System.arraycopy(a[r], 0, z[r], 0, n);
      System.arraycopy(b[r], 0, z[r], n, m);
    }
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int r = k + 1; r < n; r++) {
        if (Math.abs(z[r][k]) > Math.abs(z[p][k])) {
          p = r;
        }
      }
      if (z[p][k] == 0) {
        throw new ArithmeticException("singular matrix: no pivot in column " + k);
      }
      double[] t = z[p];
      z[p] = z[k];
      z[k] = t;
      for (int r = k + 1; r < n; r++) {
        double f = z[r][k] / z[k][k];
        if (f != 0) {
          for (int c = k; c < n + m; c++) {
            z[r][c] -= f * z[k][c];
          }
        }
      }
    }
    double[][] x = new double[n][m];
    for (int col = 0; col < m; col++) {
      for (int r = n - 1; r >= 0; r--) {
        double acc = z[r][n + col];
        for (int c = r + 1; c < n; c++) {
          acc -= z[r][c] * x[c][col];
        }
        x[r][col] = acc / z[r][r];
      }
    }
    return x;
  }

  /**
   * Solves (I − γP) X = B.
   *
   * @param gamma γ
   * @param p n × n row-stochastic
   * @param b n × m
   * @return X
   */
  public static double[][] solveDiscounted(double gamma, double[][] p, double[][] b) {
    int n = p.length;
    double[][] a = new double[n][n];
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        a[s][t] = (s == t ? 1 : 0) - gamma * p[s][t];
      }
    }
    return solve(a, b);
  }
}
