package org.mpgref.io.nfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;

/**
 * The done-when of issue 3, part 4: reading and writing {@code .nfg} round-trips every file of a set of published
 * normal-form games exactly. The set is Gambit's own example games ({@code gambitproject/gambit}, folder
 * {@code contrib/games}) plus the payoff-version sample of Gambit's format documentation, stored unchanged under
 * {@code src/test/resources/nfg/} (see the README there for paths and commits). For every file:
 *
 * <ol>
 *   <li>read → write in the file's own version → read gives an equal {@link NfgGame} (everything: data type, title,
 *       comment, players, strategies and their form, payoffs, outcomes, outcome indices), and writing again gives the
 *       same text;
 *   <li>read → {@link NfgWriter#writePayoff} → read gives the same payoff table (the game in the payoff version);
 *   <li>{@link NfgGame#toMarkovGame()} gives a one-state game whose exact values at the uniform policy are the expected
 *       payoffs computed directly from the table, whose Q̄ are the expected payoffs of each strategy, and whose action
 *       labels are the strategy labels; with γ = 1/3 the values are those payoffs × 3/2 = 1/(1−γ).
 * </ol>
 */
class PublishedGamesRoundTripTest {
  /** Every file of the set and the version it is in (so both versions are known to be covered). */
  static final Map<String, NfgGame.Version> FILES = Map.ofEntries(
      Map.entry("2x2.nfg", NfgGame.Version.OUTCOME),
      Map.entry("2x2x2-nau.nfg", NfgGame.Version.OUTCOME),
      Map.entry("2x2x2.nfg", NfgGame.Version.OUTCOME),
      Map.entry("2x2x2x2.nfg", NfgGame.Version.OUTCOME),
      Map.entry("3x3x3.nfg", NfgGame.Version.OUTCOME),
      Map.entry("cent2.nfg", NfgGame.Version.OUTCOME),
      Map.entry("coord3.nfg", NfgGame.Version.OUTCOME),
      Map.entry("e02.nfg", NfgGame.Version.PAYOFF),
      Map.entry("e04.nfg", NfgGame.Version.OUTCOME),
      Map.entry("e07.nfg", NfgGame.Version.OUTCOME),
      Map.entry("g1.nfg", NfgGame.Version.OUTCOME),
      Map.entry("g2.nfg", NfgGame.Version.PAYOFF),
      Map.entry("loopback.nfg", NfgGame.Version.OUTCOME),
      Map.entry("pd.nfg", NfgGame.Version.OUTCOME),
      Map.entry("perfect1.nfg", NfgGame.Version.OUTCOME),
      Map.entry("selten-peers.nfg", NfgGame.Version.PAYOFF),
      Map.entry("sh3.nfg", NfgGame.Version.PAYOFF),
      Map.entry("stengel.nfg", NfgGame.Version.PAYOFF),
      Map.entry("vd.nfg", NfgGame.Version.OUTCOME),
      Map.entry("winkels.nfg", NfgGame.Version.PAYOFF),
      Map.entry("yamamoto.nfg", NfgGame.Version.PAYOFF),
      Map.entry("zero.nfg", NfgGame.Version.OUTCOME));

