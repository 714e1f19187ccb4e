package dev.transferkit.streambird;

import static dev.transferkit.streambird.StreambirdClientTest.API_KEY;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.exception.TransferKitException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The Streambird API key never reaches logs, exception text or any toString(). */
class NoSecretsLeakTest {
  @Test
  void apiKeyStaysOutOfLogsExceptionsAndToString() throws Exception {
    List<String> evidence = Collections.synchronizedList(new ArrayList<>());
    MockWebServer server = new MockWebServer();
    server.start();
    try {
      StreambirdClient.Builder builder =
          StreambirdClient.builder()
              .apiKey(API_KEY)
              .maxRetries(0)
              .baseUrl(server.url("/").toString())
              .httpLogger(evidence::add);
      evidence.add(builder.toString());
      StreambirdClient streambird = builder.build();
      evidence.add(streambird.toString());
      server.enqueue(
          new MockResponse()
              .setResponseCode(401)
              .setBody(
                  "{\"error_message\":\"bad key\","
                      + "\"error_type\":\"unauthorized\",\"status_code\":401}"));
      TransferKitException e =
          assertThrows(
              TransferKitException.class,
              () ->
                  streambird.transfers().createTransfer(StreambirdClientTest.request()).execute());
      evidence.add(e.toString());
    } finally {
      server.shutdown();
    }
    String all = String.join("\n", evidence);
    assertTrue(all.contains("Authorization: ██"), all);
    assertFalse(all.contains(API_KEY), all);
  }
}
