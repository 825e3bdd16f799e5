package org.mpgref.cli;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.MarkovGame;
import org.mpgref.catalog.Catalog;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The game argument every game-reading command shares (a picocli mixin): the positional {@code GAME} (a game file, a
 * {@code .nfg} file, {@code -} for stdin, or a catalog name) and {@code --agents N} for a catalog game.
 */
final class GameArgument {
  @Parameters(index = "0", paramLabel = "GAME", description = "game file (mpgref-game/1 or .nfg), - for stdin, or a"
      + " catalog name: distancing, routing, potential-states-not-mpg, zero-sum-state-mpg")
  String game = "";

  @Option(names = "--agents", paramLabel = "N", converter = Params.Positive.class,
      description = "N >= 1 for a catalog game that takes it (default: the published N, 3 for check-potential;"
          + " refused with a file)")
  @Nullable Integer agents;

  /**
   * Loads the game.
   *
   * @return the game
   */
  MarkovGame load() {
    return Inputs.game(game, agents);
  }

  /**
   * Loads the game, with another default N for a catalog game that takes one.
   *
   * @param catalogAgents N when {@code --agents} is not given and GAME is a catalog game that takes N
   * @return the game
   */
  MarkovGame load(int catalogAgents) {
    @Nullable Integer n = agents;
    if (n == null && Catalog.contains(game) && Catalog.takesAgents(game)) {
      n = catalogAgents;
    }
    return Inputs.game(game, n);
  }
}
