package org.mpgref.linalg;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.limits.Cancellation;
import org.mpgref.limits.Limits;

/**
 * Exact sparse solution of A X = B, in particular (I − γP) X = B (values) and (I − γP^T) d = b (visitations), never
 * touching a double. The matrix is split into its block-triangular form (strongly connected components, solved in
 * topological order, each block's right-hand side updated with the solutions of the blocks it depends on); inside a
 * block, Gaussian elimination on the diagonal in Markowitz's fill-reducing order ({@link SparsePlan}), row by row in
 * reduced fractions (every intermediate is a ratio of minors, so it stays within the Hadamard bound), then back
 * substitution. A permutation-like P (every row of P, or of P^T, a unit vector) is solved along its functional graph
 * in O(n·m) operations ({@link ExactLinearSolver#solveDiscounted}).
 *
 * <p>Before any arithmetic the work is estimated from the pattern and the bit sizes of the entries and refused above
 * {@link Limits#maxWork()} ({@link Limits#requireWork}), and the memory of the factors above {@link MemoryBudget}. The
 * dense {@link ExactLinearSolver#solve} is the reference the tests compare against. Loops call
 * {@link Cancellation#check()}.
 */
public final class SparseExactSolver {
  private SparseExactSolver() {}

  /**
   * Solves (I − γP) X = B.
   *
   * @param what the computation for a refusal, e.g. {@code "exact value solve"}
   * @param gamma γ in [0,1)
   * @param p row-stochastic P, n × n sparse
   * @param b n × m right-hand sides [s][k]
   * @return X, n × m
   * @throws org.mpgref.limits.LimitExceededException if the estimated work or memory is above the limits
   */
  public static BigFraction[][] solveDiscounted(String what, BigFraction gamma, SparseMatrix p, BigFraction[][] b) {
    int[] next = unitSuccessors(p);
    if (next != null) {
      Limits.requireWork(describe(what, p) + " along its functional graph",
          estimateFunctionalGraph(gamma, b, p.size()));
      return ExactLinearSolver.solveFunctionalGraph(describe(what, p), gamma, next, b);
    }
    return solve(describe(what, p), p.identityMinus(gamma), b);
  }

  /**
   * Solves (I − γP^T) d = b, e.g. the discounted visitation with b = (1−γ)ρ.
   *
   * @param what the computation for a refusal, e.g. {@code "exact visitation solve"}
   * @param gamma γ
   * @param p row-stochastic P
   * @param b the right-hand side [s]
   * @return d [s]
   * @throws org.mpgref.limits.LimitExceededException if the estimated work or memory is above the limits
   */
  public static BigFraction[] solveDiscountedTransposed(String what, BigFraction gamma, SparseMatrix p, BigFraction[] b) {
    SparseMatrix t = p.transpose();
    BigFraction[][] rhs = new BigFraction[b.length][];
    for (int s = 0; s < b.length; s++) {
      rhs[s] = new BigFraction[] {b[s]};
    }
    int[] next = unitSuccessors(t);
    BigFraction[][] x;
    if (next != null) {
      Limits.requireWork(describe(what, p) + " along its functional graph", estimateFunctionalGraph(gamma, rhs, p.size()));
      x = ExactLinearSolver.solveFunctionalGraph(describe(what, p), gamma, next, rhs);
    } else {
      x = solve(describe(what, p), t.identityMinus(gamma), rhs);
    }
    BigFraction[] d = new BigFraction[b.length];
    for (int s = 0; s < b.length; s++) {
      d[s] = x[s][0];
    }
    return d;
  }

  private static String describe(String what, SparseMatrix p) {
    return what + " of " + p.size() + " states (" + p.nonZeros() + " non-zeros)";
  }

  /** Successor of each row if every row is a unit vector (a single entry equal to 1), else null. */
  static int @Nullable [] unitSuccessors(SparseMatrix p) {
    int n = p.size();
    int[] next = new int[n];
    for (int s = 0; s < n; s++) {
      if (p.rowLength(s) != 1 || !p.value(s, 0).equals(BigFraction.ONE)) {
        return null;
      }
      next[s] = p.column(s, 0);
    }
    return next;
  }

  /** Work of the functional-graph solve: per state and column one multiply-add, on numbers of up to L·bits(γ) bits. */
  private static double estimateFunctionalGraph(BigFraction gamma, BigFraction[][] b, int n) {
    int m = n == 0 ? 0 : b[0].length;
    double g = bits(gamma);
    double rb = 0;
    for (BigFraction[] row : b) {
      for (BigFraction x : row) {
        rb = Math.max(rb, bits(x));
      }
    }
    // the longest cycle has at most n states: its integer Horner sum has about L·bits(γ) + bits(b) bits and costs two
    // big × small products per state and one big gcd; each other state then costs one product by γ and one sum
    // (charged linearly: the reduced solution is assumed no larger than the cycle sum's single gcd suggests)
    double big = n * g + rb;
    return (double) m * (3.0 * n * SparsePlan.mul(big, g + rb, true) + SparsePlan.add(big, true));
  }

