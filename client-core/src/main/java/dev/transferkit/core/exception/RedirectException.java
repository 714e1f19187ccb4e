package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with a redirect (HTTP 3xx) that the client did not follow. TransferKit
 * clients do not follow redirects unless {@code followRedirects(true)} is set on their builder, and
 * even then they never follow one that would send a request body to another origin or turn a
 * request into one with another method (a POST redirected with 301, 302 or 303 would otherwise be
 * re-sent as a GET whose answer looked like the POST's).
 *
 * <p>An API host that redirects is usually a wrong base URL (plain {@code http}, a missing path
 * prefix) or a proxy in the way. The message names the status and the origin ({@code
 * scheme://host:port}) of the {@code Location} header, never its path or query, which may carry
 * tokens. The body of the redirect is not kept.
 *
 * <p>Immutable.
 */
public class RedirectException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String locationOrigin;

  public RedirectException(
      String message, int httpStatus, @Nullable String locationOrigin, @Nullable String requestId) {
    super(message, httpStatus, null, null, requestId, "");
    this.locationOrigin = locationOrigin;
  }

  /**
   * The origin ({@code scheme://host:port}) the redirect pointed to, or null when it had no usable
   * Location.
   */
  public @Nullable String locationOrigin() {
    return locationOrigin;
  }
}
