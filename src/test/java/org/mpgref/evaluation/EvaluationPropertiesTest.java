package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.JointEnumeration;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.Seeds;

/**
 * Seeded properties of exact policy evaluation on small random games (1–3 states, 1–3 agents, 1–3 actions), each
 * checked with BigFraction equality against an independent oracle ({@link JointEnumeration}, which enumerates joint
 * actions through the game's per-joint-action queries): the Bellman equation for V, the definition of Q̄ and its
 * consistency with V, and the discounted visitation distribution. The games and policies come from {@link Gens}
 * (sizes, then small integer weights and numerators), so a failure shrinks to a small rational game.
 */
class EvaluationPropertiesTest {
  private static final int EXAMPLES = 100;

  /** V_i(s) = r_{i,π}(s) + γ Σ_{s'} P_π(s'|s) V_i(s') exactly, with r_{i,π} and P_π from joint-action enumeration. */
  @Test
  void bellmanIdentity() {
    Seeds.property("bellmanIdentity", 1001L, EXAMPLES)
        .forAll(Gens.smallGamesWithPolicy())
        .checkAssert(gp -> {
          TabularMarkovGame game = gp.game();
          Policy policy = gp.policy();
          int states = game.stateCount();
          int agents = game.agentCount();
          Evaluation ev = Evaluation.of(game, policy);
          BigFraction gamma = game.discount();
          for (int s = 0; s < states; s++) {
            BigFraction[] pRow = JointEnumeration.transition(game, policy, s);
            for (int t = 0; t < states; t++) {
              assertThatExact(ev.transition(s, t)).as("P_pi(%d|%d) in %s", t, s, game.name())
                  .isEqualByComparingTo(pRow[t]);
            }
            for (int i = 0; i < agents; i++) {
              BigFraction cont = BigFraction.ZERO;
              for (int t = 0; t < states; t++) {
                cont = cont.add(pRow[t].multiply(ev.value(i, t)));
              }
              BigFraction rhs = JointEnumeration.reward(game, policy, i, s).add(gamma.multiply(cont));
              assertThatExact(ev.value(i, s)).as("V_%d(%d) in %s under%n%s", i, s, game.name(), policy)
                  .isEqualByComparingTo(rhs);
            }
          }
          for (int i = 0; i < agents; i++) {
            BigFraction atRho = BigFraction.ZERO;
            for (int s = 0; s < states; s++) {
              atRho = atRho.add(game.initial(s).multiply(ev.value(i, s)));
            }
            assertThatExact(ev.valueAtInitial(i)).as("V_%d(rho) in %s", i, game.name()).isEqualByComparingTo(atRho);
          }
        });
  }

  /**
   * Q̄_i(s,a_i) equals its definition Σ_{a_{-i}} π_{-i}(a_{-i}|s)[r_i(s,a) + γ Σ P(s'|s,a) V_i(s')] by enumeration,
   * V_i(s) = Σ_{a_i} π_i(a_i|s) Q̄_i(s,a_i), and Σ_{a_i} π_i(a_i|s) Ā_i(s,a_i) = 0, all exactly.
   */
  @Test
  void qBarConsistency() {
    Seeds.property("qBarConsistency", 1002L, EXAMPLES)
        .forAll(Gens.smallGamesWithPolicy())
        .checkAssert(gp -> {
          TabularMarkovGame game = gp.game();
          Policy policy = gp.policy();
          int states = game.stateCount();
          int agents = game.agentCount();
          Evaluation ev = Evaluation.of(game, policy);
          for (int i = 0; i < agents; i++) {
            BigFraction[] v = ev.values(i);
            for (int s = 0; s < states; s++) {
              BigFraction mix = BigFraction.ZERO;
              BigFraction advantageMix = BigFraction.ZERO;
              for (int a = 0; a < game.actionCount(i); a++) {
                BigFraction q = ev.qBar(i, s, a);
                assertThatExact(q).as("Qbar_%d(%d,%d) in %s", i, s, a, game.name())
                    .isEqualByComparingTo(JointEnumeration.qBar(game, policy, i, s, a, v));
                assertThatExact(ev.advantage(i, s, a)).isEqualByComparingTo(q.subtract(v[s]));
                mix = mix.add(policy.prob(i, s, a).multiply(q));
                advantageMix = advantageMix.add(policy.prob(i, s, a).multiply(ev.advantage(i, s, a)));
              }
              assertThatExact(ev.value(i, s)).as("V_%d(%d) = sum pi Qbar in %s", i, s, game.name())
                  .isEqualByComparingTo(mix);
              assertThatExact(advantageMix).as("sum pi Abar at (%d,%d) in %s", i, s, game.name())
                  .isEqualByComparingTo(BigFraction.ZERO);
            }
          }
        });
  }

  /**
   * The discounted visitation d_ρ^π is a distribution (Σ_s d(s) = 1 exactly), dominates (1−γ)ρ entrywise, and solves
   * d(s') = (1−γ)ρ(s') + γ Σ_s d(s) P_π(s'|s) with P_π from joint-action enumeration.
   */
  @Test
  void visitationIsDiscountedOccupancy() {
    Seeds.property("visitation", 1003L, EXAMPLES)
        .forAll(Gens.smallGamesWithPolicy())
        .checkAssert(gp -> {
          TabularMarkovGame game = gp.game();
          Policy policy = gp.policy();
          int states = game.stateCount();
          int agents = game.agentCount();
          Evaluation ev = Evaluation.of(game, policy);
          BigFraction gamma = game.discount();
          BigFraction oneMinusGamma = BigFraction.ONE.subtract(gamma);
          BigFraction[] d = new BigFraction[states];
          for (int s = 0; s < states; s++) {
            d[s] = ev.visitation(s);
            assertThatExact(d[s]).as("d(%d) >= (1-gamma) rho(%d) in %s", s, s, game.name())
                .isGreaterThanOrEqualTo(oneMinusGamma.multiply(game.initial(s)));
          }
          assertThatExact(JointEnumeration.sum(d)).as("sum d in %s", game.name()).isEqualByComparingTo(BigFraction.ONE);
          BigFraction[][] p = new BigFraction[states][];
          for (int s = 0; s < states; s++) {
            p[s] = JointEnumeration.transition(game, policy, s);
          }
          for (int t = 0; t < states; t++) {
            BigFraction inflow = BigFraction.ZERO;
            for (int s = 0; s < states; s++) {
              inflow = inflow.add(d[s].multiply(p[s][t]));
            }
            assertThatExact(d[t]).as("d(%d) fixed point in %s", t, game.name())
                .isEqualByComparingTo(oneMinusGamma.multiply(game.initial(t)).add(gamma.multiply(inflow)));
          }
        });
  }
}
