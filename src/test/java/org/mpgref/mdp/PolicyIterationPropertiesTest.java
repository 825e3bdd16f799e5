package org.mpgref.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.numbers.Rationals;
import org.mpgref.testkit.Seeds;
import org.quicktheories.core.Gen;

/**
 * Seeded properties of the policy-iteration kernel over random small rational MDPs (1–3 states, 1–3 actions per
 * state). The generator is built from shrinkable parts: the sizes, then a list of small integers read in order as
 * γ's numerator, reward numerators and denominators, row weights and the start policy, so a failure shrinks to a small
 * MDP with small numbers (every part shrinks towards 0 or 1).
 */
class PolicyIterationPropertiesTest {
  /** A drawn MDP and a start policy. */
  record Drawn(ExactMdp mdp, int[] start) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("gamma=" + Rationals.format(mdp.discount()) + " start="
          + java.util.Arrays.toString(start));
      for (int s = 0; s < mdp.stateCount(); s++) {
        for (int k = 0; k < mdp.actionCount(s); k++) {
          b.append(" (").append(s).append(',').append(k).append("): r=").append(Rationals.format(mdp.reward(s, k)))
              .append(" P=");
          for (int j = 0; j < mdp.rowLength(s, k); j++) {
            b.append(mdp.next(s, k, j)).append(':').append(Rationals.format(mdp.probability(s, k, j))).append(' ');
          }
        }
      }
      return b.toString();
    }
  }

  private static final int DRAWS = 80;

  /** The MDP generator: sizes first, then the numbers. */
  static Gen<Drawn> mdps() {
    return integers().between(1, 3).zip(lists().of(integers().between(1, 3)).ofSize(3),
        lists().of(integers().between(0, 6)).ofSize(DRAWS), PolicyIterationPropertiesTest::build);
  }

  private static Drawn build(int states, List<Integer> actionCounts, List<Integer> numbers) {
    int[] at = {0};
    java.util.function.IntSupplier next = () -> numbers.get(at[0]++ % numbers.size());
    BigFraction gamma = BigFraction.of(Math.min(next.getAsInt(), 4), 5); // 0, 1/5, ..., 4/5
    BigFraction[][] r = new BigFraction[states][];
    BigFraction[][][] rows = new BigFraction[states][][];
    int[] start = new int[states];
    for (int s = 0; s < states; s++) {
      int actions = actionCounts.get(s);
      r[s] = new BigFraction[actions];
      rows[s] = new BigFraction[actions][states];
      for (int k = 0; k < actions; k++) {
        r[s][k] = BigFraction.of(next.getAsInt() - 3, 1 + next.getAsInt() % 3); // (−3..3)/(1..3)
        int[] weight = new int[states];
        int total = 0;
        for (int t = 0; t < states; t++) {
          weight[t] = next.getAsInt() % 4;
          total += weight[t];
        }
        if (total == 0) {
          weight[s] = 1; // an all-zero draw is a self-loop
          total = 1;
        }
        for (int t = 0; t < states; t++) {
          rows[s][k][t] = BigFraction.of(weight[t], total);
        }
      }
    }
    for (int s = 0; s < states; s++) {
      start[s] = next.getAsInt() % r[s].length;
    }
    return new Drawn(ExactMdp.dense(gamma, r, rows), start);
  }

  /** Every deterministic policy of the MDP, in lexicographic order. */
  static int[][] allPolicies(ExactMdp m) {
    int total = 1;
    for (int s = 0; s < m.stateCount(); s++) {
      total *= m.actionCount(s);
    }
    int[][] all = new int[total][m.stateCount()];
    for (int code = 0; code < total; code++) {
      int rest = code;
      for (int s = 0; s < m.stateCount(); s++) {
        all[code][s] = rest % m.actionCount(s);
        rest /= m.actionCount(s);
      }
    }
    return all;
  }

  /**
   * Against brute force over all deterministic policies: the kernel's V*(s) is the max (min) of V^σ(s) over every σ
   * at every state at once; σ* is the lowest-index action attaining V* (recomputed from the brute-force values); the
   * certificate verifies; the evaluation count is at most the number of policies (no policy repeats); and the result
   * does not depend on the start policy.
   */
  @Test
  void optimalValuesMatchBruteForce() {
    Seeds.property("policyIterationBruteForce", 7711L, 150).forAll(mdps()).checkAssert(d -> {
      ExactMdp m = d.mdp();
      int[][] all = allPolicies(m);
      BigFraction[][] v = new BigFraction[all.length][];
      for (int c = 0; c < all.length; c++) {
        v[c] = PolicyIteration.evaluate("test", m, all[c]);
      }
      for (Objective o : Objective.values()) {
        ExactSolution x = PolicyIteration.exact("test", m, o, d.start());
        ExactSolution fromZero = PolicyIteration.exact("test", m, o, new int[m.stateCount()]);
        assertThat(x.verify()).as(o + " certificate").isTrue();
        assertThat(x.iterations()).as(o + " evaluations").isBetween(1, all.length);
        assertThat(fromZero.actions()).as(o + " start-independent actions").containsExactly(x.actions());
        for (int s = 0; s < m.stateCount(); s++) {
          BigFraction best = v[0][s];
          for (BigFraction[] w : v) {
            int c = Rationals.compare(w[s], best);
            best = (o == Objective.MAXIMISE ? c > 0 : c < 0) ? w[s] : best;
          }
          assertThatExact(x.value(s)).as(o + " V*(" + s + ")").isEqualByComparingTo(best);
          assertThatExact(fromZero.value(s)).isEqualByComparingTo(best);
        }
        BigFraction[] star = x.values();
        for (int s = 0; s < m.stateCount(); s++) {
          int lowest = -1;
          for (int k = 0; k < m.actionCount(s) && lowest < 0; k++) {
            if (m.q(s, k, star).equals(star[s])) {
              lowest = k;
            }
          }
          assertThat(x.action(s)).as(o + " lowest-index optimal action at " + s).isEqualTo(lowest);
        }
      }
    });
  }

  /**
   * Exact against double on the same MDP (entries rounded to double, τ = 1e-9): the double values are within
   * 1e-9·(1 + |V*|) of the exact ones (compared exactly, the double converted exactly), and the double actions are
   * the exact ones whenever no two actions' exact Q* differ by a non-zero amount below 1e-6; otherwise each double
   * action is within 1e-6 of optimal in exact terms.
   */
  @Test
  void exactAndDoubleAgree() {
    BigFraction valueTol = BigFraction.of(1, 1_000_000_000);
    BigFraction nearTie = BigFraction.of(1, 1_000_000);
    Seeds.property("policyIterationExactDouble", 7712L, 150).forAll(mdps()).checkAssert(d -> {
      ExactMdp m = d.mdp();
      DoubleMdp dm = PolicyIterationTest.toDouble(m);
      for (Objective o : Objective.values()) {
        ExactSolution x = PolicyIteration.exact("test", m, o, d.start());
        DoubleSolution y = PolicyIteration.doubles("test", dm, o, d.start(), 1e-9, PolicyIteration.DOUBLE_MAX_STEPS);
        assertThat(y.converged()).isTrue();
        BigFraction[] star = x.values();
        boolean nearTies = false;
        for (int s = 0; s < m.stateCount(); s++) {
          BigFraction err = Rationals.ofDouble(y.values()[s]).subtract(star[s]).abs();
          assertThatExact(err).as(o + " |W - V*| at " + s)
              .isLessThanOrEqualTo(valueTol.multiply(BigFraction.ONE.add(star[s].abs())));
          for (int k = 0; k < m.actionCount(s); k++) {
            BigFraction gap = m.q(s, k, star).subtract(star[s]).abs();
            nearTies |= gap.signum() != 0 && Rationals.compare(gap, nearTie) < 0;
          }
        }
        if (!nearTies) {
          assertThat(y.actions()).as(o + " actions").containsExactly(x.actions());
        }
        for (int s = 0; s < m.stateCount(); s++) {
          BigFraction loss = m.q(s, y.actions()[s], star).subtract(star[s]).abs();
          assertThatExact(loss).as(o + " loss of the double action at " + s).isLessThanOrEqualTo(nearTie);
        }
      }
    });
  }

  /**
   * The maximum of −r is minus the minimum of r, with the same lowest-index actions (the two objectives mirror each
   * other exactly), and adding a constant c to every reward adds c/(1−γ) to V* without changing the actions.
   */
  @Test
  void objectivesMirrorAndShift() {
    Seeds.property("policyIterationMirror", 7713L, 150).forAll(mdps()).checkAssert(d -> {
      ExactMdp m = d.mdp();
      BigFraction[][] neg = new BigFraction[m.stateCount()][];
      BigFraction[][] shifted = new BigFraction[m.stateCount()][];
      BigFraction c = BigFraction.of(7, 3);
      for (int s = 0; s < m.stateCount(); s++) {
        neg[s] = new BigFraction[m.actionCount(s)];
        shifted[s] = new BigFraction[m.actionCount(s)];
        for (int k = 0; k < m.actionCount(s); k++) {
          neg[s][k] = m.reward(s, k).negate();
          shifted[s][k] = m.reward(s, k).add(c);
        }
      }
      ExactSolution min = PolicyIteration.exact("test", m, Objective.MINIMISE, d.start());
      ExactSolution maxNeg = PolicyIteration.exact("test", m.withRewards(neg), Objective.MAXIMISE, d.start());
      ExactSolution max = PolicyIteration.exact("test", m, Objective.MAXIMISE, d.start());
      ExactSolution maxShift = PolicyIteration.exact("test", m.withRewards(shifted), Objective.MAXIMISE, d.start());
      assertThat(maxNeg.actions()).containsExactly(min.actions());
      assertThat(maxShift.actions()).containsExactly(max.actions());
      BigFraction offset = c.divide(BigFraction.ONE.subtract(m.discount()));
      for (int s = 0; s < m.stateCount(); s++) {
        assertThatExact(maxNeg.value(s)).isEqualByComparingTo(min.value(s).negate());
        assertThatExact(maxShift.value(s)).isEqualByComparingTo(max.value(s).add(offset));
      }
    });
  }
}
