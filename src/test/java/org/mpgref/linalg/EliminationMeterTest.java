package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The a-priori work estimate of an exact sparse solve is an upper bound; within {@link WorkMeter#SLACK} times the
 * limit the solve runs under the running meter. On a dense, low-rank system, (I − γU) x = b with U the uniform
 * transition matrix over n states (exactly x = b + γ/(1−γ)·mean(b)·1; compared here with the dense Bareiss solve),
 * the estimate is above the real cost (about 4.5 times for n = 30).
 */
class EliminationMeterTest {
  private static final int N = 30;
  private static final BigFraction GAMMA = BigFraction.of(9, 10);

  private static SparseMatrix system() {
    BigFraction[][] a = new BigFraction[N][N];
    for (int r = 0; r < N; r++) {
      for (int c = 0; c < N; c++) {
        BigFraction u = GAMMA.multiply(BigFraction.of(1, N)).negate();
        a[r][c] = r == c ? BigFraction.ONE.add(u) : u;
      }
    }
    return SparseMatrix.ofDense(a);
  }

  private static BigFraction[][] rhs() {
    BigFraction[][] b = new BigFraction[N][1];
    for (int r = 0; r < N; r++) {
      b[r][0] = BigFraction.of(r % 7, 1 + r % 3);
    }
    return b;
  }

  private static BigFraction[][] dense(SparseMatrix a) {
    BigFraction[][] d = new BigFraction[N][N];
    for (int r = 0; r < N; r++) {
      java.util.Arrays.fill(d[r], BigFraction.ZERO);
      for (int k = 0; k < a.rowLength(r); k++) {
        d[r][a.column(r, k)] = a.value(r, k);
      }
    }
    return d;
  }

  @Test
  void anEstimateAboveTheLimitRunsUnderTheMeterAndIsExact() {
    SparseMatrix a = system();
    double estimate = SparseExactSolver.plan(a, rhs(), Double.MAX_VALUE).work;
    long limit = (long) (estimate / 2);
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(limit).install()) {
      BigFraction[][] x = SparseExactSolver.solve("test solve", a, rhs());
      assertThat(x).isDeepEqualTo(ExactLinearSolver.solve(dense(a), rhs()));
    }
  }

  @Test
  void anEstimateFarAboveTheLimitIsRefusedBeforeAnyArithmetic() {
    SparseMatrix a = system();
    double estimate = SparseExactSolver.plan(a, rhs(), Double.MAX_VALUE).work;
    long limit = (long) (estimate / (10 * WorkMeter.SLACK));
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(limit).install()) {
      assertThatThrownBy(() -> SparseExactSolver.solve("test solve", a, rhs()))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("by its upper-bound estimate").hasMessageContaining("raise it with --max-work");
    }
  }

  @Test
  void theMeterStopsAnEliminationOnceItsWorkPassesTheLimit() {
    SparseMatrix a = system();
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(20_000).install()) {
      double estimate = SparseExactSolver.plan(a, rhs(), Double.MAX_VALUE).work;
      assertThat(estimate).as("within the slack, so the meter decides").isLessThanOrEqualTo(20_000 * WorkMeter.SLACK);
      assertThatThrownBy(() -> SparseExactSolver.solve("test solve", a, rhs()))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("test solve").hasMessageContaining("(stopped at row ")
          .hasMessageContaining("the limit is 2e4 work units");
    }
  }
}
