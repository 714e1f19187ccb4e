package dev.transferkit.conformance.steps;

import static dev.transferkit.conformance.steps.CircleAccountsSteps.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.wallets.model.Balance;
import dev.transferkit.circle.wallets.model.CreateTransferTransactionForEndUserRequest;
import dev.transferkit.circle.wallets.model.FeeLevel;
import dev.transferkit.circle.wallets.model.Transaction;
import dev.transferkit.circle.wallets.model.UserToken;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.circle.wallets.model.Wallet;
import dev.transferkit.circle.webhook.CircleNotification;
import dev.transferkit.circle.webhook.CircleWebhookVerifier;
import dev.transferkit.conformance.control.WebhookReceiver;
import dev.transferkit.core.exception.AuthenticationException;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Circle user-controlled wallets (W3S): user token, wallets, balances, transfer challenge,
 * notifications.
 */
public final class CircleWalletSteps {
  /**
   * How long the sandbox's blockchain takes from PIN entry to COMPLETE (4 steps of 10 s), with a
   * margin.
   */
  private static final Duration SETTLEMENT = Duration.ofSeconds(60);

  private final ScenarioContext ctx;
  private String userId;
  private UserToken token;
  private List<Wallet> wallets;
  private Wallet wallet;
  private List<Balance> balances;
  private Balance picked;
  private String destinationAddress;
  private BigDecimal sentAmount;
  private String challengeId;
  private List<WebhookReceiver.Delivery> forTransfer;
  private List<CircleNotification> verified;

  public CircleWalletSteps() {
    this.ctx = ScenarioContext.current();
    ctx.register(this);
  }

  private CircleClient circle() {
    return ctx.run().circle();
  }

  @Given("the user {string} with a wallet holding USDC")
  public void theUserWithAWalletHoldingUsdc(String id) {
    userId = ctx.run().fixtures.id(id);
    if (ctx.run().target.isLocal()) {
      ctx.run()
          .control
          .setCircleWalletTokenBalance(
              dev.transferkit.sandbox.SandboxSeed.CIRCLE_WALLET_ID,
              dev.transferkit.sandbox.SandboxSeed.CIRCLE_USDC_TOKEN_ID,
              new BigDecimal("10"));
    }
  }

  @Given("my webhook endpoint is subscribed to notifications")
  public void myWebhookEndpointIsSubscribed() {
    ctx.run().control.subscribeCircleNotifications(ctx.run().webhooks.url());
  }

  @When("I request a user token for the user")
  @Given("I requested a user token for the user")
  public void iRequestAUserToken() {
    token =
        circle().users().getUserToken(UserTokenRequest.builder().userId(userId).build()).execute();
  }

  @Then("I receive a userToken and an encryptionKey")
  public void iReceiveAUserTokenAndAnEncryptionKey() {
    assertNotNull(token.getUserToken(), "userToken");
    assertFalse(token.getUserToken().isBlank(), "userToken is empty");
    assertNotNull(token.getEncryptionKey(), "encryptionKey");
    assertFalse(token.getEncryptionKey().isBlank(), "encryptionKey is empty");
  }

  @When("I list the user's wallets with the/that userToken")
  public void iListTheUsersWallets() {
    wallets =
        ctx.attempt(
            () -> circle().wallets().listWallets(token.getUserToken()).execute().getWallets());
  }

  @Then("I find the wallet {string}")
  public void iFindTheWallet(String id) {
    ctx.requireNoError();
    String walletId = ctx.run().fixtures.id(id);
    wallet =
        wallets.stream()
            .filter(w -> walletId.equals(w.getId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "wallet " + walletId + " not among " + wallets.size() + " wallets"));
  }

  @When("I read the wallet's token balances")
  public void iReadTheWalletsTokenBalances() {
    balances = readBalances();
  }

