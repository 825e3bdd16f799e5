package org.mpgref.potential;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.catalog.RoutingGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * check-potential: certifies what it can verify, finds exact counterexamples, and never claims more than it showed.
 * The derivation of the 4-cycle test is in proofs-notes/mpg-four-cycle.md.
 */
class PotentialCheckTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /** 2 agents x 2 actions, 2 states, identical interest r_i = phi; transitions depend on the joint action. */
  private static TabularMarkovGame identicalInterest(StagePotential.Condition claimed, boolean breakIt) {
    BigFraction[][] phi = {{f(1, 1), f(0, 1), f(0, 1), f(2, 1)}, {f(3, 1), f(1, 2), f(-1, 1), f(0, 1)}};
    BigFraction[][][] r = new BigFraction[2][4][2];
    BigFraction[][][] p = new BigFraction[2][4][];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < 4; j++) {
        r[s][j][0] = phi[s][j];
        r[s][j][1] = breakIt && s == 1 && j == 2 ? phi[s][j].add(BigFraction.ONE) : phi[s][j];
        p[s][j] = j == 3 ? new BigFraction[] {f(1, 3), f(2, 3)} : new BigFraction[] {f(1, 1), f(0, 1)};
      }
    }
    return TabularMarkovGame.withPotential("team", new int[] {2, 2}, f(9, 10), new BigFraction[] {f(1, 2), f(1, 2)},
        r, p, phi, claimed);
  }

  @Test
  void certifiesAVerifiedIdenticalInterestGame() {
    PotentialCheck.Result r = PotentialCheck.check(identicalInterest(StagePotential.Condition.IDENTICAL_INTEREST, false), 5, 1);
    assertThat(r).isInstanceOf(PotentialCheck.Certified.class);
    assertThat(r.describe()).contains("identical interest");
  }

  @Test
  void aFalseClaimIsNotTrustedAndACounterexampleIsFound() {
    TabularMarkovGame g = identicalInterest(StagePotential.Condition.IDENTICAL_INTEREST, true);
    PotentialCheck.Result r = PotentialCheck.check(g, 40, 3);
    assertThat(r).isNotInstanceOf(PotentialCheck.Certified.class);
    assertThat(r.describe()).contains("declared condition fails");
  }

  @Test
  void distancingAndRoutingAreNotMpgsWithReCheckableCounterexamples() {
    for (var game : new org.mpgref.game.MarkovGame[] {DistancingGame.of(DistancingGame.published(3)),
        RoutingGame.published(3)}) {
      PotentialCheck.Result r = PotentialCheck.check(game, 10, 1);
      assertThat(r).as(game.name()).isInstanceOf(PotentialCheck.NotAnMpg.class);
      PotentialCheck.Counterexample cx = ((PotentialCheck.NotAnMpg) r).counterexample();
      assertThat(cx.cycleSum().signum()).isNotZero();
      assertThat(cx.verify()).isTrue();
    }
  }

  @Test
  void cycleSumsVanishOnAVerifiedPotentialGame() {
    TabularMarkovGame g = identicalInterest(StagePotential.Condition.IDENTICAL_INTEREST, false);
    Policy base = Policy.of(new BigFraction[][][] {
        {{f(1, 3), f(2, 3)}, {f(1, 1), f(0, 1)}}, {{f(1, 2), f(1, 2)}, {f(1, 4), f(3, 4)}}});
    Policy dev = Policy.of(new BigFraction[][][] {
        {{f(0, 1), f(1, 1)}, {f(2, 5), f(3, 5)}}, {{f(1, 1), f(0, 1)}, {f(1, 1), f(0, 1)}}});
    for (BigFraction x : PotentialCheck.cycleSums(g, base, 0, dev, 1, dev)) {
      assertThat(x).isEqualTo(BigFraction.ZERO);
    }
  }

  @Test
  void zeroTrialsReportsNoCounterexampleAndSaysItIsNoProof() {
    PotentialCheck.Result r = PotentialCheck.check(DistancingGame.of(DistancingGame.published(3)), 0, 1);
    assertThat(r).isInstanceOf(PotentialCheck.NoCounterexample.class);
    assertThat(r.describe()).contains("does not prove");
  }
}
