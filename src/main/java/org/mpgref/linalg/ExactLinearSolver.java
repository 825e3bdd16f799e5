package org.mpgref.linalg;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Exact solution of square rational systems A X = B by Bareiss's fraction-free elimination (Bareiss 1968, "Sylvester's
 * identity and multistep integer-preserving Gaussian elimination"). Each row of [A | B] is first scaled by the least
 * common multiple of its denominators, which leaves the solution unchanged and makes every entry an integer; the
 * elimination then divides exactly at every step, so intermediate integers are bounded by minors of the scaled matrix
 * (Hadamard), and nothing is ever rounded. Back substitution is done in reduced fractions.
 */
public final class ExactLinearSolver {
  private ExactLinearSolver() {}

  /**
   * Solves A X = B.
   *
   * @param a n × n matrix [row][col]
   * @param b n × m right-hand sides [row][k]
   * @return X, n × m
   * @throws ArithmeticException if A is singular
   * @throws IllegalArgumentException if the shapes do not agree
   */
  public static BigFraction[][] solve(BigFraction[][] a, BigFraction[][] b) {
    int n = a.length;
    if (b.length != n) {
      throw new IllegalArgumentException("A has " + n + " rows but B has " + b.length);
    }
    int m = n == 0 ? 0 : b[0].length;
    int w = n + m;
    BigInteger[][] z = new BigInteger[n][w];
    for (int r = 0; r < n; r++) {
      if (a[r].length != n || b[r].length != m) {
        throw new IllegalArgumentException("row " + r + " of A or B has the wrong length");
      }
      BigInteger l = BigInteger.ONE;
      for (int c = 0; c < w; c++) {
        BigInteger d = (c < n ? a[r][c] : b[r][c - n]).getDenominator().abs();
        l = l.divide(l.gcd(d)).multiply(d);
      }
      for (int c = 0; c < w; c++) {
        BigFraction x = c < n ? a[r][c] : b[r][c - n];
        BigInteger num = x.getNumerator();
        BigInteger den = x.getDenominator();
        if (den.signum() < 0) {
          num = num.negate();
          den = den.negate();
        }
        z[r][c] = num.multiply(l.divide(den));
      }
    }
    BigInteger prev = BigInteger.ONE;
    for (int k = 0; k < n; k++) {
      int p = k;
      while (p < n && z[p][k].signum() == 0) {
        p++;
      }
      if (p == n) {
        throw new ArithmeticException("singular matrix: no pivot in column " + k);
      }
      if (p != k) {
        BigInteger[] t = z[p];
        z[p] = z[k];
        z[k] = t;
      }
      BigInteger pivot = z[k][k];
      for (int r = k + 1; r < n; r++) {
        BigInteger f = z[r][k];
        for (int c = k + 1; c < w; c++) {
          BigInteger v = pivot.multiply(z[r][c]);
          if (f.signum() != 0 && z[k][c].signum() != 0) {
            v = v.subtract(f.multiply(z[k][c]));
          }
          z[r][c] = prev.equals(BigInteger.ONE) ? v : v.divide(prev);
        }
        z[r][k] = BigInteger.ZERO;
      }
      prev = pivot;
    }
    BigFraction[][] x = new BigFraction[n][m];
    for (int col = 0; col < m; col++) {
      for (int r = n - 1; r >= 0; r--) {
        BigFraction acc = BigFraction.of(z[r][n + col]);
        for (int c = r + 1; c < n; c++) {
          if (z[r][c].signum() != 0) {
            acc = acc.subtract(x[c][col].multiply(z[r][c]));
          }
        }
        x[r][col] = acc.divide(BigFraction.of(z[r][r]));
      }
    }
    return x;
  }

