package dev.transferkit.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Opt-in HTTP logging: one line per request and per response (or failure) of every attempt, with
 * headers and up to {@value #MAX_BODY} characters of body. The values of credential headers (HTTP's
 * own and those the provider's spec marks secret, such as X-User-Token or X-Api-Signature) and of
 * secret JSON members (userToken, encryptionKey...) are masked ({@link Redaction}).
 */
final class HttpLogger implements Interceptor {
  static final int MAX_BODY = 4096;

  private final Consumer<String> sink;
  private final Redaction redaction;

  HttpLogger(Consumer<String> sink, Redaction redaction) {
    this.sink = sink;
    this.redaction = redaction;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    StringBuilder out =
        new StringBuilder("--> ").append(request.method()).append(' ').append(request.url());
    appendHeaders(out, request.headers());
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      out.append(" body=").append(body(buffer.readString(StandardCharsets.UTF_8)));
    }
    sink.accept(out.toString());
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      sink.accept(
          "<-- FAILED "
              + request.method()
              + ' '
              + request.url()
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      throw e;
    }
    long ms = (System.nanoTime() - start) / 1_000_000L;
    StringBuilder in =
        new StringBuilder("<-- ")
            .append(response.code())
            .append(' ')
            .append(request.method())
            .append(' ')
            .append(request.url())
            .append(" (")
            .append(ms)
            .append(" ms)");
    appendHeaders(in, response.headers());
    ResponseBody peek = response.peekBody(MAX_BODY * 4L);
    in.append(" body=").append(body(peek.string()));
    sink.accept(in.toString());
    return response;
  }

  private void appendHeaders(StringBuilder sb, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      sb.append("\n    ")
          .append(name)
          .append(": ")
          .append(redaction.isSecretHeader(name) ? Redaction.MASK : headers.value(i));
    }
  }

  private String body(String text) {
    String redacted = redaction.redactJson(text);
    return redacted.length() <= MAX_BODY ? redacted : redacted.substring(0, MAX_BODY) + "...";
  }
}
