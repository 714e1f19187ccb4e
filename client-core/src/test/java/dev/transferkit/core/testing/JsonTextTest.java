package dev.transferkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void numbersCompareByTextNotValue() {
    assertEquals(
        "$.a: expected number 2500.00 but was number 2500.0",
        JsonText.difference("{\"a\":2500.00}", "{\"a\":2500.0}"));
    assertNull(JsonText.difference("{\"a\":0E-18,\"b\":[1,2]}", "{\"b\":[1,2],\"a\":0E-18}"));
  }

  @Test
  void stringAndNumberAreDifferent() {
    assertEquals(
        "$.a: expected string \"1\" but was number 1",
        JsonText.difference("{\"a\":\"1\"}", "{\"a\":1}"));
  }

  @Test
  void missingNullAndExtraMembersAreDifferences() {
    assertEquals(
        "$.a: missing in actual (expected null)", JsonText.difference("{\"a\":null}", "{}"));
    assertEquals("$.b: unexpected in actual (true)", JsonText.difference("{}", "{\"b\":true}"));
  }

  @Test
  void onlyTheLeadingZeroOfADecimalStringMayBeAdded() {
    assertNull(JsonText.difference("[\".01\"]", "[\"0.01\"]"));
    assertEquals(
        "$[0]: expected string \".01\" but was string \"0.010\"",
        JsonText.difference("[\".01\"]", "[\"0.010\"]"));
    assertEquals(
        "$[0]: expected string \"x.01\" but was string \"0x.01\"",
        JsonText.difference("[\"x.01\"]", "[\"0x.01\"]"));
  }

  @Test
  void assertJsonEqualsFails() {
    assertThrows(AssertionError.class, () -> JsonText.assertJsonEquals("[1]", "[1,2]"));
  }
}
