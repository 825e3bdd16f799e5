package org.mpgref.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.MarkovGame;

/**
 * One command's results, built once and rendered both as tagged lines ({@code org.mpgref.cli.Tagged#result}) and as
 * mpgref-results/1 JSON ({@link ResultsFormat#json}): a {@link Header} (JSON only: the kind of result and the game's
 * name and labels), an immutable ordered list of {@link ResultItem items} (lines, tables, constants, comments; each
 * says what it prints and what it adds to the JSON, some are explicitly JSON only or printed only), in the order of
 * the tagged lines, and the order of the JSON document's top-level members where it differs from the order of the
 * items ({@link #jsonOrder}). {@link Results} builds the results of {@code eval}, {@code best-response},
 * {@code nash-gap}, {@code check-potential} and {@code bounds}, for the CLI and the server alike.
 *
 * @param header the header
 * @param items the items, in the order of the tagged lines
 * @param jsonOrder the top-level JSON members after the header in their document order, or empty for the order in
 *     which the items first name them; when given, it lists every top-level member exactly once
 */
public record Result(Header header, List<ResultItem> items, List<String> jsonOrder) {
  /**
   * @param header the header
   * @param items the items (copied)
   * @param jsonOrder the JSON order (copied)
   */
  public Result {
    items = List.copyOf(items);
    jsonOrder = List.copyOf(jsonOrder);
  }

