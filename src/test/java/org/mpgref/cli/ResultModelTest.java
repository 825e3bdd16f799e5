package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.Catalog;
import org.mpgref.evaluation.BestResponse;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.PolicyRounding;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;
import org.mpgref.io.Result;
import org.mpgref.io.ResultItem;
import org.mpgref.io.ResultValue;
import org.mpgref.io.Results;
import org.mpgref.io.ResultsFormat;
import org.mpgref.io.Tables;
import org.mpgref.io.Text;
import org.mpgref.potential.PotentialCheck;
import org.mpgref.theory.TheoryBounds;

/**
 * The results model: each command's one {@link Result}, rendered as tagged lines ({@link Tagged#result}) and as JSON
 * ({@link ResultsFormat#json}), agrees entry for entry. The check walks the tagged lines in order against the items;
 * for each printed value that has a JSON key it reads the value back from the JSON parsed by Jackson (at the key
 * path and the cell's index) and compares exactly (as BigFraction, never through double; counts, flags and words
 * as such), and each label of a table line is compared with the label the JSON header gives for that index. Also:
 * labels with CR, NEL (U+0085) and U+2028 are escaped in both renderings, and malformed models are refused.
 */
class ResultModelTest {
  private static final String NASTY = "x\rNASHGAP 0\u0085\u2028y";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static MarkovGame game(String file) throws Exception {
    return GameFormat.read(new StringReader(Files.readString(Path.of(file))), file);
  }

  private static Policy policy(MarkovGame g) throws Exception {
    return PolicyFormat.read(new StringReader(Files.readString(Path.of(CommandsTest.POLICY))), g, "policy");
  }

  // ---- the agreement check ------------------------------------------------------------------------------------

  /** Splits a tagged line into its fields; a field starting with " is a JSON string (decoded). */
  private static List<String> fields(String line) throws Exception {
    List<String> out = new ArrayList<>();
    int k = 0;
    while (k < line.length()) {
      int end;
      if (line.charAt(k) == '"') {
        end = k + 1;
        while (line.charAt(end) != '"') {
          end += line.charAt(end) == '\\' ? 2 : 1;
        }
        end++;
        out.add(MAPPER.readValue(line.substring(k, end), String.class));
      } else {
        end = line.indexOf(' ', k);
        end = end < 0 ? line.length() : end;
        out.add(line.substring(k, end));
      }
      k = end + 1;
    }
    return out;
  }

  private static BigFraction fraction(String s) {
    int slash = s.indexOf('/');
    return slash < 0 ? BigFraction.of(new BigInteger(s))
        : BigFraction.of(new BigInteger(s.substring(0, slash)), new BigInteger(s.substring(slash + 1)));
  }

  private static BigFraction fraction(JsonNode n) {
    JsonNode x = n.isObject() ? n.get("exact") : n;
    return x.isIntegralNumber() ? BigFraction.of(x.bigIntegerValue()) : fraction(x.textValue());
  }

  /** The JSON node at a key path, a {@code *} taking the next index position. */
  private static JsonNode at(JsonNode root, String key, List<Integer> index) {
    JsonNode n = root;
    int used = 0;
    for (String seg : key.split("/")) {
      n = seg.equals("*") ? n.get(index.get(used++)) : n.get(seg);
      assertThat(n).as(key).isNotNull();
    }
    for (int k = used; k < index.size(); k++) {
      n = n.get(index.get(k));
    }
    return n;
  }

