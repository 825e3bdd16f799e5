package org.mpgref.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MarkdownReport: the CommonMark text of each block, written by hand; bad links refused. */
class MarkdownReportTest {
  @Test
  void rendersHeadingsParagraphsPreformattedBlocksAndImages(@TempDir Path dir) throws Exception {
    MarkdownReport md = MarkdownReport.empty().heading(1, "Title").paragraph("Some text.")
        .preformatted("a <= b\n  c\n").image("the gap", "fig/nash-gap.png");
    String expected = "# Title\n\nSome text.\n\n```text\na <= b\n  c\n```\n\n![the gap](fig/nash-gap.png)\n";
    assertThat(md.render()).isEqualTo(expected);
    Path f = dir.resolve("r.md");
    md.write(f);
    assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(MarkdownReport.empty().render()).isEmpty();
  }

  @Test
  void theFenceIsLongerThanAnyRunOfBackticks() {
    assertThat(MarkdownReport.empty().preformatted("x ```` y").render()).isEqualTo("`````text\nx ```` y\n`````\n");
  }

  @Test
  void escapeKeepsAParagraphLiteral() {
    assertThat(MarkdownReport.escape("1. a*b gap_i <= [x] |y| ~z `q` \\")).isEqualTo(
        "1\\. a\\*b gap\\_i \\<= \\[x\\] \\|y\\| \\~z \\`q\\` \\\\");
    assertThat(MarkdownReport.escape("# not a heading")).isEqualTo("\\# not a heading");
    assertThat(MarkdownReport.escape("- not a list, 1e-6")).isEqualTo("\\- not a list, 1e-6");
    assertThat(MarkdownReport.escape("12) x 3.5")).isEqualTo("12\\) x 3.5");
  }

  @Test
  void badBlocksAreRefused() {
    MarkdownReport md = MarkdownReport.empty();
    assertThatThrownBy(() -> md.image("x", "../up.png")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../up.png'");
    assertThatThrownBy(() -> md.image("x", "/abs.png")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> md.image("x", "a b.png")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> md.image("a]b", "a.png")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> md.heading(7, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> md.heading(2, "a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> md.paragraph("a\n\nb")).isInstanceOf(IllegalArgumentException.class);
  }
}
