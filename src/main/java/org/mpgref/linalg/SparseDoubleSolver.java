package org.mpgref.linalg;

import org.mpgref.limits.Cancellation;
import org.mpgref.limits.Limits;

/**
 * The double twin of {@link SparseExactSolver} on primitive arrays: the same block-triangular decomposition, the same
 * Markowitz order and the same row-by-row elimination with diagonal pivots, which is stable for the strictly diagonally
 * dominant I − γP and I − γP^T (relative error of order κ·2^-53, κ ≤ (1+γ)/(1−γ) in the ∞-norm, as
 * {@link DoubleLinearSolver}). The work (one unit per floating-point operation) and the factor memory are estimated
 * and refused before the arithmetic, as in the exact solver.
 */
public final class SparseDoubleSolver {
  /** Systems of at most this many states are solved densely by {@link DoubleLinearSolver} (bit-identical results). */
  public static final int DENSE_BELOW = 256;

  private SparseDoubleSolver() {}

  /**
   * Solves (I − γP) X = B.
   *
   * @param what the computation, for a refusal
   * @param gamma γ
   * @param p row-stochastic P
   * @param b n × m
   * @return X
   * @throws org.mpgref.limits.LimitExceededException if the estimated work or memory is above the limits
   */
  public static double[][] solveDiscounted(String what, double gamma, DoubleSparseMatrix p, double[][] b) {
    return solve(what + " of " + p.size() + " states (" + p.nonZeros() + " non-zeros)", p.identityMinus(gamma), b);
  }

  /**
   * Solves (I − γP^T) d = b.
   *
   * @param what the computation, for a refusal
   * @param gamma γ
   * @param p row-stochastic P
   * @param b [s]
   * @return d [s]
   * @throws org.mpgref.limits.LimitExceededException if the estimated work or memory is above the limits
   */
  public static double[] solveDiscountedTransposed(String what, double gamma, DoubleSparseMatrix p, double[] b) {
    double[][] rhs = new double[b.length][1];
    for (int s = 0; s < b.length; s++) {
      rhs[s][0] = b[s];
    }
    double[][] x = solve(what + " of " + p.size() + " states (" + p.nonZeros() + " non-zeros)",
        p.transpose().identityMinus(gamma), rhs);
    double[] d = new double[b.length];
    for (int s = 0; s < b.length; s++) {
      d[s] = x[s][0];
    }
    return d;
  }

  /**
   * Solves A X = B with diagonal pivots in the planned order.
   *
   * @param what the computation and its sizes
   * @param a A
   * @param b B, n × m
   * @return X
   * @throws org.mpgref.limits.LimitExceededException if the estimated work or memory is above the limits
   * @throws ArithmeticException on a zero pivot
   */
  public static double[][] solve(String what, DoubleSparseMatrix a, double[][] b) {
    int n = a.size();
    if (b.length != n) {
      throw new IllegalArgumentException("A has " + n + " rows but B has " + b.length);
    }
    int m = n == 0 ? 0 : b[0].length;
    if (n <= DENSE_BELOW) {
      // small systems: the dense partial-pivoting elimination of DoubleLinearSolver, so that results are bit for bit
      // those of the dense twin (O(n³) ≤ 2·10^7 flops)
      double[][] dense = new double[n][n];
      for (int r = 0; r < n; r++) {
        for (int k = 0; k < a.rowLength(r); k++) {
          dense[r][a.column(r, k)] = a.value(r, k);
        }
      }
      return DoubleLinearSolver.solve(dense, b);
    }
    return solveSparse(what, a, b);
  }

