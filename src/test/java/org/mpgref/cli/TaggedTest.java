package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 6: a tagged result is always one line, whatever the labels, names and comments hold; a forged
 * name cannot make a line that a universal-newline reader (or Python's {@code str.splitlines}) takes for a result.
 */
class TaggedTest {
  /** Every character after which some reader starts a new line. */
  private static final String BREAKS = "[\\r\\n\\u000b\\u000c\\u001c\\u001d\\u001e\\u0085\\u2028\\u2029]";

  @Test
  void forgedNamesStayOnTheirLine() {
    String[] forged = {"x\rNASHGAP 0", "x\nNASHGAP 0", "x\u0085NASHGAP 0", "x\u2028NASHGAP 0", "x\u2029NASHGAP 0",
        "x\u001b[2KNASHGAP 0", "x\u000bNASHGAP 0", "x\u001cNASHGAP 0", "x\u009bNASHGAP 0", "x\r\nNASHGAP 0"};
    for (String name : forged) {
      Tagged t = new Tagged(0);
      t.line("BR", name, name, name).line("V", name, BigFraction.of(1, 3)).comment(name).line("OUT", new StringBuilder(name));
      String out = t.toString();
      String[] lines = out.split(BREAKS, -1);
      assertThat(lines[0]).startsWith("BR \"x\\u");
      assertThat(lines[1]).startsWith("V \"x\\u").endsWith(" 1/3");
      assertThat(lines[lines.length - 1]).isEmpty(); // after the final line feed
      for (int k = 0; k < lines.length - 1; k++) {
        // a comment may be split at a line feed into two comment lines, nothing else ever starts a line
        assertThat(lines[k]).as("line %d of %s", k, out).matches("(BR|V|OUT|#) .*").doesNotContain("\u001b");
      }
      assertThat(out.lines().filter(l -> l.startsWith("OUT ")).findFirst().orElseThrow()).startsWith("OUT x\\u");
    }
  }

  @Test
  void plainLabelsStayBareAndOthersAreJsonStrings() {
    assertThat(Tagged.label("row")).isEqualTo("row");
    assertThat(Tagged.label("Go left")).isEqualTo("\"Go left\"");
    assertThat(Tagged.label("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(Tagged.label("\u00e9t\u00e9")).isEqualTo("\u00e9t\u00e9");
    assertThat(Tagged.label("a\u0085b")).isEqualTo("\"a\\u0085b\"");
    assertThat(Tagged.label("#x")).isEqualTo("\"#x\"");
  }
}
