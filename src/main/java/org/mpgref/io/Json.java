package org.mpgref.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;

/**
 * The one strictly configured JSON reader and writer of the mpgref formats.
 *
 * <p>Reading refuses, each with a one-line {@link FormatException} naming the source, line and column: malformed
 * JSON of every kind, a truncated stream (end of input inside a value), duplicate keys in an object, anything after
 * the first top-level value, {@code NaN}/{@code Infinity} and other non-standard tokens, comments, single quotes,
 * leading zeros, invalid UTF-8 (from {@link #parse(InputStream, String)}; the message gives the line, column and byte
 * offset of the first bad byte), an empty input, strings or keys over {@value #MAX_STRING} characters and nesting
 * deeper than {@value #MAX_DEPTH}.
 *
 * <p><b>Bounded input</b> (specs/formats.md, "Limits"): at most {@code Limits.current().maxInputBytes()} bytes are
 * read from a stream (characters from a reader or string); a larger input is refused after reading one byte more
 * than the limit, with a {@link LimitExceededException} naming the source and {@code --max-input-bytes}. Every JSON
 * number is checked against the digit limit ({@link ExactNumbers#parse}, {@code --max-digits}) from its text,
 * before any big number is built, and refused with its entry path ({@code rewards[2][5]}). The tree is built by a
 * streaming reader of Jackson's parser (its {@code StreamReadConstraints} bound document length, nesting, string and
 * name length); equal small scalars (integers in -1024..1024, decimals and strings of at most 32 characters)
 * share one immutable node, so that a document at the limit made of many tiny values needs a few hundred MB at most.
 * JSON numbers are kept exactly, never as a double: integers as big integers, decimals as big decimals that also keep
 * their text as written ({@link WrittenDecimal}), so that {@code 0.1} is read as 1/10 by {@link ExactNumbers#read}
 * and messages echo what the user wrote.
 *
 * <p>Writing ({@link #write}) puts objects one field per line and arrays of numbers on one line (compact tables),
 * deterministically, so that files diff well; {@link #writeLine} writes one line (JSON lines). Both escape every
 * character {@link Text#forbidden} as <code>&#92;u00XX</code> (also DEL, C1 controls, U+2028/U+2029, which JSON would allow
 * raw), so a string can never break a line.
 */
public final class Json {
  /** Deepest accepted nesting of arrays and objects. */
  public static final int MAX_DEPTH = 64;
  /** Longest accepted string value or key, in characters. */
  public static final int MAX_STRING = 1_000_000;
  /** Longest string, decimal or integer text whose node is shared among equal values. */
  private static final int SHARED_LENGTH = 32;
  /** Integers in -SMALL..SMALL share one node per value. */
  private static final int SMALL = 1024;
  /** Most distinct shared scalar nodes per document. */
  private static final int SHARED_MAX = 1 << 16;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = build();
  private static final ConcurrentHashMap<Long, JsonFactory> READERS = new ConcurrentHashMap<>();

  private Json() {}

  private static JsonFactory factory(long maxDocument) {
    JsonFactory f = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
        .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .streamReadConstraints(StreamReadConstraints.builder()
            // numbers are bounded by the digit limit, checked by this class from their text
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(MAX_STRING)
            .maxNameLength(MAX_STRING)
            .maxNestingDepth(MAX_DEPTH)
            .maxDocumentLength(maxDocument)
            .build())
        .build();
    f.setCharacterEscapes(new LineSafeEscapes());
    return f;
  }

  private static JsonFactory reader() {
    long max = Limits.current().maxInputBytes();
    return READERS.computeIfAbsent(max, m -> {
      if (READERS.size() > 16) {
        READERS.clear();
      }
      return factory(m);
    });
  }

  private static ObjectMapper build() {
    return JsonMapper.builder(factory(Long.MAX_VALUE))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .nodeFactory(NODES)
        .build();
  }

