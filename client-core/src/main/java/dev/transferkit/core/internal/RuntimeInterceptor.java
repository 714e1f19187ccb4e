package dev.transferkit.core.internal;

import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.OutcomeUnknownException;
import dev.transferkit.core.exception.RedirectException;
import dev.transferkit.core.exception.ResponseTooLargeException;
import dev.transferkit.core.exception.TransferKitException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The first of TransferKit's interceptors: sets {@code User-Agent} and {@code X-Request-Id}, fills
 * the idempotency key of {@link Idempotent} POSTs, and retries what may safely be retried.
 *
 * <p>Only GETs (and HEADs) and {@link Idempotent} POSTs are retried, on connection failures,
 * timeouts, 408, 429 and 5xx, sending the very same bytes (same idempotency key) each time. Any
 * other request is tried exactly once; if it fails after the request may have reached the server,
 * the failure is an {@link OutcomeUnknownException}. Response bodies are read completely here (up
 * to the size bound), so that a timeout while reading the body is handled like any other failure. A
 * retry whose wait would end after the call's deadline is not attempted. A 3xx answer (one that
 * OkHttp did not follow) is a {@link RedirectException}.
 */
final class RuntimeInterceptor implements Interceptor {
  private final String userAgent;
  private final RetryPolicy policy;
  private final String provider;
  private final String reconcileHint;
  private final Supplier<String> newKey;
  private final ErrorDecoder errorDecoder;

  /**
   * A static {@code Authorization} value set with the other headers (see {@link
   * #withAuthorization}), or null.
   */
  private final @Nullable String authorization;

  /** The bounds on every call: its deadline (zero: none) and the largest response body read. */
  static final class Bounds {
    final Duration callTimeout;
    final long maxResponseBodySize;

    Bounds(Duration callTimeout, long maxResponseBodySize) {
      this.callTimeout = callTimeout;
      this.maxResponseBodySize = maxResponseBodySize;
    }
  }

  private final Bounds bounds;

  RuntimeInterceptor(
      String userAgent,
      RetryPolicy policy,
      String provider,
      String reconcileHint,
      ErrorDecoder errorDecoder,
      Bounds bounds) {
    this(
        userAgent,
        policy,
        provider,
        reconcileHint,
        errorDecoder,
        bounds,
        () -> UUID.randomUUID().toString(),
        null);
  }

  private RuntimeInterceptor(
      String userAgent,
      RetryPolicy policy,
      String provider,
      String reconcileHint,
      ErrorDecoder errorDecoder,
      Bounds bounds,
      Supplier<String> newKey,
      @Nullable String authorization) {
    this.userAgent = userAgent;
    this.policy = policy;
    this.provider = provider;
    this.reconcileHint = reconcileHint;
    this.errorDecoder = errorDecoder;
    this.bounds = bounds;
    this.newKey = newKey;
    this.authorization = authorization;
  }

  /**
   * The same runtime, also sending a fixed {@code Authorization} header (a bearer key needs no
   * per-attempt work, so it is set in the one request build per call instead of by an interceptor
   * of its own on every attempt).
   */
  RuntimeInterceptor withAuthorization(String value) {
    return new RuntimeInterceptor(
        userAgent, policy, provider, reconcileHint, errorDecoder, bounds, newKey, value);
  }

  /** The same runtime with another call deadline (see {@link Transport#withCallTimeout}). */
  RuntimeInterceptor withCallTimeout(Duration callTimeout) {
    return new RuntimeInterceptor(
        userAgent,
        policy,
        provider,
        reconcileHint,
        errorDecoder,
        new Bounds(callTimeout, bounds.maxResponseBodySize),
        newKey,
        authorization);
  }

