package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that sends half a request, or never reads its answers, holds only its own connection:
 * 100 requests on another connection are all answered meanwhile. Oversized request lines, headers
 * and bodies are refused in the provider's error shape.
 */
class SlowClientTest extends SandboxTestBase {
  /** One keep-alive connection (java.net.http reuses it for sequential HTTP/1.1 requests). */
  private static final HttpClient OTHER =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private Socket raw() throws IOException {
    Socket s = new Socket("127.0.0.1", sandbox.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private void hundredRequestsOnAnotherConnectionAreAnswered() throws Exception {
    HttpRequest list =
        HttpRequest.newBuilder(URI.create(circle("v1/accounts/transfers")))
            .header("Authorization", Http.bearer(CIRCLE_API_KEY))
            // Generous: an answer normally takes well under a millisecond; a blocked sandbox never
            // answers.
            .timeout(Duration.ofSeconds(5))
            .build();
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> r = OTHER.send(list, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
    }
    assertEquals(200, Http.get(admin("clock")).status());
  }

  @Test
  void aClientHoldingHalfItsHeadersDelaysNoOne() throws Exception {
    try (Socket slow = raw()) {
      slow.getOutputStream()
          .write(
              "GET /circle/v1/accounts/transfers HTTP/1.1\r\nHost: x\r\nAuthoriz"
                  .getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
      hundredRequestsOnAnotherConnectionAreAnswered();
    }
  }

  @Test
  void aClientHoldingHalfItsBodyDelaysNoOne() throws Exception {
    try (Socket slow = raw()) {
      slow.getOutputStream()
          .write(
              ("POST /circle/v1/accounts/transfers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                      + CIRCLE_API_KEY
                      + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"idempotencyKey\":")
                  .getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
      hundredRequestsOnAnotherConnectionAreAnswered();
    }
  }

  @Test
  void aClientThatNeverReadsItsAnswersDelaysNoOne() throws Exception {
    for (int i = 0; i < 50; i++) {
      Http.Response created =
          Http.post(
              circle("v1/accounts/transfers"),
              "{\"idempotencyKey\": \""
                  + java.util.UUID.randomUUID()
                  + "\", \"source\": {\"type\": \"account\", \"id\": \""
                  + SandboxSeed.CIRCLE_SOURCE_ACCOUNT
                  + "\"}, \"destination\": {\"type\": \"account\", \"id\": \""
                  + SandboxSeed.CIRCLE_DESTINATION_ACCOUNT
                  + "\"}, \"amount\": {\"amount\": \"0.01\", \"currency\": \"USD\"}}",
              "Authorization",
              Http.bearer(CIRCLE_API_KEY));
      assertEquals(201, created.status(), created.text());
    }
    try (Socket slow = raw()) {
      // Pipelined requests for pages of 50 transfers (about 15 MB of answers in all) that are never
      // read: they fill
      // the socket buffers, then the server's, and the sandbox stops reading that connection.
      byte[] one =
          ("GET /circle/v1/accounts/transfers?pageSize=50 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + CIRCLE_API_KEY
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      OutputStream out = slow.getOutputStream();
      for (int i = 0; i < 1_000; i++) {
        out.write(one);
      }
      out.flush();
      hundredRequestsOnAnotherConnectionAreAnswered();
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (Socket s = raw()) {
      // An admin call (answered by a worker thread) between two provider calls (answered on the
      // event loop).
      String get =
          "GET /circle/v1/accounts/transfers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
              + CIRCLE_API_KEY
              + "\r\n\r\n";
      String clock = "GET /__admin/clock HTTP/1.1\r\nHost: x\r\n\r\n";
      String close = "GET /__admin/clock HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write((get + clock + get + close).getBytes(StandardCharsets.US_ASCII));
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int first = all.indexOf("\"data\"");
      int second = all.indexOf("\"epochMillis\"");
      int third = all.indexOf("\"data\"", second);
      int fourth = all.indexOf("\"epochMillis\"", third);
      assertTrue(first >= 0 && first < second && second < third && third < fourth, all);
    }
  }

  @Test
  void aBodyAboveTheLimitIsRefusedWith413InTheProvidersShape() throws Exception {
    try (Socket s = raw()) {
      // Announced: refused before the body is sent.
      s.getOutputStream()
          .write(
              ("POST /wyre/v3/transfers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + (Front.MAX_BODY + 1)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Raw r = Raw.read(s.getInputStream());
      assertEquals(413, r.status, r.text);
      assertEquals("ValidationException", r.json.path("type").asText(), r.text);
    }
  }

  @Test
  void headersAboveTheLimitAreRefusedWith431InTheProvidersShape() throws Exception {
    try (Socket s = raw()) {
      s.getOutputStream()
          .write(
              ("GET /circle/v1/accounts/transfers HTTP/1.1\r\nHost: x\r\nX-Big: "
                      + "a".repeat(Front.MAX_HEADERS)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Raw r = Raw.read(s.getInputStream());
      assertEquals(431, r.status, r.text);
      assertEquals(431, r.json.path("code").asInt(), r.text);
      assertTrue(r.json.path("message").asText().contains("headers"), r.text);
    }
  }

  @Test
  void aRequestLineAboveTheLimitIsRefusedWith414() throws Exception {
    try (Socket s = raw()) {
      s.getOutputStream()
          .write(
              ("GET /streambird/v1/"
                      + "a".repeat(Front.MAX_REQUEST_LINE)
                      + " HTTP/1.1\r\n"
                      + "Host: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Raw r = Raw.read(s.getInputStream());
      assertEquals(414, r.status, r.text);
      assertTrue(r.text.contains("request line"), r.text);
    }
  }

  @Test
  void aMalformedEscapeInThePathIsRefusedWith400InTheProvidersShape() throws Exception {
    try (Socket s = raw()) {
      s.getOutputStream()
          .write(
              ("GET /circle/v1/accounts/transfers/%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                      + CIRCLE_API_KEY
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Raw r = Raw.read(s.getInputStream());
      assertEquals(400, r.status, r.text);
      assertEquals(400, r.json.path("code").asInt(), r.text);
    }
    hundredRequestsOnAnotherConnectionAreAnswered();
  }

  /** One raw HTTP/1.1 answer with a Content-Length. */
  private record Raw(int status, String text, JsonNode json) {
    static Raw read(InputStream in) throws IOException {
      String all =
          new String(
              in.readAllBytes(), StandardCharsets.UTF_8); // the sandbox closes after a refusal
      int status = Integer.parseInt(all.substring(9, 12));
      String body = all.substring(all.indexOf("\r\n\r\n") + 4);
      return new Raw(status, all, Json.parse(body.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
