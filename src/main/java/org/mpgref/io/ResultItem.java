package org.mpgref.io;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * One item of a {@link Result}, in the order of the tagged lines. Each kind of item says what it prints as tagged
 * lines ({@code org.mpgref.cli.Tagged#result}) and what it adds to the JSON document ({@link ResultsFormat#json}):
 *
 * <ul>
 *   <li>{@link Line}: one line {@code TAG field field ...}; each field with a JSON key is also a JSON member. A line
 *       without a tag is JSON only, a field without a key is printed only.
 *   <li>{@link Table}: one line {@code TAG label... value} per cell, and one JSON member holding the cells as nested
 *       arrays indexed by the table's axes (e.g. {@code [i][s][a]}). A table without a tag is JSON only, one
 *       without a key printed only.
 *   <li>{@link Entries}: the list of constants of {@code bounds}: per entry a line {@code TAG qualifiers... value}
 *       and comment lines for its source and note; in JSON one array of objects.
 *   <li>{@link Comment}: comment lines ({@code # text}), printed only.
 * </ul>
 *
 * <p>A JSON key is a path of member names separated by {@code /}: {@code "potential/atRho"} is the member
 * {@code atRho} of the object {@code potential} (created by the first item that names it). In a table's key the
 * segment {@code *} stands for the table's next axis: {@code "bestResponses/∗/values"} makes {@code bestResponses}
 * an array with one object per element of the first axis (shared by every table whose key starts so), each object
 * holding {@code values} indexed by the remaining axes.
 */
public sealed interface ResultItem {
  /**
   * A tagged line of one or more fields.
   *
   * @param tag the tag (upper case, no spaces), or empty for a JSON-only item
   * @param fields the fields, in the order of the line
   */
  record Line(Optional<String> tag, List<Field> fields) implements ResultItem {
    /**
     * @param tag the tag
     * @param fields the fields (copied)
     */
    public Line {
      fields = List.copyOf(fields);
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("a line has at least one field");
      }
      for (Field f : fields) {
        if (tag.isEmpty() && f.key().isEmpty()) {
          throw new IllegalArgumentException("a JSON-only line needs a key for every field");
        }
        if (tag.isPresent() && f.value() instanceof ResultValue.Null) {
          throw new IllegalArgumentException(tag.get() + ": a printed field cannot be null");
        }
        f.key().ifPresent(k -> ResultKeys.check(k, 0));
      }
    }
  }

  /**
   * One field of a {@link Line}.
   *
   * @param key its JSON key (a {@code /} path without {@code *}), or empty for a field that is only printed
   * @param value the value
   */
  record Field(Optional<String> key, ResultValue value) {}

  /**
   * A table: values indexed by one or more axes (agent i, state s, action a of agent i, ...), e.g. V_i^π(s) over
   * {@code [i][s]} or Q̄_i^π(s,a) over {@code [i][s][a]}. The cells are in row-major order and dense: the first cell
   * has index (0, ..., 0), and each next cell increments one position k by one and resets the positions after k to
   * 0 (so an axis may be ragged, e.g. the actions of each agent). An index is the position along the axis as it is
   * reported (for a subset of agents, position 0 is the first agent reported), the labels are the game's.
   *
   * @param tag the tag of its lines, or empty for a JSON-only table
   * @param key its JSON key ({@code /} path, where each {@code *} takes one axis), or empty for a printed-only table
   * @param axes the names of the axes, outermost first (e.g. agent, state, action)
   * @param cells the cells, in row-major order
   */
  record Table(Optional<String> tag, Optional<String> key, List<String> axes, List<Cell> cells) implements ResultItem {
    /**
     * @param tag the tag
     * @param key the JSON key
     * @param axes the axes (copied)
     * @param cells the cells (copied)
     */
    public Table {
      axes = List.copyOf(axes);
      cells = List.copyOf(cells);
      String name = tag.orElse(key.orElse("?"));
      if (tag.isEmpty() && key.isEmpty()) {
        throw new IllegalArgumentException("a table has a tag, a key or both");
      }
      if (axes.isEmpty() || cells.isEmpty()) {
        throw new IllegalArgumentException(name + ": a table has at least one axis and one cell");
      }
      if (key.isPresent()) {
        ResultKeys.check(key.get(), axes.size());
      }
      List<Integer> previous = List.of();
      for (Cell c : cells) {
        if (c.index().size() != axes.size() || c.labels().size() != axes.size()) {
          throw new IllegalArgumentException(name + ": a cell has one index and one label per axis");
        }
        if (tag.isPresent() && c.value() instanceof ResultValue.Null) {
          throw new IllegalArgumentException(name + ": a printed cell cannot be null");
        }
        if (!ResultKeys.follows(previous, c.index())) {
          throw new IllegalArgumentException(name + ": cell " + c.index() + " does not follow " + previous
              + " in row-major order");
        }
        previous = c.index();
      }
    }
  }

  /**
   * One cell of a {@link Table}.
   *
   * @param index its position along each axis
   * @param labels its label along each axis (printed before the value)
   * @param value the value
   */
  record Cell(List<Integer> index, List<String> labels, ResultValue value) {
    /**
     * @param index the index (copied)
     * @param labels the labels (copied)
     * @param value the value
     */
    public Cell {
      index = List.copyOf(index);
      labels = List.copyOf(labels);
    }
  }

  /**
   * The constants of {@code bounds}: printed one line per entry, with comment lines for its source and note; in
   * JSON the array {@code key} of objects {@code tag}, {@code qualifiers}, {@code value} or {@code status},
   * {@code source}, {@code note}.
   *
   * @param key the JSON key of the array (a member name)
   * @param entries the entries, in order
   */
  record Entries(String key, List<Entry> entries) implements ResultItem {
    /**
     * @param key the key
     * @param entries the entries (copied)
     */
    public Entries {
      entries = List.copyOf(entries);
      ResultKeys.check(key, 0);
    }
  }

  /**
   * One constant: a tag, qualifiers (labels), either an exact value or a text (a word standing instead of a number),
   * and optionally a source and a note.
   *
   * @param tag the tag (upper case, no spaces)
   * @param qualifiers labels between the tag and the value
   * @param exact the exact value, or empty when {@code text} stands instead
   * @param text the word that stands instead of a value (empty when {@code exact} is present)
   * @param source where the value comes from (a theorem, a paper), if any
   * @param note a remark on the value, if any
   */
  record Entry(String tag, List<String> qualifiers, Optional<BigFraction> exact, Optional<String> text,
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

  /**
   * Comment lines, printed only: {@code # } and the line, for each line of the text.
   *
   * @param text the text (may span several lines)
   */
  record Comment(String text) implements ResultItem {}
}
