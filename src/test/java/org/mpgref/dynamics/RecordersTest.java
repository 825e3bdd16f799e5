package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.TabularMarkovGame;

/**
 * The double recorder's finiteness check applies to the selected figures only (found by mutation testing, issue 10).
 * The game: one agent, one state, two actions both paying 10^308, γ = 1/2, so V = 10^308/(1 − 1/2) = 2·10^308 is
 * beyond the largest double (about 1.8·10^308) and its Nash gap Q̄ − V is not finite either.
 */
class RecordersTest {
  private static final BigFraction ONE = BigFraction.ONE;
  private static final BigFraction HUGE = BigFraction.of(java.math.BigInteger.TEN.pow(308));
  private static final DoubleMarkovGame OVERFLOW = TabularMarkovGame.of("overflow", new int[] {2},
      BigFraction.of(1, 2), new BigFraction[] {ONE}, new BigFraction[][][] {{{HUGE}, {HUGE}}},
      new BigFraction[][][] {{{ONE}, {ONE}}}).toDouble();

  private static Iterate record(Set<Figure> figures) {
    return Recorders.doubles(figures).record(0, null, DoubleEvaluation.of(OVERFLOW, DoublePolicy.uniform(OVERFLOW)));
  }

  @Test
  void overflowingValuesAreRefusedWhenTheyAreKept() {
    assertThatThrownBy(() -> record(EnumSet.of(Figure.VALUES))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iteration 0: the double evaluation is not finite (values or Nash gap overflow double); the"
            + " game's numbers are too large for a double run; use an exact run");
  }

  /**
   * With the Nash gap kept (as in every default run) the overflow is named as such, before the best responses would
   * fail on an infinite tie tolerance.
   */
  @Test
  void overflowingValuesAreNamedWhenOnlyTheGapIsKept() {
    for (Set<Figure> kept : List.of(EnumSet.of(Figure.NASH_GAP), EnumSet.allOf(Figure.class))) {
      assertThatThrownBy(() -> record(kept)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("iteration 0: the double evaluation is not finite (values or Nash gap overflow double); the"
              + " game's numbers are too large for a double run; use an exact run");
    }
  }

  /** The check itself on records made by hand: each figure is checked only when kept. */
  @Test
  void eachKeptFigureIsCheckedAndOnlyThose() {
    DoublePolicy p = DoublePolicy.uniform(OVERFLOW);
    Iterate infiniteGap = new Iterate(3, p, new double[] {1.0}, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN);
    Iterate nanValue = new Iterate(4, p, new double[] {Double.NaN}, 0.0, Double.NaN, Double.NaN);
    assertThatThrownBy(() -> Recorders.requireFinite(infiniteGap, EnumSet.of(Figure.NASH_GAP)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("iteration 3: the double evaluation is not finite");
    Recorders.requireFinite(infiniteGap, EnumSet.of(Figure.VALUES, Figure.POTENTIAL, Figure.L1_CHANGE));
    assertThatThrownBy(() -> Recorders.requireFinite(nanValue, EnumSet.of(Figure.VALUES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("iteration 4: the double evaluation is not finite");
    Recorders.requireFinite(nanValue, EnumSet.of(Figure.NASH_GAP));
    Recorders.requireFinite(nanValue, EnumSet.noneOf(Figure.class));
  }

  @Test
  void figuresThatAreNotKeptAreNotChecked() {
    Iterate it = record(EnumSet.of(Figure.L1_CHANGE));
    assertThat(it.values()).hasSize(1);
    assertThat(it.values()[0]).isNaN();
    assertThat(it.nashGap()).isNaN();
    assertThat(it.potential()).isNaN();
    assertThat(it.l1Change()).as("t = 0 has no change").isNaN();
  }

  /**
   * The exact recorder keeps the L1 change only when selected: on the bandit (γ = 0, r = (1, 0)) from (1/2, 1/2) to
   * (5/8, 3/8) it is 1/8 + 1/8 = 1/4, for one agent.
   */
  @Test
  void theExactL1ChangeIsKeptOnlyWhenSelected() {
    BigFraction z = BigFraction.ZERO;
    TabularMarkovGame g = TabularMarkovGame.of("bandit", new int[] {2}, z, new BigFraction[] {ONE},
        new BigFraction[][][] {{{ONE}, {z}}}, new BigFraction[][][] {{{ONE}, {ONE}}});
    org.mpgref.evaluation.Evaluation e0 = org.mpgref.evaluation.Evaluation.of(g, org.mpgref.game.Policy.uniform(g));
    org.mpgref.evaluation.Evaluation e1 = org.mpgref.evaluation.Evaluation.of(g, org.mpgref.game.Policy.of(
        new BigFraction[][][] {{{BigFraction.of(5, 8), BigFraction.of(3, 8)}}}));
    assertThat(Recorders.exact(EnumSet.of(Figure.L1_CHANGE)).record(1, e0, e1).l1Change())
        .contains(BigFraction.of(1, 4));
    ExactIterate without = Recorders.exact(EnumSet.of(Figure.VALUES)).record(1, e0, e1);
    assertThat(without.l1Change()).isEmpty();
    assertThat(without.values()).containsExactly(BigFraction.of(5, 8));
  }
}
