package org.mpgref.evaluation;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.Seeds;

/**
 * Tier 3: the double world agrees with the exact world. For random games (general, identical interest and state
 * potential games, from {@link Gens}, so a failure shrinks to a small rational game) and policies,
 * {@code DoubleEvaluation.of(game.toDouble(), policy.toDouble())} matches {@link Evaluation#of} and {@link NashGap#of}
 * on V, V(ρ), Q̄, Ā, P_π, d, the per-state Nash gaps, the gaps at ρ, the Nash gap and (for games with a declared
 * potential) Φ(ρ), to |x − y| ≤ 1e−9·max(1, |x|) where x is the exact value converted to double at the very end. This
 * is the one place where a double comparison is legitimate: the double world is what is being checked.
 */
class ExactDoubleAgreementTest {
  private static final double RELATIVE = 1e-9;

  /** Exact and double evaluations agree to 1e−9 relative on every reported quantity. */
  @Test
  void doubleEvaluationAgreesWithExact() {
    Seeds.property("exactDoubleAgreement", 4001L, 150)
        .forAll(Gens.withPolicy(Gens.games(3, 3, 3).mix(Gens.potentialGames(3, 2, 3, 3))))
        .checkAssert(gp -> {
          TabularMarkovGame game = gp.game();
          Policy policy = gp.policy();
          int states = game.stateCount();
          int agents = game.agentCount();
          NashGap exactGaps = NashGap.of(game, policy);
          Evaluation exact = exactGaps.evaluation();
          DoubleEvaluation dbl = DoubleEvaluation.of(game.toDouble(), policy.toDouble());
          String where = game.name();
          for (int s = 0; s < states; s++) {
            close(exact.visitation(s), dbl.visitation(s), "d(" + s + ") in " + where);
            for (int t = 0; t < states; t++) {
              close(exact.transition(s, t), dbl.transition(s, t), "P_pi(" + t + "|" + s + ") in " + where);
            }
          }
          for (int i = 0; i < agents; i++) {
            close(exact.valueAtInitial(i), dbl.valueAtInitial(i), "V_" + i + "(rho) in " + where);
            double[] gaps = dbl.gaps(i);
            for (int s = 0; s < states; s++) {
              close(exact.value(i, s), dbl.value(i, s), "V_" + i + "(" + s + ") in " + where);
              close(exactGaps.gap(i, s), gaps[s], "gap_" + i + "(" + s + ") in " + where);
              for (int a = 0; a < game.actionCount(i); a++) {
                close(exact.qBar(i, s, a), dbl.qBar(i, s, a), "Qbar_" + i + "(" + s + "," + a + ") in " + where);
                close(exact.advantage(i, s, a), dbl.advantage(i, s, a),
                    "Abar_" + i + "(" + s + "," + a + ") in " + where);
              }
            }
            close(exactGaps.gapAtInitial(i), dbl.gapAtInitial(i), "gap_" + i + "(rho) in " + where);
          }
          close(exactGaps.nashGap(), dbl.nashGap(), "Nash gap in " + where);
          exact.potentialAtInitial().ifPresent(phi -> close(phi, dbl.potentialAtInitial(), "Phi(rho) in " + where));
        });
  }

  /**
   * Asserts |x − y| ≤ 1e−9·max(1, |x|) with x the exact value converted to double.
   *
   * @param exact x, exact
   * @param approx y, from the double world
   * @param what description for the failure message
   */
  private static void close(BigFraction exact, double approx, String what) {
    double x = exact.doubleValue();
    double tolerance = RELATIVE * Math.max(1, Math.abs(x));
    if (!(Math.abs(x - approx) <= tolerance)) {
      throw new AssertionError(what + ": exact " + exact + " = " + x + ", double " + approx + ", |diff| "
          + Math.abs(x - approx) + " > " + tolerance);
    }
  }
}
