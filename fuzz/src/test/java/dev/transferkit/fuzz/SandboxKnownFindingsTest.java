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
 * Failing regression tests of reported, unfixed sandbox findings (see {@link KnownFindings}). Tagged {@code finding}:
 * excluded by default, run with {@code -Pfindings}.
 */
@Tag("finding")
class SandboxKnownFindingsTest {
  /** F2: an unparseable request target must still get Circle's documented error shape, not the JDK server's HTML. */
  @Test
  void f2UnparseableRequestTargetGetsTheProvidersErrorShape() throws IOException {
    HttpUrl url = HttpUrl.get(SandboxRequestFuzzTest.SANDBOX.circleBaseUrl()).newBuilder()
        .addPathSegments("v1/accounts/transfers").addPathSegment("[x").build();
    assertEquals("/circle/v1/accounts/transfers/[x", url.encodedPath()); // as OkHttp sends it
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + SandboxSeed.CIRCLE_API_KEY).build();
    try (Response response = SandboxRequestFuzzTest.HTTP.newCall(request).execute()) {
      String body = response.body().string();
      assertEquals(404 / 100, response.code() / 100, body);
      assertNull(Bodies.errorShapeProblem("circle", response.code(), body.getBytes(StandardCharsets.UTF_8)), body);
    }
  }

  /** F3: whitespace around an integer query parameter must give the documented 400, not a 500. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "circle/v1/accounts/transfers, pageSize, circle, " + SandboxSeed.CIRCLE_API_KEY,
    "circle/v1/payouts, pageSize, circle, " + SandboxSeed.CIRCLE_API_KEY,
    "wyre/v3/transfers, offset, wyre, " + SandboxSeed.WYRE_SECRET_KEY,
    "wyre/v3/transfers, length, wyre, " + SandboxSeed.WYRE_SECRET_KEY,
    "wyre/v3/transfers, from, wyre, " + SandboxSeed.WYRE_SECRET_KEY,
    "wyre/v3/transfers, to, wyre, " + SandboxSeed.WYRE_SECRET_KEY,
    "streambird/v1/transfers/list, offset, streambird, " + SandboxSeed.STREAMBIRD_API_KEY,
  })
  void f3WhitespaceAroundAnIntegerQueryParameterIsNotA500(String path, String param, String provider, String key)
      throws IOException {
    HttpUrl url = HttpUrl.get(SandboxRequestFuzzTest.SANDBOX.baseUrl()).newBuilder().addPathSegments(path)
        .addQueryParameter(param, "\n\n50").build();
    Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + key).build();
    try (Response response = SandboxRequestFuzzTest.HTTP.newCall(request).execute()) {
      String body = response.body().string();
      // Either accepted as 50 (200) or refused with the provider's documented 400; never a 500.
      org.junit.jupiter.api.Assertions.assertTrue(response.code() == 200 || response.code() == 400,
          "HTTP " + response.code() + " " + body);
      if (response.code() == 400) {
        assertNull(Bodies.errorShapeProblem(provider, 400, body.getBytes(StandardCharsets.UTF_8)), body);
      }
    }
  }

  /** F4: an amount with a huge exponent must be refused with the provider's 400 (or 1093/insufficient funds), not a 500. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "circle, circle/v1/payouts, 1e849716645",
    "streambird, streambird/v1/transfers/create, 1e849716645",
    "streambird, streambird/v1/transfers/create, 1e-849716645",
  })
  void f4HugeExponentAmountIsNotA500(String provider, String path, String amount) throws IOException {
    String json = provider.equals("circle")
        ? "{\"idempotencyKey\":\"" + java.util.UUID.randomUUID() + "\",\"destination\":{\"type\":\"address_book\",\"id\":\""
            + SandboxSeed.CIRCLE_ADDRESS_BOOK_ID + "\"},\"amount\":{\"amount\":\"" + amount
            + "\",\"currency\":\"USD\"},\"purposeOfTransfer\":\"PMT001\"}"
        : "{\"source\":\"" + SandboxSeed.STREAMBIRD_SOL_WALLET_ID + "\",\"dest\":\""
            + SandboxSeed.STREAMBIRD_SOL_WALLET_ADDRESS + "\",\"dest_currency\":\"SOL\",\"source_amount\":\"" + amount + "\"}";
    String key = provider.equals("circle") ? SandboxSeed.CIRCLE_API_KEY : SandboxSeed.STREAMBIRD_API_KEY;
    Request request = new Request.Builder().url(SandboxRequestFuzzTest.SANDBOX.baseUrl() + path)
        .header("Authorization", "Bearer " + key)
        .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json"))).build();
    try (Response response = SandboxRequestFuzzTest.HTTP.newCall(request).execute()) {
      String body = response.body().string();
      assertEquals(400, response.code(), body);
      assertNull(Bodies.errorShapeProblem(provider, 400, body.getBytes(StandardCharsets.UTF_8)), body);
    }
  }
}