  /** The sparse path of {@link #solve} at any size (tests call it on small systems too). */
  static double[][] solveSparse(String what, DoubleSparseMatrix a, double[][] b) {
    int n = a.size();
    int m = n == 0 ? 0 : b[0].length;
    int[] start = new int[n + 1];
    int[] colIdx = new int[a.nonZeros()];
    for (int r = 0; r < n; r++) {
      start[r + 1] = start[r] + a.rowLength(r);
      for (int k = 0; k < a.rowLength(r); k++) {
        colIdx[start[r] + k] = a.column(r, k);
      }
    }
    double budget = Limits.current().maxWork();
    SparsePlan plan = SparsePlan.of(start, colIdx, false, new int[0], new double[0], m, new double[0], budget);
    String full = what + (plan.factorNonZeros > a.nonZeros()
        ? " with " + (plan.aborted ? "at least " : "") + plan.factorNonZeros + " non-zeros after fill" : "");
    plan.require(full);
    MemoryBudget.require(full, plan.factorNonZeros * 12.0);
    double[][] x = new double[n][];
    int[] pos = new int[n];
    java.util.Arrays.fill(pos, -1);
    for (int blk = 0; blk < plan.blocks; blk++) {
      Cancellation.check();
      int lo = plan.blockStart[blk];
      int hi = plan.blockStart[blk + 1];
      int size = hi - lo;
      for (int k = lo; k < hi; k++) {
        pos[plan.order[k]] = k - lo;
      }
      int[][] uCol = new int[size][];
      double[][] uVal = new double[size][];
      double[] diag = new double[size];
      double[][] y = new double[size][];
      double[] acc = new double[size];
      int[] touched = new int[size];
      boolean[] isTouched = new boolean[size];
      SparseExactSolver.IntHeap heap = new SparseExactSolver.IntHeap(size);
      for (int i = 0; i < size; i++) {
        if ((i & 255) == 0) {
          Cancellation.check();
        }
        int r = plan.order[lo + i];
        double[] rhs = b[r].clone();
        int nt = 0;
        for (int k = 0; k < a.rowLength(r); k++) {
          int c = a.column(r, k);
          double v = a.value(r, k);
          int lc = pos[c];
          if (lc >= 0) {
            acc[lc] = v;
            isTouched[lc] = true;
            touched[nt++] = lc;
            if (lc < i) {
              heap.push(lc);
            }
          } else {
            double[] xc = x[c];
            for (int col = 0; col < m; col++) {
              rhs[col] -= v * xc[col];
            }
          }
        }
        while (!heap.isEmpty()) {
          int j = heap.pop();
          if (acc[j] == 0) {
            continue;
          }
          double l = acc[j] / diag[j];
          int[] cj = uCol[j];
          double[] vj = uVal[j];
          for (int q = 0; q < cj.length; q++) {
            int c = cj[q];
            if (!isTouched[c]) {
              acc[c] = -l * vj[q];
              isTouched[c] = true;
              touched[nt++] = c;
              if (c < i) {
                heap.push(c);
              }
            } else {
              acc[c] -= l * vj[q];
            }
          }
          for (int col = 0; col < m; col++) {
            rhs[col] -= l * y[j][col];
          }
        }
        int count = 0;
        for (int t = 0; t < nt; t++) {
          if (touched[t] > i) {
            count++;
          }
        }
        int[] cols = new int[count];
        double[] vals = new double[count];
        count = 0;
        double d = acc[i];
        for (int t = 0; t < nt; t++) {
          int c = touched[t];
          if (c > i) {
            cols[count] = c;
            vals[count++] = acc[c];
          }
          acc[c] = 0;
          isTouched[c] = false;
        }
        if (d == 0) {
          throw new ArithmeticException("zero pivot at state " + r);
        }
        uCol[i] = cols;
        uVal[i] = vals;
        diag[i] = d;
        y[i] = rhs;
      }
      double[][] xl = new double[size][];
      for (int i = size - 1; i >= 0; i--) {
        double[] row = y[i].clone();
        for (int q = 0; q < uCol[i].length; q++) {
          double[] xc = xl[uCol[i][q]];
          double u = uVal[i][q];
          for (int col = 0; col < m; col++) {
            row[col] -= u * xc[col];
          }
        }
        for (int col = 0; col < m; col++) {
          row[col] /= diag[i];
        }
        xl[i] = row;
      }
      for (int k = lo; k < hi; k++) {
        x[plan.order[k]] = xl[k - lo];
        pos[plan.order[k]] = -1;
      }
    }
    return x;
  }
}
