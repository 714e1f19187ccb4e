package dev.transferkit.streambird;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.internal.ApiErrors;
import dev.transferkit.core.internal.ErrorDecoder;
import dev.transferkit.core.internal.ErrorKind;
import dev.transferkit.core.internal.Redaction;
import dev.transferkit.streambird.model.StreambirdError;
import java.io.IOException;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Decodes Streambird's error body {@code {error_message, error_type, status_code, errors[]}} (the
 * generated {@link StreambirdError} model). Streambird documents no error_type values, so the HTTP
 * status decides the exception type; {@code error_type} is the provider code. Thread-safe.
 */
final class StreambirdErrorDecoder implements ErrorDecoder {
  private final JsonAdapter<StreambirdError> adapter;
  private final Redaction redaction;

  StreambirdErrorDecoder(Moshi moshi, Redaction redaction) {
    this.adapter = moshi.adapter(StreambirdError.class);
    this.redaction = redaction;
  }

  @Override
  public ApiException decode(int status, Headers headers, String body) {
    StreambirdError error = parse(body);
    return ApiErrors.of(redaction, ErrorKind.forStatus(status), status, body)
        .provider("Streambird")
        .code(error == null ? null : error.getErrorType())
        .providerMessage(error == null ? null : error.getErrorMessage())
        .requestId(headers.get("X-Request-Id"))
        .headers(headers)
        .build();
  }

  private @Nullable StreambirdError parse(@Nullable String body) {
    if (body == null || body.trim().isEmpty()) {
      return null;
    }
    try {
      return adapter.fromJson(body);
    } catch (IOException | RuntimeException notStreambirdJson) {
      return null;
    }
  }
}
