package dev.transferkit.wyre;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Wyre's HMAC request signing. Adds the query parameter {@code timestamp} (epoch milliseconds from
 * the clock), then sends {@code X-Api-Key}, {@code X-Api-Version: 2} and {@code X-Api-Signature}:
 * lowercase hex HMAC-SHA256, keyed with the secret key, of the full URL (query included, so {@code
 * timestamp} and any {@code masqueradeAs}) followed by the exact body bytes. The body is buffered
 * and those very bytes are sent. Runs on every attempt, so a retried request gets a fresh
 * timestamp. Thread-safe; toString never shows the keys.
 */
final class WyreHmacSigner implements Interceptor {
  private final String apiKey;
  private final SecretKeySpec secret;
  private final Clock clock;

  WyreHmacSigner(String apiKey, String secretKey, Clock clock) {
    this.apiKey = apiKey;
    this.secret = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url =
        request
            .url()
            .newBuilder()
            .setQueryParameter("timestamp", Long.toString(clock.millis()))
            .build();
    byte[] body = new byte[0];
    Request.Builder signed = request.newBuilder().url(url);
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      body = buffer.readByteArray();
      signed.method(request.method(), RequestBody.create(body, request.body().contentType()));
    }
    return chain.proceed(
        signed
            .header("X-Api-Key", apiKey)
            .header("X-Api-Signature", signature(url.toString(), body))
            .header("X-Api-Version", "2")
            .build());
  }

  String signature(String url, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      mac.update(url.getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return hex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "WyreHmacSigner{██}";
  }
}
