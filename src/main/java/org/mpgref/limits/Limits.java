package org.mpgref.limits;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The limits on input size, number size and estimated work that mpgref enforces <em>before</em> spending memory or
 * time (specs/limits.md lists each with its default, its unit, what it protects and how to raise it). Immutable.
 *
 * <p>The limits in force are those {@linkplain #install() installed} on the current thread (the CLI installs the
 * values of its options for the duration of a command, the server installs per-request values), and otherwise
 * {@link #DEFAULT}. Core code reads {@link #current()} where it estimates work, so that the public APIs stay free of a
 * limits parameter; it never changes them.
 *
 * @param maxInputBytes largest accepted input document (JSON or .nfg), in bytes ({@code --max-input-bytes})
 * @param maxNumberDigits largest numerator or denominator of any exact number read from input, in decimal digits
 *     ({@code --max-digits})
 * @param maxWork largest estimated work of one exact or double computation (linear solve, stage expectations,
 *     best responses), in work units (one unit ≈ one machine-word operation; see specs/limits.md) ({@code
 *     --max-work})
 * @param maxDenominatorDigits exact learning runs stop before an iterate's largest denominator would pass this many
 *     decimal digits ({@code --max-denominator-digits})
 */
public record Limits(long maxInputBytes, int maxNumberDigits, long maxWork, int maxDenominatorDigits) {
  /**
   * The defaults: 16 MiB inputs, 10,000-digit numbers, 5·10^8 work units (calibrated: exact sparse solves estimated at
   * 5·10^8 units took 4–13 s on the reference 2-core machine; see specs/exact-linear-solve.md), 10,000-digit
   * denominators.
   */
  public static final Limits DEFAULT = new Limits(16L * 1024 * 1024, 10_000, 500_000_000L, 10_000);

  private static final ThreadLocal<@Nullable Limits> CURRENT = new ThreadLocal<>();

  /**
   * Checks that every limit is positive.
   *
   * @param maxInputBytes largest input, in bytes
   * @param maxNumberDigits largest number, in decimal digits
   * @param maxWork largest estimated work, in work units
   * @param maxDenominatorDigits largest denominator of an exact iterate, in decimal digits
   * @throws IllegalArgumentException if a limit is not positive
   */
  public Limits {
    if (maxInputBytes <= 0 || maxNumberDigits <= 0 || maxWork <= 0 || maxDenominatorDigits <= 0) {
      throw new IllegalArgumentException("every limit must be > 0: " + this);
    }
  }

  /**
   * @return the limits installed on this thread, or {@link #DEFAULT}
   */
  public static Limits current() {
    @Nullable Limits l = CURRENT.get();
    return l == null ? DEFAULT : l;
  }

  /**
   * Makes these the current limits of this thread until the returned scope is closed (then the previous ones are
   * restored). Use with try-with-resources.
   *
   * @return the scope
   */
  public Scope install() {
    @Nullable Limits previous = CURRENT.get();
    CURRENT.set(this);
    return new Scope(previous);
  }

  /**
   * @param v the new value
   * @return a copy with {@code maxInputBytes = v}
   */
  public Limits withMaxInputBytes(long v) {
    return new Limits(v, maxNumberDigits, maxWork, maxDenominatorDigits);
  }

  /**
   * @param v the new value
   * @return a copy with {@code maxNumberDigits = v}
   */
  public Limits withMaxNumberDigits(int v) {
    return new Limits(maxInputBytes, v, maxWork, maxDenominatorDigits);
  }

  /**
   * @param v the new value
   * @return a copy with {@code maxWork = v}
   */
  public Limits withMaxWork(long v) {
    return new Limits(maxInputBytes, maxNumberDigits, v, maxDenominatorDigits);
  }

  /**
   * @param v the new value
   * @return a copy with {@code maxDenominatorDigits = v}
   */
  public Limits withMaxDenominatorDigits(int v) {
    return new Limits(maxInputBytes, maxNumberDigits, maxWork, v);
  }

  /**
   * Refuses an estimated amount of work above {@link #maxWork()} of the current limits.
   *
   * @param what the computation, e.g. {@code "exact visitation solve (7000 states, 7000 non-zeros)"}
   * @param estimate its estimated work in work units
   * @throws LimitExceededException if {@code estimate > current().maxWork()}
   */
  public static void requireWork(String what, double estimate) {
    long max = current().maxWork();
    if (!(estimate <= max)) {
      throw new LimitExceededException(what, "about " + sci(estimate) + " work units", sci(max) + " work units",
          "--max-work");
    }
  }

  /**
   * @param x a non-negative number
   * @return x in short scientific form, e.g. {@code 3.4e11}
   */
  public static String sci(double x) {
    if (!Double.isFinite(x)) {
      return "more than 1e308";
    }
    if (x < 1e4) {
      return Long.toString(Math.round(x));
    }
    int e = (int) Math.floor(Math.log10(x));
    double m = x / Math.pow(10, e);
    String ms = String.format(java.util.Locale.ROOT, "%.1f", m);
    if (ms.equals("10.0")) {
      ms = "1.0";
      e++;
    }
    if (ms.endsWith(".0")) {
      ms = ms.substring(0, ms.length() - 2);
    }
    return ms + "e" + e;
  }

  /** Restores the previous limits of the thread when closed. */
  public static final class Scope implements AutoCloseable {
    private final @Nullable Limits previous;

    private Scope(@Nullable Limits previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
