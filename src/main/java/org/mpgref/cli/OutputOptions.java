package org.mpgref.cli;

import org.mpgref.io.Json;
import org.mpgref.io.Result;
import org.mpgref.io.ResultsFormat;
import picocli.CommandLine.Option;

/** The output options every result-printing command shares: {@code --digits N} and {@code --json}. */
final class OutputOptions {
  @Option(names = "--digits", paramLabel = "N", defaultValue = "0", converter = Params.NonNegative.class,
      description = "N in 0..1000: also print each exact value as a decimal with N significant digits, correctly rounded"
          + " (default 0: exact p/q only)")
  int digits;

  @Option(names = "--json", description = "print the results as one mpgref-results/1 JSON document instead of"
      + " tagged lines")
  boolean json;

  /**
   * @return the validated number of digits
   */
  int digits() {
    if (digits < 0 || digits > 1000) {
      throw new IllegalArgumentException("--digits " + digits + " is outside 0..1000");
    }
    return digits;
  }

  /**
   * Prints a result to the command's stdout, as one mpgref-results/1 JSON document with {@code --json}, else as
   * tagged lines: both renderings of the one {@link Result}.
   *
   * @param r the result
   * @param digits the validated {@link #digits()}
   */
  void print(Result r, int digits) {
    String text = json ? Json.write(ResultsFormat.json(r, digits)) : new Tagged(digits).result(r).toString();
    Main.context().out.print(text);
    Main.context().out.flush();
  }
}
