package org.mpgref.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.Rationals;

/**
 * Exact reading and writing of the numbers of every mpgref format. No {@code double} is ever involved.
 *
 * <p><b>Grammar of a number written as a string</b> (the whole string must match; no surrounding whitespace):
 *
 * <pre>
 *   integer   -?[0-9]+                                   "3", "-12", "007" (= 7)
 *   fraction  -?[0-9]+/[0-9]+     denominator not 0      "1/3", "-22/15"  ("1/0" is refused)
 *   decimal   -?[0-9]+\.[0-9]+([eE][+-]?[0-9]+)?         "0.1" (= 1/10), "-2.5e-3" (= -1/400)
 *             -?[0-9]+[eE][+-]?[0-9]+                     "1e-3" (= 1/1000), "1E+400" (= 10^400)
 * </pre>
 *
 * A decimal is the exact rational it denotes ("0.1" is 1/10, never the double nearest to 0.1). Refused, each with a
 * one-line {@link FormatException} naming the entry: the empty string, whitespace anywhere, a leading {@code +}
 * ({@code "+1"}: one spelling per number keeps files diffable), {@code ".5"} and {@code "5."}, {@code NaN},
 * {@code Infinity} and every other word, a zero denominator, a text longer than {@value #MAX_LENGTH} characters, and
 * an exponent outside ±{@value #MAX_EXPONENT} (so a 20-character input cannot ask for a 10^(10^9) integer).
 *
 * <p><b>A number in a JSON document</b> ({@link #read}) may be a JSON integer, a JSON decimal number (read exactly
 * from its text by {@link Json}, which never lets Jackson go through a double), a string in the grammar above, or an
 * <em>annotated number</em> {@code {"exact": X, "decimal": "D"}} as written with {@code --digits}: X is read as above
 * and D must be X correctly rounded to as many significant digits as D has (so an edited D is refused rather than
 * ignored). A JSON number too large or too long is refused in the same way as the string.
 *
 * <p><b>Writing</b> ({@link #format}, {@link #decimal}, {@link #toJson}): exact {@code p/q} by default; a decimal
 * rendering only on request, with a given number of <em>significant</em> digits, computed by exact
 * {@link BigDecimal} division and correctly rounded (to nearest, ties to even).
 */
public final class ExactNumbers {
  /** Longest accepted number text, in characters. */
  public static final int MAX_LENGTH = 100_000;
  /** Largest accepted |exponent| of a decimal. */
  public static final int MAX_EXPONENT = 10_000;
  /** Largest number of significant digits of a decimal rendering. */
  public static final int MAX_DIGITS = 10_000;
  /** Integers with |x| up to this are written as JSON integers, larger ones as strings (exact in every reader). */
  public static final BigInteger JSON_SAFE_INTEGER = BigInteger.ONE.shiftLeft(53);

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern FRACTION = Pattern.compile("(-?[0-9]+)/([0-9]+)");
  private static final Pattern DECIMAL = Pattern.compile("(-?)([0-9]+)(?:\\.([0-9]+))?(?:[eE]([+-]?)([0-9]+))?");

  private ExactNumbers() {}

  /**
   * Parses a number written as text (grammar in the class comment).
   *
   * @param text the text
   * @param entry the entry's path, used in the error (e.g. {@code rewards[0][3]})
   * @return its exact value
   * @throws FormatException (without source) naming the entry if the text is not a number of the grammar, has a zero
   *     denominator, or is too long or too large
   */
  public static BigFraction parse(String text, String entry) {
    if (text.length() > MAX_LENGTH) {
      throw new FormatException("", entry, "number text has " + text.length() + " characters; the limit is "
          + MAX_LENGTH);
    }
    if (INTEGER.matcher(text).matches()) {
      return BigFraction.of(new BigInteger(text));
    }
    Matcher f = FRACTION.matcher(text);
    if (f.matches()) {
      BigInteger q = new BigInteger(String.valueOf(f.group(2)));
      if (q.signum() == 0) {
        throw new FormatException("", entry, quote(text) + " has denominator 0; a fraction p/q needs q != 0");
      }
      return BigFraction.of(new BigInteger(String.valueOf(f.group(1))), q);
    }
    Matcher d = DECIMAL.matcher(text);
    if (d.matches() && (d.group(3) != null || d.group(5) != null)) {
      String fracGroup = d.group(3);
      String frac = fracGroup == null ? "" : fracGroup;
      long exponent = 0;
      String expDigits = d.group(5);
      if (expDigits != null) {
        String stripped = expDigits.replaceFirst("^0+(?=.)", "");
        if (stripped.length() > 6 || Long.parseLong(stripped) > MAX_EXPONENT) {
          throw new FormatException("", entry, quote(text) + " has an exponent outside +-" + MAX_EXPONENT);
        }
        exponent = Long.parseLong(stripped);
        if ("-".equals(d.group(4))) {
          exponent = -exponent;
        }
      }
      BigInteger digits = new BigInteger(String.valueOf(d.group(2)) + frac);
      if ("-".equals(d.group(1))) {
        digits = digits.negate();
      }
      long shift = exponent - frac.length();
      BigInteger pow = BigInteger.TEN.pow((int) Math.abs(shift));
      return shift >= 0 ? BigFraction.of(digits.multiply(pow)) : BigFraction.of(digits, pow);
    }
    throw new FormatException("", entry, quote(text) + " is not a number; write an integer, a fraction p/q or a"
        + " decimal such as 0.25 or 2.5e-3 (no NaN, Infinity, leading + or spaces)");
  }

