package org.mpgref.dynamics;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a run keeps of each iterate (values, Nash gap, Φ, L1 change, or a theory check's certificate of the step).
 *
 * @param <G> the gradient information of an iterate
 * @param <R> the record kept
 */
@FunctionalInterface
public interface Recorder<G, R> {
  /**
   * The record of iterate t.
   *
   * @param t the iterate index, 0 for π^0
   * @param previous the gradient information of π^{t−1}, null at t = 0
   * @param current the gradient information of π^t
   * @return the record
   */
  R record(int t, @Nullable G previous, G current);
}
