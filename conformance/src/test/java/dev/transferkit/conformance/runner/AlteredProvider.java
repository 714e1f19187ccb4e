package dev.transferkit.conformance.runner;

import dev.transferkit.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A provider that changed: a MockWebServer in front of a sandbox, forwarding every request as
 * received and changing the response bodies with {@code change} (a renamed field, an other enum
 * value). Tests point a target at it.
 */
final class AlteredProvider implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();

  AlteredProvider(Sandbox behind, UnaryOperator<String> change) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest recorded) {
            Headers.Builder headers = new Headers.Builder();
            recorded
                .getHeaders()
                .forEach(
                    h -> {
                      if (!h.getFirst().equalsIgnoreCase("Host")
                          && !h.getFirst().equalsIgnoreCase("Content-Length")) {
                        headers.add(h.getFirst(), h.getSecond());
                      }
                    });
            String contentType = recorded.getHeader("Content-Type");
            boolean hasBody =
                !recorded.getMethod().equals("GET") && !recorded.getMethod().equals("HEAD");
            RequestBody body =
                hasBody
                    ? RequestBody.create(
                        recorded.getBody().readByteArray(),
                        contentType == null ? null : MediaType.parse(contentType))
                    : null;
            Request forward =
                new Request.Builder()
                    .url(behind.baseUrl() + recorded.getPath().substring(1))
                    .headers(headers.build())
                    .method(recorded.getMethod(), body)
                    .build();
            try (Response answer = http.newCall(forward).execute()) {
              MockResponse response =
                  new MockResponse()
                      .setResponseCode(answer.code())
                      .setHeaders(
                          answer.headers().newBuilder().removeAll("Content-Length").build());
              return response.setBody(change.apply(answer.body().string()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The base URL of {@code provider} ({@code circle}, {@code wyre}, {@code streambird}) through
   * this server.
   */
  String baseUrl(String provider) {
    return server.url("/" + provider + "/").toString();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
