package org.mpgref.linalg;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.limits.Cancellation;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * A running work meter of one exact computation: each exact operation is charged as it is done, with the cost model
 * of {@link SparsePlan} on the actual bit sizes of its operands (40 + 2·(1 + b₁/64)·(1 + b₂/64) work units for
 * operands of b₁ and b₂ bits), and the computation stops with {@link LimitExceededException} as soon as the work so
 * far passes {@code Limits.current().maxWork()}: at most one operation's work is spent beyond the limit. It
 * complements the estimate made before the work, which is an upper bound and can be far above the real cost (a
 * dense, low-rank P_π; values that stay small because they cancel): estimates within {@link #SLACK} times the limit
 * are run under the meter instead of refused. The thread's cancellation is checked every 1024 charges.
 */
final class WorkMeter {
  /** How far above the limit an a-priori upper-bound estimate may be and the work still be tried under the meter. */
  static final double SLACK = 100;

  private final String what;
  private final long max = Limits.current().maxWork();
  private double work;
  private long operations;

  /**
   * @param what the computation, for the refusal
   */
  WorkMeter(String what) {
    this.what = what;
  }

  /**
   * @param x a number
   * @return the bit size of its numerator plus its denominator
   */
  static long bits(BigFraction x) {
    return x.getNumerator().bitLength() + x.getDenominator().bitLength();
  }

  /**
   * Charges one operation on operands of the given bit sizes.
   *
   * @param bits1 b₁
   * @param bits2 b₂
   * @param progress where the computation is, for the refusal (e.g. "after 79 of 7000 steps")
   * @throws LimitExceededException once the work so far passes the limit
   */
  void charge(double bits1, double bits2, java.util.function.Supplier<String> progress) {
    work += SparsePlan.OP_UNITS + 2 * SparsePlan.words(bits1) * SparsePlan.words(bits2);
    if ((++operations & 1023) == 0) {
      Cancellation.check();
    }
    if (work > max) {
      throw new LimitExceededException(what + " (stopped " + progress.get() + ")",
          "more than " + Limits.sci(work) + " work units", Limits.sci(max) + " work units", "--max-work");
    }
  }

  /**
   * @return the work charged so far
   */
  double work() {
    return work;
  }
}
