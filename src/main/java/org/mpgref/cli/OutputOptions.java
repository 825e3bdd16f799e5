package org.mpgref.cli;

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
}
