package org.mpgref.linalg;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.mpgref.limits.Cancellation;

/**
 * The symbolic phase of the sparse solvers ({@link SparseExactSolver}, {@link SparseDoubleSolver}), run on the pattern
 * of a square matrix A before any arithmetic: (1) the block-triangular decomposition of A into strongly connected
 * components of its graph (edge r → c for A(r,c) ≠ 0), by an iterative Tarjan algorithm, listed in an order in which
 * every block depends only on blocks before it; (2) inside each block a fill-reducing pivot order chosen by Markowitz's
 * rule on the diagonal (pivot minimising (r_k − 1)(c_k − 1) over the remaining rows and columns of the active
 * submatrix); (3) a symbolic right-looking elimination in that order which counts fill and operations and tracks an
 * upper bound on the bit size of every entry, giving the estimated work of the numeric phase (specs/exact-linear-solve.md
 * states the formula). The numeric phase uses exactly this order.
 *
 * <p>Diagonal pivots are always valid for the matrices solved here: I − γP (and its transpose) with P stochastic and
 * γ &lt; 1 is strictly diagonally dominant by rows (columns), a property kept by every Schur complement, so no pivot of
 * any symmetric order is zero.
 *
 * <p>Work model: one unit ≈ one machine-word operation. An exact operation on fractions of b₁ and b₂ bits costs
 * {@link #OP_UNITS} + 2·w(b₁)·w(b₂), w(b) = 1 + b/64 (schoolbook multiply and the cross gcds of the reduction); an
 * addition onto an existing entry of b bits costs {@link #OP_UNITS} + 2·w(b)² (the gcd of the reduction). Entry sizes
 * follow the sum rule b(x·y) ≤ b(x) + b(y) and are capped by the Hadamard bound: every intermediate of Gaussian
 * elimination in a block is a ratio of two minors of the row-scaled integer block, so it has at most 2·H + 2 bits,
 * H = Σ_rows log₂ ‖scaled row‖₂. A double operation costs {@link #DOUBLE_OP_UNITS}.
 */
final class SparsePlan {
  /** Fixed cost of one exact fraction operation (allocation, sign and size checks), in work units. */
  static final double OP_UNITS = 40;
  /**
   * Cost of one sparse double operation (indirect addressing included), in work units: measured 1.4·10^8 such units
   * per second at 2 units per operation (random 3000-state pattern), so the default limit is a few seconds.
   */
  static final double DOUBLE_OP_UNITS = 2;

  final int n;
  /** Blocks in solve order: block b is {@code order[blockStart[b] .. blockStart[b+1]-1]}, already in pivot order. */
  final int[] order;
  final int[] blockStart;
  final int blocks;
  /** Estimated work, in work units (capped just above the budget when the estimate was aborted). */
  final double work;
  /** Non-zeros of the factors (entries of A plus fill). */
  final long factorNonZeros;
  /** Whether the estimate passed the budget and was stopped early. */
  final boolean aborted;

  private SparsePlan(int n, int[] order, int[] blockStart, int blocks, double work, long factorNonZeros,
      boolean aborted) {
    this.n = n;
    this.order = order;
    this.blockStart = blockStart;
    this.blocks = blocks;
    this.work = work;
    this.factorNonZeros = factorNonZeros;
    this.aborted = aborted;
  }

  /**
   * Refuses the planned solve if its estimated work is above the current limit.
   *
   * @param what the computation and its sizes
   * @throws org.mpgref.limits.LimitExceededException if so (an estimate stopped at the budget says "more than")
   */
  void require(String what) {
    if (aborted) {
      long max = org.mpgref.limits.Limits.current().maxWork();
      throw new org.mpgref.limits.LimitExceededException(what, "more than " + org.mpgref.limits.Limits.sci(max)
          + " work units (the estimate stopped there)", org.mpgref.limits.Limits.sci(max) + " work units", "--max-work");
    }
    org.mpgref.limits.Limits.requireWork(what, work);
  }

  static double words(double bits) {
    return 1 + bits / 64;
  }

  static double mul(double b1, double b2, boolean exact) {
    return exact ? OP_UNITS + 2 * words(b1) * words(b2) : DOUBLE_OP_UNITS;
  }

  static double add(double b, boolean exact) {
    return exact ? OP_UNITS + 2 * words(b) * words(b) : DOUBLE_OP_UNITS;
  }

