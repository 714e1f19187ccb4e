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
          // Keep 201.00 as 201.00 in trees: the scale of an amount is part of what the provider sends.
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static JsonNode parse(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }

  private static final com.fasterxml.jackson.databind.ObjectReader STRICT =
      MAPPER.reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  /**
   * The body as a tree, or null when it is not exactly one JSON value with unique member names (then the spec
   * validator, not the fast checks, decides what is wrong with it).
   */
  static JsonNode parseStrict(byte[] body) {
    try {
      JsonNode tree = STRICT.readTree(body);
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
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Digits before the point, and after it, that any amount of the three providers stays far below. */
  static final int MAX_INTEGER_DIGITS = 40;
  static final int MAX_FRACTION_DIGITS = 100;

  /**
   * A decimal from request text. An {@link ArithmeticException} (the caller's 400) for magnitudes no amount has:
   * {@code 1e335544320} parses to a tiny BigDecimal, but printing it, or giving it a scale of 2, takes a 335-million
   * digit number (fuzz finding F5: a payout with that amount hung the sandbox).
   */
  static BigDecimal decimal(String text) {
    BigDecimal d = new BigDecimal(text);
    if (d.signum() != 0 && (d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.scale() > MAX_FRACTION_DIGITS)) {
      throw new ArithmeticException("amount out of range: "
          + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
    }
    return d;
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
