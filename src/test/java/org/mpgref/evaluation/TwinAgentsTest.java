package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.testkit.JointEnumeration;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Agents with equal rows and equal induced MDPs ("twins") are evaluated once ({@code Evaluation.twins}); every agent's
 * results must still be its own: checked against joint-action enumeration (Bellman identity, Q̄) and against brute-force
 * best responses over all pure deviations, on the distancing game with groups of agents sharing rows.
 */
class TwinAgentsTest {
  /** Rows for N agents in `groups` groups: agent i uses the row of group i mod groups. */
  private static Policy grouped(MarkovGame g, int groups, UniformRandomProvider r) {
    BigFraction[][][] rows = new BigFraction[groups][g.stateCount()][];
    for (int k = 0; k < groups; k++) {
      for (int s = 0; s < g.stateCount(); s++) {
        rows[k][s] = RandomGames.distribution(r, g.actionCount(0));
      }
    }
    BigFraction[][][] p = new BigFraction[g.agentCount()][][];
    for (int i = 0; i < g.agentCount(); i++) {
      p[i] = rows[i % groups];
    }
    return Policy.of(p);
  }

  @Test
  void twinsAreTheAgentsSharingRows() {
    AnonymousMarkovGame g = DistancingGame.of(DistancingGame.published(5));
    Policy p = grouped(g, 2, RandomGames.rng(7));
    assertThat(Evaluation.of(g, p).twins()).containsExactly(0, 1, 0, 1, 0);
    assertThat(Evaluation.of(g, Policy.uniform(g)).twins()).containsExactly(0, 0, 0, 0, 0);
  }

  @Test
  void everyAgentsValuesAndGapsAreItsOwn() {
    Seeds.property("twinAgents", 6101L, 12)
        .forAll(integers().between(2, 4), integers().between(1, 3), longs().all())
        .checkAssert((n, groups, seed) -> {
          AnonymousMarkovGame g = DistancingGame.of(DistancingGame.published(n));
          Policy p = grouped(g, groups, RandomGames.rng(seed));
          Evaluation e = Evaluation.of(g, p);
          BigFraction gamma = g.discount();
          for (int i = 0; i < n; i++) {
            BigFraction[] v = e.values(i);
            for (int s = 0; s < g.stateCount(); s++) {
              // Bellman: V_i(s) = r_{i,pi}(s) + gamma sum_t P_pi(t|s) V_i(t), both from joint enumeration
              BigFraction[] pt = JointEnumeration.transition(g, p, s);
              BigFraction cont = BigFraction.ZERO;
              for (int t = 0; t < pt.length; t++) {
                cont = cont.add(pt[t].multiply(v[t]));
              }
              assertThat(v[s]).isEqualTo(JointEnumeration.reward(g, p, i, s).add(gamma.multiply(cont)));
              for (int a = 0; a < g.actionCount(i); a++) {
                assertThat(e.qBar(i, s, a)).isEqualTo(JointEnumeration.qBar(g, p, i, s, a, v));
              }
            }
          }
          // gaps: brute force over the |A|^|S| pure deviations of each agent
          NashGap gaps = NashGap.of(e);
          assertThat(gaps.verify()).isTrue();
          for (int i = 0; i < n; i++) {
            BigFraction best = null;
            for (int code = 0; code < 16; code++) {
              BigFraction[][][] rows = new BigFraction[n][][];
              for (int j = 0; j < n; j++) {
                rows[j] = new BigFraction[][] {p.row(j, 0), p.row(j, 1)};
              }
              rows[i] = new BigFraction[][] {pure(code % 4), pure(code / 4)};
              BigFraction vi = Evaluation.of(g, Policy.of(rows)).valueAtInitial(i);
              best = best == null || vi.subtract(best).signum() > 0 ? vi : best;
            }
            assertThat(gaps.gapAtInitial(i)).isEqualTo(best.subtract(e.valueAtInitial(i)));
          }
        });
  }

