package dev.transferkit.core;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Per-request options, passed as the last argument of every generated service method (Retrofit
 * {@code @Tag}).
 *
 * <p>Immutable and thread-safe. {@link #defaults()} means "use the client's settings".
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new Builder().build();

  private final @Nullable Integer maxRetries;
  private final @Nullable String requestId;

  private RequestOptions(Builder b) {
    this.maxRetries = b.maxRetries;
    this.requestId = b.requestId;
  }

  /** Options that change nothing: the client's defaults apply. */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Overrides the client's retry budget for this call, or {@code null} to use the client's. */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  /**
   * A request id to send as {@code X-Request-Id} (Circle logs it when it is a UUID and echoes it
   * back), or {@code null}. When a generated method's own {@code xRequestId} parameter is also set,
   * that one is sent.
   */
  public @Nullable String requestId() {
    return requestId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions
        && Objects.equals(((RequestOptions) o).maxRetries, maxRetries)
        && Objects.equals(((RequestOptions) o).requestId, requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, requestId);
  }

  @Override
  public String toString() {
    return "RequestOptions{maxRetries=" + maxRetries + ", requestId=" + requestId + "}";
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Integer maxRetries;
    private @Nullable String requestId;

    private Builder() {}

    /** Retries allowed for this call (0 disables retries); must not be negative. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** Sets a random UUID request id. */
    public Builder randomRequestId() {
      this.requestId = UUID.randomUUID().toString();
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
