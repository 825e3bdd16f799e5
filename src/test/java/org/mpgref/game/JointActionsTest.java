package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;

/** Joint-action indexing (agent 0 fastest) and the size guard, including the overflow case found in review. */
class JointActionsTest {
  @Test
  void indexAndDecodeAreInverseWithAgentZeroFastest() {
    int[] counts = {2, 3, 4};
    assertThat(JointActions.index(counts, new int[] {1, 0, 0})).isEqualTo(1);
    assertThat(JointActions.index(counts, new int[] {0, 1, 0})).isEqualTo(2);
    assertThat(JointActions.index(counts, new int[] {0, 0, 1})).isEqualTo(6);
    int[] a = new int[3];
    for (int j = 0; j < 24; j++) {
      JointActions.decode(counts, j, a);
      assertThat(JointActions.index(counts, a)).isEqualTo(j);
    }
  }

  @Test
  void sizeGuardRefusesTablesWhoseEntryCountOverflowsALong() {
    assertThatThrownBy(() -> JointActions.countDense(new int[] {50_000_000}, 500_000))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("exceeds the limit");
    assertThatThrownBy(() -> JointActions.countDense(new int[] {2, 0}, 1))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("agent 1 has 0 actions");
  }

  @Test
  void anonymousGameRejectsAnOutOfRangeActionWithTheEntryNamed() {
    AnonymousMarkovGame g = DistancingGame.of(DistancingGame.published(2));
    assertThatThrownBy(() -> g.reward(1, 0, new int[] {0, 5}))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("agent 1");
  }
}
