package dev.transferkit.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sends {@code Authorization: Bearer <key>}. Thread-safe; its toString never shows the key. */
public final class BearerAuth implements Interceptor {
  private final String header;

  /**
   * @param token the key
   * @param name what the key is called in the caller's terms ("apiKey"), for error messages
   * @throws IllegalArgumentException if the key is not a usable credential (see {@link
   *     Credentials#check})
   */
  public BearerAuth(String token, String name) {
    this.header = "Bearer " + Credentials.check(token, name);
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
