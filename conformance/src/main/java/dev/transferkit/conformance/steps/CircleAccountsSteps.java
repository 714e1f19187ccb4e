package dev.transferkit.conformance.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.accounts.api.AccountsApi;
import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.AccountTransfer;
import dev.transferkit.circle.accounts.model.Balances;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.Money;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.exception.InsufficientFundsException;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Circle Digital Asset Accounts: balances and internal transfers.
 *
 * <p>On the local sandbox the Background sets the balances it states. A real sandbox's balances
 * cannot be set: there the Background records what each account really holds, and every later
 * balance is checked as the same change relative to it (and the amount meant to exceed the source
 * balance is shifted by the same difference), so the scenario still proves that exactly the
 * documented amounts moved.
 */
public final class CircleAccountsSteps {
  private final ScenarioContext ctx;
  private String sourceId;
  private String destinationId;

  /** Per account: what it really held minus what the Background states (0 on the local sandbox). */
  private final Map<String, BigDecimal> offsets = new HashMap<>();

  private Balances lastBalances;
  private String lastBalancesAccount;
  private ApiResponse<AccountTransfer> lastCreate;
  private AccountTransfer created;
  private AccountTransfer fetched;
  private AccountTransfer replayed;
  private List<AccountTransfer> listed;
  private final List<AccountTransfer> createdInOrder = new java.util.ArrayList<>();

  /** The docs' idempotency keys and the keys used for them on this run. */
  private final Map<String, String> keys = new HashMap<>();

  public CircleAccountsSteps() {
    this.ctx = ScenarioContext.current();
    ctx.register(this);
  }

  private CircleClient circle() {
    return ctx.run().circle();
  }

  @Given("a source account {string} holding {amount} USD")
  public void aSourceAccountHolding(String id, BigDecimal amount) {
    sourceId = ctx.run().fixtures.id(id);
    arrangeBalance(sourceId, amount);
  }

  @Given("a destination account {string} holding {amount} USD")
  public void aDestinationAccountHolding(String id, BigDecimal amount) {
    destinationId = ctx.run().fixtures.id(id);
    arrangeBalance(destinationId, amount);
  }

  private void arrangeBalance(String accountId, BigDecimal amount) {
    if (ctx.run().target.isLocal()) {
      ctx.run().control.setCircleAccountBalance(accountId, amount, "USD");
      offsets.put(accountId, BigDecimal.ZERO);
    } else {
      offsets.put(accountId, usd(balances(accountId)).subtract(amount));
    }
  }

  @When("I check the balance of the {word} account")
  public void iCheckTheBalanceOf(String role) {
    lastBalancesAccount = account(role);
    lastBalances = balances(lastBalancesAccount);
  }

  @Then("the available balance is {amount} USD and nothing is unsettled")
  public void theAvailableBalanceIsAndNothingUnsettled(BigDecimal amount) {
    theAvailableBalanceIs(amount);
    List<Money> unsettled = lastBalances.getUnsettled();
    assertTrue(
        unsettled == null || unsettled.stream().allMatch(m -> m.getAmount().signum() == 0),
        "unsettled: " + unsettled);
  }

  @Then("the available balance is {amount} USD")
  public void theAvailableBalanceIs(BigDecimal amount) {
    assertNotNull(lastBalances, "no balance was checked");
    assertAmount(
        expected(lastBalancesAccount, amount),
        usd(lastBalances),
        "available USD of " + lastBalancesAccount);
  }

  @When(
      "I create an internal transfer of {amount} USD from the source account to the destination account")
  @Given(
      "I created an internal transfer of {amount} USD from the source account to the destination account")
  public void iCreateAnInternalTransfer(BigDecimal amount) {
    create(amount, null);
    ctx.requireNoError();
  }

  @When(
      "I try to create an internal transfer of {amount} USD from the source account to the destination account")
  public void iTryToCreateAnInternalTransfer(BigDecimal amount) {
    create(amount.add(offsets.getOrDefault(sourceId, BigDecimal.ZERO)), null);
  }

  @Given("I created an internal transfer of {amount} USD with idempotency key {string}")
  public void iCreatedWithIdempotencyKey(BigDecimal amount, String key) {
    create(amount, runKey(key));
    ctx.requireNoError();
  }

  @When("I send the same transfer again with idempotency key {string}")
  public void iSendTheSameTransferAgain(String key) {
    assertNotNull(created, "no transfer was created before");
    AccountTransfer original = created;
    create(created.getAmount().getAmount(), runKey(key));
    ctx.requireNoError();
    replayed = created;
    created = original;
  }

  @Then("I get the original transfer back")
  public void iGetTheOriginalTransferBack() {
    assertEquals(created.getId(), replayed.getId(), "the replay answered another transfer");
    assertEquals(created.getAmount(), replayed.getAmount());
    assertEquals(200, lastCreate.status(), "a replay answers 200 with the original transfer");
  }

