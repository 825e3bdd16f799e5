package org.mpgref.io.nfg;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.TabularMarkovGame;

/**
 * An exact normal-form (strategic-form) game as stored in a Gambit {@code .nfg} file (specs/nfg.md): a title, an
 * optional comment, the players' names, each player's strategy labels, and every player's payoff at every pure
 * strategy profile (a <em>contingency</em>) as an exact rational. Immutable; validated at construction.
 *
 * <p><b>Indices.</b> Players are numbered 0..n−1 here (player {@code p} is Gambit's "player p+1"), strategies
 * 0..k_p−1. A contingency c = (c_0..c_{n−1}) has the index {@code c_0 + k_0 (c_1 + k_1 (c_2 + ...))}: player 0
 * varies fastest, which is both Gambit's file order and {@link JointActions}' order with agent i = player i. The
 * payoff table is {@code [contingency][player]}.
 *
 * <p><b>What is kept so a file can be written back exactly.</b> Besides the game itself: the data-type letter of the
 * header ({@link DataType}), whether the strategies were given as labels ({@code { { "a" "b" } ... }}) or as counts
 * ({@code { 2 3 }}, labels then "1".."k"), whether the comment was present, and the {@link Version}: in the outcome
 * version the list of outcomes (name and payoff vector) and the outcome index of every contingency (0 = no outcome,
 * all payoffs zero; k ≥ 1 = the k-th outcome of the list). The payoff table of an outcome-version game is derived from
 * its outcomes.
 *
 * <p><b>As a Markov game.</b> {@link #toMarkovGame()} gives the one-state game with γ = 0, whose values are the
 * expected payoffs; {@link #toMarkovGame(BigFraction)} the repeated game with discount γ, whose values are the
 * expected payoffs times 1/(1−γ).
 *
 * <p>Source of the format: Gambit's documentation ("Game representation formats",
 * https://gambitproject.readthedocs.io/en/stable/formats.html, pages formats.nfgpay.html and formats.nfgout.html) and
 * its parser {@code gambitproject/gambit@02b9f1102d656c952c7dd5b5ff9e59bbb32b1f09:src/games/file.cc}; see
 * {@link NfgReader} for the grammar accepted.
 */
public final class NfgGame {
  /** The two body layouts of a {@code .nfg} file. */
  public enum Version {
    /** Body is n·Π k_i numbers: for each contingency (player 0 fastest) the payoffs of players 0..n−1. */
    PAYOFF,
    /** Body is a list of outcomes {@code { "name" p_1 p_2 ... }} followed by one outcome index per contingency. */
    OUTCOME
  }

  /**
   * The data-type letter of the header. Gambit reads both letters the same way (every number exactly); it is kept only
   * so that a file is written back with the letter it was read with.
   */
  public enum DataType {
    /** {@code R}: rational. */
    R,
    /** {@code D}: double (historical; numbers are still read exactly). */
    D
  }

  /**
   * One outcome of an outcome-version file: its name and its payoff vector (one exact payoff per player, in player
   * order). Immutable.
   *
   * @param name the outcome's name (the TEXT after '{'; may be empty)
   * @param payoffs the payoffs of players 0..n−1
   */
  public record Outcome(String name, List<BigFraction> payoffs) {
    /**
     * Creates an outcome; the payoff list is copied.
     *
     * @param name the name
     * @param payoffs the payoffs, one per player
     * @throws NullPointerException if an argument or a payoff is null
     */
    public Outcome {
      Objects.requireNonNull(name, "name");
      payoffs = List.copyOf(payoffs);
    }
  }

  private final DataType dataType;
  private final String title;
  private final @Nullable String comment;
  private final List<String> players;
  private final List<List<String>> strategies;
  private final boolean strategiesAsCounts;
  private final int[] counts;
  private final BigFraction[][] payoffs; // [contingency][player]
  private final Version version;
  private final List<Outcome> outcomes; // empty in the payoff version
  private final int[] outcomeIndex; // [contingency], 0 = none; empty in the payoff version

