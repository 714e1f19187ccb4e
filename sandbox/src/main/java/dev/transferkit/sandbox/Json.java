package dev.transferkit.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** JSON plumbing shared by the whole sandbox: exact decimals in and out, never a double. */
final class Json {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          // Keep 201.00 as 201.00 in trees: the scale of an amount is part of what the provider
          // sends.
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .nodeFactory(new BoundedDecimals())
          .build();

  /** The largest exponent (scale) a number in a parsed body may have, as the clients allow. */
  static final int MAX_DECIMAL_SCALE = 10_000;

  /**
   * Refuses, while a body is parsed, a number whose exponent is beyond {@link #MAX_DECIMAL_SCALE}
   * ({@code 1e1702129257}): any later arithmetic on it (an integer check by the validator, a plain
   * rendering) would take seconds and gigabytes. Jackson's own stream constraints bound a number's
   * text length, not its exponent. The parse then fails like any malformed body.
   */
  private static final class BoundedDecimals
      extends com.fasterxml.jackson.databind.node.JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public com.fasterxml.jackson.databind.node.ValueNode numberNode(BigDecimal v) {
      if (v != null && Math.abs((long) v.scale()) > MAX_DECIMAL_SCALE) {
        throw new IllegalArgumentException(
            "number with exponent " + (-(long) v.scale()) + ", beyond +-" + MAX_DECIMAL_SCALE);
      }
      return super.numberNode(v);
    }
  }

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static JsonNode parse(byte[] body) throws IOException {
    return read(MAPPER.reader(), body);
  }

  /** Reads a tree; a number {@link BoundedDecimals} refuses is an IOException like any bad body. */
  private static JsonNode read(com.fasterxml.jackson.databind.ObjectReader reader, byte[] body)
      throws IOException {
    try {
      return reader.readTree(body);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectReader ONE_DOCUMENT =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The body as a tree when it is exactly one JSON value (nothing but whitespace after it), else an
   * IOException.
   */
  static JsonNode parseOne(byte[] body) throws IOException {
    JsonNode tree = read(ONE_DOCUMENT, body);
    if (tree == null || tree.isMissingNode()) {
      throw new IOException("no JSON value");
    }
    return tree;
  }

  /**
   * Why a request body is not exactly one JSON document (a provider's JSON parser refuses trailing
   * bytes after the first value), or null when it is one.
   */
  static String notOneDocument(byte[] body) {
    try {
      parseOne(body);
      return null;
    } catch (IOException e) {
      String detail =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
              ? j.getOriginalMessage()
              : e.getMessage();
      return "The request body must be exactly one JSON document: " + detail;
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectReader STRICT =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  /**
   * The body as a tree, or null when it is not exactly one JSON value with unique member names
   * (then the spec validator, not the fast checks, decides what is wrong with it).
   */
  static JsonNode parseStrict(byte[] body) {
    try {
      JsonNode tree = read(STRICT, body);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException e) {
      return null;
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter CANONICAL =
      MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

  /** Compact JSON with object members sorted by name: equal for trees that are equal. */
  static byte[] canonical(JsonNode node) {
    try {
      return CANONICAL.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Circle-style ISO-8601 UTC text, millisecond precision. */
  static String iso(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0
        || seconds >= 253_402_300_800L) { // outside years 1970-9999: the formatter's signed forms
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    // What ISO_INSTANT writes for a millisecond instant, without the formatter's per-field
    // machinery (it was the
    // largest single cost of rendering a transfer): yyyy-MM-ddTHH:mm:ssZ, or with .SSS when the
    // millis are not 0.
    int millis = instant.getNano() / 1_000_000;
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(seconds / 86_400);
    int secondOfDay = (int) (seconds % 86_400);
    char[] c = new char[millis == 0 ? 20 : 24];
    digits(c, 0, date.getYear(), 4);
    c[4] = '-';
    digits(c, 5, date.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, date.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, secondOfDay / 3600, 2);
    c[13] = ':';
    digits(c, 14, secondOfDay / 60 % 60, 2);
    c[16] = ':';
    digits(c, 17, secondOfDay % 60, 2);
    if (millis != 0) {
      c[19] = '.';
      digits(c, 20, millis, 3);
    }
    c[c.length - 1] = 'Z';
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * What an amount may look like: the JSON number grammar, or the providers' decimal-string form
   * ({@code "2500.00"}, Circle's {@code ".01"}), with ASCII digits only.
   */
  static final java.util.regex.Pattern AMOUNT =
      java.util.regex.Pattern.compile(
          "-?(?:(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)");

  /**
   * Digits before the point, and after it, that any amount of the three providers stays far below.
   */
  static final int MAX_INTEGER_DIGITS = 40;

  static final int MAX_FRACTION_DIGITS = 100;

  /**
   * A decimal from request text. An {@link ArithmeticException} (the caller's 400) for magnitudes
   * no amount has: {@code 1e335544320} parses to a tiny BigDecimal, but printing it, or giving it a
   * scale of 2, takes a 335-million digit number (fuzz finding F5: a payout with that amount hung
   * the sandbox).
   */
  static BigDecimal decimal(String text) {
    if (text == null || !AMOUNT.matcher(text).matches()) {
      // BigDecimal alone also takes other scripts' digits ("١٠٠" is 100), a leading '+' and "1.":
      // no provider does.
      throw new NumberFormatException(
          "not an amount: "
              + (text == null
                  ? "null"
                  : text.length() > 40 ? text.substring(0, 40) + "..." : text));
    }
    BigDecimal d = new BigDecimal(text);
    if (d.signum() != 0
        && (d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.scale() > MAX_FRACTION_DIGITS)) {
      throw new ArithmeticException(
          "amount out of range: " + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
    }
    return d;
  }

  /**
   * RFC 3339 {@code date-time} (section 5.6): date, {@code T} or {@code t} (or a space, as the
   * section's note allows), time with any number of fraction digits, {@code Z}, {@code z} or a
   * numeric offset up to 23:59.
   */
  private static final java.util.regex.Pattern RFC3339 =
      java.util.regex.Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?"
              + "([Zz]|([+-])([0-9]{2}):([0-9]{2}))");

  /**
   * The instant of an RFC 3339 date-time, every form the format allows included. java.time alone
   * cannot take them: {@code Instant.parse} and {@code OffsetDateTime.parse} refuse offsets beyond
   * +-18:00, more than 9 fraction digits and lower-case {@code t}/{@code z}, all valid RFC 3339
   * (the spec's {@code format: date-time}). So the grammar is matched here and the fields go to
   * java.time: fraction digits beyond nanoseconds are dropped, a leap second {@code :60} is read as
   * {@code :59} (java.time's own time-scale does the same).
   *
   * @throws DateTimeException (the caller's 400) for text that is not an RFC 3339 date-time or
   *     names no real date
   */
  static Instant instant(String text) {
    java.util.regex.Matcher m = text == null ? null : RFC3339.matcher(text);
    if (m == null || !m.matches()) {
      throw new java.time.DateTimeException("not an RFC 3339 date-time: " + shorten(text));
    }
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = Integer.parseInt(m.group(6));
    String fraction = m.group(7) == null ? "" : m.group(7);
    int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    int offset = 0;
    if (m.group(9) != null) {
      int offsetHours = Integer.parseInt(m.group(10));
      int offsetMinutes = Integer.parseInt(m.group(11));
      if (offsetHours > 23 || offsetMinutes > 59) {
        throw new java.time.DateTimeException("offset out of range in " + shorten(text));
      }
      offset = (m.group(9).equals("-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    }
    if (second == 60) {
      second = 59; // a leap second (RFC 3339 5.7); java.time's time-scale has none
    }
    java.time.LocalDateTime local =
        java.time.LocalDateTime.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            hour,
            minute,
            second,
            nanos);
    return Instant.ofEpochSecond(local.toEpochSecond(java.time.ZoneOffset.UTC) - offset, nanos);
  }

  private static String shorten(String text) {
    return text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /** A decimal as the plain string Circle and Streambird send ("2500.00", never "2.5E+3"). */
  static String plain(BigDecimal amount) {
    return amount.toPlainString();
  }

  static ObjectNode money(BigDecimal amount, String currency) {
    ObjectNode m = object();
    m.put("amount", plain(amount));
    m.put("currency", currency);
    return m;
  }

  /** Text of a field, or null when it is absent or JSON null. */
  static String str(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
