package dev.transferkit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonAdapter;
import dev.transferkit.core.Json;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.ResponseDecodingException;
import dev.transferkit.core.net.ApiCallAdapterFactory;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The full response path: generated Retrofit service, TransferKit's call adapter, Moshi converter, generated models.
 * An OkHttp interceptor answers every call with HTTP 200 and the fuzzer's bytes as the JSON body (no socket). Only
 * {@link ResponseDecodingException} (the body breaks the contract) and {@link NetworkException} (an I/O failure while
 * reading the body) may escape; anything else (including the generic {@code TransferKitException} that wraps an
 * unexpected RuntimeException) is a finding.
 */
class RetrofitResponseFuzzTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ThreadLocal<byte[]> BODY = new ThreadLocal<>();

  private static <T> T service(Class<T> api, JsonAdapter.Factory factory) {
    OkHttpClient client =
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
    return new Retrofit.Builder()
        .baseUrl("http://transferkit.invalid/")
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(Json.moshi(factory)))
        .addCallAdapterFactory(new ApiCallAdapterFactory(ApiCallAdapterFactory.genericErrorDecoder()))
        .build()
        .create(api);
  }

  private static final dev.transferkit.circle.payouts.api.PayoutsApi CIRCLE =
      service(dev.transferkit.circle.payouts.api.PayoutsApi.class,
          dev.transferkit.circle.payouts.model.JsonAdapters.FACTORY);
  private static final dev.transferkit.wyre.api.TransfersApi WYRE =
      service(dev.transferkit.wyre.api.TransfersApi.class, dev.transferkit.wyre.model.JsonAdapters.FACTORY);
  private static final dev.transferkit.streambird.api.TransfersApi STREAMBIRD =
      service(dev.transferkit.streambird.api.TransfersApi.class,
          dev.transferkit.streambird.model.JsonAdapters.FACTORY);

  private static final byte[][] SEEDS = {
    Decoding.payload("circle-payout-response.json"),
    Decoding.payload("wyre-transfer-response-c.json"),
    Decoding.payload("streambird-transfer-response.json"),
  };

  @FuzzTest(maxDuration = "10s")
  void getOverHttp(FuzzedDataProvider data) {
    int provider = data.consumeInt(0, 2);
    byte[] body = data.consumeBoolean() ? Mutator.mutate(SEEDS[provider], data) : data.consumeRemainingAsBytes();
    BODY.set(body);
    try {
      switch (provider) {
        case 0:
          CIRCLE.getPayout("b8627ae8-732b-4d25-b947-1df8f4007a29").execute();
          break;
        case 1:
          WYRE.getTransfer("TF_7TPGHZHXFM9", null).execute();
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