  static Path dir() {
    URL url = Objects.requireNonNull(PublishedGamesRoundTripTest.class.getResource("/nfg"), "test resources /nfg");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static NfgGame load(String name) throws IOException {
    return NfgReader.read(dir().resolve(name));
  }

  static Stream<String> files() {
    return FILES.keySet().stream().sorted();
  }

  @Test
  void theSetIsExactlyTheListedFilesAndCoversBothVersions() throws IOException {
    List<String> onDisk;
    try (Stream<Path> s = Files.list(dir())) {
      onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".nfg")).sorted()
          .collect(Collectors.toList());
    }
    assertThat(onDisk).containsExactlyElementsOf(files().collect(Collectors.toList()));
    assertThat(FILES.values()).contains(NfgGame.Version.PAYOFF, NfgGame.Version.OUTCOME);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readWriteReadInTheFilesOwnVersionIsExact(String name) throws IOException {
    NfgGame g = load(name);
    assertThat(g.version()).isEqualTo(FILES.get(name));
    StringWriter w = new StringWriter();
    NfgWriter.write(g, w);
    NfgGame again = NfgReader.read(new StringReader(w.toString()), name + " (rewritten)");
    assertThat(again).isEqualTo(g);
    // field by field too, so a broken equals cannot hide a difference
    assertThat(again.title()).isEqualTo(g.title());
    assertThat(again.comment()).isEqualTo(g.comment());
    assertThat(again.players()).isEqualTo(g.players());
    assertThat(again.strategies()).isEqualTo(g.strategies());
    assertThat(again.strategiesAsCounts()).isEqualTo(g.strategiesAsCounts());
    assertThat(again.dataType()).isEqualTo(g.dataType());
    assertThat(again.outcomes()).isEqualTo(g.outcomes());
    for (int j = 0; j < g.contingencyCount(); j++) {
      for (int p = 0; p < g.playerCount(); p++) {
        assertThatExact(again.payoff(j, p)).isEqualByComparingTo(g.payoff(j, p));
      }
      if (g.version() == NfgGame.Version.OUTCOME) {
        assertThat(again.outcomeIndex(j)).isEqualTo(g.outcomeIndex(j));
      }
    }
    assertThat(NfgWriter.text(again)).as("writing is idempotent").isEqualTo(w.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void payoffVersionWriteReadKeepsThePayoffTable(String name) throws IOException {
    NfgGame g = load(name);
    StringWriter w = new StringWriter();
    NfgWriter.writePayoff(g, w);
    NfgGame again = NfgReader.read(new StringReader(w.toString()), name + " (payoff version)");
    assertThat(again.version()).isEqualTo(NfgGame.Version.PAYOFF);
    assertThat(again).isEqualTo(g.asPayoffVersion());
    assertThat(again.contingencyCount()).isEqualTo(g.contingencyCount());
    for (int j = 0; j < g.contingencyCount(); j++) {
      for (int p = 0; p < g.playerCount(); p++) {
        assertThatExact(again.payoff(j, p)).isEqualByComparingTo(g.payoff(j, p));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void oneStateGameValuesAreTheExpectedPayoffs(String name) throws IOException {
    NfgGame g = load(name);
    int n = g.playerCount();
    int[] counts = g.strategyCounts();
    MarkovGame mg = g.toMarkovGame();
    assertThat(mg.stateCount()).isEqualTo(1);
    assertThat(mg.agentCount()).isEqualTo(n);
    assertThatExact(mg.discount()).isEqualByComparingTo(BigFraction.ZERO);
    for (int p = 0; p < n; p++) {
      // every published file has non-empty, distinct strategy labels; empty player names become the index
      assertThat(mg.agentLabel(p)).isEqualTo(g.players().get(p).isEmpty() ? Integer.toString(p) : g.players().get(p));
      for (int k = 0; k < counts[p]; k++) {
        assertThat(mg.actionLabel(p, k)).isEqualTo(g.strategyLabel(p, k));
      }
    }
    Evaluation ev = Evaluation.of(mg, Policy.uniform(mg));
    MarkovGame repeated = g.toMarkovGame(BigFraction.of(1, 3));
    Evaluation evRepeated = Evaluation.of(repeated, Policy.uniform(repeated));
    int joint = g.contingencyCount();
    int[] c = new int[n];
    for (int p = 0; p < n; p++) {
      // direct from the table: the uniform product policy gives every contingency weight 1/joint
      BigFraction sum = BigFraction.ZERO;
      BigFraction[] byStrategy = new BigFraction[counts[p]];
      java.util.Arrays.fill(byStrategy, BigFraction.ZERO);
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, c);
        sum = sum.add(g.payoff(j, p));
        byStrategy[c[p]] = byStrategy[c[p]].add(g.payoff(j, p));
      }
      BigFraction expected = sum.divide(joint);
      assertThatExact(ev.value(p, 0)).isEqualByComparingTo(expected);
      assertThatExact(ev.valueAtInitial(p)).isEqualByComparingTo(expected);
      assertThatExact(evRepeated.value(p, 0)).isEqualByComparingTo(expected.multiply(BigFraction.of(3, 2)));
      for (int k = 0; k < counts[p]; k++) {
        assertThatExact(ev.qBar(p, 0, k)).isEqualByComparingTo(byStrategy[k].divide(joint / counts[p]));
      }
    }
  }
}
