package org.mpgref.testkit;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/** Builds the dense table of any small game by asking it for every joint action: the reference a structured game is checked against. */
public final class Tabulate {
  private Tabulate() {}

  /**
   * @param game a game small enough to enumerate
   * @return the same game as a dense table (with its declared potential, if any)
   */
  public static TabularMarkovGame of(MarkovGame game) {
    int n = game.agentCount();
    int states = game.stateCount();
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = game.actionCount(i);
    }
    int joint = JointActions.countDense(counts, states);
    BigFraction[][][] r = new BigFraction[states][joint][n];
    BigFraction[][][] p = new BigFraction[states][joint][states];
    BigFraction[][] phi = new BigFraction[states][joint];
    Optional<StagePotential> sp = game.potential();
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < n; i++) {
          r[s][j][i] = game.reward(i, s, a);
        }
        for (int t = 0; t < states; t++) {
          p[s][j][t] = game.transition(s, a, t);
        }
        phi[s][j] = sp.isPresent() ? sp.get().phi(s, a) : BigFraction.ZERO;
      }
    }
    BigFraction[] rho = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      rho[s] = game.initial(s);
    }
    return sp.isPresent()
        ? TabularMarkovGame.withPotential(game.name() + " (tabulated)", counts, game.discount(), rho, r, p, phi,
            sp.get().condition())
        : TabularMarkovGame.of(game.name() + " (tabulated)", counts, game.discount(), rho, r, p);
  }
}
