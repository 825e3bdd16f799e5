package org.mpgref.io.nfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.numbers.Rationals;

/**
 * Exports the stage games of a Markov game as normal-form games: the game of state s is the one-shot game with
 * payoffs u_i(a) = r_i(s, a), enumerated joint action by joint action through {@link MarkovGame#reward} (agent i =
 * player i+1 of the file, named {@link MarkovGame#agentLabel}; action k = strategy k+1, labelled
 * {@link MarkovGame#actionLabel}; player 1 varies fastest,
 * as in {@link JointActions}). Transitions, γ and ρ are not part of a normal-form game; the comment of each exported
 * game says so and records γ. The export is exact.
 *
 * <p>Size guard: the joint actions of one state are counted with {@link JointActions#countDense} (one state), and
 * the whole export, |S| × Π|A_i| × N payoffs, must not exceed {@link JointActions#MAX_DENSE_ENTRIES}; structured
 * games too large for that are refused with the sizes.
 */
public final class NfgExport {
  private NfgExport() {}

  /**
   * The stage games of every state, in state order.
   *
   * @param game any Markov game
   * @return one payoff-version game per state, titled {@code "<game name> state <state label>"}
   * @throws InvalidGameException with the sizes if the export would exceed {@link JointActions#MAX_DENSE_ENTRIES}
   *     payoffs
   */
  public static List<NfgGame> stateGames(MarkovGame game) {
    int[] counts = actionCounts(game);
    int joint = JointActions.countDense(counts, 1);
    long total;
    try {
      total = Math.multiplyExact(Math.multiplyExact((long) game.stateCount(), (long) joint), (long) counts.length);
    } catch (ArithmeticException overflow) {
      total = Long.MAX_VALUE;
    }
    if (total > JointActions.MAX_DENSE_ENTRIES) {
      throw new InvalidGameException("exporting " + game.stateCount() + " state games x " + joint + " joint actions x "
          + counts.length + " agents exceeds the limit of " + JointActions.MAX_DENSE_ENTRIES + " payoffs");
    }
    List<NfgGame> out = new ArrayList<>();
    for (int s = 0; s < game.stateCount(); s++) {
      out.add(stateGame(game, s));
    }
    return List.copyOf(out);
  }

  /**
   * The stage game of one state: u_i(a) = r_i(s, a).
   *
   * @param game any Markov game
   * @param state s in 0..|S|−1
   * @return a payoff-version game titled {@code "<game name> state <state label>"}, players named by the game's agent
   *     labels ({@link MarkovGame#agentLabel}), strategies by its action labels
   * @throws InvalidGameException if the state is out of range or the stage game has more than
   *     {@link JointActions#MAX_DENSE_ENTRIES} entries
   */
  public static NfgGame stateGame(MarkovGame game, int state) {
    if (state < 0 || state >= game.stateCount()) {
      throw new InvalidGameException("state " + state + " is out of range; the game has states 0.."
          + (game.stateCount() - 1));
    }
    int[] counts = actionCounts(game);
    int n = counts.length;
    int joint = JointActions.countDense(counts, 1);
    List<String> players = new ArrayList<>();
    List<List<String>> strategies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      players.add(game.agentLabel(i));
      List<String> labels = new ArrayList<>();
      for (int k = 0; k < counts[i]; k++) {
        labels.add(game.actionLabel(i, k));
      }
      strategies.add(labels);
    }
    BigFraction[][] payoffs = new BigFraction[joint][n];
    int[] a = new int[n];
    for (int j = 0; j < joint; j++) {
      JointActions.decode(counts, j, a);
      for (int i = 0; i < n; i++) {
        payoffs[j][i] = game.reward(i, state, a);
      }
    }
    String label = game.stateLabel(state);
    String comment = "Stage game r_i(s, a) of state " + label + " (index " + state + ") of the Markov game "
        + game.name() + ", exported exactly by mpgref; player i+1 is agent i. Transitions, rho and gamma = "
        + Rationals.format(game.discount()) + " are not part of a normal-form game.";
    return NfgGame.ofPayoffs(game.name() + " state " + label, Optional.of(comment), players, strategies, payoffs);
  }

  /**
   * The {@code .nfg} text (payoff version) of a one-state game's stage game, e.g. for {@code convert --to nfg}.
   *
   * @param game a Markov game with exactly one state
   * @return the file's text, as {@link NfgWriter#payoffText} of {@link #stateGame}(game, 0)
   * @throws InvalidGameException if the game has more than one state (an {@code .nfg} file holds one normal-form
   *     game: use {@link #payoffText(MarkovGame, int)} or {@link #stateGames}) or is too large
   */
  public static String payoffText(MarkovGame game) {
    if (game.stateCount() != 1) {
      throw new InvalidGameException("game " + NfgReader.show(game.name()) + " has " + game.stateCount() + " states; an"
          + " .nfg file holds one normal-form game, so export one state game at a time");
    }
    return NfgWriter.payoffText(stateGame(game, 0));
  }

  /**
   * The {@code .nfg} text (payoff version) of the stage game of one state.
   *
   * @param game any Markov game
   * @param state s
   * @return the file's text, as {@link NfgWriter#payoffText} of {@link #stateGame}(game, s)
   * @throws InvalidGameException if the state is out of range or the stage game is too large
   */
  public static String payoffText(MarkovGame game, int state) {
    return NfgWriter.payoffText(stateGame(game, state));
  }

  private static int[] actionCounts(MarkovGame game) {
    int[] counts = new int[game.agentCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = game.actionCount(i);
    }
    return counts;
  }
}
