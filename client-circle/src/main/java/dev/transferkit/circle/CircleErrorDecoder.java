package dev.transferkit.circle;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.transferkit.circle.model.CircleError;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.internal.ApiErrors;
import dev.transferkit.core.internal.ErrorDecoder;
import dev.transferkit.core.internal.ErrorKind;
import dev.transferkit.core.internal.Redaction;
import java.io.IOException;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Decodes Circle's error body {@code {code, message, errors[]}} (the same shape in every Circle
 * API, decoded with the generated {@link CircleError} model) into a typed exception. Well-known
 * codes decide the type for 4xx statuses; 429 and 5xx are always rate-limit and server errors. The
 * request id is Circle's {@code X-Request-Id} response header. Thread-safe.
 */
final class CircleErrorDecoder implements ErrorDecoder {
  static final String IDEMPOTENCY_HINT =
      "This idempotency key was already used for a different request. The"
          + " request that first used it may have succeeded: look it up before sending a new request with a new key";

  private final JsonAdapter<CircleError> adapter;
  private final Redaction redaction;

  CircleErrorDecoder(Moshi moshi, Redaction redaction) {
    this.adapter = moshi.adapter(CircleError.class);
    this.redaction = redaction;
  }

  @Override
  public ApiException decode(int status, Headers headers, String body) {
    CircleError error = parse(body);
    Integer code = error == null ? null : error.getCode();
    ErrorKind kind = kind(status, code);
    String hint = code == null ? null : hint(String.valueOf(code));
    if (hint == null && kind == ErrorKind.IDEMPOTENCY_CONFLICT) {
      hint = IDEMPOTENCY_HINT;
    }
    return ApiErrors.of(redaction, kind, status, body)
        .provider("Circle")
        .code(code == null ? null : String.valueOf(code))
        .providerMessage(error == null ? null : error.getMessage())
        .requestId(headers.get("X-Request-Id"))
        .headers(headers)
        .hint(hint)
        .build();
  }

  private @Nullable CircleError parse(@Nullable String body) {
    if (body == null || body.trim().isEmpty()) {
      return null;
    }
    try {
      return adapter.fromJson(body);
    } catch (IOException | RuntimeException notCircleJson) {
      return null; // e.g. an HTML page from a proxy: typed by status, with a snippet
    }
  }

  /**
   * The kind for a Circle error code, from the codes the three Circle specs document ({@code
   * x-transferkit-errors}, generated into each API's {@code ErrorCodes}); codes only refine 4xx
   * statuses other than 429.
   */
  static ErrorKind kind(int status, @Nullable Integer code) {
    ErrorKind byStatus = ErrorKind.forStatus(status);
    if (code == null || status < 400 || status >= 500 || status == 429) {
      return byStatus;
    }
    String text = String.valueOf(code);
    ErrorKind documented = dev.transferkit.circle.accounts.internal.ErrorCodes.kind(text, status);
    if (documented == null) {
      documented = dev.transferkit.circle.payouts.internal.ErrorCodes.kind(text, status);
    }
    if (documented == null) {
      documented = dev.transferkit.circle.wallets.internal.ErrorCodes.kind(text, status);
    }
    return documented != null ? documented : byStatus;
  }

  private static @Nullable String hint(String code) {
    String hint = dev.transferkit.circle.accounts.internal.ErrorCodes.hint(code);
    if (hint == null) {
      hint = dev.transferkit.circle.payouts.internal.ErrorCodes.hint(code);
    }
    return hint != null ? hint : dev.transferkit.circle.wallets.internal.ErrorCodes.hint(code);
  }
}
