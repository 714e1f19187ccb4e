package dev.transferkit.core.internal;

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
   * server.url(prefix)}; generated models' adapters are found by Moshi itself.
   */
  public static Retrofit bare(MockWebServer server, String prefix) {
    return new Retrofit.Builder()
        .baseUrl(server.url(prefix))
        .addConverterFactory(
            new JsonBodies(Json.moshi(), () -> UUID.randomUUID().toString(), Redaction.HTTP))
        .addCallAdapterFactory(
            new ApiCallAdapterFactory(ApiCallAdapterFactory.genericErrorDecoder()))
        .build();
  }
}
