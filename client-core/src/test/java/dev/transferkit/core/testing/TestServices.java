package dev.transferkit.core.testing;

import com.squareup.moshi.JsonAdapter;
import dev.transferkit.core.Json;
import dev.transferkit.core.net.ApiCallAdapterFactory;
import okhttp3.mockwebserver.MockWebServer;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/** Test helper: a bare generated service pointed at a MockWebServer, with no runtime interceptors and a
 * status-only error decoder. */
public final class TestServices {
  private TestServices() {}

  /** The service {@code api} with base URL {@code server.url(prefix)} and the given generated adapter factories. */
  public static <T> T bare(MockWebServer server, String prefix, Class<T> api, JsonAdapter.Factory... factories) {
    return new Retrofit.Builder()
        .baseUrl(server.url(prefix))
        .addConverterFactory(MoshiConverterFactory.create(Json.moshi(factories)))
        .addCallAdapterFactory(new ApiCallAdapterFactory(ApiCallAdapterFactory.genericErrorDecoder()))
        .build()
        .create(api);
  }
}
