package org.mpgref.limits;

/**
 * Cooperative cancellation of long computations, by the standard Java mechanism: whoever owns a time limit
 * interrupts the computing thread ({@link Thread#interrupt()}), and long loops (linear eliminations, count dynamic
 * programs, policy iteration, learning runs) call {@link #check()} at least every few milliseconds of work. The core
 * knows nothing of seconds or of the CLI; it only honours interruption.
 */
public final class Cancellation {
  private Cancellation() {}

  /**
   * Returns normally unless the current thread has been interrupted.
   *
   * @throws CancelledException if the thread's interrupt flag is set (the flag stays set, so that callers up the
   *     stack see it too)
   */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancelledException("stopped: the time limit ran out or the work was cancelled");
    }
  }
}
