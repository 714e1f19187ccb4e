package dev.transferkit.conformance.steps;

import static dev.transferkit.conformance.steps.CircleAccountsSteps.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.wallets.model.Balance;
import dev.transferkit.circle.wallets.model.Blockchain;
import dev.transferkit.circle.wallets.model.Challenge;
import dev.transferkit.circle.wallets.model.CreateTransferTransactionForEndUserRequest;
import dev.transferkit.circle.wallets.model.CreateUserRequest;
import dev.transferkit.circle.wallets.model.FeeLevel;
import dev.transferkit.circle.wallets.model.InitializeUserRequest;
import dev.transferkit.circle.wallets.model.Token;
import dev.transferkit.circle.wallets.model.Transaction;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.circle.wallets.model.Wallet;
import dev.transferkit.core.exception.ConflictException;
import dev.transferkit.sandbox.SandboxSeed;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Circle user-controlled wallets (W3S), a new user's first steps: user creation, initialization
 * through a PIN challenge, the first wallet, and a transfer from it, each outcome learnt by polling
 * as a backend does.
 */
public final class CircleUserSteps {
  /**
   * How far the sandbox clock moves between two polls of a transaction (one state step of its
   * blockchain).
   */
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(10);

  private static final int MAX_POLLS = 12;
  private static final Set<String> FINAL_STATES =
      Set.of("COMPLETE", "FAILED", "DENIED", "CANCELLED");

  private final ScenarioContext ctx;
  private String userToken;
  private String initChallengeId;
  private String transferChallengeId;
  private Wallet wallet;
  private String transactionId;

  public CircleUserSteps() {
    this.ctx = ScenarioContext.current();
    ctx.register(this);
  }

  private CircleClient circle() {
    return ctx.run().circle();
  }

  @Given("a new user of my application with a session token")
  public void aNewUserWithASessionToken() {
    String userId = "user-" + UUID.randomUUID();
    circle().users().createUser(CreateUserRequest.builder().userId(userId).build()).execute();
    userToken =
        circle()
            .users()
            .getUserToken(UserTokenRequest.builder().userId(userId).build())
            .execute()
            .getUserToken();
  }

  @Then("the user's PIN status is {string}")
  public void theUsersPinStatusIs(String status) {
    assertEquals(
        status, circle().users().getUserByToken(userToken).execute().getPinStatus().value());
  }

  @When("I initialize the user with a wallet on {string}")
  public void iInitializeTheUser(String blockchain) {
    initChallengeId = initialize(blockchain);
  }

  @Given("the user was initialized with a wallet on {string}")
  public void theUserWasInitialized(String blockchain) {
    initChallengeId = initialize(blockchain);
    ctx.run().control.completeChallenge(initChallengeId);
  }

  private String initialize(String blockchain) {
    return circle()
        .users()
        .createUserWithPinChallenge(
            userToken,
            InitializeUserRequest.builder()
                .blockchains(List.of(Blockchain.fromValue(blockchain)))
                .build())
        .execute()
        .getChallengeId();
  }

  @When("I try to initialize the user again")
  public void iTryToInitializeTheUserAgain() {
    ctx.attempt(() -> initialize("MATIC-AMOY"));
  }

  @Then("the request is refused because the user was already initialized")
  public void theRequestIsRefusedBecauseTheUserWasAlreadyInitialized() {
    ConflictException e = ctx.expectError(ConflictException.class);
    assertEquals("155106", e.providerCode(), "Circle's user-already-initialized code");
  }

  @Then("the initialization challenge is {string}")
  public void theInitializationChallengeIs(String status) {
    assertEquals(status, challenge(initChallengeId).getStatus().value());
  }

  /** Stands in for the user's PIN entry in Circle's app. */
  @When("the user sets their PIN in the challenge")
  public void theUserSetsTheirPin() {
    ctx.run().control.completeChallenge(initChallengeId);
  }

