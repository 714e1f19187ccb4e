package dev.transferkit.wyre;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.internal.ApiErrors;
import dev.transferkit.core.internal.ErrorDecoder;
import dev.transferkit.core.internal.ErrorKind;
import dev.transferkit.core.internal.Redaction;
import dev.transferkit.wyre.internal.ErrorCodes;
import dev.transferkit.wyre.model.WyreError;
import java.io.IOException;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Decodes Wyre's error body {@code {type, errorCode, subType, message, exceptionId, transient,
 * ...}} (the generated {@link WyreError} model) into a typed exception. The provider code is the
 * exception {@code type} (e.g. {@code InsufficientFundsException}); the request id is {@code
 * exceptionId}. Wyre reports most errors as HTTP 400, so the type decides:
 * InsufficientFundsException, NotFoundException (sent with 400), AccessDeniedException,
 * RateLimitException, UnknownException; validation-style types stay invalid requests. Thread-safe.
 */
final class WyreErrorDecoder implements ErrorDecoder {
  private final JsonAdapter<WyreError> adapter;
  private final Redaction redaction;

  WyreErrorDecoder(Moshi moshi, Redaction redaction) {
    this.adapter = moshi.adapter(WyreError.class);
    this.redaction = redaction;
  }

  @Override
  public ApiException decode(int status, Headers headers, String body) {
    WyreError error = parse(body);
    String type = error == null ? null : error.getType();
    StringBuilder detail = new StringBuilder();
    if (error != null) {
      append(detail, "errorCode", error.getErrorCode());
      append(detail, "subType", error.getSubType());
      append(detail, "problematicField", error.getProblematicField());
      if (Boolean.TRUE.equals(error.getTransient())) {
        detail.append(detail.length() == 0 ? "" : ", ").append("transient");
      }
    }
    String requestId =
        error != null && error.getExceptionId() != null
            ? error.getExceptionId()
            : headers.get("X-Request-Id");
    return ApiErrors.of(redaction, kind(status, type), status, body)
        .provider("Wyre")
        .code(type)
        .providerMessage(error == null ? null : error.getMessage())
        .requestId(requestId)
        .headers(headers)
        .hint(detail.length() == 0 ? null : "(" + detail + ")")
        .build();
  }

  private static void append(StringBuilder sb, String name, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=').append(value);
    }
  }

  private @Nullable WyreError parse(@Nullable String body) {
    if (body == null || body.trim().isEmpty()) {
      return null;
    }
    try {
      return adapter.fromJson(body);
    } catch (IOException | RuntimeException notWyreJson) {
      return null;
    }
  }

  static ErrorKind kind(int status, @Nullable String type) {
    ErrorKind byStatus = ErrorKind.forStatus(status);
    if (type == null || status == 429 || status >= 500 || status < 400) {
      return byStatus;
    }
    ErrorKind documented =
        ErrorCodes.kind(type, status); // the types the spec documents (x-transferkit-errors)
    return documented != null ? documented : byStatus;
  }
}
