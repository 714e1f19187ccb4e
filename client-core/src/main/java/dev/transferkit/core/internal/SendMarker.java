package dev.transferkit.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Network interceptor that records, per attempt, that a connection was established and the request
 * is about to be written. OkHttp runs network interceptors only once connected, so an attempt that
 * failed without reaching this point never sent a byte of the request; one that got here may have
 * reached the server.
 */
final class SendMarker implements Interceptor {
  /** Mutable per-attempt state, attached to the attempt's request as a tag. */
  static final class Attempt {
    volatile boolean sendStarted;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Attempt attempt = chain.request().tag(Attempt.class);
    if (attempt != null) {
      attempt.sendStarted = true;
    }
    return chain.proceed(chain.request());
  }
}
