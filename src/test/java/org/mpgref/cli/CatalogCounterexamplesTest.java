package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.Catalog;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.catalog.PotentialStatesNotMpg;
import org.mpgref.catalog.ZeroSumStateMpg;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;

/**
 * The two counterexample games of specs/counterexample-games.md as catalog entries: the names build the hand-derived
 * games, refuse parameters, survive the file format as catalog references, and {@code check-potential} reports the
 * exact counterexample for the first and never certifies the second.
 */
class CatalogCounterexamplesTest {

  private static void assertSameValues(MarkovGame a, MarkovGame b, Policy pa, Policy pb) {
    Evaluation ea = Evaluation.of(a, pa);
    Evaluation eb = Evaluation.of(b, pb);
    for (int i = 0; i < a.agentCount(); i++) {
      for (int s = 0; s < a.stateCount(); s++) {
        assertThat(Rationals.compare(ea.value(i, s), eb.value(i, s))).as("V_%d(%d)", i, s).isZero();
      }
    }
  }

  @Test
  void namesBuildTheHandDerivedGames() {
    assertThat(Catalog.names()).contains(Catalog.POTENTIAL_STATES_NOT_MPG, Catalog.ZERO_SUM_STATE_MPG);
    CatalogGame g = Catalog.of(Catalog.POTENTIAL_STATES_NOT_MPG, Map.of());
    assertThat(g.parameters()).isEmpty();
    assertThat(Catalog.takesAgents(Catalog.POTENTIAL_STATES_NOT_MPG)).isFalse();
    assertThat(Catalog.takesAgents("distancing")).isTrue();
    assertThat(Catalog.source(Catalog.ZERO_SUM_STATE_MPG)).isEqualTo(ZeroSumStateMpg.SOURCE);
    // The catalog's game carries the hand-derived counterexample: re-verify it on the catalog instance.
    PotentialStatesNotMpg.HandCycle c = PotentialStatesNotMpg.handCycle();
    org.mpgref.potential.PotentialCheck.Counterexample onCatalog = new org.mpgref.potential.PotentialCheck.Counterexample(
        g, Policy.pure(g, new int[][] {{0, 0}, {0, 0}}), 0, Policy.pure(g, new int[][] {{1, 0}, {0, 0}}), 1,
        Policy.pure(g, new int[][] {{0, 0}, {0, 1}}), 0, c.cycleSum());
    assertThat(onCatalog.verify()).isTrue();
    assertThat(Rationals.compare(onCatalog.cycleSum(), BigFraction.of(-2, 3))).isZero();

    CatalogGame z = Catalog.of(Catalog.ZERO_SUM_STATE_MPG, Map.of());
    Policy pi = Policy.pure(z, new int[][] {{0, 1, 1}, {1, 0, 1}});
    assertSameValues(z, ZeroSumStateMpg.of(), pi, pi);
    // V_1(1) = 1/(1 - 2/3) = 3 and V_1(2) = -3 for every policy (proofs-notes/counterexample-zero-sum-state-mpg.md).
    Evaluation ev = Evaluation.of(z, pi);
    assertThat(Rationals.compare(ev.value(1, 1), BigFraction.of(3))).isZero();
    assertThat(Rationals.compare(ev.value(1, 2), BigFraction.of(-3))).isZero();
  }

  @Test
  void parametersAreRefused() {
    assertThatThrownBy(() -> Catalog.of(Catalog.ZERO_SUM_STATE_MPG, Map.of("agents", 3)))
        .isInstanceOf(InvalidGameException.class).hasMessageContaining("'agents' is unknown")
        .hasMessageContaining("none (a fixed instance)");
    String[] r = CommandsTest.run("eval", Catalog.ZERO_SUM_STATE_MPG, "uniform", "--agents", "3");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).isEmpty();
    assertThat(r[2].strip().lines().count()).isEqualTo(1);
    assertThat(r[2]).contains("agents");
  }

  @Test
  void catalogReferenceRoundTripsThroughTheFileFormat() {
    for (String name : new String[] {Catalog.POTENTIAL_STATES_NOT_MPG, Catalog.ZERO_SUM_STATE_MPG}) {
      String text = "{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"" + name + "\"}}";
      MarkovGame read = GameFormat.read(new StringReader(text), "test");
      assertThat(read).isInstanceOf(CatalogGame.class);
      JsonNode written = GameFormat.write(read);
      assertThat(written.get("catalog").get("name").textValue()).isEqualTo(name);
      MarkovGame again = GameFormat.read(new StringReader(Json.write(written)), "again");
      Policy u = Policy.uniform(read);
      assertSameValues(read, again, u, Policy.uniform(again));
    }
  }

  @Test
  void checkPotentialOnTheCommandLine() {
    String[] r = CommandsTest.run("check-potential", Catalog.POTENTIAL_STATES_NOT_MPG, "--trials", "50", "--seed",
        "4501");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(CommandsTest.lines(r[1])).contains("MPG not-an-mpg", "VERIFIED true");
    assertThat(r[1]).contains("CYCLESUM ");

    String[] z = CommandsTest.run("check-potential", Catalog.ZERO_SUM_STATE_MPG, "--trials", "50");
    assertThat(z[0]).as(z[2]).isEqualTo("0");
    assertThat(CommandsTest.lines(z[1])).contains("MPG no-counterexample");
    assertThat(z[1]).doesNotContain("certified");
  }
}
