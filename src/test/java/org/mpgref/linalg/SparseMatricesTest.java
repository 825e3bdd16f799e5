package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The compressed-row matrices, exact and double, on small matrices written out by hand (found by mutation testing,
 * issue 10): storage of the non-zeros only, lookup, transpose, I − γP with its diagonal placed in column order, and
 * the builder's refusals.
 *
 * <p>P = [[0, 1/2, 1/2], [0, 0, 0], [1/4, 0, 3/4]]: row 0 has entries above the diagonal only, row 1 none, row 2 a
 * diagonal entry. With γ = 1/2: I − γP = [[1, −1/4, −1/4], [0, 1, 0], [−1/8, 0, 5/8]]. With γ = 4/3 the diagonal of
 * row 2 is 1 − (4/3)(3/4) = 0 and is not stored.
 */
class SparseMatricesTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction[][] P = {{Z, BigFraction.of(1, 2), BigFraction.of(1, 2)}, {Z, Z, Z},
      {BigFraction.of(1, 4), Z, BigFraction.of(3, 4)}};
  private static final double[][] PD = {{0, 0.5, 0.5}, {0, 0, 0}, {0.25, 0, 0.75}};

  private static BigFraction f(int p, int q) {
    return BigFraction.of(p, q);
  }

  @Test
  void theExactMatrixStoresTheNonZerosInRowOrder() {
    SparseMatrix m = SparseMatrix.ofDense(P);
    assertThat(m.size()).isEqualTo(3);
    assertThat(m.nonZeros()).isEqualTo(4);
    assertThat(m.rowLength(0)).isEqualTo(2);
    assertThat(m.rowLength(1)).isZero();
    assertThat(m.column(0, 1)).isEqualTo(2);
    assertThat(m.value(2, 1)).isEqualTo(f(3, 4));
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertThat(m.get(r, c)).as("P[%d][%d]", r, c).isEqualTo(P[r][c]);
      }
    }
    SparseMatrix t = m.transpose();
    assertThat(t.nonZeros()).isEqualTo(4);
    assertThat(t.rowLength(0)).isEqualTo(1);
    assertThat(t.rowLength(2)).isEqualTo(2);
    assertThat(t.column(2, 0)).isZero();
    assertThat(t.column(2, 1)).isEqualTo(2);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertThat(t.get(r, c)).as("P^T[%d][%d]", r, c).isEqualTo(P[c][r]);
      }
    }
  }

  @Test
  void theExactIdentityMinusPutsTheDiagonalInColumnOrder() {
    SparseMatrix a = SparseMatrix.ofDense(P).identityMinus(f(1, 2));
    BigFraction[][] expected = {{BigFraction.ONE, f(-1, 4), f(-1, 4)}, {Z, BigFraction.ONE, Z}, {f(-1, 8), Z,
        f(5, 8)}};
    assertThat(a.nonZeros()).isEqualTo(6);
    assertThat(a.column(0, 0)).isZero();
    assertThat(a.column(0, 1)).isEqualTo(1);
    assertThat(a.rowLength(1)).isEqualTo(1);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertThat(a.get(r, c)).as("(I - P/2)[%d][%d]", r, c).isEqualTo(expected[r][c]);
      }
    }
    SparseMatrix cancelled = SparseMatrix.ofDense(P).identityMinus(f(4, 3));
    assertThat(cancelled.rowLength(2)).as("1 - (4/3)(3/4) = 0 is not stored").isEqualTo(1);
    assertThat(cancelled.get(2, 0)).isEqualTo(f(-1, 3));
    assertThat(cancelled.get(2, 2)).isEqualTo(Z);
    // a row whose only entries lie left of the diagonal gets the diagonal appended
    SparseMatrix left = SparseMatrix.ofDense(new BigFraction[][] {{Z, Z}, {BigFraction.ONE, Z}})
        .identityMinus(f(1, 2));
    assertThat(left.rowLength(1)).isEqualTo(2);
    assertThat(left.column(1, 1)).isEqualTo(1);
    assertThat(left.get(1, 0)).isEqualTo(f(-1, 2));
    assertThat(left.get(1, 1)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void theDoubleMatrixIsTheSameStructure() {
    DoubleSparseMatrix m = DoubleSparseMatrix.ofDense(PD);
    assertThat(m.size()).isEqualTo(3);
    assertThat(m.nonZeros()).isEqualTo(4);
    assertThat(m.rowLength(1)).isZero();
    assertThat(m.column(0, 1)).isEqualTo(2);
    assertThat(m.value(2, 1)).isEqualTo(0.75);
    DoubleSparseMatrix t = m.transpose();
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertThat(m.get(r, c)).isEqualTo(PD[r][c]);
        assertThat(t.get(r, c)).isEqualTo(PD[c][r]);
      }
    }
    assertThat(t.rowLength(2)).isEqualTo(2);
    DoubleSparseMatrix a = m.identityMinus(0.5);
    double[][] expected = {{1, -0.25, -0.25}, {0, 1, 0}, {-0.125, 0, 0.625}};
    assertThat(a.nonZeros()).isEqualTo(6);
    assertThat(a.column(0, 0)).isZero();
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertThat(a.get(r, c)).isEqualTo(expected[r][c]);
      }
    }
    DoubleSparseMatrix cancelled = DoubleSparseMatrix.ofDense(new double[][] {{0.5}}).identityMinus(2);
    assertThat(cancelled.rowLength(0)).isZero();
    DoubleSparseMatrix left = DoubleSparseMatrix.ofDense(new double[][] {{0, 0}, {1, 0}}).identityMinus(0.5);
    assertThat(left.rowLength(1)).isEqualTo(2);
    assertThat(left.get(1, 1)).isEqualTo(1.0);
  }

  @Test
  void buildersRefuseColumnsOutOfOrderOrRangeAndIncompleteMatrices() {
    assertThatThrownBy(() -> new SparseMatrix.Builder(2).add(1, f(1, 2)).add(1, f(1, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("column 1 out of order or out of range in row 0");
    assertThatThrownBy(() -> new SparseMatrix.Builder(2).add(1, f(1, 2)).add(0, f(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SparseMatrix.Builder(2).add(2, f(1, 2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 2 out of order or out of range in row 0");
    assertThatThrownBy(() -> new SparseMatrix.Builder(2).add(-1, f(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SparseMatrix.Builder(2).endRow().build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("1 rows of 2 built");
    assertThatThrownBy(() -> SparseMatrix.ofDense(new BigFraction[][] {{Z, Z}, {Z}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1 has 1 entries; expected 2");
    // a column may repeat in the next row
    SparseMatrix ok = new SparseMatrix.Builder(2).add(1, f(1, 2)).endRow().add(1, f(1, 3)).endRow().build();
    assertThat(ok.get(1, 1)).isEqualTo(f(1, 3));
    assertThatThrownBy(() -> new DoubleSparseMatrix.Builder(2).add(1, 0.5).add(1, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("column 1 out of order or out of range in row 0");
    assertThatThrownBy(() -> new DoubleSparseMatrix.Builder(2).add(2, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DoubleSparseMatrix.Builder(2).add(-1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DoubleSparseMatrix.Builder(2).build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("0 rows of 2 built");
    assertThatThrownBy(() -> DoubleSparseMatrix.ofDense(new double[][] {{0, 0}, {0}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1 has 1 entries; expected 2");
    DoubleSparseMatrix dok = new DoubleSparseMatrix.Builder(2).add(1, 0.5).endRow().add(1, 0.25).endRow().build();
    assertThat(dok.get(1, 1)).isEqualTo(0.25);
  }

  /** Zeros given to the builder are skipped, and rows longer than the initial storage of 16 entries grow it. */
  @Test
  void buildersSkipZerosAndGrowPastSixteenEntries() {
    int n = 40;
    SparseMatrix.Builder b = new SparseMatrix.Builder(n);
    DoubleSparseMatrix.Builder d = new DoubleSparseMatrix.Builder(n);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        b.add(c, (r + c) % 2 == 0 ? f(c + 1, r + 1) : Z);
        d.add(c, (r + c) % 2 == 0 ? c + 1.0 : 0.0);
      }
      b.endRow();
      d.endRow();
    }
    SparseMatrix m = b.build();
    DoubleSparseMatrix dm = d.build();
    // adding a zero still returns the builder
    assertThat(new SparseMatrix.Builder(1).add(0, Z).add(0, f(1, 2)).endRow().build().get(0, 0)).isEqualTo(f(1, 2));
    assertThat(new DoubleSparseMatrix.Builder(1).add(0, 0.0).add(0, 0.5).endRow().build().get(0, 0)).isEqualTo(0.5);
    assertThat(m.nonZeros()).isEqualTo(n * n / 2);
    assertThat(dm.nonZeros()).isEqualTo(n * n / 2);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        assertThat(m.get(r, c)).isEqualTo((r + c) % 2 == 0 ? f(c + 1, r + 1) : Z);
        assertThat(dm.get(r, c)).isEqualTo((r + c) % 2 == 0 ? c + 1.0 : 0.0);
      }
    }
  }
}
