package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;
import org.mpgref.numbers.Rationals;

/** {@link StageRange}: hand values, an independent implementation (anonymous games), brute force on random games. */
class StageRangeTest {
  /** Coordination game (HandGames): r_i = φ ∈ {2, 0, 0, 1}, so [0, 2], half-span 1, max|·| 2. */
  @Test
  void coordinationGame() {
    TabularMarkovGame g = HandGames.coordination(BigFraction.ZERO);
    StageRange r = StageRange.ofReward(g, 1);
    assertThat(r).isEqualTo(new StageRange(BigFraction.ZERO, BigFraction.of(2)));
    assertThat(r.halfSpan()).isEqualTo(BigFraction.ONE);
    assertThat(r.maxAbs()).isEqualTo(BigFraction.of(2));
    assertThat(StageRange.ofPotential(g, g.potential().orElseThrow())).isEqualTo(r);
    assertThat(r.within(BigFraction.ZERO, BigFraction.of(2))).isTrue();
    assertThat(r.within(BigFraction.ZERO, BigFraction.ONE)).isFalse();
    assertThat(r.within(BigFraction.of(1, 2), BigFraction.of(3))).isFalse();
  }

  /** max|·| takes the side of larger absolute value, also when both ends are negative. */
  @Test
  void maxAbsAndRefusals() {
    assertThat(new StageRange(BigFraction.of(-7, 2), BigFraction.of(3)).maxAbs()).isEqualTo(BigFraction.of(7, 2));
    assertThat(new StageRange(BigFraction.of(-5), BigFraction.of(-2)).maxAbs()).isEqualTo(BigFraction.of(5));
    assertThat(new StageRange(BigFraction.of(-5), BigFraction.of(-2)).halfSpan()).isEqualTo(BigFraction.of(3, 2));
    assertThatThrownBy(() -> new StageRange(BigFraction.of(-2), BigFraction.of(-5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("range minimum -2 exceeds maximum -5");
    assertThatThrownBy(() -> StageRange.ofReward(HandGames.coordination(BigFraction.ZERO), 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** The enumeration agrees with the anonymous game's own count-vector range on the distancing game. */
  @Test
  void distancingAgreesWithTheCountVectorRange() {
    for (int n : new int[] {2, 3, 5}) {
      AnonymousMarkovGame g = DistancingGame.of(DistancingGame.published(n));
      BigFraction[] expected = g.rewardRange();
      assertThat(StageRange.ofAllRewards(g)).isEqualTo(new StageRange(expected[0], expected[1]));
    }
  }

  /** Brute force: every r_i(s, a) listed, sorted exactly; the range is its first and last element. */
  @Test
  void agreesWithSortingAllValues() {
    Seeds.property("stageRangeBruteForce", 5111L, 60)
        .forAll(Gens.games(3, 3, 3))
        .checkAssert(g -> {
          int states = g.stateCount();
          int agents = g.agentCount();
          int[] counts = new int[agents];
          for (int i = 0; i < agents; i++) {
            counts[i] = g.actionCount(i);
          }
          List<BigFraction> all = new ArrayList<>();
          for (int i = 0; i < agents; i++) {
            List<BigFraction> mine = new ArrayList<>();
            for (int s = 0; s < states; s++) {
              for (int j = 0; j < RandomGames.jointCount(counts); j++) {
                mine.add(g.reward(i, s, RandomGames.decode(counts, j)));
              }
            }
            mine.sort(Rationals::compare);
            assertThat(StageRange.ofReward(g, i))
                .isEqualTo(new StageRange(mine.get(0), mine.get(mine.size() - 1)));
            all.addAll(mine);
          }
          all.sort(Rationals::compare);
          assertThat(StageRange.ofAllRewards(g)).isEqualTo(new StageRange(all.get(0), all.get(all.size() - 1)));
        });
  }
}