  @Then("the challenge names the user's new wallet on {string}")
  public void theChallengeNamesTheNewWallet(String blockchain) {
    List<String> ids = challenge(initChallengeId).getCorrelationIds();
    assertNotNull(ids, "correlationIds");
    assertEquals(1, ids.size(), "one wallet per requested blockchain");
    wallet = circle().wallets().getWallet(ids.get(0), userToken).execute().getWallet();
    assertEquals(blockchain, wallet.getBlockchain().value());
  }

  @Given("the new wallet is funded with {amount} USDC")
  public void theNewWalletIsFunded(BigDecimal amount) {
    ctx.run()
        .control
        .setCircleWalletTokenBalance(wallet.getId(), SandboxSeed.CIRCLE_USDC_TOKEN_ID, amount);
  }

  @Given("the token to send is {string} on {string}")
  public void theTokenToSendIs(String symbol, String blockchain) {
    Token token = circle().tokens().getToken(SandboxSeed.CIRCLE_USDC_TOKEN_ID).execute().getToken();
    assertNotNull(token, "token");
    assertEquals(symbol, token.getSymbol());
    assertEquals(blockchain, token.getBlockchain().value());
  }

  @When(
      "I create a transfer of {amount} USDC from the new wallet to {string} with fee level {string}")
  public void iCreateATransferFromTheNewWallet(BigDecimal amount, String address, String feeLevel) {
    transferChallengeId =
        circle()
            .transactions()
            .createUserTransactionTransferChallenge(
                userToken,
                CreateTransferTransactionForEndUserRequest.builder()
                    .walletId(wallet.getId())
                    .tokenId(SandboxSeed.CIRCLE_USDC_TOKEN_ID)
                    .destinationAddress(address)
                    .amounts(List.of(amount))
                    .feeLevel(FeeLevel.fromValue(feeLevel))
                    .build())
            .execute()
            .getChallengeId();
  }

  @Then("the transfer challenge is {string}")
  public void theTransferChallengeIs(String status) {
    assertEquals(status, challenge(transferChallengeId).getStatus().value());
  }

  /** Stands in for the user's PIN entry in Circle's app. */
  @When("the user approves the transfer challenge with their PIN")
  public void theUserApprovesTheTransfer() {
    ctx.run().control.completeChallenge(transferChallengeId);
  }

  @Then("the transfer challenge is {string} and names the transaction")
  public void theTransferChallengeNamesTheTransaction(String status) {
    Challenge c = challenge(transferChallengeId);
    assertEquals(status, c.getStatus().value());
    assertNotNull(c.getCorrelationIds(), "correlationIds");
    assertEquals(1, c.getCorrelationIds().size());
    transactionId = c.getCorrelationIds().get(0);
  }

  @Then("polling the transaction ends in state {string}")
  public void pollingTheTransactionEndsIn(String state) {
    Transaction t = transaction();
    for (int polls = 0;
        !FINAL_STATES.contains(t.getState().value()) && polls < MAX_POLLS;
        polls++) {
      ctx.run().control.advanceClock(POLL_INTERVAL);
      t = transaction();
    }
    assertEquals(state, t.getState().value(), "state of transaction " + transactionId);
    assertEquals(wallet.getId(), t.getWalletId());
  }

  @Then("the new wallet holds {amount} USDC")
  public void theNewWalletHolds(BigDecimal amount) {
    List<Balance> balances =
        circle()
            .wallets()
            .listWalletBalance(wallet.getId(), userToken)
            .execute()
            .getTokenBalances();
    BigDecimal held =
        balances.stream()
            .filter(b -> SandboxSeed.CIRCLE_USDC_TOKEN_ID.equals(b.getToken().getId()))
            .map(Balance::getAmount)
            .findFirst()
            .orElse(BigDecimal.ZERO);
    assertAmount(amount, held, "USDC of wallet " + wallet.getId());
  }

  private Challenge challenge(String id) {
    return circle().users().getUserChallenge(id, userToken).execute().getChallenge();
  }

  private Transaction transaction() {
    return circle()
        .transactions()
        .getTransaction(transactionId, userToken)
        .execute()
        .getTransaction();
  }
}
