package dev.transferkit.core.testing;

import com.squareup.moshi.JsonAdapter;
import dev.transferkit.core.Json;
import dev.transferkit.core.net.ApiCallAdapterFactory;
import dev.transferkit.core.net.Endpoint;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/** Test helper: a bare generated service pointed at a MockWebServer, with no runtime interceptors and a
 * status-only error decoder. */
public final class TestServices {
  private TestServices() {}

  /** The service {@code api} with base URL {@code server.url(prefix)} and the given generated adapter factories. */
  public static <T> T bare(MockWebServer server, String prefix, Class<T> api, JsonAdapter.Factory... factories) {
    return bare(server, prefix, api, false, factories);
  }

  /**
   * Like {@link #bare(MockWebServer, String, Class, JsonAdapter.Factory...)}; with {@code direct}, the generated
   * implementation {@code <api>Calls} (what the client facades use) instead of Retrofit's.
   */
  public static <T> T bare(
      MockWebServer server, String prefix, Class<T> api, boolean direct, JsonAdapter.Factory... factories) {
    if (direct) {
      Endpoint.Services services = Endpoint.Services.of(server.url(prefix), new OkHttpClient(), Json.moshi(factories),
          ApiCallAdapterFactory.genericErrorDecoder(), () -> UUID.randomUUID().toString());
      try {
        return api.cast(Class.forName(api.getName() + "Calls").getConstructor(Endpoint.Services.class)
            .newInstance(services));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("No generated implementation of " + api.getName(), e);
      }
    }
    return new Retrofit.Builder()
        .baseUrl(server.url(prefix))
        .addConverterFactory(MoshiConverterFactory.create(Json.moshi(factories)))
        .addCallAdapterFactory(new ApiCallAdapterFactory(ApiCallAdapterFactory.genericErrorDecoder()))
        .build()
        .create(api);
  }
}
