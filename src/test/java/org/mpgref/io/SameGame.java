package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;

/** Exact, entry-by-entry comparison of two games (and policies) through the public MarkovGame queries. */
final class SameGame {
  private SameGame() {}

  static void assertSameGame(MarkovGame actual, MarkovGame expected) {
    int n = expected.agentCount();
    assertThat(actual.agentCount()).as("N").isEqualTo(n);
    assertThat(actual.stateCount()).as("|S|").isEqualTo(expected.stateCount());
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = expected.actionCount(i);
      assertThat(actual.actionCount(i)).as("|A_%d|", i).isEqualTo(counts[i]);
      assertThat(actual.agentLabel(i)).as("agent label %d", i).isEqualTo(expected.agentLabel(i));
      for (int a = 0; a < counts[i]; a++) {
        assertThat(actual.actionLabel(i, a)).as("action label %d/%d", i, a).isEqualTo(expected.actionLabel(i, a));
      }
    }
    int states = expected.stateCount();
    assertThat(actual.discount()).as("gamma").isEqualTo(expected.discount());
    for (int s = 0; s < states; s++) {
      assertThat(actual.stateLabel(s)).as("state label %d", s).isEqualTo(expected.stateLabel(s));
      assertThat(actual.initial(s)).as("rho(%d)", s).isEqualTo(expected.initial(s));
    }
    int joint = JointActions.countDense(counts, states);
    int[] a = new int[n];
    Optional<StagePotential> pa = actual.potential();
    Optional<StagePotential> pe = expected.potential();
    assertThat(pa.isPresent()).as("declares a potential").isEqualTo(pe.isPresent());
    if (pe.isPresent()) {
      assertThat(pa.get().condition()).isEqualTo(pe.get().condition());
    }
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < n; i++) {
          assertThat(actual.reward(i, s, a)).as("r_%d(s=%d,a=%s)", i, s, JointActions.format(a))
              .isEqualTo(expected.reward(i, s, a));
        }
        for (int t = 0; t < states; t++) {
          assertThat(actual.transition(s, a, t)).as("P(%d|s=%d,a=%s)", t, s, JointActions.format(a))
              .isEqualTo(expected.transition(s, a, t));
        }
        if (pe.isPresent()) {
          assertThat(pa.get().phi(s, a)).as("phi(s=%d,a=%s)", s, JointActions.format(a)).isEqualTo(pe.get().phi(s, a));
        }
      }
    }
  }

  static void assertSamePolicy(Policy actual, Policy expected) {
    assertThat(actual.agentCount()).isEqualTo(expected.agentCount());
    assertThat(actual.stateCount()).isEqualTo(expected.stateCount());
    for (int i = 0; i < expected.agentCount(); i++) {
      for (int s = 0; s < expected.stateCount(); s++) {
        BigFraction[] e = expected.row(i, s);
        assertThat(actual.row(i, s)).as("pi_%d(.|%d)", i, s).containsExactly(e);
      }
    }
  }
}
