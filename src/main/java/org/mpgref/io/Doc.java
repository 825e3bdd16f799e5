package org.mpgref.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.numbers.Rationals;

/**
 * Reading helpers bound to one input: every error is a {@link FormatException} naming this source and the entry's
 * path. Paths: {@code key} for a top-level field, {@code a.b} for nested fields, {@code a[3]} for array elements.
 */
final class Doc {
  private static final Pattern VERSIONED = Pattern.compile("(mpgref-[a-z-]+)/([0-9]+)");

  final String source;

  Doc(String source) {
    this.source = source;
  }

  FormatException error(String entry, String rule) {
    return new FormatException(source, entry, rule);
  }

  /** Re-attributes a number error (thrown without source) to this input. */
  BigFraction number(JsonNode node, String entry) {
    try {
      return ExactNumbers.read(node, entry, source);
    } catch (FormatException e) {
      throw e.source().isEmpty() ? e.withSource(source) : e;
    }
  }

  /** A number that must be ≥ 0 (a probability entry). */
  BigFraction probability(JsonNode node, String entry) {
    BigFraction p = number(node, entry);
    if (p.signum() < 0) {
      throw error(entry, Rationals.format(p) + " is negative; probabilities must be >= 0");
    }
    return p;
  }

  /** Checks that probabilities read at {@code entry} sum to exactly 1. */
  void requireSumOne(BigFraction[] row, String entry, String what) {
    BigFraction s = Rationals.sum(row);
    if (!s.equals(BigFraction.ONE)) {
      throw error(entry, what + " sums to " + Rationals.format(s) + "; it must sum to exactly 1");
    }
  }

  /** A distribution written as an array of {@code length} probabilities. */
  BigFraction[] distribution(JsonNode node, String entry, int length, String what) {
    JsonNode a = array(node, entry, length);
    BigFraction[] row = new BigFraction[length];
    for (int k = 0; k < length; k++) {
      row[k] = probability(a.get(k), entry + "[" + k + "]");
    }
    requireSumOne(row, entry, what);
    return row;
  }

  /** An integer in {@code min..max} written as a number (JSON integer or string). */
  int integer(JsonNode node, String entry, long min, long max) {
    BigFraction x = number(node, entry);
    if (!x.getDenominator().abs().equals(BigInteger.ONE)) {
      throw error(entry, Rationals.format(x) + " is not an integer");
    }
    BigInteger v = x.getNumerator().multiply(BigInteger.valueOf(x.getDenominator().signum()));
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw error(entry, v + " is outside " + min + ".." + max);
    }
    return v.intValueExact();
  }

  JsonNode object(JsonNode node, String entry) {
    if (!node.isObject()) {
      throw error(entry, "is " + ExactNumbers.describe(node) + "; expected an object");
    }
    return node;
  }

  JsonNode array(JsonNode node, String entry) {
    if (!node.isArray()) {
      throw error(entry, "is " + ExactNumbers.describe(node) + "; expected an array");
    }
    return node;
  }

  /** An array of exactly {@code length} elements. */
  JsonNode array(JsonNode node, String entry, int length) {
    array(node, entry);
    if (node.size() != length) {
      throw error(entry, "has " + node.size() + " entries; expected " + length);
    }
    return node;
  }

  /** A non-empty array. */
  JsonNode nonEmptyArray(JsonNode node, String entry) {
    array(node, entry);
    if (node.isEmpty()) {
      throw error(entry, "is empty; expected at least one entry");
    }
    return node;
  }

  String string(JsonNode node, String entry) {
    if (!node.isTextual()) {
      throw error(entry, "is " + ExactNumbers.describe(node) + "; expected a string");
    }
    return node.textValue();
  }

  /** A required field of an object. */
  JsonNode required(JsonNode object, String key, String entry) {
    @Nullable JsonNode v = object.get(key);
    if (v == null) {
      throw error(entry, "missing field; it is required here");
    }
    return v;
  }

  /** Refuses fields not in {@code allowed} (a misspelt field must not be silently ignored). */
  void allowOnly(JsonNode object, String prefix, List<String> allowed) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw error(join(prefix, k), "unknown field; allowed here: " + String.join(", ", allowed));
      }
    }
  }

  /** Checks the format tag {@code "format": expected}. */
  void requireFormat(JsonNode root, String expected) {
    object(root, "(document)");
    @Nullable JsonNode tag = root.get("format");
    if (tag == null) {
      throw error("format", "missing; the document must start with \"format\": \"" + expected + "\"");
    }
    String t = string(tag, "format");
    if (t.equals(expected)) {
      return;
    }
    Matcher m = VERSIONED.matcher(t);
    Matcher e = VERSIONED.matcher(expected);
    if (m.matches() && e.matches() && String.valueOf(m.group(1)).equals(e.group(1))) {
      throw error("format", ExactNumbers.quote(t) + " is a version this reader does not know; it reads \"" + expected
          + "\"");
    }
    throw error("format", "is " + ExactNumbers.quote(t) + "; expected \"" + expected + "\"");
  }

  /** A label: 1..{@value GameFormat#MAX_LABEL_LENGTH} characters, no control characters. */
  String label(JsonNode node, String entry) {
    String s = string(node, entry);
    if (s.isEmpty() || s.length() > GameFormat.MAX_LABEL_LENGTH) {
      throw error(entry, "label has " + s.length() + " characters; it needs 1.." + GameFormat.MAX_LABEL_LENGTH);
    }
    printable(s, entry, "label");
    return s;
  }

  /**
   * Refuses text with a character {@link Text#forbidden} (C0, DEL, C1, U+2028, U+2029): names and labels are printed
   * on result lines.
   */
  void printable(String s, String entry, String what) {
    int k = Text.firstForbidden(s);
    if (k >= 0) {
      throw error(entry, what + " contains the control character " + Text.describeForbidden(s, k) + "; names and"
          + " labels are printable text (no C0/C1 controls, DEL, U+2028 or U+2029)");
    }
  }

  /** A non-empty array of distinct labels. */
  String[] labels(JsonNode node, String entry) {
    nonEmptyArray(node, entry);
    String[] out = new String[node.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < out.length; k++) {
      out[k] = label(node.get(k), entry + "[" + k + "]");
      Integer before = seen.put(out[k], k);
      if (before != null) {
        throw error(entry + "[" + k + "]", "label " + ExactNumbers.quote(out[k]) + " repeats entry " + before
            + "; labels must be distinct");
      }
    }
    return out;
  }

  /** The message of an exception, never null. */
  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