  /**
   * Plans the solve of A X = B.
   *
   * @param start CSR row starts of A [n+1]
   * @param col CSR columns of A
   * @param exact whether the numeric phase is exact (else double: bits are ignored)
   * @param bits bit size (numerator + denominator) of each stored entry (exact)
   * @param rowHadamard log₂ of the Euclidean norm of each row of A scaled to integers [n] (exact)
   * @param rhsColumns m, the number of right-hand sides
   * @param rhsBits bit size of the largest right-hand side entry of each row [n] (exact)
   * @param budget stop estimating once the work passes this
   * @return the plan
   */
  static SparsePlan of(int[] start, int[] col, boolean exact, int[] bits, double[] rowHadamard, int rhsColumns,
      double[] rhsBits, double budget) {
    int n = start.length - 1;
    int[] comp = new int[n];
    int[] blockStart = new int[n + 1];
    int[] order = new int[n];
    int blocks = tarjan(start, col, comp, order, blockStart);
    double work = 0;
    long fnz = 0;
    double[] xBits = new double[n];
    int[] local = new int[n];
    Arrays.fill(local, -1);
    for (int b = 0; b < blocks && work <= budget; b++) {
      Cancellation.check();
      int lo = blockStart[b];
      int hi = blockStart[b + 1];
      int size = hi - lo;
      for (int k = lo; k < hi; k++) {
        local[order[k]] = k - lo;
      }
      double h = 0;
      double rhsMax = 0;
      for (int k = lo; k < hi; k++) {
        int r = order[k];
        fnz += start[r + 1] - start[r];
        if (exact) {
          h += rowHadamard[r];
          // right-hand side after the solved blocks: b_r − Σ A(r,c) x_c over c outside the block
          double rb = rhsBits[r];
          for (int q = start[r]; q < start[r + 1]; q++) {
            int c = col[q];
            if (local[c] < 0 || comp[c] != b) {
              double t = bits[q] + xBits[c];
              work += rhsColumns * (mul(bits[q], xBits[c], true) + add(Math.max(rb, t), true));
              rb = Math.max(rb, t) + 1;
            }
          }
          rhsMax = Math.max(rhsMax, rb);
        } else {
          work += rhsColumns * 2.0 * DOUBLE_OP_UNITS * (start[r + 1] - start[r]);
        }
      }
      double cap = 2 * h + 2;
      double xCap = 2 * (h + rhsMax) + 2;
      if (size == 1) {
        int r = order[lo];
        if (exact) {
          work += rhsColumns * mul(xCap, xCap, true);
          xBits[r] = xCap;
        } else {
          work += rhsColumns;
        }
      } else {
        Block blk = new Block(start, col, bits, rowHadamard, order, lo, hi, local, comp, b, exact, cap, xCap, rhsColumns,
            budget - work);
        work += blk.work;
        fnz += blk.nonZeros;
        System.arraycopy(blk.pivots, 0, order, lo, size);
        for (int k = lo; k < hi; k++) {
          xBits[order[k]] = xCap;
        }
      }
      for (int k = lo; k < hi; k++) {
        local[order[k]] = -1;
      }
    }
    return new SparsePlan(n, order, blockStart, blocks, work, fnz, work > budget);
  }

