package dev.transferkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level reader and writer the generated codecs use, checked against Moshi's reader and writer. */
class JsonInOutTest {
  private static JsonIn in(String json) {
    return new JsonIn(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Skips one document with our reader; true when it is accepted. */
  private static boolean oursAccepts(byte[] json) {
    try {
      JsonIn in = new JsonIn(json);
      in.skipValue();
      in.endDocument();
      return true;
    } catch (JsonEncodingException | JsonDataException e) {
      return false;
    } catch (IOException e) {
      throw new AssertionError("unexpected exception type", e);
    }
  }

  /** Skips one document with Moshi's strict reader; true when it is accepted. */
  private static boolean moshiAccepts(byte[] json) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      reader.skipValue();
      return reader.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (JsonDataException | IOException e) {
      return false;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{}", "[]", "0", "-0", "1.5e+3", "-12.0E-2", "\"\"", "true", "false", "null", " {\"a\" : [1, {\"b\":null}, \"x\"]} ",
    "{\"a\":{\"b\":{\"c\":[[],[{}]]}}}", "\"\\u00e9\\n\\\"\\\\\\/\"", "\"caf\u00e9 \u20ac \ud83d\ude00\"", "123456789012345678901234567890",
  })
  void acceptsValidJson(String json) {
    assertTrue(oursAccepts(json.getBytes(StandardCharsets.UTF_8)), json);
    assertTrue(moshiAccepts(json.getBytes(StandardCharsets.UTF_8)), json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", " ", "{", "}", "[", "[1,]", "[,1]", "{\"a\":1,}", "{,\"a\":1}", "{\"a\" 1}", "{\"a\":}", "{'a':1}", "{a:1}",
    "01", "1.", ".5", "-", "1e", "1e+", "+1", "--1", "0x10", "NaN", "Infinity", "tru", "truex", "nul", "nulll",
    "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "[1 2]", "{\"a\":1 \"b\":2}", "1 2", "{}}", "[]]", "\"a\"\"b\"",
    "{\"a\":1}x", "[1]2",
  })
  void refusesMalformedJsonWithATypedError(String json) {
    assertFalse(oursAccepts(json.getBytes(StandardCharsets.UTF_8)), json);
    assertFalse(moshiAccepts(json.getBytes(StandardCharsets.UTF_8)), json);
  }

  @Test
  void agreesWithMoshiOnEveryPrefixAndMutationOfAValidDocument() {
    byte[] doc = ("{\"id\":\"a1\",\"amount\":{\"amount\":\"2500.00\",\"currency\":\"USD\"},\"n\":-12.5e3,"
        + "\"list\":[1,true,false,null,\"\\u00e9\\\"\"],\"nested\":{\"deep\":[[{}],[]]},\"t\":\"2020-04-10T02:13:30.000Z\"}")
        .getBytes(StandardCharsets.UTF_8);
    for (int len = 0; len <= doc.length; len++) {
      byte[] prefix = Arrays.copyOf(doc, len);
      assertEquals(moshiAccepts(prefix), oursAccepts(prefix), new String(prefix, StandardCharsets.UTF_8));
    }
    byte[] alphabet = "{}[],:\"\\ 0123456789.eE+-truefalsnxu\t\n".getBytes(StandardCharsets.US_ASCII);
    Random random = new Random(42);
    int moshiOnly = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] mutant = doc.clone();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        mutant[random.nextInt(mutant.length)] = alphabet[random.nextInt(alphabet.length)];
      }
      String text = new String(mutant, StandardCharsets.UTF_8);
      boolean ours = oursAccepts(mutant);
      boolean moshi = moshiAccepts(mutant);
      if (ours) {
        assertTrue(moshi, "we accept what Moshi refuses: " + text);
      } else if (moshi) {
        // Moshi's strict mode still allows two things RFC 8259 does not: a backslash before a line feed or an
        // apostrophe, and true/false/null in any letter case. We refuse both; nothing else may differ.
        assertTrue(MOSHI_LENIENCY.matcher(text).find(), "Moshi accepts what we refuse: " + text);
        moshiOnly++;
      }
    }
    assertTrue(moshiOnly < 200, moshiOnly + " documents only Moshi accepts");
  }

  private static final java.util.regex.Pattern MOSHI_LENIENCY =
      java.util.regex.Pattern.compile("\\\\[\n']|(?!true|false|null)(?i:true|false|null)");

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    JsonDataException e = assertThrows(JsonDataException.class, () -> in(deep).skipValue());
    assertTrue(e.getMessage().contains("Nesting too deep"), e.getMessage());
    String ok = "[".repeat(JsonIn.MAX_DEPTH) + "]".repeat(JsonIn.MAX_DEPTH);
    assertTrue(oursAccepts(ok.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsStringsWithEscapesAndUnicode() throws IOException {
    assertEquals("plain", in("\"plain\"").readString());
    assertEquals("caf\u00e9 \u20ac \ud83d\ude00", in("\"caf\u00e9 \u20ac \ud83d\ude00\"").readString());
    assertEquals("a\"b\\c/d\b\f\n\r\t\u00e9\ud83d\ude00", in("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00E9\\ud83d\\ude00\"").readString());
    assertEquals("", in("\"\"").readString());
    JsonDataException wrongType = assertThrows(JsonDataException.class, () -> in("12").readString());
    assertEquals("Expected a string but was NUMBER at path $", wrongType.getMessage());
  }

  @Test
  void decimalsKeepDigitsAndScaleExactlyAsBigDecimalParsesThem() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        text.append('-');
      }
      int intDigits = 1 + random.nextInt(22);
      text.append(random.nextInt(10));
      for (int d = 1; d < intDigits; d++) {
        text.append(random.nextInt(10));
      }
      if (random.nextBoolean()) {
        text.append('.');
        int frac = 1 + random.nextInt(20);
        for (int d = 0; d < frac; d++) {
          text.append(random.nextInt(10));
        }
      }
      String s = text.toString();
      BigDecimal expected = new BigDecimal(s);
      BigDecimal fromString = in("\"" + s + "\"").readDecimal();
      assertEquals(expected, fromString, s); // BigDecimal.equals compares the scale too
      assertEquals(expected.scale(), fromString.scale(), s);
      if (!s.matches("-?0\\d.*")) { // a JSON number may not have a leading zero
        assertEquals(expected, in(s).readDecimal(), s);
      }
    }
    assertEquals(new BigDecimal("1E+3"), in("1E+3").readDecimal());
    assertEquals(new BigDecimal("0E-18"), in("0E-18").readDecimal());
    assertEquals(new BigDecimal("+5"), in("\"+5\"").readDecimal()); // as new BigDecimal(String) reads a string
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"12,50\"", "\"NaN\"", "\"\"", "\"1e999999999\"", "1e-99999", "true", "{}", "[]", "\"1.5\\u0000\""})
  void refusesBadAmounts(String json) {
    assertThrows(JsonDataException.class, () -> in(json).readDecimal(), json);
  }

  @Test
  void refusesOverlongAmountsBeforeParsingThem() {
    String digits = "9".repeat(JsonCodecs.MAX_DECIMAL_LENGTH + 1);
    assertThrows(JsonDataException.class, () -> in("\"" + digits + "\"").readDecimal());
    assertThrows(JsonDataException.class, () -> in(digits).readDecimal());
    assertThrows(JsonDataException.class, () -> in(digits).readLong());
  }

  @Test
  void integersAreExactOrRefused() throws IOException {
    assertEquals(Long.MAX_VALUE, in("9223372036854775807").readLong());
    assertEquals(Long.MIN_VALUE, in("-9223372036854775808").readLong());
    assertEquals(1L, in("1.0").readLong());
    assertEquals(100L, in("1e2").readLong());
    assertEquals(0L, in("0e-999999999").readLong());
    assertThrows(JsonDataException.class, () -> in("9223372036854775808").readLong());
    assertThrows(JsonDataException.class, () -> in("1.5").readLong());
    assertThrows(JsonDataException.class, () -> in("1e999999999").readLong());
    // fuzz finding F6: an exponent beyond int range made BigDecimal throw NumberFormatException out of readLong
    assertThrows(JsonDataException.class, () -> in("1e19999999999999999999").readLong());
    assertThrows(JsonDataException.class, () -> in("-1E-19999999999999999999").readInt());
    assertThrows(JsonDataException.class, () -> in("1e19999999999999999999").readDecimal());
    assertThrows(JsonDataException.class, () -> in("\"12\"").readLong());
    assertEquals(Integer.MIN_VALUE, in("-2147483648").readInt());
    JsonDataException e = assertThrows(JsonDataException.class, () -> in("2147483648").readInt());
    assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
    assertTrue(in("true").readBoolean());
    assertThrows(JsonDataException.class, () -> in("\"true\"").readBoolean());
  }

  @Test
  void errorPathsNameTheValueBeingRead() throws IOException {
    JsonIn.Names names = JsonIn.Names.of("a", "items");
    JsonIn in = in("{\"a\":{\"x\":1},\"items\":[1,2,\"three\"]}");
    in.beginObject("an object");
    assertTrue(in.hasNextMember());
    assertEquals(0, in.nextName(names));
    in.skipValue();
    assertTrue(in.hasNextMember());
    assertEquals(1, in.nextName(names));
    JsonDataException e = assertThrows(JsonDataException.class, () -> in.readList(JsonCodec.LONG));
    assertEquals("Expected an integer but was STRING at path $.items[2]", e.getMessage());

    JsonIn prefixed = new JsonIn("{\"b\":null}".getBytes(StandardCharsets.UTF_8), 0, 10, "$.data");
    prefixed.beginObject("an object");
    prefixed.hasNextMember();
    assertEquals(-1, prefixed.nextName(names));
    assertEquals("Required property 'b' was null at $.data.b", prefixed.nullProperty("b").getMessage());
  }

  @Test
  void matchesNamesByBytesIncludingEscapedAndUnknownOnes() throws IOException {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add("name" + i);
    }
    many.add("Aa"); // "Aa" and "BB" have the same String hash
    many.add("BB");
    JsonIn.Names names = JsonIn.Names.of(many.toArray(new String[0]));
    for (int i = 0; i < many.size(); i++) {
      JsonIn in = in("{\"" + many.get(i) + "\":1}");
      in.beginObject("an object");
      in.hasNextMember();
      assertEquals(i, in.nextName(names), many.get(i));
    }
    for (String unknown : new String[] {"name200", "nam", "name1 ", "", "\u00e9", "C#"}) {
      JsonIn in = in("{\"" + unknown + "\":1}");
      in.beginObject("an object");
      in.hasNextMember();
      assertEquals(-1, in.nextName(names), unknown);
    }
    JsonIn escaped = in("{\"name\\u0031\":1}");
    escaped.beginObject("an object");
    escaped.hasNextMember();
    assertEquals(1, escaped.nextName(names));
  }

  @Test
  void mapsRefuseNullsAndDuplicateKeys() throws IOException {
    Map<String, BigDecimal> map = in("{\"USD\":\"1.50\",\"EUR\":2}").readMap(JsonCodec.DECIMAL_STRING);
    assertEquals(new BigDecimal("1.50"), map.get("USD"));
    assertEquals(List.of("USD", "EUR"), new ArrayList<>(map.keySet()));
    JsonDataException dup =
        assertThrows(JsonDataException.class, () -> in("{\"a\":\"1\",\"a\":\"2\"}").readMap(JsonCodec.STRING));
    assertTrue(dup.getMessage().contains("Duplicate key 'a' at path $.a"), dup.getMessage());
    assertThrows(JsonDataException.class, () -> in("{\"a\":null}").readMap(JsonCodec.STRING));
    assertThrows(JsonDataException.class, () -> in("[\"a\",null]").readList(JsonCodec.STRING));
    assertEquals(List.of(), in("[]").readList(JsonCodec.STRING));
  }

  @Test
  void skipsAByteOrderMarkAndRefusesTrailingContent() throws IOException {
    byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '"', 'x', '"', ' ', '\n'};
    JsonIn in = new JsonIn(withBom);
    in.skipByteOrderMark();
    assertEquals("x", in.readString());
    in.endDocument();
    JsonIn trailing = in("\"x\" \"y\"");
    trailing.readString();
    assertThrows(JsonDataException.class, trailing::endDocument);
  }

  /** Moshi's writer output for one string value. */
  private static String moshiString(String s) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.value(s);
    }
    return buffer.readUtf8();
  }

  private static String ourString(String s) {
    JsonOut out = new JsonOut(4);
    out.string(s);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void writesStringsExactlyAsMoshiDoes() throws IOException {
    String[] samples = {
      "", "plain", "quote\" backslash\\ slash/", "\u0000\u0001\u001f\t\b\n\r\f", "caf\u00e9 \u20ac \ud83d\ude00",
      "\u2028\u2029", "lone \ud83d high", "lone \ude00 low", "\ude00\ud83d", "<html>&'", "\u007f\u0080\u07ff\u0800\uffff",
    };
    for (String s : samples) {
      assertEquals(moshiString(s), ourString(s), s);
    }
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      char[] chars = new char[random.nextInt(40)];
      for (int k = 0; k < chars.length; k++) {
        int kind = random.nextInt(4);
        chars[k] = (char) (kind == 0 ? random.nextInt(0x80) : kind == 1 ? random.nextInt(0x800)
            : kind == 2 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10000));
      }
      String s = new String(chars);
      assertEquals(moshiString(s), ourString(s));
      JsonIn back = new JsonIn(ourString(s).getBytes(StandardCharsets.UTF_8));
      // Java's encoder, like ours and okio's, writes an unpaired surrogate as '?'
      assertEquals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), back.readString());
    }
  }

  @Test
  void writesNumbersDecimalsListsAndMaps() {
    JsonOut out = new JsonOut(1);
    out.raw('[');
    out.number(0);
    out.raw(',');
    out.number(-9_223_372_036_854_775_808L);
    out.raw(',');
    out.decimalNumber(new BigDecimal("0E-18"));
    out.raw(',');
    out.decimalString(new BigDecimal("2500.00"));
    out.raw(',');
    out.decimalString(new BigDecimal("1E+3"));
    out.raw(',');
    out.bool(true);
    out.raw(',');
    out.nul();
    out.raw(',');
    out.list(JsonCodec.STRING, Arrays.asList("a", null));
    out.raw(',');
    java.util.LinkedHashMap<String, Long> map = new java.util.LinkedHashMap<>();
    map.put("x", 1L);
    map.put("gone", null);
    map.put("y", 2L);
    out.map(JsonCodec.LONG, map);
    out.raw(']');
    assertEquals("[0,-9223372036854775808,0E-18,\"2500.00\",\"1E+3\",true,null,[\"a\",null],{\"x\":1,\"y\":2}]",
        new String(out.toByteArray(), StandardCharsets.UTF_8));
    assertArrayEquals("\"a\\\"b\":".getBytes(StandardCharsets.UTF_8), JsonOut.name("a\"b"));
  }
}
