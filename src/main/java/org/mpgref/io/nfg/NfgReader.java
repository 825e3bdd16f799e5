package org.mpgref.io.nfg;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.io.ExactNumbers;
import org.mpgref.io.Json;
import org.mpgref.io.Text;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * Reads a Gambit {@code .nfg} file (strategic form, version 1) exactly, in both body versions. Hand-written tokenizer
 * and recursive-descent parser; the grammar (from Gambit's documentation, "Game representation formats", checked
 * against {@code gambitproject/gambit@02b9f1102d656c952c7dd5b5ff9e59bbb32b1f09:src/games/file.cc}; full text in
 * specs/nfg.md) is
 *
 * <pre>
 *   nfg        ::= "NFG" "1" ("R" | "D") TEXT players strategies TEXT? body
 *   players    ::= "{" TEXT* "}"                                  (at least one player)
 *   strategies ::= "{" ( ("{" TEXT* "}"){n} | NUMBER{n} ) "}"      (at least one strategy each; NUMBER: digits, &gt; 0)
 *   body       ::= NUMBER{ n * Π k_i }                                                       (payoff version)
 *                | "{" ( "{" TEXT NUMBER ( ","? NUMBER ){n-1} "}" )* "}" NUMBER{ Π k_i }      (outcome version)
 *   TEXT       ::= '"' ( any character but '"' and '\' | '\"' | '\\' | '\' other )* '"'
 *   NUMBER     ::= "-"? DIGITS "/" DIGITS                                         (fraction; denominator ≠ 0)
 *                | "-"? ( DIGITS ( "." DIGITS? )? | "." DIGITS ) ( ("e"|"E") "-"? DIGITS )?   (integer, decimal, exp.)
 * </pre>
 *
 * Tokens are separated by white space (space, tab, CR, LF, FF, VT) or by the single-character tokens {@code { } ,}
 * and {@code "}; there are no comments. Contingencies are listed with player 1 (index 0) varying fastest; in the
 * payoff version each contingency lists the payoffs of players 1..n; an outcome index is 0 (no outcome: all payoffs
 * zero) or k in 1..(number of outcomes). Numbers are exact: {@code 0.1} = 1/10, {@code 1e-3} = 1/1000,
 * {@code 1.5e2} = 150, {@code -2/4} = −1/2.
 *
 * <p><b>Limits</b> (specs/nfg.md): at most {@code Limits.current().maxInputBytes()} bytes are read (one more, then the
 * input is refused naming {@code --max-input-bytes}), so an endless stream costs at most the limit; every number is
 * checked against {@code Limits.current().maxNumberDigits()} before it is built ({@code --max-digits}; a fraction's
 * written numerator and denominator, a decimal's reduced exact value, as {@link ExactNumbers#parse}); the title,
 * player names, strategy labels and outcome names may not contain a character {@link Text#forbidden} (C0 and C1
 * controls, DEL, U+2028, U+2029), so that no name can break a result line (the comment may: it is never printed).
 *
 * <p><b>Escapes in TEXT.</b> {@code \"} is a quote and {@code \\} a backslash; a backslash before any other character
 * is kept as it is (so {@code "a\b"} is the three characters a, \, b, as in Gambit). Gambit itself turns {@code \\}
 * into two backslashes; this reader follows the usual convention so that {@link NfgWriter} can round-trip every
 * label.
 *
 * <p><b>Refused</b> (all as {@link InvalidGameException} with the one-line message
 * {@code source:L:C: what was expected / which rule is broken}, L and C 1-based, columns counted in characters):
 * a missing {@code NFG} header, a version other than {@code 1}, a data type other than R or D, a missing title, a
 * malformed number or word, a leading {@code +} ({@code +1}) or an exponent sign {@code +} ({@code 1e+3}), both of
 * which Gambit rejects, a zero denominator, an unterminated string, a game without players, a player without
 * strategies, a wrong number of strategy lists or counts, too few or too many payoffs (with the numbers expected and
 * found), an outcome with too few or too many payoffs, a comma after an outcome's last payoff (Gambit tolerates it; the
 * grammar does not), an outcome index that is not a non-negative integer or is out of range, and anything after the
 * body. Tables larger than {@link JointActions#MAX_DENSE_ENTRIES} are refused with the sizes.
 *
 * <p>Source: Gambit's parser
 * {@code gambitproject/gambit@02b9f1102d656c952c7dd5b5ff9e59bbb32b1f09:src/games/file.cc} ({@code GameFileLexer},
 * {@code ParseNfgHeader}, {@code ReadStrategies}, {@code ParseOutcomeBody}, {@code ParsePayoffBody}); the format as
 * documented in Gambit's "Game representation formats", "The strategic game (.nfg) file format, payoff version" and
 * "…, outcome version" (https://gambitproject.readthedocs.io/en/stable/formats.nfgpay.html and formats.nfgout.html;
 * source {@code gambitproject/gambit@cb10ed77c952f3a40a57840a7473d33e708817c1:doc/formats.nfgpay.rst} and
 * {@code doc/formats.nfgout.rst}).
 */
public final class NfgReader {
  private static final Pattern FRACTION = Pattern.compile("-?[0-9]+/[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE]-?[0-9]+)?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final int MAX_SHOWN = 40;

  private NfgReader() {}

  /**
   * Reads a game from a file (UTF-8); the path is the source named in errors.
   *
   * @param file the {@code .nfg} file
   * @return the game, exactly as written
   * @throws IOException if the file cannot be read
   * @throws InvalidGameException with {@code path:L:C: message} if the text is malformed, or {@code path: ...} if it is
   *     not UTF-8
   */
  public static NfgGame read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a game from a byte stream of strict UTF-8 text (read to its end, not closed). Made for the CLI's game-reader
   * hook: a read failure is reported like a format error, as one line naming the source.
   *
   * @param in the bytes of an {@code .nfg} file
   * @param source the name used in error messages, e.g. the file name or {@code <stdin>}
   * @return the game, exactly as written
   * @throws InvalidGameException with {@code source:L:C: message} if the text is malformed, or
   *     {@code source: cannot be read: ...} / {@code source: not UTF-8 text ...} (one line)
   */
  public static NfgGame read(InputStream in, String source) {
    byte[] bytes = Json.readBounded(in, source);
    return parse(Json.decodeUtf8(bytes, source), source);
  }

  /**
   * Reads a game from a character stream (read to its end, not closed).
   *
   * @param in the text of an {@code .nfg} file
   * @param source the name used in error messages, e.g. the file name or {@code <stdin>}
   * @return the game, exactly as written
   * @throws IOException if reading fails
   * @throws InvalidGameException with {@code source:L:C: message} (one line) if the text is malformed
   */
  public static NfgGame read(Reader in, String source) throws IOException {
    long max = Limits.current().maxInputBytes();
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
      b.append(buf, 0, r);
      if (b.length() > max) {
        throw tooLarge(source, max);
      }
    }
    return parse(b.toString(), source);
  }

  private static LimitExceededException tooLarge(String source, long max) {
    return new LimitExceededException(oneLine(source) + ": the input", "more than " + max + " characters", max
        + " bytes", "--max-input-bytes");
  }

  /**
   * Reads a game from a string.
   *
   * @param text the text of an {@code .nfg} file
   * @param source the name used in error messages
   * @return the game, exactly as written
   * @throws InvalidGameException with {@code source:L:C: message} (one line) if the text is malformed
   */
  public static NfgGame parse(String text, String source) {
    long max = Limits.current().maxInputBytes();
    if (text.length() > max) {
      throw tooLarge(source, max);
    }
    return new Parser(new Lexer(text, oneLine(source))).parse();
  }

  /**
   * Parses one number token exactly.
   *
   * @param text the token, e.g. {@code -2/4}, {@code 0.1}, {@code 1.5e2}
   * @return its exact value
   * @throws InvalidGameException (without position) naming the token and the rule it breaks
   */
  public static BigFraction parseNumber(String text) {
    return parseNumber(text, "number");
  }

  /**
   * As {@link #parseNumber(String)}, with the digit limit ({@code Limits.current().maxNumberDigits()}) applied before
   * any big number is built: a fraction's written numerator and denominator, and a decimal's reduced exact value.
   *
   * @param text the token
   * @param where the source and position named by a limit refusal, e.g. {@code game.nfg:3:7}
   * @return its exact value
   * @throws InvalidGameException (without position) naming the token and the rule it breaks
   * @throws LimitExceededException naming {@code where} if the number has more digits than the limit
   */
  public static BigFraction parseNumber(String text, String where) {
    return parseNumber(text, () -> where);
  }

  private static BigFraction parseNumber(String text, java.util.function.Supplier<String> where) {
    String shown = show(text);
    if (FRACTION.matcher(text).matches()) {
      int slash = text.indexOf('/');
      String quoted = "'" + shown + "'";
      int max = Limits.current().maxNumberDigits();
      long numDigits = significant(text, text.startsWith("-") ? 1 : 0, slash);
      long denDigits = significant(text, slash + 1, text.length());
      if (numDigits > max) {
        ExactNumbers.requireDigits(where.get(), "the numerator of " + quoted, numDigits);
      }
      if (denDigits > max) {
        ExactNumbers.requireDigits(where.get(), "the denominator of " + quoted, denDigits);
      }
      BigInteger num = new BigInteger(text.substring(0, slash));
      BigInteger den = new BigInteger(text.substring(slash + 1));
      if (den.signum() == 0) {
        throw new InvalidGameException("'" + shown + "' divides by zero; a fraction's denominator must not be 0");
      }
      return BigFraction.of(num, den);
    }
    if (DECIMAL.matcher(text).matches()) {
      boolean negative = text.startsWith("-");
      String body = negative ? text.substring(1) : text;
      int e = Math.max(body.indexOf('e'), body.indexOf('E'));
      String mantissa = e >= 0 ? body.substring(0, e) : body;
      @Nullable String exp = null;
      boolean negativeExp = false;
      if (e >= 0) {
        negativeExp = body.charAt(e + 1) == '-';
        exp = body.substring(negativeExp ? e + 2 : e + 1);
      }
      int dot = mantissa.indexOf('.');
      String intPart = dot >= 0 ? mantissa.substring(0, dot) : mantissa;
      String fracPart = dot >= 0 ? mantissa.substring(dot + 1) : "";
      return ExactNumbers.decimal(negative, intPart, fracPart, negativeExp, exp, text, where);
    }
    if (text.startsWith("+")) {
      throw new InvalidGameException("'" + shown + "' is not a number: a leading '+' is not allowed (Gambit rejects"
          + " it); write '" + show(text.substring(1)) + "'");
    }
    if (text.contains("e+") || text.contains("E+")) {
      throw new InvalidGameException("'" + shown + "' is not a number: an exponent may not carry a '+' sign (Gambit"
          + " rejects it); write '" + show(text.replace("e+", "e").replace("E+", "E")) + "'");
    }
    throw new InvalidGameException("'" + shown + "' is not a number; expected an integer (-12), a decimal (0.25), an"
        + " exponent form (1e-3, 1.5e2) or a fraction (-2/4)");
  }

  /** Digits of text[from, to) without leading zeros (at least 1). */
  private static long significant(String text, int from, int to) {
    int k = from;
    while (k < to - 1 && text.charAt(k) == '0') {
      k++;
    }
    return to - k;
  }

  /** Shortens and flattens text for a one-line message. */
  static String show(String s) {
    String t = oneLine(s);
    return t.length() > MAX_SHOWN ? t.substring(0, MAX_SHOWN) + "..." : t;
  }

  /** Escapes every character {@link Text#forbidden} so a message stays on one line. */
  static String oneLine(String s) {
    return Text.escape(s);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Tokens

  private enum Kind {
    WORD, NUMBER, TEXT, LBRACE, RBRACE, COMMA, EOF
  }

  private static final class Token {
    final Kind kind;
    final String text; // raw text of WORD and NUMBER, decoded text of TEXT, "" otherwise
    final @Nullable BigFraction value; // NUMBER only
    final int line;
    final int col;

    Token(Kind kind, String text, @Nullable BigFraction value, int line, int col) {
      this.kind = kind;
      this.text = text;
      this.value = value;
      this.line = line;
      this.col = col;
    }

    BigFraction value() {
      BigFraction v = value;
      if (v == null) {
        throw new IllegalStateException("not a number token");
      }
      return v;
    }

    String describe() {
      switch (kind) {
        case WORD:
          return "'" + show(text) + "'";
        case NUMBER:
          return "number " + show(text);
        case TEXT:
          return "string \"" + show(text) + "\"";
        case LBRACE:
          return "'{'";
        case RBRACE:
          return "'}'";
        case COMMA:
          return "','";
        default:
          return "end of input";
      }
    }
  }

  private static final class Lexer {
    private final String s;
    private final String source;
    private int i;
    private int line = 1;
    private int col = 1;

    Lexer(String s, String source) {
      this.s = s;
      this.source = source;
    }

    InvalidGameException error(int l, int c, String message) {
      return new InvalidGameException(source + ":" + l + ":" + c + ": " + message);
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDelimiter(char c) {
      return isSpace(c) || c == '{' || c == '}' || c == ',' || c == '"';
    }

    private void advance() {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
        i++;
        return;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      }
      i++;
      col++;
    }

    Token next() {
      while (i < s.length() && isSpace(s.charAt(i))) {
        advance();
      }
      int l = line;
      int c = col;
      if (i >= s.length()) {
        return new Token(Kind.EOF, "", null, l, c);
      }
      char ch = s.charAt(i);
      switch (ch) {
        case '{':
          advance();
          return new Token(Kind.LBRACE, "", null, l, c);
        case '}':
          advance();
          return new Token(Kind.RBRACE, "", null, l, c);
        case ',':
          advance();
          return new Token(Kind.COMMA, "", null, l, c);
        case '"':
          return string(l, c);
        default:
          break;
      }
      int start = i;
      while (i < s.length() && !isDelimiter(s.charAt(i))) {
        advance();
      }
      String w = s.substring(start, i);
      if ((ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.') {
        try {
          return new Token(Kind.NUMBER, w, number(w, l, c), l, c);
        } catch (InvalidGameException e) {
          throw error(l, c, String.valueOf(e.getMessage()));
        }
      }
      return new Token(Kind.WORD, w, null, l, c);
    }

    /** Equal short number tokens share one value (a large table of few distinct payoffs stays small). */
    private final java.util.HashMap<String, BigFraction> shared = new java.util.HashMap<>();

    private BigFraction number(String w, int l, int c) {
      if (w.length() > 32) {
        return parseNumber(w, () -> source + ":" + l + ":" + c);
      }
      @Nullable BigFraction v = shared.get(w);
      if (v == null) {
        v = parseNumber(w, () -> source + ":" + l + ":" + c);
        if (shared.size() < 1 << 16) {
          shared.put(w, v);
        }
      }
      return v;
    }

    private Token string(int l, int c) {
      advance(); // opening quote
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw error(l, c,
              "unterminated string: no closing '\"' before the end of input for the string starting here");
        }
        char ch = s.charAt(i);
        if (ch == '"') {
          advance();
          return new Token(Kind.TEXT, b.toString(), null, l, c);
        }
        if (ch == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
          b.append(s.charAt(i + 1));
          advance();
          advance();
          continue;
        }
        b.append(ch);
        int before = i;
        advance();
        if (i == before + 2) {
          b.append(s.charAt(before + 1)); // the low surrogate of a pair
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Parser

  private static final class Parser {
    private final Lexer lex;
    private Token t;

    Parser(Lexer lex) {
      this.lex = lex;
      this.t = lex.next();
    }

    private InvalidGameException error(Token at, String message) {
      return lex.error(at.line, at.col, message);
    }

    /** The text of a TEXT token used as a name or label, refused if it has a forbidden character. */
    private String printable(Token tok, String what) {
      int k = Text.firstForbidden(tok.text);
      if (k >= 0) {
        throw error(tok, what + " contains the control character " + Text.describeForbidden(tok.text, k) + "; names"
            + " and labels are printable text (no C0/C1 controls, DEL, U+2028 or U+2029)");
      }
      return tok.text;
    }

    private Token take() {
      Token cur = t;
      t = lex.next();
      return cur;
    }

    private Token expect(Kind kind, String what) {
      if (t.kind != kind) {
        throw error(t, "expected " + what + ", found " + t.describe());
      }
      return take();
    }

    NfgGame parse() {
      // header
      if (t.kind != Kind.WORD || !t.text.equals("NFG")) {
        throw error(t, "missing header: expected 'NFG' at the start of a strategic-form file, found " + t.describe());
      }
      take();
      if (t.kind != Kind.NUMBER || !t.text.equals("1")) {
        throw error(t, "unsupported version: expected NFG version '1', found " + t.describe());
      }
      take();
      NfgGame.DataType dataType;
      if (t.kind == Kind.WORD && t.text.equals("R")) {
        dataType = NfgGame.DataType.R;
      } else if (t.kind == Kind.WORD && t.text.equals("D")) {
        dataType = NfgGame.DataType.D;
      } else {
        throw error(t, "expected the data type 'R' or 'D' after 'NFG 1', found " + t.describe());
      }
      take();
      String title = printable(expect(Kind.TEXT, "the game title (a \"...\" string)"), "the title");

      // players
      Token playersOpen = expect(Kind.LBRACE, "'{' opening the list of player names");
      List<String> players = new ArrayList<>();
      while (t.kind == Kind.TEXT) {
        players.add(printable(take(), "the name of player " + (players.size() + 1)));
      }
      if (t.kind != Kind.RBRACE) {
        throw error(t, "expected a player name (a \"...\" string) or '}', found " + t.describe());
      }
      if (players.isEmpty()) {
        throw error(playersOpen, "the game has no players; the player list needs at least one name");
      }
      take();
      int n = players.size();

      // strategies
      Token strategiesOpen = expect(Kind.LBRACE, "'{' opening the strategies");
      List<List<String>> strategies = new ArrayList<>();
      boolean asCounts;
      if (t.kind == Kind.LBRACE) {
        asCounts = false;
        while (t.kind == Kind.LBRACE) {
          Token open = take();
          if (strategies.size() == n) {
            throw error(open, "too many strategy lists: expected " + n + " (one per player), found another");
          }
          List<String> labels = new ArrayList<>();
          while (t.kind == Kind.TEXT) {
            labels.add(printable(take(), "strategy " + (labels.size() + 1) + " of player " + (strategies.size() + 1)));
          }
          if (t.kind != Kind.RBRACE) {
            throw error(t, "expected a strategy label (a \"...\" string) or '}', found " + t.describe());
          }
          if (labels.isEmpty()) {
            throw error(open, "empty strategy set: player " + (strategies.size() + 1) + " (\""
                + show(players.get(strategies.size())) + "\") has no strategies; every player needs at least one");
          }
          take();
          strategies.add(labels);
        }
        if (t.kind != Kind.RBRACE) {
          throw error(t, "expected '{' opening a strategy list or '}', found " + t.describe());
        }
        if (strategies.size() < n) {
          throw error(t, "too few strategy lists: expected " + n + " (one per player), found " + strategies.size());
        }
      } else if (t.kind == Kind.NUMBER) {
        asCounts = true;
        while (t.kind == Kind.NUMBER) {
          Token num = take();
          if (strategies.size() == n) {
            throw error(num, "too many strategy counts: expected " + n + " (one per player), found more");
          }
          if (!DIGITS.matcher(num.text).matches()) {
            throw error(num, "a strategy count must be a positive integer, found " + num.describe());
          }
          BigInteger k = new BigInteger(num.text);
          if (k.signum() == 0) {
            throw error(num, "empty strategy set: player " + (strategies.size() + 1) + " (\""
                + show(players.get(strategies.size())) + "\") has 0 strategies; every player needs at least one");
          }
          if (k.compareTo(BigInteger.valueOf(JointActions.MAX_DENSE_ENTRIES)) > 0) {
            throw error(num, "player " + (strategies.size() + 1) + " has " + show(num.text) + " strategies; a dense"
                + " table is limited to " + JointActions.MAX_DENSE_ENTRIES + " entries");
          }
          strategies.add(NfgGame.countLabels(k.intValue()));
        }
        if (t.kind != Kind.RBRACE) {
          throw error(t, "expected a strategy count (a positive integer) or '}', found " + t.describe());
        }
        if (strategies.size() < n) {
          throw error(t, "too few strategy counts: expected " + n + " (one per player), found " + strategies.size());
        }
      } else {
        throw error(t, "expected '{' opening player 1's strategy labels or a strategy count, found " + t.describe());
      }
      take();
      int[] counts = new int[n];
      for (int p = 0; p < n; p++) {
        counts[p] = strategies.get(p).size();
      }
      int joint;
      try {
        joint = JointActions.countDense(counts, 1);
      } catch (InvalidGameException e) {
        BigInteger product = BigInteger.ONE;
        StringBuilder shape = new StringBuilder();
        for (int p = 0; p < n; p++) {
          product = product.multiply(BigInteger.valueOf(counts[p]));
          shape.append(p > 0 ? "x" : "").append(counts[p]);
        }
        throw error(strategiesOpen, "too large: the strategy sets " + show(shape.toString()) + " give " + product
            + " contingencies x " + (n + 1) + " (payoffs of " + n + " players + 1 transition); a dense table is limited"
            + " to " + JointActions.MAX_DENSE_ENTRIES + " entries");
      }
      try {
        // the memory the game will need, checked from the header before any payoff is read
        JointActions.countTable(counts, 1);
      } catch (InvalidGameException e) {
        throw error(strategiesOpen, "too large: " + e.getMessage());
      }

      // optional comment
      @Nullable String comment = null;
      if (t.kind == Kind.TEXT) {
        comment = take().text;
      }

      // body
      if (t.kind == Kind.LBRACE) {
        return outcomeBody(dataType, title, comment, players, strategies, asCounts, counts, joint);
      }
      if (t.kind == Kind.NUMBER || t.kind == Kind.EOF) {
        return payoffBody(dataType, title, comment, players, strategies, asCounts, counts, joint);
      }
      throw error(t, "expected the payoffs (numbers) or '{' opening the outcome list, found " + t.describe());
    }

    private NfgGame payoffBody(NfgGame.DataType dataType, String title, @Nullable String comment, List<String> players,
        List<List<String>> strategies, boolean asCounts, int[] counts, int joint) {
      int n = counts.length;
      long total = (long) joint * n;
      List<BigFraction> values = new ArrayList<>(); // grows with the input, so a short file costs little
      for (long m = 0; m < total; m++) {
        int j = (int) (m / n);
        int p = (int) (m % n);
        if (t.kind == Kind.EOF) {
          throw error(t, "too few payoffs: expected " + total + " (" + n + " players x " + joint
              + " contingencies), found " + m);
        }
        if (t.kind != Kind.NUMBER) {
          throw error(t, "expected payoff " + (m + 1) + " of " + total + " (player " + (p + 1) + " at contingency "
              + contingency(counts, j) + ") as a number, found " + t.describe());
        }
        values.add(take().value());
      }
      if (t.kind == Kind.NUMBER) {
        Token first = t;
        long found = total + countNumbers();
        throw error(first, "too many payoffs: expected " + total + " (" + n + " players x " + joint
            + " contingencies), found " + found + "; the first extra one is here");
      }
      endOfInput("the " + total + " payoffs");
      BigFraction[][] payoffs = new BigFraction[joint][n];
      for (int j = 0; j < joint; j++) {
        for (int p = 0; p < n; p++) {
          payoffs[j][p] = values.get(j * n + p);
        }
      }
      return NfgGame.payoffVersion(dataType, title, comment, players, strategies, asCounts, payoffs);
    }

    private NfgGame outcomeBody(NfgGame.DataType dataType, String title, @Nullable String comment,
        List<String> players, List<List<String>> strategies, boolean asCounts, int[] counts, int joint) {
      int n = counts.length;
      take(); // '{' opening the outcome list
      List<NfgGame.Outcome> outcomes = new ArrayList<>();
      while (t.kind == Kind.LBRACE) {
        take();
        int k = outcomes.size() + 1;
        String name = printable(expect(Kind.TEXT, "the name of outcome " + k + " (a \"...\" string)"),
            "the name of outcome " + k);
        List<BigFraction> pay = new ArrayList<>();
        for (int p = 0; p < n; p++) {
          if (p > 0 && t.kind == Kind.COMMA) {
            take();
          }
          if (t.kind == Kind.RBRACE) {
            throw error(t, "outcome " + k + " (\"" + show(name) + "\") has " + p + (p == 1 ? " payoff" : " payoffs")
                + "; expected " + n + " (one per player)");
          }
          if (t.kind != Kind.NUMBER) {
            throw error(t, "expected the payoff of player " + (p + 1) + " in outcome " + k + " (a number), found "
                + t.describe());
          }
          pay.add(take().value());
        }
        if (t.kind == Kind.COMMA) {
          Token comma = take();
          if (t.kind == Kind.NUMBER) {
            throw error(t, "outcome " + k + " (\"" + show(name) + "\") has more than " + n + " payoffs; expected " + n
                + " (one per player)");
          }
          throw error(comma, "a ',' after the last payoff of outcome " + k + " is not allowed; expected '}'");
        }
        if (t.kind == Kind.NUMBER) {
          throw error(t, "outcome " + k + " (\"" + show(name) + "\") has more than " + n + " payoffs; expected " + n
              + " (one per player)");
        }
        expect(Kind.RBRACE, "'}' closing outcome " + k);
        outcomes.add(new NfgGame.Outcome(name, pay));
      }
      expect(Kind.RBRACE, "'{' opening an outcome or '}' closing the outcome list");
      int[] index = new int[Math.min(joint, 1024)]; // grows with the input
      BigInteger max = BigInteger.valueOf(outcomes.size());
      for (int j = 0; j < joint; j++) {
        if (t.kind == Kind.EOF) {
          throw error(t, "too few outcome indices: expected " + joint + " (one per contingency), found " + j);
        }
        if (t.kind != Kind.NUMBER) {
          throw error(t, "expected the outcome index of contingency " + contingency(counts, j) + " (a number), found "
              + t.describe());
        }
        if (!DIGITS.matcher(t.text).matches()) {
          throw error(t, "an outcome index must be a non-negative integer, found " + t.describe());
        }
        BigInteger k = new BigInteger(t.text);
        if (k.compareTo(max) > 0) {
          throw error(t, "outcome index " + show(t.text) + " at contingency " + contingency(counts, j)
              + " is out of range: the file defines " + outcomes.size() + " outcomes (valid: 0.." + outcomes.size()
              + ", 0 = all payoffs zero)");
        }
        if (j == index.length) {
          index = Arrays.copyOf(index, (int) Math.min(joint, 2L * index.length));
        }
        index[j] = k.intValue();
        take();
      }
      if (t.kind == Kind.NUMBER) {
        Token first = t;
        long found = joint + countNumbers();
        throw error(first, "too many outcome indices: expected " + joint + " (one per contingency), found " + found
            + "; the first extra one is here");
      }
      endOfInput("the " + joint + " outcome indices");
      return NfgGame.outcomeVersion(dataType, title, comment, players, strategies, asCounts, outcomes, index);
    }

    /** Counts the numbers from the current token on (for "too many" messages). */
    private long countNumbers() {
      long k = 0;
      while (t.kind == Kind.NUMBER) {
        take();
        k++;
      }
      return k;
    }

    private void endOfInput(String after) {
      if (t.kind != Kind.EOF) {
        throw error(t, "trailing text: expected the end of input after " + after + ", found " + t.describe());
      }
    }
  }

  /**
   * A contingency in the file's 1-based numbering, e.g. {@code (2,1)}: player 1 plays strategy 2, player 2 strategy 1.
   */
  static String contingency(int[] counts, int index) {
    int[] c = new int[counts.length];
    JointActions.decode(counts, index, c);
    StringBuilder b = new StringBuilder("(");
    for (int p = 0; p < c.length; p++) {
      b.append(p > 0 ? "," : "").append(c[p] + 1);
    }
    return b.append(')').toString();
  }
}
