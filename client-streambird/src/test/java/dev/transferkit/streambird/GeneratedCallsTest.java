package dev.transferkit.streambird;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonAdapter;
import dev.transferkit.core.Json;
import dev.transferkit.core.testing.SameRequests;
import dev.transferkit.streambird.model.ConfirmTransferRequest;
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
    java.util.function.Function<Class<?>, Object> examples =
        SameRequests.examples(spec, modelPackage, Json.moshi(factory));
    // the spec has no example of the confirm body
    return SameRequests.check(server, "/prefix/", api, type -> type == ConfirmTransferRequest.class
        ? ConfirmTransferRequest.builder().userId("usr_2CrgVoIsFEgbvuwkAv3BNxz1bWq").build() : examples.apply(type),
        factory);
  }

  @Test
  void transfersAndWallets() throws Exception {
    assertEquals(7, check(dev.transferkit.streambird.api.TransfersApi.class, "streambird/transfers.yaml",
            "dev.transferkit.streambird.model", dev.transferkit.streambird.model.JsonAdapters.FACTORY)
        + check(dev.transferkit.streambird.api.WalletsApi.class, "streambird/transfers.yaml",
            "dev.transferkit.streambird.model", dev.transferkit.streambird.model.JsonAdapters.FACTORY));
  }
}
