package org.mpgref.linalg;

import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The memory bound of one table or one factorisation (dense game tables, count-vector tables, sparse factors),
 * checked from an estimate before the memory is allocated, so that everything the guards accept can be built and
 * evaluated within a 1 GB heap: {@link #maxBytes()} = min({@link #MAX_BYTES}, half the JVM's maximum heap), so a
 * smaller heap (e.g. a server under {@code -Xmx256m}) gets a smaller bound instead of an out-of-memory error. Estimates use the measured sizes of the JVM objects involved (compressed oops, 64-bit
 * JVM): {@link #FRACTION_BYTES} per distinct small BigFraction and 4 bytes per array slot.
 */
public final class MemoryBudget {
  /** Largest estimated size of one table or factorisation on a large heap, in bytes (768 MiB). */
  public static final long MAX_BYTES = 768L * 1024 * 1024;
  /**
   * Bytes of one distinct BigFraction with numerator and denominator below 2^63: the object (24) and two BigIntegers
   * (40 each) with their int[] magnitudes (24 each, 1–2 ints).
   */
  public static final long FRACTION_BYTES = 152;

  private MemoryBudget() {}

  /**
   * @return the bound in force: min({@link #MAX_BYTES}, {@code Runtime.maxMemory()} / 2), in bytes
   */
  public static long maxBytes() {
    return Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 2);
  }

  /**
   * @param bits numerator + denominator bit size
   * @return estimated bytes of one BigFraction of that size
   */
  public static double fractionBytes(double bits) {
    return FRACTION_BYTES - 16 + 2 * 4 * Math.ceil(bits / 64.0);
  }

  /**
   * Refuses an estimated allocation above {@link #maxBytes()}.
   *
   * @param what the table or computation, with its sizes
   * @param bytes the estimate
   * @throws LimitExceededException if {@code bytes > maxBytes()}
   */
  public static void require(String what, double bytes) {
    long max = maxBytes();
    if (!(bytes <= max)) {
      throw new LimitExceededException(what, "about " + Limits.sci(bytes) + " bytes of memory",
          Limits.sci(max) + " bytes", "a smaller game or a larger heap, java -Xmx; at most 768 MiB per table");
    }
  }
}
