package dev.transferkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.transferkit.sandbox.SandboxSeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Regression tests of fixed sandbox findings (see {@link KnownFindings}): they run in every build,
 * next to the findings' inputs, which the fuzz targets replay as seeds.
 */
class SandboxFixedFindingsTest {
  /** Its own sandbox: the fuzz target's needs Jazzer's agent, which only the fuzz tests start. */
  static final dev.transferkit.sandbox.Sandbox SANDBOX =
      dev.transferkit.sandbox.Sandbox.builder().port(0).build().start();

  static final okhttp3.OkHttpClient HTTP =
      new okhttp3.OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
          .build();

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    SANDBOX.close();
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
  void f3WhitespaceAroundAnIntegerQueryParameterIsNotA500(
      String path, String param, String provider, String key) throws IOException {
    HttpUrl url =
        HttpUrl.get(SANDBOX.baseUrl())
            .newBuilder()
            .addPathSegments(path)
            .addQueryParameter(param, "\n\n50")
            .build();
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + key).build();
    try (Response response = HTTP.newCall(request).execute()) {
      String body = response.body().string();
      // Either accepted as 50 (200) or refused with the provider's documented 400; never a 500.
      org.junit.jupiter.api.Assertions.assertTrue(
          response.code() == 200 || response.code() == 400, "HTTP " + response.code() + " " + body);
      if (response.code() == 400) {
        assertNull(
            Bodies.errorShapeProblem(provider, 400, body.getBytes(StandardCharsets.UTF_8)), body);
      }
    }
  }

  /**
   * F4: an amount with a huge exponent must be refused with the provider's 400 (or
   * 1093/insufficient funds), not a 500. F5: nor may a smaller one (still far beyond any amount)
   * hang the sandbox while it prints or rescales it.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "circle, circle/v1/payouts, 1e849716645",
    "streambird, streambird/v1/transfers/create, 1e849716645",
    "streambird, streambird/v1/transfers/create, 1e-849716645",
    "circle, circle/v1/payouts, 1e335544320",
    "circle, circle/v1/payouts, 1E+41",
    "streambird, streambird/v1/transfers/create, 1e335544320",
  })
  void f4HugeExponentAmountIsNotA500(String provider, String path, String amount)
      throws IOException {
    String json =
        provider.equals("circle")
            ? "{\"idempotencyKey\":\""
                + java.util.UUID.randomUUID()
                + "\",\"destination\":{\"type\":\"address_book\",\"id\":\""
                + SandboxSeed.CIRCLE_ADDRESS_BOOK_ID
                + "\"},\"amount\":{\"amount\":\""
                + amount
                + "\",\"currency\":\"USD\"},\"purposeOfTransfer\":\"PMT001\"}"
            : "{\"source\":\""
                + SandboxSeed.STREAMBIRD_SOL_WALLET_ID
                + "\",\"dest\":\""
                + SandboxSeed.STREAMBIRD_SOL_WALLET_ADDRESS
                + "\",\"dest_currency\":\"SOL\",\"source_amount\":\""
                + amount
                + "\"}";
    String key =
        provider.equals("circle") ? SandboxSeed.CIRCLE_API_KEY : SandboxSeed.STREAMBIRD_API_KEY;
    Request request =
        new Request.Builder()
            .url(SANDBOX.baseUrl() + path)
            .header("Authorization", "Bearer " + key)
            .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json")))
            .build();
    try (Response response = HTTP.newCall(request).execute()) {
      String body = response.body().string();
      assertEquals(400, response.code(), body);
      assertNull(
          Bodies.errorShapeProblem(provider, 400, body.getBytes(StandardCharsets.UTF_8)), body);
    }
  }
}
