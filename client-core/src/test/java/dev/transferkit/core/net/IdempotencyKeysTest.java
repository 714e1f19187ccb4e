package dev.transferkit.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {
  private static final String KEY = "11111111-2222-3333-4444-555555555555";

  private static IdempotencyKeys.Filled fill(String json) {
    return IdempotencyKeys.ensure(json.getBytes(StandardCharsets.UTF_8), "idempotencyKey", () -> KEY);
  }

  private static String text(IdempotencyKeys.Filled f) {
    return new String(f.body, StandardCharsets.UTF_8);
  }

  @Test
  void missingKeyIsInsertedFirstAndEveryOtherByteIsKept() {
    String body = "{\"amount\":{\"amount\":\"2500.00\",\"currency\":\"USD\"},\"note\":\"caf\u00e9 \\\"x\\\"\"}";
    IdempotencyKeys.Filled f = fill(body);
    assertEquals(KEY, f.key);
    assertEquals("{\"idempotencyKey\":\"" + KEY + "\"," + body.substring(1), text(f));
  }

  @Test
  void emptyOrNullKeyIsReplacedInPlace() {
    assertEquals("{\"a\":1,\"idempotencyKey\":\"" + KEY + "\",\"b\":[1,{\"c\":2}]}",
        text(fill("{\"a\":1,\"idempotencyKey\":\"\",\"b\":[1,{\"c\":2}]}")));
    assertEquals("{\"idempotencyKey\":\"" + KEY + "\"}", text(fill("{\"idempotencyKey\":null}")));
  }

  @Test
  void callersKeyIsKeptAndReported() {
    byte[] body = "{\"idempotencyKey\":\"ba943ff1-ca16-49b2-ba55-1057e70ca5c7\",\"x\":1}"
        .getBytes(StandardCharsets.UTF_8);
    IdempotencyKeys.Filled f = IdempotencyKeys.ensure(body, "idempotencyKey", () -> KEY);
    assertArrayEquals(body, f.body);
    assertEquals("ba943ff1-ca16-49b2-ba55-1057e70ca5c7", f.key);
  }

  @Test
  void sameNameInsideANestedObjectIsNotTheKey() {
    IdempotencyKeys.Filled f = fill("{\"source\":{\"idempotencyKey\":\"nested\"}}");
    assertEquals("{\"idempotencyKey\":\"" + KEY + "\",\"source\":{\"idempotencyKey\":\"nested\"}}", text(f));
  }

  @Test
  void emptyObjectGetsOnlyTheKey() {
    assertEquals("{\"idempotencyKey\":\"" + KEY + "\"}", text(fill(" {} ")).trim().replace(" ", ""));
  }

  @Test
  void nonObjectOrMalformedBodyIsLeftAlone() {
    assertNull(fill("[1,2]").key);
    assertEquals("{\"a\":", text(fill("{\"a\":")));
    assertNull(fill("{\"a\":").key);
  }
}