  /**
   * Solves (I − γ P) X = B for a row-stochastic P. When every row of P is a unit vector (deterministic transitions
   * under a pure policy) the system is solved along the functional graph s ↦ next(s) in O(n·m) exact operations:
   * on each cycle of length L, x(s_0) = (Σ_{k&lt;L} γ^k b(s_k)) / (1 − γ^L), and x(s) = b(s) + γ x(next(s)) elsewhere.
   * Otherwise {@link #solve} is used.
   *
   * @param gamma γ in [0,1)
   * @param p row-stochastic n × n matrix
   * @param b n × m right-hand sides
   * @return X
   */
  public static BigFraction[][] solveDiscounted(BigFraction gamma, BigFraction[][] p, BigFraction[][] b) {
    int n = p.length;
    int[] next = new int[n];
    for (int s = 0; s < n; s++) {
      next[s] = -1;
      for (int t = 0; t < n; t++) {
        int sig = p[s][t].signum();
        if (sig != 0) {
          if (next[s] >= 0 || !p[s][t].equals(BigFraction.ONE)) {
            next[s] = -2;
            break;
          }
          next[s] = t;
        }
      }
      if (next[s] < 0) {
        return solve(identityMinus(gamma, p), b);
      }
    }
    return solveFunctionalGraph(gamma, next, b);
  }

