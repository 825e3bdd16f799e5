package org.mpgref.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Strict reading of the top-level fields of one server request (specs/server.md): every field has exactly one
 * accepted JSON type and a stated range, and anything else is a {@link RequestException} whose message starts with
 * the field's name, states the rule and shows what was sent, e.g. {@code trials: must be an integer from 1 to 100000,
 * got 2.7}. Nothing is coerced: {@code "20"}, {@code true}, {@code 2.0} and {@code 1e3} are not integers.
 */
final class Params {
  /** Longest part of a sent value shown in an error, in characters. */
  static final int MAX_SHOWN = 40;
  /** Longest accepted string {@code id}, in characters. */
  static final int MAX_ID_LENGTH = 1000;

  private final JsonNode req;

  /**
   * @param req the request object
   */
  Params(JsonNode req) {
    this.req = req;
  }

  /** A refusal of one request, with a one-line message naming the field. */
  static final class RequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line starting with the field name
     */
    RequestException(String message) {
      super(message);
    }
  }

  /**
   * Refuses every field not in {@code allowed}.
   *
   * @param op the request's op (for the message)
   * @param allowed the fields of this op
   * @throws RequestException naming the first unknown field
   */
  void allowOnly(String op, List<String> allowed) {
    for (Iterator<String> it = req.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new RequestException(fieldName(name) + ": unknown field of op " + op + "; its fields are "
            + String.join(", ", allowed));
      }
    }
  }

  /**
   * @param name a field
   * @return whether the request has it (JSON null counts as present, and is refused by the readers)
   */
  boolean has(String name) {
    return req.has(name);
  }

  /**
   * @param name a field
   * @return its value
   * @throws RequestException if it is missing
   */
  JsonNode required(String name, String rule) {
    @Nullable JsonNode v = req.get(name);
    if (v == null) {
      throw new RequestException(name + ": missing; it must be " + rule);
    }
    return v;
  }

  /**
   * @param name a required field whose value is a JSON string of 1..{@code maxLength} characters
   * @param maxLength longest accepted string
   * @return the string
   * @throws RequestException if it is missing or not such a string
   */
  String string(String name, int maxLength) {
    String rule = "a string of 1 to " + maxLength + " characters";
    JsonNode v = required(name, rule);
    if (!v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > maxLength) {
      throw wrong(name, rule, v);
    }
    return v.textValue();
  }

  /**
   * @param name a required field whose value is a JSON object
   * @return the object
   * @throws RequestException if it is missing or not an object
   */
  JsonNode object(String name, String what) {
    String rule = "a JSON object (" + what + ")";
    JsonNode v = required(name, rule);
    if (!v.isObject()) {
      throw wrong(name, rule, v);
    }
    return v;
  }

  /**
   * An optional integer field.
   *
   * @param name the field
   * @param min least accepted value
   * @param max largest accepted value
   * @param absent the value when the field is absent
   * @return the value
   * @throws RequestException if present and not a JSON integer (no fraction, no exponent) in [min, max]
   */
  long integer(String name, long min, long max, long absent) {
    @Nullable JsonNode v = req.get(name);
    if (v == null) {
      return absent;
    }
    String rule = "an integer from " + min + " to " + max;
    if (!v.isIntegralNumber()) {
      throw wrong(name, rule, v);
    }
    BigInteger x = v.bigIntegerValue();
    if (x.compareTo(BigInteger.valueOf(min)) < 0 || x.compareTo(BigInteger.valueOf(max)) > 0) {
      throw wrong(name, rule, v);
    }
    return x.longValueExact();
  }

  /**
   * An optional positive number field (integer or decimal JSON number).
   *
   * @param name the field
   * @param max largest accepted value
   * @param maxText how the limit is named in the message
   * @param absent the value when absent
   * @return the value
   * @throws RequestException if present and not a JSON number in (0, max]
   */
  double positive(String name, double max, String maxText, double absent) {
    @Nullable JsonNode v = req.get(name);
    if (v == null) {
      return absent;
    }
    String rule = "a number greater than 0 and at most " + maxText;
    if (!v.isNumber()) {
      throw wrong(name, rule, v);
    }
    BigDecimal x = v.decimalValue();
    if (x.signum() <= 0 || x.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw wrong(name, rule, v);
    }
    return x.doubleValue();
  }

  /**
   * The request id: absent, a JSON integer in the signed 64-bit range, or a string of at most
   * {@value #MAX_ID_LENGTH} characters.
   *
   * @param req the request object
   * @return the id node, or null if absent
   * @throws RequestException if the id is of another kind
   */
  static @Nullable JsonNode id(JsonNode req) {
    @Nullable JsonNode v = req.get("id");
    if (v == null) {
      return null;
    }
    boolean ok = v.isTextual() && v.textValue().length() <= MAX_ID_LENGTH
        || v.isIntegralNumber() && v.bigIntegerValue().bitLength() < 64;
    if (!ok) {
      throw wrong("id", "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + " or a string of at most "
          + MAX_ID_LENGTH + " characters", v);
    }
    return v;
  }

  /**
   * @param name the field
   * @param rule what it must be
   * @param v what was sent
   * @return the refusal "{@code <name>: must be <rule>, got <v>}"
   */
  static RequestException wrong(String name, String rule, JsonNode v) {
    return new RequestException(name + ": must be " + rule + ", got " + show(v));
  }

  /**
   * A short, one-line, escaped rendering of a sent value: strings quoted and JSON-escaped, numbers in their exact
   * value (scientific form {@code 1e30} when written with an exponent), objects and arrays by kind only.
   *
   * @param v the value
   * @return at most about {@value #MAX_SHOWN} characters
   */
  static String show(JsonNode v) {
    if (v.isTextual()) {
      String s = v.textValue();
      boolean cut = s.length() > MAX_SHOWN;
      String quoted = new TextNode(cut ? s.substring(0, MAX_SHOWN) : s).toString();
      return ascii(cut ? quoted.substring(0, quoted.length() - 1) + "...\"" : quoted);
    }
    if (v.isIntegralNumber()) {
      return cut(v.bigIntegerValue().toString());
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      String s = d.scale() < 0 || d.scale() > 20 ? d.toString() : d.toPlainString();
      return cut(s.replace("E+", "e").replace('E', 'e'));
    }
    if (v.isBoolean() || v.isNull()) {
      return v.toString();
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.isArray() ? "an array" : "a " + v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name a field name as sent
   * @return the name JSON-escaped (without quotes), ASCII only and cut to {@value #MAX_SHOWN} characters
   */
  static String fieldName(String name) {
    String q = new TextNode(name.length() > MAX_SHOWN ? name.substring(0, MAX_SHOWN) + "..." : name).toString();
    return ascii(q.substring(1, q.length() - 1));
  }

  private static String cut(String s) {
    return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "... (" + s.length() + " characters)" : s;
  }

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < 0x20 || c >= 0x7f) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
