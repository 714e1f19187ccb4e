package dev.transferkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry-After parsing, backoff, base URL rules, redaction and the User-Agent version. */
class SupportTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", CLOCK));
    assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", CLOCK));
    assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", CLOCK));
    assertNull(RetryAfter.parse("soon", CLOCK));
    assertNull(RetryAfter.parse(null, CLOCK));
    assertNull(RetryAfter.parse("99999999999999999999999", CLOCK));
  }

  @Test
  void backoffIsFullJitterUnderAnExponentialCeilingCappedAtMaxBackoff() {
    RetryPolicy top =
        RetryPolicy.builder()
            .random(() -> 0.999999)
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(1000))
            .build();
    assertEquals(99, top.backoff(0).toMillis());
    assertEquals(199, top.backoff(1).toMillis());
    assertEquals(399, top.backoff(2).toMillis());
    assertEquals(999, top.backoff(10).toMillis());
    RetryPolicy bottom = top.toBuilder().random(() -> 0.0).build();
    assertEquals(0, bottom.backoff(3).toMillis());
  }

  @Test
  void baseUrlGetsATrailingSlashAndPlainHttpOnlyForLoopback() {
    assertEquals(
        "https://api.example.com/prefix/",
        BaseUrls.normalize("https://api.example.com/prefix").toString());
    assertEquals("http://127.0.0.1:8080/", BaseUrls.normalize("http://127.0.0.1:8080").toString());
    assertEquals("http://localhost/", BaseUrls.normalize("http://localhost").toString());
    assertEquals("http://[::1]:9/", BaseUrls.normalize("http://[::1]:9/").toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BaseUrls.normalize("http://api.example.com/"));
    assertTrue(e.getMessage().contains("Plain HTTP is refused"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BaseUrls.normalize("api.example.com"));
    assertThrows(
        IllegalArgumentException.class, () -> BaseUrls.normalize("https://api.example.com/?a=b"));
    assertThrows(IllegalArgumentException.class, () -> BaseUrls.normalize(" "));
  }

  @Test
  void secretHeadersAndJsonFieldsAreMasked() {
    Redaction redaction =
        Redaction.of(List.of("X-User-Token", "X-Api-Signature"), List.of("userToken"))
            .and(Redaction.of(List.of(), List.of("encryptionKey")));
    assertTrue(
        redaction.isSecretHeader("authorization"),
        "HTTP's own credential header, whatever the spec says");
    assertTrue(redaction.isSecretHeader("X-User-Token"));
    assertTrue(redaction.isSecretHeader("x-api-signature"));
    assertFalse(redaction.isSecretHeader("X-Request-Id"));
    assertFalse(
        Redaction.HTTP.isSecretHeader("X-User-Token"), "a header is secret because a spec says so");
    String json =
        "{\"data\":{\"userToken\":\"eyJ.secret\\\"x\",\"encryptionKey\" : \"Tlcy+pic=\",\"id\":\"1\"}}";
    assertEquals(json, Redaction.HTTP.redactJson(json));
    String redacted = redaction.redactJson(json);
    assertEquals(
        "{\"data\":{\"userToken\":\"██\",\"encryptionKey\" : \"██\",\"id\":\"1\"}}", redacted);
    assertEquals(
        "{\"userToken\":\"██\"", redaction.redactJson("{\"userToken\":\"eyJhbGciOiJSUzI1"));
  }

  @Test
  void userAgentCarriesTheFilteredProjectVersion() {
    assertFalse(UserAgent.VERSION.isEmpty());
    assertFalse(UserAgent.VERSION.equals("unknown"), "version.properties was not filtered");
    assertTrue(UserAgent.VALUE.matches("transferkit-java/\\d+\\.\\d+\\.\\d+.*"), UserAgent.VALUE);
  }

  @Test
  void statusAloneGivesTheKind() {
    assertEquals(ErrorKind.INVALID_REQUEST, ErrorKind.forStatus(422));
    assertEquals(ErrorKind.AUTHENTICATION, ErrorKind.forStatus(401));
    assertEquals(ErrorKind.IDEMPOTENCY_CONFLICT, ErrorKind.forStatus(409));
    assertEquals(ErrorKind.SERVER, ErrorKind.forStatus(503));
    assertEquals(ErrorKind.OTHER, ErrorKind.forStatus(418));
  }
}
