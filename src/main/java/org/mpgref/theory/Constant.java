package org.mpgref.theory;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * One theory constant of a game as data ({@link TheoryBounds}): its tag, how it was obtained, its exact value or the
 * status that stands instead of a number, where it comes from, and why a theorem does not cover it, why it was not
 * computed, or a caveat.
 *
 * @param tag the tag, e.g. {@code PMDSTEPEUCLID} (specs/cli.md lists them)
 * @param qualifiers how the value was obtained, e.g. {@code exact}, {@code bound}, {@code phimax-exact}
 * @param value the exact value; empty iff {@link #status} is not {@link Status#VALUE}
 * @param status {@link Status#VALUE}, or what stands instead of a number
 * @param source where the constant comes from (paper, theorem, proof note)
 * @param note why the theorem does not apply or the value is not computed, why a proven bound replaces the exact
 *     value, or a caveat; empty if none
 */
public record Constant(String tag, List<String> qualifiers, Optional<BigFraction> value, Status status, String source,
    Optional<String> note) {

  /** What a constant is: a number, or the word that stands instead of one. */
  public enum Status {
    /** An exact value (or a proven bound, by the qualifiers). */
    VALUE("value"),
    /** A theorem does not cover this game; the note says why. */
    NOT_APPLICABLE("not-applicable"),
    /** Not computed (a size guard or a missing input); the note says why. */
    NOT_COMPUTED("not-computed"),
    /** No limit: every step is covered. */
    UNBOUNDED("unbounded"),
    /** The constant is +∞. */
    INFINITE("infinite"),
    /** Potential status: the game declares no stage potential. */
    NONE("none"),
    /** Potential status: the declared potential is a verified Markov potential. */
    VERIFIED("verified"),
    /** Potential status: only state potentials are declared, with no Markov-potential condition. */
    NO_MARKOV_CLAIM("no-markov-claim"),
    /** Potential status: the declared condition fails on the game's data. */
    VIOLATED("violated");

    private final String word;

    Status(String word) {
      this.word = word;
    }

    /**
     * The word printed for this status ({@code not-applicable}, {@code unbounded}, ...).
     *
     * @return the word
     */
    public String word() {
      return word;
    }
  }

  /**
   * Checks that a value is present exactly when the status is {@link Status#VALUE} and copies the qualifiers.
   *
   * @param tag the tag
   * @param qualifiers the qualifiers
   * @param value the value
   * @param status the status
   * @param source the source
   * @param note the note
   * @throws IllegalArgumentException if a value is given with another status or missing with {@link Status#VALUE}
   */
  public Constant {
    qualifiers = List.copyOf(qualifiers);
    if (value.isPresent() != (status == Status.VALUE)) {
      throw new IllegalArgumentException(tag + ": a value must be given exactly when the status is VALUE, got status "
          + status + (value.isPresent() ? " with" : " without") + " a value");
    }
  }

  /**
   * A constant with an exact value.
   *
   * @param tag the tag
   * @param value the value
   * @param source the source
   * @param note a caveat, or empty
   * @param qualifiers how the value was obtained
   * @return the constant
   */
  public static Constant of(String tag, BigFraction value, String source, Optional<String> note,
      String... qualifiers) {
    return new Constant(tag, List.of(qualifiers), Optional.of(value), Status.VALUE, source, note);
  }

  /**
   * A constant without a number.
   *
   * @param tag the tag
   * @param status what stands instead of a number (not {@link Status#VALUE})
   * @param source the source
   * @param note why, or empty
   * @param qualifiers qualifiers
   * @return the constant
   * @throws IllegalArgumentException if the status is {@link Status#VALUE}
   */
  public static Constant without(String tag, Status status, String source, Optional<String> note,
      String... qualifiers) {
    return new Constant(tag, List.of(qualifiers), Optional.empty(), status, source, note);
  }

  /**
   * Whether the constant has a number (the theorem applies and it was computed).
   *
   * @return true iff the status is {@link Status#VALUE}
   */
  public boolean hasValue() {
    return status == Status.VALUE;
  }
}