  private NfgGame(DataType dataType, String title, @Nullable String comment, List<String> players,
      List<List<String>> strategies, boolean strategiesAsCounts, int[] counts, BigFraction[][] payoffs, Version version,
      List<Outcome> outcomes, int[] outcomeIndex) {
    this.dataType = dataType;
    this.title = title;
    this.comment = comment;
    this.players = players;
    this.strategies = strategies;
    this.strategiesAsCounts = strategiesAsCounts;
    this.counts = counts;
    this.payoffs = payoffs;
    this.version = version;
    this.outcomes = outcomes;
    this.outcomeIndex = outcomeIndex;
  }

  /**
   * A payoff-version game with data type R and strategy labels written as labels.
   *
   * @param title the title
   * @param comment the comment, if any
   * @param players player names, one per player (at least one player)
   * @param strategies strategy labels [player][strategy], at least one per player
   * @param payoffs [contingency][player], contingencies in Gambit order (player 0 fastest); copied
   * @return the game
   * @throws InvalidGameException naming the entry if there is no player, a player has no strategy, the table has the
   *     wrong shape or is larger than {@link JointActions#MAX_DENSE_ENTRIES}
   */
  public static NfgGame ofPayoffs(String title, Optional<String> comment, List<String> players,
      List<? extends List<String>> strategies, BigFraction[][] payoffs) {
    return payoffVersion(DataType.R, title, comment.orElse(null), players, strategies, false, payoffs);
  }

  /**
   * An outcome-version game with data type R and strategy labels written as labels.
   *
   * @param title the title
   * @param comment the comment, if any
   * @param players player names (at least one)
   * @param strategies strategy labels [player][strategy], at least one per player
   * @param outcomes the outcomes, each with one payoff per player; outcome k of the file is {@code outcomes.get(k-1)}
   * @param outcomeIndex [contingency] in Gambit order: 0 for "no outcome" (all payoffs zero) or k in 1..outcomes.size()
   * @return the game
   * @throws InvalidGameException naming the entry if there is no player, a player has no strategy, an outcome has the
   *     wrong number of payoffs, an index is out of range or the index table has the wrong length
   */
  public static NfgGame ofOutcomes(String title, Optional<String> comment, List<String> players,
      List<? extends List<String>> strategies, List<Outcome> outcomes, int[] outcomeIndex) {
    return outcomeVersion(DataType.R, title, comment.orElse(null), players, strategies, false, outcomes, outcomeIndex);
  }

  static NfgGame payoffVersion(DataType dataType, String title, @Nullable String comment, List<String> players,
      List<? extends List<String>> strategies, boolean strategiesAsCounts, BigFraction[][] payoffs) {
    List<String> ps = List.copyOf(players);
    List<List<String>> ss = copyStrategies(ps, strategies, strategiesAsCounts);
    int[] counts = counts(ss);
    int joint = JointActions.countDense(counts, 1);
    int n = ps.size();
    if (payoffs.length != joint) {
      throw new InvalidGameException("payoff table has " + payoffs.length + " contingencies; the strategy sets "
          + shape(counts) + " have " + joint);
    }
    BigFraction[][] table = new BigFraction[joint][];
    for (int j = 0; j < joint; j++) {
      if (payoffs[j].length != n) {
        throw new InvalidGameException("payoffs at contingency " + NfgReader.contingency(counts, j) + " have "
            + payoffs[j].length
            + " entries; the game has " + n + " players");
      }
      table[j] = payoffs[j].clone();
      for (int i = 0; i < n; i++) {
        Objects.requireNonNull(table[j][i], "payoff");
      }
    }
    return new NfgGame(dataType, Objects.requireNonNull(title, "title"), comment, ps, ss, strategiesAsCounts, counts,
        table, Version.PAYOFF, List.of(), new int[0]);
  }

