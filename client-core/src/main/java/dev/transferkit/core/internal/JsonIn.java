package dev.transferkit.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.transferkit.core.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict (RFC 8259) pull reader over one JSON document held as UTF-8 bytes, used by the generated codecs. Not
 * public API.
 *
 * <p>It reads member names without building strings (they are matched against a {@link Names} table of the model's
 * properties by hash and byte comparison), ASCII strings with one copy, and plain amounts without going through
 * text. Syntax errors throw Moshi's {@link JsonEncodingException}, wrong types and values its
 * {@link JsonDataException}, both with the JSON path of the value; the path is built only when an error is thrown.
 * Nesting deeper than {@value #MAX_DEPTH} is refused. Not thread-safe; one reader reads one document.
 */
public final class JsonIn {
  /** Deepest nesting of objects and arrays accepted (as Moshi). */
  public static final int MAX_DEPTH = 255;

  private static final byte KIND_OBJECT = 1;
  private static final byte KIND_ARRAY = 2;

  private final byte[] buf;
  private int pos;
  private final int limit;
  private final String basePath;

  private int depth;
  private byte[] kinds = new byte[16];
  /** Per open object: offset of the current member name's opening quote, or -1 before the first member. */
  private int[] names = new int[16];
  /** Per open array: index of the current element, or -1 before the first element. */
  private int[] indices = new int[16];

  /** A reader of {@code bytes} (the whole array), whose paths start at {@code $}. */
  public JsonIn(byte[] bytes) {
    this(bytes, 0, bytes.length, "$");
  }

  /**
   * A reader of {@code length} bytes of {@code bytes} from {@code offset}; error paths start with {@code basePath}
   * (the path of this value in an enclosing document, such as {@code $.data}).
   */
  public JsonIn(byte[] bytes, int offset, int length, String basePath) {
    if (offset < 0 || length < 0 || offset + length > bytes.length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", size " + bytes.length);
    }
    this.buf = bytes;
    this.pos = offset;
    this.limit = offset + length;
    this.basePath = basePath;
  }

  /**
   * Decodes a whole document with {@code codec}, as the clients decode a response body: a UTF-8 byte order mark
   * skipped, JSON {@code null} read as null, nothing but whitespace allowed after the value.
   */
  public static <T> T document(JsonCodec<T> codec, byte[] bytes) throws IOException {
    JsonIn in = new JsonIn(bytes);
    in.skipByteOrderMark();
    T value;
    if (in.peekNull()) {
      in.readNull();
      value = null;
    } else {
      value = codec.read(in);
    }
    in.endDocument();
    return value;
  }

  /** Skips a UTF-8 byte order mark at the current position, if there is one. */
  public void skipByteOrderMark() {
    if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
  }

  // ---- structure

  /** Consumes the {@code {} of an object; {@code what} names the expected value in the error ("a Money object"). */
  public void beginObject(String what) throws IOException {
    if (next() != '{') {
      throw expected(what);
    }
    pos++;
    push(KIND_OBJECT);
  }

  /**
   * True when the open object has another member (then positioned at its name); consumes the separating comma.
   * False at the closing brace, which {@link #endObject} consumes.
   */
  public boolean hasNextMember() throws IOException {
    int c = next();
    if (c == '}') {
      return false;
    }
    if (names[depth - 1] >= 0) {
      if (c != ',') {
        throw syntax("Expected ',' or '}'");
      }
      pos++;
      c = next();
    }
    if (c != '"') {
      throw syntax(c == '}' ? "Expected a name after ','" : "Expected a name");
    }
    return true;
  }

  /**
   * Reads the next member name and its colon; returns its index in {@code table}, or -1 for a name the table does
   * not have (whose value the caller then skips with {@link #skipValue}).
   */
  public int nextName(Names table) throws IOException {
    int quote = pos;
    names[depth - 1] = quote;
    int p = quote + 1;
    int h = 0;
    byte[] b = buf;
    int found;
    for (; ; p++) {
      if (p >= limit) {
        throw syntax("Unterminated name");
      }
      byte c = b[p];
      if (c == '"') {
        found = table.find(b, quote + 1, p - quote - 1, h);
        pos = p + 1;
        break;
      }
      if (c == '\\') {
        found = table.find(readStringAt(quote));
        break;
      }
      h = 31 * h + c;
    }
    if (next() != ':') {
      throw syntax("Expected ':'");
    }
    pos++;
    return found;
  }

  /** Consumes the closing brace of the open object. */
  public void endObject() throws IOException {
    if (next() != '}') {
      throw syntax("Expected '}'");
    }
    pos++;
    depth--;
  }

  /** Consumes the {@code [} of an array. */
  public void beginArray(String what) throws IOException {
    if (next() != '[') {
      throw expected(what);
    }
    pos++;
    push(KIND_ARRAY);
  }

  /** True when the open array has another element (consuming the separating comma); false at the closing bracket. */
  public boolean hasNextElement() throws IOException {
    int c = next();
    if (c == ']') {
      return false;
    }
    int i = indices[depth - 1];
    if (i >= 0) {
      if (c != ',') {
        throw syntax("Expected ',' or ']'");
      }
      pos++;
      c = next();
      if (c == ']') {
        throw syntax("Expected a value after ','");
      }
    }
    indices[depth - 1] = i + 1;
    return true;
  }

  /** Consumes the closing bracket of the open array. */
  public void endArray() throws IOException {
    if (next() != ']') {
      throw syntax("Expected ']'");
    }
    pos++;
    depth--;
  }

  /** Fails unless only whitespace is left. */
  public void endDocument() throws IOException {
    if (skipWhitespace() < limit) {
      throw new JsonDataException("JSON document was not fully consumed.");
    }
  }

  // ---- values

  /** True when the next value is JSON null (not consumed). */
  public boolean peekNull() throws IOException {
    return next() == 'n';
  }

  /** Consumes a JSON null. */
  public void readNull() throws IOException {
    if (next() != 'n') {
      throw expected("null");
    }
    literal(NULL);
  }

  /** Reads a JSON string; any other value is a {@link JsonDataException}. */
  public String readString() throws IOException {
    if (next() != '"') {
      throw expected("a string");
    }
    int start = pos + 1;
    byte[] b = buf;
    for (int p = start; p < limit; p++) {
      byte c = b[p];
      if (c == '"') {
        pos = p + 1;
        return new String(b, start, p - start, StandardCharsets.ISO_8859_1);
      }
      if (c == '\\' || c < 0) {
        break;
      }
    }
    return readStringAt(pos);
  }

  /** Reads the wire value of an open enum (only a JSON string). */
  public String readEnumValue(String enumName) throws IOException {
    if (next() != '"') {
      throw expected("a string value of " + enumName);
    }
    return readString();
  }

  /** Reads a JSON boolean. */
  public boolean readBoolean() throws IOException {
    int c = next();
    if (c == 't') {
      literal(TRUE);
      return true;
    }
    if (c == 'f') {
      literal(FALSE);
      return false;
    }
    throw expected("a boolean");
  }

  /** Reads a JSON integer that fits a long ({@code 1.0} and {@code 1e2} are integers; {@code "1"} is not). */
  public long readLong() throws IOException {
    if (!isNumberStart(next())) {
      throw expected("an integer");
    }
    int start = pos;
    int end = scanNumber();
    long fast = plainInteger(start, end);
    if (fast != Long.MIN_VALUE) {
      pos = end;
      return fast;
    }
    BigDecimal value = numberAt(start, end);
    pos = end;
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw data("Expected a long but was " + abbreviate(text(start, end)));
    }
  }

  /** Reads a JSON integer that fits an int. */
  public int readInt() throws IOException {
    int start = pos;
    long value = readLong();
    if ((int) value != value) {
      throw data("Expected an int but was " + abbreviate(text(skipWhitespaceFrom(start), pos)));
    }
    return (int) value;
  }

  /**
   * Reads a decimal amount from a JSON string or number; the value keeps the digits and scale it was written with.
   * Limits as {@link JsonCodecs#readDecimal}: at most {@value JsonCodecs#MAX_DECIMAL_LENGTH} characters read and
   * written, exponents within 10,000.
   */
  public BigDecimal readDecimal() throws IOException {
    int c = next();
    int start;
    int end;
    if (c == '"') {
      start = pos + 1;
      end = start;
      while (end < limit && buf[end] != '"' && buf[end] != '\\' && buf[end] >= 0) {
        end++;
      }
      if (end >= limit || buf[end] != '"') {
        // Escapes or non-ASCII text in an amount: decode the string, then parse it (it will most likely fail).
        return decimal(readString());
      }
      pos = end + 1;
    } else if (isNumberStart(c)) {
      start = pos;
      end = scanNumber();
      pos = end;
    } else {
      throw expected("a decimal amount");
    }
    BigDecimal fast = plainDecimal(start, end);
    return fast != null ? fast : decimal(text(start, end));
  }

  /** Reads an ISO-8601 date-time string, keeping its text. */
  public Timestamp readTimestamp() throws IOException {
    if (next() != '"') {
      throw expected("an ISO-8601 date-time string");
    }
    String text = readString();
    try {
      return Timestamp.parse(text);
    } catch (IllegalArgumentException e) {
      throw new JsonDataException(e.getMessage() + " at " + path(), e);
    }
  }

  /** Reads an array whose elements use {@code element}; null elements are refused. Unmodifiable. */
  public <E> List<E> readList(JsonCodec<E> element) throws IOException {
    beginArray("an array");
    if (!hasNextElement()) {
      endArray();
      return Collections.emptyList();
    }
    List<E> result = new ArrayList<>();
    do {
      if (peekNull()) {
        throw data("Unexpected null element");
      }
      result.add(element.read(this));
    } while (hasNextElement());
    endArray();
    return Collections.unmodifiableList(result);
  }

  /** Reads an object used as a map from names to values that use {@code value}; nulls and duplicates are refused. */
  public <V> Map<String, V> readMap(JsonCodec<V> value) throws IOException {
    beginObject("an object");
    Map<String, V> result = new LinkedHashMap<>();
    while (hasNextMember()) {
      names[depth - 1] = pos; // the path points at this member while its value is read
      String key = readString();
      if (next() != ':') {
        throw syntax("Expected ':'");
      }
      pos++;
      if (peekNull()) {
        throw data("Unexpected null value");
      }
      if (result.put(key, value.read(this)) != null) {
        throw data("Duplicate key '" + abbreviate(key) + "'");
      }
    }
    endObject();
    return Collections.unmodifiableMap(result);
  }

  /** Skips one value of any kind, checking its syntax. */
  public void skipValue() throws IOException {
    int base = depth;
    do {
      int c = next();
      switch (c) {
        case '{':
          pos++;
          push(KIND_OBJECT);
          if (hasNextMember()) {
            skipName();
            continue;
          }
          break;
        case '[':
          pos++;
          push(KIND_ARRAY);
          if (hasNextElement()) {
            continue;
          }
          break;
        case '"':
          skipString();
          break;
        case 't':
          literal(TRUE);
          break;
        case 'f':
          literal(FALSE);
          break;
        case 'n':
          literal(NULL);
          break;
        default:
          if (!isNumberStart(c)) {
            throw syntax(c < 0 ? "End of input" : "Unexpected character '" + (char) c + "'");
          }
          pos = scanNumber();
      }
      // A value ended: close every container it completed, then go on with the next member or element.
      while (depth > base) {
        if (kinds[depth - 1] == KIND_OBJECT) {
          if (hasNextMember()) {
            skipName();
            break;
          }
          endObject();
        } else {
          if (hasNextElement()) {
            break;
          }
          endArray();
        }
      }
    } while (depth > base);
  }

  // ---- errors

  /** The error for a required property that is absent (reported at the object). */
  public JsonDataException missingProperty(String property) {
    return new JsonDataException("Required property '" + property + "' missing at " + path());
  }

  /** The error for a required, non-nullable property that is JSON null. */
  public JsonDataException nullProperty(String property) {
    return new JsonDataException("Required property '" + property + "' was null at " + path());
  }

  /** The JSON path of the value being read, such as {@code $.data.amount.amount} or {@code $.items[2]}. */
  public String path() {
    StringBuilder sb = new StringBuilder(basePath);
    for (int d = 0; d < depth; d++) {
      if (kinds[d] == KIND_OBJECT) {
        if (names[d] >= 0) {
          sb.append('.').append(nameAt(names[d]));
        }
      } else {
        sb.append('[').append(Math.max(indices[d], 0)).append(']');
      }
    }
    return sb.toString();
  }

  // ---- internals

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private void push(byte kind) throws IOException {
    if (depth == MAX_DEPTH) {
      throw data("Nesting too deep");
    }
    if (depth == kinds.length) {
      kinds = Arrays.copyOf(kinds, depth * 2);
      names = Arrays.copyOf(names, depth * 2);
      indices = Arrays.copyOf(indices, depth * 2);
    }
    kinds[depth] = kind;
    names[depth] = -1;
    indices[depth] = -1;
    depth++;
  }

  /** Skips whitespace; returns the next byte (0-255) without consuming it, or -1 at the end of the input. */
  private int next() {
    int p = skipWhitespace();
    return p < limit ? buf[p] & 0xFF : -1;
  }

  private int skipWhitespace() {
    int p = pos;
    byte[] b = buf;
    while (p < limit) {
      byte c = b[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      p++;
    }
    pos = p;
    return p;
  }

  private int skipWhitespaceFrom(int p) {
    while (p < limit && (buf[p] == ' ' || buf[p] == '\n' || buf[p] == '\r' || buf[p] == '\t')) {
      p++;
    }
    return p;
  }

  private void skipName() throws IOException {
    names[depth - 1] = pos;
    skipString();
    if (next() != ':') {
      throw syntax("Expected ':'");
    }
    pos++;
  }

  private void skipString() throws IOException {
    int p = pos + 1;
    byte[] b = buf;
    for (; p < limit; p++) {
      byte c = b[p];
      if (c == '"') {
        pos = p + 1;
        return;
      }
      if (c == '\\') {
        readStringAt(pos);
        return;
      }
    }
    throw syntax("Unterminated string");
  }

  /** Decodes the string whose opening quote is at {@code quote}, with escapes and any UTF-8; positions after it. */
  private String readStringAt(int quote) throws IOException {
    StringBuilder sb = null;
    int run = quote + 1;
    int p = run;
    byte[] b = buf;
    while (true) {
      if (p >= limit) {
        pos = p;
        throw syntax("Unterminated string");
      }
      byte c = b[p];
      if (c == '"') {
        String tail = new String(b, run, p - run, StandardCharsets.UTF_8);
        pos = p + 1;
        return sb == null ? tail : sb.append(tail).toString();
      }
      if (c != '\\') {
        p++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(p - run + 16);
      }
      sb.append(new String(b, run, p - run, StandardCharsets.UTF_8));
      if (p + 1 >= limit) {
        pos = p;
        throw syntax("Unterminated escape sequence");
      }
      byte e = b[p + 1];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          sb.append((char) e);
          p += 2;
          break;
        case 'b':
          sb.append('\b');
          p += 2;
          break;
        case 'f':
          sb.append('\f');
          p += 2;
          break;
        case 'n':
          sb.append('\n');
          p += 2;
          break;
        case 'r':
          sb.append('\r');
          p += 2;
          break;
        case 't':
          sb.append('\t');
          p += 2;
          break;
        case 'u':
          if (p + 6 > limit) {
            pos = p;
            throw syntax("Unterminated escape sequence");
          }
          int ch = 0;
          for (int k = p + 2; k < p + 6; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0 || b[k] < 0) {
              pos = p;
              throw syntax("Invalid escape sequence");
            }
            ch = ch * 16 + d;
          }
          sb.append((char) ch);
          p += 6;
          break;
        default:
          pos = p;
          throw syntax("Invalid escape sequence");
      }
      run = p;
    }
  }

  private void literal(byte[] word) throws IOException {
    int p = pos;
    if (limit - p < word.length) {
      throw syntax("Unexpected value");
    }
    for (int i = 0; i < word.length; i++) {
      if (buf[p + i] != word[i]) {
        throw syntax("Unexpected value");
      }
    }
    p += word.length;
    if (p < limit && !isDelimiter(buf[p])) {
      throw syntax("Unexpected value");
    }
    pos = p;
  }

  private static boolean isDelimiter(byte c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ':';
  }

  private static boolean isNumberStart(int c) {
    return c == '-' || (c >= '0' && c <= '9');
  }

  /** Checks the RFC 8259 number at {@code pos}; returns the offset just after it (pos is not moved). */
  private int scanNumber() throws IOException {
    int p = pos;
    byte[] b = buf;
    if (p < limit && b[p] == '-') {
      p++;
    }
    if (p >= limit || !isDigit(b[p])) {
      throw syntax("Malformed number");
    }
    if (b[p] == '0') {
      p++;
    } else {
      while (p < limit && isDigit(b[p])) {
        p++;
      }
    }
    if (p < limit && b[p] == '.') {
      p++;
      if (p >= limit || !isDigit(b[p])) {
        throw syntax("Malformed number");
      }
      while (p < limit && isDigit(b[p])) {
        p++;
      }
    }
    if (p < limit && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < limit && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      if (p >= limit || !isDigit(b[p])) {
        throw syntax("Malformed number");
      }
      while (p < limit && isDigit(b[p])) {
        p++;
      }
    }
    if (p < limit && !isDelimiter(b[p])) {
      throw syntax("Malformed number");
    }
    return p;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** An integer of at most 18 digits with an optional minus sign, or Long.MIN_VALUE for any other text. */
  private long plainInteger(int start, int end) {
    int p = start;
    boolean negative = p < end && buf[p] == '-';
    if (negative) {
      p++;
    }
    int digits = end - p;
    if (digits == 0 || digits > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; p < end; p++) {
      byte c = buf[p];
      if (!isDigit(c)) {
        return Long.MIN_VALUE;
      }
      v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
  }

  /**
   * {@code -?digits(.digits)?} with at most 18 digits in all, as {@code BigDecimal.valueOf(unscaled, scale)} (the
   * same value and scale {@code new BigDecimal(text)} gives); null for any other text.
   */
  private BigDecimal plainDecimal(int start, int end) {
    int p = start;
    boolean negative = p < end && buf[p] == '-';
    if (negative) {
      p++;
    }
    long v = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    for (; p < end; p++) {
      byte c = buf[p];
      if (isDigit(c)) {
        v = v * 10 + (c - '0');
        digits++;
        if (dot) {
          scale++;
        }
      } else if (c == '.' && !dot && digits > 0) {
        dot = true;
      } else {
        return null;
      }
    }
    if (digits == 0 || digits > 18 || (dot && scale == 0)) {
      return null;
    }
    return BigDecimal.valueOf(negative ? -v : v, scale);
  }

  private BigDecimal numberAt(int start, int end) throws IOException {
    if (end - start > JsonCodecs.MAX_DECIMAL_LENGTH) {
      throw data("Number of " + (end - start) + " characters exceeds " + JsonCodecs.MAX_DECIMAL_LENGTH);
    }
    try {
      return new BigDecimal(text(start, end));
    } catch (NumberFormatException e) { // an exponent beyond int range, such as 1e19999999999999999999
      JsonDataException error = data("Expected an integer but was " + abbreviate(text(start, end)));
      error.initCause(e);
      throw error;
    }
  }

  /** The checks of {@link JsonCodecs#readDecimal} on a decoded amount text. */
  private BigDecimal decimal(String text) throws IOException {
    if (text.length() > JsonCodecs.MAX_DECIMAL_LENGTH) {
      throw data("Decimal amount of " + text.length() + " characters exceeds " + JsonCodecs.MAX_DECIMAL_LENGTH);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      JsonDataException error = data("Expected a decimal amount but was '" + abbreviate(text) + "'");
      error.initCause(e);
      throw error;
    }
    long written = JsonCodecs.writtenLength(value);
    if (Math.abs((long) value.scale()) > 10_000L || written > JsonCodecs.MAX_DECIMAL_LENGTH) {
      throw data("Decimal amount '" + abbreviate(text) + "' would be written as " + written + " characters, more than "
          + JsonCodecs.MAX_DECIMAL_LENGTH);
    }
    return value;
  }

  private String text(int start, int end) {
    return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
  }

  /** True while {@link #nameAt} decodes a name for a path (its errors must not build a path again). */
  private boolean decodingName;

  private String nameAt(int quote) {
    if (decodingName) {
      return "?";
    }
    int save = pos;
    decodingName = true;
    try {
      return readStringAt(quote);
    } catch (IOException e) {
      return "?";
    } finally {
      pos = save;
      decodingName = false;
    }
  }

  private JsonDataException expected(String what) {
    int c = next();
    return new JsonDataException("Expected " + what + " but was " + token(c) + " at path " + path());
  }

  private static String token(int c) {
    switch (c) {
      case '{':
        return "BEGIN_OBJECT";
      case '}':
        return "END_OBJECT";
      case '[':
        return "BEGIN_ARRAY";
      case ']':
        return "END_ARRAY";
      case '"':
        return "STRING";
      case 't':
      case 'f':
        return "BOOLEAN";
      case 'n':
        return "NULL";
      case -1:
        return "END_DOCUMENT";
      default:
        return isNumberStart(c) ? "NUMBER" : "'" + (char) c + "'";
    }
  }

  private JsonDataException data(String message) {
    return new JsonDataException(message + " at path " + path());
  }

  private JsonEncodingException syntax(String message) {
    return new JsonEncodingException(message + " at offset " + pos + ", path " + path());
  }

  static String abbreviate(String s) {
    return JsonCodecs.abbreviate(s);
  }

  /**
   * The member names of one model, matched against raw name bytes: a hash computed while the name is scanned picks
   * the slot, a byte comparison confirms it. Immutable and thread-safe.
   */
  public static final class Names {
    private final byte[][] bytes;
    private final String[] strings;
    private final int[] slots;
    private final int mask;

    private Names(String[] strings) {
      this.strings = strings.clone();
      this.bytes = new byte[strings.length][];
      int size = Integer.highestOneBit(Math.max(4, strings.length * 4) - 1) << 1;
      this.slots = new int[size];
      this.mask = size - 1;
      for (int i = 0; i < strings.length; i++) {
        byte[] b = strings[i].getBytes(StandardCharsets.UTF_8);
        bytes[i] = b;
        int h = 0;
        for (byte c : b) {
          h = 31 * h + c;
        }
        int s = mix(h) & mask;
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = i + 1;
      }
    }

    /** The table of {@code names}; a name's index is its position here. */
    public static Names of(String... names) {
      return new Names(names);
    }

    private static int mix(int h) {
      return h ^ (h >>> 16);
    }

    int find(byte[] b, int from, int length, int hash) {
      int s = mix(hash) & mask;
      int e;
      while ((e = slots[s]) != 0) {
        byte[] candidate = bytes[e - 1];
        if (candidate.length == length && Arrays.equals(candidate, 0, length, b, from, from + length)) {
          return e - 1;
        }
        s = (s + 1) & mask;
      }
      return -1;
    }

    int find(String name) {
      for (int i = 0; i < strings.length; i++) {
        if (strings[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }
}