  private static BigFraction[][] identityMinus(BigFraction gamma, BigFraction[][] p) {
    int n = p.length;
    BigFraction[][] a = new BigFraction[n][n];
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        BigFraction v = p[s][t].signum() == 0 ? BigFraction.ZERO : gamma.multiply(p[s][t]).negate();
        a[s][t] = s == t ? BigFraction.ONE.add(v) : v;
      }
    }
    return a;
  }

  static BigFraction[][] solveFunctionalGraph(BigFraction gamma, int[] next, BigFraction[][] b) {
    return solveFunctionalGraph("exact solve", gamma, next, b);
  }

  /**
   * The functional-graph solve with a running work meter: the estimate made before the solve charges each state
   * outside the cycles at the size of its right-hand side, but x(s) = b(s) + γ x(next(s)) can grow by the size of γ
   * at every step of a long path (e.g. a visitation γ^k/… along a 7,000-state chain). Each step is therefore charged
   * as it is taken, 3·(1 + bits/64)² work units for the multiply, the add and the gcd reduction on numbers of that
   * many bits, and the solve stops with {@link org.mpgref.limits.LimitExceededException} as soon as the work so far
   * passes {@code Limits.current().maxWork()}: at most one step's work is spent beyond the limit.
   *
   * @param what the computation, for a refusal
   * @param gamma γ
   * @param next next[s], the unit successor of each state
   * @param b right-hand sides [s][col]
   * @return X [s][col]
   */
  static BigFraction[][] solveFunctionalGraph(String what, BigFraction gamma, int[] next, BigFraction[][] b) {
    Meter meter = new Meter(what, next.length, gamma);
    int n = next.length;
    int m = n == 0 ? 0 : b[0].length;
    BigFraction[][] x = new BigFraction[n][];
    int[] mark = new int[n]; // 0 = unseen, 1 = on current path, 2 = done
    int[] path = new int[n];
    for (int start = 0; start < n; start++) {
      if (mark[start] == 2) {
        continue;
      }
      int len = 0;
      int s = start;
      while (mark[s] == 0) {
        mark[s] = 1;
        path[len++] = s;
        s = next[s];
      }
      int stop = len;
      if (mark[s] == 1) {
        // s is on the current path: the cycle is path[c..len-1].
        int c = 0;
        while (path[c] != s) {
          c++;
        }
        int cycleLength = len - c;
        BigFraction[] head = new BigFraction[m];
        for (int col = 0; col < m; col++) {
          head[col] = cycleHead(gamma, path, c, cycleLength, b, col);
        }
        x[path[c]] = head;
        mark[path[c]] = 2;
        for (int k = len - 1; k > c; k--) {
          meter.charge(x[next[path[k]]]);
          fill(x, b, gamma, path[k], next[path[k]], m);
          mark[path[k]] = 2;
        }
        stop = c;
      }
      for (int k = stop - 1; k >= 0; k--) {
        meter.charge(x[next[path[k]]]);
        fill(x, b, gamma, path[k], next[path[k]], m);
        mark[path[k]] = 2;
      }
    }
    BigFraction[][] out = new BigFraction[n][];
    for (int s = 0; s < n; s++) {
      BigFraction[] row = x[s];
      if (row == null) {
        throw new IllegalStateException("functional-graph solve left state " + s + " unset");
      }
      out[s] = row;
    }
    return out;
  }

  /**
   * x(s_0) = (Σ_{k&lt;L} γ^k b(s_k)) / (1 − γ^L) on the cycle s_k = path[c+k], in integers: with γ = p/q and the b(s_k)
   * over their common denominator D as B_k, Horner's rule T = B_k q^{L−1−k} + p T from k = L−1 down gives
   * T_0 = Σ_k B_k p^k q^{L−1−k}, and x(s_0) = T_0 q / (D (q^L − p^L)), reduced once (one gcd instead of L).
   */
  private static BigFraction cycleHead(BigFraction gamma, int[] path, int c, int length, BigFraction[][] b, int col) {
    java.math.BigInteger p = gamma.getNumerator();
    java.math.BigInteger q = gamma.getDenominator();
    if (q.signum() < 0) {
      p = p.negate();
      q = q.negate();
    }
    BigFraction[] row = new BigFraction[length];
    for (int k = 0; k < length; k++) {
      row[k] = b[path[c + k]][col];
    }
    java.math.BigInteger d = org.mpgref.linalg.Integers.lcmOfDenominators(row);
    java.math.BigInteger t = java.math.BigInteger.ZERO;
    java.math.BigInteger qPower = java.math.BigInteger.ONE; // q^{L-1-k}
    for (int k = length - 1; k >= 0; k--) {
      if ((k & 63) == 0) {
        org.mpgref.limits.Cancellation.check();
      }
      java.math.BigInteger bk = org.mpgref.linalg.Integers.numeratorOver(row[k], d);
      t = t.multiply(p).add(bk.multiply(qPower));
      qPower = qPower.multiply(q);
    }
    // qPower = q^L now
    java.math.BigInteger denominator = d.multiply(qPower.subtract(p.pow(length)));
    return BigFraction.of(t.multiply(q), denominator);
  }

  /** The running work meter of one functional-graph solve (see {@link #solveFunctionalGraph(String, BigFraction, int[], BigFraction[][])}). */
  private static final class Meter {
    private final WorkMeter meter;
    private final int states;
    private final long gammaBits;
    private int steps;

    Meter(String what, int states, BigFraction gamma) {
      this.meter = new WorkMeter(what + " along its functional graph");
      this.states = states;
      this.gammaBits = WorkMeter.bits(gamma);
    }

    /** Charges x(s) = b(s) + γ·x(next): per column a product by γ and a sum with its gcd reduction. */
    void charge(BigFraction @org.checkerframework.checker.nullness.qual.Nullable [] successor) {
      if (successor == null) {
        return;
      }
      steps++;
      for (BigFraction v : successor) {
        long bits = Math.max(gammaBits, WorkMeter.bits(v));
        java.util.function.Supplier<String> where = () -> "after " + steps + " of " + states
            + " steps, where the values have grown to " + bits + " bits";
        meter.charge(bits, gammaBits, where);
        meter.charge(bits, bits, where);
      }
    }
  }

  private static void fill(BigFraction[] @org.checkerframework.checker.nullness.qual.Nullable [] x, BigFraction[][] b,
      BigFraction gamma, int s, int t, int m) {
    BigFraction[] xt = x[t];
    if (xt == null) {
      throw new IllegalStateException("successor " + t + " of state " + s + " not yet solved");
    }
    BigFraction[] row = new BigFraction[m];
    for (int col = 0; col < m; col++) {
      row[col] = b[s][col].add(gamma.multiply(xt[col]));
    }
    x[s] = row;
  }
}
