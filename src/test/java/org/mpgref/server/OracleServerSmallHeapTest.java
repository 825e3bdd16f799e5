package org.mpgref.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.RandomTabularGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.Json;
import org.mpgref.io.Results;
import org.mpgref.io.ResultsFormat;

/**
 * The server in a child JVM under -Xmx256m, fed interleaved good, bad and oversized requests: every good request is
 * answered exactly (the same result document as the library computes in this JVM), every bad one with ok:false and
 * an error that starts with the field it names, in request order, and the server is alive at the end.
 */
class OracleServerSmallHeapTest {
  private static final MarkovGame GAME = RandomTabularGame.of(11L, 2, 3, 2);
  private static final Policy POLICY = RandomTabularGame.policy(GAME, 12L);
  private static final MarkovGame IDENTICAL = ServerRequests.identicalInterest(RandomTabularGame.of(5L, 6, 3, 3));
  private static final MarkovGame EIGHT = RandomTabularGame.of(3L, 2, 8, 2);

  /** One request and what its response must be. */
  private record Step(String request, String expect) {}

  private final List<Step> steps = new ArrayList<>();
  private int id;

  private void good(String request, String expectedResult) {
    steps.add(new Step(request, "=" + expectedResult));
  }

  private void ok(String request) {
    steps.add(new Step(request, "ok"));
  }

  private void bad(String request, String errorStart) {
    steps.add(new Step(request, "!" + errorStart));
  }

  private String evalExpected() {
    return Json.write(ResultsFormat.json(Results.evaluation(Evaluation.of(GAME, POLICY)), 0));
  }

  private void goodEval() {
    good(ServerRequests.ask(++id, "eval", "g1", GAME, POLICY), evalExpected());
  }