  @Then("the transfer amount is {amount} USD")
  public void theTransferAmountIs(BigDecimal amount) {
    assertAmount(amount, created.getAmount().getAmount(), "transfer amount");
    assertEquals("USD", created.getAmount().getCurrency().value());
  }

  @When("I get the transfer by its ID")
  public void iGetTheTransferByItsId() {
    fetched = circle().accounts().getAccountTransfer(created.getId()).execute();
  }

  @Then("it is the transfer I created, with status {string}")
  public void itIsTheTransferICreated(String status) {
    assertEquals(created.getId(), fetched.getId());
    assertEquals(created.getAmount(), fetched.getAmount());
    assertEquals(created.getSource(), fetched.getSource());
    assertEquals(created.getDestination(), fetched.getDestination());
    assertEquals(status, fetched.getStatus().value());
  }

  @When("I list the transfers of the source account with page size {int}")
  public void iListTheTransfers(int pageSize) {
    listed =
        circle()
            .accounts()
            .listAccountTransfers(
                AccountsApi.ListAccountTransfersParams.builder()
                    .accountId(sourceId)
                    .pageSize(pageSize)
                    .build())
            .execute();
  }

  @Then("the list starts with the {amount} USD transfer followed by the {amount} USD transfer")
  public void theListStartsWith(BigDecimal first, BigDecimal second) {
    assertTrue(listed.size() >= 2, "listed " + listed.size() + " transfers");
    assertAmount(first, listed.get(0).getAmount().getAmount(), "newest transfer");
    assertAmount(second, listed.get(1).getAmount().getAmount(), "second newest transfer");
    AccountTransfer newest = createdInOrder.get(createdInOrder.size() - 1);
    AccountTransfer before = createdInOrder.get(createdInOrder.size() - 2);
    assertEquals(
        List.of(newest.getId(), before.getId()),
        List.of(listed.get(0).getId(), listed.get(1).getId()),
        "newest first");
  }

  @Then("the transfer is refused for insufficient funds")
  public void theTransferIsRefusedForInsufficientFunds() {
    InsufficientFundsException e = ctx.expectError(InsufficientFundsException.class);
    assertEquals("1093", e.providerCode(), "Circle's insufficient funds code");
  }

  @Then("the {word} account holds {amount} USD")
  public void theAccountHolds(String role, BigDecimal amount) {
    String id = account(role);
    assertAmount(
        expected(id, amount),
        usd(balances(id)),
        "available USD of the " + role + " account (" + id + ")");
  }

  @Then("the {word} account still holds {amount} USD")
  public void theAccountStillHolds(String role, BigDecimal amount) {
    theAccountHolds(role, amount);
  }

  /** The transfer status as the last create or get answered it. */
  String status() {
    return (fetched != null ? fetched : created).getStatus().value();
  }

  private void create(BigDecimal amount, String idempotencyKey) {
    CreateAccountTransferRequest request =
        CreateAccountTransferRequest.builder()
            .idempotencyKey(idempotencyKey)
            .source(
                AccountLocation.builder().type(AccountLocationType.ACCOUNT).id(sourceId).build())
            .destination(
                AccountLocation.builder()
                    .type(AccountLocationType.ACCOUNT)
                    .id(destinationId)
                    .build())
            .amount(RequestMoney.builder().amount(amount).currency(RequestCurrency.USD).build())
            .build();
    ApiResponse<AccountTransfer> response =
        ctx.attempt(() -> circle().accounts().createAccountTransfer(request).executeForResponse());
    if (response != null) {
      lastCreate = response;
      created = lastCreate.body();
      fetched = null;
      createdInOrder.add(created);
    }
  }

  /**
   * The docs' key on the local sandbox (reset before each scenario); a fresh one per run on a real
   * sandbox.
   */
  private String runKey(String docsKey) {
    return ctx.run().target.isLocal()
        ? docsKey
        : keys.computeIfAbsent(docsKey, k -> UUID.randomUUID().toString());
  }

  private String account(String role) {
    switch (role) {
      case "source":
        return sourceId;
      case "destination":
        return destinationId;
      default:
        throw new IllegalArgumentException("no account with role '" + role + "'");
    }
  }

  private Balances balances(String accountId) {
    return circle().accounts().getAccountBalances(accountId).execute();
  }

  private BigDecimal expected(String accountId, BigDecimal stated) {
    return stated.add(offsets.getOrDefault(accountId, BigDecimal.ZERO));
  }

  private static BigDecimal usd(Balances balances) {
    return balances.getAvailable().stream()
        .filter(m -> "USD".equals(m.getCurrency().value()))
        .map(Money::getAmount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static void assertAmount(BigDecimal expected, BigDecimal actual, String what) {
    assertNotNull(actual, what + " is missing");
    assertEquals(
        0,
        expected.compareTo(actual),
        what + ": expected " + expected.toPlainString() + ", got " + actual.toPlainString());
  }
}
