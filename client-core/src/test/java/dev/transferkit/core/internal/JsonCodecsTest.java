package dev.transferkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import dev.transferkit.core.Timestamp;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecsTest {
  @Test
  void aDecimalNumberWithALongIntegerPartIsWrittenSoThatMoshiReadsItBack() throws Exception {
    // A 4 and 99 zeros wraps Moshi's long accumulator to zero, after which it refuses the next
    // digit as a leading zero: in plain form this number does not read back (fuzz finding of
    // 2026-12-03, ModelDecodingFuzzTestInputs/anyModel/crash-50e7778...).
    String plain = "4" + "0".repeat(99) + "143474676128852068";
    assertTrue(JsonCodecs.moshiMisreads(plain));
    assertEquals(
        false,
        JsonCodecs.moshiMisreads(
            "115792089237316195423570985008687907853269984665640564039457584007913129639935"));
    assertEquals(false, JsonCodecs.moshiMisreads("0.5"));
    for (String text : List.of(plain, "-" + plain, plain + ".50", "12345678901234567890.125")) {
      BigDecimal value = new BigDecimal(text);
      String written = JsonCodecs.DECIMAL_NUMBER.toJson(value);
      BigDecimal read = JsonCodecs.DECIMAL_NUMBER.fromJson(written);
      assertEquals(value.unscaledValue(), read.unscaledValue(), written);
      assertEquals(value.scale(), read.scale(), written);
    }
    assertEquals("1.25E+1", JsonCodecs.scientific(new BigDecimal("12.5")));
    assertEquals(
        "125.676558230530760993",
        JsonCodecs.DECIMAL_NUMBER.toJson(new BigDecimal("125.676558230530760993")));
    assertEquals("0E-18", JsonCodecs.DECIMAL_NUMBER.toJson(new BigDecimal("0E-18")));
  }

  @Test
  void decimalStringKeepsScaleAndIsWrittenAsString() throws Exception {
    BigDecimal v = JsonCodecs.DECIMAL_STRING.fromJson("\"2500.00\"");
    assertEquals("2500.00", v.toPlainString());
    assertEquals("\"2500.00\"", JsonCodecs.DECIMAL_STRING.toJson(v));
  }

  @Test
  void decimalNumberKeepsEveryDigitAndExponentForm() throws Exception {
    for (String text :
        new String[] {
          "125676.558230530760992898523717485028", "0E-18", "0.00000750", "201.00", "200"
        }) {
      BigDecimal v = JsonCodecs.DECIMAL_NUMBER.fromJson(text);
      assertEquals(text, JsonCodecs.DECIMAL_NUMBER.toJson(v), "re-encoding " + text);
    }
  }

  @Test
  void decimalRejectsNonNumericTextWithPath() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class, () -> JsonCodecs.DECIMAL_STRING.fromJson("\"12,50\""));
    assertTrue(e.getMessage().contains("'12,50'"), e.getMessage());
    assertThrows(JsonDataException.class, () -> JsonCodecs.DECIMAL_STRING.fromJson("\"NaN\""));
    assertThrows(JsonDataException.class, () -> JsonCodecs.DECIMAL_STRING.fromJson("true"));
    assertThrows(JsonDataException.class, () -> JsonCodecs.DECIMAL_STRING.fromJson("{}"));
  }

  @Test
  void decimalAcceptsExactlyTheJsonNumberGrammarWithAsciiDigits() throws Exception {
    for (String ok :
        new String[] {
          "0",
          "-0",
          "2500.00",
          "-1.5",
          "0.000001",
          "1E+3",
          "1e-7",
          "125.676558230530760993",
          ".01",
          "007.50"
        }) {
      assertEquals(new BigDecimal(ok), JsonCodecs.DECIMAL_STRING.fromJson("\"" + ok + "\""), ok);
    }
    for (String bad :
        new String[] {
          "\u0661\u0662",
          "1\u0663",
          "\uff15",
          "+1",
          "1.",
          "-.",
          "1e",
          "1E+",
          "--1",
          "1.5.0",
          " 1",
          "1 ",
          "",
          "Infinity",
          "0x10"
        }) {
      assertThrows(
          JsonDataException.class,
          () -> JsonCodecs.DECIMAL_STRING.fromJson("\"" + bad + "\""),
          bad);
    }
  }

  @Test
  void amountScannerAcceptsExactlyWhatTheGrammarsRegularExpressionsAccept() {
    // The grammar as regular expressions (RFC 8259 numbers; the providers' decimal-string form
    // inside strings).
    java.util.regex.Pattern jsonNumber =
        java.util.regex.Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    java.util.regex.Pattern decimalStringForm =
        java.util.regex.Pattern.compile("-?[0-9]*\\.?[0-9]+");
    char[] alphabet = {'0', '1', '9', '-', '+', '.', 'e', 'E', ' ', 'x', '\u0661'};
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int len = random.nextInt(9); len > 0; len--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = sb.toString();
      boolean number = jsonNumber.matcher(s).matches();
      boolean quotedDecimal = number || decimalStringForm.matcher(s).matches();
      int exponentShape =
          s.indexOf('e') >= 0 || s.indexOf('E') >= 0
              ? JsonCodecs.EXPONENT_DECIMAL
              : JsonCodecs.PLAIN_DECIMAL;
      assertEquals(
          number ? exponentShape : JsonCodecs.NOT_DECIMAL,
          JsonCodecs.decimalShape(s, false),
          "unquoted '" + s + "'");
      assertEquals(
          quotedDecimal ? exponentShape : JsonCodecs.NOT_DECIMAL,
          JsonCodecs.decimalShape(s, true),
          "quoted '" + s + "'");
    }
  }

  /**
   * Every plain amount (the values {@code plainDecimal} builds from the digits, up to 36 of them)
   * reads as exactly what {@code new BigDecimal(text)} makes of it: equal unscaled value and scale,
   * the same text back; and so do the longer and exponent forms that still take the parser.
   */
  @Test
  void amountsReadExactlyAsBigDecimalParsesThem() throws Exception {
    java.util.Random random = new java.util.Random(17);
    char[] digits = "0123456789".toCharArray();
    List<String> texts =
        new java.util.ArrayList<>(
            List.of(
                "0",
                "-0",
                "0.00",
                "-0.00",
                ".01",
                "-.5",
                "007",
                "2500.00",
                "0.00000750",
                "999999999999999999",
                "-99999999999999999",
                "99999999999999999.9",
                "1000000000000000000",
                "0.000000000000000001",
                "125.676558230530760993",
                "1E+3",
                "0E-18",
                "-1.5e-7",
                "125676.558230530760992898523717485028",
                "999999999999999999999999999999999999",
                "-999999999999999999.999999999999999999",
                "1000000000000000000000000000000000000",
                "0000000000000000000000000000000000001.5",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809"));
    for (int n = 0; n < 100_000; n++) {
      StringBuilder sb = new StringBuilder();
      if (random.nextBoolean()) {
        sb.append('-');
      }
      int length = 1 + random.nextInt(40);
      int point = random.nextInt(length + 2) - 1; // -1 or past the end: no point
      for (int k = 0; k < length; k++) {
        if (k == point) {
          sb.append('.');
        }
        sb.append(digits[random.nextInt(10)]);
      }
      texts.add(sb.toString());
    }
    for (String text : texts) {
      BigDecimal expected = new BigDecimal(text);
      BigDecimal read = JsonCodecs.DECIMAL_STRING.fromJson("\"" + text + "\"");
      assertEquals(expected.unscaledValue(), read.unscaledValue(), text);
      assertEquals(expected.scale(), read.scale(), text);
      assertEquals(expected.toString(), read.toString(), text);
      if (JsonCodecs.decimalShape(text, false) != JsonCodecs.NOT_DECIMAL) {
        BigDecimal number = JsonCodecs.DECIMAL_NUMBER.fromJson(text);
        assertEquals(expected.unscaledValue(), number.unscaledValue(), text);
        assertEquals(expected.scale(), number.scale(), text);
      }
    }
  }

  @Test
  void hugeDecimalsAreRefusedNotParsedForever() {
    String longDigits = "\"" + "9".repeat(JsonCodecs.MAX_DECIMAL_LENGTH + 1) + "\"";
    assertThrows(JsonDataException.class, () -> JsonCodecs.DECIMAL_STRING.fromJson(longDigits));
    assertThrows(JsonDataException.class, () -> JsonCodecs.DECIMAL_NUMBER.fromJson("1e999999999"));
  }

  @Test
  void timestampKeepsItsTextAndRejectsGarbage() throws Exception {
    Timestamp t = JsonCodecs.TIMESTAMP.fromJson("\"2020-04-10T02:13:30.000Z\"");
    assertEquals("\"2020-04-10T02:13:30.000Z\"", JsonCodecs.TIMESTAMP.toJson(t));
    assertEquals(1586484810000L, t.toInstant().toEpochMilli());
    JsonDataException e =
        assertThrows(JsonDataException.class, () -> JsonCodecs.TIMESTAMP.fromJson("\"yesterday\""));
    assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
    assertThrows(JsonDataException.class, () -> JsonCodecs.TIMESTAMP.fromJson("1586484810"));
  }

  @Test
  void listAndMapRefuseNullElementsAndDuplicateKeys() throws Exception {
    assertEquals(
        List.of(new BigDecimal("1.0")),
        JsonCodecs.listOf(JsonCodecs.DECIMAL_STRING).fromJson("[\"1.0\"]"));
    assertThrows(
        JsonDataException.class,
        () -> JsonCodecs.listOf(JsonCodecs.DECIMAL_STRING).fromJson("[null]"));
    assertEquals(
        Map.of("USD", new BigDecimal("1.00")),
        JsonCodecs.mapOf(JsonCodecs.DECIMAL_NUMBER).fromJson("{\"USD\":1.00}"));
    assertThrows(
        JsonDataException.class,
        () -> JsonCodecs.mapOf(JsonCodecs.DECIMAL_NUMBER).fromJson("{\"USD\":1,\"USD\":2}"));
  }

  @Test
  void exponentFormStringAmountKeepsValueAndScaleOnRoundTrip() throws Exception {
    BigDecimal v = JsonCodecs.DECIMAL_STRING.fromJson("\"1E+3\"");
    assertEquals("\"1E+3\"", JsonCodecs.DECIMAL_STRING.toJson(v));
    assertEquals(v, JsonCodecs.DECIMAL_STRING.fromJson(JsonCodecs.DECIMAL_STRING.toJson(v)));
    BigDecimal small = JsonCodecs.DECIMAL_STRING.fromJson("\"1E-7\"");
    assertEquals("\"0.0000001\"", JsonCodecs.DECIMAL_STRING.toJson(small));
    assertEquals(
        small, JsonCodecs.DECIMAL_STRING.fromJson(JsonCodecs.DECIMAL_STRING.toJson(small)));
  }

  @Test
  void amountWhosePlainFormWouldBeTooLongIsRefusedOnRead() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class, () -> JsonCodecs.DECIMAL_STRING.fromJson("\"1E-600\""));
    assertTrue(e.getMessage().contains("would be written as 602 characters"), e.getMessage());
    assertThrows(JsonDataException.class, () -> JsonCodecs.DECIMAL_NUMBER.fromJson("1E-600"));
  }

  @Test
  void badAmountInsideAnArrayIsReportedAtItsOwnIndex() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () -> JsonCodecs.listOf(JsonCodecs.DECIMAL_STRING).fromJson("[\"1.00\", \"x\"]"));
    assertTrue(e.getMessage().endsWith("at path $[1]"), e.getMessage());
  }

  @Test
  void writtenLengthMatchesTheWrittenText() {
    for (String s :
        new String[] {
          "0", "-0.5", "2500.00", "1E+3", "-1.5E+10", "123456789E+20", "0.0000001", "7E-3"
        }) {
      BigDecimal v = new BigDecimal(s);
      assertEquals(JsonCodecs.decimalString(v).length(), JsonCodecs.writtenLength(v), s);
    }
  }

  @Test
  void directReadersRefuseTheWrongTokenType() throws Exception {
    assertThrows(JsonDataException.class, () -> readWith("\"12\"", JsonCodecs::readLong));
    assertThrows(JsonDataException.class, () -> readWith("12", JsonCodecs::readString));
    assertThrows(JsonDataException.class, () -> readWith("\"true\"", JsonCodecs::readBoolean));
    assertThrows(JsonDataException.class, () -> readWith("1.5", JsonCodecs::readInt));
    assertEquals(12L, readWith("12", JsonCodecs::readLong));
  }

  interface Read<T> {
    T read(com.squareup.moshi.JsonReader reader) throws java.io.IOException;
  }

  private static <T> T readWith(String json, Read<T> read) throws java.io.IOException {
    return read.read(com.squareup.moshi.JsonReader.of(new okio.Buffer().writeUtf8(json)));
  }
}