  /**
   * Reads a number from a JSON node (see the class comment for what is accepted).
   *
   * @param node the node; JSON numbers must come from a document parsed by {@link Json} (exact big numbers)
   * @param entry the entry's path, used in errors
   * @return its exact value
   * @throws FormatException (without source) naming the entry if the node is not a number in one of the accepted
   *     forms, or is a JSON number that was read through a double (a document not parsed by {@link Json})
   */
  public static BigFraction read(JsonNode node, String entry) {
    if (node.isIntegralNumber()) {
      return BigFraction.of(node.bigIntegerValue());
    }
    if (node.isBigDecimal()) {
      // BigDecimal.toString is exact (plain or scientific notation), within the grammar, and the same limits apply.
      return parse(node.decimalValue().toString(), entry);
    }
    if (node.isNumber()) {
      throw new FormatException("", entry, "a JSON number was read through a double; parse documents with"
          + " org.mpgref.io.Json so that numbers are read exactly from their text");
    }
    if (node.isTextual()) {
      return parse(node.textValue(), entry);
    }
    if (node.isObject() && node.has("exact")) {
      return readAnnotated(node, entry);
    }
    throw new FormatException("", entry, "is " + describe(node) + "; expected a number (an integer, a fraction \"p/q\""
        + " or a decimal)");
  }

