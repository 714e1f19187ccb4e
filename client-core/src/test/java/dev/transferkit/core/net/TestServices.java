package dev.transferkit.core.net;

import com.squareup.moshi.JsonAdapter;
import dev.transferkit.core.Json;
import java.util.UUID;
import okhttp3.mockwebserver.MockWebServer;
import retrofit2.Retrofit;

/**
 * Test helper: a generated service pointed at a MockWebServer through the clients' own converter and call adapter,
 * with no runtime interceptors (no retries, no User-Agent) and a status-only error decoder.
 */
public final class TestServices {
  private TestServices() {}

  /** The service {@code api} with base URL {@code server.url(prefix)} and the given generated adapter factories. */
  public static <T> T bare(MockWebServer server, String prefix, Class<T> api, JsonAdapter.Factory... factories) {
    return new Retrofit.Builder()
        .baseUrl(server.url(prefix))
        .addConverterFactory(new JsonBodies(Json.moshi(factories), () -> UUID.randomUUID().toString()))
        .addCallAdapterFactory(new ApiCallAdapterFactory(ApiCallAdapterFactory.genericErrorDecoder()))
        .build()
        .create(api);
  }
}
