package org.mpgref.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.limits.Limits;
import org.mpgref.server.OracleServer;
import org.mpgref.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mpgref serve}: the JSON-lines oracle server on stdin/stdout (specs/server.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Answer JSON-lines requests on stdin, one JSON response per line on stdout (specs/server.md).",
        "Ops: load, eval, nash-gap, best-response, check-potential, unload, ping, shutdown.",
        "Every request is bounded: line length, field types and ranges, work, time, and a memory budget for loaded"
            + " games; a request that fails gets {\"ok\": false, \"error\": ...} and the server keeps serving."},
    exitCodeList = {Main.EXIT_OK, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--request-seconds", paramLabel = "S", defaultValue = "10",
      description = "time limit of one request, in seconds (default: ${DEFAULT-VALUE}); a request may lower it with"
          + " maxSeconds")
  String requestSeconds = "10";

  @Option(names = "--grace-seconds", paramLabel = "S", defaultValue = "2",
      description = "after the time limit, how long an interrupted request may take to stop before it is answered"
          + " with an error and abandoned to a fresh worker thread (default: ${DEFAULT-VALUE})")
  String graceSeconds = "2";

  @Option(names = "--max-loaded-bytes", paramLabel = "B",
      description = "memory budget of the loaded games, in estimated bytes, e.g. 200000000 or 200M (default: 40%% of"
          + " the heap, Runtime.maxMemory())")
  @Nullable String maxLoadedBytes;

  @Option(names = "--max-input-bytes", paramLabel = "B",
      description = "longest request line, in bytes; longer lines are skipped unread (default: the smaller of 16 MiB"
          + " and 1/64 of the heap)")
  @Nullable String maxInputBytes;

  @Option(names = "--max-digits", paramLabel = "D", defaultValue = "10000",
      description = "most decimal digits of a numerator or denominator read from a request (default: ${DEFAULT-VALUE})")
  String maxDigits = "10000";

  @Option(names = "--max-work", paramLabel = "W", defaultValue = "5e8",
      description = "largest estimated work of one computation, in work units (default: ${DEFAULT-VALUE})")
  String maxWork = "5e8";

  @Option(names = "--max-trials", paramLabel = "K", defaultValue = "100000",
      description = "largest trials of a check-potential request (default: ${DEFAULT-VALUE})")
  String maxTrials = "100000";

  @Override
  public Integer call() throws Exception {
    Main.Context c = Main.context();
    double seconds = seconds("--request-seconds", requestSeconds);
    double grace = seconds("--grace-seconds", graceSeconds);
    long loaded = maxLoadedBytes == null ? ServerConfig.defaultMaxLoadedBytes()
        : count("--max-loaded-bytes", maxLoadedBytes, Long.MAX_VALUE);
    long line = maxInputBytes == null ? ServerConfig.defaultMaxLineBytes()
        : count("--max-input-bytes", maxInputBytes, Integer.MAX_VALUE - 16L);
    int digits = (int) count("--max-digits", maxDigits, Integer.MAX_VALUE);
    long work = count("--max-work", maxWork, Long.MAX_VALUE);
    int trials = (int) count("--max-trials", maxTrials, Integer.MAX_VALUE);
    Limits limits = Limits.DEFAULT.withMaxInputBytes(line).withMaxNumberDigits(digits).withMaxWork(work);
    try (OracleServer server = new OracleServer(new ServerConfig(limits, seconds, grace, loaded, trials), c.err)) {
      server.serve(c.in, c.out);
    }
    return 0;
  }

  private static double seconds(String option, String text) {
    BigDecimal v = null;
    try {
      if (text.length() <= 30) {
        v = new BigDecimal(text.strip());
      }
    } catch (NumberFormatException e) {
      v = null;
    }
    if (v == null || v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw new IllegalArgumentException(option + ": must be a number of seconds greater than 0 and at most 1000000,"
          + " got '" + text + "'");
    }
    return v.doubleValue();
  }

  /**
   * A positive integer option: digits, an integer in scientific form ({@code 4e10}) or with a binary suffix K, M, G
   * ({@code 200M} = 200 × 2^20).
   */
  private static long count(String option, String text, long max) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
      unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    BigDecimal v;
    try {
      if (t.length() > 30) {
        throw new NumberFormatException();
      }
      v = new BigDecimal(t).multiply(BigDecimal.valueOf(unit));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": must be a positive integer (e.g. 1000, 4e10 or 200M), got '"
          + text + "'");
    }
    if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new IllegalArgumentException(option + ": must be an integer from 1 to " + max + ", got '" + text + "'");
    }
    return v.longValueExact();
  }
}