  private String raw(String op, String fields) {
    return "{\"id\":" + (++id) + ",\"op\":\"" + op + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  private static void check(List<Step> steps, ServerProcess.Session s) {
    assertThat(s.responses()).as("one response per request").hasSize(steps.size());
    for (int k = 0; k < steps.size(); k++) {
      Step step = steps.get(k);
      JsonNode r = Json.parse(s.responses().get(k), "response " + k);
      String what = "request " + k + ": " + step.request().substring(0, Math.min(160, step.request().length()))
          + " -> " + s.responses().get(k).substring(0, Math.min(300, s.responses().get(k).length()));
      if (step.expect().startsWith("!")) {
        assertThat(r.get("ok").asBoolean()).as(what).isFalse();
        assertThat(r.get("error").asText()).as(what).startsWith(step.expect().substring(1))
            .doesNotContain("Exception").doesNotContain("\n");
      } else {
        assertThat(r.get("ok").asBoolean()).as(what).isTrue();
        if (step.expect().startsWith("=")) {
          assertThat(Json.write(r.get("result"))).as(what).isEqualTo(step.expect().substring(1));
        }
      }
    }
    assertThat(s.exitCode()).isZero();
    for (String line : s.stderr()) {
      assertThat(line).startsWith("mpgref serve: ").doesNotContain("\tat ");
    }
  }

  @Test
  void everyGoodRequestIsAnsweredExactlyAndEveryBadOneNamesItsField() throws Exception {
    ok(ServerRequests.load(++id, GAME));
    goodEval();
    good(ServerRequests.ask(++id, "nash-gap", "g1", GAME, POLICY),
        Json.write(ResultsFormat.json(Results.nashGap(NashGap.of(Evaluation.of(GAME, POLICY))), 0)));
    String[][] wrong = {
        {"trials", "\"abc\"", "true", "2.7", "1e30", "2.0", "0", "-1", "100001", "null", "{}", "[20]"},
        {"seed", "\"x\"", "1.5", "true", "9223372036854775808", "null", "[]"},
        {"digits", "\"3\"", "-1", "1001", "2.5", "false", "null"},
        {"maxSeconds", "\"1\"", "0", "-1", "1000", "true", "null"},
        {"maxWork", "1.5", "\"1\"", "0", "1e20", "100000000000000000000", "null"},
        {"maxDigits", "\"5\"", "0", "1000000000", "2.5", "null"},
        {"game", "5", "true", "null", "{}", "\"\"", "\"g9\""}};
    for (String[] field : wrong) {
      for (int k = 1; k < field.length; k++) {
        String others = field[0].equals("game") ? "" : "\"game\":\"g1\",";
        bad(raw("check-potential", others + "\"" + field[0] + "\":" + field[k]), field[0] + ": ");
      }
      goodEval();
    }
    for (String v : new String[] {"\"p\"", "3", "[]", "null"}) {
      bad(raw("eval", "\"game\":\"g1\",\"policy\":" + v), "policy: ");
    }
    bad(raw("eval", "\"game\":\"g1\",\"policy\":{\"format\":\"mpgref-policy/1\",\"policy\":[]}"), "policy: ");
    bad(raw("eval", "\"game\":\"g1\""), "policy: missing");
    for (String v : new String[] {"\"text\"", "5", "[]"}) {
      bad(raw("load", "\"game\":" + v), "game: ");
    }
    bad(raw("load", "\"game\":{\"format\":\"mpgref-game/2\"}"), "game: ");
    bad(raw("ping", "\"bogus\":1"), "bogus: unknown field");
    bad(raw("eval", "\"game\":\"g1\",\"trials\":3,\"policy\":{}"), "trials: unknown field");
    bad(raw("unload", "\"game\":7"), "game: ");
    for (String v : new String[] {"5", "\"fly\"", "null", "\"\""}) {
      bad("{\"id\":" + (++id) + ",\"op\":" + v + "}", "op: ");
    }
    bad("{\"id\":" + (++id) + "}", "op: missing");
    for (String v : new String[] {"[1]", "{}", "1.5", "true", "null", "18446744073709551616"}) {
      bad("{\"id\":" + v + ",\"op\":\"ping\"}", "id: ");
    }
    bad("this is not json", "request line ");
    bad("[1,2]", "request line ");
    goodEval();
    // oversized: a line over --max-input-bytes (4 MB under -Xmx256m), skipped unread
    bad("{\"id\":1,\"op\":\"ping\",\"pad\":\"" + "x".repeat(5_000_000) + "\"}", "request line ");
    goodEval();
    // a game over the budget, refused before it is built (it would need about 1.8 GB)
    bad(raw("load", "\"game\":{\"format\":\"mpgref-game/1\",\"catalog\":{\"name\":\"distancing\","
        + "\"parameters\":{\"agents\":120}}}"), "game: needs about ");
    goodEval();
    // work: over the server's --max-work, and over a limit the request lowered itself
    ok(ServerRequests.load(++id, EIGHT)); // g2
    bad(raw("check-potential", "\"game\":\"g2\",\"trials\":100000"), "check-potential (100000 trials");
    bad(raw("check-potential", "\"game\":\"g1\",\"trials\":20,\"maxWork\":1000"), "check-potential (20 trials");
    goodEval();
    // time: a check-potential that runs far longer than the request's maxSeconds
    ok(ServerRequests.load(++id, IDENTICAL)); // g3
    bad(raw("check-potential", "\"game\":\"g3\",\"trials\":250,\"maxSeconds\":0.3"), "check-potential: stopped");
    goodEval();
    ok(raw("check-potential", "\"game\":\"g3\",\"trials\":2"));
    // fill the budget (40% of the heap) with 8-agent tables (16 states, distinct 5-digit fractions); the next is
    // refused from its declared shape, before it is built; unloading gives the budget back
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      ok(ServerRequests.denseLoad(++id, 16, 8, k));
      keys.add("g" + (4 + k));
    }
    bad(ServerRequests.denseLoad(++id, 16, 8, 99), "game: needs about ");
    goodEval();
    for (String key : keys) {
      ok(raw("unload", "\"game\":\"" + key + "\""));
    }
    bad(raw("unload", "\"game\":\"g4\""), "game: no game");
    ok(ServerRequests.denseLoad(++id, 16, 8, 100));
    goodEval();
    ok(raw("ping", ""));
    ok(raw("shutdown", ""));
    List<String> lines = new ArrayList<>();
    steps.forEach(s -> lines.add(s.request()));
    ServerProcess.Session s = ServerProcess.run("256m", List.of("--request-seconds", "5", "--grace-seconds", "1",
        "--max-work", "1e9"), lines);
    check(steps, s);
    // at most one stderr line per failure (here: at most the abandoned time-limit request)
    assertThat(s.stderr()).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void outOfMemoryInARequestIsAnsweredAndUnloadGivesTheMemoryBack() throws Exception {
    // A budget far above the heap, so that the heap itself runs out: eight 24-state 8-agent tables (about 34 MB each on
    // the heap, each below the core's per-table bound of half the heap) cannot all fit in 256 MB, so some load runs
    // out of memory; it is answered and the server keeps serving. After every table is unloaded, the last table of
    // the eight loads again: the memory was given back.
    List<String> lines = new ArrayList<>();
    lines.add(ServerRequests.load(++id, GAME));
    int tables = 8;
    int firstTable = lines.size();
    for (int k = 0; k < tables; k++) {
      lines.add(ServerRequests.denseLoad(++id, 24, 8, k));
    }
    int evalAfter = lines.size();
    lines.add(ServerRequests.ask(++id, "eval", "g1", GAME, POLICY));
    lines.add(raw("ping", ""));
    int firstUnload = lines.size();
    for (int k = 0; k < tables; k++) {
      lines.add(raw("unload", "\"game\":\"g" + (k + 2) + "\""));
    }
    int reload = lines.size();
    lines.add(ServerRequests.denseLoad(++id, 24, 8, tables - 1));
    lines.add(ServerRequests.ask(++id, "eval", "g1", GAME, POLICY));
    lines.add(raw("shutdown", ""));
    ServerProcess.Session s = ServerProcess.run("256m", List.of("--max-loaded-bytes", "100G",
        "--request-seconds", "300"), lines); // no time limit in the way: collection near the heap's end is slow
    assertThat(s.responses()).hasSize(lines.size());
    List<JsonNode> r = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      r.add(Json.parse(s.responses().get(k), "response " + k));
    }
    int outOfMemory = 0;
    for (int k = firstTable; k < firstTable + tables; k++) {
      if (!r.get(k).get("ok").asBoolean()) {
        String error = r.get(k).get("error").asText();
        assertThat(error.startsWith("load: out of memory") || error.startsWith("server: out of memory"))
            .as("response %d: %s", k, error).isTrue();
        assertThat(error).doesNotContain("Exception");
        outOfMemory++;
      }
    }
    assertThat(outOfMemory).as("loads that ran out of memory").isPositive();
    for (int k = firstUnload; k < firstUnload + tables; k++) {
      JsonNode u = r.get(k);
      assertThat(u.get("ok").asBoolean() || u.get("error").asText().startsWith("game: no game")).as("unload %d", k)
          .isTrue();
    }
    assertThat(r.get(evalAfter).get("ok").asBoolean()).isTrue();
    assertThat(Json.write(r.get(evalAfter).get("result"))).isEqualTo(evalExpected());
    assertThat(r.get(reload).get("ok").asBoolean()).as(s.responses().get(reload)).isTrue();
    assertThat(Json.write(r.get(lines.size() - 2).get("result"))).isEqualTo(evalExpected());
    assertThat(s.exitCode()).isZero();
    // one line per out-of-memory event (in a request, or between requests while its answer was written)
    assertThat(s.stderr()).isNotEmpty().hasSizeLessThanOrEqualTo(outOfMemory + 1);
    assertThat(s.stderr()).allMatch(line -> line.startsWith("mpgref serve: out of memory"));
  }
}