  /** The double twin copies equal rows too; every agent's double values match the exact ones (relative 1e-9). */
  @Test
  void doubleTwinAgreesWithTheExactEvaluationOnGroupedPolicies() {
    for (int groups = 1; groups <= 3; groups++) {
      AnonymousMarkovGame g = DistancingGame.of(DistancingGame.published(6));
      Policy p = grouped(g, groups, RandomGames.rng(40 + groups));
      Evaluation exact = Evaluation.of(g, p);
      DoubleEvaluation dbl = DoubleEvaluation.of(g.toDouble(), p.toDouble());
      for (int i = 0; i < g.agentCount(); i++) {
        for (int s = 0; s < g.stateCount(); s++) {
          for (int a = 0; a < g.actionCount(i); a++) {
            double e = exact.qBar(i, s, a).doubleValue();
            assertThat(Math.abs(dbl.qBar(i, s, a) - e)).as("agent %d, groups %d", i, groups)
                .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(e)));
          }
        }
        double v = exact.valueAtInitial(i).doubleValue();
        assertThat(Math.abs(dbl.valueAtInitial(i) - v)).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(v)));
      }
    }
  }

  /**
   * Equal rows and equal r̄ are not enough: here the reward is 1 in state 1 for both agents whatever they play, and the
   * next state is 1 iff agent 0 plays action 0 — so r̄_0 = r̄_1 and both play uniformly, but P̄_0 depends on agent 0's
   * action and P̄_1 does not. Agent 0 is not agent 1's twin, and Q̄_0(s,·) is not constant while Q̄_1(s,·) is.
   * Also agents with different action counts are never twins, even if the extra actions have probability 0.
   */
  @Test
  void transitionsAndActionCountsSeparateAgents() {
    BigFraction z = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    BigFraction half = BigFraction.of(1, 2);
    // joint index a0 + 2 a1: (0,0), (1,0), (0,1), (1,1)
    BigFraction[][][] r = new BigFraction[2][4][];
    BigFraction[][][] p = new BigFraction[2][4][];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < 4; j++) {
        r[s][j] = s == 1 ? new BigFraction[] {one, one} : new BigFraction[] {z, z};
        p[s][j] = j % 2 == 0 ? new BigFraction[] {z, one} : new BigFraction[] {one, z};
      }
    }
    org.mpgref.game.TabularMarkovGame g = org.mpgref.game.TabularMarkovGame.of("agent 0 steers", new int[] {2, 2},
        half, new BigFraction[] {half, half}, r, p);
    Policy u = Policy.uniform(g);
    Evaluation e = Evaluation.of(g, u);
    assertThat(e.twins()).containsExactly(0, 1);
    for (int i = 0; i < 2; i++) {
      for (int s = 0; s < 2; s++) {
        for (int a = 0; a < 2; a++) {
          assertThat(e.qBar(i, s, a)).isEqualTo(JointEnumeration.qBar(g, u, i, s, a, e.values(i)));
        }
      }
    }
    assertThat(e.qBar(0, 0, 0)).isNotEqualTo(e.qBar(0, 0, 1));
    assertThat(e.qBar(1, 0, 0)).isEqualTo(e.qBar(1, 0, 1));

    // 2 vs 3 actions, same probabilities on the shared actions, rewards independent of the actions
    BigFraction[][][] r3 = new BigFraction[1][6][];
    BigFraction[][][] p3 = new BigFraction[1][6][];
    for (int j = 0; j < 6; j++) {
      r3[0][j] = new BigFraction[] {one, one};
      p3[0][j] = new BigFraction[] {one};
    }
    org.mpgref.game.TabularMarkovGame h = org.mpgref.game.TabularMarkovGame.of("2 and 3 actions", new int[] {2, 3},
        half, new BigFraction[] {one}, r3, p3);
    Policy q = Policy.of(new BigFraction[][][] {{{half, half}}, {{half, half, z}}});
    Evaluation eh = Evaluation.of(h, q);
    assertThat(eh.twins()).containsExactly(0, 1);
    assertThat(eh.qBar(1, 0, 2)).isEqualTo(BigFraction.of(2));
    assertThat(NashGap.of(eh).bestResponse(1).verify()).isTrue();
  }

  private static BigFraction[] pure(int a) {
    BigFraction[] r = new BigFraction[4];
    for (int k = 0; k < 4; k++) {
      r[k] = k == a ? BigFraction.ONE : BigFraction.ZERO;
    }
    return r;
  }
}
