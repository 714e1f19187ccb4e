package dev.transferkit.circle;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.transferkit.circle.wallets.model.Error;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.internal.ApiErrors;
import dev.transferkit.core.internal.ErrorDecoder;
import dev.transferkit.core.internal.ErrorKind;
import java.io.IOException;
import okhttp3.Headers;

/**
 * Decodes Circle's error body {@code {code, message, errors[]}} (the same shape in every Circle API, decoded with the
 * generated {@link Error} model) into a typed exception. Well-known codes decide the type for 4xx statuses; 429 and
 * 5xx are always rate-limit and server errors. The request id is Circle's {@code X-Request-Id} response header.
 * Thread-safe.
 */
final class CircleErrorDecoder implements ErrorDecoder {
  static final String EXPIRED_USER_TOKEN_HINT = "The user token has expired (Circle user tokens are valid for 60"
      + " minutes): get a new one with users().getUserToken and repeat the call with it";
  static final String IDEMPOTENCY_HINT = "This idempotency key was already used for a different request. The"
      + " request that first used it may have succeeded: look it up before sending a new request with a new key";
  static final String PURPOSE_HINT = "purposeOfTransfer is missing or invalid (it is required for CIRCLE_SG"
      + " entities; valid values are PMT000 to PMT030 except PMT006)";

  private final JsonAdapter<Error> adapter;

  CircleErrorDecoder(Moshi moshi) {
    this.adapter = moshi.adapter(Error.class);
  }

  @Override
  public ApiException decode(int status, Headers headers, String body) {
    Error error = parse(body);
    Integer code = error == null ? null : error.getCode();
    ErrorKind kind = kind(status, code);
    String hint = null;
    if (code != null && code == 155104) {
      hint = EXPIRED_USER_TOKEN_HINT;
    } else if (code != null && code == 5020) {
      hint = PURPOSE_HINT;
    } else if (kind == ErrorKind.IDEMPOTENCY_CONFLICT) {
      hint = IDEMPOTENCY_HINT;
    }
    return ApiErrors.of(kind, status, body)
        .provider("Circle")
        .code(code == null ? null : String.valueOf(code))
        .providerMessage(error == null ? null : error.getMessage())
        .requestId(headers.get("X-Request-Id"))
        .headers(headers)
        .hint(hint)
        .build();
  }

  private Error parse(String body) {
    if (body == null || body.trim().isEmpty()) {
      return null;
    }
    try {
      return adapter.fromJson(body);
    } catch (IOException | RuntimeException notCircleJson) {
      return null; // e.g. an HTML page from a proxy: typed by status, with a snippet
    }
  }

  /** The kind for a Circle error code; codes only refine 4xx statuses. */
  static ErrorKind kind(int status, Integer code) {
    ErrorKind byStatus = ErrorKind.forStatus(status);
    if (code == null || status < 400 || status >= 500 || status == 429) {
      return byStatus;
    }
    switch (code) {
      case 1093: // source account has insufficient funds (Mint, DAA)
      case 155201: // not enough funds to fulfill the withdraw request (W3S)
      case 5006: // insufficient funds (payouts)
        return ErrorKind.INSUFFICIENT_FUNDS;
      case 1083: // idempotency key already bound to other request
      case 156020: // please use a new idempotency key
      case 500004: // idempotency key can't be reused
        return ErrorKind.IDEMPOTENCY_CONFLICT;
      case 1: // malformed authorization
      case 155103: // user token not found
      case 155104: // user token expired
      case 155105: // user token invalid
        return ErrorKind.AUTHENTICATION;
      case 3: // forbidden
        return ErrorKind.PERMISSION;
      case 5020: // invalid or missing purposeOfTransfer
      case 2: // invalid entity / API parameter invalid
        return ErrorKind.INVALID_REQUEST;
      case 155101: // user already exists
      case 155501: // wallet frozen
        return ErrorKind.CONFLICT;
      case 155102: // user not found
      case 155116: // challenge not found
      case 156001: // wallet not found
      case 156002: // token not found
      case 156003: // transaction not found
      case 5001: // payout not found
        return status == 404 ? ErrorKind.NOT_FOUND : byStatus;
      default:
        return byStatus;
    }
  }
}
