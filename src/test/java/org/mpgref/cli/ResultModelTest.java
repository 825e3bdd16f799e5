package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.Catalog;
import org.mpgref.io.Json;
import org.mpgref.io.Result;
import org.mpgref.io.ResultsFormat;
import org.mpgref.theory.TheoryBounds;

/**
 * The results model: one {@link Result} rendered as tagged lines ({@link Tagged#result}) and as JSON
 * ({@link ResultsFormat#entries}) agrees entry for entry (the JSON parsed back with Jackson, the lines rebuilt from it
 * by hand); control characters are escaped in both; exact values print as p/q.
 */
class ResultModelTest {
  private static final String NASTY = "x\rNASHGAP 0\u0085\u2028y";

  private static Result sample() {
    return new Result.Builder()
        .add("GAMMA", List.of(), BigFraction.of(99, 100), null, "the game", null)
        .add("MISMATCH", List.of("bound"), BigFraction.of(-7, 3), null, "Lemma 1", "a note")
        .add("INPGSTEP", List.of("q one"), null, "not-applicable", null, "rewards not in [0,1]")
        .add("LABEL", List.of(NASTY), BigFraction.of(4), null, NASTY, NASTY)
        .build();
  }

  /** The tagged lines a JSON entries array stands for, rebuilt from the parsed JSON (not from the Result). */
  private static List<String> linesOf(JsonNode entries) {
    List<String> lines = new ArrayList<>();
    for (JsonNode e : entries) {
      StringBuilder b = new StringBuilder(e.get("tag").textValue());
      for (JsonNode q : e.get("qualifiers")) {
        b.append(' ').append(Tagged.label(q.textValue()));
      }
      JsonNode v = e.get("value");
      b.append(' ').append(v != null ? v.asText() : Tagged.label(e.get("status").textValue()));
      lines.add(b.toString());
      String tag = e.get("tag").textValue();
      if (e.has("source")) {
        lines.add("# " + org.mpgref.io.Text.escape(tag + " source: " + e.get("source").textValue()));
      }
      if (e.has("note")) {
        lines.add("# " + org.mpgref.io.Text.escape(tag + " note: " + e.get("note").textValue()));
      }
    }
    return lines;
  }

  @Test
  void taggedLinesAndJsonAgreeEntryForEntry() throws Exception {
    Result r = sample();
    String tagged = new Tagged(0).result(r).toString();
    JsonNode json = new ObjectMapper().readTree(Json.write(ResultsFormat.entries(r, 0)));
    assertThat(json).hasSize(4);
    assertThat(tagged.split("\n", -1)).containsExactlyElementsOf(append(linesOf(json), ""));
  }

  @Test
  void theBoundsOfACatalogGameAgreeEntryForEntry() throws Exception {
    TheoryBounds b = TheoryBounds.of(Catalog.published("distancing", 2), TheoryBounds.Expensive.NEVER);
    Result r = ResultsFormat.boundsResult(b);
    JsonNode json = new ObjectMapper().readTree(Json.write(ResultsFormat.entries(r, 0)));
    assertThat(json.size()).isEqualTo(b.constants().size());
    assertThat(new Tagged(0).result(r).toString().split("\n", -1))
        .containsExactlyElementsOf(append(linesOf(json), ""));
  }

  private static List<String> append(List<String> l, String last) {
    List<String> c = new ArrayList<>(l);
    c.add(last);
    return c;
  }

  @Test
  void exactValuesPrintAsPOverQ() {
    String tagged = new Tagged(0).result(sample()).toString();
    assertThat(tagged).startsWith("GAMMA 99/100\n# GAMMA source: the game\nMISMATCH bound -7/3\n");
    assertThat(tagged).contains("INPGSTEP \"q one\" not-applicable\n");
    JsonNode json = ResultsFormat.entries(sample(), 0);
    assertThat(json.get(0).get("value").textValue()).isEqualTo("99/100");
    assertThat(json.get(1).get("value").textValue()).isEqualTo("-7/3");
    assertThat(json.get(3).get("value").isIntegralNumber()).isTrue();
    assertThat(json.get(2).has("value")).isFalse();
    assertThat(json.get(2).get("status").textValue()).isEqualTo("not-applicable");
  }

  @Test
  void controlCharactersAreEscapedInBoth() throws Exception {
    Result r = sample();
    String tagged = new Tagged(0).result(r).toString();
    for (String line : tagged.split("\n")) {
      assertThat(line).doesNotContain("\r", "\u0085", "\u2028");
    }
    assertThat(tagged).contains("LABEL \"x\\u000dNASHGAP 0\\u0085\\u2028y\" 4\n");
    assertThat(tagged).contains("# LABEL source: x\\u000dNASHGAP 0\\u0085\\u2028y\n");
    String json = Json.write(ResultsFormat.entries(r, 0));
    assertThat(json).doesNotContain("\r", "\u0085", "\u2028");
    JsonNode back = new ObjectMapper().readTree(json);
    assertThat(back.get(3).get("qualifiers").get(0).textValue()).isEqualTo(NASTY);
    assertThat(back.get(3).get("note").textValue()).isEqualTo(NASTY);
  }

  @Test
  void anEntryHasEitherAValueOrAText() {
    assertThatThrownBy(() -> new Result.Builder().add("X", List.of(), BigFraction.ONE, "word", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Result.Builder().add("X", List.of(), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
