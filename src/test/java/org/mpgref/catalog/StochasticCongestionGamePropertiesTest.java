package org.mpgref.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.StochasticCongestionGame.Variant;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.testkit.Seeds;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Seeded properties (QuickTheories; every property prints its replay seed) of the stochastic congestion game over
 * random rational deployments π̄ (rows of integer weights 0..6 normalised exactly, so point masses, the −1/2 points
 * and small denominators all occur), random strengths c_r = k/4 (k ∈ 0..8), c_p = k/8 (k ∈ 0..15, so c_p &lt; 2 and
 * y = c_p x crosses −1/2) and both variants.
 */
class StochasticCongestionGamePropertiesTest {
  private static final int JOINT = 16;

  /** A performative game and two deployments of it. */
  record Case(StochasticCongestionGame game, Policy deployed, Policy other) {
    @Override
    public String toString() {
      return game.name() + " deployed=" + deployed + " other=" + other;
    }
  }

  private static int draw(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  private static Policy policy(RandomnessSource in) {
    BigFraction[][][] p = new BigFraction[4][33][];
    for (BigFraction[][] agent : p) {
      for (int s = 0; s < 33; s++) {
        int w0 = draw(in, 0, 6);
        int w1 = draw(in, 0, 6);
        agent[s] = w0 + w1 == 0 ? new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}
            : new BigFraction[] {BigFraction.of(w0, w0 + w1), BigFraction.of(w1, w0 + w1)};
      }
    }
    return Policy.of(p);
  }

  private static Gen<Case> cases(boolean zeroStrength) {
    Gen<Case> g = in -> {
      Variant v = Variant.values()[draw(in, 0, 1)];
      BigFraction cR = zeroStrength ? BigFraction.ZERO : BigFraction.of(draw(in, 0, 8), 4);
      BigFraction cP = zeroStrength ? BigFraction.ZERO : BigFraction.of(draw(in, 0, 15), 8);
      return new Case(StochasticCongestionGame.of(v, cR, cP), policy(in), policy(in));
    };
    return g.describedAs(Case::toString);
  }

  private static int[] joint(int j) {
    return new int[] {j & 1, (j >> 1) & 1, (j >> 2) & 1, (j >> 3) & 1};
  }

  /** With c_r = c_p = 0 the induced game does not depend on π̄: every reward and transition is equal, exactly. */
  @Test
  void zeroStrengthInducesTheSameGameForEveryDeployment() {
    Seeds.property("congestionZeroStrengthStationary", 11_501L, 12).forAll(cases(true)).checkAssert(c -> {
      MarkovGame g = c.game().induce(c.deployed()).game();
      MarkovGame h = c.game().induce(c.other()).game();
      for (int s = 0; s < 33; s++) {
        for (int j = 0; j < JOINT; j++) {
          int[] a = joint(j);
          for (int i = 0; i < 4; i++) {
            assertThat(g.reward(i, s, a)).isEqualTo(h.reward(i, s, a));
          }
          for (int t = 0; t < 33; t++) {
            assertThat(g.transition(s, a, t)).isEqualTo(h.transition(s, a, t));
          }
        }
      }
    });
  }

  /**
   * Every induced row P_π̄(·|s, a) is a distribution (non-negative, summing to exactly 1) that stays in the next layer,
   * and its double twin sums to 1 within 1e−12.
   */
  @Test
  void everyInducedTransitionRowIsADistributionOnTheNextLayer() {
    Seeds.property("congestionRowsAreDistributions", 11_502L, 20).forAll(cases(false)).checkAssert(c -> {
      MarkovGame g = c.game().induce(c.deployed()).game();
      for (int s = 0; s < 33; s++) {
        int lo = s == 0 ? 1 : s <= 16 ? 17 : 0;
        int hi = s == 0 ? 16 : s <= 16 ? 32 : 0;
        for (int j = 0; j < JOINT; j++) {
          int[] a = joint(j);
          BigFraction sum = BigFraction.ZERO;
          for (int t = 0; t < 33; t++) {
            BigFraction p = g.transition(s, a, t);
            assertThat(p.signum()).isNotNegative();
            if (t < lo || t > hi) {
              assertThat(p.signum()).as("P(%d|%d,%d)", t, s, j).isZero();
            }
            sum = sum.add(p);
          }
          assertThat(sum).isEqualTo(BigFraction.ONE);
        }
      }
      DoubleMarkovGame d = c.game().induceDouble(c.deployed().toDouble());
      double[][] rb = new double[4][2];
      double[][][] pb = new double[4][2][33];
      for (int s = 0; s < 33; s++) {
        d.expect(s, c.other().toDouble().atState(s), rb, pb);
        for (int i = 0; i < 4; i++) {
          for (int a = 0; a < 2; a++) {
            double sum = 0;
            for (double x : pb[i][a]) {
              assertThat(x).isGreaterThanOrEqualTo(0);
              sum += x;
            }
            assertThat(Math.abs(sum - 1)).isLessThanOrEqualTo(1e-12);
          }
        }
      }
    });
  }

