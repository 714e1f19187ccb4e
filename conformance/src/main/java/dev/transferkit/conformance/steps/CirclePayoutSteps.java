package dev.transferkit.conformance.steps;

import static dev.transferkit.conformance.steps.CircleAccountsSteps.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.circle.payouts.model.CreatePayoutRequest;
import dev.transferkit.circle.payouts.model.Payout;
import dev.transferkit.circle.payouts.model.PayoutDestination;
import dev.transferkit.circle.payouts.model.PayoutDestinationType;
import dev.transferkit.circle.payouts.model.PurposeOfTransfer;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.sandbox.SandboxSeed;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;

/** Circle payouts to address-book recipients, and the purposeOfTransfer rules. */
public final class CirclePayoutSteps {
  private final ScenarioContext ctx;
  private CircleClient circle;
  private String destinationId;
  private Payout payout;

  public CirclePayoutSteps() {
    this.ctx = ScenarioContext.current();
    ctx.register(this);
  }

  private CircleClient circle() {
    return circle != null ? circle : ctx.run().circle();
  }

  @Given("an address book destination {string}")
  public void anAddressBookDestination(String id) {
    destinationId = ctx.run().fixtures.id(id);
  }

  /**
   * Only the sandbox can give an entity this setting: the seeded CIRCLE_SG entity requires
   * purposeOfTransfer; the scenario acts as that entity, paying its own address-book recipient.
   */
  @Given("my entity requires purposeOfTransfer")
  public void myEntityRequiresPurposeOfTransfer() {
    circle = ctx.run().circleWithKey(SandboxSeed.CIRCLE_SG_API_KEY);
    destinationId = SandboxSeed.CIRCLE_SG_ADDRESS_BOOK_ID;
  }

  @When(
      "I create a payout of {amount} USD to the address book destination with purposeOfTransfer {string}")
  public void iCreateAPayout(BigDecimal amount, String purpose) {
    payout = ctx.attempt(() -> create(amount, PurposeOfTransfer.fromValue(purpose)));
    ctx.requireNoError();
  }

  @When(
      "I try to create a payout of {amount} USD to the address book destination with purposeOfTransfer {string}")
  public void iTryToCreateAPayout(BigDecimal amount, String purpose) {
    payout = ctx.attempt(() -> create(amount, PurposeOfTransfer.fromValue(purpose)));
  }

  @When(
      "I try to create a payout of {amount} USD to the address book destination without purposeOfTransfer")
  public void iTryToCreateAPayoutWithoutPurpose(BigDecimal amount) {
    payout = ctx.attempt(() -> create(amount, null));
  }

  @Then("the payout status is {string}")
  public void thePayoutStatusIs(String status) {
    assertNotNull(payout, "no payout");
    assertEquals(status, payout.getStatus().value());
  }

  @Then("the payout echoes purposeOfTransfer {string}")
  public void thePayoutEchoesPurpose(String purpose) {
    assertEquals(
        purpose,
        payout.getPurposeOfTransfer() == null ? null : payout.getPurposeOfTransfer().value());
  }

  @Then("the payout amount is {amount} USD")
  public void thePayoutAmountIs(BigDecimal amount) {
    assertAmount(amount, payout.getAmount().getAmount(), "payout amount");
    assertEquals("USD", payout.getAmount().getCurrency().value());
  }

  @Then("the payout is refused with error code {int}")
  public void thePayoutIsRefusedWithErrorCode(int code) {
    ApiException e = ctx.expectError(ApiException.class);
    assertEquals(
        String.valueOf(code), e.providerCode(), "Circle error code (" + e.getMessage() + ")");
    assertEquals(400, e.httpStatus());
  }

  private Payout create(BigDecimal amount, PurposeOfTransfer purpose) {
    return circle()
        .payouts()
        .createPayout(
            CreatePayoutRequest.builder()
                .destination(
                    PayoutDestination.builder()
                        .type(PayoutDestinationType.ADDRESS_BOOK)
                        .id(destinationId)
                        .build())
                .amount(RequestMoney.builder().amount(amount).currency(RequestCurrency.USD).build())
                .purposeOfTransfer(purpose)
                .build())
        .execute();
  }
}
