package org.mpgref.io;

import org.mpgref.game.InvalidGameException;

/**
 * An input file (or stream) breaks a rule of an mpgref format. The message is always one line,
 * {@code "<source>: <entry>: <rule broken>"}, e.g.
 * {@code "game.json: transitions[1][5]: P(.|s=1,a=(1,2)) sums to 9/10; it must sum to exactly 1"}; the entry is a path
 * into the JSON document ({@code rewards[0][13]}, {@code agents[1].actions[0]}) or, for a document that is not
 * well-formed JSON, a position ({@code line 3, column 7}). When the source is not known yet (e.g. in
 * {@link ExactNumbers#parse}) the message is {@code "<entry>: <rule>"} and {@link #withSource} adds it.
 *
 * <p>Control characters and line breaks in any part are replaced by spaces and each part is cut to
 * {@value #MAX_PART} characters, so a hostile input cannot make the message span lines. Immutable.
 */
public final class FormatException extends InvalidGameException {
  private static final long serialVersionUID = 1L;
  /** Longest part (source, entry or rule) kept in the message, in characters. */
  public static final int MAX_PART = 400;

  private final String source;
  private final String entry;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param source the input's name (a file name, {@code <stdin>}), or empty if not known yet
   * @param entry the entry path in the document, e.g. {@code transitions[1][5]}
   * @param rule the rule broken, e.g. {@code sums to 9/10; it must sum to exactly 1}
   */
  public FormatException(String source, String entry, String rule) {
    super(message(oneLine(source), oneLine(entry), oneLine(rule)));
    this.source = oneLine(source);
    this.entry = oneLine(entry);
    this.rule = oneLine(rule);
  }

  private static String message(String source, String entry, String rule) {
    return (source.isEmpty() ? "" : source + ": ") + entry + ": " + rule;
  }

  /**
   * Makes text safe for a one-line message: control characters (including line breaks and tabs) become spaces and
   * text longer than {@link #MAX_PART} characters is cut with "...".
   *
   * @param text any text
   * @return one line of at most {@link #MAX_PART} + 3 characters
   */
  public static String oneLine(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_PART + 3));
    for (int k = 0; k < text.length() && b.length() < MAX_PART; k++) {
      char c = text.charAt(k);
      b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    if (text.length() > MAX_PART) {
      b.append("...");
    }
    return b.toString();
  }

  /**
   * @return the input's name, empty if not known
   */
  public String source() {
    return source;
  }

  /**
   * @return the entry path (or position) in the document
   */
  public String entry() {
    return entry;
  }

  /**
   * @return the rule broken
   */
  public String rule() {
    return rule;
  }

  /**
   * The same error attributed to a source.
   *
   * @param newSource the input's name
   * @return a new exception with that source
   */
  public FormatException withSource(String newSource) {
    FormatException e = new FormatException(newSource, entry, rule);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