  /** Escapes DEL, the C1 controls and U+2028/U+2029 too (Jackson escapes only the C0 controls by default). */
  private static final class LineSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    LineSafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    @SuppressWarnings("nullness") // Jackson's contract: null means "no escape for this character"
    public SerializableString getEscapeSequence(int ch) {
      if (ch <= 0xffff && Text.forbidden((char) ch)) {
        return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }

  /**
   * A JSON decimal number as read by {@link Json}: its exact value and its text as written in the input (so that
   * messages echo the user's text, not a re-rendering such as {@code 1E-99991}). Immutable.
   */
  public static final class WrittenDecimal extends DecimalNode {
    private static final long serialVersionUID = 1L;
    private final String written;

    WrittenDecimal(BigDecimal value, String written) {
      super(value);
      this.written = written;
    }

    /**
     * @return the number's text as written in the input, e.g. {@code 1.50e-3}
     */
    public String written() {
      return written;
    }
  }

  /**
   * @return the node factory used for every document mpgref writes (big decimals are kept as written: the mapper
   *     disables {@code JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES}; either way no value is rounded)
   */
  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /**
   * @return the shared, strictly configured mapper for writing (thread-safe; do not reconfigure); documents are read
   *     with {@link #parse}, which applies the limits
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses one JSON document from characters, reading at most {@code Limits.current().maxInputBytes()} + 1 of them.
   *
   * @param in the characters (not closed)
   * @param source the input's name for errors, e.g. {@code game.json} or {@code <stdin>}
   * @return the document's top-level value
   * @throws FormatException naming the source, line and column for every malformed, truncated or empty input, and
   *     for read errors of the underlying reader
   * @throws LimitExceededException naming the source for an input over the size limit, or the entry for a number
   *     over the digit limit
   */
  public static JsonNode parse(Reader in, String source) {
    long max = Limits.current().maxInputBytes();
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    try {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        b.append(buf, 0, r);
        if (b.length() > max) {
          throw tooLarge(source, "characters", max);
        }
      }
    } catch (IOException e) {
      throw new FormatException(source, "input", "cannot be read: " + e.getMessage());
    }
    return parseChars(b.toString(), source);
  }

  /**
   * Parses one JSON document from bytes, which must be valid UTF-8 (malformed bytes are refused, never replaced),
   * reading at most {@code Limits.current().maxInputBytes()} + 1 bytes.
   *
   * @param in the bytes (not closed)
   * @param source the input's name for errors
   * @return the document's top-level value
   * @throws FormatException as {@link #parse(Reader, String)}, or if the bytes are not valid UTF-8 (with the line,
   *     column and byte offset of the first bad byte)
   * @throws LimitExceededException as {@link #parse(Reader, String)}
   */
  public static JsonNode parse(InputStream in, String source) {
    byte[] bytes = readBounded(in, source);
    CharBuffer chars = decodeChars(bytes, source);
    return parseChars(chars.array(), chars.arrayOffset(), chars.remaining(), source);
  }

