package org.mpgref.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.cli.Main;
import org.mpgref.io.Json;

/**
 * The server's {@code bounds} operation: its result is the very document {@code mpgref bounds --json} prints (compared
 * as canonical JSON text), for the default, {@code never} and {@code always} modes and with decimals; the constants
 * of the one-state coordination game are those derived by hand; bad fields get one-line errors naming them; a
 * request's lowered work limit is enforced and named.
 */
class OracleServerBoundsTest {
  /** The one-state 2×2 coordination game, γ = 1/2, r = φ = [1, 0, 0, 1/2] (identical interest). */
  private static final String COORDINATION = "{\"format\": \"mpgref-game/1\", \"name\": \"coordination\","
      + " \"agents\": [{\"label\": \"0\", \"actions\": [\"0\", \"1\"]}, {\"label\": \"1\", \"actions\": [\"0\","
      + " \"1\"]}], \"states\": [\"0\"], \"gamma\": \"1/2\", \"rho\": [1], \"jointActionOrder\": \"agent0-fastest\","
      + " \"rewards\": [[1, 1, 0, 0, 0, 0, \"1/2\", \"1/2\"]], \"transitions\": [[[1], [1], [1], [1]]],"
      + " \"potential\": {\"condition\": \"identical-interest\", \"phi\": [[1, 0, 0, \"1/2\"]]}}";

  private static final String DISTANCING = "{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"distancing\","
      + " \"parameters\": {\"agents\": 2}}}";

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

  private static String load(String doc) {
    return "{\"op\":\"load\",\"game\":" + doc + "}";
  }

  /** The document {@code mpgref bounds GAME ARGS... --json} prints, parsed. */
  private static JsonNode cli(Path file, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 3];
    all[0] = "bounds";
    all[1] = file.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    all[all.length - 1] = "--json";
    int code = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as("bounds exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    return Json.parse(out.toString(StandardCharsets.UTF_8), "bounds --json");
  }

  private static String constant(JsonNode result, String tag) {
    for (JsonNode c : result.get("constants")) {
      if (c.get("tag").asText().equals(tag)) {
        return c.has("value") ? c.get("value").asText() : c.get("status").asText();
      }
    }
    throw new AssertionError("no constant " + tag);
  }

  @Test
  void resultsAreTheDocumentsOfBoundsJson(@TempDir Path dir) throws Exception {
    Path coordination = Files.writeString(dir.resolve("coordination.json"), COORDINATION);
    Path distancing = Files.writeString(dir.resolve("distancing.json"), DISTANCING);
    JsonNode[] r = session(load(COORDINATION), load(DISTANCING),
        "{\"id\":1,\"op\":\"bounds\",\"game\":\"g1\"}",
        "{\"id\":2,\"op\":\"bounds\",\"game\":\"g1\",\"expensive\":\"never\",\"digits\":5}",
        "{\"id\":3,\"op\":\"bounds\",\"game\":\"g2\",\"expensive\":\"always\"}",
        "{\"id\":4,\"op\":\"bounds\",\"game\":\"g2\"}");
    assertThat(r).hasSize(6);
    for (JsonNode x : r) {
      assertThat(x.get("ok").asBoolean()).as("%s", x).isTrue();
    }
    assertThat(Json.write(r[2].get("result"))).isEqualTo(Json.write(cli(coordination)));
    assertThat(Json.write(r[3].get("result")))
        .isEqualTo(Json.write(cli(coordination, "--expensive", "never", "--digits", "5")));
    assertThat(Json.write(r[4].get("result"))).isEqualTo(Json.write(cli(distancing, "--expensive", "always")));
    assertThat(Json.write(r[5].get("result"))).isEqualTo(Json.write(cli(distancing)));

    // by hand: gamma = 1/2, one state, R = 1/2, sum |A_i| = 4, c = 1, phi_max = max_pi |Phi| = 1/(1 - 1/2) = 2
    JsonNode exact = r[2].get("result");
    assertThat(exact.get("kind").asText()).isEqualTo("bounds");
    assertThat(constant(exact, "POTENTIAL")).isEqualTo("verified");
    assertThat(constant(exact, "PHIMAX")).isEqualTo("2");
    assertThat(constant(exact, "REWARDHALFSPAN")).isEqualTo("1/2");
    assertThat(constant(exact, "VISITATIONFLOOR")).isEqualTo("1");
    assertThat(constant(exact, "NASHREGRETSTEP")).isEqualTo("1/8"); // (1-gamma)^2 c/(R sum|A_i|) = (1/4)/2
    // never: phi_max replaced by its proven bound max|phi|/(1-gamma) = 2, qualified as a bound
    JsonNode never = r[3].get("result");
    assertThat(never.get("constants").get(14).get("tag").asText()).isEqualTo("PHIMAX");
    assertThat(never.get("constants").get(14).get("qualifiers").toString()).isEqualTo("[\"bound\"]");
    assertThat(constant(r[5].get("result"), "NASHREGRETSTEP")).isEqualTo("not-applicable");
  }

  @Test
  void badFieldsAreNamedAndALoweredWorkLimitIsEnforced() throws Exception {
    JsonNode[] r = session(load(COORDINATION),
        "{\"id\":1,\"op\":\"bounds\",\"game\":\"g1\",\"expensive\":\"sometimes\"}",
        "{\"id\":2,\"op\":\"bounds\",\"game\":\"g1\",\"eta\":1}",
        "{\"id\":3,\"op\":\"bounds\",\"game\":\"g9\"}",
        "{\"id\":4,\"op\":\"bounds\",\"game\":\"g1\",\"digits\":-1}",
        "{\"id\":5,\"op\":\"bounds\",\"game\":\"g1\",\"maxWork\":1}",
        "{\"id\":6,\"op\":\"bounds\",\"game\":\"g1\",\"expensive\":\"never\",\"maxWork\":1}",
        "{\"id\":7,\"op\":\"ping\"}");
    assertThat(r).hasSize(8);
    String[] mustName = {null, "expensive", "eta", "game", "digits", "maxWork", null, null};
    for (int k = 0; k < r.length; k++) {
      if (mustName[k] == null) {
        assertThat(r[k].get("ok").asBoolean()).as("response %d: %s", k, r[k]).isTrue();
      } else {
        assertThat(r[k].get("ok").asBoolean()).as("response %d", k).isFalse();
        assertThat(r[k].get("error").asText()).as("response %d", k).contains(mustName[k]).doesNotContain("\n")
            .doesNotContain("Exception");
      }
    }
    assertThat(r[1].get("error").asText()).isEqualTo("expensive: must be one of auto, always, never, got \"sometimes\"");
  }
}
