package dev.transferkit.streambird;

import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.transferkit.core.internal.TestServices;
import dev.transferkit.core.testing.JsonText;
import dev.transferkit.streambird.api.TransfersApi;
import dev.transferkit.streambird.api.WalletsApi;
import dev.transferkit.streambird.model.ConfirmTransferRequest;
import dev.transferkit.streambird.model.CreateTransferRequest;
import dev.transferkit.streambird.model.CreateWalletRequest;
import dev.transferkit.streambird.model.Currency;
import dev.transferkit.streambird.model.WalletBalanceRequest;
import dev.transferkit.streambird.model.WalletType;
import java.math.BigDecimal;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each generated Streambird operation puts on the wire. */
class StreambirdApiRequestTest {
  private static final String WALLET =
      "{\"id\":\"wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC\",\"app_id\":\"app_25ldv51seNohTaYRsxdfoxMlAa2\","
          + "\"user_id\":\"user_2DJJeF75Jd2NIj6NyJMxEw0pXiA\",\"public_address\":\"3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK\","
          + "\"wallet_type\":\"SOL\",\"verified\":true,\"is_default\":true,\"is_read_only\":false,\"is_imported\":false,"
          + "\"updated_at\":1660412821,\"created_at\":1660412821}";
  private MockWebServer server;
  private TransfersApi transfers;
  private WalletsApi wallets;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    transfers = new TransfersApi(TestServices.bare(server, "/streambird/"));
    wallets = new WalletsApi(TestServices.bare(server, "/streambird/"));
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private void enqueue(String body) {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
  }

  @Test
  void createTransferPostsTheDocumentedBody() throws Exception {
    enqueue(resource(getClass(), "/payloads/transfer-response.json"));
    transfers
        .createTransfer(
            CreateTransferRequest.builder()
                .destCurrency(Currency.SOL)
                .source("wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC")
                .dest("3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK")
                .sourceAmount(new BigDecimal("0.005"))
                .notes("test")
                .amountIncludesFees(true)
                .userId("user_2DJJeF75Jd2NIj6NyJMxEw0pXiA")
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/streambird/v1/transfers/create", r.getPath());
    JsonText.assertJsonEquals(
        resource(getClass(), "/payloads/create-transfer-request.json"), r.getBody().readUtf8());
  }

  @Test
  void confirmTransferPostsUserIdToTheTransferPath() throws Exception {
    enqueue(resource(getClass(), "/payloads/transfer-response.json"));
    transfers
        .confirmTransfer(
            "transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB",
            ConfirmTransferRequest.builder().userId("user_2DJJeF75Jd2NIj6NyJMxEw0pXiA").build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals(
        "/streambird/v1/transfers/transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB/confirm", r.getPath());
    JsonText.assertJsonEquals(
        "{\"user_id\":\"user_2DJJeF75Jd2NIj6NyJMxEw0pXiA\"}", r.getBody().readUtf8());
  }

  @Test
  void getTransferIsAGetOnTheTransferPath() throws Exception {
    enqueue(resource(getClass(), "/payloads/transfer-response.json"));
    transfers.getTransfer("transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB").execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/streambird/v1/transfers/transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB", r.getPath());
  }

  @Test
  void listTransfersSendsFiltersAndPaging() throws Exception {
    enqueue("{\"transfers\":[],\"count\":0,\"offset\":50,\"limit\":25}");
    transfers
        .listTransfers(
            TransfersApi.ListTransfersParams.builder()
                .userId("user_2DJJeF75Jd2NIj6NyJMxEw0pXiA")
                .source("wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC")
                .limit(25)
                .offset(50)
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals(
        "/streambird/v1/transfers/list?user_id=user_2DJJeF75Jd2NIj6NyJMxEw0pXiA"
            + "&source=wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC&limit=25&offset=50",
        r.getPath());
  }

  @Test
  void createWalletPostsTypeAndUser() throws Exception {
    enqueue(WALLET);
    wallets
        .createWallet(
            CreateWalletRequest.builder()
                .walletType(WalletType.SOL)
                .userId("user_2DJJeF75Jd2NIj6NyJMxEw0pXiA")
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("/streambird/v1/wallets/create", r.getPath());
    JsonText.assertJsonEquals(
        "{\"wallet_type\":\"SOL\",\"user_id\":\"user_2DJJeF75Jd2NIj6NyJMxEw0pXiA\"}",
        r.getBody().readUtf8());
  }

  @Test
  void getWalletIsAGetOnTheWalletPath() throws Exception {
    enqueue(WALLET);
    assertEquals(
        WalletType.SOL,
        wallets.getWallet("wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC").execute().getWalletType());
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/streambird/v1/wallets/wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC", r.getPath());
  }

  @Test
  void walletBalancePostsWalletAndSymbolAndDecodesTheStringBalance() throws Exception {
    enqueue("{\"balance\":\"14.8232\",\"token_symbol\":\"SOL\",\"wallet\":" + WALLET + "}");
    BigDecimal balance =
        wallets
            .getWalletBalance(
                WalletBalanceRequest.builder()
                    .walletId("wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC")
                    .tokenSymbol("SOL")
                    .build())
            .execute()
            .getBalance();
    assertEquals(new BigDecimal("14.8232"), balance);
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/streambird/v1/wallets/balance", r.getPath());
    JsonText.assertJsonEquals(
        "{\"wallet_id\":\"wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC\",\"token_symbol\":\"SOL\"}",
        r.getBody().readUtf8());
  }
}
