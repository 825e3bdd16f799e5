package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Seeded properties of {@link ExactLinearSolver}: on random sparse rational matrices of size 1–5 the solution X of
 * A X = B satisfies A·X = B exactly when A is nonsingular (decided independently by a naive rank computation in
 * this test) and the solver throws {@link ArithmeticException} when A is singular; and
 * {@link ExactLinearSolver#solveDiscounted} agrees exactly with the general path on I − γP built by hand, both for
 * deterministic 0/1 transition matrices (its functional-graph path) and for general stochastic ones.
 */
class ExactLinearSolverPropertiesTest {
  private static BigFraction entry(UniformRandomProvider r) {
    return r.nextInt(10) < 3 ? BigFraction.ZERO : BigFraction.of(r.nextInt(-9, 10), r.nextInt(1, 6));
  }

  private static BigFraction[][] randomMatrix(UniformRandomProvider r, int rows, int cols) {
    BigFraction[][] m = new BigFraction[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m[i][j] = entry(r);
      }
    }
    return m;
  }

  /**
   * Whether a square matrix is singular, by plain Gaussian elimination in fractions (independent of Bareiss).
   *
   * @param a the matrix (not modified)
   * @return true iff det A = 0
   */
  static boolean isSingular(BigFraction[][] a) {
    int n = a.length;
    BigFraction[][] m = new BigFraction[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int k = 0; k < n; k++) {
      int p = k;
      while (p < n && m[p][k].signum() == 0) {
        p++;
      }
      if (p == n) {
        return true;
      }
      BigFraction[] t = m[p];
      m[p] = m[k];
      m[k] = t;
      for (int r = k + 1; r < n; r++) {
        BigFraction f = m[r][k].divide(m[k][k]);
        for (int c = k; c < n; c++) {
          m[r][c] = m[r][c].subtract(f.multiply(m[k][c]));
        }
      }
    }
    return false;
  }

  /**
   * A·X.
   *
   * @param a n × n
   * @param x n × m
   * @return the product
   */
  static BigFraction[][] multiply(BigFraction[][] a, BigFraction[][] x) {
    int n = a.length;
    int m = x[0].length;
    BigFraction[][] out = new BigFraction[n][m];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < m; k++) {
        BigFraction t = BigFraction.ZERO;
        for (int j = 0; j < n; j++) {
          t = t.add(a[i][j].multiply(x[j][k]));
        }
        out[i][k] = t;
      }
    }
    return out;
  }

  private static void assertSameMatrix(BigFraction[][] actual, BigFraction[][] expected, String what) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      for (int k = 0; k < expected[i].length; k++) {
        assertThatExact(actual[i][k]).as("%s[%d][%d]", what, i, k).isEqualByComparingTo(expected[i][k]);
      }
    }
  }

  /**
   * Random A (1–5, about 30% zeros, sometimes with a forced dependent row) and B (1–3 columns): if A is
   * nonsingular, A·solve(A,B) = B exactly and A is not modified; otherwise solve throws ArithmeticException.
   */
  @Test
  void solveSatisfiesTheSystemExactly() {
    Seeds.property("linearSolve", 5001L, 300)
        .forAll(integers().between(1, 5), integers().between(1, 3), longs().all())
        .checkAssert((n, m, seed) -> {
          UniformRandomProvider r = RandomGames.rng(seed);
          BigFraction[][] a = randomMatrix(r, n, n);
          if (n >= 2 && r.nextInt(6) == 0) {
            int src = r.nextInt(n);
            int dst = (src + 1 + r.nextInt(n - 1)) % n;
            BigFraction f = BigFraction.of(r.nextInt(-3, 4), r.nextInt(1, 4));
            for (int c = 0; c < n; c++) {
              a[dst][c] = a[src][c].multiply(f);
            }
          }
          BigFraction[][] b = randomMatrix(r, n, m);
          BigFraction[][] aCopy = new BigFraction[n][];
          for (int i = 0; i < n; i++) {
            aCopy[i] = a[i].clone();
          }
          if (isSingular(a)) {
            assertThatThrownBy(() -> ExactLinearSolver.solve(a, b)).isInstanceOf(ArithmeticException.class);
          } else {
            BigFraction[][] x = ExactLinearSolver.solve(a, b);
            assertThat(x.length).isEqualTo(n);
            assertSameMatrix(multiply(a, x), b, "A X");
          }
          assertSameMatrix(a, aCopy, "A after solve");
        });
  }

  /**
   * For a 0/1 stochastic P (a random map s ↦ next(s)) and a random stochastic P with small denominators,
   * solveDiscounted(γ, P, B) equals solve(I − γP, B) with I − γP built by hand, and (I − γP)·X = B exactly.
   */
  @Test
  void solveDiscountedMatchesGeneralPath() {
    Seeds.property("solveDiscounted", 5002L, 300)
        .forAll(integers().between(1, 5), integers().between(1, 3), longs().all())
        .checkAssert((n, m, seed) -> {
          UniformRandomProvider r = RandomGames.rng(seed);
          BigFraction gamma = RandomGames.discount(r);
          boolean deterministic = r.nextBoolean();
          BigFraction[][] p = new BigFraction[n][];
          for (int s = 0; s < n; s++) {
            p[s] = deterministic ? RandomGames.pointMass(r, n) : RandomGames.distribution(r, n);
          }
          BigFraction[][] b = randomMatrix(r, n, m);
          BigFraction[][] iMinus = new BigFraction[n][n];
          for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
              iMinus[s][t] = (s == t ? BigFraction.ONE : BigFraction.ZERO).subtract(gamma.multiply(p[s][t]));
            }
          }
          BigFraction[][] x = ExactLinearSolver.solveDiscounted(gamma, p, b);
          assertSameMatrix(x, ExactLinearSolver.solve(iMinus, b), "solveDiscounted vs solve (gamma=" + gamma + ")");
          assertSameMatrix(multiply(iMinus, x), b, "(I - gamma P) X");
        });
  }
}
