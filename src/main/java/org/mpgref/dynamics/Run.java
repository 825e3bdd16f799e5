package org.mpgref.dynamics;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link Engine#run}: the records of π^0..π^T and why the run ended.
 *
 * @param iterates the records in order, from t = 0
 * @param stop the stopping rule that ended the run (empty only if it never fired, which {@link Engine#run} does not
 *     allow to happen without an exception)
 * @param <R> the record type
 */
public record Run<R>(List<R> iterates, Optional<Stop> stop) {
  /**
   * Copies the list.
   *
   * @param iterates the records
   * @param stop why it ended
   */
  public Run {
    iterates = List.copyOf(iterates);
  }

  /**
   * @param kind a {@link Stop} kind
   * @return whether the run ended for that reason
   */
  public boolean stoppedBy(String kind) {
    return stop.map(s -> s.kind().equals(kind)).orElse(false);
  }

  /**
   * @return true iff a size or work guard ended the run before the next iterate was computed
   */
  public boolean stoppedBySize() {
    return stoppedBy(Stop.SIZE);
  }

  /**
   * @return the stop's one-line reason, or empty text
   */
  public String stopReason() {
    return stop.map(Stop::reason).orElse("");
  }

  /**
   * @return the last record
   */
  public R last() {
    return iterates.get(iterates.size() - 1);
  }
}
