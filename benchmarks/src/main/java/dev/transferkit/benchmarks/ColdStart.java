package dev.transferkit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.AccountTransfer;
import dev.transferkit.circle.accounts.model.AccountTransferResponse;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.JsonCodecs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Cold start: one fresh JVM per measurement, JVM start to the first completed call, run by {@code
 * cold-start.sh}.
 *
 * <ul>
 *   <li>{@code serve}: starts a {@link CannedServer} (the documented Circle create-transfer
 *       response) and prints its base URL; it runs in its own JVM, so the measured JVMs load only
 *       the client side.
 *   <li>{@code facade <baseUrl>}: builds a {@link CircleClient} and creates one account transfer
 *       through it.
 *   <li>{@code raw <baseUrl>}: the same request with plain OkHttp and the same generated models and
 *       Moshi adapters (encode the request, decode the response), as a user without the facade
 *       would write it.
 *   <li>{@code jvm}: nothing, for the JVM's own start-up.
 * </ul>
 *
 * <p>Each run prints one line: the mode and the milliseconds from JVM start (the runtime MXBean's
 * start time, read after the call) to the call's completion. It uses nothing from {@link Codecs} or
 * the other benchmarks, whose static state would load Jackson.
 */
public final class ColdStart {
  private static final String API_KEY =
      ClientOverheadBenchmark.API_KEY; // a constant: does not load that class

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "";
    switch (mode) {
      case "serve":
        CannedServer server = CannedServer.start(Payload.CIRCLE_ACCOUNT_TRANSFER.bytes());
        System.out.println(server.baseUrl());
        System.out.flush();
        Thread.currentThread().join(); // until the script kills this JVM
        return;
      case "facade":
        check(facade(args[1]));
        break;
      case "raw":
        check(raw(args[1]));
        break;
      case "jvm":
        break;
      default:
        throw new IllegalArgumentException(
            "usage: ColdStart serve | facade <baseUrl> | raw <baseUrl> | jvm");
    }
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println(mode + " " + uptime);
    System.exit(
        0); // OkHttp's pool and dispatcher threads would otherwise keep the JVM alive for a minute
  }

  private static void check(AccountTransfer transfer) {
    if (!"f1a2b3c4-d5e6-7890-abcd-ef1234567890".equals(transfer.getId())) {
      throw new IllegalStateException("unexpected answer " + transfer);
    }
  }

  /**
   * The documented request, as {@link ClientOverheadBenchmark#documentedRequest()} (not called: its
   * class loads Jackson).
   */
  private static CreateAccountTransferRequest.Builder documentedRequest() {
    return CreateAccountTransferRequest.builder()
        .source(
            AccountLocation.builder().type(AccountLocationType.ACCOUNT).id("1017381855").build())
        .destination(
            AccountLocation.builder().type(AccountLocationType.ACCOUNT).id("1000661542").build())
        .amount(
            RequestMoney.builder()
                .amount(new BigDecimal("2500.00"))
                .currency(RequestCurrency.USD)
                .build());
  }

  static AccountTransfer facade(String baseUrl) {
    CircleClient circle = CircleClient.builder().apiKey(API_KEY).baseUrl(baseUrl).build();
    return circle.accounts().createAccountTransfer(documentedRequest().build()).execute();
  }

  static AccountTransfer raw(String baseUrl) throws IOException {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false)
            .build();
    com.squareup.moshi.Moshi moshi = Json.moshi();
    JsonAdapter<CreateAccountTransferRequest> requestAdapter =
        moshi.adapter(CreateAccountTransferRequest.class);
    JsonAdapter<AccountTransferResponse> responseAdapter =
        moshi.adapter(AccountTransferResponse.class);
    CreateAccountTransferRequest request =
        documentedRequest().idempotencyKey(java.util.UUID.randomUUID().toString()).build();
    Buffer body = new Buffer();
    requestAdapter.toJson(body, request);
    Request call =
        new Request.Builder()
            .url(baseUrl + "v1/accounts/transfers")
            .header("Authorization", "Bearer " + API_KEY)
            .post(RequestBody.create(body.readByteArray(), MediaType.get("application/json")))
            .build();
    try (Response response = http.newCall(call).execute()) {
      if (response.code() != 201) {
        throw new IOException("HTTP " + response.code());
      }
      AccountTransferResponse decoded =
          JsonCodecs.decodeDocument(responseAdapter, response.body().source());
      return decoded.getData();
    }
  }
}
