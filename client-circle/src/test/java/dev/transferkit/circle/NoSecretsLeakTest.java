package dev.transferkit.circle;

import static dev.transferkit.circle.CircleClientTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.wallets.model.UserToken;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.exception.TransferKitException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * No Circle secret (API key, user token, encryption key) reaches logs, exception text or any
 * toString().
 */
class NoSecretsLeakTest {
  private static final String API_KEY = "TEST_API_KEY:7d1e5c1a:c0ffee1234deadbeef";
  private static final String USER_TOKEN =
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsZWFrLXRlc3QifQ.c2lnbmF0dXJl";
  private static final String ENCRYPTION_KEY = "Tlcyxz7Ts9ztRLQq5+pic0MIETblYimOo2d7idV/UFM=";

  @Test
  void secretsStayOutOfLogsExceptionsAndToString() throws Exception {
    List<String> evidence = Collections.synchronizedList(new ArrayList<>());
    MockWebServer server = new MockWebServer();
    server.start();
    try {
      CircleClient.Builder builder =
          CircleClient.builder()
              .apiKey(API_KEY)
              .baseUrl(server.url("/").toString())
              .maxRetries(0)
              .httpLogger(evidence::add);
      evidence.add(builder.toString());
      CircleClient circle = builder.build();
      evidence.add(circle.toString());

      server.enqueue(
          json(
              200,
              "{\"data\":{\"userToken\":\""
                  + USER_TOKEN
                  + "\",\"encryptionKey\":\""
                  + ENCRYPTION_KEY
                  + "\"}}"));
      ApiResponse<UserToken> token =
          circle
              .users()
              .getUserToken(UserTokenRequest.builder().userId("leak-test").build())
              .executeForResponse();
      assertTrue(USER_TOKEN.equals(token.body().getUserToken()), "the caller still gets the token");
      evidence.add(token.toString());
      evidence.add(token.body().toString());
      evidence.add(token.body().toBuilder().toString());

      server.enqueue(
          json(
              403,
              "{\"code\":155104,\"message\":\"userToken expired\",\"userToken\":\""
                  + USER_TOKEN
                  + "\"}"));
      evidence.add(
          describe(
              assertThrows(
                  TransferKitException.class,
                  () -> circle.wallets().listWallets(USER_TOKEN).execute())));

      server.shutdown();
      evidence.add(
          describe(
              assertThrows(
                  TransferKitException.class,
                  () -> circle.transactions().getTransaction("t1", USER_TOKEN).execute())));
    } finally {
      server.shutdown();
    }

    String all = String.join("\n", evidence);
    assertTrue(all.contains("Authorization: ██"), "the log shows that the header was sent, masked");
    for (String secret : new String[] {API_KEY, "c0ffee1234deadbeef", USER_TOKEN, ENCRYPTION_KEY}) {
      assertFalse(all.contains(secret), "leaked " + secret + " in:\n" + all);
    }
  }

  @Test
  void keysAndUserTokensThatCannotBeSentAreRefusedNamingThemButNeverShowingThem() throws Exception {
    List<String> evidence = new ArrayList<>();
    for (String bad :
        new String[] {
          API_KEY + "\n", API_KEY + " ", "TEST_API_KEY:7d1e5c1a:c0ffee1234dead\u00dfeef"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CircleClient.builder().apiKey(bad));
      assertTrue(e.getMessage().startsWith("apiKey"), e.getMessage());
      evidence.add(describe(e));
      evidence.add(
          describe(
              assertThrows(
                  IllegalArgumentException.class,
                  () -> CircleClient.builder().walletsApiKey(bad))));
    }
    MockWebServer server = new MockWebServer();
    server.start();
    try {
      CircleClient circle =
          CircleClient.builder().apiKey(API_KEY).baseUrl(server.url("/").toString()).build();
      IllegalArgumentException sync =
          assertThrows(
              IllegalArgumentException.class,
              () -> circle.wallets().listWallets(USER_TOKEN + "\r\n").execute());
      assertTrue(sync.getMessage().contains("X-User-Token"), sync.getMessage());
      evidence.add(describe(sync));
      java.util.concurrent.ExecutionException async =
          assertThrows(
              java.util.concurrent.ExecutionException.class,
              () -> circle.wallets().listWallets("\u2003" + USER_TOKEN).executeAsync().get());
      assertTrue(async.getCause() instanceof IllegalArgumentException, describe(async));
      evidence.add(describe(async));
      assertEquals(0, server.getRequestCount(), "nothing was sent");
    } finally {
      server.shutdown();
    }
    String all = String.join("\n", evidence);
    for (String secret : new String[] {API_KEY, "c0ffee1234dead", USER_TOKEN}) {
      assertFalse(all.contains(secret), "leaked " + secret + " in:\n" + all);
    }
  }

  static String describe(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return t + "\n" + out;
  }
}
