package org.mpgref.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One command's results, built once and rendered either as tagged lines ({@code org.mpgref.cli.Tagged}) or as
 * mpgref-results/1 JSON ({@link ResultsFormat#entries}): an immutable ordered list of {@link Entry entries}, each a
 * tag, qualifiers (labels), either an exact value or a text (a word standing instead of a number), and optionally a
 * source and a note (printed as comment lines after the entry's line).
 *
 * @param entries the entries, in order
 */
public record Result(List<Entry> entries) {
  /**
   * @param entries the entries, in order (copied)
   */
  public Result {
    entries = List.copyOf(entries);
  }

  /**
   * One result.
   *
   * @param tag the tag (upper case, no spaces)
   * @param qualifiers labels between the tag and the value
   * @param exact the exact value, or empty when {@code text} stands instead
   * @param text the word that stands instead of a value (empty when {@code exact} is present)
   * @param source where the value comes from (a theorem, a paper), if any
   * @param note a remark on the value, if any
   */
  public record Entry(String tag, List<String> qualifiers, Optional<BigFraction> exact, Optional<String> text,
      Optional<String> source, Optional<String> note) {
    /**
     * @param tag the tag
     * @param qualifiers the qualifiers (copied)
     * @param exact the exact value
     * @param text the text
     * @param source the source
     * @param note the note
     */
    public Entry {
      qualifiers = List.copyOf(qualifiers);
      if (exact.isPresent() == text.isPresent()) {
        throw new IllegalArgumentException(tag + ": an entry has either an exact value or a text");
      }
    }
  }

  /** Builds a {@link Result} entry by entry. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    /** A builder without entries. */
    public Builder() {}

    /**
     * Appends an entry.
     *
     * @param tag the tag
     * @param qualifiers the qualifiers
     * @param exact the exact value, or null for {@code text}
     * @param text the text, or null for {@code exact}
     * @param source the source, or null
     * @param note the note, or null
     * @return this builder
     */
    public Builder add(String tag, List<String> qualifiers, @Nullable BigFraction exact, @Nullable String text,
        @Nullable String source, @Nullable String note) {
      entries.add(new Entry(tag, qualifiers, Optional.ofNullable(exact), Optional.ofNullable(text),
          Optional.ofNullable(source), Optional.ofNullable(note)));
      return this;
    }

    /**
     * @return the result of the entries so far
     */
    public Result build() {
      return new Result(entries);
    }
  }
}
