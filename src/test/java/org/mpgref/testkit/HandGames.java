package org.mpgref.testkit;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * Small games whose numbers are derived by hand in proofs-notes (pmd-one-state-example.md).
 */
public final class HandGames {
  private HandGames() {}

  /**
   * The one-state 2×2 identical-interest coordination game of proofs-notes/pmd-one-state-example.md: both agents get
   * r(0,0) = 2, r(1,1) = 1, r(0,1) = r(1,0) = 0; ρ = (1); declared stage potential φ = r (IDENTICAL_INTEREST).
   *
   * @param gamma γ
   * @return the game
   */
  public static TabularMarkovGame coordination(BigFraction gamma) {
    BigFraction z = BigFraction.ZERO;
    BigFraction two = BigFraction.of(2);
    BigFraction one = BigFraction.ONE;
    // joint index, agent 0 fastest: 0 = (0,0), 1 = (1,0), 2 = (0,1), 3 = (1,1)
    BigFraction[][][] r = {{{two, two}, {z, z}, {z, z}, {one, one}}};
    BigFraction[][][] p = {{{one}, {one}, {one}, {one}}};
    BigFraction[][] phi = {{two, z, z, one}};
    return TabularMarkovGame.withPotential("coordination(gamma=" + gamma + ")", new int[] {2, 2}, gamma,
        new BigFraction[] {one}, r, p, phi, StagePotential.Condition.IDENTICAL_INTEREST);
  }
}