  static double bits(BigFraction x) {
    return x.getNumerator().bitLength() + x.getDenominator().bitLength();
  }

  /**
   * The plan (order, fill, estimated work) of solving A X = B, without solving.
   *
   * @param a A, n × n
   * @param b B, n × m
   * @param budget stop estimating once the work passes this
   * @return the plan
   */
  static SparsePlan plan(SparseMatrix a, BigFraction[][] b, double budget) {
    int n = a.size();
    int[] start = new int[n + 1];
    int[] col = new int[a.nonZeros()];
    int[] bits = new int[a.nonZeros()];
    double[] hadamard = new double[n];
    double[] rhsBits = new double[n];
    for (int r = 0; r < n; r++) {
      start[r + 1] = start[r] + a.rowLength(r);
      BigInteger lcm = BigInteger.ONE;
      double maxNum = 0;
      for (int k = 0; k < a.rowLength(r); k++) {
        BigFraction v = a.value(r, k);
        col[start[r] + k] = a.column(r, k);
        bits[start[r] + k] = (int) bits(v);
        BigInteger d = v.getDenominator().abs();
        lcm = lcm.divide(lcm.gcd(d)).multiply(d);
        maxNum = Math.max(maxNum, v.getNumerator().bitLength() - v.getDenominator().bitLength() + 1);
      }
      hadamard[r] = lcm.bitLength() + maxNum + 0.5 * Math.log(a.rowLength(r) + 1.0) / Math.log(2);
      for (BigFraction x : b[r]) {
        rhsBits[r] = Math.max(rhsBits[r], bits(x));
      }
    }
    return SparsePlan.of(start, col, true, bits, hadamard, n == 0 ? 0 : b[0].length, rhsBits, budget);
  }

