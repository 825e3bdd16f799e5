package org.mpgref.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.numbers.Rationals;
import org.mpgref.performative.AffinePerformativeGame;
import org.mpgref.performative.InducedGame;
import org.mpgref.performative.PerformativeGame;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Seeded properties of {@link PseGap} and {@link DoublePseGap} over random small affine performative games
 * ({@link Gens#smallAffinePerformativeWithPolicy}) and random stationary games ({@link Gens#smallGamesWithPolicy}).
 */
class PseGapPropertiesTest {
  /** Every exact gap is ≥ 0, the PSE gap is the largest gap at ρ, and the certificate re-derives it. */
  @Test
  void gapsAreNonNegativeAndReCertify() {
    Seeds.property("pseGapCertified", 11_101L, 80)
        .forAll(Gens.smallAffinePerformativeWithPolicy())
        .checkAssert(gp -> {
          PseGap g = PseGap.of(gp.game(), gp.policy());
          assertThat(g.isExact()).isTrue();
          BigFraction max = BigFraction.ZERO;
          for (int i = 0; i < gp.game().agentCount(); i++) {
            for (int s = 0; s < gp.game().stateCount(); s++) {
              assertThatExact(g.gap(i, s).value()).as("gap_%d(%d) in %s", i, s, gp).isGreaterThanOrEqualTo(BigFraction.ZERO);
            }
            BigFraction atRho = g.gapAtInitial(i).value();
            max = Rationals.compare(max, atRho) >= 0 ? max : atRho;
          }
          assertThatExact(g.pseGap().value()).isEqualByComparingTo(max);
          assertThat(g.verify()).as("certificate of %s", gp).isTrue();
        });
  }

  /** For the constant map of a game, every PSE gap is the Nash gap of NashGap, exactly. */
  @Test
  void theStationaryMapGivesTheNashGap() {
    Seeds.property("pseGapOfStationaryIsNashGap", 11_102L, 80)
        .forAll(Gens.smallGamesWithPolicy())
        .checkAssert(gp -> assertSameGaps(PseGap.of(PerformativeGame.stationary(gp.game()), gp.policy()),
            NashGap.of(gp.game(), gp.policy()), gp.game().name()));
  }

  /** ω = 0 gives exactly the stationary game's Nash gaps; ω = 1 gives exactly the unscaled game's PSE gaps. */
  @Test
  void scalingByZeroGivesTheStationaryGap() {
    Seeds.property("pseGapOmegaZero", 11_103L, 80)
        .forAll(Gens.smallAffinePerformativeWithPolicy())
        .checkAssert(gp -> {
          AffinePerformativeGame game = gp.game();
          assertSameGaps(PseGap.of(game.scaled(BigFraction.ZERO), gp.policy()),
              NashGap.of(game.stationaryGame(), gp.policy()), game.toString());
          assertSameGaps(PseGap.of(game.scaled(BigFraction.ONE), gp.policy()),
              PseGap.of(game, gp.policy()).inducedNashGap(), game.toString());
        });
  }

  private static void assertSameGaps(PseGap pse, NashGap nash, String what) {
    for (int i = 0; i < nash.evaluation().game().agentCount(); i++) {
      for (int s = 0; s < nash.evaluation().game().stateCount(); s++) {
        assertThatExact(pse.gap(i, s).value()).as("gap_%d(%d) in %s", i, s, what).isEqualByComparingTo(nash.gap(i, s));
      }
    }
    assertThatExact(pse.pseGap().value()).as("PSE gap in %s", what).isEqualByComparingTo(nash.nashGap());
  }

  /** The double PSE gap agrees with the exact one to 1e−9 relative (to max(1, |exact|)), agent by agent and state by state. */
  @Test
  void doubleAndExactPseGapsAgree() {
    Seeds.property("pseGapExactDoubleAgree", 11_104L, 80)
        .forAll(Gens.smallAffinePerformativeWithPolicy())
        .checkAssert(gp -> {
          PseGap exact = PseGap.of(gp.game(), gp.policy());
          DoublePseGap twin = DoublePseGap.of(gp.game(), gp.policy().toDouble());
          for (int i = 0; i < gp.game().agentCount(); i++) {
            double[] gaps = twin.gaps(i);
            for (int s = 0; s < gp.game().stateCount(); s++) {
              double e = exact.gap(i, s).value().doubleValue();
              assertThat(Math.abs(gaps[s] - e)).as("gap_%d(%d): %s vs %s in %s", i, s, gaps[s], e, gp)
                  .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(e)));
            }
          }
          double e = exact.pseGap().value().doubleValue();
          assertThat(Math.abs(twin.pseGap() - e)).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(e)));
        });
  }

  private static BigFraction roundDown(BigFraction x, int grid) {
    return BigFraction.of(x.multiply(grid).bigDecimalValue(0, java.math.RoundingMode.FLOOR).toBigInteger(),
        java.math.BigInteger.valueOf(grid));
  }

  /**
   * A deliberately rounded Ĝ of the exact G(π): rewards and transition entries rounded down to multiples of 1/8, each
   * row's deficit put on state 0, with the honest bounds δ_r = max |r − r̂| and δ_P = max ‖P − P̂‖₁ computed exactly.
   * Fed through a performative game that answers π with Ĝ, every enclosure (per agent and state, at ρ, the PSE gap)
   * contains the exact gap of G(π), and its width is at most 4ε_i.
   */
  @Test
  void theEnclosureOfARoundedGameContainsTheExactGap() {
    Seeds.property("pseGapEnclosureContainsExact", 11_105L, 80)
        .forAll(Gens.smallAffinePerformativeWithPolicy())
        .checkAssert(gp -> {
          Policy pi = gp.policy();
          TabularMarkovGame g = (TabularMarkovGame) gp.game().induce(pi).game();
          int n = g.agentCount();
          int states = g.stateCount();
          int[] counts = new int[n];
          for (int i = 0; i < n; i++) {
            counts[i] = g.actionCount(i);
          }
          int joint = g.jointActionCount();
          BigFraction[][][] r = new BigFraction[states][joint][n];
          BigFraction[][][] p = new BigFraction[states][joint][states];
          BigFraction dr = BigFraction.ZERO;
          BigFraction dp = BigFraction.ZERO;
          for (int s = 0; s < states; s++) {
            for (int j = 0; j < joint; j++) {
              int[] a = RandomGames.decode(counts, j);
              for (int i = 0; i < n; i++) {
                r[s][j][i] = roundDown(g.reward(i, s, a), 8);
                BigFraction d = g.reward(i, s, a).subtract(r[s][j][i]).abs();
                dr = Rationals.compare(d, dr) > 0 ? d : dr;
              }
              BigFraction deficit = BigFraction.ONE;
              for (int t = 0; t < states; t++) {
                p[s][j][t] = roundDown(g.transition(s, a, t), 8);
                deficit = deficit.subtract(p[s][j][t]);
              }
              p[s][j][0] = p[s][j][0].add(deficit);
              BigFraction l1 = BigFraction.ZERO;
              for (int t = 0; t < states; t++) {
                l1 = l1.add(g.transition(s, a, t).subtract(p[s][j][t]).abs());
              }
              dp = Rationals.compare(l1, dp) > 0 ? l1 : dp;
            }
          }
          BigFraction[] rho = new BigFraction[states];
          for (int s = 0; s < states; s++) {
            rho[s] = g.initial(s);
          }
          MarkovGame rounded = TabularMarkovGame.of("rounded", counts, g.discount(), rho, r, p);
          PerformativeGame wrapper = PseGapOneStateExampleTest.fixed(gp.game(), new InducedGame(rounded, dr, dp));
          PseGap enclosed = PseGap.of(wrapper, pi);
          PseGap exact = PseGap.of(gp.game(), pi);
          assertThat(enclosed.isExact()).isEqualTo(dr.signum() == 0 && dp.signum() == 0);
          for (int i = 0; i < n; i++) {
            BigFraction width = enclosed.valueError(i).multiply(4);
            for (int s = 0; s < states; s++) {
              GapEnclosure e = enclosed.gap(i, s);
              assertThat(e.contains(exact.gap(i, s).value())).as("gap_%d(%d) = %s in %s? (%s)", i, s,
                  Rationals.format(exact.gap(i, s).value()), e.format(), gp).isTrue();
              assertThatExact(e.hi().subtract(e.lo())).isLessThanOrEqualTo(width);
            }
            assertThat(enclosed.gapAtInitial(i).contains(exact.gapAtInitial(i).value())).isTrue();
          }
          assertThat(enclosed.pseGap().contains(exact.pseGap().value())).as("PSE gap in %s", gp).isTrue();
          assertThat(enclosed.verify()).isTrue();
        });
  }
}
