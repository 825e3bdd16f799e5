package org.mpgref.dynamics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;

/**
 * The standard recorders: per iterate π^t, the values V_i^{π^t}(ρ), the Nash gap, Φ^{π^t}(ρ) and the L1 change
 * (1/N) Σ_i ‖π_i^t − π_i^{t−1}‖_1, as selected by a set of {@link Figure}s (Fox et al., AISTATS 2022, §4, record the
 * same quantities, estimated).
 */
public final class Recorders {
  private Recorders() {}

  /**
   * Double records: figures not selected are NaN (the values array then holds N NaNs). Every selected value and
   * Nash gap must be finite.
   *
   * @param figures the figures to keep
   * @return the recorder
   */
  public static Recorder<DoubleEvaluation, Iterate> doubles(Set<Figure> figures) {
    Set<Figure> keep = EnumSet.noneOf(Figure.class);
    keep.addAll(figures);
    return (t, previous, current) -> {
      int n = current.game().agentCount();
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = keep.contains(Figure.VALUES) ? current.valueAtInitial(i) : Double.NaN;
        if (keep.contains(Figure.NASH_GAP) && !Double.isFinite(current.valueAtInitial(i))) {
          // the best responses' tie tolerance would overflow too: name the cause, not the tolerance
          throw notFinite(t);
        }
      }
      double gap = keep.contains(Figure.NASH_GAP) ? current.nashGap() : Double.NaN;
      double phi = keep.contains(Figure.POTENTIAL) ? current.potentialAtInitial() : Double.NaN;
      double l1 = previous == null || !keep.contains(Figure.L1_CHANGE) ? Double.NaN
          : current.policy().l1Distance(previous.policy()) / n;
      Iterate it = new Iterate(t, current.policy(), v, gap, phi, l1);
      requireFinite(it, keep);
      return it;
    };
  }

  /**
   * Exact records: the values (an empty array if not selected), the certified Nash gap (empty if not selected), Φ(ρ)
   * (empty if not selected or not declared) and the exact L1 change (empty at t = 0 or if not selected).
   *
   * @param figures the figures to keep
   * @return the recorder
   */
  public static Recorder<Evaluation, ExactIterate> exact(Set<Figure> figures) {
    Set<Figure> keep = EnumSet.noneOf(Figure.class);
    keep.addAll(figures);
    return (t, previous, current) -> {
      int n = current.game().agentCount();
      BigFraction[] v = new BigFraction[keep.contains(Figure.VALUES) ? n : 0];
      for (int i = 0; i < v.length; i++) {
        v[i] = current.valueAtInitial(i);
      }
      Optional<BigFraction> gap = keep.contains(Figure.NASH_GAP)
          ? Optional.of(NashGap.of(current).nashGap()) : Optional.empty();
      Optional<BigFraction> phi = keep.contains(Figure.POTENTIAL) ? current.potentialAtInitial() : Optional.empty();
      Optional<BigFraction> l1 = previous == null || !keep.contains(Figure.L1_CHANGE) ? Optional.empty()
          : Optional.of(current.policy().l1Distance(previous.policy()).divide(n));
      return new ExactIterate(t, current.policy(), v, gap, phi, l1);
    };
  }

  /**
   * Refuses a double iterate whose selected values or Nash gap left the range of double (e.g. rewards near the
   * largest double).
   *
   * @param it the iterate
   * @param keep the selected figures
   * @throws IllegalArgumentException naming the iteration
   */
  static void requireFinite(Iterate it, Set<Figure> keep) {
    boolean ok = !keep.contains(Figure.NASH_GAP) || Double.isFinite(it.nashGap());
    if (keep.contains(Figure.VALUES)) {
      ok &= Arrays.stream(it.values()).allMatch(Double::isFinite);
    }
    if (!ok) {
      throw notFinite(it.t());
    }
  }

  private static IllegalArgumentException notFinite(int t) {
    return new IllegalArgumentException("iteration " + t + ": the double evaluation is not finite (values or"
        + " Nash gap overflow double); the game's numbers are too large for a double run; use an exact run");
  }

  /**
   * Refuses an updated row that left the range of double (an overflowing step η Q̄, or logits θ that overflowed).
   *
   * @param t the iteration
   * @param agent i
   * @param state s
   * @param row π_i^t(·|s)
   * @param eta η
   * @throws IllegalArgumentException naming the iteration, agent and state
   */
  static void requireFinite(int t, int agent, int state, double[] row, double eta) {
    for (double x : row) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("iteration " + t + ": the double update of agent " + agent + " at state "
            + state + " is not finite (eta = " + eta + " times Qbar leaves the range of double); use a smaller step"
            + " or an exact run");
      }
    }
  }
}
