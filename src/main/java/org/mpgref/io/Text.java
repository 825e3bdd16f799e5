package org.mpgref.io;

/**
 * Output integrity of names and labels (specs/formats.md, "Names, labels and output integrity"). A character is
 * <em>forbidden</em> in a name or label, and escaped wherever text reaches an output line, if it is a C0 control
 * (U+0000..U+001F, including TAB, LF, CR and ESC), DEL or a C1 control (U+007F..U+009F, including NEL U+0085), or the
 * line or paragraph separator U+2028 / U+2029: exactly the characters after which some reader (a terminal, Python's
 * {@code str.splitlines}, a universal-newline reader) may start a new line or interpret what follows. Escaped, such a
 * character is written {@code \}{@code uXXXX} (four lower-case hex digits, as in JSON), so one result is always one
 * line. Stateless.
 */
public final class Text {
  private Text() {}

  /**
   * @param c a UTF-16 code unit
   * @return whether it is forbidden in names and labels (C0, DEL, C1, U+2028, U+2029)
   */
  public static boolean forbidden(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
  }

  /**
   * @param s any text
   * @return the index of its first forbidden character, or -1 if there is none
   */
  public static int firstForbidden(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (forbidden(s.charAt(k))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * A description of the forbidden character at an index, for error messages.
   *
   * @param s the text
   * @param index the index of a forbidden character
   * @return e.g. {@code "U+000D at character 2"}
   */
  public static String describeForbidden(String s, int index) {
    return String.format(java.util.Locale.ROOT, "U+%04X at character %d", (int) s.charAt(index), index + 1);
  }

  /**
   * Escapes every forbidden character as {@code \}{@code uXXXX}; all other characters are kept.
   *
   * @param s any text
   * @return text without forbidden characters (so it cannot span lines)
   */
  public static String escape(String s) {
    if (firstForbidden(s) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (forbidden(c)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A JSON string literal of the text in which {@code "}, {@code \} and every forbidden character are escaped
   * ({@code \"}, {@code \\}, {@code \}{@code uXXXX}), so it is valid JSON and one line.
   *
   * @param s any text
   * @return the quoted text
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (forbidden(c)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