  static NfgGame outcomeVersion(DataType dataType, String title, @Nullable String comment, List<String> players,
      List<? extends List<String>> strategies, boolean strategiesAsCounts, List<Outcome> outcomes, int[] outcomeIndex) {
    List<String> ps = List.copyOf(players);
    List<List<String>> ss = copyStrategies(ps, strategies, strategiesAsCounts);
    int[] counts = counts(ss);
    int joint = JointActions.countDense(counts, 1);
    int n = ps.size();
    List<Outcome> os = List.copyOf(outcomes);
    for (int k = 0; k < os.size(); k++) {
      if (os.get(k).payoffs().size() != n) {
        throw new InvalidGameException("outcome " + (k + 1) + " (\"" + NfgReader.show(os.get(k).name()) + "\") has "
            + os.get(k).payoffs().size() + " payoffs; the game has " + n + " players");
      }
    }
    if (outcomeIndex.length != joint) {
      throw new InvalidGameException("outcome index table has " + outcomeIndex.length + " entries; the strategy sets "
          + shape(counts) + " have " + joint + " contingencies");
    }
    BigFraction[] zero = new BigFraction[n];
    Arrays.fill(zero, BigFraction.ZERO);
    BigFraction[][] table = new BigFraction[joint][];
    for (int j = 0; j < joint; j++) {
      int k = outcomeIndex[j];
      if (k < 0 || k > os.size()) {
        throw new InvalidGameException("outcome index at contingency " + NfgReader.contingency(counts, j) + " is " + k
            + "; it must be 0 (no outcome) or in 1.." + os.size());
      }
      table[j] = k == 0 ? zero.clone() : os.get(k - 1).payoffs().toArray(new BigFraction[0]);
    }
    return new NfgGame(dataType, Objects.requireNonNull(title, "title"), comment, ps, ss, strategiesAsCounts, counts,
        table, Version.OUTCOME, os, outcomeIndex.clone());
  }

