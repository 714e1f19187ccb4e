package dev.transferkit.conformance.steps;

import static dev.transferkit.conformance.steps.CircleAccountsSteps.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.exception.ApiException;
import dev.transferkit.sandbox.SandboxSeed;
import dev.transferkit.wyre.WyreClient;
import dev.transferkit.wyre.api.TransfersApi;
import dev.transferkit.wyre.model.CreateTransferRequest;
import dev.transferkit.wyre.model.StatusHistory;
import dev.transferkit.wyre.model.Transfer;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Wyre v3 transfers: the docs' examples, quote and confirm, expiry, the three Totals modes,
 * masqueradeAs.
 */
public final class WyreSteps {
  /** The docs' "C" destination: a Stellar address with its memo. */
  static final String STELLAR_DEST =
      "stellar:GBRNYP3MCASHJYUZLB7ORY37RNEL7Z6B2QATAZ7LGQLCTUU2ZLQVN65A:F6RNMX2UTLH";

  private final ScenarioContext ctx;
  private Transfer transfer;
  private String masqueradeAs;
  private String subAccount;
  private BigDecimal requested;

  public WyreSteps() {
    this.ctx = ScenarioContext.current();
    ctx.register(this);
  }

  private WyreClient wyre() {
    return ctx.run().wyre();
  }

  private String id(String docsValue) {
    return ctx.run().fixtures.id(docsValue);
  }

  @Given("my Wyre account is funded")
  public void myWyreAccountIsFunded() {
    if (ctx.run().target.isLocal()) {
      ctx.run()
          .control
          .setWyreBalance(
              "account:" + SandboxSeed.WYRE_SUB_ACCOUNT, "USD", new BigDecimal("5000.00"));
      ctx.run()
          .control
          .setWyreBalance(
              "wallet:" + SandboxSeed.WYRE_WALLET, "USDT", new BigDecimal("1000.000000"));
      ctx.run()
          .control
          .setWyreBalance(
              "account:" + SandboxSeed.WYRE_BTC_ACCOUNT, "BTC", new BigDecimal("1.00000000"));
    }
    // On a real sandbox the account is funded beforehand (README: running against real sandboxes).
  }

  /**
   * The request bodies of the docs' examples A, B and C, verbatim (autoConfirm true, as
   * documented).
   */
  @When("I create the transfer of documented example {word}")
  public void iCreateTheTransferOfDocumentedExample(String example) {
    CreateTransferRequest.Builder b = CreateTransferRequest.builder().autoConfirm(true);
    switch (example) {
      case "A":
        b.source(id("account:AC_XXXXXXXX2"))
            .sourceCurrency("USD")
            .sourceAmount(new BigDecimal("200"))
            .dest(id("paymentmethod:PA_LXXXXXXXX"))
            .destCurrency("USD")
            .message("Sending USD to the payment method");
        break;
      case "B":
        b.source(id("wallet:WA_XXXXXXXXX"))
            .sourceCurrency("USDT")
            .sourceAmount(new BigDecimal("9.28"))
            .dest(id("paymentmethod:PA_2XXXXXXXXX"))
            .destCurrency("USD")
            .message("To USD Bank account ending in 0000");
        break;
      case "C":
        b.source(id("account:AC_ZW2JME83HMZ"))
            .sourceCurrency("BTC")
            .sourceAmount(new BigDecimal("0.001"))
            .dest(id(STELLAR_DEST))
            .destCurrency("XLM")
            .message("BTC for XLM");
        break;
      default:
        throw new IllegalArgumentException("the docs have no example " + example);
    }
    transfer = wyre().transfers().createTransfer(b.customId(customId()).build()).execute();
  }

  @Then("the transfer is created from {string} in {word} to {string} in {word}")
  public void theTransferIsCreatedFrom(
      String source, String sourceCurrency, String dest, String destCurrency) {
    assertNotNull(transfer.getId(), "transfer id");
    assertEquals(id(source), transfer.getSource());
    assertEquals(sourceCurrency, transfer.getSourceCurrency());
    assertEquals(id(dest), transfer.getDest());
    assertEquals(destCurrency, transfer.getDestCurrency());
  }

  @Then("the transfer status is one of {string}")
  public void theTransferStatusIsOneOf(String statuses) {
    List<String> allowed = Arrays.stream(statuses.split(",")).map(String::trim).toList();
    assertTrue(
        allowed.contains(transfer.getStatus().value()),
        "status " + transfer.getStatus().value() + " is not one of " + allowed);
  }

