package org.mpgref.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.numbers.Rationals;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

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
 * {@code Infinity} and every other word, and a zero denominator.
 *
 * <p><b>Digit limit</b> ({@code --max-digits}, {@code Limits.current().maxNumberDigits()}, default 10,000): refused
 * with a one-line {@link LimitExceededException} naming the entry, before any big number is built: an integer or a
 * fraction whose written numerator or denominator has more digits (leading zeros not counted), and a decimal whose
 * exact value, reduced, has a numerator or a denominator with more digits ({@code "1e9999"} has 10,000 digits and is
 * read; {@code "1e-10000"}, whose denominator 10^10000 has 10,001 digits, and {@code "1e20000"} are refused; trailing
 * zeros cost nothing: {@code "1.000"} is 1). So a 20-character input cannot ask for a 10^(10^9) integer.
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
   * @throws FormatException (without source) naming the entry if the text is not a number of the grammar or has a
   *     zero denominator
   * @throws LimitExceededException naming the entry if its numerator or denominator has more than
   *     {@code Limits.current().maxNumberDigits()} decimal digits (checked before the number is built)
   */
  public static BigFraction parse(String text, String entry) {
    return parse(text, entry, "");
  }

  /** As {@link #parse(String, String)}; limit refusals name {@code source: entry}. */
  static BigFraction parse(String text, String entry, String source) {
    Supplier<String> where = () -> source.isEmpty() ? entry : source + ": " + entry;
    if (INTEGER.matcher(text).matches()) {
      check(where, "the integer ", text, significantDigits(text, text.startsWith("-") ? 1 : 0, text.length()));
      return BigFraction.of(new BigInteger(text));
    }
    Matcher f = FRACTION.matcher(text);
    if (f.matches()) {
      String p = String.valueOf(f.group(1));
      String qt = String.valueOf(f.group(2));
      check(where, "the numerator of ", text, significantDigits(p, p.startsWith("-") ? 1 : 0, p.length()));
      check(where, "the denominator of ", text, significantDigits(qt, 0, qt.length()));
      BigInteger q = new BigInteger(qt);
      if (q.signum() == 0) {
        throw new FormatException("", entry, quote(text) + " has denominator 0; a fraction p/q needs q != 0");
      }
      return BigFraction.of(new BigInteger(p), q);
    }
    Matcher d = DECIMAL.matcher(text);
    if (d.matches() && (d.group(3) != null || d.group(5) != null)) {
      String fracGroup = d.group(3);
      @Nullable String expDigits = d.group(5);
      return decimal("-".equals(d.group(1)), String.valueOf(d.group(2)), fracGroup == null ? "" : fracGroup,
          "-".equals(d.group(4)), expDigits, text, where);
    }
    throw new FormatException("", entry, quote(text) + " is not a number; write an integer, a fraction p/q or a"
        + " decimal such as 0.25 or 2.5e-3 (no NaN, Infinity, leading + or spaces)");
  }

  /** Digits of text[from, to) without leading zeros (at least 1). */
  private static long significantDigits(String text, int from, int to) {
    int k = from;
    while (k < to - 1 && text.charAt(k) == '0') {
      k++;
    }
    return to - k;
  }

  /**
   * The exact value of the decimal {@code ±I.F × 10^(±E)}: refused, before any big number is built, when the
   * numerator or the denominator of the reduced value has more than the digit limit. With D = the digits IF without
   * leading and trailing zeros and e = E − |F| + (trailing zeros), the value is D·10^e; for e ≥ 0 the numerator has
   * |D| + e digits; for e &lt; 0 the reduced denominator is 10^(−e)/gcd(D, 10^(−e)) ≥ 2^(−e) and the numerator is at
   * least D/5^(−e), which give lower bounds; between the bounds the value is built (at most about 4.4 times the limit
   * in digits) and its digits are counted exactly.
   *
   * @param negative whether a minus sign precedes the number
   * @param intDigits the digits before the point (may be empty: {@code .5})
   * @param fracDigits the digits after the point (may be empty)
   * @param negativeExponent whether the exponent is negative
   * @param expDigits the exponent's digits, null if there is no exponent
   * @param text the whole number as written (for messages)
   * @param where the source and entry named by a refusal
   * @return its exact value
   * @throws LimitExceededException if the reduced numerator or denominator has more than
   *     {@code Limits.current().maxNumberDigits()} digits
   */
  public static BigFraction decimal(boolean negative, String intDigits, String fracDigits, boolean negativeExponent,
      @Nullable String expDigits, String text, String where) {
    return decimal(negative, intDigits, fracDigits, negativeExponent, expDigits, text, () -> where);
  }

  /**
   * As {@link #decimal(boolean, String, String, boolean, String, String, String)}, with the source and entry computed
   * only for a refusal.
   *
   * @param negative whether a minus sign precedes the number
   * @param intDigits the digits before the point (may be empty)
   * @param fracDigits the digits after the point (may be empty)
   * @param negativeExponent whether the exponent is negative
   * @param expDigits the exponent's digits, null if there is no exponent
   * @param text the whole number as written (for messages)
   * @param where gives the source and entry named by a refusal
   * @return its exact value
   * @throws LimitExceededException as the other overload
   */
  public static BigFraction decimal(boolean negative, String intDigits, String fracDigits, boolean negativeExponent,
      @Nullable String expDigits, String text, Supplier<String> where) {
    Scaled v = scaled(negative, intDigits, fracDigits, negativeExponent, expDigits, text, where);
    if (v.exponent >= 0) {
      return BigFraction.of(v.exponent == 0 ? v.unscaled : v.unscaled.multiply(BigInteger.TEN.pow((int) v.exponent)));
    }
    BigFraction x = BigFraction.of(v.unscaled, BigInteger.TEN.pow((int) -v.exponent));
    check(where, "the numerator of ", text, digits(x.getNumerator()));
    check(where, "the denominator of ", text, digits(x.getDenominator()));
    return x;
  }

  /** A decimal D·10^e with D free of trailing zeros (0 for zero), checked against the digit bounds. */
  static final class Scaled {
    final BigInteger unscaled;
    final long exponent;

    Scaled(BigInteger unscaled, long exponent) {
      this.unscaled = unscaled;
      this.exponent = exponent;
    }
  }

  /**
   * The JSON decimal number {@code text} as an exact big decimal, refused with the digit limit exactly as
   * {@link #parse} would refuse it (bounds checked before anything big is built).
   *
   * @param text a JSON number with a fraction or an exponent
   * @param where source and entry for the refusal
   * @return its value
   */
  static BigDecimal jsonDecimal(String text, Supplier<String> where) {
    Matcher d = DECIMAL.matcher(text);
    if (!d.matches()) {
      throw new FormatException("", where.get(), quote(text) + " is not a number");
    }
    String fracGroup = d.group(3);
    Scaled v = scaled("-".equals(d.group(1)), String.valueOf(d.group(2)), fracGroup == null ? "" : fracGroup,
        "-".equals(d.group(4)), d.group(5), text, where);
    if (v.exponent < 0) {
      decimal("-".equals(d.group(1)), String.valueOf(d.group(2)), fracGroup == null ? "" : fracGroup,
          "-".equals(d.group(4)), d.group(5), text, where); // exact digit count of the reduced fraction
    }
    return new BigDecimal(v.unscaled, (int) -v.exponent);
  }

  private static Scaled scaled(boolean negative, String intDigits, String fracDigits, boolean negativeExponent,
      @Nullable String expDigits, String text, Supplier<String> where) {
    String all = fracDigits.isEmpty() ? intDigits : intDigits + fracDigits;
    int lead = 0;
    while (lead < all.length() && all.charAt(lead) == '0') {
      lead++;
    }
    if (lead == all.length()) {
      return new Scaled(BigInteger.ZERO, 0);
    }
    int trail = all.length();
    while (all.charAt(trail - 1) == '0') {
      trail--;
    }
    String core = all.substring(lead, trail);
    long exponent = 0;
    int max = Limits.current().maxNumberDigits();
    if (expDigits != null) {
      String stripped = expDigits.replaceFirst("^0+(?=.)", "");
      if (stripped.length() > 15) {
        throw new LimitExceededException(where.get() + ": the " + (negativeExponent ? "denominator" : "numerator") + " of "
            + quote(text), "more than 10^14 digits", max + " digits", "--max-digits");
      }
      exponent = Long.parseLong(stripped);
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    long e = exponent - fracDigits.length() + (all.length() - trail);
    if (e >= 0) {
      check(where, "the number ", text, core.length() + e);
    } else {
      long k = -e;
      long denominatorAtLeast = (long) Math.floor(k * LOG10_2) + 1;
      if (denominatorAtLeast > max) {
        throw new LimitExceededException(where.get() + ": the denominator of " + quote(text), "at least "
            + denominatorAtLeast + " digits", max + " digits", "--max-digits");
      }
      long numeratorAtLeast = core.length() - (long) Math.ceil(k * LOG10_5);
      if (numeratorAtLeast > max) {
        throw new LimitExceededException(where.get() + ": the numerator of " + quote(text), "at least "
            + numeratorAtLeast + " digits", max + " digits", "--max-digits");
      }
    }
    BigInteger v = new BigInteger(core);
    return new Scaled(negative ? v.negate() : v, e);
  }

  private static final double LOG10_2 = Math.log10(2);
  private static final double LOG10_5 = Math.log10(5);

  /**
   * @param x an integer
   * @return the number of decimal digits of |x| (1 for 0)
   */
  public static long digits(BigInteger x) {
    int bits = x.bitLength();
    if (bits < 63) {
      long v = Math.abs(x.longValue());
      long d = 1;
      for (long t = 10; t <= v && d < 19; t *= 10) {
        d++;
      }
      return d;
    }
    BigInteger a = x.abs();
    bits = a.bitLength();
    if (bits <= 1) {
      return 1;
    }
    // 2^(bits-1) <= a < 2^bits, so a has lo or lo + 1 digits
    long lo = (long) Math.floor((bits - 1) * LOG10_2) + 1;
    return a.compareTo(BigInteger.TEN.pow((int) lo)) >= 0 ? lo + 1 : lo;
  }

  /**
   * Refuses a numerator or denominator with more than {@code Limits.current().maxNumberDigits()} digits.
   *
   * @param where the source and entry, e.g. {@code game.json: rewards[2][5]}
   * @param what the part, e.g. {@code the denominator of "1/3"}
   * @param digits its number of decimal digits
   * @throws LimitExceededException if digits is above the limit
   */
  public static void requireDigits(String where, String what, long digits) {
    int max = Limits.current().maxNumberDigits();
    if (digits > max) {
      throw new LimitExceededException(where + ": " + what, digits + " digits", max + " digits", "--max-digits");
    }
  }

  private static void check(Supplier<String> where, String part, String text, long digits) {
    if (digits > Limits.current().maxNumberDigits()) {
      requireDigits(where.get(), part + quote(text), digits);
    }
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
    return read(node, entry, "");
  }

  /** As {@link #read(JsonNode, String)}; limit refusals name {@code source: entry}. */
  static BigFraction read(JsonNode node, String entry, String source) {
    if (node.isIntegralNumber()) {
      BigInteger v = node.bigIntegerValue();
      if (v.bitLength() > 30) { // an int has at most 10 digits; the limit is at least 1 digit
        long n = digits(v);
        if (n > Limits.current().maxNumberDigits()) {
          requireDigits(source.isEmpty() ? entry : source + ": " + entry, "the integer " + quote(v.toString()), n);
        }
      } else if (Limits.current().maxNumberDigits() < 10) {
        check(() -> source.isEmpty() ? entry : source + ": " + entry, "the integer ", v.toString(), digits(v));
      }
      return BigFraction.of(v);
    }
    if (node.isBigDecimal()) {
      // the text as written (Json keeps it), else BigDecimal.toString: exact, within the grammar, same limits
      String written = node instanceof Json.WrittenDecimal ? ((Json.WrittenDecimal) node).written()
          : node.decimalValue().toString();
      return parse(written, entry, source);
    }
    if (node.isNumber()) {
      throw new FormatException("", entry, "a JSON number was read through a double; parse documents with"
          + " org.mpgref.io.Json so that numbers are read exactly from their text");
    }
    if (node.isTextual()) {
      return parse(node.textValue(), entry, source);
    }
    if (node.isObject() && node.has("exact")) {
      return readAnnotated(node, entry, source);
    }
    throw new FormatException("", entry, "is " + describe(node) + "; expected a number (an integer, a fraction \"p/q\""
        + " or a decimal)");
  }

  private static BigFraction readAnnotated(JsonNode node, String entry, String source) {
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
    BigFraction x = read(exactNode, entry + ".exact", source);
    JsonNode dec = node.get("decimal");
    if (dec == null) {
      throw new FormatException("", entry, "missing field \"decimal\" of an annotated number");
    }
    if (!dec.isTextual() || dec.textValue().length() > MAX_DIGITS + 32 || !DECIMAL.matcher(dec.textValue()).matches()) {
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
      if (Text.forbidden(c)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
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
