package dev.transferkit.core.internal;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sends {@code Authorization: Bearer <key>}. Thread-safe; its toString never shows the key. */
public final class BearerAuth implements Interceptor {
  private final String token;
  private final String header;

  public BearerAuth(String token) {
    Objects.requireNonNull(token, "API key");
    if (token.trim().isEmpty()) {
      throw new IllegalArgumentException("API key must not be empty");
    }
    this.token = token;
    this.header = "Bearer " + token;
  }

  /** The header value, for the runtime to set once per call. */
  String headerValue() {
    return header;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("Authorization", header).build());
  }

  @Override
  public String toString() {
    return "BearerAuth{" + Redaction.MASK + "}";
  }
}