  /**
   * The value of the line field with this JSON key, e.g. {@code certificateVerified} for a command's exit status.
   *
   * @param key the JSON key (a {@code /} path)
   * @return the value, or empty if no line field has the key
   */
  public Optional<ResultValue> member(String key) {
    for (ResultItem item : items) {
      if (item instanceof ResultItem.Line l) {
        for (ResultItem.Field f : l.fields()) {
          if (f.key().equals(Optional.of(key))) {
            return Optional.of(f.value());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the line field with this JSON key is the flag {@code true}.
   *
   * @param key the JSON key
   * @return true iff the field exists and is true
   */
  public boolean holds(String key) {
    return member(key).equals(Optional.of(ResultValue.flag(true)));
  }

  /**
   * The same result under another header (e.g. without the game's labels).
   *
   * @param h the header
   * @return the result
   */
  public Result withHeader(Header h) {
    return new Result(h, items, jsonOrder);
  }

  /**
   * The JSON-only start of a results document: {@code "format"}, {@code "kind"} and, where known, {@code "game"}
   * (the name), {@code "agents"} (per agent its label and action labels) and {@code "states"} (labels), against which
   * index-shaped arrays are read.
   *
   * @param kind the kind of result ({@code evaluation}, {@code nash-gap}, ...)
   * @param game the game's name, if written
   * @param agents per agent its labels, or empty when the labels are not written
   * @param states the state labels (written with the agents)
   */
  public record Header(String kind, Optional<String> game, Optional<List<Agent>> agents, List<String> states) {
    /**
     * @param kind the kind
     * @param game the name
     * @param agents the agents (copied)
     * @param states the states (copied)
     */
    public Header {
      agents = agents.map(List::copyOf);
      states = List.copyOf(states);
    }

    /**
     * A header with the game's name and labels.
     *
     * @param kind the kind
     * @param g the game
     * @return the header
     */
    public static Header of(String kind, MarkovGame g) {
      List<Agent> agents = new ArrayList<>();
      for (int i = 0; i < g.agentCount(); i++) {
        List<String> actions = new ArrayList<>();
        for (int a = 0; a < g.actionCount(i); a++) {
          actions.add(g.actionLabel(i, a));
        }
        agents.add(new Agent(g.agentLabel(i), actions));
      }
      List<String> states = new ArrayList<>();
      for (int s = 0; s < g.stateCount(); s++) {
        states.add(g.stateLabel(s));
      }
      return new Header(kind, Optional.of(g.name()), Optional.of(agents), states);
    }

    /**
     * A header with the game's name but not its labels.
     *
     * @param kind the kind
     * @param game the name
     * @return the header
     */
    public static Header named(String kind, String game) {
      return new Header(kind, Optional.of(game), Optional.empty(), List.of());
    }

    /**
     * A header with neither the game's name nor its labels.
     *
     * @param kind the kind
     * @return the header
     */
    public static Header bare(String kind) {
      return new Header(kind, Optional.empty(), Optional.empty(), List.of());
    }
  }

  /**
   * The labels of one agent.
   *
   * @param label the agent's label
   * @param actions its action labels
   */
  public record Agent(String label, List<String> actions) {
    /**
     * @param label the label
     * @param actions the action labels (copied)
     */
    public Agent {
      actions = List.copyOf(actions);
    }
  }

  /**
   * A field with a JSON key (printed too when its line has a tag).
   *
   * @param key the JSON key
   * @param v the value
   * @return the field
   */
  public static ResultItem.Field field(String key, ResultValue v) {
    return new ResultItem.Field(Optional.of(key), v);
  }

  /**
   * A field that is only printed.
   *
   * @param v the value
   * @return the field
   */
  public static ResultItem.Field printed(ResultValue v) {
    return new ResultItem.Field(Optional.empty(), v);
  }

  /** Builds a {@link Result} item by item. */
  public static final class Builder {
    private final Header header;
    private final List<ResultItem> items = new ArrayList<>();
    private List<String> jsonOrder = List.of();

    /**
     * A builder without items.
     *
     * @param header the header of the result
     */
    public Builder(Header header) {
      this.header = header;
    }

    /**
     * Appends a line of one value that is also the JSON member {@code key}.
     *
     * @param tag the tag
     * @param key the JSON key
     * @param v the value
     * @return this builder
     */
    public Builder line(String tag, String key, ResultValue v) {
      return line(tag, field(key, v));
    }

    /**
     * Appends a line.
     *
     * @param tag the tag
     * @param fields the fields
     * @return this builder
     */
    public Builder line(String tag, ResultItem.Field... fields) {
      items.add(new ResultItem.Line(Optional.of(tag), List.of(fields)));
      return this;
    }

    /**
     * Appends a JSON-only member.
     *
     * @param key the JSON key
     * @param v the value
     * @return this builder
     */
    public Builder json(String key, ResultValue v) {
      items.add(new ResultItem.Line(Optional.empty(), List.of(field(key, v))));
      return this;
    }

    /**
     * Appends a table.
     *
     * @param tag the tag of its lines, or null for a JSON-only table
     * @param key its JSON key, or null for a printed-only table
     * @param table the axes and cells, from {@link Tables}
     * @return this builder
     */
    public Builder table(@Nullable String tag, @Nullable String key, Tables.Cells table) {
      items.add(new ResultItem.Table(Optional.ofNullable(tag), Optional.ofNullable(key), table.axes(),
          table.cells()));
      return this;
    }

    /**
     * Appends comment lines (printed only).
     *
     * @param text the text
     * @return this builder
     */
    public Builder comment(String text) {
      items.add(new ResultItem.Comment(text));
      return this;
    }

    /**
     * Appends a list of constants.
     *
     * @param key the JSON key of their array
     * @param entries the constants
     * @return this builder
     */
    public Builder entries(String key, List<ResultItem.Entry> entries) {
      items.add(new ResultItem.Entries(key, entries));
      return this;
    }

    /**
     * Makes an entry of a list of constants.
     *
     * @param tag the tag
     * @param qualifiers the qualifiers
     * @param exact the exact value, or null for {@code text}
     * @param text the text, or null for {@code exact}
     * @param source the source, or null
     * @param note the note, or null
     * @return the entry
     */
    public static ResultItem.Entry entry(String tag, List<String> qualifiers, @Nullable BigFraction exact,
        @Nullable String text, @Nullable String source, @Nullable String note) {
      return new ResultItem.Entry(tag, qualifiers, Optional.ofNullable(exact), Optional.ofNullable(text),
          Optional.ofNullable(source), Optional.ofNullable(note));
    }

    /**
     * Sets the order of the top-level JSON members where it differs from the order of the items.
     *
     * @param keys every top-level member, in document order
     * @return this builder
     */
    public Builder jsonOrder(String... keys) {
      jsonOrder = List.of(keys);
      return this;
    }

    /**
     * @return the result of the items so far
     */
    public Result build() {
      return new Result(header, items, jsonOrder);
    }
  }
}
