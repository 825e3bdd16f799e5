package org.mpgref.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one strictly configured JSON reader and writer of the mpgref formats.
 *
 * <p>Reading refuses, each with a one-line {@link FormatException} naming the source, line and column: malformed
 * JSON of every kind, a truncated stream (end of input inside a value), duplicate keys in an object, anything after
 * the first top-level value, {@code NaN}/{@code Infinity} and other non-standard tokens, comments, single quotes,
 * leading zeros, invalid UTF-8 (from {@link #parse(InputStream, String)}), an empty input, documents over
 * {@value #MAX_DOCUMENT_CHARS} characters, numbers over {@link ExactNumbers#MAX_LENGTH} characters and nesting deeper
 * than {@value #MAX_DEPTH}. JSON numbers are kept exactly as big integers and big decimals (never a double), so
 * {@code 0.1} is read as 1/10 by {@link ExactNumbers#read}.
 *
 * <p>Writing ({@link #write}) puts objects one field per line and arrays of numbers on one line (compact tables),
 * deterministically, so that files diff well; {@link #writeLine} writes one line (JSON lines).
 */
public final class Json {
  /** Largest accepted document, in characters (or bytes for byte input). */
  public static final long MAX_DOCUMENT_CHARS = 512L * 1024 * 1024;
  /** Deepest accepted nesting of arrays and objects. */
  public static final int MAX_DEPTH = 64;
  /** Longest accepted string value, in characters. */
  public static final int MAX_STRING = 1_000_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = build();

  private Json() {}

  private static ObjectMapper build() {
    JsonFactory factory = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
        .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNumberLength(ExactNumbers.MAX_LENGTH)
            .maxStringLength(MAX_STRING)
            .maxNestingDepth(MAX_DEPTH)
            .maxDocumentLength(MAX_DOCUMENT_CHARS)
            .build())
        .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .nodeFactory(NODES)
        .build();
  }

  /**
   * @return the node factory used for every document mpgref writes (big decimals are kept as written: the mapper
   *     disables {@code JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES}; either way no value is rounded)
   */
  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /**
   * @return the shared, strictly configured mapper (thread-safe; do not reconfigure)
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses one JSON document from characters.
   *
   * @param in the characters (not closed)
   * @param source the input's name for errors, e.g. {@code game.json} or {@code <stdin>}
   * @return the document's top-level value
   * @throws FormatException naming the source, line and column for every malformed, truncated, empty or oversized
   *     input, and for read errors of the underlying reader
   */
  public static JsonNode parse(Reader in, String source) {
    JsonParser parser;
    try {
      parser = MAPPER.createParser(in);
    } catch (IOException e) {
      throw new FormatException(source, "input", "cannot be read: " + e.getMessage());
    }
    return parse(parser, source);
  }

  /**
   * Parses one JSON document from bytes, which must be valid UTF-8 (malformed bytes are refused, never replaced).
   *
   * @param in the bytes (not closed)
   * @param source the input's name for errors
   * @return the document's top-level value
   * @throws FormatException as {@link #parse(Reader, String)}, or if the bytes are not valid UTF-8
   */
  public static JsonNode parse(InputStream in, String source) {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    return parse(reader, source);
  }

  /**
   * Parses one JSON document held in a string.
   *
   * @param text the document
   * @param source the input's name for errors
   * @return the top-level value
   * @throws FormatException as {@link #parse(Reader, String)}
   */
  public static JsonNode parse(String text, String source) {
    return parse(new java.io.StringReader(text), source);
  }

  private static JsonNode parse(JsonParser parser, String source) {
    try (JsonParser p = parser) {
      @Nullable JsonNode node = MAPPER.readTree(p);
      if (node == null || node.isMissingNode()) {
        throw new FormatException(source, "line 1, column 1", "the input is empty; expected a JSON document");
      }
      return node;
    } catch (FormatException e) {
      throw e;
    } catch (JacksonException e) {
      @Nullable JsonLocation loc = e.getLocation();
      throw new FormatException(source, position(loc != null ? loc : parser.currentLocation()),
          jacksonMessage(e.getOriginalMessage()));
    } catch (CharacterCodingException e) {
      throw new FormatException(source, position(parser.currentLocation()), "the input is not valid UTF-8");
    } catch (IOException e) {
      throw new FormatException(source, position(parser.currentLocation()), "cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      // e.g. NumberFormatException for a number Jackson cannot represent
      throw new FormatException(source, position(parser.currentLocation()), "unreadable value: " + e.getMessage());
    }
  }

  private static String position(JsonLocation loc) {
    return "line " + Math.max(loc.getLineNr(), 1) + ", column " + Math.max(loc.getColumnNr(), 1);
  }

  private static String jacksonMessage(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "malformed JSON";
    }
    String m = message.replaceAll("\\[Source: [^;\\]]*; ", "[")
        .replaceAll("\\s+", " ")
        .strip();
    if (m.startsWith("Unexpected end-of-input")) {
      m = "the input ends too early (truncated?): " + m;
    }
    if (m.startsWith("Duplicate field")) {
      m = m + "; every key may appear only once in an object";
    }
    return m;
  }

  /**
   * Writes a document as JSON text for files and terminals, deterministic and diffable: arrays of scalars on one
   * line ({@code [1, "1/2", 0]}); below the top level, arrays and objects of scalars (e.g. annotated numbers) on one
   * line when that line is at most {@value #INLINE_WIDTH} characters; everything else one field or element per line,
   * indented by two spaces. A final newline is added.
   *
   * @param node the document
   * @return the text
   */
  public static String write(JsonNode node) {
    StringBuilder b = new StringBuilder();
    write(node, b, 0);
    return b.append('\n').toString();
  }

  /** Longest inline rendering of an array that holds arrays. */
  static final int INLINE_WIDTH = 100;

  private static void write(JsonNode n, StringBuilder b, int indent) {
    if (!n.isContainerNode()) {
      scalar(n, b);
      return;
    }
    if (n.isEmpty()) {
      b.append(n.isObject() ? "{}" : "[]");
      return;
    }
    if (n.isArray() && allScalars(n)) {
      inline(n, b);
      return;
    }
    if (indent > 0 && inlineable(n)) {
      StringBuilder line = new StringBuilder();
      inline(n, line);
      if (line.length() <= INLINE_WIDTH) {
        b.append(line);
        return;
      }
    }
    if (n.isObject()) {
      b.append("{\n");
      boolean first = true;
      for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
        java.util.Map.Entry<String, JsonNode> e = it.next();
        if (!first) {
          b.append(",\n");
        }
        first = false;
        pad(b, indent + 2);
        quote(e.getKey(), b);
        b.append(": ");
        write(e.getValue(), b, indent + 2);
      }
      b.append('\n');
      pad(b, indent);
      b.append('}');
      return;
    }
    b.append("[\n");
    for (int k = 0; k < n.size(); k++) {
      if (k > 0) {
        b.append(",\n");
      }
      pad(b, indent + 2);
      write(n.get(k), b, indent + 2);
    }
    b.append('\n');
    pad(b, indent);
    b.append(']');
  }

  private static boolean allScalars(JsonNode n) {
    for (JsonNode e : n) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  /** Arrays of inlineable values, and objects of scalars (e.g. annotated numbers). */
  private static boolean inlineable(JsonNode n) {
    if (n.isObject()) {
      return allScalars(n);
    }
    for (JsonNode e : n) {
      if (e.isContainerNode() && !inlineable(e)) {
        return false;
      }
    }
    return true;
  }

  private static void inline(JsonNode n, StringBuilder b) {
    if (n.isArray()) {
      b.append('[');
      for (int k = 0; k < n.size(); k++) {
        if (k > 0) {
          b.append(", ");
        }
        inline(n.get(k), b);
      }
      b.append(']');
    } else if (n.isObject()) {
      b.append('{');
      boolean first = true;
      for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
        java.util.Map.Entry<String, JsonNode> e = it.next();
        if (!first) {
          b.append(", ");
        }
        first = false;
        quote(e.getKey(), b);
        b.append(": ");
        inline(e.getValue(), b);
      }
      b.append('}');
    } else {
      scalar(n, b);
    }
  }

  private static void scalar(JsonNode n, StringBuilder b) {
    if (n.isTextual()) {
      quote(n.textValue(), b);
    } else if (n.isNumber() && !Double.isFinite(n.doubleValue()) && !n.isIntegralNumber() && !n.isBigDecimal()) {
      throw new IllegalArgumentException("cannot write the non-finite number " + n.asText() + " as JSON");
    } else {
      b.append(n.asText());
    }
  }

  private static void quote(String s, StringBuilder b) {
    b.append('"').append(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
  }

  private static void pad(StringBuilder b, int n) {
    for (int k = 0; k < n; k++) {
      b.append(' ');
    }
  }

  /**
   * Writes a document on one line (JSON lines), with no final newline.
   *
   * @param node the document
   * @return the text
   */
  public static String writeLine(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
