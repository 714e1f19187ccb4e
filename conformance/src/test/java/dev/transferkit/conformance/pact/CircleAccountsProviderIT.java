package dev.transferkit.conformance.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.sandbox.SandboxSeed;
import java.math.BigDecimal;
import java.util.Map;

/** The circle-accounts pact verified against the sandbox. */
@Provider("circle-accounts")
@PactFolder("target/pacts")
class CircleAccountsProviderIT extends SandboxProviderVerification {
  @Override
  String baseUrl() {
    return provider.sandbox.circleBaseUrl();
  }

  @State("account 1017381855 holds 10000.00 USD")
  public void sourceHolds() {
    provider.control.reset();
    provider.control.setCircleAccountBalance(
        SandboxSeed.CIRCLE_SOURCE_ACCOUNT, new BigDecimal("10000.00"), "USD");
  }

  @State("accounts 1017381855 (10000.00 USD) and 1000661542 (0 USD) of one entity")
  public void bothAccounts() {
    sourceHolds();
    provider.control.setCircleAccountBalance(
        SandboxSeed.CIRCLE_DESTINATION_ACCOUNT, BigDecimal.ZERO, "USD");
  }

  @State(
      "a transfer of 2500.00 USD was created with idempotency key "
          + CircleAccountsPactTest.REPLAY_KEY)
  public void createdWithKey() {
    bothAccounts();
    transfer("2500.00", CircleAccountsPactTest.REPLAY_KEY);
  }

  @State("a transfer of 2500.00 USD exists")
  public Map<String, Object> transferExists() {
    bothAccounts();
    return Map.of("transferId", transfer("2500.00", null));
  }

  @State("transfers of 100.00 then 200.00 USD from account 1017381855")
  public void twoTransfers() {
    bothAccounts();
    transfer("100.00", null);
    transfer("200.00", null);
  }

  /** Made through the API itself: the admin API does not create transfers. */
  private static String transfer(String amount, String key) {
    CircleClient circle =
        CircleClient.builder()
            .apiKey(SandboxSeed.CIRCLE_API_KEY)
            .baseUrl(provider.sandbox.circleBaseUrl())
            .build();
    return circle
        .accounts()
        .createAccountTransfer(
            CreateAccountTransferRequest.builder()
                .idempotencyKey(key)
                .source(
                    AccountLocation.builder()
                        .type(AccountLocationType.ACCOUNT)
                        .id(SandboxSeed.CIRCLE_SOURCE_ACCOUNT)
                        .build())
                .destination(
                    AccountLocation.builder()
                        .type(AccountLocationType.ACCOUNT)
                        .id(SandboxSeed.CIRCLE_DESTINATION_ACCOUNT)
                        .build())
                .amount(
                    RequestMoney.builder()
                        .amount(new BigDecimal(amount))
                        .currency(RequestCurrency.USD)
                        .build())
                .build())
        .execute()
        .getId();
  }
}
