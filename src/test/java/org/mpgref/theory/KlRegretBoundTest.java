package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;

/** The applicability of the KL Nash-regret bound ({@link KlRegretBound#assess}) and its step limit η₁. */
class KlRegretBoundTest {
  private static final TabularMarkovGame COORD = HandGames.coordination(BigFraction.ZERO);
  private static final BigFraction[] ONE_STATE = {BigFraction.ONE};

  /** The bound is refused, with a one-line reason, where it does not apply. */
  @Test
  void refusedOutsideVerifiedMpgsOrAboveTheStepLimit() {
    MarkovGame distancing = DistancingGame.of(DistancingGame.published(3));
    assertThat(KlRegretBound.assess(distancing, BigFraction.of(1, 200)).notApplicable().orElseThrow())
        .contains("STATE_POTENTIAL_ONLY");
    assertThat(KlRegretBound.assess(RandomGames.game(1, 2, 2, 5L), BigFraction.ONE).notApplicable().orElseThrow())
        .contains("declares no stage potential");
    assertThat(KlRegretBound.assess(COORD, BigFraction.of(2), ONE_STATE).notApplicable().orElseThrow())
        .isEqualTo("eta = 2 exceeds the KL step limit eta_1 = (1-gamma)^2 c_nu/((N-1) R) = 1");
    assertThatThrownBy(() -> KlRegretBound.assess(COORD, BigFraction.of(2), ONE_STATE).linearTerm(1, BigFraction.ONE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> KlRegretBound.assess(COORD, BigFraction.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eta = 0 must be > 0");
    assertThat(KlRegretBound.stepLimit(COORD, BigFraction.ONE, BigFraction.ZERO)).isEqualTo(Optional.empty());
  }
}
