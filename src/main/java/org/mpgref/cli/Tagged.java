package org.mpgref.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.io.ExactNumbers;
import org.mpgref.io.Result;
import org.mpgref.io.ResultItem;
import org.mpgref.io.ResultValue;
import org.mpgref.io.Text;

/**
 * Tagged result lines, Gambit style: {@code TAG field field ... value}, one result per line, fields separated by one
 * space. Labels print bare when they are a single token of printable non-space characters without {@code "},
 * {@code \} or a leading {@code #}; otherwise as a JSON string ({@code "Go left"}) in which {@code "}, {@code \} and
 * every character {@link Text#forbidden} (C0 and C1 controls, DEL, U+2028, U+2029) are escaped; other fields and
 * comment lines get the same escapes ({@link Text#escape}), so that one result is always exactly one line whatever
 * the names (a game named {@code "x\rNASHGAP 0"} cannot print a line that a universal-newline reader takes for a
 * result). Exact values print as
 * {@link ExactNumbers#format} (p/q, plus a decimal with --digits). Collected first and printed at the end, so a
 * failing command prints nothing.
 */
final class Tagged {
  private static final Pattern BARE = Pattern.compile("[^\\s\"\\\\#][^\\s\"\\\\]*");

  private final StringBuilder b = new StringBuilder();
  private final int digits;

  Tagged(int digits) {
    this.digits = digits;
  }

  /** Appends one line; fields are Strings (labels), Numbers, Booleans or BigFractions (exact values). */
  Tagged line(String tag, Object... fields) {
    b.append(tag);
    for (Object f : fields) {
      b.append(' ');
      if (f instanceof BigFraction) {
        b.append(ExactNumbers.format((BigFraction) f, digits));
      } else if (f instanceof String) {
        b.append(label((String) f));
      } else {
        b.append(Text.escape(String.valueOf(f)));
      }
    }
    b.append('\n');
    return this;
  }

  /** Appends a comment line ({@code # text}) for each line of the text. */
  Tagged comment(String text) {
    for (String l : text.split("\n", -1)) {
      b.append("# ").append(Text.escape(l)).append('\n');
    }
    return this;
  }

  /**
   * Renders a {@link Result}, item by item (its header and JSON-only items and fields print nothing): a
   * {@link ResultItem.Line} as {@code TAG field...}; a {@link ResultItem.Table} as one line {@code TAG label...
   * value} per cell, in row-major order; {@link ResultItem.Entries} as {@code TAG qualifiers... value-or-text} per
   * entry, then {@code # TAG source: ...} and {@code # TAG note: ...} where present; a {@link ResultItem.Comment} as
   * comment lines. Values print as {@link #value}.
   */
  Tagged result(Result r) {
    for (ResultItem item : r.items()) {
      if (item instanceof ResultItem.Line l) {
        l.tag().ifPresent(tag -> line(tag, l.fields().stream().map(f -> value(f.value())).toArray()));
      } else if (item instanceof ResultItem.Table t) {
        t.tag().ifPresent(tag -> {
          for (ResultItem.Cell c : t.cells()) {
            List<Object> fields = new ArrayList<>(c.labels());
            fields.add(value(c.value()));
            line(tag, fields.toArray());
          }
        });
      } else if (item instanceof ResultItem.Entries es) {
        for (ResultItem.Entry e : es.entries()) {
          List<Object> fields = new ArrayList<>(e.qualifiers());
          Optional<BigFraction> v = e.exact();
          fields.add(v.isPresent() ? v.get() : e.text().orElse(""));
          line(e.tag(), fields.toArray());
          e.source().ifPresent(x -> comment(e.tag() + " source: " + x));
          e.note().ifPresent(x -> comment(e.tag() + " note: " + x));
        }
      } else {
        comment(((ResultItem.Comment) item).text());
      }
    }
    return this;
  }

  /**
   * A value as a field of {@link #line}: an exact value as itself (printed p/q), a count or a flag as its text, a
   * word as a label.
   *
   * @throws IllegalArgumentException for a null value (JSON only)
   */
  private static Object value(ResultValue v) {
    if (v instanceof ResultValue.Exact x) {
      return x.value();
    } else if (v instanceof ResultValue.Count n) {
      return n.value();
    } else if (v instanceof ResultValue.Flag b) {
      return b.value();
    } else if (v instanceof ResultValue.Word w) {
      return w.value();
    }
    throw new IllegalArgumentException("a null value is JSON only");
  }

  static String label(String s) {
    if (BARE.matcher(s).matches() && Text.firstForbidden(s) < 0) {
      return s;
    }
    return Text.quote(s);
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
