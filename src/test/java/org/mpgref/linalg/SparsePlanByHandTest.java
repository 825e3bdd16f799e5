package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The symbolic phase of the sparse solvers on small patterns whose Tarjan blocks, Markowitz order, fill and work
 * estimate are derived by hand in proofs-notes/linalg-cost-model.md (cases A to F; found by mutation testing, issue
 * 10). The plan is called directly with chosen entry bits, row Hadamard bits and right-hand-side bits, so the figures
 * are round; every work figure is a sum of dyadic rationals, exact in double, and compared exactly.
 */
class SparsePlanByHandTest {
  private static final double NO_BUDGET = Double.MAX_VALUE;

  /** CSR row starts of a pattern given row by row. */
  private static int[] starts(int[][] rows) {
    int[] start = new int[rows.length + 1];
    for (int r = 0; r < rows.length; r++) {
      start[r + 1] = start[r] + rows[r].length;
    }
    return start;
  }

  private static int[] flat(int[][] rows) {
    return java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).toArray();
  }

  private static SparsePlan doublePlan(int[][] rows, int m, double budget) {
    return SparsePlan.of(starts(rows), flat(rows), false, new int[0], new double[0], m, new double[0], budget);
  }

  /** Case A: Markowitz pivots state 1 before state 2 (Tarjan's order 2, 1, 0 would fill (1, 0)); work 76. */
  @Test
  void caseAMarkowitzReordersTheBlock() {
    SparsePlan plan = doublePlan(new int[][] {{0, 1, 2}, {1, 2}, {0, 1, 2}}, 1, NO_BUDGET);
    assertThat(plan.n).isEqualTo(3);
    assertThat(plan.blocks).isEqualTo(1);
    assertThat(plan.blockStart).startsWith(0, 3);
    assertThat(plan.order).containsExactly(1, 2, 0);
    assertThat(plan.factorNonZeros).isEqualTo(8);
    assertThat(plan.work).isEqualTo(76.0);
    assertThat(plan.aborted).isFalse();
  }

  private static final int[][] CASE_B = {{0, 1}, {1, 2}, {0, 2}, {0, 3}};

  /** Case B: blocks {2,1,0} and {3}, one fill entry, work 120 for m = 2 (65 for m = 1). */
  @Test
  void caseBTwoBlocksAndOneFillEntry() {
    SparsePlan plan = doublePlan(CASE_B, 2, NO_BUDGET);
    assertThat(plan.blocks).isEqualTo(2);
    assertThat(plan.blockStart).startsWith(0, 3, 4);
    assertThat(plan.order).containsExactly(2, 1, 0, 3);
    assertThat(plan.factorNonZeros).isEqualTo(9);
    assertThat(plan.work).isEqualTo(120.0);
    assertThat(plan.aborted).isFalse();
    assertThat(doublePlan(CASE_B, 1, NO_BUDGET).work).isEqualTo(65.0);
  }

  /** Case B at budgets 120 (complete), 119 and 102 (aborted at 120 after block {3}), 50 (aborted at 60 inside). */
  @Test
  void caseBStopsOncePastTheBudget() {
    SparsePlan exact = doublePlan(CASE_B, 2, 120);
    assertThat(exact.aborted).isFalse();
    assertThat(exact.work).isEqualTo(120.0);
    SparsePlan below = doublePlan(CASE_B, 2, 119);
    assertThat(below.aborted).isTrue();
    assertThat(below.work).isEqualTo(120.0);
    SparsePlan atFirstBlock = doublePlan(CASE_B, 2, 102);
    assertThat(atFirstBlock.aborted).isTrue();
    assertThat(atFirstBlock.work).isEqualTo(120.0);
    assertThat(atFirstBlock.factorNonZeros).isEqualTo(9);
    SparsePlan inside = doublePlan(CASE_B, 2, 50);
    assertThat(inside.aborted).isTrue();
    assertThat(inside.work).isEqualTo(60.0);
    assertThat(inside.factorNonZeros).isEqualTo(7);
  }

  /** {@link SparsePlan#require} against the limits in force: case B's 120 units, complete or aborted. */
  @Test
  void requireNamesTheEstimateOrWhereItStopped() {
    SparsePlan complete = doublePlan(CASE_B, 2, NO_BUDGET);
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(120).install()) {
      complete.require("plan B");
    }
    try (Limits.Scope s = Limits.DEFAULT.withMaxWork(119).install()) {
      assertThatThrownBy(() -> complete.require("plan B")).isInstanceOf(LimitExceededException.class)
          .hasMessage("plan B needs about 120 work units; the limit is 119 work units (raise it with --max-work)");
      SparsePlan stopped = doublePlan(CASE_B, 2, 119);
      assertThatThrownBy(() -> stopped.require("plan B")).isInstanceOf(LimitExceededException.class)
          .hasMessage("plan B needs more than 119 work units (the estimate stopped there); the limit is 119 work"
              + " units (raise it with --max-work)");
    }
  }

  /** Case C: three one-state blocks, the last with two off-block products; work 2561679/2048 for m = 3. */
  @Test
  void caseCOffBlockProductsAndCramerCaps() {
    int[][] rows = {{0}, {1}, {0, 1, 2}};
    int[] bits = {0, 0, 64, 0, 0};
    double[] h = {31, 15, 30};
    double[] rhs = {0, 16, 100};
    SparsePlan plan = SparsePlan.of(starts(rows), flat(rows), true, bits, h, 3, rhs, NO_BUDGET);
    assertThat(plan.blocks).isEqualTo(3);
    assertThat(plan.order).containsExactly(0, 1, 2);
    assertThat(plan.blockStart).startsWith(0, 1, 2, 3);
    assertThat(plan.factorNonZeros).isEqualTo(5);
    assertThat(plan.work).isEqualTo(2561679.0 / 2048);
  }

  /** Case E: one block of three with a fill entry, the step cap (64) and the block cap (66) binding; work 1356.626953125. */
  @Test
  void caseEFillAndHadamardCaps() {
    int[][] rows = {{0, 1}, {1, 2}, {0, 2}};
    // entries in CSR order: (0,0) (0,1) (1,1) (1,2) (2,0) (2,2)
    int[] bits = {0, 64, 0, 0, 64, 64};
    double[] h = {30, 1, 1};
    double[] rhs = {31, 0, 0};
    SparsePlan plan = SparsePlan.of(starts(rows), flat(rows), true, bits, h, 2, rhs, NO_BUDGET);
    assertThat(plan.blocks).isEqualTo(1);
    assertThat(plan.order).containsExactly(2, 1, 0);
    assertThat(plan.factorNonZeros).isEqualTo(7);
    assertThat(plan.work).isEqualTo(608 + 644.251953125 + 104.375);
  }

  /** Case F: the cycle {1,2} is a sink below the source 0; work 43. */
  @Test
  void caseFACycleBelowASource() {
    SparsePlan plan = doublePlan(new int[][] {{0, 1}, {1, 2}, {1, 2}}, 1, NO_BUDGET);
    assertThat(plan.blocks).isEqualTo(2);
    assertThat(plan.blockStart).startsWith(0, 2, 3);
    assertThat(plan.order).containsExactly(2, 1, 0);
    assertThat(plan.factorNonZeros).isEqualTo(6);
    assertThat(plan.work).isEqualTo(43.0);
  }

  /**
   * The exact plan of A = [[3/4, 0], [−1/2, 5]], B = (5, −7/3): bits and row Hadamard figures from the fractions
   * (h₀ = 3.5, h₁ = 5 + ½ log₂ 3, solution caps 17 and 52 + log₂ 3), and the solve x = (20/3, 1/5).
   */
  @Test
  void theExactPlanReadsBitsAndHadamardFiguresFromTheFractions() {
    SparseMatrix a = SparseMatrix.ofDense(new BigFraction[][] {{BigFraction.of(3, 4), BigFraction.ZERO},
        {BigFraction.of(-1, 2), BigFraction.of(5)}});
    BigFraction[][] b = {{BigFraction.of(5)}, {BigFraction.of(-7, 3)}};
    SparsePlan plan = SparseExactSolver.plan(a, b, NO_BUDGET);
    assertThat(plan.order).containsExactly(0, 1);
    assertThat(plan.blocks).isEqualTo(2);
    double log3 = Math.log(3) / Math.log(2);
    double w = 1 + (52 + log3) / 64;
    double expected = 40 + 2 * (81.0 / 64) * (81.0 / 64) + 40 + 2 * (66.0 / 64) * (81.0 / 64)
        + 40 + 2 * (83.0 / 64) * (83.0 / 64) + 40 + 2 * w * w;
    assertThat(plan.work).isCloseTo(expected, Offset.offset(1e-9));
    BigFraction[][] x = SparseExactSolver.solve("test solve", a, b);
    assertThat(x[0][0]).isEqualTo(BigFraction.of(20, 3));
    assertThat(x[1][0]).isEqualTo(BigFraction.of(1, 5));
  }

  /** The plan checks the thread's interrupt before each block. */
  @Test
  void anInterruptedPlanStops() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> doublePlan(CASE_B, 1, NO_BUDGET)).isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }

  /** A growable list doubles its array when full and keeps what it holds. */
  @Test
  void intListGrows() {
    SparsePlan.IntList list = new SparsePlan.IntList();
    for (int v = 0; v < 9; v++) {
      list.add(10 * v);
    }
    assertThat(list.size).isEqualTo(9);
    assertThat(list.data.length).isEqualTo(16);
    assertThat(java.util.Arrays.copyOf(list.data, 9)).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80);
  }

  /** Case A exact: the updated entries (2,2) = 21 and (0,2) = 31 feed step 2; work 975.7490234375. */
  @Test
  void caseAExactUpdatedEntriesFeedTheNextStep() {
    int[][] rows = {{0, 1, 2}, {1, 2}, {0, 1, 2}};
    // entries in CSR order: (0,0) (0,1) (0,2) (1,1) (1,2) (2,0) (2,1) (2,2)
    int[] bits = {0, 0, 30, 0, 0, 0, 0, 20};
    SparsePlan plan = SparsePlan.of(starts(rows), flat(rows), true, bits, new double[] {10, 10, 10}, 1,
        new double[] {1, 0, 0}, NO_BUDGET);
    assertThat(plan.order).containsExactly(1, 2, 0);
    assertThat(plan.factorNonZeros).isEqualTo(8);
    assertThat(plan.work).isEqualTo(975.7490234375);
  }

  /** Case B with budgets 60, 70 and 72: the block stops after step 1 (72) or after the row update of step 2 (86). */
  @Test
  void caseBStopsInsideTheBlockAtTheFirstFigureAboveItsBudget() {
    for (double[] budgetAndWork : new double[][] {{60, 72}, {70, 72}, {72, 86}}) {
      SparsePlan plan = doublePlan(CASE_B, 2, budgetAndWork[0]);
      assertThat(plan.aborted).as("budget %s", budgetAndWork[0]).isTrue();
      assertThat(plan.work).as("budget %s", budgetAndWork[0]).isEqualTo(budgetAndWork[1]);
      assertThat(plan.factorNonZeros).isEqualTo(7);
    }
  }

  /** Case G1: pivot 0, then the tie between states 2 and 1 goes to state 2 (local 0): order 0, 2, 1. */
  @Test
  void caseG1ALiveColumnLosesOneEntry() {
    SparsePlan plan = doublePlan(new int[][] {{0, 1}, {1, 2}, {0, 1, 2}}, 1, NO_BUDGET);
    assertThat(plan.order).containsExactly(0, 2, 1);
    assertThat(plan.factorNonZeros).isEqualTo(7);
  }

  /** Case G2: the fill entry (3,2) is updated when 2 is pivoted, so state 3 comes before 0: order 1, 2, 3, 0. */
  @Test
  void caseG2AFillEntryJoinsItsColumn() {
    SparsePlan plan = doublePlan(new int[][] {{0, 3}, {1, 2}, {0, 1, 2, 3}, {0, 1, 3}}, 1, NO_BUDGET);
    assertThat(plan.blocks).isEqualTo(1);
    assertThat(plan.order).containsExactly(1, 2, 3, 0);
    assertThat(plan.factorNonZeros).isEqualTo(12);
  }

  /** Case H: block {1,0}'s solutions of 64 bits enter block {2}'s product; work 544.38330078125. */
  @Test
  void caseHABlocksSolutionSizeFeedsTheNextBlock() {
    int[][] rows = {{0, 1}, {0, 1}, {0, 2}};
    SparsePlan plan = SparsePlan.of(starts(rows), flat(rows), true, new int[6], new double[] {15, 15, 0}, 1,
        new double[] {1, 1, 0}, NO_BUDGET);
    assertThat(plan.order).containsExactly(1, 0, 2);
    assertThat(plan.blockStart).startsWith(0, 2, 3);
    assertThat(plan.factorNonZeros).isEqualTo(6);
    assertThat(plan.work).isEqualTo(544.38330078125);
  }

  /** A plan of one-state blocks only checks the interrupt too (before each block). */
  @Test
  void anInterruptedPlanOfSingleStatesStops() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> doublePlan(new int[][] {{0}, {1}}, 1, NO_BUDGET)).isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
