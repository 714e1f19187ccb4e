package dev.transferkit.core.internal;

import com.squareup.moshi.JsonAdapter;
import java.util.UUID;
import okhttp3.mockwebserver.MockWebServer;
import retrofit2.Retrofit;

/**
 * Test helper: a generated service pointed at a MockWebServer through the clients' own converter
 * and call adapter, with no runtime interceptors (no retries, no User-Agent) and a status-only
 * error decoder.
 */
public final class TestServices {
  private TestServices() {}

  /**
   * A Retrofit for the generated services (their constructors take it) with base URL {@code
   * server.url(prefix)} and the given generated adapter factories.
   */
  public static Retrofit bare(
      MockWebServer server, String prefix, JsonAdapter.Factory... factories) {
    return new Retrofit.Builder()
        .baseUrl(server.url(prefix))
        .addConverterFactory(
            new JsonBodies(
                Json.moshi(factories), () -> UUID.randomUUID().toString(), Redaction.HTTP))
        .addCallAdapterFactory(
            new ApiCallAdapterFactory(ApiCallAdapterFactory.genericErrorDecoder()))
        .build();
  }
}
