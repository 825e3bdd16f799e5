package org.mpgref.dynamics;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Observes a run while it runs: every completed record as soon as it exists (so that a caller stopped by a time
 * limit keeps the finished iterates), and progress after every step (for reports on stderr).
 *
 * @param <R> the record type
 */
public interface Listener<R> {
  /**
   * Called with each record, π^0 first.
   *
   * @param record the record of an iterate that is complete
   */
  default void completed(R record) {}

  /**
   * Called after step t.
   *
   * @param t the index of the iterate just completed, t ≥ 1
   */
  default void progress(int t) {}

  /**
   * @param <R> the record type
   * @return a listener that does nothing
   */
  static <R> Listener<R> none() {
    return new Listener<>() {};
  }

  /**
   * A listener from two callbacks.
   *
   * @param completed receives each record
   * @param progress receives t after each step
   * @param <R> the record type
   * @return the listener
   */
  static <R> Listener<R> of(Consumer<? super R> completed, IntConsumer progress) {
    return new Listener<>() {
      @Override
      public void completed(R record) {
        completed.accept(record);
      }

      @Override
      public void progress(int t) {
        progress.accept(t);
      }
    };
  }
}
