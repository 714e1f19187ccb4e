package dev.transferkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnyJsonValueTest {
  private final JsonAdapter<List<Object>> list =
      Json.moshi().adapter(Types.newParameterizedType(List.class, Object.class));

  @Test
  void numbersKeepEveryDigitAndReEncodeAsTheSameText() throws Exception {
    // A uint256 contract argument: a double would turn it into 1.157920892373162E77.
    String json =
        "[\"0xabc\",115792089237316195423570985008687907853269984665640564039457584007913129639935,"
            + "true,null,[1.50,\"a\"],{\"k\":-0.000000000000000001,\"n\":null}]";
    List<Object> values = list.fromJson(json);
    assertEquals(
        new BigDecimal(
            "115792089237316195423570985008687907853269984665640564039457584007913129639935"),
        values.get(1));
    assertEquals(List.of(new BigDecimal("1.50"), "a"), values.get(4));
    assertEquals(new BigDecimal("-0.000000000000000001"), ((Map<?, ?>) values.get(5)).get("k"));
    String written = list.toJson(values);
    assertEquals(values, list.fromJson(written));
    assertEquals(json.replace("-0.000000000000000001", "-1E-18"), written);
  }

  @Test
  void aDuplicateMemberOrAnAbsurdExponentIsATypedError() {
    assertThrows(JsonDataException.class, () -> list.fromJson("[{\"a\":1,\"a\":2}]"));
    assertThrows(JsonDataException.class, () -> list.fromJson("[1e999999999]"));
  }
}
