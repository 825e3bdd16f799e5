package org.mpgref.io.nfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;

/**
 * The writer's exact text and escapes, games built in code, the conversion to a one-state Markov game (γ = 0 and the
 * repeated game's 1/(1−γ) scaling), and the export of every state game of a Markov game.
 */
class NfgWriterAndConversionTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  private static void refuses(Executable e, String... fragments) {
    Throwable thrown = null;
    try {
      e.execute();
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).isInstanceOf(InvalidGameException.class);
    assertThat(thrown.getMessage()).doesNotContain("\n");
    for (String f : fragments) {
      assertThat(thrown.getMessage()).contains(f);
    }
  }

  /** Matching pennies with exact fractional payoffs, built in code. */
  private static NfgGame pennies() {
    BigFraction[][] payoffs = {
        {f(1, 2), f(-1, 2)}, {f(-1, 3), f(1, 3)}, {BigFraction.of(-1), BigFraction.ONE}, {f(7, 4), f(-7, 4)}};
    return NfgGame.ofPayoffs("pennies \"exact\" \\ v1", Optional.of("line one\nline two"), List.of("Row", "Col"),
        List.of(List.of("H", "T"), List.of("h", "t")), payoffs);
  }

  @Test
  void payoffVersionTextIsExactAndEscaped() {
    String expected = "NFG 1 R \"pennies \\\"exact\\\" \\\\ v1\" { \"Row\" \"Col\" }\n\n"
        + "{ { \"H\" \"T\" }\n{ \"h\" \"t\" }\n}\n"
        + "\"line one\nline two\"\n\n"
        + "1/2 -1/2\n-1/3 1/3\n-1 1\n7/4 -7/4\n";
    assertThat(NfgWriter.text(pennies())).isEqualTo(expected);
    assertThat(NfgReader.parse(expected, "p")).isEqualTo(pennies());
  }

  @Test
  void outcomeVersionTextAndCountForm() throws IOException {
    NfgGame e02 = PublishedGamesRoundTripTest.load("e02.nfg");
    assertThat(NfgWriter.text(e02)).isEqualTo("NFG 1 R \"Selten (IJGT, 75), Figure 2, normal form\""
        + " { \"Player 1\" \"Player 2\" }\n\n{ 3 2 }\n\n1 1\n0 2\n0 2\n1 1\n0 3\n2 0\n");
    NfgGame pd = PublishedGamesRoundTripTest.load("pd.nfg");
    assertThat(NfgWriter.text(pd)).isEqualTo("NFG 1 R \"Two person Prisoner's Dilemma game\""
        + " { \"Player 1\" \"Player 2\" }\n\n{ { \"1\" \"2\" }\n{ \"1\" \"2\" }\n}\n\"\"\n\n"
        + "{\n{ \"\" 9, 9 }\n{ \"\" 10, 0 }\n{ \"\" 0, 10 }\n{ \"\" 1, 1 }\n}\n1 2 3 4\n");
    assertThat(NfgWriter.payoffText(pd)).endsWith("\"\"\n\n9 9\n10 0\n0 10\n1 1\n");
  }

  @Test
  void gamesBuiltInCodeAreValidated() {
    BigFraction[][] ok = {{BigFraction.ONE}, {BigFraction.ZERO}};
    refuses(() -> NfgGame.ofPayoffs("t", Optional.empty(), List.of(), List.of(), ok), "no players");
    refuses(() -> NfgGame.ofPayoffs("t", Optional.empty(), List.of("a"), List.of(List.of()), ok),
        "player 1 (\"a\") has no strategies");
    refuses(() -> NfgGame.ofPayoffs("t", Optional.empty(), List.of("a"), List.of(List.of("x", "y", "z")), ok),
        "2 contingencies", "have 3");
    refuses(() -> NfgGame.ofPayoffs("t", Optional.empty(), List.of("a", "b"), List.of(List.of("x", "y"), List.of("u")),
        new BigFraction[][] {{BigFraction.ONE, BigFraction.ONE}, {BigFraction.ONE}}),
        "contingency (2,1)", "1 entries", "2 players");
    NfgGame.Outcome o = new NfgGame.Outcome("o", List.of(BigFraction.ONE, BigFraction.ONE));
    refuses(() -> NfgGame.ofOutcomes("t", Optional.empty(), List.of("a", "b"), List.of(List.of("x"), List.of("u")),
        List.of(o), new int[] {2}), "outcome index at contingency (1,1) is 2", "1..1");
    refuses(() -> NfgGame.ofOutcomes("t", Optional.empty(), List.of("a"), List.of(List.of("x")), List.of(o),
        new int[] {1}), "outcome 1 (\"o\") has 2 payoffs", "1 players");
    NfgGame g = NfgGame.ofOutcomes("t", Optional.empty(), List.of("a", "b"), List.of(List.of("x"), List.of("u", "v")),
        List.of(o), new int[] {0, 1});
    assertThatExact(g.payoff(0, 1)).isEqualByComparingTo(BigFraction.ZERO);
    assertThatExact(g.payoff(1, 1)).isEqualByComparingTo(BigFraction.ONE);
    assertThat(NfgReader.parse(NfgWriter.text(g), "g")).isEqualTo(g);
  }

  @Test
  void oneShotGameValuesAndRepeatedGameScaling() {
    NfgGame g = pennies();
    MarkovGame once = g.toMarkovGame();
    assertThat(once.name()).isEqualTo(g.title());
    assertThat(once.actionLabel(1, 1)).isEqualTo("t");
    assertThatExact(once.initial(0)).isEqualByComparingTo(BigFraction.ONE);
    // a mixed profile: Row plays H w.p. 1/3, Col plays h w.p. 3/4
    BigFraction[][][] probs = {{{f(1, 3), f(2, 3)}}, {{f(3, 4), f(1, 4)}}};
    Policy pi = Policy.of(probs);
    BigFraction[] weights = {f(1, 4), f(1, 2), f(1, 12), f(1, 6)}; // (H,h) (T,h) (H,t) (T,t)
    for (int p = 0; p < 2; p++) {
      BigFraction expected = BigFraction.ZERO;
      for (int j = 0; j < 4; j++) {
        expected = expected.add(weights[j].multiply(g.payoff(j, p)));
      }
      assertThatExact(Evaluation.of(once, pi).value(p, 0)).isEqualByComparingTo(expected);
      for (BigFraction gamma : new BigFraction[] {f(1, 2), f(9, 10), f(99, 100)}) {
        MarkovGame repeated = g.toMarkovGame(gamma);
        assertThatExact(Evaluation.of(repeated, pi).value(p, 0))
            .isEqualByComparingTo(expected.divide(BigFraction.ONE.subtract(gamma)));
      }
    }
    assertThatExact(Evaluation.of(once, pi).value(0, 0)).isEqualByComparingTo(f(1, 6)); // 1/8 - 1/6 - 1/12 + 7/24
    refuses(() -> g.toMarkovGame(BigFraction.ONE), "gamma", "[0, 1)");
    TabularMarkovGame t = g.toMarkovGame();
    assertThat(t.jointActionCount()).isEqualTo(4);
    assertThatExact(t.reward(1, 0, new int[] {0, 1})).isEqualByComparingTo(BigFraction.ONE);
    assertThatExact(t.transition(0, new int[] {1, 1}, 0)).isEqualByComparingTo(BigFraction.ONE);
  }

  @Test
  void everyStateGameOfARandomMarkovGameIsExported() {
    TabularMarkovGame game = RandomGames.game(3, 3, 3, 20240603L);
    List<NfgGame> games = NfgExport.stateGames(game);
    assertThat(games).hasSize(3);
    int[] counts = new int[game.agentCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = game.actionCount(i);
    }
    int[] a = new int[counts.length];
    for (int s = 0; s < 3; s++) {
      NfgGame g = games.get(s);
      assertThat(g.title()).isEqualTo(game.name() + " state " + s);
      assertThat(g.version()).isEqualTo(NfgGame.Version.PAYOFF);
      assertThat(g.players()).containsExactly(game.agentLabel(0), game.agentLabel(1), game.agentLabel(2));
      assertThat(g.strategyCounts()).isEqualTo(counts);
      for (int j = 0; j < g.contingencyCount(); j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < counts.length; i++) {
          assertThatExact(g.payoff(j, i)).isEqualByComparingTo(game.reward(i, s, a));
        }
      }
      assertThat(NfgReader.parse(NfgWriter.payoffText(g), "state " + s)).isEqualTo(g);
      // the exported stage game at γ = 0 has values r̄ of the state under the same stage policy
      MarkovGame stage = g.toMarkovGame();
      Policy uniform = Policy.uniform(stage);
      StageExpectation e = game.expect(s, Policy.uniform(game));
      for (int i = 0; i < counts.length; i++) {
        for (int k = 0; k < counts[i]; k++) {
          assertThatExact(Evaluation.of(stage, uniform).qBar(i, 0, k)).isEqualByComparingTo(e.rewardBar(i, k));
        }
      }
    }
  }

  @Test
  void stateGamesUseTheGamesLabels() {
    MarkovGame game = DistancingGame.of(DistancingGame.published(3));
    List<NfgGame> games = NfgExport.stateGames(game);
    assertThat(games).hasSize(game.stateCount());
    for (int s = 0; s < game.stateCount(); s++) {
      NfgGame g = games.get(s);
      assertThat(g.title()).isEqualTo(game.name() + " state " + game.stateLabel(s));
      assertThat(g.strategyLabel(2, 3)).isEqualTo(game.actionLabel(2, 3));
      String index = "index " + s;
      assertThat(g.comment()).hasValueSatisfying(c -> assertThat(c).contains(index));
      assertThat(NfgReader.parse(NfgWriter.text(g), "x")).isEqualTo(g);
    }
    refuses(() -> NfgExport.stateGame(game, game.stateCount()), "state " + game.stateCount(), "out of range");
  }

  @Test
  void labelsOfTheMarkovGameAreNonEmptyAndDistinct() {
    BigFraction[][] payoffs = new BigFraction[8][3];
    for (BigFraction[] row : payoffs) {
      java.util.Arrays.fill(row, BigFraction.ONE);
    }
    NfgGame g = NfgGame.ofPayoffs("", Optional.empty(), List.of("", "x", "x"),
        List.of(List.of("a", "a", "", "a_2"), List.of("b"), List.of("", "")), payoffs);
    TabularMarkovGame m = g.toMarkovGame();
    assertThat(m.name()).isEqualTo("normal-form game");
    assertThat(List.of(m.agentLabel(0), m.agentLabel(1), m.agentLabel(2))).containsExactly("0", "x", "x_2");
    assertThat(List.of(m.actionLabel(0, 0), m.actionLabel(0, 1), m.actionLabel(0, 2), m.actionLabel(0, 3)))
        .containsExactly("a", "a_3", "3", "a_2");
    assertThat(List.of(m.actionLabel(2, 0), m.actionLabel(2, 1))).containsExactly("1", "2");
    assertThat(m.stateLabel(0)).isEqualTo("0");
    // the NfgGame keeps the file's labels
    assertThat(g.players()).containsExactly("", "x", "x");
  }

  @Test
  void readingBytesAndExportingOneStateGamesForTheCli() throws IOException {
    String text = "NFG 1 R \"bytes \u00e9\" { \"A\" \"B\" } { 2 1 }\n1 -1 1/2 -1/2\n";
    NfgGame g = NfgReader.read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "<stdin>");
    assertThat(g.title()).isEqualTo("bytes \u00e9");
    refuses(() -> NfgReader.read(new java.io.ByteArrayInputStream(new byte[] {'N', (byte) 0xff}), "<stdin>"),
        "<stdin>: line 1, column 2 (byte 2): byte 0xFF is not valid UTF-8");
    refuses(() -> NfgReader.read(new java.io.InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    }, "f.nfg"), "f.nfg: input: cannot be read: disk on fire");
    // nfg -> one-state Markov game -> nfg keeps players, strategies and payoffs exactly
    TabularMarkovGame m = g.toMarkovGame();
    NfgGame back = NfgReader.parse(NfgExport.payoffText(m), "back");
    assertThat(back.title()).isEqualTo("bytes \u00e9 state 0");
    assertThat(back.players()).isEqualTo(g.players());
    assertThat(back.strategies()).isEqualTo(g.strategies());
    for (int j = 0; j < g.contingencyCount(); j++) {
      for (int p = 0; p < 2; p++) {
        assertThatExact(back.payoff(j, p)).isEqualByComparingTo(g.payoff(j, p));
      }
    }
    MarkovGame two = DistancingGame.of(DistancingGame.published(3));
    refuses(() -> NfgExport.payoffText(two), "has 2 states", "one state game at a time");
    assertThat(NfgExport.payoffText(two, 1)).startsWith("NFG 1 R \"" + two.name() + " state " + two.stateLabel(1));
  }

  @Test
  void exportRefusesGamesTooLargeForADenseTable() {
    refuses(() -> NfgExport.stateGames(new HugeGame(3, 1000, 1)), "exceeds the limit");
    refuses(() -> NfgExport.stateGames(new HugeGame(2, 2000, 20)), "exporting 20 state games", "exceeds the limit");
  }

  /** Only the sizes of a game; the export must refuse before asking for any reward. */
  private static final class HugeGame implements MarkovGame {
    private final int agents;
    private final int actions;
    private final int states;

    HugeGame(int agents, int actions, int states) {
      this.agents = agents;
      this.actions = actions;
      this.states = states;
    }

    @Override
    public int agentCount() {
      return agents;
    }

    @Override
    public int stateCount() {
      return states;
    }

    @Override
    public int actionCount(int agent) {
      return actions;
    }

    @Override
    public BigFraction discount() {
      return BigFraction.ZERO;
    }

    @Override
    public BigFraction initial(int state) {
      throw new AssertionError("not used");
    }

    @Override
    public StageExpectation expect(int state, Policy policy) {
      throw new AssertionError("not used");
    }

    @Override
    public BigFraction reward(int agent, int state, int[] jointAction) {
      throw new AssertionError("the export asked for a reward before refusing");
    }

    @Override
    public BigFraction transition(int state, int[] jointAction, int next) {
      throw new AssertionError("not used");
    }

    @Override
    public Optional<StagePotential> potential() {
      return Optional.empty();
    }

    @Override
    public String name() {
      return "huge";
    }

    @Override
    public DoubleMarkovGame toDouble() {
      throw new AssertionError("not used");
    }
  }
}
