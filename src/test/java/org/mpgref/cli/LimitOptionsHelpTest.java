package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpgref.limits.Limits;

/**
 * The defaults that the help of every command with limit options states are the defaults the core installs
 * ({@link Limits#DEFAULT}): a help text that drifts from the code fails here.
 */
class LimitOptionsHelpTest {
  private static String help(String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {command, "--help"}, ps, ps)).isZero();
    return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
  }

  private static long stated(String help, String option) {
    Matcher m = Pattern.compile(Pattern.quote(option) + "=\\S+ [^()]*\\(default (\\d+)").matcher(help);
    assertThat(m.find()).as("%s states its default", option).isTrue();
    return Long.parseLong(m.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eval", "best-response", "nash-gap", "check-potential", "learn", "bounds", "audit"})
  void helpStatesTheInstalledDefaults(String command) {
    String help = help(command);
    assertThat(stated(help, "--max-work")).isEqualTo(Limits.DEFAULT.maxWork());
    assertThat(stated(help, "--max-digits")).isEqualTo(Limits.DEFAULT.maxNumberDigits());
    assertThat(stated(help, "--max-input-bytes")).isEqualTo(Limits.DEFAULT.maxInputBytes());
  }
}
