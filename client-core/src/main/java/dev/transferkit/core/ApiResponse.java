package dev.transferkit.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A successful response: HTTP status, headers and decoded body. Immutable.
 *
 * @param <T> the body type
 */
public final class ApiResponse<T> {
  private final int status;
  private final Map<String, List<String>> headers;
  private final T body;

  public ApiResponse(int status, Map<String, List<String>> headers, T body) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** Response headers; names are lower-case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name} (case-insensitive), or null. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "ApiResponse{status=" + status + ", body=" + body + "}";
  }
}