  /**
   * Iterative Tarjan: strongly connected components of r → c (A(r,c) ≠ 0), emitted sinks first, i.e. in an order
   * where every edge leaving a component points to an earlier one.
   */
  private static int tarjan(int[] start, int[] col, int[] comp, int[] order, int[] blockStart) {
    int n = start.length - 1;
    int[] index = new int[n];
    int[] low = new int[n];
    Arrays.fill(index, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int counter = 0;
    int blocks = 0;
    int emitted = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = start[root];
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < start[v + 1]) {
          int w = col[callEdge[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = start[w];
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          blockStart[blocks] = emitted;
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            comp[w] = blocks;
            order[emitted++] = w;
          } while (w != v);
          blocks++;
        }
        depth--;
        if (depth >= 0) {
          int u = callNode[depth];
          low[u] = Math.min(low[u], low[v]);
        }
      }
    }
    blockStart[blocks] = emitted;
    return blocks;
  }

  /** Markowitz ordering and symbolic elimination of one block. */
  private static final class Block {
    final int[] pivots;
    double work;
    /** Fill entries created. */
    long nonZeros;

    Block(int[] start, int[] col, int[] bits, double[] rowHadamard, int[] order, int lo,
        int hi, int[] local, int[] comp, int block, boolean exact, double cap, double xCap, int m, double budget) {
      int size = hi - lo;
      IntList[] rowCols = new IntList[size];
      IntList[] rowBits = new IntList[size];
      IntList[] colRows = new IntList[size];
      for (int k = 0; k < size; k++) {
        rowCols[k] = new IntList();
        rowBits[k] = new IntList();
        colRows[k] = new IntList();
      }
      for (int k = lo; k < hi; k++) {
        int r = order[k];
        int lr = local[r];
        for (int q = start[r]; q < start[r + 1]; q++) {
          int c = col[q];
          if (local[c] >= 0 && comp[c] == block) {
            rowCols[lr].add(local[c]);
            rowBits[lr].add(exact ? bits[q] : 0);
            colRows[local[c]].add(lr);
          }
        }
      }
      int[] rowLen = new int[size];
      int[] colLen = new int[size];
      for (int k = 0; k < size; k++) {
        rowLen[k] = rowCols[k].size;
        colLen[k] = colRows[k].size;
      }
      boolean[] done = new boolean[size];
      int[] pos = new int[size]; // position of column c in the pivot row, or -1
      Arrays.fill(pos, -1);
      int[] rpos = new int[size];
      Arrays.fill(rpos, -1);
      PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]) != 0
          ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
      for (int k = 0; k < size; k++) {
        queue.add(new long[] {markowitz(rowLen[k], colLen[k]), k});
      }
      pivots = new int[size];
      double rhsBits = xCap / 2;
      double maxRow = 0;
      for (int k = lo; k < hi && exact; k++) {
        maxRow = Math.max(maxRow, rowHadamard[order[k]]);
      }
      double hDone = 0; // Σ of the Hadamard row bits of the pivots so far: after k pivots an entry is a ratio of
      // minors of order ≤ k+1 of those rows and one more, so it has at most 2·(hDone + maxRow) + 2 bits
      for (int step = 0; step < size; step++) {
        int p;
        while (true) {
          long[] e = queue.poll();
          if (e == null) {
            throw new IllegalStateException("pivot queue empty");
          }
          p = (int) e[1];
          if (!done[p] && e[0] == markowitz(rowLen[p], colLen[p])) {
            break;
          }
        }
        if ((step & 255) == 0) {
          Cancellation.check();
        }
        done[p] = true;
        pivots[step] = order[lo + p];
        if (exact) {
          hDone += rowHadamard[order[lo + p]];
        }
        double stepCap = Math.min(cap, 2 * (hDone + maxRow) + 2);
        // compact the pivot row to live columns; find the diagonal's bits
        IntList pc = rowCols[p];
        IntList pb = rowBits[p];
        int live = 0;
        int diagBits = 0;
        for (int q = 0; q < pc.size; q++) {
          int c = pc.data[q];
          if (c == p) {
            diagBits = pb.data[q];
          } else if (!done[c]) {
            pc.data[live] = c;
            pb.data[live++] = pb.data[q];
          }
        }
        pc.size = live;
        pb.size = live;
        for (int q = 0; q < live; q++) {
          pos[pc.data[q]] = q;
          colLen[pc.data[q]]--;
        }
        IntList cr = colRows[p];
        for (int q = 0; q < cr.size; q++) {
          int r = cr.data[q];
          if (done[r]) {
            continue;
          }
          // row r: find its entry in column p, mark its columns
          IntList rc = rowCols[r];
          IntList rbits = rowBits[r];
          int rp = -1;
          int w = 0;
          for (int t = 0; t < rc.size; t++) {
            int c = rc.data[t];
            if (c == p) {
              rp = rbits.data[t];
            } else if (!done[c]) {
              rc.data[w] = c;
              rbits.data[w++] = rbits.data[t];
            }
          }
          rc.size = w;
          rbits.size = w;
          if (rp < 0) {
            continue;
          }
          rowLen[r]--;
          for (int t = 0; t < w; t++) {
            rpos[rc.data[t]] = t;
          }
          double f = Math.min(stepCap, rp + (double) diagBits);
          work += mul(rp, diagBits, exact) + m * (mul(f, rhsBits, exact) + add(rhsBits, exact));
          for (int t = 0; t < live; t++) {
            int c = pc.data[t];
            double prod = Math.min(stepCap, f + pb.data[t]);
            work += mul(f, pb.data[t], exact);
            int at = rpos[c];
            if (at >= 0) {
              double nb = Math.min(stepCap, Math.max(prod, rbits.data[at]) + 1);
              work += add(nb, exact);
              rbits.data[at] = (int) Math.min(Integer.MAX_VALUE, nb);
            } else {
              rc.add(c);
              rbits.add((int) Math.min(Integer.MAX_VALUE, prod));
              colRows[c].add(r);
              rowLen[r]++;
              colLen[c]++;
              nonZeros++;
            }
          }
          for (int t = 0; t < rc.size; t++) {
            rpos[rc.data[t]] = -1;
          }
          queue.add(new long[] {markowitz(rowLen[r], colLen[r]), r});
          if (work > budget) {
            return;
          }
        }
        for (int q = 0; q < live; q++) {
          int c = pc.data[q];
          pos[c] = -1;
          queue.add(new long[] {markowitz(rowLen[c], colLen[c]), c});
          // back substitution: x_p −= U(p,c) x_c
          work += m * (mul(pb.data[q], xCap, exact) + add(xCap, exact));
        }
        work += m * mul(xCap, diagBits, exact);
        colRows[p] = new IntList();
        if (work > budget) {
          return;
        }
      }
    }

    private static long markowitz(int rowLen, int colLen) {
      return (long) Math.max(0, rowLen - 1) * Math.max(0, colLen - 1);
    }
  }

  /** A growable int array. */
  static final class IntList {
    int[] data = new int[4];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, 2 * size);
      }
      data[size++] = v;
    }
  }
}
