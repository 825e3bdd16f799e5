package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.audit.DistancingReport;
import org.mpgref.report.LogPlot;
import org.mpgref.report.Pictures;

/** {@code audit distancing --report DIR}: the same stdout, a report.md with the figures, a real PNG; bad DIR refused. */
class AuditReportTest {
  private static final String[] SHORT = {"audit", "distancing", "--agents", "3", "--max-iterations", "50",
      "--trials", "2"};

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  private static String[] plus(String... more) {
    String[] a = new String[SHORT.length + more.length];
    System.arraycopy(SHORT, 0, a, 0, SHORT.length);
    System.arraycopy(more, 0, a, SHORT.length, more.length);
    return a;
  }

  @Test
  void reportKeepsStdoutAndWritesTheFiguresAndTheImage(@TempDir Path tmp) throws Exception {
    String[] plain = run(SHORT);
    Path dir = tmp.resolve("new").resolve("report");
    String[] rep = run(plus("--report", dir.toString(), "--report-every", "3"));
    assertThat(rep[0]).as(rep[2]).isEqualTo("0");
    assertThat(rep[1]).isEqualTo(plain[1]);
    assertThat(rep[2]).contains("[audit] writing");

    BufferedImage img = Pictures.read(dir.resolve(DistancingReport.FIGURE));
    assertThat(img.getWidth()).isEqualTo(800);
    assertThat(img.getHeight()).isEqualTo(500);
    assertThat(Pictures.fractionDifferentFrom(img, LogPlot.background())).isGreaterThan(0.01);
    long seriesColours = LogPlot.palette().subList(0, 3).stream().filter(c -> Pictures.near(img, c) > 50).count();
    assertThat(seriesColours).isGreaterThanOrEqualTo(2);

    String md = Files.readString(dir.resolve(DistancingReport.MARKDOWN), StandardCharsets.UTF_8);
    assertThat(md).contains("![Exact Nash gap per iteration](nash-gap.png)").contains("--report-every 3")
        .contains("## IPG, eta = 1e-4").contains("## projected Q-ascent").contains("## INPG")
        .contains("## check-potential").contains("## How this compares with the published claims");
    // every non-empty line the audit printed is in the report: verbatim, or (verdicts) as an escaped paragraph
    String unescaped = md.replaceAll("\\\\(.)", "$1");
    for (String line : plain[1].split("\\R")) {
      if (!line.isBlank() && !line.startsWith("== ")) {
        assertThat(md.contains(line) || unescaped.contains(line)).as(line).isTrue();
      }
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("report.md", "nash-gap.png");

    // an existing report is refused at once (before the audit runs), with one line naming the file
    String[] again = run(plus("--report", dir.toString()));
    assertThat(again[0]).isEqualTo("2");
    assertThat(again[1]).isEmpty();
    assertThat(again[2].strip()).isEqualTo("mpgref: " + dir.resolve("report.md") + ": exists; pass --force to"
        + " overwrite it");
    DistancingReport.prepare(dir, true);
  }

  @Test
  void aFileAsDirIsRefusedWithOneLineNamingIt(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "keep");
    String[] r = run(plus("--report", file.toString()));
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).isEmpty();
    assertThat(r[2].strip()).isEqualTo("mpgref: " + file + ": cannot write the report there: it is not a directory");
    assertThat(Files.readString(file)).isEqualTo("keep");
    Path below = file.resolve("sub");
    assertThatThrownBy(() -> DistancingReport.prepare(below, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(below.toString()).hasMessageNotContaining("\n");
  }

  @Test
  void reportOptionsNeedReport() {
    String[] r = run(plus("--force"));
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2].strip()).isEqualTo("mpgref: --force needs --report DIR");
    assertThat(run(plus("--report-every", "2"))[2].strip()).isEqualTo("mpgref: --report-every needs --report DIR");
  }
}
