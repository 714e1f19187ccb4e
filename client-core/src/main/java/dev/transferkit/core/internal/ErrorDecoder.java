package dev.transferkit.core.internal;

import dev.transferkit.core.exception.ApiException;
import okhttp3.Headers;

/**
 * Turns a provider's error response into a typed {@link ApiException}. Implementations must be
 * thread-safe.
 */
public interface ErrorDecoder {
  /**
   * Decodes one error response.
   *
   * @param httpStatus the HTTP status (not 2xx)
   * @param headers the response headers
   * @param body the raw error body, possibly empty and possibly not JSON
   * @return the exception to throw; never null
   */
  ApiException decode(int httpStatus, Headers headers, String body);
}
