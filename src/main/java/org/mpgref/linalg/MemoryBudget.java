package org.mpgref.linalg;

import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The fixed memory bound of one table or one factorisation (dense game tables, count-vector tables, sparse factors),
 * checked from an estimate before the memory is allocated, so that everything the guards accept can be built and
 * evaluated within a 1 GB heap. Estimates use the measured sizes of the JVM objects involved (compressed oops, 64-bit
 * JVM): {@link #FRACTION_BYTES} per distinct small BigFraction and 4 bytes per array slot.
 */
public final class MemoryBudget {
  /** Largest estimated size of one table or factorisation, in bytes (768 MiB). */
  public static final long MAX_BYTES = 768L * 1024 * 1024;
  /**
   * Bytes of one distinct BigFraction with numerator and denominator below 2^63: the object (24) and two BigIntegers
   * (40 each) with their int[] magnitudes (24 each, 1–2 ints).
   */
  public static final long FRACTION_BYTES = 152;

  private MemoryBudget() {}

  /**
   * @param bits numerator + denominator bit size
   * @return estimated bytes of one BigFraction of that size
   */
  public static double fractionBytes(double bits) {
    return FRACTION_BYTES - 16 + 2 * 4 * Math.ceil(bits / 64.0);
  }

  /**
   * Refuses an estimated allocation above {@link #MAX_BYTES}.
   *
   * @param what the table or computation, with its sizes
   * @param bytes the estimate
   * @throws LimitExceededException if {@code bytes > MAX_BYTES}
   */
  public static void require(String what, double bytes) {
    if (!(bytes <= MAX_BYTES)) {
      throw new LimitExceededException(what, "about " + Limits.sci(bytes) + " bytes of memory",
          Limits.sci(MAX_BYTES) + " bytes", "a smaller game; this memory bound is fixed");
    }
  }
}
