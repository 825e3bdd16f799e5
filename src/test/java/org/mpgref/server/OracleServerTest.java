package org.mpgref.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.RandomTabularGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;
import org.mpgref.io.Result;
import org.mpgref.io.Results;
import org.mpgref.io.ResultsFormat;
import org.mpgref.potential.PotentialCheck;

/** The JSON-lines server: answers equal the library's exact results (compared as canonical JSON text), every bad request gets an error naming the field, and it keeps serving. */
class OracleServerTest {
  private static final MarkovGame GAME = RandomTabularGame.of(11L, 2, 3, 2);
  private static final Policy POLICY = RandomTabularGame.policy(GAME, 12L);

  private static String load() {
    ObjectNode req = Json.nodes().objectNode();
    req.put("id", 1);
    req.put("op", "load");
    req.set("game", GameFormat.write(GAME));
    return Json.writeLine(req);
  }

  private static String eval(String op, String game) {
    ObjectNode req = Json.nodes().objectNode();
    req.put("id", op);
    req.put("op", op);
    req.put("game", game);
    req.set("policy", PolicyFormat.write(POLICY, GAME, 0));
    return Json.writeLine(req);
  }

  private static JsonNode[] session(String... lines) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    new OracleServer(ServerConfig.defaults(), new PrintStream(err, true, StandardCharsets.UTF_8)).serve(
        new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    String[] responses = out.toString(StandardCharsets.UTF_8).split("\n");
    JsonNode[] nodes = new JsonNode[responses.length];
    for (int k = 0; k < responses.length; k++) {
      nodes[k] = Json.parse(responses[k], "response " + k);
    }
    return nodes;
  }

  @Test
  void answersEqualTheLibrarysExactResults() throws Exception {
    JsonNode[] r = session(load(), eval("eval", "g1"), eval("nash-gap", "g1"),
        "{\"id\":9,\"op\":\"check-potential\",\"game\":\"g1\",\"trials\":4,\"seed\":1}", "{\"op\":\"shutdown\"}");
    assertThat(r).hasSize(5);
    assertThat(r[0].get("ok").asBoolean()).isTrue();
    assertThat(r[0].get("game").asText()).isEqualTo("g1");
    Evaluation ev = Evaluation.of(GAME, POLICY);
    assertThat(Json.write(r[1].get("result"))).isEqualTo(Json.write(ResultsFormat.json(Results.evaluation(ev), 0)));
    assertThat(Json.write(r[2].get("result")))
        .isEqualTo(Json.write(ResultsFormat.json(Results.nashGap(NashGap.of(ev)), 0)));
    assertThat(r[3].get("ok").asBoolean()).isTrue();
    // the CLI's check-potential result, under a header without the game's name and labels
    assertThat(Json.write(r[3].get("result"))).isEqualTo(Json.write(ResultsFormat.json(Results.potentialCheck(
        PotentialCheck.check(GAME, 4, 1), GAME).withHeader(Result.Header.bare("potential-check")), 0)));
    assertThat(r[3].get("result").has("agents")).isFalse();
    assertThat(r[4].get("shutdown").asBoolean()).isTrue();
  }

  @Test
  void badRequestsGetOneLineErrorsNamingTheFieldAndTheServerKeepsServing() throws Exception {
    JsonNode[] r = session(
        "this is not json",
        "{\"id\":2,\"op\":\"fly\"}",
        "{\"id\":3}",
        "{\"id\":4,\"op\":\"eval\",\"game\":\"g7\",\"policy\":{}}",
        load(),
        "{\"id\":6,\"op\":\"eval\",\"game\":\"g1\"}",
        "{\"id\":7,\"op\":\"eval\",\"game\":\"g1\",\"policy\":{\"format\":\"mpgref-policy/1\",\"policy\":[]}}",
        "{\"id\":8,\"op\":\"eval\",\"game\":\"g1\",\"policy\":{\"format\":\"mpgref-policy/1\",\"policy\":"
            + "[[[\"1/2\",\"1/3\"],[1,0]],[[1,0],[1,0]],[[1,0],[1,0]]]}}",
        "{\"id\":9,\"op\":\"load\",\"game\":{\"format\":\"mpgref-game/2\"}}",
        eval("eval", "g1"));
    assertThat(r).hasSize(10);
    String[] mustName = {"request line 1", "op", "op", "game", null, "policy", "policy", "sums", "format", null};
    for (int k = 0; k < r.length; k++) {
      if (mustName[k] == null) {
        assertThat(r[k].get("ok").asBoolean()).as("response %d", k).isTrue();
      } else {
        assertThat(r[k].get("ok").asBoolean()).as("response %d", k).isFalse();
        assertThat(r[k].get("error").asText()).as("response %d", k).contains(mustName[k]).doesNotContain("\n")
            .doesNotContain("Exception");
      }
    }
    assertThat(r[1].get("id").asInt()).isEqualTo(2);
    assertThat(Json.write(r[9].get("result")))
        .isEqualTo(Json.write(ResultsFormat.json(Results.evaluation(Evaluation.of(GAME, POLICY)), 0)));
  }
}
