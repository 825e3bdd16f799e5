package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve`, `vectors` and `.nfg` through the command line: streams, exit codes and files. */
class ServeVectorsNfgCommandTest {
  private static String[] run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void serveAnswersOneLinePerRequestAndStopsOnShutdown() {
    String[] r = run("{\"id\":1,\"op\":\"ping\"}\n{\"id\":2,\"op\":\"nope\"}\n{\"id\":3,\"op\":\"shutdown\"}\n"
        + "{\"id\":4,\"op\":\"ping\"}\n", "serve");
    assertThat(r[0]).isEqualTo("0");
    String[] lines = r[1].strip().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).contains("\"ok\":true");
    assertThat(lines[1]).contains("\"ok\":false").contains("op");
    assertThat(lines[2]).contains("\"shutdown\":true");
    assertThat(r[2]).isEmpty();
  }

  @Test
  void vectorsCheckPassesOnTheCheckedInSetAndFailsOnATamperedCopy(@TempDir Path tmp) throws Exception {
    String[] ok = run("", "vectors", "check", "specs/vectors");
    assertThat(ok[0]).isEqualTo("0");
    assertThat(ok[1]).startsWith("VECTORS 18 OK");
    String[] gen = run("", "vectors", "generate", tmp.toString());
    assertThat(gen[0]).isEqualTo("0");
    Path f = tmp.resolve("07-random-03-s2-n2-a2.json");
    String text = Files.readString(f);
    String tampered = text.replaceFirst("\"visitation\": \\[\"", "\"visitation\": [\"2");
    assertThat(tampered).isNotEqualTo(text);
    Files.writeString(f, tampered);
    String[] bad = run("", "vectors", "check", tmp.toString());
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[1]).contains("DIFFERS 07-random-03-s2-n2-a2.json");
    assertThat(run("", "vectors", "check", tmp.resolve("nowhere").toString())[0]).isEqualTo("2");
  }

  @Test
  void nfgFilesAreGamesAndStateGamesExportToNfg(@TempDir Path tmp) throws Exception {
    Path nfg = tmp.resolve("pd.nfg");
    Files.writeString(nfg, "NFG 1 R \"PD\" { \"A\" \"B\" } { 2 2 }\n3 3 0 5 5 0 1 1\n");
    String[] r = run("", "eval", nfg.toString(), "uniform");
    assertThat(r[0]).isEqualTo("0");
    // uniform play: expected payoff of each player = (3 + 0 + 5 + 1)/4 = 9/4
    assertThat(r[1]).contains("9/4");
    String[] multi = run("", "convert", "distancing", "--agents", "2", "--to", "nfg");
    assertThat(multi[0]).isEqualTo("2");
    assertThat(multi[2]).contains("states");
    String[] one = run("", "convert", "distancing", "--agents", "2", "--to", "nfg", "--state", "distancing");
    assertThat(one[0]).isEqualTo("0");
    assertThat(one[1]).startsWith("NFG 1 R");
    assertThat(one[1]).contains("-98"); // both agents on A in the distancing state: 2*1 - 100
  }
}
