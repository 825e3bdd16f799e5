package org.mpgref.limits;

/**
 * Thrown by {@link Cancellation#check()} when the current thread was interrupted: a time limit ({@code --max-seconds},
 * a server request's {@code maxSeconds}) ran out, or the caller cancelled the work. Whatever was completed before
 * stays valid; nothing partial is returned by the interrupted computation.
 */
public final class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line saying what was stopped
   */
  public CancelledException(String message) {
    super(message);
  }
}
