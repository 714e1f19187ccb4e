package dev.transferkit.circle;

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
  void accountsAndPayouts() throws Exception {
    assertEquals(4, check(dev.transferkit.circle.accounts.api.AccountsApi.class, "circle/digital-asset-accounts.yaml",
        "dev.transferkit.circle.accounts.model", dev.transferkit.circle.accounts.model.JsonAdapters.FACTORY));
    assertEquals(3, check(dev.transferkit.circle.payouts.api.PayoutsApi.class, "circle/payouts.yaml",
        "dev.transferkit.circle.payouts.model", dev.transferkit.circle.payouts.model.JsonAdapters.FACTORY));
  }

  @Test
  void userControlledWallets() throws Exception {
    String spec = "circle/user-controlled-wallets.yaml";
    String models = "dev.transferkit.circle.wallets.model";
    JsonAdapter.Factory factory = dev.transferkit.circle.wallets.model.JsonAdapters.FACTORY;
    int operations = check(dev.transferkit.circle.wallets.api.UsersApi.class, spec, models, factory)
        + check(dev.transferkit.circle.wallets.api.WalletsApi.class, spec, models, factory)
        + check(dev.transferkit.circle.wallets.api.TransactionsApi.class, spec, models, factory)
        + check(dev.transferkit.circle.wallets.api.NotificationsApi.class, spec, models, factory);
    assertEquals(8, operations);
  }
}
