package org.mpgref.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.cli.Main;
import org.mpgref.io.Json;

/**
 * The server's {@code algorithms} operation lists the one registry of learning dynamics: the names it gives are the
 * names {@code mpgref learn --algorithm} accepts, and an algorithm is marked {@code exact} exactly when
 * {@code learn --exact} runs it (the others are refused with exit code 2). Unknown fields are refused.
 */
class OracleServerAlgorithmsTest {
  private static JsonNode ask(String line) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    new OracleServer(ServerConfig.defaults(), new PrintStream(err, true, StandardCharsets.UTF_8)).serve(
        new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    return Json.parse(out.toString(StandardCharsets.UTF_8).strip(), "response");
  }

  private static int learn(Path dir, String name, boolean exact) {
    List<String> args = new ArrayList<>(List.of("learn", "distancing", "--agents", "2", "--algorithm", name,
        "--eta", "1/100", "--iterations", "1", "--out", dir.resolve(name + exact + ".json").toString()));
    if (exact) {
      args.add("--exact");
    }
    PrintStream devNull = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Main.run(args.toArray(String[]::new), devNull, devNull);
  }

  @Test
  void listsTheRegistryAsTheCliRunsIt(@TempDir Path dir) throws Exception {
    JsonNode response = ask("{\"id\":3,\"op\":\"algorithms\"}");
    assertThat(response.get("ok").asBoolean()).isTrue();
    assertThat(response.get("id").asInt()).isEqualTo(3);
    List<String> names = new ArrayList<>();
    for (JsonNode a : response.get("algorithms")) {
      String name = a.get("name").asText();
      names.add(name);
      assertThat(a.get("label").asText()).isNotBlank();
      assertThat(a.get("source").asText()).matches(".*((19|20)\\d\\d|arXiv \\d{4}\\.\\d{4,5}).*");
      assertThat(learn(dir, name, false)).as("learn --algorithm %s", name).isZero();
      assertThat(learn(dir, name, true)).as("learn --algorithm %s --exact", name)
          .isEqualTo(a.get("exact").asBoolean() ? 0 : 2);
    }
    assertThat(names).containsExactly("ipg", "q-ascent", "inpg", "pmd-euclid", "pmd-kl");
    assertThat(Files.exists(dir.resolve("inpgtrue.json"))).isFalse();
  }

  @Test
  void refusesFieldsItDoesNotTake() throws Exception {
    JsonNode response = ask("{\"op\":\"algorithms\",\"game\":\"g1\"}");
    assertThat(response.get("ok").asBoolean()).isFalse();
    assertThat(response.get("error").asText()).startsWith("game: unknown field of op algorithms");
  }
}
