package org.mpgref.linalg;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * An immutable square exact matrix in compressed sparse rows: row r holds the columns {@code column(r, k)} and values
 * {@code value(r, k)} for k = 0..{@code rowLength(r)}−1, columns strictly increasing, no stored zero. Memory is
 * O(n + non-zeros), so a transition matrix with a few successors per state never costs O(n²).
 */
public final class SparseMatrix {
  private final int n;
  private final int[] start; // [n+1]
  private final int[] col; // [nnz]
  private final BigFraction[] val; // [nnz]

  private SparseMatrix(int n, int[] start, int[] col, BigFraction[] val) {
    this.n = n;
    this.start = start;
    this.col = col;
    this.val = val;
  }

  /**
   * The sparse form of a dense matrix (zeros dropped).
   *
   * @param dense n × n [row][col]
   * @return the matrix
   * @throws IllegalArgumentException if a row does not have n entries
   */
  public static SparseMatrix ofDense(BigFraction[][] dense) {
    Builder b = new Builder(dense.length);
    for (int r = 0; r < dense.length; r++) {
      if (dense[r].length != dense.length) {
        throw new IllegalArgumentException("row " + r + " has " + dense[r].length + " entries; expected " + dense.length);
      }
      for (int c = 0; c < dense.length; c++) {
        if (dense[r][c].signum() != 0) {
          b.add(c, dense[r][c]);
        }
      }
      b.endRow();
    }
    return b.build();
  }

  /**
   * @return n, the number of rows and columns
   */
  public int size() {
    return n;
  }

  /**
   * @return the number of stored (non-zero) entries
   */
  public int nonZeros() {
    return start[n];
  }

  /**
   * @param row r
   * @return the number of non-zeros of row r
   */
  public int rowLength(int row) {
    return start[row + 1] - start[row];
  }

  /**
   * @param row r
   * @param k position in the row, 0 ≤ k &lt; rowLength(r)
   * @return the column of the k-th non-zero of row r
   */
  public int column(int row, int k) {
    return col[start[row] + k];
  }

  /**
   * @param row r
   * @param k position in the row
   * @return the k-th non-zero of row r
   */
  public BigFraction value(int row, int k) {
    return val[start[row] + k];
  }

  /**
   * A(r, c) by binary search in row r.
   *
   * @param row r
   * @param column c
   * @return the entry (zero if not stored)
   */
  public BigFraction get(int row, int column) {
    int k = Arrays.binarySearch(col, start[row], start[row + 1], column);
    return k >= 0 ? val[k] : BigFraction.ZERO;
  }

  /**
   * The transpose, in O(n + non-zeros).
   *
   * @return A^T
   */
  public SparseMatrix transpose() {
    int nnz = start[n];
    int[] count = new int[n + 1];
    for (int k = 0; k < nnz; k++) {
      count[col[k] + 1]++;
    }
    for (int c = 0; c < n; c++) {
      count[c + 1] += count[c];
    }
    int[] tStart = count.clone();
    int[] next = Arrays.copyOf(count, n);
    int[] tCol = new int[nnz];
    BigFraction[] tVal = new BigFraction[nnz];
    for (int r = 0; r < n; r++) {
      for (int k = start[r]; k < start[r + 1]; k++) {
        int at = next[col[k]]++;
        tCol[at] = r;
        tVal[at] = val[k];
      }
    }
    return new SparseMatrix(n, tStart, tCol, tVal);
  }

  /**
   * I − γ A (the matrix of a discounted evaluation when A = P).
   *
   * @param gamma γ
   * @return I − γ A, sparse
   */
  public SparseMatrix identityMinus(BigFraction gamma) {
    Builder b = new Builder(n);
    for (int r = 0; r < n; r++) {
      boolean diagonal = false;
      for (int k = start[r]; k < start[r + 1]; k++) {
        int c = col[k];
        if (c > r && !diagonal) {
          b.add(r, BigFraction.ONE);
          diagonal = true;
        }
        BigFraction v = gamma.multiply(val[k]).negate();
        if (c == r) {
          v = BigFraction.ONE.add(v);
          diagonal = true;
        }
        if (v.signum() != 0) {
          b.add(c, v);
        }
      }
      if (!diagonal) {
        b.add(r, BigFraction.ONE);
      }
      b.endRow();
    }
    return b.build();
  }

  private static BigFraction[] copy(BigFraction[] xs, int length) {
    BigFraction[] out = new BigFraction[length];
    for (int k = 0; k < Math.min(length, xs.length); k++) {
      out[k] = xs[k];
    }
    for (int k = xs.length; k < length; k++) {
      out[k] = BigFraction.ZERO;
    }
    return out;
  }

  /** Builds a matrix row by row; within a row, columns must be added in increasing order. */
  public static final class Builder {
    private final int n;
    private int rows;
    private int[] start;
    private int[] col = new int[16];
    private BigFraction[] val = new BigFraction[16];
    private int nnz;

    /**
     * @param n the size
     */
    public Builder(int n) {
      this.n = n;
      this.start = new int[n + 1];
    }

    /**
     * Adds A(current row, c) = v (skipped if v is zero).
     *
     * @param column c, greater than the last column added to this row
     * @param value v
     * @return this
     * @throws IllegalArgumentException if the column is out of order or out of range
     */
    public Builder add(int column, BigFraction value) {
      if (column < 0 || column >= n || (nnz > start[rows] && col[nnz - 1] >= column)) {
        throw new IllegalArgumentException("column " + column + " out of order or out of range in row " + rows);
      }
      if (value.signum() == 0) {
        return this;
      }
      if (nnz == col.length) {
        col = Arrays.copyOf(col, 2 * nnz);
        val = copy(val, 2 * nnz);
      }
      col[nnz] = column;
      val[nnz++] = value;
      return this;
    }

    /**
     * Ends the current row.
     *
     * @return this
     */
    public Builder endRow() {
      rows++;
      start[rows] = nnz;
      return this;
    }

    /**
     * @return the matrix
     * @throws IllegalStateException if fewer than n rows were ended
     */
    public SparseMatrix build() {
      if (rows != n) {
        throw new IllegalStateException(rows + " rows of " + n + " built");
      }
      return new SparseMatrix(n, start.clone(), Arrays.copyOf(col, nnz), copy(val, nnz));
    }
  }
}
