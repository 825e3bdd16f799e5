package org.mpgref.cli;

import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The {@code GAME POLICY} arguments of the commands that take a product policy (a picocli mixin): the
 * {@link GameArgument} and the positional {@code POLICY} (a policy file, {@code -} for stdin, or {@code uniform}).
 */
final class GameAndPolicy {
  @Mixin
  GameArgument game = new GameArgument();

  @Parameters(index = "1", paramLabel = "POLICY", description = "policy file (mpgref-policy/1), - for stdin, or"
      + " uniform")
  String policy = "";

  /**
   * Reads the policy for a game.
   *
   * @param g the game (from {@link #game})
   * @return the exact policy
   */
  Policy policy(MarkovGame g) {
    return Inputs.policy(policy, g);
  }
}
