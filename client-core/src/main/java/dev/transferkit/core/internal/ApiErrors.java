package dev.transferkit.core.internal;

import dev.transferkit.core.exception.ApiException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Builds the typed {@link ApiException} for an error response, with a uniform message: provider,
 * code, HTTP status, the provider's message (or a snippet of the raw body when it could not be
 * decoded) and the request id. Secret JSON fields in the body snippet are masked. Used by the
 * provider {@link ErrorDecoder}s. Thread-safe (stateless).
 */
public final class ApiErrors {
  private ApiErrors() {}

  /**
   * The parts of an error response a decoder extracted; everything but kind, status and body may be
   * null.
   */
  public static final class Parts {
    final Redaction redaction;
    final ErrorKind kind;
    final int status;
    final String body;
    @Nullable String provider;
    @Nullable String code;
    @Nullable String providerMessage;
    @Nullable String requestId;
    @Nullable String hint;
    @Nullable Headers headers;

    private Parts(Redaction redaction, ErrorKind kind, int status, String body) {
      this.redaction = redaction;
      this.kind = kind;
      this.status = status;
      this.body = body == null ? "" : body;
    }

    /** Provider name for the message ("Circle", "Wyre", "Streambird"). */
    public Parts provider(String provider) {
      this.provider = provider;
      return this;
    }

    public Parts code(@Nullable String code) {
      this.code = code;
      return this;
    }

    public Parts providerMessage(@Nullable String providerMessage) {
      this.providerMessage = providerMessage;
      return this;
    }

    public Parts requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** A sentence appended to the message telling the caller what to do. */
    public Parts hint(@Nullable String hint) {
      this.hint = hint;
      return this;
    }

    /** Response headers, read for {@code Retry-After} (rate limits). */
    public Parts headers(Headers headers) {
      this.headers = headers;
      return this;
    }

    public ApiException build() {
      String snippet = redaction.redactJson(ApiCallAdapterFactory.snippet(body));
      StringBuilder message = new StringBuilder();
      message.append(provider == null ? "API" : provider).append(" error");
      if (code != null) {
        message.append(' ').append(code);
      }
      message.append(" (HTTP ").append(status).append(')');
      if (providerMessage != null && !providerMessage.isEmpty()) {
        message.append(": ").append(redaction.redactJson(providerMessage));
      } else if (body.trim().isEmpty()) {
        message.append(": empty body");
      } else {
        message.append(": ").append(snippet);
      }
      if (requestId != null) {
        message.append(" [request id ").append(requestId).append(']');
      }
      if (hint != null) {
        message.append(". ").append(hint);
      }
      Duration retryAfter =
          headers == null ? null : RetryAfter.parse(headers.get("Retry-After"), Clock.systemUTC());
      return kind.newException(
          message.toString(), status, code, providerMessage, requestId, snippet, retryAfter);
    }
  }

  /**
   * Starts an error of the given kind for an HTTP status and raw body (possibly empty, possibly not
   * JSON), whose secrets {@code redaction} masks in the message (the provider's, from its spec).
   */
  public static Parts of(Redaction redaction, ErrorKind kind, int status, String body) {
    return new Parts(java.util.Objects.requireNonNull(redaction, "redaction"), kind, status, body);
  }
}
