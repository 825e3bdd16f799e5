package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.io.SameGame.assertSameGame;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.Catalog;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/** mpgref-game/1: round trips, the example file, compact forms, catalog references. */
class GameFormatTest {
  static MarkovGame readText(String text) {
    return GameFormat.read(Json.parse(text, "t.json"), "t.json");
  }

  static MarkovGame example() throws Exception {
    try (Reader r = Files.newBufferedReader(Path.of("examples/two-state.game.json"))) {
      return GameFormat.read(r, "examples/two-state.game.json");
    }
  }

  /** The example file is the game of proofs-notes/two-state-two-agent-example.md §1.1: its hand-derived numbers. */
  @Test
  void exampleFileIsTheHandDerivedGame() throws Exception {
    MarkovGame g = example();
    Policy pi;
    try (Reader r = Files.newBufferedReader(Path.of("examples/two-state.policy.json"))) {
      pi = PolicyFormat.read(r, g, "examples/two-state.policy.json");
    }
    Evaluation ev = Evaluation.of(g, pi);
    assertThat(ev.values(0)).containsExactly(BigFraction.of(22, 15), BigFraction.of(2));
    assertThat(ev.values(1)).containsExactly(BigFraction.of(46, 15), BigFraction.of(2));
    assertThat(ev.qBar(0, 0, 0)).isEqualTo(BigFraction.of(67, 45));
    assertThat(ev.visitation(0)).isEqualTo(BigFraction.of(2, 5));
    NashGap gaps = NashGap.of(ev);
    assertThat(gaps.nashGap()).isEqualTo(BigFraction.of(64, 105));
    assertThat(gaps.nashConv()).isEqualTo(BigFraction.of(263, 420));
    assertThat(g.reward(1, 0, new int[] {1, 1})).isEqualTo(BigFraction.of(3));
    assertThat(g.transition(1, new int[] {1, 1}, 1)).isEqualTo(BigFraction.ONE);
  }

  /** write then read gives the same game, every entry compared exactly (random dense games, with potentials). */
  @Test
  void randomGamesRoundTrip() {
    Seeds.property("gameRoundTrip", 3201L, 80)
        .forAll(integers().between(1, 3), integers().between(1, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = RandomGames.anyGame(states, agents, actions, seed);
          String text = Json.write(GameFormat.write(game));
          MarkovGame back = readText(text);
          assertSameGame(back, game);
          assertThat(back.name()).isEqualTo(game.name());
          // and the written form is a fixed point
          assertThat(Json.write(GameFormat.write(back))).isEqualTo(text);
        });
  }

  @Test
  void labelledGameRoundTrips() {
    TabularMarkovGame game = RandomGames.game(2, 2, 3, 7L);
    String[][] acts = new String[2][];
    for (int i = 0; i < 2; i++) {
      acts[i] = new String[game.actionCount(i)];
      for (int a = 0; a < acts[i].length; a++) {
        acts[i][a] = "act " + i + "." + a; // spaces are allowed in labels
      }
    }
    TabularMarkovGame labelled = game.withLabels(new String[] {"row", "col"}, acts, new String[] {"calm", "storm"});
    MarkovGame back = readText(Json.write(GameFormat.write(labelled)));
    assertSameGame(back, labelled);
    assertThat(back.stateLabel(1)).isEqualTo("storm");
    assertThat(back.actionLabel(1, 0)).isEqualTo("act 1.0");
  }

  @Test
  void compactTransitionFormsAreChosenAndReadBack() {
    // deterministic rows are written as {"next": [...]}, equal rows as {"actionIndependent": [...]}
    for (long seed = 0; seed < 40; seed++) {
      TabularMarkovGame game = RandomGames.statePotential(2, 2, 2, seed, seed % 2 == 0);
      JsonNode doc = GameFormat.write(game);
      for (JsonNode st : doc.get("transitions")) {
        if (st.isObject()) {
          assertThat(st.has("next") || st.has("actionIndependent")).isTrue();
        }
      }
      assertSameGame(readText(Json.write(doc)), game);
    }
  }

