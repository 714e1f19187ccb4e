package dev.transferkit.conformance.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.exception.InvalidRequestException;
import dev.transferkit.streambird.StreambirdClient;
import dev.transferkit.streambird.model.ConfirmTransferRequest;
import dev.transferkit.streambird.model.CreateTransferRequest;
import dev.transferkit.streambird.model.CreateWalletRequest;
import dev.transferkit.streambird.model.Currency;
import dev.transferkit.streambird.model.Transfer;
import dev.transferkit.streambird.model.TransferStatus;
import dev.transferkit.streambird.model.Wallet;
import dev.transferkit.streambird.model.WalletBalance;
import dev.transferkit.streambird.model.WalletBalanceRequest;
import dev.transferkit.streambird.model.WalletType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Streambird create transfer: the documented request, fees, XLM memos, wallet/currency rules,
 * confirm, expiry.
 */
public final class StreambirdSteps {
  /** The docs' example destination (a Solana address). */
  static final String DOCS_DEST = "3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK";

  private final ScenarioContext ctx;
  private String userId;
  private String solWalletId;
  private String xlmWalletId;
  private Transfer transfer;

  public StreambirdSteps() {
    this.ctx = ScenarioContext.current();
    ctx.register(this);
  }

  private StreambirdClient streambird() {
    return ctx.run().streambird();
  }

  @Given("the user {string} with the SOL wallet {string} holding SOL")
  public void theUserWithTheSolWallet(String user, String wallet) {
    userId = ctx.run().fixtures.id(user);
    solWalletId = ctx.run().fixtures.id(wallet);
    if (ctx.run().target.isLocal()) {
      ctx.run().control.setStreambirdBalance(solWalletId, "SOL", new BigDecimal("14.8232"));
    }
    WalletBalance balance =
        streambird()
            .wallets()
            .getWalletBalance(
                WalletBalanceRequest.builder().walletId(solWalletId).tokenSymbol("SOL").build())
            .execute();
    assertTrue(balance.getBalance().signum() > 0, "wallet " + solWalletId + " holds no SOL");
  }

  /** The docs' request example, verbatim. */
  @When("I create the transfer of the documented example request")
  @Given("I created the transfer of the documented example request")
  public void iCreateTheDocumentedTransfer() {
    transfer =
        streambird()
            .transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .destCurrency(Currency.SOL)
                    .source(solWalletId)
                    .dest(ctx.run().fixtures.id(DOCS_DEST))
                    .sourceAmount(new BigDecimal("0.005"))
                    .notes("test")
                    .amountIncludesFees(true)
                    .userId(userId)
                    .build())
            .execute();
  }

  @Then("source_amount is {string}, dest_amount is {string} and total_fees is {string}")
  public void theDocumentedAmounts(String source, String dest, String fees) {
    theAmounts(source, dest);
    assertEquals(fees, transfer.getTotalFees().toPlainString(), "total_fees");
  }

  @When("I transfer {amount} SOL to {string} with amount_includes_fees {word}")
  public void iTransferSol(BigDecimal amount, String dest, String includesFees) {
    transfer =
        streambird()
            .transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .destCurrency(Currency.SOL)
                    .source(solWalletId)
                    .dest(ctx.run().fixtures.id(dest))
                    .sourceAmount(amount)
                    .amountIncludesFees(Boolean.parseBoolean(includesFees))
                    .userId(userId)
                    .build())
            .execute();
  }

  @Then("source_amount is {string} and dest_amount is {string}")
  public void theAmounts(String source, String dest) {
    assertEquals(source, transfer.getSourceAmount().toPlainString(), "source_amount");
    assertEquals(dest, transfer.getDestAmount().toPlainString(), "dest_amount");
  }

  /**
   * The sandbox funds the wallet; on Streambird itself a new XLM wallet would need a deposit first.
   */
  @Given("the user has an XLM wallet holding XLM")
  public void theUserHasAnXlmWallet() {
    Wallet wallet =
        streambird()
            .wallets()
            .createWallet(
                CreateWalletRequest.builder().walletType(WalletType.XLM).userId(userId).build())
            .execute();
    assertEquals("XLM", wallet.getWalletType().value());
    xlmWalletId = wallet.getId();
    ctx.run().control.setStreambirdBalance(xlmWalletId, "XLM", new BigDecimal("100"));
  }

  @When("I transfer {amount} XLM to {string}")
  public void iTransferXlm(BigDecimal amount, String dest) {
    transfer =
        streambird()
            .transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .destCurrency(Currency.XLM)
                    .source(xlmWalletId)
                    .dest(dest)
                    .sourceAmount(amount)
                    .userId(userId)
                    .build())
            .execute();
  }

  @Then("the destination is {string}")
  public void theDestinationIs(String dest) {
    assertEquals(dest, transfer.getDest());
  }

  @When("I try to transfer {amount} ETH from the SOL wallet")
  public void iTryToTransferEthFromTheSolWallet(BigDecimal amount) {
    ctx.attempt(
        () ->
            streambird()
                .transfers()
                .createTransfer(
                    CreateTransferRequest.builder()
                        .destCurrency(Currency.ETH)
                        .source(solWalletId)
                        .dest(ctx.run().fixtures.id(DOCS_DEST))
                        .sourceAmount(amount)
                        .userId(userId)
                        .build())
                .execute());
  }

  @Then("the transfer is refused as invalid")
  public void theTransferIsRefusedAsInvalid() {
    InvalidRequestException e = ctx.expectError(InvalidRequestException.class);
    assertEquals(400, e.httpStatus());
  }

  @When("I confirm the transfer for the user")
  public void iConfirmTheTransferForTheUser() {
    transfer =
        streambird()
            .transfers()
            .confirmTransfer(
                transfer.getId(), ConfirmTransferRequest.builder().userId(userId).build())
            .execute();
    assertEquals(
        TransferStatus.PENDING.value(),
        transfer.getStatus().value(),
        "status right after confirming");
  }

  @When("I try to confirm the transfer for the user")
  public void iTryToConfirmTheTransferForTheUser() {
    ctx.attempt(
        () ->
            streambird()
                .transfers()
                .confirmTransfer(
                    transfer.getId(), ConfirmTransferRequest.builder().userId(userId).build())
                .execute());
  }

  @Then("the confirmation is refused because the transfer expired")
  public void theConfirmationIsRefusedBecauseTheTransferExpired() {
    InvalidRequestException e = ctx.expectError(InvalidRequestException.class);
    assertEquals(400, e.httpStatus());
    assertTrue(
        String.valueOf(e.providerMessage()).toLowerCase(Locale.ROOT).contains("expired"),
        "the refusal should say the transfer expired: " + e.providerMessage());
    refresh();
    assertEquals("expired", status());
  }

  void refresh() {
    assertNotNull(transfer, "no transfer");
    transfer = streambird().transfers().getTransfer(transfer.getId()).execute();
  }

  String status() {
    return transfer.getStatus().value();
  }
}
