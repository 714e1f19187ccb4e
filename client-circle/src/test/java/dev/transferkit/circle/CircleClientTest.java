package dev.transferkit.circle;

import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.AccountTransfer;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.circle.payouts.model.CreatePayoutRequest;
import dev.transferkit.circle.payouts.model.PayoutDestination;
import dev.transferkit.circle.payouts.model.PayoutDestinationType;
import dev.transferkit.circle.payouts.model.PurposeOfTransfer;
import dev.transferkit.circle.wallets.model.CreateTransferTransactionForEndUserRequest;
import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.ResponseDecodingException;
import dev.transferkit.core.internal.UserAgent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Circle facade against a local server: auth, idempotent creates retried safely, environments.
 */
class CircleClientTest {
  static final String API_KEY = "TEST_API_KEY:0a1b2c3d:5e6f7a8b9c";
  private static final Pattern KEY = Pattern.compile("\"idempotencyKey\":\"([^\"]+)\"");

  private MockWebServer server;
  private CircleClient circle;
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    circle =
        CircleClient.builder()
            .apiKey(API_KEY)
            .baseUrl(server.url("/circle").toString())
            .readTimeout(Duration.ofMillis(500))
            .retryPolicy(
                RetryPolicy.builder()
                    .sleeper(sleeps::add)
                    .random(() -> 0.5)
                    .build()) // jitter never 0 ms
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static String key(RecordedRequest r) {
    Matcher m = KEY.matcher(r.getBody().readUtf8());
    assertTrue(m.find(), "no idempotencyKey sent");
    return m.group(1);
  }

  static CreatePayoutRequest payoutWithoutKey() {
    return CreatePayoutRequest.builder()
        .destination(
            PayoutDestination.builder()
                .type(PayoutDestinationType.ADDRESS_BOOK)
                .id("b8627ae8-732b-4d25-b947-1df8f4007a29")
                .build())
        .amount(
            RequestMoney.builder()
                .amount(new BigDecimal("3.14"))
                .currency(RequestCurrency.USD)
                .build())
        .purposeOfTransfer(PurposeOfTransfer.PMT001)
        .build();
  }

