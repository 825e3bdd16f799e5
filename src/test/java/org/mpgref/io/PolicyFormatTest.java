package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.io.SameGame.assertSamePolicy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.Catalog;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.DoubleDynamics;
import org.mpgref.dynamics.Iterate;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.PolicyRounding;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/** mpgref-policy/1 and mpgref-policy-history/1: round trips, label forms, floating policies, rounding. */
class PolicyFormatTest {
  @Test
  void randomPoliciesRoundTrip() {
    Seeds.property("policyRoundTrip", 3301L, 80)
        .forAll(integers().between(1, 3), integers().between(1, 3), integers().between(2, 4), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          int digits = (int) Math.floorMod(seed, 9L);
          TabularMarkovGame game = RandomGames.game(states, agents, actions, seed);
          Policy pi = RandomGames.mixedOrPurePolicy(game, RandomGames.rng(~seed));
          String text = Json.write(PolicyFormat.write(pi, game, digits));
          assertSamePolicy(PolicyFormat.read(Json.parse(text, "p"), game, "p"), pi);
          // the floating reader of an exact file gives the nearest doubles
          DoublePolicy d = PolicyFormat.readDouble(Json.parse(text, "p"), game, "p");
          assertThat(d.prob(0, 0, 0)).isEqualTo(pi.prob(0, 0, 0).doubleValue());
        });
  }

  @Test
  void labelsMayReplaceIndicesAtEveryLevel() {
    MarkovGame g = Catalog.of("distancing", Map.of("agents", 2));
    String text = "{\"format\": \"mpgref-policy/1\", \"policy\": {"
        + "\"0\": {\"safe\": {\"A\": \"1/2\", \"B\": \"1/2\", \"C\": 0, \"D\": 0}, \"distancing\": [0, 0, 0, 1]},"
        + "\"1\": [[0.25, 0.25, 0.25, 0.25], {\"D\": 1, \"C\": 0, \"B\": 0, \"A\": 0}]}}";
    Policy p = PolicyFormat.read(Json.parse(text, "p"), g, "p");
    assertThat(p.row(0, 0)).containsExactly(BigFraction.of(1, 2), BigFraction.of(1, 2), BigFraction.ZERO,
        BigFraction.ZERO);
    assertThat(p.row(1, 1)).containsExactly(BigFraction.ZERO, BigFraction.ZERO, BigFraction.ZERO, BigFraction.ONE);
    String missing = text.replace("\"C\": 0, \"D\": 0}", "\"C\": 0}");
    assertThatThrownBy(() -> PolicyFormat.read(Json.parse(missing, "p"), g, "p"))
        .isInstanceOf(FormatException.class).hasMessageStartingWith("p: policy.0.safe.D: missing");
    String unknown = text.replace("\"safe\"", "\"sfe\"");
    assertThatThrownBy(() -> PolicyFormat.read(Json.parse(unknown, "p"), g, "p"))
        .isInstanceOf(FormatException.class).hasMessageStartingWith("p: policy.0.sfe: is not a label");
  }

  @Test
  void floatingPoliciesAreRoundedOntoTheSimplexWithAnExactDistance() {
    MarkovGame g = RandomGames.game(1, 2, 2, 3L);
    String text = "{\"format\": \"mpgref-policy/1\", \"policy\": [[[0.3333333333, 0.6666666666]],"
        + " [[1e-12, 0.999999999999]]]}";
    assertThatThrownBy(() -> PolicyFormat.read(Json.parse(text, "f"), g, "f")).isInstanceOf(FormatException.class)
        .hasMessageContaining("policy[0][0]: pi_0(.|s=0) sums to");
    DoublePolicy d = PolicyFormat.readDouble(Json.parse(text, "f"), g, "f");
    PolicyRounding.Rounded r = PolicyRounding.toDecimalGrid(d, 3);
    assertThat(r.policy().row(0, 0)).containsExactly(BigFraction.of(333, 1000), BigFraction.of(667, 1000));
    assertThat(r.policy().row(1, 0)).containsExactly(BigFraction.ZERO, BigFraction.ONE);
    BigFraction expected = BigFraction.ZERO;
    double[][] xs = {{0.3333333333, 0.6666666666}, {1e-12, 0.999999999999}};
    BigFraction[][] qs = {{BigFraction.of(333, 1000), BigFraction.of(667, 1000)}, {BigFraction.ZERO, BigFraction.ONE}};
    for (int i = 0; i < 2; i++) {
      for (int a = 0; a < 2; a++) {
        expected = expected.add(BigFraction.from(xs[i][a]).subtract(qs[i][a]).abs());
      }
    }
    assertThat(r.l1Distance()).isEqualTo(expected);
    String far = text.replace("0.6666666666", "0.7");
    assertThatThrownBy(() -> PolicyFormat.readDouble(Json.parse(far, "f"), g, "f"))
        .isInstanceOf(FormatException.class).hasMessageContaining("within 1e-9");
  }

  @Test
  void exactAndFloatingHistoriesRoundTrip() {
    TabularMarkovGame g = RandomGames.game(2, 2, 2, 11L);
    List<Policy> exact = List.of(Policy.uniform(g), RandomGames.policy(g, RandomGames.rng(5L)));
    JsonNode doc = Json.parse(Json.write(PolicyHistoryFormat.write(exact, g, 0)), "h");
    List<Policy> back = PolicyHistoryFormat.read(doc, g, "h");
    assertThat(back).hasSize(2);
    assertSamePolicy(back.get(1), exact.get(1));

    List<Iterate> run = DoubleDynamics.run(g.toDouble(), Algorithm.INPG, 0.1, 5, 0, t -> { });
    List<DoublePolicy> floating = run.stream().map(Iterate::policy).toList();
    JsonNode fdoc = Json.parse(Json.write(PolicyHistoryFormat.writeDouble(floating, g)), "h");
    List<DoublePolicy> fback = PolicyHistoryFormat.readDouble(fdoc, g, "h");
    for (int t = 0; t < floating.size(); t++) {
      for (int s = 0; s < 2; s++) {
        for (int i = 0; i < 2; i++) {
          for (int a = 0; a < 2; a++) {
            assertThat(fback.get(t).prob(i, s, a)).isEqualTo(floating.get(t).prob(i, s, a));
          }
        }
      }
    }
    List<Policy> exactFromFloating = PolicyHistoryFormat.read(fdoc, g, "h");
    assertSamePolicy(exactFromFloating.get(3), Policy.ofDoublePolicy(floating.get(3)));
    String wrong = Json.write(fdoc).replace("\"floating\"", "\"float\"");
    assertThatThrownBy(() -> PolicyHistoryFormat.read(Json.parse(wrong, "h"), g, "h"))
        .isInstanceOf(FormatException.class).hasMessageStartingWith("h: numbers: ");
  }
}