  /**
   * The double induced game agrees with the exact one: r̄_i(s, a_i), P̄_i(s'|s, a_i) and E φ under a second random
   * policy, to 1e−12·max(1, |x|) with x the exact value converted at the end.
   */
  @Test
  void doubleInducedGameAgreesWithTheExactOne() {
    Seeds.property("congestionExactDoubleAgreement", 11_503L, 20).forAll(cases(false)).checkAssert(c -> {
      MarkovGame g = c.game().induce(c.deployed()).game();
      DoubleMarkovGame d = c.game().induceDouble(c.deployed().toDouble());
      assertThat(d.discount()).isEqualTo(g.discount().doubleValue());
      assertThat(d.initial()[7]).isEqualTo(g.initial(7).doubleValue());
      double[][] rb = new double[4][2];
      double[][][] pb = new double[4][2][33];
      for (int s = 0; s < 33; s++) {
        double[][] pi = c.other().toDouble().atState(s);
        d.expect(s, pi, rb, pb);
        StageExpectation e = g.expect(s, c.other());
        for (int i = 0; i < 4; i++) {
          for (int a = 0; a < 2; a++) {
            close(e.rewardBar(i, a), rb[i][a], "rbar_" + i + "(" + s + "," + a + ")");
            for (int t = 0; t < 33; t++) {
              close(e.transitionBar(i, a, t), pb[i][a][t], "Pbar_" + i + "(" + t + "|" + s + "," + a + ")");
            }
          }
        }
        close(g.potential().orElseThrow().expectedPhi(s, c.other()), d.expectedPhi(s, pi), "E phi(" + s + ")");
      }
    });
  }

  /** The declared φ_π̄ (Rosenthal plus c_r Σ_i x_i) is a potential of every state game of G(π̄), verified exactly. */
  @Test
  void theDeclaredStagePotentialHoldsInEveryInducedGame() {
    Seeds.property("congestionStagePotential", 11_504L, 12).forAll(cases(false)).checkAssert(c ->
        assertThat(c.game().induce(c.deployed()).game().potential().orElseThrow().findViolation()).isEmpty());
  }

  /** As published, G(π̄) reads π̄ only at the policy rows 0..4: rows 5..32 of the deployment change nothing. */
  @Test
  void asPublishedDependsOnlyOnPolicyRowsZeroToFour() {
    Seeds.property("congestionAsPublishedRows", 11_505L, 10).forAll(cases(false)).checkAssert(c -> {
      StochasticCongestionGame pub = StochasticCongestionGame.of(Variant.AS_PUBLISHED, c.game().rewardStrength(),
          c.game().transitionStrength());
      BigFraction[][][] mixed = new BigFraction[4][33][];
      for (int i = 0; i < 4; i++) {
        for (int s = 0; s < 33; s++) {
          mixed[i][s] = (s <= 4 ? c.deployed() : c.other()).row(i, s);
        }
      }
      MarkovGame g = pub.induce(c.deployed()).game();
      MarkovGame h = pub.induce(Policy.of(mixed)).game();
      for (int s = 0; s < 33; s++) {
        for (int j = 0; j < JOINT; j++) {
          int[] a = joint(j);
          for (int i = 0; i < 4; i++) {
            assertThat(h.reward(i, s, a)).isEqualTo(g.reward(i, s, a));
          }
          for (int t = 0; t < 33; t++) {
            assertThat(h.transition(s, a, t)).isEqualTo(g.transition(s, a, t));
          }
        }
      }
    });
  }

  private static void close(BigFraction exact, double approx, String what) {
    double x = exact.doubleValue();
    double tolerance = 1e-12 * Math.max(1, Math.abs(x));
    if (!(Math.abs(x - approx) <= tolerance)) {
      throw new AssertionError(what + ": exact " + exact + " = " + x + ", double " + approx + ", |diff| "
          + Math.abs(x - approx) + " > " + tolerance);
    }
  }
}
