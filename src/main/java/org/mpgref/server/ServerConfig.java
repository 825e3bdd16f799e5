package org.mpgref.server;

import org.mpgref.limits.Limits;

/**
 * The limits of one {@link OracleServer} (the {@code serve} options; specs/server.md, "Limits"). Immutable.
 *
 * @param limits installed on the worker thread for every request ({@code maxInputBytes} is also the longest request
 *     line, {@code --max-input-bytes}; {@code --max-digits}, {@code --max-work})
 * @param requestSeconds time limit of one request, in seconds ({@code --request-seconds}); a request may lower it
 *     with {@code maxSeconds}
 * @param graceSeconds how long an interrupted request may take to stop before it is answered anyway and abandoned
 *     ({@code --grace-seconds})
 * @param maxLoadedBytes memory budget of the loaded games, in estimated bytes ({@code --max-loaded-bytes})
 * @param maxTrials largest {@code trials} of a {@code check-potential} request ({@code --max-trials})
 */
public record ServerConfig(Limits limits, double requestSeconds, double graceSeconds, long maxLoadedBytes,
    int maxTrials) {
  /** Default time limit of a request, in seconds. */
  public static final double DEFAULT_REQUEST_SECONDS = 10;
  /** Default grace period after an interrupt, in seconds. */
  public static final double DEFAULT_GRACE_SECONDS = 2;
  /** Default largest {@code trials}. */
  public static final int DEFAULT_MAX_TRIALS = 100_000;
  /** Default fraction of the heap ({@link Runtime#maxMemory()}) given to loaded games. */
  public static final double DEFAULT_LOADED_FRACTION = 0.4;
  /** Default longest request line as a fraction of the heap (at most {@link Limits#DEFAULT}'s input limit). */
  public static final int DEFAULT_LINE_HEAP_DIVISOR = 64;

  /**
   * Checks that every value is positive and finite (the times at most 10^6 s).
   *
   * @param limits installed on the worker thread for every request
   * @param requestSeconds time limit of one request, in seconds
   * @param graceSeconds grace period after an interrupt, in seconds
   * @param maxLoadedBytes memory budget of the loaded games, in estimated bytes
   * @param maxTrials largest {@code trials} of a {@code check-potential} request
   * @throws IllegalArgumentException if a value is not positive or not finite
   */
  public ServerConfig {
    if (!(requestSeconds > 0 && requestSeconds <= 1e6) || !(graceSeconds > 0 && graceSeconds <= 1e6)
        || maxLoadedBytes <= 0 || maxTrials <= 0) {
      throw new IllegalArgumentException("server limits must be positive and finite: " + requestSeconds + " s, "
          + graceSeconds + " s grace, " + maxLoadedBytes + " bytes, " + maxTrials + " trials");
    }
  }

  /**
   * The defaults for this JVM: {@link Limits#DEFAULT} with the request line limited to the smaller of 16 MiB and
   * 1/{@value #DEFAULT_LINE_HEAP_DIVISOR} of the heap, {@value #DEFAULT_REQUEST_SECONDS} s per request,
   * {@value #DEFAULT_GRACE_SECONDS} s grace, {@value #DEFAULT_LOADED_FRACTION} of the heap for loaded games, at most
   * {@value #DEFAULT_MAX_TRIALS} trials.
   *
   * @return the configuration
   */
  public static ServerConfig defaults() {
    return new ServerConfig(Limits.DEFAULT.withMaxInputBytes(defaultMaxLineBytes()), DEFAULT_REQUEST_SECONDS,
        DEFAULT_GRACE_SECONDS, defaultMaxLoadedBytes(), DEFAULT_MAX_TRIALS);
  }

  /**
   * @return the default budget of loaded games: {@value #DEFAULT_LOADED_FRACTION} × {@link Runtime#maxMemory()}
   */
  public static long defaultMaxLoadedBytes() {
    return (long) (DEFAULT_LOADED_FRACTION * Runtime.getRuntime().maxMemory());
  }

  /**
   * @return the default longest request line: min(16 MiB, {@link Runtime#maxMemory()} /
   *     {@value #DEFAULT_LINE_HEAP_DIVISOR}) bytes
   */
  public static long defaultMaxLineBytes() {
    return Math.min(Limits.DEFAULT.maxInputBytes(), Runtime.getRuntime().maxMemory() / DEFAULT_LINE_HEAP_DIVISOR);
  }
}