  @When("I create a transfer of {amount} USD from {string} to {string} without autoConfirm")
  @Given("I created a transfer of {amount} USD from {string} to {string} without autoConfirm")
  public void iCreateATransferWithoutAutoConfirm(BigDecimal amount, String source, String dest) {
    transfer =
        wyre()
            .transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .source(id(source))
                    .sourceCurrency("USD")
                    .sourceAmount(amount)
                    .dest(id(dest))
                    .destCurrency("USD")
                    .autoConfirm(false)
                    .customId(customId())
                    .build())
            .execute();
  }

  @Then("the fees are shown and totalFees is in the source currency")
  public void theFeesAreShown() {
    Map<String, BigDecimal> fees = transfer.getFees();
    assertNotNull(fees, "fees");
    assertFalse(fees.isEmpty(), "fees are empty");
    assertNotNull(transfer.getTotalFees(), "totalFees");
    assertTrue(
        fees.containsKey(transfer.getSourceCurrency()),
        "fees " + fees + " have no " + transfer.getSourceCurrency() + " entry");
    assertAmount(
        transfer.getTotalFees(),
        fees.get(transfer.getSourceCurrency()),
        "the source-currency fee (totalFees is expressed in the source currency)");
  }

  @When("I confirm the transfer")
  public void iConfirmTheTransfer() {
    transfer =
        wyre()
            .transfers()
            .confirmTransfer(
                transfer.getId(),
                TransfersApi.ConfirmTransferParams.builder().masqueradeAs(masqueradeAs).build())
            .execute();
  }

  @When("I try to confirm the transfer")
  public void iTryToConfirmTheTransfer() {
    Transfer confirmed =
        ctx.attempt(
            () ->
                wyre()
                    .transfers()
                    .confirmTransfer(
                        transfer.getId(),
                        TransfersApi.ConfirmTransferParams.builder()
                            .masqueradeAs(masqueradeAs)
                            .build())
                    .execute());
    if (confirmed != null) {
      transfer = confirmed;
    }
  }

  @Then("the confirmation is refused with a {string}")
  @Then("the transfer is refused with a {string}")
  public void isRefusedWithA(String type) {
    ApiException e = ctx.expectError(ApiException.class);
    assertEquals(type, e.providerCode(), "Wyre exception type (" + e.getMessage() + ")");
  }

  @Then("its status history records the steps")
  public void itsStatusHistoryRecordsTheSteps() {
    List<StatusHistory> history = transfer.getStatusHistories();
    assertNotNull(history, "statusHistories");
    List<String> states =
        history.stream()
            .sorted(
                java.util.Comparator.comparing(
                    h -> h.getStatusOrder() == null ? 0 : h.getStatusOrder()))
            .map(StatusHistory::getState)
            .toList();
    assertTrue(
        states.indexOf("PENDING") >= 0 && states.indexOf("COMPLETED") > states.indexOf("PENDING"),
        "status history should record PENDING then COMPLETED, was " + states);
  }

  @When(
      "I create a transfer from {string} of BTC to XLM with {word} {amount} and amountIncludesFees {word}")
  public void iCreateATransferOfBtcToXlm(
      String source, String field, BigDecimal amount, String includesFees) {
    requested = amount;
    CreateTransferRequest.Builder b =
        CreateTransferRequest.builder()
            .source(id(source))
            .sourceCurrency("BTC")
            .dest(id(STELLAR_DEST))
            .destCurrency("XLM")
            .autoConfirm(false)
            .customId(customId());
    switch (field) {
      case "sourceAmount":
        b.sourceAmount(amount);
        break;
      case "destAmount":
        b.destAmount(amount);
        break;
      default:
        throw new IllegalArgumentException("no amount field " + field);
    }
    if (Boolean.parseBoolean(includesFees)) {
      b.amountIncludesFees(true);
    }
    transfer = wyre().transfers().createTransfer(b.build()).execute();
  }

  @Then("the fees are added on top: sourceAmount is {amount} plus totalFees")
  public void theFeesAreAddedOnTop(BigDecimal amount) {
    assertTrue(transfer.getTotalFees().signum() > 0, "totalFees " + transfer.getTotalFees());
    assertAmount(amount.add(transfer.getTotalFees()), transfer.getSourceAmount(), "sourceAmount");
  }

  @Then("the total withdrawn is {amount} including totalFees")
  public void theTotalWithdrawnIs(BigDecimal amount) {
    assertTrue(transfer.getTotalFees().signum() > 0, "totalFees " + transfer.getTotalFees());
    assertAmount(amount, transfer.getSourceAmount(), "sourceAmount");
  }

  @Then("exactly {amount} arrives at the destination")
  public void exactlyArrivesAtTheDestination(BigDecimal amount) {
    assertAmount(amount, transfer.getDestAmount(), "destAmount");
  }

  /**
   * The docs' exchangeRate is "a multiplier, such that sourceAmount * exchangeRate = destAmount";
   * their own example C (and the sandbox) apply it to the amount after fees. Equal up to one unit
   * of the last digit either amount carries (destAmount is rounded to the destination currency, a
   * destAmount request to the source currency).
   */
  @Then("sourceAmount less totalFees, times exchangeRate, equals destAmount")
  public void sourceAmountTimesExchangeRateEqualsDestAmount() {
    BigDecimal rate = transfer.getExchangeRate();
    assertNotNull(rate, "exchangeRate of an exchange");
    BigDecimal product =
        transfer.getSourceAmount().subtract(transfer.getTotalFees()).multiply(rate);
    BigDecimal destUnit =
        BigDecimal.ONE.movePointLeft(Math.max(0, transfer.getDestAmount().scale()));
    BigDecimal sourceUnit =
        BigDecimal.ONE.movePointLeft(
            Math.max(transfer.getSourceAmount().scale(), transfer.getTotalFees().scale()));
    BigDecimal tolerance = destUnit.max(sourceUnit.multiply(rate));
    BigDecimal difference = product.subtract(transfer.getDestAmount()).abs();
    assertTrue(
        difference.compareTo(tolerance) <= 0,
        "(sourceAmount "
            + transfer.getSourceAmount().toPlainString()
            + " - totalFees "
            + transfer.getTotalFees().toPlainString()
            + ") x exchangeRate "
            + rate.toPlainString()
            + " = "
            + product.toPlainString()
            + ", destAmount "
            + transfer.getDestAmount().toPlainString()
            + " (requested "
            + requested
            + ")");
  }

  @When("I try to create a transfer with both sourceAmount {amount} and destAmount {amount}")
  public void iTryToCreateATransferWithBoth(BigDecimal sourceAmount, BigDecimal destAmount) {
    ctx.attempt(
        () ->
            wyre()
                .transfers()
                .createTransfer(
                    CreateTransferRequest.builder()
                        .source(id("account:AC_XXXXXXXX2"))
                        .sourceCurrency("USD")
                        .sourceAmount(sourceAmount)
                        .dest(id("paymentmethod:PA_LXXXXXXXX"))
                        .destCurrency("USD")
                        .destAmount(destAmount)
                        .customId(customId())
                        .build())
                .execute());
  }

  @Given("my account has a sub-account")
  public void myAccountHasASubAccount() {
    subAccount = id(SandboxSeed.WYRE_SUB_ACCOUNT);
  }

  @When("I create a transfer of {amount} USD as the sub-account using masqueradeAs")
  public void iCreateATransferAsTheSubAccount(BigDecimal amount) {
    masqueradeAs = subAccount;
    transfer =
        wyre()
            .transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .source("account:" + subAccount)
                    .sourceCurrency("USD")
                    .sourceAmount(amount)
                    .dest(id("paymentmethod:PA_LXXXXXXXX"))
                    .destCurrency("USD")
                    .autoConfirm(false)
                    .customId(customId())
                    .build(),
                TransfersApi.CreateTransferParams.builder().masqueradeAs(masqueradeAs).build())
            .execute();
  }

  @Then("the transfer is owned by the sub-account")
  public void theTransferIsOwnedByTheSubAccount() {
    assertEquals("account:" + subAccount, transfer.getOwner());
    Transfer fetched =
        wyre()
            .transfers()
            .getTransfer(
                transfer.getId(),
                TransfersApi.GetTransferParams.builder().masqueradeAs(masqueradeAs).build())
            .execute();
    assertEquals(transfer.getId(), fetched.getId());
  }

  /** Re-reads the transfer (after time passed). */
  void refresh() {
    transfer =
        wyre()
            .transfers()
            .getTransfer(
                transfer.getId(),
                TransfersApi.GetTransferParams.builder().masqueradeAs(masqueradeAs).build())
            .execute();
  }

  String status() {
    return transfer.getStatus().value();
  }

  private static String customId() {
    return "conformance-" + UUID.randomUUID();
  }
}
