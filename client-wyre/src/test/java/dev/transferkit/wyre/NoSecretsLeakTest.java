package dev.transferkit.wyre;

import static dev.transferkit.wyre.WyreClientTest.API_KEY;
import static dev.transferkit.wyre.WyreClientTest.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.exception.TransferKitException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * No Wyre secret (API key, secret key, request signature) reaches logs, exception text or any
 * toString().
 */
class NoSecretsLeakTest {
  @Test
  void hmacCredentialsAndSignaturesStayOutOfLogsExceptionsAndToString() throws Exception {
    List<String> evidence = Collections.synchronizedList(new ArrayList<>());
    List<String> signatures = new ArrayList<>();
    MockWebServer server = new MockWebServer();
    server.start();
    try {
      WyreClient.Builder builder =
          WyreClient.builder()
              .hmac(API_KEY, SECRET_KEY)
              .maxRetries(0)
              .baseUrl(server.url("/").toString())
              .httpLogger(evidence::add);
      evidence.add(builder.toString());
      WyreClient wyre = builder.build();
      evidence.add(wyre.toString());

      server.enqueue(
          new MockResponse()
              .setResponseCode(401)
              .setBody(
                  "{\"message\":\"Invalid Session\","
                      + "\"type\":\"AccessDeniedException\",\"exceptionId\":\"E1\"}"));
      evidence.add(
          describe(
              assertThrows(
                  TransferKitException.class,
                  () -> wyre.transfers().createTransfer(WyreClientTest.request()).execute())));
      signatures.add(server.takeRequest().getHeader("X-Api-Signature"));

      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
      evidence.add(
          describe(
              assertThrows(
                  TransferKitException.class,
                  () -> wyre.transfers().createTransfer(WyreClientTest.request()).execute())));
      signatures.add(server.takeRequest().getHeader("X-Api-Signature"));

      WyreClient.Builder bearer = WyreClient.builder().secretKey(SECRET_KEY);
      evidence.add(bearer.toString());
      evidence.add(bearer.build().toString());
    } finally {
      server.shutdown();
    }

    String all = String.join("\n", evidence);
    assertTrue(all.contains("X-Api-Signature: ██"), all);
    List<String> secrets = new ArrayList<>(signatures);
    secrets.add(API_KEY);
    secrets.add(SECRET_KEY);
    for (String secret : secrets) {
      assertFalse(all.contains(secret), "leaked " + secret + " in:\n" + all);
    }
  }

  static String describe(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return t + "\n" + out;
  }
}