  @Test
  void payoutLeftWithoutKeyGetsOneThatSurvivesADroppedConnection() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(201, resource(getClass(), "/payloads/payouts/payout-response.json")));

    String id = circle.payouts().createPayout(payoutWithoutKey()).execute().getId();

    assertEquals("b8627ae8-732b-4d25-b947-1df8f4007a29", id);
    assertEquals(2, server.getRequestCount());
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals("/circle/v1/payouts", first.getPath());
    assertEquals("Bearer " + API_KEY, first.getHeader("Authorization"));
    assertEquals(UserAgent.VALUE, first.getHeader("User-Agent"));
    String k1 = key(first);
    assertEquals(k1, key(second));
    assertEquals(4, java.util.UUID.fromString(k1).version());
  }

  @Test
  void accountTransferAnswered503IsRetriedWithTheSameKeyAndReturnsOnce() throws Exception {
    server.enqueue(json(503, ""));
    server.enqueue(
        json(201, resource(getClass(), "/payloads/accounts/create-transfer-response.json")));
    CreateAccountTransferRequest request =
        CreateAccountTransferRequest.builder()
            .source(
                AccountLocation.builder()
                    .type(AccountLocationType.ACCOUNT)
                    .id("1017381855")
                    .build())
            .destination(
                AccountLocation.builder()
                    .type(AccountLocationType.ACCOUNT)
                    .id("1000661542")
                    .build())
            .amount(
                RequestMoney.builder()
                    .amount(new BigDecimal("2500.00"))
                    .currency(RequestCurrency.USD)
                    .build())
            .build();

    AccountTransfer transfer = circle.accounts().createAccountTransfer(request).execute();

    assertEquals(new BigDecimal("2500.00"), transfer.getAmount().getAmount());
    assertEquals(key(server.takeRequest()), key(server.takeRequest()));
    assertEquals(1, sleeps.size());
  }

  @Test
  void userTransferChallengeTimingOutIsRetriedWithTheSameKeyAndUserToken() throws Exception {
    server.enqueue(
        json(201, resource(getClass(), "/payloads/wallets/challenge-response.json"))
            .setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(json(200, resource(getClass(), "/payloads/wallets/challenge-response.json")));
    CreateTransferTransactionForEndUserRequest request =
        CreateTransferTransactionForEndUserRequest.builder()
            .walletId("01899cf2-d415-7052-a207-f9862157e546")
            .destinationAddress("0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3")
            .amounts(List.of(new BigDecimal(".01")))
            .tokenId("38f2ad29-a77b-5a44-be05-8d03923878a2")
            .build();

    circle
        .transactions()
        .createUserTransactionTransferChallenge("user-token-abc", request)
        .execute();

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals("user-token-abc", first.getHeader("X-User-Token"));
    assertEquals("user-token-abc", second.getHeader("X-User-Token"));
    assertEquals(key(first), key(second));
  }

  @Test
  void walletsCanUseTheirOwnApiKey() throws Exception {
    CircleClient split =
        CircleClient.builder()
            .apiKey("MINT_KEY")
            .walletsApiKey("W3S_KEY")
            .baseUrl(server.url("/").toString())
            .build();
    server.enqueue(json(200, "{\"data\":{\"wallets\":[]}}"));
    server.enqueue(json(200, "{\"data\":[]}"));

    split.wallets().listWallets("tok").execute();
    split.payouts().listPayouts().execute();

    assertEquals("Bearer W3S_KEY", server.takeRequest().getHeader("Authorization"));
    assertEquals("Bearer MINT_KEY", server.takeRequest().getHeader("Authorization"));
  }

  @Test
  void eachEnvironmentIsTheServerEachSpecNamesForIt() throws Exception {
    Path specs = Paths.get(System.getProperty("transferkit.root", "..")).resolve("specs/circle");
    Map<String, String> accounts = servers(specs.resolve("digital-asset-accounts.yaml"));
    Map<String, String> payouts = servers(specs.resolve("payouts.yaml"));
    Map<String, String> wallets = servers(specs.resolve("user-controlled-wallets.yaml"));
    List<String> names = new ArrayList<>();
    for (CircleClient.Environment env : CircleClient.Environment.values()) {
      names.add(env.name());
      assertEquals(accounts.get(env.name()) + "/", env.accountsBaseUrl());
      assertEquals(payouts.get(env.name()) + "/", env.payoutsBaseUrl());
      assertEquals(wallets.get(env.name()) + "/", env.walletsBaseUrl());
    }
    for (Map<String, String> spec : List.of(accounts, payouts, wallets)) {
      assertEquals(
          names, new ArrayList<>(spec.keySet()), "every environment a spec names has a constant");
    }
  }

  /** A spec's server URLs by their x-transferkit-environment, in the spec's order. */
  @SuppressWarnings("unchecked")
  static Map<String, String> servers(Path spec) throws Exception {
    Map<String, Object> root =
        new org.yaml.snakeyaml.Yaml().load(Files.readString(spec, StandardCharsets.UTF_8));
    Map<String, String> urls = new java.util.LinkedHashMap<>();
    for (Map<String, Object> server : (List<Map<String, Object>>) root.get("servers")) {
      urls.put(
          String.valueOf(server.get("x-transferkit-environment")),
          String.valueOf(server.get("url")));
    }
    return urls;
  }

  @Test
  void builderRefusesPlainHttpToARemoteHostAndAMissingKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CircleClient.builder().baseUrl("http://api.circle.com"));
    assertTrue(e.getMessage().contains("Plain HTTP is refused"));
    assertThrows(IllegalStateException.class, () -> CircleClient.builder().build());
  }

  @Test
  void defaultsToTheSandbox() {
    String text = CircleClient.builder().apiKey(API_KEY).build().toString();
    assertTrue(text.contains("environment=SANDBOX"), text);
    assertTrue(text.contains("https://api-sandbox.circle.com/"), text);
    assertFalse(text.contains(API_KEY));
  }

  @Test
  void amountsAreReadOnlyInTheJsonNumberGrammarWithAsciiDigits() {
    String payout =
        "{\"data\":{\"id\":\"p1\",\"sourceWalletId\":\"53535335\",\"destination\":{\"type\":"
            + "\"address_book\",\"id\":\"d\"},\"amount\":{\"amount\":\"%s\",\"currency\":\"USD\"},\"status\":"
            + "\"pending\",\"createDate\":\"2020-04-10T02:13:30.000Z\",\"updateDate\":\"2020-04-10T02:13:30.000Z\"}}";
    server.enqueue(json(200, String.format(payout, "2500.00")));
    assertEquals(
        new BigDecimal("2500.00"),
        circle.payouts().getPayout("p1").execute().getAmount().getAmount());

    // Arabic-Indic and full-width digits, and forms BigDecimal takes but neither JSON nor the
    // providers use.
    for (String amount :
        new String[] {
          "\u0661\u0660\u0660.00", "\uff11\uff10.00", "+10.00", "10.", "1_000.00", " 10.00"
        }) {
      server.enqueue(json(200, String.format(payout, amount)));
      ResponseDecodingException e =
          assertThrows(
              ResponseDecodingException.class,
              () -> circle.payouts().getPayout("p1").execute(),
              amount);
      assertTrue(e.getMessage().contains("decimal amount"), e.getMessage());
    }
  }
}