  private static BigFraction readAnnotated(JsonNode node, String entry) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!"exact".equals(k) && !"decimal".equals(k)) {
        throw new FormatException("", entry + "." + k, "unknown field; an annotated number has only \"exact\" and"
            + " \"decimal\"");
      }
    }
    JsonNode exactNode = node.get("exact");
    if (exactNode == null || exactNode.isObject()) {
      throw new FormatException("", entry + ".exact", "expected a number");
    }
    BigFraction x = read(exactNode, entry + ".exact");
    JsonNode dec = node.get("decimal");
    if (dec == null) {
      throw new FormatException("", entry, "missing field \"decimal\" of an annotated number");
    }
    if (!dec.isTextual() || !DECIMAL.matcher(dec.textValue()).matches() || dec.textValue().length() > MAX_LENGTH) {
      throw new FormatException("", entry + ".decimal", "expected a decimal string such as \"1.4667\"");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(dec.textValue());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new FormatException("", entry + ".decimal", quote(dec.textValue()) + " is not a decimal");
    }
    boolean consistent;
    if (d.signum() == 0 || x.signum() == 0) {
      consistent = d.signum() == 0 && x.signum() == 0;
    } else if (d.precision() > MAX_DIGITS) {
      consistent = false;
    } else {
      consistent = round(x, d.precision()).compareTo(d) == 0;
    }
    if (!consistent) {
      throw new FormatException("", entry + ".decimal", quote(dec.textValue()) + " is not " + Rationals.format(x)
          + " rounded to " + d.precision() + " significant digits");
    }
    return x;
  }

  /**
   * The exact text of a fraction, optionally followed by a decimal rendering.
   *
   * @param x the number
   * @param digits 0 for the exact text only ({@code p/q}, or {@code p} for an integer); otherwise the exact text, one
   *     space and {@link #decimal}{@code (x, digits)}, e.g. {@code "22/15 1.46667"} for 6 digits
   * @return the text
   * @throws IllegalArgumentException if digits is negative or above {@link #MAX_DIGITS}
   */
  public static String format(BigFraction x, int digits) {
    checkDigits(digits);
    return digits == 0 ? Rationals.format(x) : Rationals.format(x) + " " + decimal(x, digits);
  }

  /**
   * A decimal rendering of x with exactly {@code digits} significant digits, correctly rounded (to nearest, ties to
   * even) from the exact value by {@link BigDecimal} division: plain notation ({@code 1.46667}, {@code 0.000123400})
   * when the decimal exponent e of the rounded value satisfies −6 ≤ e &lt; digits (so that every digit shown is
   * significant), otherwise scientific notation with a lower-case {@code e} ({@code 1.35000e-12}, {@code 1.23e5});
   * {@code 0} for zero. The number of digits shown is exactly {@code digits}, which is how
   * {@link #read} checks an annotated number.
   *
   * @param x the number
   * @param digits significant digits, 1..{@link #MAX_DIGITS}
   * @return the rendering
   * @throws IllegalArgumentException if digits is outside 1..{@link #MAX_DIGITS}
   */
  public static String decimal(BigFraction x, int digits) {
    if (digits < 1) {
      throw new IllegalArgumentException("digits must be >= 1 for a decimal rendering, got " + digits);
    }
    checkDigits(digits);
    if (x.signum() == 0) {
      return "0";
    }
    BigDecimal q = round(x, digits);
    int exponent = q.precision() - q.scale() - 1; // adjusted exponent of the rounded value
    // pad with zeros so that exactly `digits` significant digits show
    q = q.setScale(digits - 1 - exponent, RoundingMode.UNNECESSARY);
    if (exponent >= -6 && exponent < digits) {
      return q.toPlainString();
    }
    String unscaled = q.unscaledValue().abs().toString();
    StringBuilder b = new StringBuilder();
    if (q.signum() < 0) {
      b.append('-');
    }
    b.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      b.append('.').append(unscaled, 1, unscaled.length());
    }
    return b.append('e').append(exponent).toString();
  }

  private static BigDecimal round(BigFraction x, int digits) {
    BigInteger num = x.getNumerator();
    BigInteger den = x.getDenominator();
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    return new BigDecimal(num).divide(new BigDecimal(den), new MathContext(digits, RoundingMode.HALF_EVEN));
  }

  /**
   * The JSON form of an exact number as mpgref writes it: a JSON integer when x is an integer with |x| ≤ 2^53 (exact
   * in every JSON reader), otherwise the string {@code "p/q"} (or {@code "p"}); with {@code digits > 0} the annotated
   * number {@code {"exact": ..., "decimal": decimal(x, digits)}}.
   *
   * @param x the number
   * @param digits 0 for the exact form only, else significant digits of the added decimal
   * @return a new JSON node
   * @throws IllegalArgumentException if digits is negative or above {@link #MAX_DIGITS}
   */
  public static JsonNode toJson(BigFraction x, int digits) {
    checkDigits(digits);
    JsonNode exact = exactJson(x);
    if (digits == 0) {
      return exact;
    }
    com.fasterxml.jackson.databind.node.ObjectNode o = Json.nodes().objectNode();
    o.set("exact", exact);
    o.put("decimal", decimal(x, digits));
    return o;
  }

  private static JsonNode exactJson(BigFraction x) {
    BigInteger den = x.getDenominator().abs();
    if (den.equals(BigInteger.ONE)) {
      BigInteger n = x.getDenominator().signum() < 0 ? x.getNumerator().negate() : x.getNumerator();
      if (n.abs().compareTo(JSON_SAFE_INTEGER) <= 0) {
        return Json.nodes().numberNode(n.longValueExact());
      }
      return Json.nodes().textNode(n.toString());
    }
    return Json.nodes().textNode(Rationals.format(x));
  }

  private static void checkDigits(int digits) {
    if (digits < 0 || digits > MAX_DIGITS) {
      throw new IllegalArgumentException("digits must be in 0.." + MAX_DIGITS + ", got " + digits);
    }
  }

  /**
   * Quotes a piece of input for an error message: at most 40 characters, control characters escaped.
   *
   * @param text the input text
   * @return the quoted text
   */
  static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int k = 0; k < text.length() && k < 40; k++) {
      char c = text.charAt(k);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    if (text.length() > 40) {
      b.append("...");
    }
    return b.append('"').toString();
  }

  /**
   * A short description of a JSON node's type for error messages.
   *
   * @param node the node
   * @return e.g. {@code "a boolean"}, {@code "an object"}, {@code "null"}
   */
  static String describe(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isMissingNode()) {
      return "missing";
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