  /** Where idempotency keys come from (also used by {@link JsonBodies}). */
  Supplier<String> keys() {
    return newKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    RequestOptions options = original.tag(RequestOptions.class);
    RequestBody body = original.body();
    String method = original.method();

    long started = System.nanoTime();
    SendMarker.Attempt state = new SendMarker.Attempt();
    Request.Builder builder =
        original
            .newBuilder()
            .header("User-Agent", userAgent)
            .tag(SendMarker.Attempt.class, state)
            .tag(RedirectGuard.Start.class, new RedirectGuard.Start(original.url(), method));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (options != null && options.requestId() != null && original.header("X-Request-Id") == null) {
      builder.header("X-Request-Id", options.requestId());
    }
    // Bodies of idempotent operations are encoded by JsonBodies, which set the key on the request
    // model.
    String key = body instanceof JsonBodies.Keyed ? ((JsonBodies.Keyed) body).key : null;
    boolean idempotent = key != null;
    Request prepared = builder.build();
    boolean retryable = method.equals("GET") || method.equals("HEAD") || idempotent;
    int maxRetries =
        options != null && options.maxRetries() != null
            ? options.maxRetries()
            : policy.maxRetries();

    for (int attempt = 0; ; attempt++) {
      state.sendStarted =
          false; // attempts run one after the other: the marker of the last one is what counts
      Response response;
      try {
        response = bounded(chain.proceed(prepared), operation(prepared));
      } catch (IOException e) {
        TransferKitException fromInside = TransferKitIOException.find(e);
        if (fromInside instanceof RedirectException && !retryable) {
          throw outcomeUnknown(
              operation(prepared), "its redirect could not be followed safely", fromInside);
        }
        if (fromInside != null) {
          throw (TransferKitIOException) e;
        }
        Duration wait = policy.backoff(attempt);
        boolean mayRetry =
            retryable
                && attempt < maxRetries
                && !chain.call().isCanceled()
                && fitsDeadline(started, wait);
        if (mayRetry) {
          pause(wait);
          continue;
        }
        throw failure(
            e,
            operation(prepared),
            retryable,
            state.sendStarted,
            attempt + 1,
            key,
            chain.call().isCanceled());
      }
      if (retryable
          && attempt < maxRetries
          && isRetryableStatus(response.code())
          && !chain.call().isCanceled()) {
        Duration wait = RetryAfter.parse(response.header("Retry-After"), policy.clock());
        if (wait != null && wait.compareTo(policy.maxRetryAfter()) > 0) {
          return response; // asked to wait longer than we are willing to block: report it instead
        }
        Duration pause = wait != null ? wait : policy.backoff(attempt);
        if (!fitsDeadline(started, pause)) {
          return response; // the retry could not finish before the call's deadline: report this
          // answer instead
        }
        response.close();
        pause(pause);
        continue;
      }
      if (response.code() >= 300 && response.code() <= 399) {
        RedirectException redirect = redirect(response, prepared);
        response.close();
        if (!retryable) {
          throw outcomeUnknown(operation(prepared), "it was answered with a redirect", redirect);
        }
        throw new TransferKitIOException(redirect);
      }
      if (!retryable && isAmbiguousStatus(response.code())) {
        throw ambiguousAnswer(response, operation(prepared));
      }
      return response;
    }
  }

  /** Whether waiting {@code wait} and trying again can still end before the call's deadline. */
  private boolean fitsDeadline(long startedNanos, Duration wait) {
    if (bounds.callTimeout.isZero()) {
      return true;
    }
    long elapsed = System.nanoTime() - startedNanos;
    return elapsed + wait.toNanos() < bounds.callTimeout.toNanos();
  }

  /**
   * The 3xx answer as an exception naming its status and the origin of its Location (never its path
   * or query).
   */
  private RedirectException redirect(Response response, Request request) {
    String location = response.header("Location");
    HttpUrl target = location == null ? null : request.url().resolve(location);
    String origin = target == null ? null : RedirectGuard.origin(target);
    return new RedirectException(
        provider
            + " answered "
            + operation(request)
            + " with HTTP "
            + response.code()
            + " redirecting to "
            + (origin == null ? "no usable Location" : origin)
            + ", which was not followed (redirects are followed"
            + " only with followRedirects(true)); check the base URL (https, path prefix) and any proxy.",
        response.code(),
        origin,
        response.header("X-Request-Id"));
  }

  private TransferKitIOException outcomeUnknown(
      String operation, String what, TransferKitException cause) {
    return new TransferKitIOException(
        new OutcomeUnknownException(
            "The outcome of "
                + operation
                + " is unknown: "
                + what
                + " ("
                + cause.getMessage()
                + "), which does not"
                + " prove the request was not carried out. It was not retried, because this operation carries no"
                + " idempotency key and sending it again could execute it twice. Reconcile before trying again: "
                + reconcileHint,
            operation,
            cause));
  }

