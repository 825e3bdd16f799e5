package org.mpgref.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A print stream that passes {@code print(String)}, {@code println(String)} and {@code println()} to a target stream
 * unchanged (so the target gets the very bytes it would have got) and keeps a copy of the text, lines ended by '\n'.
 * Every other way of writing fails loudly instead of being lost from the copy.
 */
final class TeePrintStream extends PrintStream {
  private final PrintStream target;
  private final StringBuilder copy = new StringBuilder();

  TeePrintStream(PrintStream target) {
    super(new OutputStream() {
      @Override
      public void write(int b) {
        throw new UnsupportedOperationException("TeePrintStream copies print(String), println(String) and"
            + " println() only");
      }
    });
    this.target = target;
  }

  @Override
  public void print(@Nullable String s) {
    target.print(s);
    copy.append(s);
  }

  @Override
  public void println(@Nullable String s) {
    target.println(s);
    copy.append(s).append('\n');
  }

  @Override
  public void println() {
    target.println();
    copy.append('\n');
  }

  @Override
  public void flush() {
    target.flush();
  }

  /** The text copied so far. */
  String text() {
    return copy.toString();
  }
}