  private static List<List<String>> copyStrategies(List<String> players, List<? extends List<String>> strategies,
      boolean asCounts) {
    if (players.isEmpty()) {
      throw new InvalidGameException("game has no players; a normal-form game needs at least one");
    }
    if (strategies.size() != players.size()) {
      throw new InvalidGameException("strategies are given for " + strategies.size() + " players; the game has "
          + players.size());
    }
    List<List<String>> out = new ArrayList<>();
    for (int p = 0; p < strategies.size(); p++) {
      List<String> labels = asCounts ? countLabels(strategies.get(p).size()) : List.copyOf(strategies.get(p));
      if (labels.isEmpty()) {
        throw new InvalidGameException("player " + (p + 1) + " (\"" + NfgReader.show(players.get(p))
            + "\") has no strategies; every"
            + " player needs at least one");
      }
      if (asCounts) {
        List<String> given = strategies.get(p);
        for (int k = 0; k < given.size(); k++) {
          if (!given.get(k).equals(Integer.toString(k + 1))) {
            throw new InvalidGameException("strategy " + (k + 1) + " of player " + (p + 1) + " is labelled \""
                + NfgReader.show(given.get(k)) + "\"; strategies written as counts are labelled 1..k");
          }
        }
      }
      out.add(labels);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The labels "1".."k" of strategies given as a count, computed on demand (a count costs no memory per strategy).
   *
   * @param k the number of strategies
   * @return an unmodifiable list
   */
  static List<String> countLabels(int k) {
    return new AbstractList<String>() {
      @Override
      public String get(int index) {
        Objects.checkIndex(index, k);
        return Integer.toString(index + 1);
      }

      @Override
      public int size() {
        return k;
      }
    };
  }

  private static int[] counts(List<List<String>> strategies) {
    int[] c = new int[strategies.size()];
    for (int p = 0; p < c.length; p++) {
      c[p] = strategies.get(p).size();
    }
    return c;
  }

  private static String shape(int[] counts) {
    StringBuilder b = new StringBuilder();
    for (int p = 0; p < counts.length; p++) {
      b.append(p > 0 ? "x" : "").append(counts[p]);
    }
    return b.toString();
  }

  /**
   * @return the data-type letter of the header
   */
  public DataType dataType() {
    return dataType;
  }

  /**
   * @return the title (the TEXT after the header)
   */
  public String title() {
    return title;
  }

  /**
   * @return the comment, empty if the file had none (an empty string {@code ""} is a present, empty comment)
   */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /**
   * @return the body layout this game was read in or built with
   */
  public Version version() {
    return version;
  }

  /**
   * @return n, the number of players (at least 1)
   */
  public int playerCount() {
    return players.size();
  }

  /**
   * @return the players' names, player 0 first (unmodifiable)
   */
  public List<String> players() {
    return players;
  }

  /**
   * @param player p in 0..n−1
   * @return k_p, the number of strategies of player p (at least 1)
   */
  public int strategyCount(int player) {
    return counts[player];
  }

  /**
   * @return k_0..k_{n−1} (a copy)
   */
  public int[] strategyCounts() {
    return counts.clone();
  }

  /**
   * @return the strategy labels [player][strategy] (unmodifiable)
   */
  public List<List<String>> strategies() {
    return strategies;
  }

  /**
   * @param player p
   * @param strategy s in 0..k_p−1
   * @return the label of the strategy
   */
  public String strategyLabel(int player, int strategy) {
    return strategies.get(player).get(strategy);
  }

  /**
   * @return true if the strategies are written as counts ({@code { 3 2 }}, labels "1".."k"), false if as label lists
   */
  public boolean strategiesAsCounts() {
    return strategiesAsCounts;
  }

  /**
   * @return Π k_p, the number of contingencies
   */
  public int contingencyCount() {
    return payoffs.length;
  }

  /**
   * The payoff of a player at a contingency given by its index.
   *
   * @param contingency index in Gambit order (player 0 fastest)
   * @param player p
   * @return the exact payoff
   */
  public BigFraction payoff(int contingency, int player) {
    return payoffs[contingency][player];
  }

  /**
   * The payoff of a player at a contingency given by its strategies.
   *
   * @param profile (c_0..c_{n−1}), one strategy per player
   * @param player p
   * @return the exact payoff
   * @throws InvalidGameException if the profile has the wrong length or a strategy is out of range
   */
  public BigFraction payoff(int[] profile, int player) {
    return payoffs[JointActions.index(counts, profile)][player];
  }

  /**
   * @return the outcomes of an outcome-version game (empty for the payoff version); file outcome k is element k−1
   */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /**
   * The outcome index of a contingency in an outcome-version game.
   *
   * @param contingency index in Gambit order
   * @return 0 (no outcome: all payoffs zero) or k in 1..outcomes().size()
   * @throws IllegalStateException if this is a payoff-version game
   */
  public int outcomeIndex(int contingency) {
    if (version != Version.OUTCOME) {
      throw new IllegalStateException("a payoff-version game has no outcome indices");
    }
    return outcomeIndex[contingency];
  }

  /**
   * The same game in the payoff version: everything kept but the outcomes and the index table.
   *
   * @return this game if it is already in the payoff version, else the converted game
   */
  public NfgGame asPayoffVersion() {
    if (version == Version.PAYOFF) {
      return this;
    }
    return new NfgGame(dataType, title, comment, players, strategies, strategiesAsCounts, counts, payoffs,
        Version.PAYOFF, List.of(), new int[0]);
  }

  /**
   * The one-shot game as a one-state Markov game: γ = 0, ρ = (1), every joint action leads back to the single state,
   * r_i(0, a) = payoff of player i at contingency a (agent i = player i, action k of agent i = strategy k). With γ = 0
   * the value V_i^π(0) = V_i^π(ρ) is exactly the expected payoff Σ_a Π_j π_j(a_j) u_i(a), and Q̄_i^π(0, a_i) is the
   * expected payoff of strategy a_i against the others. Labels: see {@link #toMarkovGame(BigFraction)}.
   *
   * @return the game
   * @throws InvalidGameException if the dense table would exceed {@link JointActions#MAX_DENSE_ENTRIES}
   */
  public TabularMarkovGame toMarkovGame() {
    return toMarkovGame(BigFraction.ZERO);
  }

  /**
   * The infinitely repeated game with discount γ as a one-state Markov game (the stage game played at every step).
   * Values are scaled: for a stationary policy, V_i^π = E_π[u_i] / (1 − γ), the discounted sum Σ_t γ^t E_π[u_i];
   * multiply by (1 − γ) to get back the expected stage payoff. γ = 0 gives {@link #toMarkovGame()}.
   *
   * <p>The game is named by the title ({@code "normal-form game"} if the title is empty); agents are labelled by the
   * player names, actions by the strategy labels, the state {@code "0"}. Labels are made usable as labels of the
   * model (non-empty and distinct within their list, as the JSON game format requires): an empty label becomes the
   * index (player p: {@code p}, strategy k: {@code k+1}, Gambit's numbering of strategies), and a label equal to an
   * earlier one in the same list gets the first free suffix {@code _2}, {@code _3}, ... The {@code NfgGame} itself
   * keeps the labels of the file unchanged.
   *
   * @param gamma γ in [0, 1)
   * @return the game
   * @throws InvalidGameException if γ ∉ [0, 1) or the table is too large
   */
  public TabularMarkovGame toMarkovGame(BigFraction gamma) {
    int joint = payoffs.length;
    int n = players.size();
    BigFraction[][][] r = new BigFraction[1][joint][];
    BigFraction[][][] p = new BigFraction[1][joint][];
    BigFraction[] stay = {BigFraction.ONE};
    for (int j = 0; j < joint; j++) {
      r[0][j] = payoffs[j]; // TabularMarkovGame.of copies every row
      p[0][j] = stay;
    }
    String name = title.isEmpty() ? "normal-form game" : title;
    TabularMarkovGame g = TabularMarkovGame.of(name, counts.clone(), gamma, new BigFraction[] {BigFraction.ONE}, r, p);
    String[] agentLabels = new String[n];
    String[][] actionLabels = new String[n][];
    for (int i = 0; i < n; i++) {
      agentLabels[i] = players.get(i).isEmpty() ? Integer.toString(i) : players.get(i);
      List<String> ls = strategies.get(i);
      String[] a = new String[ls.size()];
      for (int k = 0; k < a.length; k++) {
        a[k] = ls.get(k).isEmpty() ? Integer.toString(k + 1) : ls.get(k);
      }
      actionLabels[i] = strategiesAsCounts ? a : distinct(a); // count labels 1..k are distinct already
    }
    return g.withLabels(distinct(agentLabels), actionLabels, new String[] {"0"});
  }

  /** Makes labels distinct: a repeat of an earlier label gets the first free suffix _2, _3, ... */
  private static String[] distinct(String[] labels) {
    java.util.Set<String> used = new java.util.HashSet<>(Arrays.asList(labels));
    java.util.Set<String> seen = new java.util.HashSet<>();
    String[] out = labels.clone();
    for (int k = 0; k < out.length; k++) {
      if (!seen.add(out[k])) {
        int suffix = 2;
        while (used.contains(out[k] + "_" + suffix)) {
          suffix++;
        }
        out[k] = out[k] + "_" + suffix;
        used.add(out[k]);
        seen.add(out[k]);
      }
    }
    return out;
  }

  /**
   * Exact equality of everything a file holds: data type, title, comment (absent ≠ empty), players, strategy labels and
   * their form, version, payoffs, and in the outcome version the outcomes and the index table.
   *
   * @param o another object
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NfgGame)) {
      return false;
    }
    NfgGame g = (NfgGame) o;
    return dataType == g.dataType && title.equals(g.title) && Objects.equals(comment, g.comment)
        && players.equals(g.players) && strategies.equals(g.strategies) && strategiesAsCounts == g.strategiesAsCounts
        && version == g.version && Arrays.deepEquals(payoffs, g.payoffs) && outcomes.equals(g.outcomes)
        && Arrays.equals(outcomeIndex, g.outcomeIndex);
  }

  /**
   * @return a hash consistent with {@link #equals}
   */
  @Override
  public int hashCode() {
    return Objects.hash(dataType, title, comment, players, strategies, strategiesAsCounts, version,
        Arrays.deepHashCode(payoffs), outcomes, Arrays.hashCode(outcomeIndex));
  }

  /**
   * @return a one-line summary, e.g. {@code NfgGame["pd", 2 players, 2x2, OUTCOME]}
   */
  @Override
  public String toString() {
    return "NfgGame[\"" + NfgReader.show(title) + "\", " + players.size() + " players, " + shape(counts) + ", "
        + version + "]";
  }
}