  @Test
  void nestedRewardsAndStateLabelsInNextAreAccepted() {
    String text = "{\"format\": \"mpgref-game/1\", \"agents\": [{\"actions\": [\"a\", \"b\"]}], \"states\": [\"x\", \"y\"],"
        + " \"gamma\": 0.5, \"rho\": [1, 0], \"jointActionOrder\": \"agent0-fastest\","
        + " \"rewards\": [[[1], [\"-1/3\"]], [2, \"2.5e-1\"]],"
        + " \"transitions\": [{\"next\": [\"y\", 0]}, {\"actionIndependent\": [\"0.25\", \"3/4\"]}],"
        + " \"potential\": {\"condition\": \"identical-interest\", \"phi\": [[1, \"-1/3\"], [2, \"1/4\"]]}}";
    MarkovGame g = readText(text);
    assertThat(g.discount()).isEqualTo(BigFraction.of(1, 2));
    assertThat(g.reward(0, 0, new int[] {1})).isEqualTo(BigFraction.of(-1, 3));
    assertThat(g.reward(0, 1, new int[] {1})).isEqualTo(BigFraction.of(1, 4));
    assertThat(g.transition(0, new int[] {0}, 1)).isEqualTo(BigFraction.ONE);
    assertThat(g.transition(0, new int[] {1}, 0)).isEqualTo(BigFraction.ONE);
    assertThat(g.transition(1, new int[] {1}, 1)).isEqualTo(BigFraction.of(3, 4));
    assertThat(g.potential().orElseThrow().condition()).isEqualTo(StagePotential.Condition.IDENTICAL_INTEREST);
    assertThat(g.agentLabel(0)).isEqualTo("0");
    assertThat(g.name()).isEqualTo("unnamed");
  }

  @Test
  void catalogReferencesRoundTripWithTheirCompleteParameters() {
    MarkovGame g = readText("{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"distancing\","
        + " \"parameters\": {\"agents\": 3, \"penalty\": \"50\", \"gamma\": 0.9}}}");
    assertThat(g).isInstanceOf(CatalogGame.class);
    CatalogGame c = (CatalogGame) g;
    assertThat(c.parameters()).containsEntry("agents", 3).containsEntry("penalty", BigFraction.of(50))
        .containsEntry("gamma", BigFraction.of(9, 10)).containsEntry("safeThreshold", BigFraction.of(3, 2));
    ObjectNode written = GameFormat.write(g);
    assertThat(written.get("catalog").get("parameters").get("safeThreshold").textValue()).isEqualTo("3/2");
    MarkovGame back = readText(Json.write(written));
    assertThat(((CatalogGame) back).parameters()).isEqualTo(c.parameters());
    assertSameGame(back, g);
    // the explicit table of the same game reads back to the same numbers
    assertSameGame(readText(Json.write(GameFormat.writeTable(g))), g);
  }

  @Test
  void routingCatalogGameAsATableEqualsTheStructuredGame() {
    CatalogGame routing = Catalog.of("routing", Map.of("agents", 3));
    MarkovGame table = readText(Json.write(GameFormat.writeTable(routing)));
    assertSameGame(table, routing);
    Policy pi = Policy.uniform(routing);
    assertThat(Evaluation.of(table, pi).valueAtInitial(0)).isEqualTo(Evaluation.of(routing, pi).valueAtInitial(0));
  }

  @Test
  void catalogErrorsNameTheParameter() {
    assertThatThrownBy(() -> readText("{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"distancing\","
        + " \"parameters\": {\"weights\": [1, -2]}}}"))
        .isInstanceOf(FormatException.class).hasMessageStartingWith("t.json: catalog.parameters: ")
        .hasMessageContaining("w[1]");
    assertThatThrownBy(() -> readText("{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"distancing\","
        + " \"parameters\": {\"agent\": 3}}}"))
        .isInstanceOf(FormatException.class).hasMessageContaining("catalog.parameters.agent: unknown field");
    assertThatThrownBy(() -> readText("{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"chess\"}}"))
        .isInstanceOf(FormatException.class).hasMessageContaining("catalog.name");
    assertThatThrownBy(() -> readText("{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"routing\","
        + " \"parameters\": {\"agents\": 2.5}}}"))
        .isInstanceOf(FormatException.class).hasMessageContaining("catalog.parameters.agents: 5/2 is not an integer");
  }

  /** An 8-agent game with 2 actions each stays a few MB in the compact form. */
  @Test
  void eightAgentTableIsCompact() {
    CatalogGame g = Catalog.of("distancing", Map.of("agents", 8, "weights", java.util.List.of(BigFraction.of(1),
        BigFraction.of(2))));
    String text = Json.write(GameFormat.writeTable(g));
    assertThat(text.length()).isLessThan(3_000_000);
    MarkovGame back = readText(text);
    Policy pi = Policy.uniform(g);
    assertThat(Evaluation.of(back, pi).valueAtInitial(3)).isEqualTo(Evaluation.of(g, pi).valueAtInitial(3));
  }
}