  @Then("I pick the tokenId of the token I hold and note its balance")
  public void iPickTheTokenId() {
    picked =
        balances.stream()
            .filter(
                b -> b.getAmount().signum() > 0 && !Boolean.TRUE.equals(b.getToken().getIsNative()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the wallet holds no token: " + balances));
    assertNotNull(picked.getToken().getId(), "tokenId");
  }

  @When("I create a transfer of {amount} of that token to {string} with fee level {string}")
  public void iCreateATransfer(BigDecimal amount, String address, String feeLevel) {
    destinationAddress = address;
    sentAmount = amount;
    challengeId =
        circle()
            .transactions()
            .createUserTransactionTransferChallenge(
                token.getUserToken(),
                CreateTransferTransactionForEndUserRequest.builder()
                    .userId(userId)
                    .walletId(wallet.getId())
                    .tokenId(picked.getToken().getId())
                    .destinationAddress(address)
                    .amounts(List.of(amount))
                    .feeLevel(FeeLevel.fromValue(feeLevel))
                    .build())
            .execute()
            .getChallengeId();
  }

  @Then("I receive a challengeId")
  public void iReceiveAChallengeId() {
    assertNotNull(challengeId, "challengeId");
    assertFalse(challengeId.isBlank(), "challengeId is empty");
  }

  /**
   * Stands in for the user's PIN entry in Circle's app, then lets the blockchain settle the
   * transfer.
   */
  @When("the user completes the challenge with their PIN")
  public void theUserCompletesTheChallenge() {
    ctx.run().control.completeChallenge(challengeId);
    ctx.run().control.advanceClock(SETTLEMENT);
  }

  @Then("a {string} notification arrives for the transfer")
  public void aNotificationArrives(String type) {
    forTransfer = new ArrayList<>();
    for (WebhookReceiver.Delivery d : ctx.run().webhooks.deliveries()) {
      CircleNotification n = CircleWebhookVerifier.parse(d.body());
      if (type.equals(n.notificationType())
          && n.kind() == CircleNotification.Kind.TRANSACTION
          && isOurTransfer(n.transaction().getNotification())) {
        forTransfer.add(d);
      }
    }
    assertFalse(
        forTransfer.isEmpty(),
        "no "
            + type
            + " notification for the transfer among "
            + ctx.run().webhooks.deliveries().size()
            + " deliveries");
  }

  private boolean isOurTransfer(Transaction t) {
    return wallet.getId().equals(t.getWalletId())
        && t.getDestinationAddress() != null
        && t.getDestinationAddress()
            .toLowerCase(Locale.ROOT)
            .equals(destinationAddress.toLowerCase(Locale.ROOT));
  }

  @Then("the notification signature verifies with the public key for its key id")
  public void theNotificationSignatureVerifies() {
    verified = new ArrayList<>();
    for (WebhookReceiver.Delivery d : forTransfer) {
      verified.add(
          circle()
              .webhookVerifier()
              .verifyAndParse(
                  d.body(),
                  d.header(CircleWebhookVerifier.SIGNATURE_HEADER),
                  d.header(CircleWebhookVerifier.KEY_ID_HEADER)));
    }
  }

  @Then("the notified transaction state is {string}")
  public void theNotifiedTransactionStateIs(String state) {
    Transaction last = verified.get(verified.size() - 1).transaction().getNotification();
    assertEquals(state, last.getState().value(), "state of the latest notification");
    assertEquals(1, last.getAmounts().size());
    assertAmount(sentAmount, last.getAmounts().get(0), "notified amount");
  }

  @Then("the wallet's token balance went down by {amount}")
  public void theWalletsTokenBalanceWentDownBy(BigDecimal amount) {
    Balance now =
        readBalances().stream()
            .filter(b -> picked.getToken().getId().equals(b.getToken().getId()))
            .findFirst()
            .orElse(null);
    BigDecimal after = now == null ? BigDecimal.ZERO : now.getAmount();
    assertAmount(
        picked.getAmount().subtract(amount),
        after,
        "balance of token " + picked.getToken().getId());
  }

  @Then("the request is refused because the user token expired")
  public void theRequestIsRefusedBecauseTheUserTokenExpired() {
    AuthenticationException e = ctx.expectError(AuthenticationException.class);
    assertEquals("155104", e.providerCode(), "Circle's expired-token code");
  }

  private List<Balance> readBalances() {
    return circle()
        .wallets()
        .listWalletBalance(wallet.getId(), token.getUserToken())
        .execute()
        .getTokenBalances();
  }
}
