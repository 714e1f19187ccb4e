package dev.transferkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.transferkit.sandbox.SandboxSeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Failing regression tests of reported, unfixed sandbox findings (see {@link KnownFindings}).
 * Tagged {@code finding}: excluded by default, run with {@code -Pfindings}.
 */
@Tag("finding")
class SandboxKnownFindingsTest {
  /**
   * F2: an unparseable request target must still get Circle's documented error shape, not the JDK
   * server's HTML.
   */
  @Test
  void f2UnparseableRequestTargetGetsTheProvidersErrorShape() throws IOException {
    HttpUrl url =
        HttpUrl.get(SandboxRequestFuzzTest.SANDBOX.circleBaseUrl())
            .newBuilder()
            .addPathSegments("v1/accounts/transfers")
            .addPathSegment("[x")
            .build();
    assertEquals("/circle/v1/accounts/transfers/[x", url.encodedPath()); // as OkHttp sends it
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + SandboxSeed.CIRCLE_API_KEY)
            .build();
    try (Response response = SandboxRequestFuzzTest.HTTP.newCall(request).execute()) {
      String body = response.body().string();
      assertEquals(404 / 100, response.code() / 100, body);
      assertNull(
          Bodies.errorShapeProblem(
              "circle", response.code(), body.getBytes(StandardCharsets.UTF_8)),
          body);
    }
  }
}