  /**
   * Reads the printed fields starting at {@code k} as the value v and compares them with the JSON node (when
   * given); returns the position after the value's fields.
   */
  private static int value(List<String> f, int k, ResultValue v, Optional<JsonNode> json, int digits) {
    if (v instanceof ResultValue.Exact x) {
      assertThat(fraction(f.get(k))).isEqualTo(x.value());
      json.ifPresent(n -> assertThat(fraction(n)).isEqualTo(fraction(f.get(k))));
      if (digits > 0) {
        json.ifPresent(n -> assertThat(n.get("decimal").textValue()).isEqualTo(f.get(k + 1)));
        return k + 2;
      }
    } else if (v instanceof ResultValue.Count c) {
      assertThat(f.get(k)).isEqualTo(Long.toString(c.value()));
      json.ifPresent(n -> assertThat(n.bigIntegerValue()).isEqualTo(new BigInteger(f.get(k))));
    } else if (v instanceof ResultValue.Flag b) {
      assertThat(f.get(k)).isEqualTo(Boolean.toString(b.value()));
      json.ifPresent(n -> assertThat(n.isBoolean() && n.booleanValue() == Boolean.parseBoolean(f.get(k))).isTrue());
    } else {
      assertThat(f.get(k)).isEqualTo(((ResultValue.Word) v).value());
      json.ifPresent(n -> assertThat(n.textValue()).isEqualTo(f.get(k)));
    }
    return k + 1;
  }

  /** The label the JSON header gives to position {@code d} of a table cell (agent i, state s, action a of i). */
  private static String headerLabel(JsonNode json, ResultItem.Table t, ResultItem.Cell c, int d) {
    int agentAxis = t.axes().indexOf("agent");
    int agent = -1;
    if (agentAxis >= 0) {
      agent = c.index().get(agentAxis);
      if (t.key().orElse("").startsWith("bestResponses/*")) {
        agent = json.get("bestResponses").get(c.index().get(0)).get("agent").intValue();
      }
    }
    String axis = t.axes().get(d);
    int x = c.index().get(d);
    if (axis.equals("agent")) {
      return json.get("agents").get(agent).get("label").textValue();
    } else if (axis.equals("state")) {
      return json.get("states").get(x).textValue();
    }
    return json.get("agents").get(agent).get("actions").get(x).textValue();
  }

  /** Checks that the tagged lines and the JSON of a result agree entry for entry; returns the parsed JSON. */
  static JsonNode agree(Result r, int digits) throws Exception {
    String[] lines = new Tagged(digits).result(r).toString().split("\n", -1);
    JsonNode json = MAPPER.readTree(Json.write(ResultsFormat.json(r, digits)));
    assertThat(json.get("format").textValue()).isEqualTo(ResultsFormat.FORMAT);
    assertThat(json.get("kind").textValue()).isEqualTo(r.header().kind());
    int n = 0;
    for (ResultItem item : r.items()) {
      if (item instanceof ResultItem.Line l && l.tag().isPresent()) {
        List<String> f = fields(lines[n++]);
        assertThat(f.get(0)).isEqualTo(l.tag().get());
        int k = 1;
        for (ResultItem.Field x : l.fields()) {
          k = value(f, k, x.value(), x.key().map(key -> at(json, key, List.of())), digits);
        }
        assertThat(k).isEqualTo(f.size());
      } else if (item instanceof ResultItem.Table t && t.tag().isPresent()) {
        for (ResultItem.Cell c : t.cells()) {
          List<String> f = fields(lines[n++]);
          assertThat(f.get(0)).isEqualTo(t.tag().get());
          for (int d = 0; d < t.axes().size(); d++) {
            assertThat(f.get(1 + d)).isEqualTo(c.labels().get(d));
            if (t.key().isPresent() && json.has("agents")) {
              assertThat(f.get(1 + d)).isEqualTo(headerLabel(json, t, c, d));
            }
          }
          int k = value(f, 1 + t.axes().size(), c.value(), t.key().map(key -> at(json, key, c.index())), digits);
          assertThat(k).isEqualTo(f.size());
        }
      } else if (item instanceof ResultItem.Entries es) {
        JsonNode arr = json.get(es.key());
        assertThat(arr).hasSize(es.entries().size());
        for (int e = 0; e < es.entries().size(); e++) {
          JsonNode o = arr.get(e);
          List<String> f = fields(lines[n++]);
          assertThat(f.get(0)).isEqualTo(o.get("tag").textValue());
          for (int q = 0; q < o.get("qualifiers").size(); q++) {
            assertThat(f.get(1 + q)).isEqualTo(o.get("qualifiers").get(q).textValue());
          }
          String last = f.get(1 + o.get("qualifiers").size());
          if (o.has("value")) {
            assertThat(fraction(last)).isEqualTo(fraction(o.get("value")));
          } else {
            assertThat(last).isEqualTo(o.get("status").textValue());
          }
          for (String extra : List.of("source", "note")) {
            if (o.has(extra)) {
              assertThat(lines[n++]).isEqualTo("# " + Text.escape(o.get("tag").textValue() + " " + extra + ": "
                  + o.get(extra).textValue()));
            }
          }
        }
      } else if (item instanceof ResultItem.Comment c) {
        for (String l : c.text().split("\n", -1)) {
          assertThat(lines[n++]).isEqualTo("# " + Text.escape(l));
        }
      }
    }
    assertThat(n).as("every line is an item's").isEqualTo(lines.length - 1);
    assertThat(lines[n]).isEmpty();
    return json;
  }

