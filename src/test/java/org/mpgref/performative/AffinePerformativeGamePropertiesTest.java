package org.mpgref.performative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.numbers.Rationals;
import org.mpgref.performative.AffinePerformativeGame.TransitionTerm;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;
import org.quicktheories.core.Gen;

/**
 * Seeded properties of {@link AffinePerformativeGame} over {@link Gens#affinePerformativeGames}: the induced transition
 * rows are distributions at every deployed policy (drawn ones and every pure one, the vertices where affine rows are
 * extreme); the construction's separable minimum agrees with a brute-force minimum over all pure deployed policies
 * (a game is refused exactly when some vertex gives a negative entry); and the exact and double induced games agree.
 */
class AffinePerformativeGamePropertiesTest {
  /** Every pure product policy of a game with at most 2 states, 2 agents and 2 actions (at most 16). */
  private static List<Policy> purePolicies(MarkovGame g) {
    int n = g.agentCount();
    int states = g.stateCount();
    int[] radix = new int[n * states];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < states; s++) {
        radix[i * states + s] = g.actionCount(i);
      }
    }
    List<Policy> out = new ArrayList<>();
    for (int k = 0; k < RandomGames.jointCount(radix); k++) {
      int[] x = RandomGames.decode(radix, k);
      int[][] actions = new int[n][states];
      for (int i = 0; i < n; i++) {
        for (int s = 0; s < states; s++) {
          actions[i][s] = x[i * states + s];
        }
      }
      out.add(Policy.pure(g, actions));
    }
    return out;
  }

  private static void assertRowsAreDistributions(MarkovGame g, String what) {
    int[] counts = new int[g.agentCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = g.actionCount(i);
    }
    for (int s = 0; s < g.stateCount(); s++) {
      for (int j = 0; j < RandomGames.jointCount(counts); j++) {
        int[] a = RandomGames.decode(counts, j);
        BigFraction sum = BigFraction.ZERO;
        for (int t = 0; t < g.stateCount(); t++) {
          BigFraction p = g.transition(s, a, t);
          assertThatExact(p).as("P(%d|%d,%d) in %s", t, s, j, what).isGreaterThanOrEqualTo(BigFraction.ZERO);
          sum = sum.add(p);
        }
        assertThatExact(sum).as("row (%d,%d) in %s", s, j, what).isEqualByComparingTo(BigFraction.ONE);
      }
    }
  }

  @Test
  void inducedRowsAreDistributionsAtDrawnAndPurePolicies() {
    Seeds.property("affineRowsAreDistributions", 11_001L, 80)
        .forAll(Gens.smallAffinePerformativeWithPolicy())
        .checkAssert(gp -> assertRowsAreDistributions(gp.game().induce(gp.policy()).game(), gp.game().toString()));
    Seeds.property("affineRowsAtVertices", 11_002L, 60)
        .forAll(Gens.affinePerformativeGames(2, 2, 2))
        .checkAssert(game -> {
          for (Policy v : purePolicies(game.stationaryGame())) {
            assertRowsAreDistributions(game.induce(v).game(), game + " at " + v);
          }
        });
  }

  /**
   * Adding one move of k/4 (k ∈ 1..8) of probability from `from` to `to` on a drawn policy entry: the game is refused
   * (with the non-negativity message) iff some pure deployed policy gives a negative entry, computed by brute force
   * from the terms.
   */
  @Test
  void refusedExactlyWhenSomeVertexLeavesTheSimplex() {
    Gen<int[]> move = integers().between(0, 1).zip(integers().between(0, 3), integers().between(0, 1),
        (s, a, from) -> new int[] {s, a, from}).zip(integers().between(0, 1), integers().between(0, 1),
        integers().between(1, 8), (x, j, b, k) -> new int[] {x[0], x[1], x[2], j, b, k});
    Seeds.property("affineRefusalMatchesVertices", 11_003L, 150)
        .forAll(Gens.affinePerformativeGames(2, 2, 2), move)
        .checkAssert((game, m) -> {
          TabularMarkovGame base = game.stationaryGame();
          int states = base.stateCount();
          int s = m[0] % states;
          int a = m[1] % base.jointActionCount();
          int from = m[2] % states;
          int to = (from + 1) % states;
          int j = m[3] % base.agentCount();
          int b = m[4] % base.actionCount(j);
          BigFraction c = BigFraction.of(m[5], 4);
          List<TransitionTerm> ts = new ArrayList<>(game.transitionTerms());
          if (to != from) {
            ts.add(new TransitionTerm(s, a, from, j, 0, b, c.negate()));
            ts.add(new TransitionTerm(s, a, to, j, 0, b, c));
          }
          boolean negative = false;
          int[] counts = new int[base.agentCount()];
          for (int i = 0; i < counts.length; i++) {
            counts[i] = base.actionCount(i);
          }
          for (Policy v : purePolicies(base)) {
            for (int q = 0; q < states; q++) {
              for (int x = 0; x < base.jointActionCount(); x++) {
                for (int t = 0; t < states; t++) {
                  BigFraction e = base.transition(q, RandomGames.decode(counts, x), t);
                  for (TransitionTerm term : ts) {
                    if (term.state() == q && term.jointAction() == x && term.next() == t) {
                      e = e.add(term.coefficient().multiply(v.prob(term.policyAgent(), term.policyState(),
                          term.policyAction())));
                    }
                  }
                  negative |= e.signum() < 0;
                }
              }
            }
          }
          if (negative) {
            assertThatThrownBy(() -> AffinePerformativeGame.of("moved", base, game.rewardTerms(), ts))
                .as("%s plus %s", game, List.of(s, a, from, to, j, b, c))
                .isInstanceOf(InvalidGameException.class).hasMessageStartingWith("P(s'=")
                .hasMessageContaining("it must be >= 0 for every policy");
          } else {
            assertThat(AffinePerformativeGame.of("moved", base, game.rewardTerms(), ts)).isNotNull();
          }
        });
  }

  private static boolean close(double x, BigFraction exact) {
    double e = exact.doubleValue();
    return Math.abs(x - e) <= 1e-9 * Math.max(1, Math.abs(e));
  }

  /**
   * The exact G(π) and the double induceDouble(π) give the same stage expectations r̄_i(s,a_i), P̄_i(s'|s,a_i) under π
   * at every state, to 1e−9 relative (to max(1, |exact|)).
   */
  @Test
  void exactAndDoubleInducedGamesAgree() {
    Seeds.property("affineExactDoubleAgree", 11_004L, 80)
        .forAll(Gens.smallAffinePerformativeWithPolicy())
        .checkAssert(gp -> {
          MarkovGame exact = gp.game().induce(gp.policy()).game();
          DoubleMarkovGame twin = gp.game().induceDouble(gp.policy().toDouble());
          int n = exact.agentCount();
          int states = exact.stateCount();
          assertThat(twin.discount()).isEqualTo(exact.discount().doubleValue());
          for (int s = 0; s < states; s++) {
            StageExpectation e = exact.expect(s, gp.policy());
            double[][] pi = gp.policy().toDouble().atState(s);
            double[][] rb = new double[n][];
            double[][][] pb = new double[n][][];
            for (int i = 0; i < n; i++) {
              rb[i] = new double[exact.actionCount(i)];
              pb[i] = new double[exact.actionCount(i)][states];
            }
            twin.expect(s, pi, rb, pb);
            for (int i = 0; i < n; i++) {
              for (int a = 0; a < exact.actionCount(i); a++) {
                assertThat(close(rb[i][a], e.rewardBar(i, a))).as("rbar_%d(%d,%d): %s vs %s in %s", i, s, a, rb[i][a],
                    Rationals.format(e.rewardBar(i, a)), gp).isTrue();
                for (int t = 0; t < states; t++) {
                  assertThat(close(pb[i][a][t], e.transitionBar(i, a, t))).as("Pbar_%d(%d|%d,%d) in %s", i, t, s, a, gp)
                      .isTrue();
                }
              }
            }
          }
        });
  }

  /**
   * The generator is not vacuous: over 200 examples it produces reward terms, transition terms, and a transition
   * entry that is positive in the stationary game and exactly 0 at some pure deployed policy (a move that spends the
   * whole budget: the boundary of the non-negativity rule).
   */
  @Test
  void theGeneratorCoversTermsAndTheBoundary() {
    int[] seen = new int[3]; // games with reward terms, with transition terms, reaching the boundary
    Seeds.property("affineGeneratorCoverage", 11_005L, 200)
        .forAll(Gens.affinePerformativeGames(2, 2, 2))
        .checkAssert(g -> {
          seen[0] += g.rewardTerms().isEmpty() ? 0 : 1;
          seen[1] += g.transitionTerms().isEmpty() ? 0 : 1;
          TabularMarkovGame base = g.stationaryGame();
          int[] counts = new int[base.agentCount()];
          for (int i = 0; i < counts.length; i++) {
            counts[i] = base.actionCount(i);
          }
          boolean hit = false;
          for (Policy v : purePolicies(base)) {
            MarkovGame m = g.induce(v).game();
            for (TransitionTerm t : g.transitionTerms()) {
              int[] a = RandomGames.decode(counts, t.jointAction());
              hit |= m.transition(t.state(), a, t.next()).signum() == 0
                  && base.transition(t.state(), a, t.next()).signum() > 0;
            }
          }
          seen[2] += hit ? 1 : 0;
        });
    assertThat(seen[0]).isGreaterThan(20);
    assertThat(seen[1]).isGreaterThan(20);
    assertThat(seen[2]).isGreaterThan(5);
  }
}
