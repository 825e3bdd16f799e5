package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in specs/formats/ are well-formed draft 2020-12 documents and name the same format tags as the
 * readers (no schema validator is a dependency; the schemas were checked against the example files and command
 * outputs when written, see specs/formats.md).
 */
class SchemaFilesTest {
  @Test
  void schemasAreWellFormedAndMatchTheFormatTags() throws Exception {
    Map<String, String> tags = Map.of("game.schema.json", GameFormat.FORMAT, "policy.schema.json",
        PolicyFormat.FORMAT, "policy-history.schema.json", PolicyHistoryFormat.FORMAT, "results.schema.json",
        ResultsFormat.FORMAT);
    for (Map.Entry<String, String> e : tags.entrySet()) {
      Path p = Path.of("specs/formats", e.getKey());
      JsonNode schema = Json.parse(Files.readString(p), p.toString());
      assertThat(schema.get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.get("$id").textValue()).isEqualTo(e.getKey());
      assertThat(Files.readString(p)).contains("\"" + e.getValue() + "\"");
    }
    JsonNode number = Json.parse(Files.readString(Path.of("specs/formats/number.schema.json")), "number");
    assertThat(number.get("$defs").get("exactString").get("pattern").textValue()).startsWith("^-?[0-9]+");
  }
}