  // ---- the commands ------------------------------------------------------------------------------------------

  @Test
  void evalAgreesWithAndWithoutAPotential() throws Exception {
    MarkovGame ts = game(CommandsTest.GAME);
    JsonNode j = agree(Results.evaluation(Evaluation.of(ts, policy(ts))), 0);
    // proofs-notes/two-state-two-agent-example.md section 1.3: V_0(0) = 22/15, V_1(1) = 2, Qbar_0(0, 0) = 67/45
    assertThat(fraction(j.get("values").get(0).get(0))).isEqualTo(BigFraction.of(22, 15));
    assertThat(fraction(j.get("qBar").get(0).get(0).get(0))).isEqualTo(BigFraction.of(67, 45));
    assertThat(j.has("potential")).isFalse();
    MarkovGame d = Catalog.published("distancing", 2);
    JsonNode jd = agree(Results.evaluation(Evaluation.of(d, Policy.uniform(d))), 3);
    assertThat(jd.get("potential").get("values")).hasSize(2);
    assertThat(jd.get("potential").has("atRho")).isTrue();
  }

  @Test
  void bestResponseAgreesForAllAgentsAndForOne() throws Exception {
    MarkovGame g = game(CommandsTest.GAME);
    Evaluation ev = Evaluation.of(g, policy(g));
    agree(Results.bestResponse(ev, List.of(BestResponse.of(ev, 0), BestResponse.of(ev, 1))), 0);
    JsonNode one = agree(Results.bestResponse(ev, List.of(BestResponse.of(ev, 1))), 2);
    assertThat(one.get("bestResponses")).hasSize(1);
    assertThat(one.get("bestResponses").get(0).get("agent").intValue()).isEqualTo(1);
  }

  @Test
  void nashGapAgreesPlainAndCertified() throws Exception {
    MarkovGame g = game(CommandsTest.GAME);
    JsonNode plain = agree(Results.nashGap(NashGap.of(g, policy(g))), 0);
    // proofs-notes/two-state-two-agent-example.md section 1.9: Nash gap = max(1/60, 64/105) = 64/105, V_1^* = 26/7
    assertThat(fraction(plain.get("nashGap"))).isEqualTo(BigFraction.of(64, 105));
    assertThat(fraction(plain.get("bestResponses").get(1).get("values").get(0))).isEqualTo(BigFraction.of(26, 7));
    PolicyRounding.Rounded r = PolicyRounding.toDecimalGrid(PolicyFormat.readDouble(
        Json.parse(Files.readString(Path.of(CommandsTest.FLOATING)), "floating"), g, "floating"), 2);
    JsonNode certified = agree(Results.certifiedNashGap(NashGap.of(g, r.policy()), r), 3);
    List<String> members = new ArrayList<>();
    certified.fieldNames().forEachRemaining(members::add);
    assertThat(members.get(members.size() - 1)).isEqualTo("rounding");
    assertThat(certified.get("rounding").get("decimalDigits").intValue()).isEqualTo(2);
  }