  /**
   * Reads a whole stream, refusing it as soon as it has more than {@code Limits.current().maxInputBytes()} bytes
   * (so at most limit + 1 bytes are ever read, whatever the stream).
   *
   * @param in the stream (not closed)
   * @param source the input's name for errors
   * @return its bytes
   * @throws LimitExceededException naming the source and {@code --max-input-bytes} if the stream is longer
   * @throws FormatException if reading fails
   */
  public static byte[] readBounded(InputStream in, String source) {
    long max = Limits.current().maxInputBytes();
    int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 16);
    try {
      byte[] bytes = in.readNBytes(cap);
      if (bytes.length > max) {
        throw tooLarge(source, "bytes", max);
      }
      return bytes;
    } catch (IOException e) {
      throw new FormatException(source, "input", "cannot be read: " + e.getMessage());
    }
  }

  private static LimitExceededException tooLarge(String source, String unit, long max) {
    return new LimitExceededException(FormatException.oneLine(source) + ": the input", "more than " + max + " "
        + unit, max + " bytes", "--max-input-bytes");
  }

  /**
   * Decodes strict UTF-8 text; a malformed or truncated sequence is refused with the position of its first byte.
   *
   * @param bytes the bytes
   * @param source the input's name for errors
   * @return the text
   * @throws FormatException naming the source, line, column and byte offset of the first bad byte
   */
  public static String decodeUtf8(byte[] bytes, String source) {
    return decodeChars(bytes, source).toString();
  }

  private static CharBuffer decodeChars(byte[] bytes, String source) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      throw new FormatException(source, bytePosition(bytes, at), String.format(java.util.Locale.ROOT,
          "byte 0x%02X is not valid UTF-8 here; the input must be UTF-8 text", bytes[at] & 0xff));
    }
    out.flip();
    return out;
  }

  /**
   * @param bytes UTF-8 bytes
   * @param at a byte offset (0-based)
   * @return {@code line L, column C (byte B)}, 1-based line and column (columns count characters)
   */
  public static String bytePosition(byte[] bytes, int at) {
    int line = 1;
    int column = 1;
    for (int k = 0; k < at && k < bytes.length; k++) {
      if (bytes[k] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[k] & 0xC0) != 0x80) {
        column++;
      }
    }
    return "line " + line + ", column " + column + " (byte " + (at + 1) + ")";
  }

  /**
   * Parses one JSON document held in a string (at most {@code Limits.current().maxInputBytes()} characters).
   *
   * @param text the document
   * @param source the input's name for errors
   * @return the top-level value
   * @throws FormatException as {@link #parse(Reader, String)}
   * @throws LimitExceededException as {@link #parse(Reader, String)}
   */
  public static JsonNode parse(String text, String source) {
    long max = Limits.current().maxInputBytes();
    if (text.length() > max) {
      throw tooLarge(source, "characters", max);
    }
    return parseChars(text, source);
  }

  private static JsonNode parseChars(String text, String source) {
    char[] chars = text.toCharArray();
    return parseChars(chars, 0, chars.length, source);
  }

  private static JsonNode parseChars(char[] text, int offset, int length, String source) {
    JsonParser parser;
    try {
      parser = reader().createParser(text, offset, length);
    } catch (IOException e) {
      throw new FormatException(source, "input", "cannot be read: " + e.getMessage());
    }
    JsonParser p = parser;
    try {
      @Nullable JsonToken first = p.nextToken();
      if (first == null) {
        throw new FormatException(source, "line 1, column 1", "the input is empty; expected a JSON document");
      }
      JsonNode root = new TreeBuilder(p, source).value(first, 0);
      @Nullable JsonToken after = p.nextToken();
      if (after != null) {
        throw new FormatException(source, position(p.currentTokenLocation()), "more content after the end of the"
            + " JSON document; a document holds exactly one top-level value");
      }
      return root;
    } catch (FormatException | LimitExceededException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      throw new FormatException(source, position(location(e, parser)), constraint(String.valueOf(e.getMessage())));
    } catch (JacksonException e) {
      throw new FormatException(source, position(location(e, parser)), jacksonMessage(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new FormatException(source, position(parser.currentLocation()), "cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      // e.g. NumberFormatException for a number that cannot be represented
      throw new FormatException(source, position(parser.currentLocation()), "unreadable value: "
          + jacksonMessage(e.getMessage()));
    } finally {
      try {
        p.close(); // after the catch blocks, so that they see the parser's position
      } catch (IOException e) {
        // nothing was written; a string source cannot fail to close
      }
    }
  }

  private static JsonLocation location(JacksonException e, JsonParser parser) {
    @Nullable JsonLocation loc = e.getLocation();
    return loc != null ? loc : parser.currentLocation();
  }

  private static String constraint(String message) {
    if (message.contains("nesting depth")) {
      return "nesting deeper than " + MAX_DEPTH + " arrays and objects; the limit is " + MAX_DEPTH + " levels";
    }
    if (message.contains("String value length")) {
      return "a string longer than " + MAX_STRING + " characters; the limit is " + MAX_STRING + " characters";
    }
    if (message.contains("Name length")) {
      return "a key longer than " + MAX_STRING + " characters; the limit is " + MAX_STRING + " characters";
    }
    if (message.contains("Document length")) {
      long max = Limits.current().maxInputBytes();
      return "the input has more than " + max + " characters; the limit is " + max + " (raise it with"
          + " --max-input-bytes)";
    }
    return jacksonMessage(message);
  }

  /** Builds the tree from the token stream, checking numbers with their path and sharing small equal scalars. */
  private static final class TreeBuilder {
    private final JsonParser p;
    private final String source;
    private final String[] keys = new String[MAX_DEPTH + 2];
    private final int[] index = new int[MAX_DEPTH + 2];
    private final boolean[] inArray = new boolean[MAX_DEPTH + 2];
    private final HashMap<String, JsonNode> shared = new HashMap<>();
    private final @Nullable JsonNode[] small = new JsonNode[2 * SMALL + 1];
    private final int maxDigits = Limits.current().maxNumberDigits();

    TreeBuilder(JsonParser p, String source) {
      this.p = p;
      this.source = source;
    }

    String path(int depth) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < depth; k++) {
        if (inArray[k]) {
          b.append('[').append(index[k]).append(']');
        } else {
          if (k > 0) {
            b.append('.');
          }
          b.append(keys[k]);
        }
      }
      return b.length() == 0 ? "(document)" : b.toString();
    }

    JsonNode value(JsonToken t, int depth) throws IOException {
      switch (t) {
        case START_OBJECT: {
          ObjectNode o = NODES.objectNode();
          inArray[depth] = false;
          for (@Nullable JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
            String name = p.currentName();
            keys[depth] = name;
            JsonToken v = next();
            o.set(name, value(v, depth + 1));
          }
          return o;
        }
        case START_ARRAY: {
          ArrayNode a = NODES.arrayNode();
          inArray[depth] = true;
          int i = 0;
          for (JsonToken v = next(); v != JsonToken.END_ARRAY; v = next()) {
            index[depth] = i++;
            a.add(value(v, depth + 1));
          }
          return a;
        }
        case VALUE_STRING: {
          String text = p.getText();
          return text.length() <= SHARED_LENGTH ? share(text, () -> NODES.textNode(text))
              : NODES.textNode(text);
        }
        case VALUE_NUMBER_INT: {
          int length = p.getTextLength();
          int digits = length - (p.getTextCharacters()[p.getTextOffset()] == '-' ? 1 : 0);
          if (digits > maxDigits) {
            String text = p.getText();
            ExactNumbers.requireDigits(where(depth), "the integer " + ExactNumbers.quote(text), digits);
          }
          if (digits <= 18) {
            long v = p.getLongValue();
            if (v >= -SMALL && v <= SMALL) {
              int k = (int) v + SMALL;
              JsonNode n = small[k];
              if (n == null) {
                n = NODES.numberNode(BigInteger.valueOf(v));
                small[k] = n;
              }
              return n;
            }
            return NODES.numberNode(BigInteger.valueOf(v));
          }
          return NODES.numberNode(new BigInteger(p.getText()));
        }
        case VALUE_NUMBER_FLOAT: {
          String text = p.getText();
          java.util.function.Supplier<String> where = () -> where(depth);
          if (text.length() <= SHARED_LENGTH) {
            return shareDecimal(text, () -> new WrittenDecimal(ExactNumbers.jsonDecimal(text, where), text));
          }
          return new WrittenDecimal(ExactNumbers.jsonDecimal(text, where), text);
        }
        case VALUE_TRUE:
          return NODES.booleanNode(true);
        case VALUE_FALSE:
          return NODES.booleanNode(false);
        case VALUE_NULL:
          return NODES.nullNode();
        default:
          throw new FormatException(source, position(p.currentTokenLocation()), "unexpected " + t);
      }
    }

    private JsonToken next() throws IOException {
      @Nullable JsonToken t = p.nextToken();
      if (t == null) {
        throw new FormatException(source, position(p.currentLocation()), "the input ends too early (truncated?)");
      }
      return t;
    }

    private String where(int depth) {
      return FormatException.oneLine(source) + ": " + path(depth);
    }

    private final HashMap<String, JsonNode> sharedDecimals = new HashMap<>();

    private JsonNode shareDecimal(String key, java.util.function.Supplier<JsonNode> make) {
      @Nullable JsonNode n = sharedDecimals.get(key);
      if (n == null) {
        n = make.get();
        if (sharedDecimals.size() < SHARED_MAX) {
          sharedDecimals.put(key, n);
        }
      }
      return n;
    }

    private JsonNode share(String key, java.util.function.Supplier<JsonNode> make) {
      @Nullable JsonNode n = shared.get(key);
      if (n == null) {
        n = make.get();
        if (shared.size() < SHARED_MAX) {
          shared.put(key, n);
        }
      }
      return n;
    }
  }

  private static String position(JsonLocation loc) {
    return "line " + Math.max(loc.getLineNr(), 1) + ", column " + Math.max(loc.getColumnNr(), 1);
  }

  private static String jacksonMessage(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "malformed JSON";
    }
    String m = message
        .replaceAll("\\s*\\((?:start marker|for [A-Za-z]+ starting) at \\[Source: [^\\]]*\\]\\)", "")
        .replaceAll("\\[Source: [^\\]]*\\]", "")
        .replaceAll(",? ?from `[^`]*`", "")
        .replaceAll("\\s+", " ")
        .strip();
    if (m.contains("com.fasterxml") || m.contains("jackson")) {
      m = "malformed JSON";
    }
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
    b.append(Text.quote(s));
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
