package dev.transferkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.accounts.model.AccountTransferResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Equal work: every client-overhead path sends the same request and gets the same documented
 * answer.
 */
class ClientOverheadBenchmarkTest {
  private final ClientOverheadBenchmark b = new ClientOverheadBenchmark();

  @BeforeEach
  void setUp() throws Exception {
    b.setUp();
  }

  @AfterEach
  void tearDown() {
    b.tearDown();
  }

  @Test
  void everyPathSendsTheSameRequestAndGetsTheDocumentedAnswer() throws Exception {
    dev.transferkit.circle.accounts.model.AccountTransfer expected =
        dev.transferkit.core.internal.Json.moshi(
                dev.transferkit.circle.accounts.model.JsonAdapters.FACTORY,
                dev.transferkit.circle.model.JsonAdapters.FACTORY)
            .adapter(AccountTransferResponse.class)
            .fromJson(
                new String(
                    Payload.CIRCLE_ACCOUNT_TRANSFER.bytes(),
                    java.nio.charset.StandardCharsets.UTF_8))
            .getData();
    assertEquals(expected, b.facade());
    String facadeBody = b.server.sampledBody();
    assertEquals(expected, b.facadeKeySet());
    assertArrayEquals(Payload.CIRCLE_ACCOUNT_TRANSFER.bytes(), b.raw());
    assertEquals(expected, b.rawDecode());
    assertEquals(expected, b.rawEncodeDecode());
    assertEquals(5, b.server.requests());
    assertEquals(1, b.server.connections(), "every path must reuse the one kept-alive connection");

    // The facade's body is the raw body with a random key in place of the fixed one (same length:
    // both UUIDs).
    String rawBody =
        new String(
            ClientOverheadBenchmark.encode(b.requestWithKey),
            java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(rawBody.length(), facadeBody.length(), facadeBody);
    assertTrue(
        facadeBody.matches("\\{\"idempotencyKey\":\"[0-9a-f-]{36}\",\"source\".*"), facadeBody);
    assertEquals(
        rawBody.substring(rawBody.indexOf("\"source\"")),
        facadeBody.substring(facadeBody.indexOf("\"source\"")));
    assertEquals(5 * rawBody.length(), b.server.requestBytes());
  }
}
