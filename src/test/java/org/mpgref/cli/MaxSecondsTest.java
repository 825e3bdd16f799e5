package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.catalog.Catalog;
import org.mpgref.game.DoublePolicy;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyHistoryFormat;

/**
 * {@code --max-seconds}: a run far longer than the limit stops with exit code 4, one stderr line {@code stopped after
 * X s (--max-seconds): ...}, and what was certified so far (learn: a valid trajectory with stoppedBy "time"; audit:
 * the completed lines; other commands: nothing on stdout). Only outcomes are asserted, under a generous timeout.
 */
class MaxSecondsTest {
  @TempDir
  Path dir;

  private static List<String> stopped(String err) {
    return err.lines().filter(l -> l.startsWith("mpgref: ")).toList();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void learnWritesTheCompletedIteratesAndExitsWith4() throws Exception {
    Path out = dir.resolve("run.json");
    // N = 32: 3000 iterates (near the trajectory limit) take about 7 s on this machine, far longer under load; under
    // a very heavy load not even iterate 0 is done in 1 s, and the command must then write nothing
    String[] r = CommandsTest.run("learn", "distancing", "--agents", "32", "--algorithm", "ipg", "--eta", "1/10000",
        "--iterations", "3000", "--stop-l1", "0", "--max-seconds", "1", "--out", out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("4");
    assertThat(r[1]).isEmpty();
    assertThat(stopped(r[2])).hasSize(1);
    if (stopped(r[2]).get(0).endsWith("no iterate was completed; nothing was written")) {
      // a heavily loaded machine may not finish iterate 0 within the second: then no file may exist at all
      assertThat(stopped(r[2])).containsExactly("mpgref: stopped after 1 s (--max-seconds): no iterate was completed;"
          + " nothing was written");
      try (var files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
      return;
    }
    assertThat(stopped(r[2]).get(0)).startsWith("mpgref: stopped after 1 s (--max-seconds): wrote iterations 0..")
        .contains(out.toString());
    JsonNode doc = Json.parse(Files.readString(out), "run");
    assertThat(doc.get("run").get("stoppedBy").textValue()).isEqualTo("time");
    List<DoublePolicy> history = PolicyHistoryFormat.readDouble(doc, Catalog.published("distancing", 32), "run");
    assertThat(history.size()).isEqualTo(doc.get("records").size()).isBetween(1, 3001);
    for (int t = 0; t < history.size(); t++) {
      assertThat(doc.get("records").get(t).get("t").intValue()).isEqualTo(t);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.json");
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void auditPrintsOnlyCompletedLines() {
    String[] r = CommandsTest.run("audit", "distancing", "--max-iterations", "100000", "--max-seconds", "1");
    assertThat(r[0]).as(r[2]).isEqualTo("4");
    assertThat(stopped(r[2])).containsExactly("mpgref: stopped after 1 s (--max-seconds): the lines printed so far"
        + " are complete; the rest was not computed");
    assertThat(r[1]).startsWith("mpgref audit distancing\n");
    assertThat(r[1]).endsWith("\n");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void anExactLearnRunStopsWithItsCertifiedPrefixOnStdout() {
    String[] r = CommandsTest.run("learn", "distancing", "--agents", "2", "--algorithm", "q-ascent", "--exact",
        "--eta", "1/1000", "--iterations", "10000", "--max-denominator-digits", "1000000", "--max-seconds", "1",
        "--out", "-");
    assertThat(r[0]).as(r[2]).isEqualTo("4");
    assertThat(stopped(r[2])).hasSize(1);
    String line = stopped(r[2]).get(0);
    assertThat(line).startsWith("mpgref: stopped after 1 s (--max-seconds): ");
    if (line.contains("nothing was written")) {
      // the machine was too slow for even the first exact evaluation
      assertThat(r[1]).isEmpty();
    } else {
      assertThat(line).contains("to stdout (stoppedBy time)");
      JsonNode doc = Json.parse(r[1], "stdout");
      assertThat(doc.get("run").get("stoppedBy").textValue()).isEqualTo("time");
      assertThat(doc.get("records").size()).isGreaterThanOrEqualTo(1);
    }
  }
}
