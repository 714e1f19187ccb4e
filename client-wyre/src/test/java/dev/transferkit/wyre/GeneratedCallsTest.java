package dev.transferkit.wyre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonAdapter;
import dev.transferkit.core.Json;
import dev.transferkit.core.testing.SameRequests;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated service implementations the client facade uses ({@code <Api>Calls}) put the same requests on the
 * wire as Retrofit's implementations of the same interfaces, and decode and fail the same way (see
 * {@link SameRequests}).
 */
class GeneratedCallsTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private int check(Class<?> api, String spec, String modelPackage, JsonAdapter.Factory factory) throws Exception {
    return SameRequests.check(server, "/prefix/", api,
        SameRequests.examples(spec, modelPackage, Json.moshi(factory)), factory);
  }

  @Test
  void transfers() throws Exception {
    assertEquals(4, check(dev.transferkit.wyre.api.TransfersApi.class, "wyre/transfers.yaml",
        "dev.transferkit.wyre.model", dev.transferkit.wyre.model.JsonAdapters.FACTORY));
  }
}
