package org.mpgref.io;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * One value of a {@link Result}: an exact rational, a count, a flag, a word (a label or a status word standing
 * instead of a number) or, in JSON only, null. Both renderings of a value are fixed by its kind: in tagged lines
 * ({@code org.mpgref.cli.Tagged}) an exact value prints as {@link ExactNumbers#format} (p/q, plus a decimal with
 * {@code --digits}), a count and a flag as their decimal text and {@code true}/{@code false}, a word as a label (bare,
 * or a JSON string when it has spaces, quotes or control characters); in JSON ({@link ResultsFormat#json}) an exact
 * value is {@link ExactNumbers#toJson}, a count a JSON integer, a flag a JSON boolean, a word a JSON string and
 * {@link Null} JSON {@code null}.
 */
public sealed interface ResultValue {
  /**
   * An exact rational value.
   *
   * @param value the value
   */
  record Exact(BigFraction value) implements ResultValue {}

  /**
   * An integer: a count, an index, a seed.
   *
   * @param value the integer
   */
  record Count(long value) implements ResultValue {}

  /**
   * A boolean, e.g. whether a certificate was re-checked exactly.
   *
   * @param value the flag
   */
  record Flag(boolean value) implements ResultValue {}

  /**
   * A word: a label of the game (agent, state, action) or a word standing for an outcome or a status.
   *
   * @param value the text
   */
  record Word(String value) implements ResultValue {}

  /** No value: JSON {@code null} (a JSON-only field, e.g. an absent declared issue); never printed as a line. */
  record Null() implements ResultValue {}

  /**
   * @param x an exact rational
   * @return it as a value
   */
  static ResultValue exact(BigFraction x) {
    return new Exact(x);
  }

  /**
   * @param n an integer
   * @return it as a value
   */
  static ResultValue count(long n) {
    return new Count(n);
  }

  /**
   * @param b a boolean
   * @return it as a value
   */
  static ResultValue flag(boolean b) {
    return new Flag(b);
  }

  /**
   * @param w a word or label
   * @return it as a value
   */
  static ResultValue word(String w) {
    return new Word(w);
  }
}