  /**
   * Solves A X = B for a matrix whose symmetric eliminations have non-zero pivots (e.g. strictly diagonally dominant
   * by rows or by columns, as I − γP and I − γP^T).
   *
   * @param what the computation and its sizes, for a refusal
   * @param a A, n × n sparse
   * @param b B, n × m [row][k]
   * @return X, n × m
   * @throws org.mpgref.limits.LimitExceededException if the estimated work or memory is above the limits
   * @throws ArithmeticException if a pivot is zero (A is singular or not of the kind above)
   * @throws IllegalArgumentException if the shapes do not agree
   */
  public static BigFraction[][] solve(String what, SparseMatrix a, BigFraction[][] b) {
    int n = a.size();
    if (b.length != n) {
      throw new IllegalArgumentException("A has " + n + " rows but B has " + b.length);
    }
    int m = n == 0 ? 0 : b[0].length;
    double budget = Limits.current().maxWork();
    // The plan's work is an upper bound (step-wise Hadamard caps), often far above the real cost: within SLACK times
    // the limit the solve is tried under a running meter, which stops it at the limit; beyond, it is refused now.
    SparsePlan plan = plan(a, b, budget * WorkMeter.SLACK);
    String full = what + (plan.factorNonZeros > a.nonZeros()
        ? " with " + (plan.aborted ? "at least " : "") + plan.factorNonZeros + " non-zeros after fill" : "");
    if (plan.aborted || plan.work > budget * WorkMeter.SLACK) {
      throw new org.mpgref.limits.LimitExceededException(full, (plan.aborted ? "more than " : "about ")
          + Limits.sci(plan.aborted ? budget * WorkMeter.SLACK : plan.work) + " work units by its upper-bound estimate"
          + (plan.aborted ? " (the estimate stopped there)" : "") + ", more than " + (long) WorkMeter.SLACK
          + " times the limit", Limits.sci(budget) + " work units", "--max-work");
    }
    WorkMeter meter = new WorkMeter(full);
    MemoryBudget.require(full, plan.factorNonZeros * (16 + MemoryBudget.fractionBytes(64)));
    BigFraction @Nullable [][] x = new BigFraction @Nullable [n][];
    int[] pos = new int[n]; // local position of a state in its block, or −1 outside the current block
    java.util.Arrays.fill(pos, -1);
    boolean[] solved = new boolean[n];
    for (int blk = 0; blk < plan.blocks; blk++) {
      Cancellation.check();
      int lo = plan.blockStart[blk];
      int hi = plan.blockStart[blk + 1];
      int size = hi - lo;
      for (int k = lo; k < hi; k++) {
        pos[plan.order[k]] = k - lo;
      }
      int[][] uCol = new int[size][];
      BigFraction[][] uVal = new BigFraction[size][];
      BigFraction[] diag = new BigFraction[size];
      BigFraction[][] y = new BigFraction[size][];
      @Nullable BigFraction[] acc = new @Nullable BigFraction[size];
      int[] touched = new int[size];
      boolean[] isTouched = new boolean[size];
      IntHeap heap = new IntHeap(size);
      for (int i = 0; i < size; i++) {
        if ((i & 63) == 0) {
          Cancellation.check();
        }
        int r = plan.order[lo + i];
        BigFraction[] rhs = b[r].clone();
        int nt = 0;
        for (int k = 0; k < a.rowLength(r); k++) {
          int c = a.column(r, k);
          BigFraction v = a.value(r, k);
          int lc = pos[c];
          if (lc >= 0) {
            acc[lc] = v;
            isTouched[lc] = true;
            touched[nt++] = lc;
            if (lc < i) {
              heap.push(lc);
            }
          } else {
            BigFraction[] xc = x[c];
            if (!solved[c] || xc == null) {
              throw new IllegalStateException("block order: state " + c + " needed before it is solved");
            }
            for (int col = 0; col < m; col++) {
              if (xc[col].signum() != 0) {
                rhs[col] = rhs[col].subtract(v.multiply(xc[col]));
              }
            }
          }
        }
        final int row = i;
        final int blockSize = size;
        java.util.function.Supplier<String> where = () -> "at row " + row + " of a block of " + blockSize + " states";
        while (!heap.isEmpty()) {
          int j = heap.pop();
          BigFraction aj = acc[j];
          if (aj == null || aj.signum() == 0) {
            continue;
          }
          BigFraction l = aj.divide(diag[j]);
          long lBits = WorkMeter.bits(l);
          int[] cj = uCol[j];
          BigFraction[] vj = uVal[j];
          for (int q = 0; q < cj.length; q++) {
            int c = cj[q];
            long vBits = WorkMeter.bits(vj[q]);
            meter.charge(lBits, vBits, where);
            BigFraction t = l.multiply(vj[q]);
            BigFraction old = acc[c];
            if (!isTouched[c] || old == null) {
              acc[c] = t.negate();
              isTouched[c] = true;
              touched[nt++] = c;
              if (c < i) {
                heap.push(c);
              }
            } else {
              acc[c] = old.subtract(t);
            }
          }
          for (int col = 0; col < m; col++) {
            if (y[j][col].signum() != 0) {
              rhs[col] = rhs[col].subtract(l.multiply(y[j][col]));
            }
          }
        }
        int count = 0;
        for (int t = 0; t < nt; t++) {
          int c = touched[t];
          BigFraction v = acc[c];
          if (c > i && v != null && v.signum() != 0) {
            count++;
          }
        }
        int[] cols = new int[count];
        BigFraction[] vals = new BigFraction[count];
        count = 0;
        BigFraction d = acc[i];
        for (int t = 0; t < nt; t++) {
          int c = touched[t];
          BigFraction v = acc[c];
          if (c > i && v != null && v.signum() != 0) {
            cols[count] = c;
            vals[count++] = v;
          }
          acc[c] = null;
          isTouched[c] = false;
        }
        if (d == null || d.signum() == 0) {
          throw new ArithmeticException("zero pivot at state " + r + " (the matrix is singular or not diagonally dominant)");
        }
        uCol[i] = cols;
        uVal[i] = vals;
        diag[i] = d;
        y[i] = rhs;
      }
      BigFraction @Nullable [][] xl = new BigFraction @Nullable [size][];
      for (int i = size - 1; i >= 0; i--) {
        BigFraction[] row = y[i].clone();
        for (int q = 0; q < uCol[i].length; q++) {
          BigFraction[] xc = xl[uCol[i][q]];
          BigFraction u = uVal[i][q];
          if (xc == null) {
            throw new IllegalStateException("back substitution out of order");
          }
          for (int col = 0; col < m; col++) {
            if (xc[col].signum() != 0) {
              row[col] = row[col].subtract(u.multiply(xc[col]));
            }
          }
        }
        for (int col = 0; col < m; col++) {
          row[col] = row[col].divide(diag[i]);
        }
        xl[i] = row;
      }
      for (int k = lo; k < hi; k++) {
        int s = plan.order[k];
        x[s] = xl[k - lo];
        solved[s] = true;
        pos[s] = -1;
      }
    }
    BigFraction[][] out = new BigFraction[n][];
    for (int s = 0; s < n; s++) {
      BigFraction[] row = x[s];
      if (row == null) {
        throw new IllegalStateException("state " + s + " left unsolved");
      }
      out[s] = row;
    }
    return out;
  }

  /** A binary min-heap of distinct ints in 0..n−1. */
  static final class IntHeap {
    private final int[] heap;
    private final boolean[] in;
    private int size;

    IntHeap(int n) {
      heap = new int[n];
      in = new boolean[n];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void push(int v) {
      if (in[v]) {
        return;
      }
      in[v] = true;
      int k = size++;
      while (k > 0 && heap[(k - 1) / 2] > v) {
        heap[k] = heap[(k - 1) / 2];
        k = (k - 1) / 2;
      }
      heap[k] = v;
    }

    int pop() {
      int top = heap[0];
      in[top] = false;
      int v = heap[--size];
      int k = 0;
      while (true) {
        int c = 2 * k + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && heap[c + 1] < heap[c]) {
          c++;
        }
        if (heap[c] >= v) {
          break;
        }
        heap[k] = heap[c];
        k = c;
      }
      if (size > 0) {
        heap[k] = v;
      }
      return top;
    }
  }
}
