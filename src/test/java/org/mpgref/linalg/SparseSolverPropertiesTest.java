package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Seeded properties of {@link SparseExactSolver} and {@link SparseDoubleSolver} against the dense reference
 * {@link ExactLinearSolver#solve} (Bareiss): on random stochastic P of 1–30 states — sparse (1–3 successors per state),
 * dense, with several strongly connected components, transient and absorbing states — the sparse solutions of
 * (I − γP) X = B and (I − γP^T) d = b equal the dense ones exactly, and the double twin agrees to 1e-9. Structure
 * cases and refusals are checked separately: a refusal names the computation, the states and the non-zeros.
 */
class SparseSolverPropertiesTest {
  /** A random stochastic matrix with the given structure kind (0 sparse, 1 dense, 2 blocks, 3 absorbing). */
  static BigFraction[][] randomP(UniformRandomProvider r, int n, int kind) {
    BigFraction[][] p = new BigFraction[n][n];
    for (int s = 0; s < n; s++) {
      java.util.Arrays.fill(p[s], BigFraction.ZERO);
      int[] succ;
      if (kind == 3 && s < Math.max(1, n / 4)) {
        succ = new int[] {s}; // absorbing
      } else if (kind == 1) {
        succ = new int[n];
        for (int t = 0; t < n; t++) {
          succ[t] = t;
        }
      } else {
        int k = 1 + r.nextInt(3);
        succ = new int[k];
        for (int q = 0; q < k; q++) {
          if (kind == 2) {
            // blocks of 5 states, edges only to the own block or lower blocks: several SCCs, transient states
            int block = s / 5;
            int target = r.nextInt(4) == 0 && block > 0 ? r.nextInt(block * 5) : block * 5 + r.nextInt(Math.min(5, n - block * 5));
            succ[q] = target;
          } else {
            succ[q] = r.nextInt(n);
          }
        }
      }
      BigFraction[] w = RandomGames.distribution(r, succ.length);
      for (int q = 0; q < succ.length; q++) {
        p[s][succ[q]] = p[s][succ[q]].add(w[q]);
      }
    }
    return p;
  }

  private static BigFraction[][] iMinus(BigFraction gamma, BigFraction[][] p, boolean transpose) {
    int n = p.length;
    BigFraction[][] a = new BigFraction[n][n];
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        BigFraction v = transpose ? p[t][s] : p[s][t];
        a[s][t] = (s == t ? BigFraction.ONE : BigFraction.ZERO).subtract(gamma.multiply(v));
      }
    }
    return a;
  }

  private static double[][] toDouble(BigFraction[][] x) {
    double[][] d = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      d[i] = new double[x[i].length];
      for (int k = 0; k < x[i].length; k++) {
        d[i][k] = x[i][k].doubleValue();
      }
    }
    return d;
  }

  @Test
  void sparseSolvesEqualDenseBareissExactly() {
    Seeds.property("sparseSolve", 5101L, 200)
        .forAll(integers().between(1, 30), integers().between(0, 3), longs().all())
        .checkAssert((n, kind, seed) -> {
          UniformRandomProvider r = RandomGames.rng(seed);
          BigFraction gamma = RandomGames.discount(r);
          BigFraction[][] p = randomP(r, n, kind);
          int m = 1 + r.nextInt(2);
          BigFraction[][] b = new BigFraction[n][m];
          for (int s = 0; s < n; s++) {
            for (int k = 0; k < m; k++) {
              b[s][k] = BigFraction.of(r.nextInt(-9, 10), r.nextInt(1, 7));
            }
          }
          SparseMatrix sp = SparseMatrix.ofDense(p);
          BigFraction[][] x = SparseExactSolver.solveDiscounted("test", gamma, sp, b);
          BigFraction[][] ref = ExactLinearSolver.solve(iMinus(gamma, p, false), b);
          BigFraction[] col = new BigFraction[n];
          BigFraction[][] b0 = new BigFraction[n][1];
          for (int s = 0; s < n; s++) {
            col[s] = b[s][0];
            b0[s][0] = b[s][0];
          }
          BigFraction[] d = SparseExactSolver.solveDiscountedTransposed("test", gamma, sp, col);
          BigFraction[][] refT = ExactLinearSolver.solve(iMinus(gamma, p, true), b0);
          DoubleSparseMatrix dp = DoubleSparseMatrix.ofDense(toDouble(p));
          double[][] xd = SparseDoubleSolver.solveSparse("test", dp.identityMinus(gamma.doubleValue()), toDouble(b));
          double[] dd = column(SparseDoubleSolver.solveSparse("test",
              dp.transpose().identityMinus(gamma.doubleValue()), toDouble(b0)));
          for (int s = 0; s < n; s++) {
            for (int k = 0; k < m; k++) {
              assertThatExact(x[s][k]).as("X[%d][%d] (n=%d kind=%d)", s, k, n, kind).isEqualByComparingTo(ref[s][k]);
              assertThat(xd[s][k]).isCloseTo(ref[s][k].doubleValue(),
                  org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(ref[s][k].doubleValue()))));
            }
            assertThatExact(d[s]).as("d[%d] (n=%d kind=%d)", s, n, kind).isEqualByComparingTo(refT[s][0]);
            assertThat(dd[s]).isCloseTo(refT[s][0].doubleValue(),
                org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(refT[s][0].doubleValue()))));
          }
        });
  }

  private static double[] column(double[][] x) {
    double[] c = new double[x.length];
    for (int s = 0; s < x.length; s++) {
      c[s] = x[s][0];
    }
    return c;
  }

  /** Blocks: a chain of 3 two-state cycles feeding an absorbing state splits into 4 components, sinks first. */
  @Test
  void blockTriangularOrderPutsSinksFirst() {
    int n = 7;
    BigFraction half = BigFraction.of(1, 2);
    BigFraction[][] p = new BigFraction[n][n];
    for (BigFraction[] row : p) {
      java.util.Arrays.fill(row, BigFraction.ZERO);
    }
    p[6][6] = BigFraction.ONE;
    for (int c = 0; c < 3; c++) {
      int a = 2 * c;
      int next = c == 2 ? 6 : a + 2;
      p[a][a + 1] = half;
      p[a][next] = half;
      p[a + 1][a] = BigFraction.ONE;
    }
    SparseMatrix a = SparseMatrix.ofDense(p).identityMinus(half);
    BigFraction[][] b = new BigFraction[n][1];
    for (int s = 0; s < n; s++) {
      b[s][0] = BigFraction.ONE;
    }
    SparsePlan plan = SparseExactSolver.plan(a, b, 1e12);
    assertThat(plan.blocks).isEqualTo(4);
    assertThat(plan.order[0]).isEqualTo(6);
    assertThat(plan.factorNonZeros).isEqualTo(a.nonZeros());
    BigFraction[][] x = SparseExactSolver.solve("test", a, b);
    // every state earns 1 per step forever: V = 1/(1−γ) = 2
    for (int s = 0; s < n; s++) {
      assertThatExact(x[s][0]).isEqualByComparingTo(BigFraction.of(2));
    }
  }

  /** A dense 300-state P under a small work limit is refused, the message naming the solve, states and non-zeros. */
  @Test
  void refusalNamesTheComputationAndTheNumbers() {
    int n = SparseDoubleSolver.DENSE_BELOW + 44;
    BigFraction[][] p = new BigFraction[n][n];
    BigFraction u = BigFraction.of(1, n);
    for (BigFraction[] row : p) {
      java.util.Arrays.fill(row, u);
    }
    BigFraction[] b = new BigFraction[n];
    java.util.Arrays.fill(b, u);
    SparseMatrix sp = SparseMatrix.ofDense(p);
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork(1_000_000).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solveDiscountedTransposed("exact visitation solve",
          BigFraction.of(1, 2), sp, b))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("exact visitation solve of 300 states (90000 non-zeros)")
          .hasMessageContaining("the limit is 1e6 work units (raise it with --max-work)");
    }
    try (Limits.Scope scope = Limits.DEFAULT.withMaxWork(1_000).install()) {
      double[] bd = new double[n];
      assertThatThrownBy(() -> SparseDoubleSolver.solveDiscountedTransposed("double visitation solve", 0.5,
          DoubleSparseMatrix.ofDense(toDouble(p)), bd))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("double visitation solve of 300 states (90000 non-zeros)");
    }
  }
}
