package org.mpgref.io.nfg;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * Writes a {@link NfgGame} as a Gambit {@code .nfg} file (strategic form, version 1), exactly: every number is written
 * as an integer {@code p} or a fraction {@code p/q} in lowest terms with q &gt; 0 (Gambit reads {@code p/q} exactly),
 * every TEXT in double quotes with {@code "} written {@code \"} and {@code \} written {@code \\} (the escapes
 * {@link NfgReader} reads back). Layout:
 *
 * <pre>
 *   NFG 1 R "title" { "Player 1" "Player 2" }
 *
 *   { { "1" "2" "3" }          (or, for strategies given as counts:  { 3 2 })
 *   { "1" "2" }
 *   }
 *   "comment"                  (only if the game has one)
 *
 *   1 1                        (payoff version: one line per contingency, player 1's strategy varying fastest,
 *   0 2                         the payoffs of players 1..n on each line)
 *   ...
 *
 *   {                          (outcome version instead: the outcomes, then one index per contingency)
 *   { "name" 2, 0 }
 *   }
 *   1 2 3 4
 * </pre>
 *
 * The data-type letter is the game's ({@code R} for games built in code). {@code NfgReader.read(NfgWriter.write(g))}
 * equals {@code g}, and {@code NfgReader.read(NfgWriter.writePayoff(g))} equals {@code g.asPayoffVersion()}; see
 * specs/nfg.md.
 */
public final class NfgWriter {
  private NfgWriter() {}

  /**
   * Writes the game in the payoff version (the form the issue requires), whatever version it was read in.
   *
   * @param game the game
   * @param out where to write (not closed, flushed)
   * @throws IOException if writing fails
   */
  public static void writePayoff(NfgGame game, Writer out) throws IOException {
    write(game.asPayoffVersion(), out);
  }

  /**
   * Writes the game in its own version (payoff or outcome), so that reading the result gives an equal game.
   *
   * @param game the game
   * @param out where to write (not closed, flushed)
   * @throws IOException if writing fails
   */
  public static void write(NfgGame game, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("NFG 1 ").append(game.dataType().name()).append(' ').append(quote(game.title())).append(" {");
    for (String p : game.players()) {
      b.append(' ').append(quote(p));
    }
    b.append(" }\n\n");
    if (game.strategiesAsCounts()) {
      b.append('{');
      for (int p = 0; p < game.playerCount(); p++) {
        b.append(' ').append(game.strategyCount(p));
      }
      b.append(" }\n");
    } else {
      b.append("{ ");
      for (List<String> labels : game.strategies()) {
        b.append('{');
        for (String s : labels) {
          b.append(' ').append(quote(s));
        }
        b.append(" }\n");
      }
      b.append("}\n");
    }
    if (game.comment().isPresent()) {
      b.append(quote(game.comment().get())).append('\n');
    }
    b.append('\n');
    int n = game.playerCount();
    if (game.version() == NfgGame.Version.PAYOFF) {
      for (int j = 0; j < game.contingencyCount(); j++) {
        for (int p = 0; p < n; p++) {
          b.append(p > 0 ? " " : "").append(number(game.payoff(j, p)));
        }
        b.append('\n');
      }
    } else {
      b.append("{\n");
      for (NfgGame.Outcome o : game.outcomes()) {
        b.append("{ ").append(quote(o.name()));
        for (int p = 0; p < n; p++) {
          b.append(p > 0 ? ", " : " ").append(number(o.payoffs().get(p)));
        }
        b.append(" }\n");
      }
      b.append("}\n");
      for (int j = 0; j < game.contingencyCount(); j++) {
        b.append(j > 0 ? " " : "").append(game.outcomeIndex(j));
      }
      b.append('\n');
    }
    out.write(b.toString());
    out.flush();
  }

  /**
   * The payoff-version text of a game.
   *
   * @param game the game
   * @return the file's text
   */
  public static String payoffText(NfgGame game) {
    return text(game.asPayoffVersion());
  }

  /**
   * The text of a game in its own version.
   *
   * @param game the game
   * @return the file's text
   */
  public static String text(NfgGame game) {
    StringWriter w = new StringWriter();
    try {
      write(game, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  /**
   * A TEXT token: the string in double quotes, {@code "} and {@code \} escaped with a backslash.
   *
   * @param s any string
   * @return the quoted text
   */
  public static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * An exact number as {@code p} or {@code p/q} (lowest terms, q &gt; 0).
   *
   * @param x the number
   * @return its text
   */
  public static String number(BigFraction x) {
    return Rationals.format(x);
  }
}
