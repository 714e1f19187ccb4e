package dev.transferkit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.ResponseDecodingException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The full response path: generated Retrofit service, TransferKit's call adapter, Moshi converter,
 * generated models. An OkHttp interceptor answers every call with HTTP 200 and the fuzzer's bytes
 * as the JSON body (no socket). Only {@link ResponseDecodingException} (the body breaks the
 * contract) and {@link NetworkException} (an I/O failure while reading the body) may escape;
 * anything else (including the generic {@code TransferKitException} that wraps an unexpected
 * RuntimeException) is a finding.
 */
class RetrofitResponseFuzzTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ThreadLocal<byte[]> BODY = new ThreadLocal<>();

  /**
   * Answers every call with the fuzzed body, so the facades' whole stack (runtime, converter,
   * adapters) reads it.
   */
  private static final OkHttpClient FUZZED_ANSWERS =
      new OkHttpClient.Builder()
          .addInterceptor(
              chain ->
                  new Response.Builder()
                      .request(chain.request())
                      .protocol(Protocol.HTTP_1_1)
                      .code(200)
                      .message("OK")
                      .body(ResponseBody.create(BODY.get(), JSON))
                      .build())
          .build();

  private static final dev.transferkit.circle.payouts.api.PayoutsApi CIRCLE =
      dev.transferkit.circle.CircleClient.builder()
          .apiKey("SAND:fuzz:key")
          .baseUrl("https://transferkit.invalid/")
          .httpClient(FUZZED_ANSWERS)
          .build()
          .payouts();
  private static final dev.transferkit.wyre.api.TransfersApi WYRE =
      dev.transferkit.wyre.WyreClient.builder()
          .secretKey("SK-fuzz")
          .baseUrl("https://transferkit.invalid/")
          .httpClient(FUZZED_ANSWERS)
          .build()
          .transfers();
  private static final dev.transferkit.streambird.api.TransfersApi STREAMBIRD =
      dev.transferkit.streambird.StreambirdClient.builder()
          .apiKey("sk_fuzz")
          .baseUrl("https://transferkit.invalid/")
          .httpClient(FUZZED_ANSWERS)
          .build()
          .transfers();

  private static final byte[][] SEEDS = {
    Decoding.payload("circle-payout-response.json"),
    Decoding.payload("wyre-transfer-response-c.json"),
    Decoding.payload("streambird-transfer-response.json"),
  };

  @FuzzTest(maxDuration = "10s")
  void getOverHttp(FuzzedDataProvider data) {
    int provider = data.consumeInt(0, 2);
    byte[] body =
        data.consumeBoolean()
            ? Mutator.mutate(SEEDS[provider], data)
            : data.consumeRemainingAsBytes();
    BODY.set(body);
    try {
      switch (provider) {
        case 0:
          CIRCLE.getPayout("b8627ae8-732b-4d25-b947-1df8f4007a29").execute();
          break;
        case 1:
          WYRE.getTransfer("TF_7TPGHZHXFM9").execute();
          break;
        default:
          STREAMBIRD.getTransfer("transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB").execute();
      }
    } catch (ResponseDecodingException | NetworkException documented) {
      // the contract for a body that does not decode
    } finally {
      BODY.remove();
    }
  }
}