  @Test
  void checkPotentialAgreesForEachOutcome() throws Exception {
    MarkovGame coordination = game("examples/coordination.game.json");
    JsonNode c = agree(Results.potentialCheck(PotentialCheck.check(coordination, 5, 3), coordination), 0);
    assertThat(c.get("outcome").textValue()).isEqualTo("certified");
    MarkovGame notMpg = Catalog.published("potential-states-not-mpg", null);
    Result r = Results.potentialCheck(PotentialCheck.check(notMpg, 20, 1), notMpg);
    JsonNode m = agree(r, 2);
    assertThat(m.get("outcome").textValue()).isEqualTo("not-an-mpg");
    JsonNode ce = m.get("counterexample");
    String cycle = new Tagged(0).result(r).toString().lines().filter(l -> l.startsWith("CYCLESUM ")).findFirst()
        .orElseThrow();
    assertThat(fields(cycle).subList(1, 4)).containsExactly(
        m.get("agents").get(ce.get("agentI").intValue()).get("label").textValue(),
        m.get("agents").get(ce.get("agentJ").intValue()).get("label").textValue(), ce.get("stateLabel").textValue());
    MarkovGame zeroSum = Catalog.published("zero-sum-state-mpg", null);
    JsonNode z = agree(Results.potentialCheck(PotentialCheck.check(zeroSum, 20, 1), zeroSum), 0);
    assertThat(z.get("outcome").textValue()).isEqualTo("no-counterexample");
    assertThat(z.get("trialsRun").intValue()).isEqualTo(20);
  }

  @Test
  void boundsAgree() throws Exception {
    MarkovGame d = Catalog.published("distancing", 2);
    TheoryBounds b = TheoryBounds.of(d, TheoryBounds.Expensive.NEVER);
    assertThat(agree(Results.bounds(b, d), 0).get("constants")).hasSize(b.constants().size());
  }

  @Test
  void learnSummaryAgrees() throws Exception {
    MarkovGame g = game(CommandsTest.GAME);
    NashGap gaps = NashGap.of(g, policy(g));
    JsonNode j = agree(Results.learn(g.name(), "given", BigFraction.of(1, 7), 3, "iterations", gaps, true,
        "out file.json"), 2);
    assertThat(j.get("etaRule").textValue()).isEqualTo("given");
    assertThat(j.get("out").textValue()).isEqualTo("out file.json");
  }

  // ---- escaping and the model's own rules ----------------------------------------------------------------------

  private static Result nastyTable() {
    Result.Header h = new Result.Header("evaluation", Optional.of(NASTY),
        Optional.of(List.of(new Result.Agent(NASTY, List.of(NASTY)))), List.of(NASTY, "s"));
    List<ResultItem.Cell> cells = List.of(
        new ResultItem.Cell(List.of(0, 0), List.of(NASTY, NASTY), ResultValue.exact(BigFraction.of(1, 3))),
        new ResultItem.Cell(List.of(0, 1), List.of(NASTY, "s"), ResultValue.word(NASTY)));
    return new Result.Builder(h).table("V", "values", new Tables.Cells(List.of("agent", "state"), cells))
        .line("WORD", "word", ResultValue.word(NASTY)).comment(NASTY).build();
  }

  @Test
  void tableLabelsWithLineBreaksAreEscapedInBoth() throws Exception {
    Result r = nastyTable();
    String tagged = new Tagged(0).result(r).toString();
    assertThat(tagged).doesNotContain("\r", "\u0085", "\u2028");
    String q = "\"x\\u000dNASHGAP 0\\u0085\\u2028y\"";
    assertThat(tagged).isEqualTo("V " + q + " " + q + " 1/3\nV " + q + " s " + q + "\nWORD " + q
        + "\n# x\\u000dNASHGAP 0\\u0085\\u2028y\n");
    String json = Json.write(ResultsFormat.json(r, 0));
    assertThat(json).doesNotContain("\r", "\u0085", "\u2028");
    JsonNode back = agree(r, 0);
    assertThat(back.get("values").get(0).get(1).textValue()).isEqualTo(NASTY);
    assertThat(back.get("agents").get(0).get("actions").get(0).textValue()).isEqualTo(NASTY);
    assertThat(back.get("states").get(0).textValue()).isEqualTo(NASTY);
  }

