package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;

/** The applicability of the projected Q-ascent Nash-regret bound ({@link QAscentRegretBound#assess}). */
class QAscentRegretBoundTest {
  private static final TabularMarkovGame COORD = HandGames.coordination(BigFraction.ZERO);
  private static final BigFraction[] ONE_STATE = {BigFraction.ONE};

  /** The theorem is refused, with a one-line reason, where it does not apply. */
  @Test
  void notApplicableOutsideVerifiedMpgsOrAboveTheStepLimit() {
    MarkovGame distancing = DistancingGame.of(DistancingGame.published(3));
    assertThat(QAscentRegretBound.assess(distancing, BigFraction.of(1, 200)).notApplicable().orElseThrow())
        .contains("STATE_POTENTIAL_ONLY");
    assertThat(QAscentRegretBound.assess(RandomGames.game(1, 2, 2, 5L), BigFraction.ONE).notApplicable().orElseThrow())
        .contains("declares no stage potential");
    assertThat(QAscentRegretBound.assess(COORD, BigFraction.ONE, ONE_STATE).notApplicable().orElseThrow())
        .isEqualTo("eta = 1 exceeds the sufficient-ascent step eta_0 = (1-gamma)^2 c/(R sum|A_i|) = 1/4");
  }
}
