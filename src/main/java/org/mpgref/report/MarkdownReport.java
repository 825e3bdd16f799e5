package org.mpgref.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mpgref.io.OutputFiles;

/**
 * A small Markdown document (CommonMark): headings, paragraphs, preformatted blocks and image links, in order. An
 * immutable value: each method returns a new document with one more block. {@link #render()} gives the text (lines
 * end in '\n', blocks are separated by one empty line); {@link #write(Path)} writes it atomically.
 *
 * <p>Source: CommonMark 0.31.2 (spec.commonmark.org), §4.2 ATX headings, §4.5 fenced code blocks, §4.8 paragraphs,
 * §6.4 images.
 */
public final class MarkdownReport {
  private static final Pattern LINK_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]*");

  private final List<String> blocks;

  private MarkdownReport(List<String> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * The empty document.
   *
   * @return a document without blocks
   */
  public static MarkdownReport empty() {
    return new MarkdownReport(List.of());
  }

  private MarkdownReport plus(String block) {
    List<String> more = new ArrayList<>(blocks);
    more.add(block);
    return new MarkdownReport(more);
  }

  /**
   * Adds a heading ("#" × level, a space, the text).
   *
   * @param level 1..6
   * @param text one line, not blank
   * @return the new document
   * @throws IllegalArgumentException if the level is outside 1..6 or the text is blank or has a line break
   */
  public MarkdownReport heading(int level, String text) {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("markdown heading level " + level + ": must be in 1..6");
    }
    if (text.isBlank() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("markdown heading '" + text.strip() + "': must be one non-blank line");
    }
    return plus("#".repeat(level) + " " + text.strip());
  }

  /**
   * Adds a paragraph. The text is written as given (Markdown in it is Markdown); line breaks inside it stay soft.
   *
   * @param text not blank; empty lines inside it are not allowed (they would start a new paragraph)
   * @return the new document
   * @throws IllegalArgumentException if the text is blank or contains an empty line
   */
  public MarkdownReport paragraph(String text) {
    String t = text.strip().replace("\r\n", "\n");
    if (t.isEmpty() || t.contains("\n\n")) {
      throw new IllegalArgumentException("markdown paragraph: must be non-blank text without empty lines");
    }
    return plus(t);
  }

  /**
   * Adds a preformatted block: a fenced code block whose fence is one backtick longer than the longest run of
   * backticks in the text (at least three), so the text is shown verbatim whatever it contains.
   *
   * @param text the text, shown verbatim (a trailing line break is dropped; "\r\n" becomes "\n")
   * @return the new document
   */
  public MarkdownReport preformatted(String text) {
    String t = text.replace("\r\n", "\n");
    if (t.endsWith("\n")) {
      t = t.substring(0, t.length() - 1);
    }
    int longest = 0;
    int run = 0;
    for (int k = 0; k < t.length(); k++) {
      run = t.charAt(k) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return plus(fence + "text\n" + t + "\n" + fence);
  }

  /**
   * Adds an image link {@code ![alt](path)} as a paragraph of its own.
   *
   * @param alt the alternative text, one line without '[' or ']'
   * @param relativePath the image's path relative to the document: letters, digits, '_', '.', '/', '-', not
   *     starting with '.', '/' or '-', without ".." segments
   * @return the new document
   * @throws IllegalArgumentException if the alternative text or the path breaks these rules
   */
  public MarkdownReport image(String alt, String relativePath) {
    if (alt.indexOf('[') >= 0 || alt.indexOf(']') >= 0 || alt.indexOf('\n') >= 0 || alt.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("markdown image alt text '" + alt.strip()
          + "': must be one line without '[' or ']'");
    }
    if (!LINK_PATH.matcher(relativePath).matches() || ("/" + relativePath + "/").contains("/../")) {
      throw new IllegalArgumentException("markdown image path '" + relativePath
          + "': must be a relative path of letters, digits and . _ / - (no '..')");
    }
    return plus("![" + alt.strip() + "](" + relativePath + ")");
  }

  /**
   * Escapes text so that a paragraph shows it literally: a backslash before each of {@code \ ` * _ [ ] < > | ~},
   * and before what would start a heading, list or quote at the start of the text ('#', '-', '+', "1." or "1)").
   * Other characters (digits, '.', '-' inside the text, '^', '=') are kept as they are.
   *
   * @param text one line of plain text
   * @return the escaped text
   */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      boolean lead = k == 0 && (c == '#' || c == '-' || c == '+');
      boolean ordered = k == digits && digits > 0 && (c == '.' || c == ')');
      if ("\\`*_[]<>|~".indexOf(c) >= 0 || lead || ordered) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * The blocks, each as rendered.
   *
   * @return the blocks (unmodifiable), in order
   */
  public List<String> blocks() {
    return blocks;
  }

  /**
   * The document's text.
   *
   * @return the blocks, separated by an empty line, ending with a line break (the empty document is "")
   */
  public String render() {
    return blocks.isEmpty() ? "" : String.join("\n\n", blocks) + "\n";
  }

  /**
   * Writes {@link #render()} (UTF-8) atomically ({@link OutputFiles#writeAtomically(Path, String)}).
   *
   * @param target the .md file
   * @throws IllegalArgumentException with a one-line message naming the file if it cannot be written
   */
  public void write(Path target) {
    OutputFiles.writeAtomically(target, render());
  }
}