  @Test
  void constantsWithLineBreaksAreEscapedInBoth() throws Exception {
    ResultItem.Entry e = Result.Builder.entry("LABEL", List.of(NASTY), BigFraction.of(4), null, NASTY, NASTY);
    ResultItem.Entry text = Result.Builder.entry("INPGSTEP", List.of("q one"), null, "not-applicable", null, "n");
    Result r = new Result.Builder(Result.Header.bare("bounds")).entries("constants", List.of(e, text)).build();
    String tagged = new Tagged(0).result(r).toString();
    assertThat(tagged).startsWith("LABEL \"x\\u000dNASHGAP 0\\u0085\\u2028y\" 4\n"
        + "# LABEL source: x\\u000dNASHGAP 0\\u0085\\u2028y\n");
    assertThat(tagged).contains("INPGSTEP \"q one\" not-applicable\n");
    JsonNode back = agree(r, 0);
    assertThat(back.get("constants").get(0).get("note").textValue()).isEqualTo(NASTY);
    assertThat(back.get("constants").get(1).get("status").textValue()).isEqualTo("not-applicable");
  }

  @Test
  void jsonOnlyAndPrintedOnlyPartsStayInTheirRendering() throws Exception {
    Result r = new Result.Builder(Result.Header.bare("x"))
        .json("hidden", new ResultValue.Null())
        .line("SHOWN", Result.printed(ResultValue.count(7)), Result.field("n", ResultValue.count(8)))
        .table(null, "t", new Tables.Cells(List.of("state"), List.of(
            new ResultItem.Cell(List.of(0), List.of("s"), ResultValue.flag(true)))))
        .build();
    assertThat(new Tagged(0).result(r).toString()).isEqualTo("SHOWN 7 8\n");
    assertThat(Json.write(ResultsFormat.json(r, 0)).replaceAll("\\s", ""))
        .isEqualTo("{\"format\":\"mpgref-results/1\",\"kind\":\"x\",\"hidden\":null,\"n\":8,\"t\":[true]}");
    // the exit status of a command is read from its result's line fields (tables and absent keys are not fields)
    assertThat(r.member("n")).contains(ResultValue.count(8));
    assertThat(r.member("t")).isEmpty();
    assertThat(r.holds("hidden")).isFalse();
    Result yes = new Result.Builder(Result.Header.bare("x")).line("CERTIFIED", "ok", ResultValue.flag(true)).build();
    assertThat(yes.holds("ok")).isTrue();
    assertThat(yes.holds("other")).isFalse();
  }

  @Test
  void malformedModelsAreRefused() {
    assertThatThrownBy(() -> Result.Builder.entry("X", List.of(), BigFraction.ONE, "word", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Result.Builder.entry("X", List.of(), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    ResultValue one = ResultValue.count(1);
    // a gap in row-major order, and an index that does not start at 0
    assertThatThrownBy(() -> new ResultItem.Table(Optional.of("T"), Optional.empty(), List.of("s"),
        List.of(new ResultItem.Cell(List.of(0), List.of("a"), one), new ResultItem.Cell(List.of(2), List.of("b"),
            one)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row-major");
    assertThatThrownBy(() -> new ResultItem.Table(Optional.of("T"), Optional.empty(), List.of("s"),
        List.of(new ResultItem.Cell(List.of(1), List.of("a"), one)))).hasMessageContaining("row-major");
    // a printed null, a JSON-only field without key, a * on a line, more * than axes
    assertThatThrownBy(() -> new Result.Builder(Result.Header.bare("x")).line("T", "k", new ResultValue.Null()))
        .hasMessageContaining("null");
    assertThatThrownBy(() -> new ResultItem.Line(Optional.empty(), List.of(Result.printed(one))))
        .hasMessageContaining("key");
    assertThatThrownBy(() -> new Result.Builder(Result.Header.bare("x")).json("a/*/b", one))
        .hasMessageContaining("*");
    assertThatThrownBy(() -> new ResultItem.Table(Optional.empty(), Optional.of("a/*/*/b"), List.of("s"),
        List.of(new ResultItem.Cell(List.of(0), List.of("a"), one)))).hasMessageContaining("*");
    // a JSON order that misses a member
    Result r = new Result.Builder(Result.Header.bare("x")).json("a", one).json("b", one).jsonOrder("b").build();
    assertThatThrownBy(() -> ResultsFormat.json(r, 0)).isInstanceOf(IllegalStateException.class);
  }
}