  private static String operation(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /**
   * 5xx and 408 answers to a request that is not safe to retry: a gateway or an overloaded server
   * may have answered after the provider carried the request out, so for a create or confirm they
   * do not prove that nothing happened.
   */
  static boolean isAmbiguousStatus(int code) {
    return code == 408 || (code >= 500 && code <= 599);
  }

  private TransferKitIOException ambiguousAnswer(Response response, String operation)
      throws IOException {
    String body = response.body() == null ? "" : response.body().string();
    dev.transferkit.core.exception.ApiException answer =
        errorDecoder.decode(response.code(), response.headers(), body);
    return new TransferKitIOException(
        new OutcomeUnknownException(
            "The outcome of "
                + operation
                + " is unknown: "
                + provider
                + " answered HTTP "
                + response.code()
                + ", which does not prove the request was not carried out (see the cause for the provider's error)."
                + " It was not retried, because this operation carries no idempotency key and sending it again could"
                + " execute it twice. Reconcile before trying again: "
                + reconcileHint,
            operation,
            answer));
  }

  static boolean isRetryableStatus(int code) {
    return code == 408 || code == 429 || (code >= 500 && code <= 599);
  }

  private TransferKitIOException failure(
      IOException e,
      String operation,
      boolean retryable,
      boolean sent,
      int attempts,
      @Nullable String key,
      boolean canceled) {
    // OkHttp cancels a call whose deadline passed: the I/O error is then only "Socket closed" or
    // "Canceled".
    String cause =
        canceled && !bounds.callTimeout.isZero()
            ? "the call was canceled or its deadline (callTimeout "
                + bounds.callTimeout.toMillis()
                + " ms) passed"
            : canceled
                ? "the call was canceled"
                : e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
    String tries = attempts == 1 ? "" : " after " + attempts + " attempts";
    if (!retryable && sent) {
      return new TransferKitIOException(
          new OutcomeUnknownException(
              "The outcome of "
                  + operation
                  + " is unknown: the connection failed after the request was sent ("
                  + cause
                  + "). "
                  + provider
                  + " may or may not have carried it out. It was not retried, because this operation"
                  + " carries no idempotency key and sending it again could execute it twice. Reconcile before trying"
                  + " again: "
                  + reconcileHint,
              operation,
              e));
    }
    String message;
    if (key != null) {
      message =
          "Network failure on "
              + operation
              + tries
              + " ("
              + cause
              + "). The request carries idempotencyKey="
              + key
              + ": sending it again with the same key is safe and cannot execute it twice.";
    } else if (retryable) {
      message =
          "Network failure on "
              + operation
              + tries
              + " ("
              + cause
              + "). This read-only request is safe to"
              + " repeat.";
    } else {
      message =
          "Network failure on "
              + operation
              + " before the request was sent ("
              + cause
              + "): nothing reached "
              + provider
              + ", so sending it again is safe.";
    }
    return new TransferKitIOException(new NetworkException(message, e, key));
  }

  private void pause(Duration d) throws InterruptedIOException {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      policy.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("Interrupted while waiting to retry");
      io.initCause(e);
      throw io;
    }
  }

  /**
   * The response with its body read into memory (API bodies are small JSON documents), at most
   * {@link Bounds#maxResponseBodySize} bytes of it: everything is pulled into the body's own
   * buffered source, so the bytes are neither copied nor moved and the response is not rebuilt.
   * Reading it to the end also completes the exchange (OkHttp releases the connection when the body
   * is exhausted). A longer body, announced or found, closes the response without reading the rest.
   */
  private Response bounded(Response response, String operation) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    long limit = bounds.maxResponseBodySize;
    try {
      long announced = body.contentLength();
      if (announced > limit || body.source().request(limit + 1)) {
        response.close();
        throw new TransferKitIOException(
            new ResponseTooLargeException(
                "The response to "
                    + operation
                    + " (HTTP "
                    + response.code()
                    + ") is longer than maxResponseBodySize="
                    + limit
                    + " bytes"
                    + (announced > limit ? " (Content-Length " + announced + ")" : "")
                    + "; it was not read further.",
                response.code(),
                limit));
      }
    } catch (IOException | RuntimeException e) {
      response.close();
      throw e;
    }
    return response;
  }
}
